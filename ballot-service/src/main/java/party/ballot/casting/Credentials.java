package party.ballot.casting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import party.ballot.box.BoxSql;
import party.ballot.sessions.EvaluationSession;
import party.ballot.sessions.SessionState;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/**
 * Who may cast: one-time codes and bound accounts, one credential of one ballot type each; and how many paper sheets
 * of each type were handed out, which is how many paper ballots of it tellers may enter.
 */
@ApplicationScoped
public class Credentials {

    public record IssuedCode(String code, String ballotType) {
    }

    private final EntityManager em;

    public Credentials(EntityManager em) {
        this.em = em;
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

    /**
     * Records how many paper sheets of a ballot type are handed out, replacing what was recorded before. Only before
     * opening: holding the session's row, which opening updates, so the count stands once voting has begun.
     */
    @Transactional
    public void handOutSheets(EvaluationSession session, String ballotType, int count) {
        EvaluationSession now = EvaluationSession.findById(session.id, LockModeType.PESSIMISTIC_READ);
        now.require(SessionState.DRAFT, "只有草稿状态的评议会可以登记发出的纸质票");
        requireType(now, ballotType);
        em.createNativeQuery(BoxSql.HAND_OUT_SHEETS).setParameter(1, now.id).setParameter(2, ballotType)
                .setParameter(3, count).executeUpdate();
    }

    /** The credential of a code, for showing the ballot form; 404 for an unknown code. */
    public VotingCredential ofCode(String code) {
        VotingCredential credential = VotingCredential.find("codeHash", OneTimeCodes.hash(code)).firstResult();
        if (credential == null) {
            throw unknownCode();
        }
        return credential;
    }

    /** The credential of an account bound to the session: being bound, not org scope, entitles a voter; others get 404. */
    public VotingCredential ofAccount(UUID session, String account) {
        VotingCredential credential = VotingCredential.find("sessionId = ?1 and account = ?2", session, account)
                .firstResult();
        if (credential == null) {
            throw Refusal.unknown();
        }
        return credential;
    }

    static Refused unknownCode() {
        return Refusal.UNKNOWN_CODE.because("no session has this voting code", "code");
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

    static void requireType(EvaluationSession session, String ballotType) {
        if (session.definition.ballotType(ballotType).isEmpty()) {
            throw Refusal.UNKNOWN_BALLOT_TYPE.because("the session has no ballot type " + ballotType, "ballotType");
        }
    }
}
