package party.common.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A 述职评议 session's sealed tally, on {@link Topics#BALLOT_RESULTS} for assessment-service, which uses it
 * as the evaluation component of a unit's result.
 *
 * @param orgUnit     code of the unit holding the session
 * @param orgPath     its path: the session's subjects are units (or persons of units) below it
 * @param year        the assessment year the session is for, set by its organizer
 * @param scale       the grades, top first, with the points each is worth: a subject's weighted total lies
 *                    between the last grade's value and the first's
 * @param digest      SHA-256 of the anonymous ballot box, recomputable by anyone holding the box
 */
public record BallotResultsSealed(UUID sessionId, String orgUnit, String orgPath, String title, LocalDate heldOn,
                                  Integer year, List<GradeValue> scale, String digest,
                                  List<SubjectResult> subjects) implements PlatformEvent {

    public enum SubjectKind { UNIT, PERSON }

    public record GradeValue(String label, BigDecimal value) {
    }

    @Override
    public String topic() {
        return Topics.BALLOT_RESULTS;
    }

    @Override
    public String key() {
        return sessionId.toString();
    }

    /** @param subject an org-unit code (kind {@code UNIT}), or a person's id (kind {@code PERSON}) */
    public record SubjectResult(String category, String subject, SubjectKind kind, String name,
                                BigDecimal weightedTotal, Integer rank, Map<String, TypeResult> byType) {
    }

    /** @param counts votes per grade over the valid ballots of this type */
    public record TypeResult(Map<String, Integer> counts, int valid, int invalid, BigDecimal topShare, BigDecimal score) {
    }
}
