package party.ballot.casting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import party.ballot.box.BoxSql;
import party.ballot.box.StoredBallot;
import party.ballot.sessions.EvaluationSession;
import party.ballot.sessions.SessionState;
import party.ballot.tally.BallotBoxDigest;
import party.ballot.tally.BallotCheck;
import party.ballot.tally.BallotCheck.Entry;
import party.ballot.tally.Mark;
import party.ballot.tally.SessionDefinition;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/**
 * Takes ballots: cast with a credential (see {@link BoxSql} for why it is one statement) while the session is open, or
 * entered on paper by a teller once it has closed. A ballot is checked before its credential is spent, so a malformed
 * request spends nothing; spending is one conditional UPDATE, so a credential casts once however many requests race
 * for it, and so is counting a paper ballot against the sheets handed out.
 */
@ApplicationScoped
public class Casting {

    /** How a cast names its credential: by the hash of a one-time code, or as the account bound to the session. */
    private enum CredentialBy {
        CODE(BoxSql.SPEND_CODE_AND_INSERT, BoxSql.CODE_SESSION_STATE, Credentials::unknownCode),
        ACCOUNT(BoxSql.SPEND_ACCOUNT_AND_INSERT, BoxSql.ACCOUNT_SESSION_STATE, Refusal::unknown); // others get 404

        final String spendAndInsert;
        final String sessionState;
        final Supplier<Refused> unknown;

        CredentialBy(String spendAndInsert, String sessionState, Supplier<Refused> unknown) {
            this.spendAndInsert = spendAndInsert;
            this.sessionState = sessionState;
            this.unknown = unknown;
        }
    }

    private final EntityManager em;
    private final DataSource dataSource;
    /** Definitions are frozen when a session opens, so casting parses each open session's definition once. */
    private final Map<UUID, SessionDefinition> frozen = new ConcurrentHashMap<>();

    public Casting(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Casts with a one-time code into the session its ballot form came from: 404 for a code of no such session. */
    public BallotCheck.Verdict withCode(UUID session, String code, List<Mark> marks) {
        return cast(session, marks, CredentialBy.CODE, OneTimeCodes.hash(code));
    }

    /** Casts as an account bound to the session: others get 404, being bound is what entitles a voter. */
    public BallotCheck.Verdict asAccount(UUID session, String account, List<Mark> marks) {
        return cast(session, marks, CredentialBy.ACCOUNT, account);
    }

    /**
     * A teller enters a paper ballot between closing and sealing, no more of a type than its sheets handed out: same
     * checks as a cast, except several marks on one subject make it void. It locks the session's row until its ballot
     * is in, and sealing updates that row before it counts: a paper ballot is in the sealed count and digest, or it
     * finds the session sealed and is refused. The lock is exclusive, so a stream of entries cannot keep sealing
     * waiting, as shared locks could.
     */
    @Transactional
    public BallotCheck.Verdict onPaper(EvaluationSession session, String ballotType, List<Mark> marks) {
        EvaluationSession now = EvaluationSession.findById(session.id, LockModeType.PESSIMISTIC_WRITE);
        now.require(SessionState.CLOSED, "只有已结束投票、尚未封存的评议会可以录入纸质票");
        Credentials.requireType(now, ballotType);
        BallotCheck.Verdict verdict = check(now.definition, marks, Entry.PAPER);
        if (em.createNativeQuery(BoxSql.COUNT_PAPER).setParameter(1, now.id).setParameter(2, ballotType)
                .executeUpdate() == 0) {
            throw noSheetLeft(now, ballotType);
        }
        StoredBallot.of(now.id, ballotType, verdict, marks).persist();
        return verdict;
    }

    private Refused noSheetLeft(EvaluationSession session, String ballotType) {
        @SuppressWarnings("unchecked")
        List<Object[]> paper = em.createNativeQuery(BoxSql.PAPER_OF_TYPE).setParameter(1, session.id)
                .setParameter(2, ballotType).getResultList();
        long sheets = paper.isEmpty() ? 0 : ((Number) paper.get(0)[0]).longValue();
        long entered = paper.isEmpty() ? 0 : ((Number) paper.get(0)[1]).longValue();
        return Refusal.TOO_MANY_PAPER_BALLOTS.because(sheets + " paper sheets of ballot type " + ballotType
                + " were handed out and " + entered + " are entered: no more of type " + ballotType + " can be",
                "ballotType");
    }

    private BallotCheck.Verdict cast(UUID session, List<Mark> marks, CredentialBy credential, String key) {
        BallotCheck.Verdict verdict;
        try {
            verdict = check(openDefinition(session, credential.unknown), marks, Entry.ELECTRONIC);
        } catch (Refused refused) {
            // only a holder of one of its credentials learns how a session refuses a ballot: its state, its subjects
            try (Connection db = dataSource.getConnection()) {
                sessionState(db, session, credential, key);
            } catch (SQLException e) {
                throw new IllegalStateException("casting failed in the database", e);
            }
            throw refused;
        }
        try (Connection db = dataSource.getConnection()) {
            try (var insert = db.prepareStatement(credential.spendAndInsert)) {
                insert.setObject(1, session);
                insert.setString(2, key);
                insert.setObject(3, session);
                insert.setString(4, verdict.status().name());
                insert.setString(5, verdict.voidReason());
                insert.setString(6, StoredBallot.marksJson(marks));
                insert.setBytes(7, BallotBoxDigest.lineAfterType(verdict.status(), marks).getBytes(StandardCharsets.UTF_8));
                if (insert.executeUpdate() == 1) {
                    return verdict;
                }
            }
            // closing withdrew the credential, or another request spent it
            requireOpen(sessionState(db, session, credential, key));
        } catch (SQLException e) {
            throw new IllegalStateException("casting failed in the database", e);
        }
        throw Refusal.CREDENTIAL_USED.because("this credential has already cast its ballot", null);
    }

    /** The session's state, told only to a caller who names one of its credentials. */
    private static SessionState sessionState(Connection db, UUID session, CredentialBy credential, String key)
            throws SQLException {
        try (var find = db.prepareStatement(credential.sessionState)) {
            find.setObject(1, session);
            find.setString(2, key);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    throw credential.unknown.get();
                }
                return SessionState.valueOf(row.getString(1));
            }
        }
    }

    /**
     * The definition ballots of an open session are checked against. It is frozen when the session opens, so it is read
     * once; a session is remembered only once open, so no ballot enters a draft, and closing withdraws the credentials.
     * It is read before the cast takes a connection: when voting opens, every pooled connection can be held by a cast.
     */
    private SessionDefinition openDefinition(UUID session, Supplier<Refused> unknown) {
        SessionDefinition definition = frozen.get(session);
        if (definition == null) {
            EvaluationSession read = EvaluationSession.findById(session);
            if (read == null) {
                throw unknown.get();
            }
            requireOpen(read.state);
            definition = read.definition;
            frozen.put(session, definition);
        }
        return definition;
    }

    private static void requireOpen(SessionState state) {
        if (state != SessionState.OPEN) {
            throw EvaluationSession.wrongState(state, SessionState.OPEN, "评议会未在投票中");
        }
    }

    private static BallotCheck.Verdict check(SessionDefinition definition, List<Mark> marks, Entry entry) {
        try {
            return BallotCheck.check(definition, marks, entry);
        } catch (BallotCheck.MalformedBallot e) {
            throw Refusal.MALFORMED_BALLOT.because(e.getMessage(), e.field());
        }
    }
}
