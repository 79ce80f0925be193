package party.ballot.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import party.ballot.tally.BallotCheck;
import party.ballot.tally.Mark;
import party.ballot.tally.SessionDefinition;
import party.ballot.tally.Tally;

/** Response bodies of the ballot API. */
public final class SessionViews {

    private SessionViews() {
    }

    /** @param year the assessment year the results are for */
    public record SessionView(UUID id, String orgUnit, String orgPath, String title, LocalDate date, int year,
                              SessionState state, SessionDefinition definition, long version) {
        static SessionView of(EvaluationSession s) {
            return new SessionView(s.id, s.orgCode, s.orgPath, s.title, s.heldOn, s.assessmentYear, s.state,
                    s.definition, s.version);
        }
    }

    /** What a voter sees: the subjects, the scale and each category's limit on the top grade. */
    /** @param spent whether this credential has already cast its ballot (the form is still shown, the cast refused) */
    public record BallotForm(UUID sessionId, String title, LocalDate date, String ballotType, SessionState state,
                             List<SessionDefinition.Grade> scale, List<FormCategory> categories,
                             SessionDefinition.BlankPolicy blankPolicy, boolean spent) {
        public static BallotForm of(EvaluationSession s, String ballotType, boolean spent) {
            return new BallotForm(s.id, s.title, s.heldOn, ballotType, s.state, s.definition.scale(),
                    s.definition.categories().stream().map(c -> new FormCategory(c.code(), c.name(), c.topLimit(),
                            c.subjects())).toList(), s.definition.blankPolicy(), spent);
        }
    }

    public record FormCategory(String code, String name, int topLimit, List<SessionDefinition.Subject> subjects) {
    }

    /** The answer to a cast: counted, or kept as void with the reason (废票). */
    public record Receipt(BallotCheck.Status status, String voidReason) {
        public static Receipt of(BallotCheck.Verdict verdict) {
            return new Receipt(verdict.status(), verdict.voidReason());
        }
    }

    public record Results(UUID sessionId, String title, LocalDate date, String digest, Instant sealedAt, Tally.Result tally) {
    }

    /** The anonymous box as anyone entitled to the results may download and recount it. */
    public record BallotBoxExport(UUID sessionId, String title, SessionDefinition definition, String digest,
                                  List<ExportedBallot> ballots) {
    }

    public record ExportedBallot(String type, BallotCheck.Status status, String voidReason, List<Mark> marks) {
    }
}
