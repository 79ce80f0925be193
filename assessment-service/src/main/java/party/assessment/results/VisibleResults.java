package party.assessment.results;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import party.assessment.entries.IndicatorEntry;
import party.assessment.evaluation.EvaluationResult;
import party.assessment.inputs.OpinionScore;
import party.assessment.inputs.RectificationTally;
import party.assessment.inputs.RoutineCheck;
import party.assessment.orgunits.OrgUnit;
import party.assessment.persons.Person;
import party.assessment.records.DutyRecord;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.schemes.Schemes;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/**
 * A scheme's results as the caller may see them: the organization department that manages the scheme sees every
 * result; an assessed unit sees its own subtree's, once they are announced.
 */
@ApplicationScoped
public class VisibleResults {

    private final Schemes schemes;
    private final Results results;

    public VisibleResults(Schemes schemes, Results results) {
        this.schemes = schemes;
        this.results = results;
    }

    /** @param category only this category's results, or null for all */
    public List<ResultViews.ResultView> ranking(UUID schemeId, String scope, String category) {
        Scheme scheme = schemes.visible(schemeId, scope);
        Map<String, String> names = OrgUnit.namesByCode();
        return visibleRanking(scheme, scope).stream()
                .filter(r -> category == null || category.equals(r.result().category))
                .map(r -> ResultViews.ResultView.of(r, names.get(r.result().key.orgCode()))).toList();
    }

    /** A unit's result with every number it came from; 404 for a unit whose result the caller may not see. */
    public ResultViews.Breakdown breakdown(UUID schemeId, String unitCode, String scope) {
        Scheme scheme = schemes.visible(schemeId, scope);
        Results.Ranked ranked = visibleRanking(scheme, scope).stream()
                .filter(r -> r.result().key.orgCode().equals(unitCode)).findFirst().orElseThrow(Refusal::unknown);
        UnitResult result = ranked.result();
        ResultViews.Inputs inputs = result.lockedInputs != null ? result.lockedInputs : inputs(scheme, unitCode);
        return new ResultViews.Breakdown(ResultViews.ResultView.of(ranked, OrgUnit.nameOf(unitCode)),
                scheme.definition.components(), result.lines, inputs.unreviewed(), inputs.routineChecks(),
                inputs.opinion(), inputs.evaluation(), inputs.rectification(),
                inputs.countedRecords() == null ? List.of() : inputs.countedRecords());
    }

    /** The inputs beside the indicators a unit's result is computed from, as they stand now. */
    static ResultViews.Inputs inputs(Scheme scheme, String unitCode) {
        var routine = RoutineCheck.<RoutineCheck>list("schemeId = ?1 and orgCode = ?2 order by checkedOn", scheme.id,
                unitCode).stream().map(c -> new ResultViews.RoutineCheckView(c.checkedOn, c.score, c.note, c.recordedBy))
                .toList();
        OpinionScore opinion = OpinionScore.findById(new OpinionScore.Key(scheme.id, unitCode));
        RectificationTally tally = RectificationTally.findById(new RectificationTally.Key(unitCode, scheme.year));
        return new ResultViews.Inputs(
                IndicatorEntry.<IndicatorEntry>list("key.schemeId = ?1 and key.orgCode = ?2 and reviewedAt is null and "
                        + "acceptedAt is null and selfAt is not null order by key.indicatorCode", scheme.id, unitCode)
                        .stream().map(e -> e.key.indicatorCode()).toList(), routine,
                opinion == null ? null
                        : new ResultViews.OpinionView(opinion.satisfaction, opinion.source, opinion.recordedAt),
                EvaluationResult.counted(scheme.id, unitCode).map(e -> new ResultViews.EvaluationView(e.key.sessionId(),
                        e.sessionTitle, e.heldOn, e.weightedTotal, e.score, e.digest)).orElse(null),
                tally == null ? new ResultViews.RectificationView(0, 0, 0, 0, 0, 0)
                        : new ResultViews.RectificationView(tally.items, tally.onTime, tally.late, tally.overdue,
                        tally.reopened, tally.accountability), countedRecords(scheme, unitCode));
    }

    /** The records each indicator counted from records counts for the unit, in the order of the indicators. */
    private static List<ResultViews.CountedRecordView> countedRecords(Scheme scheme, String unitCode) {
        Map<UUID, String> names = new HashMap<>();
        return scheme.definition.countedIndicators().stream()
                .flatMap(indicator -> DutyRecord.counted(scheme.year, unitCode, indicator.method().records()).stream()
                        .map(record -> new ResultViews.CountedRecordView(indicator.code(), record.id,
                                names.computeIfAbsent(record.personId, id -> Person.<Person>findById(id).name),
                                record.post.label(), record.kindName, record.happenedOn, record.late,
                                "/api/assessment/duty-records/" + record.id)))
                .toList();
    }

    /** Managers of the scheme see everything; the assessed see their own subtree, once announced. */
    private List<Results.Ranked> visibleRanking(Scheme scheme, String scope) {
        if (!OrgPath.isWithin(scheme.orgPath, scope) && scheme.state != SchemeState.ANNOUNCED) {
            throw Refusal.RESULTS_NOT_ANNOUNCED.because(
                    "results become visible to assessed units when the scheme is announced", null);
        }
        return results.ranking(scheme).stream().filter(r -> OrgPath.isWithin(r.result().orgPath, scope)).toList();
    }
}
