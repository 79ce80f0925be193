package party.assessment.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import party.assessment.scoring.Component;
import party.assessment.scoring.SchemeDefinition;
import party.assessment.scoring.Scoring;
import party.common.events.OrgLevel;

/** Response bodies of the result API. */
public final class ResultViews {

    private ResultViews() {
    }

    /**
     * A unit's result in the ranking of its category.
     *
     * @param byThreshold the grade its total alone earns; {@code gradeReason} says why {@code grade} is lower
     * @param computedAt  when its figures last changed (a computation that finds them as they were leaves it)
     */
    public record ResultView(String unit, String name, String path, OrgLevel level, String category, BigDecimal total,
                             String grade, String byThreshold, String gradeReason, Integer rank, BigDecimal yearEnd,
                             Map<Component, BigDecimal> components, List<Component> missing,
                             SchemeDefinition.MissingComponents missingRule, String vetoGrade,
                             BigDecimal adjustment, String adjustmentReason, Instant computedAt) {

        static ResultView of(Results.Ranked ranked, String name) {
            UnitResult r = ranked.result();
            return new ResultView(r.key.orgCode(), name, r.orgPath, r.level, r.category, r.total, ranked.graded().grade(),
                    ranked.graded().byThreshold(), ranked.graded().reason(), ranked.graded().rank(),
                    r.summary.yearEnd(), r.summary.components(), r.summary.missing(), r.summary.missingRule(),
                    r.summary.vetoGrade(), r.adjustment, r.adjustmentReason, r.computedAt);
        }
    }

    /**
     * What a result is computed from beside its indicators: read live until the scheme locks, kept from then on.
     *
     * @param unreviewed     indicators standing on the unit's own report, neither scored nor accepted
     * @param countedRecords every duty record an indicator counted from records counts
     */
    public record Inputs(List<String> unreviewed, List<RoutineCheckView> routineChecks, OpinionView opinion,
                         EvaluationView evaluation, RectificationView rectification,
                         List<CountedRecordView> countedRecords) {
    }

    /**
     * Every number of a unit's result traced to its inputs; for a locked result, those its total used.
     *
     * @param unreviewed     indicators standing on the unit's own report, neither scored by their department nor
     *                       accepted by the organizer: the scheme cannot lock while there are any
     * @param countedRecords the duty records behind each indicator counted from records, with a link to each
     */
    public record Breakdown(ResultView result, Map<Component, BigDecimal> weights, List<Scoring.Line> indicators,
                            List<String> unreviewed, List<RoutineCheckView> routineChecks, OpinionView opinion,
                            EvaluationView evaluation, RectificationView rectification,
                            List<CountedRecordView> countedRecords) {
    }

    /** One duty record an indicator counted: who, in which post, what, when, and where to read it. */
    public record CountedRecordView(String indicator, UUID record, String person, String postLabel, String kindName,
                                    LocalDate happenedOn, boolean late, String href) {
    }

    public record RoutineCheckView(LocalDate checkedOn, BigDecimal score, String note, String recordedBy) {
    }

    public record OpinionView(BigDecimal satisfaction, String source, Instant recordedAt) {
    }

    /** The counted session the 述职评议 component came from; {@code score} is the weighted total out of 100. */
    public record EvaluationView(UUID sessionId, String sessionTitle, LocalDate heldOn, BigDecimal weightedTotal,
                                 BigDecimal score, String digest) {
    }

    /** The unit's items of the year: how many, closed on time or late, gone overdue or late, reopened. */
    public record RectificationView(int items, int onTime, int late, int overdue, int reopened, int accountability) {
    }
}
