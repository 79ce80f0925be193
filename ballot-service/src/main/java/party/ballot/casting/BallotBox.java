package party.ballot.casting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import party.ballot.sessions.EvaluationSession;
import party.ballot.sessions.SessionState;
import party.ballot.tally.BallotBoxDigest;
import party.ballot.tally.BallotCheck;
import party.ballot.tally.BallotCheck.Entry;
import party.ballot.tally.Mark;
import party.ballot.tally.SessionDefinition;
import party.ballot.tally.Tally;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/**
 * Issues credentials and takes ballots. A ballot is checked before its credential is spent, so a
 * malformed request spends nothing; spending is one conditional UPDATE, so a credential casts once
 * however many requests race for it.
 */
@ApplicationScoped
public class BallotBox {

    public record IssuedCode(String code, String ballotType) {
    }

    public record Turnout(String ballotType, long issued, long cast, long paper) {
    }

    private static final int CHUNK = 1_000;

    /*
     * Casting is what a whole meeting hall does within seconds, so it is plain JDBC and one statement with no transaction
     * of its own (docs/benchmarks.md): the ballot names its session, is checked against that session's frozen
     * definition, and then one statement spends the credential and drops the ballot in, both or neither. Closing
     * withdraws every unspent credential before it shuffles the box. A cast that spent its credential first makes
     * closing wait for it, so its ballot is shuffled with the rest; one that comes second waits for closing and then
     * finds its credential withdrawn. Either way no ballot enters after the shuffle.
     *
     * The credential's ballot type is known only to the row being spent, so PostgreSQL completes the ballot's
     * canonical line with it and hashes the line (BallotBoxDigest.lineAfterType).
     */
    /** Spends the credential and drops the ballot in; complete it with the column that names the credential. */
    private static final String SPEND_AND_INSERT = """
            with spent as (
                update voting_credential set spent = true
                where not spent and not withdrawn and session_id = ? and %s = ?
                returning ballot_type)
            insert into ballot (id, session_id, ballot_type, status, void_reason, marks, line_hash)
            select gen_random_uuid(), ?, ballot_type, ?, ?, cast(? as json), sha256(convert_to(ballot_type, 'UTF8') || ?)
            from spent""";
    /** The state of a credential's session, when the credential exists. */
    private static final String CREDENTIAL_SESSION_STATE = """
            select s.state from voting_credential c join evaluation_session s on s.id = c.session_id
            where c.session_id = ? and c.%s = ?""";

    /** How a cast names its credential: by the hash of a one-time code, or as the account bound to the session. */
    private enum CredentialBy {
        CODE("code_hash", BallotBox::unknownCode),
        ACCOUNT("account", Refusal::unknown); // being bound is what entitles a voter: others get 404

        final String spendAndInsert;
        final String sessionState;
        final Supplier<RuntimeException> unknown;

        CredentialBy(String column, Supplier<RuntimeException> unknown) {
            this.spendAndInsert = SPEND_AND_INSERT.formatted(column);
            this.sessionState = CREDENTIAL_SESSION_STATE.formatted(column);
            this.unknown = unknown;
        }
    }

    private final EntityManager em;
    /** Definitions are frozen when a session opens, so casting parses each open session's definition once. */
    private final Map<UUID, SessionDefinition> frozen = new ConcurrentHashMap<>();

    private final DataSource dataSource;

    public BallotBox(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    @Transactional
    public List<IssuedCode> issueCodes(EvaluationSession session, String ballotType, int count) {
        holdForIssuing(session, ballotType);
        var codes = new ArrayList<IssuedCode>(count);
        for (int i = 0; i < count; i++) {
            String code = OneTimeCodes.next();
            VotingCredential.code(session.id, ballotType, OneTimeCodes.hash(code)).persist();
            codes.add(new IssuedCode(code, ballotType));
        }
        return codes;
    }

    /** Binds accounts (Keycloak user names) to the session; binding an account twice changes nothing. */
    @Transactional
    public int bindAccounts(EvaluationSession session, String ballotType, List<String> accounts) {
        holdForIssuing(session, ballotType);
        int bound = 0;
        for (String account : accounts) {
            if (VotingCredential.count("sessionId = ?1 and account = ?2", session.id, account) == 0) {
                VotingCredential.account(session.id, ballotType, account).persist();
                bound++;
            }
        }
        return bound;
    }

    /** The session a code belongs to, for showing the ballot form; 404 for an unknown code. */
    public VotingCredential credentialForCode(String code) {
        VotingCredential credential = VotingCredential.find("codeHash", OneTimeCodes.hash(code)).firstResult();
        if (credential == null) {
            throw unknownCode();
        }
        return credential;
    }

    private static Refused unknownCode() {
        return Refusal.UNKNOWN_CODE.because("no session has this voting code", "code");
    }

    /** Casts with a one-time code into the session its ballot form came from: 404 for a code of no such session. */
    public BallotCheck.Verdict castWithCode(UUID session, String code, List<Mark> marks) {
        return cast(session, marks, CredentialBy.CODE, OneTimeCodes.hash(code));
    }

    /** Casts as an account bound to the session: others get 404, being bound is what entitles a voter. */
    public BallotCheck.Verdict castAsAccount(UUID session, String account, List<Mark> marks) {
        return cast(session, marks, CredentialBy.ACCOUNT, account);
    }

    /** The credential of an account bound to the session: being bound, not org scope, entitles a voter; others get 404. */
    public VotingCredential boundCredential(UUID session, String account) {
        VotingCredential credential = VotingCredential.find("sessionId = ?1 and account = ?2", session, account)
                .firstResult();
        if (credential == null) {
            throw Refusal.unknown();
        }
        return credential;
    }

    /** A teller enters a paper ballot: same checks, except several marks on one subject make it void. */
    @Transactional
    public BallotCheck.Verdict enterPaper(EvaluationSession session, String ballotType, List<Mark> marks) {
        if (session.state != SessionState.OPEN && session.state != SessionState.CLOSED) {
            session.require(SessionState.OPEN, "只有投票中或已结束投票的评议会可以录入纸质票");
        }
        requireType(session, ballotType);
        BallotCheck.Verdict verdict = check(session.definition, marks, Entry.PAPER);
        StoredBallot.of(session.id, ballotType, verdict, marks).persist();
        em.createNativeQuery("""
                        insert into paper_turnout (session_id, ballot_type, ballots) values (?1, ?2, 1)
                        on conflict (session_id, ballot_type) do update set ballots = paper_turnout.ballots + 1""")
                .setParameter(1, session.id).setParameter(2, ballotType).executeUpdate();
        return verdict;
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
    private SessionDefinition openDefinition(UUID session, Supplier<RuntimeException> unknown) {
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

    /**
     * Ends casting into a session that has just been set CLOSED: withdraws its unspent credentials, then rewrites its
     * box under new random ids in random order, so neither row ids, physical order nor transaction ids relate a ballot
     * to the moment, and so the credential, it was cast with.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(UUID session) {
        em.flush(); // the session's new state first: issuing waits for it (see holdForIssuing) and then refuses
        // waits for each cast that has spent its credential; each later one finds its credential withdrawn
        em.createNativeQuery("update voting_credential set withdrawn = true where session_id = ?1 and not spent")
                .setParameter(1, session).executeUpdate();
        em.createNativeQuery("""
                        with taken as (delete from ballot where session_id = ?1
                                       returning ballot_type, status, void_reason, marks, line_hash)
                        insert into ballot (id, session_id, ballot_type, status, void_reason, marks, line_hash)
                        select gen_random_uuid(), ?1, ballot_type, status, void_reason, marks, line_hash
                        from taken order by random()""")
                .setParameter(1, session).executeUpdate();
    }

    /** A closed box, counted: the tally and the digest of its anonymous ballots. */
    public record Count(Tally.Result tally, String digest) {
    }

    /**
     * Counts a box of any size in one pass: rows stream from PostgreSQL a thousand at a time, their stored
     * hashes feed the digest, and each chunk of marks is parsed and counted on a second thread while the next
     * chunk is fetched. At most four chunks wait, so memory stays small whatever the box holds.
     */
    public Count count(UUID session, SessionDefinition definition) {
        var digest = new BallotBoxDigest();
        var total = new Tally.Counter(definition);
        var counted = new ArrayList<CompletableFuture<Tally.Counter>>();
        var waiting = new Semaphore(4);
        readBox(session, rows -> {
            rows.forEach(row -> digest.add(row.lineHash()));
            waiting.acquireUninterruptibly();
            counted.add(CompletableFuture.supplyAsync(() -> countChunk(definition, rows))
                    .whenComplete((c, e) -> waiting.release()));
        });
        counted.forEach(c -> total.merge(c.join()));
        return new Count(total.result(), digest.digest());
    }

    private static Tally.Counter countChunk(SessionDefinition definition, List<BoxRow> rows) {
        var counter = new Tally.Counter(definition);
        rows.forEach(row -> counter.add(row.ballot()));
        return counter;
    }

    /** The box as plain ballots, for exports; sealing counts through {@link #count} instead. */
    public List<Tally.Ballot> contents(UUID session) {
        var ballots = new ArrayList<Tally.Ballot>();
        readBox(session, rows -> rows.forEach(row -> ballots.add(row.ballot())));
        return ballots;
    }

    /** A row of the box; the marks as the UTF-8 JSON text PostgreSQL sent, which the parser reads as it is. */
    private record BoxRow(String type, String status, String voidReason, byte[] marks, byte[] lineHash) {

        Tally.Ballot ballot() {
            return new Tally.Ballot(type, BallotCheck.Status.valueOf(status), voidReason, StoredBallot.marks(marks));
        }
    }

    /** Hands the box over in chunks as they are fetched: inside a transaction, a thousand rows at a time. */
    private void readBox(UUID session, Consumer<List<BoxRow>> chunks) {
        try (Connection db = dataSource.getConnection(); var box = db.prepareStatement(
                "select ballot_type, status, void_reason, marks, line_hash from ballot where session_id = ?")) {
            box.setObject(1, session);
            box.setFetchSize(CHUNK);
            try (ResultSet row = box.executeQuery()) {
                var chunk = new ArrayList<BoxRow>(CHUNK);
                while (row.next()) {
                    // getBytes hands over a json column's text as received, without decoding it into a String
                    chunk.add(new BoxRow(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4),
                            row.getBytes(5)));
                    if (chunk.size() == CHUNK) {
                        chunks.accept(chunk);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                if (!chunk.isEmpty()) {
                    chunks.accept(chunk);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ballot box failed", e);
        }
    }

    public List<Turnout> turnout(EvaluationSession session) {
        Map<String, Turnout> byType = new LinkedHashMap<>();
        session.definition.ballotTypes().forEach(t -> byType.put(t.code(), new Turnout(t.code(), 0, 0, 0)));
        @SuppressWarnings("unchecked")
        List<Object[]> credentials = em.createNativeQuery("""
                        select ballot_type, count(*), count(*) filter (where spent) from voting_credential
                        where session_id = ?1 group by ballot_type""")
                .setParameter(1, session.id).getResultList();
        for (Object[] row : credentials) {
            byType.computeIfPresent((String) row[0], (type, t) ->
                    new Turnout(type, ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), t.paper()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> paper = em.createNativeQuery("select ballot_type, ballots from paper_turnout where session_id = ?1")
                .setParameter(1, session.id).getResultList();
        for (Object[] row : paper) {
            byType.computeIfPresent((String) row[0], (type, t) ->
                    new Turnout(type, t.issued(), t.cast(), ((Number) row[1]).longValue()));
        }
        return List.copyOf(byType.values());
    }

    private static BallotCheck.Verdict check(SessionDefinition definition, List<Mark> marks, Entry entry) {
        try {
            return BallotCheck.check(definition, marks, entry);
        } catch (BallotCheck.MalformedBallot e) {
            throw Refusal.MALFORMED_BALLOT.because(e.getMessage(), e.field());
        }
    }

    /**
     * Holds the session's row against closing until the credentials are in (closing updates it first), so a credential
     * is never issued after closing has withdrawn the unspent ones.
     */
    private static void holdForIssuing(EvaluationSession session, String ballotType) {
        EvaluationSession now = EvaluationSession.findById(session.id, LockModeType.PESSIMISTIC_READ);
        if (now.state != SessionState.DRAFT && now.state != SessionState.OPEN) {
            now.require(SessionState.OPEN, "只有草稿或投票中的评议会可以发放投票凭证");
        }
        requireType(now, ballotType);
    }

    private static void requireType(EvaluationSession session, String ballotType) {
        if (session.definition.ballotType(ballotType).isEmpty()) {
            throw Refusal.UNKNOWN_BALLOT_TYPE.because("the session has no ballot type " + ballotType, "ballotType");
        }
    }
}
