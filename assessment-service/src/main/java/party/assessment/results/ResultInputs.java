package party.assessment.results;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import party.assessment.entries.IndicatorEntry;
import party.assessment.evaluation.EvaluationResult;
import party.assessment.inputs.OpinionScore;
import party.assessment.inputs.RectificationTally;
import party.assessment.records.DutyRecord;
import party.assessment.schemes.Scheme;
import party.assessment.scoring.Component;
import party.assessment.scoring.Indicator;
import party.assessment.scoring.Measure;
import party.assessment.scoring.RecordCount;
import party.assessment.scoring.Scoring;

/**
 * Everything a scheme's results are computed from, read for one unit or for all at once (one query per kind of
 * input, before any result is written, so no query waits on flushing what was computed before it).
 */
record ResultInputs(Map<String, Map<String, Measure>> measures, Map<String, BigDecimal> routine,
                    Map<String, BigDecimal> evaluation, Map<String, BigDecimal> opinion,
                    Map<String, RectificationTally> tallies, Map<String, List<RecordCount.Tally>> records,
                    Scheme scheme) {

    /** @param units the codes of the units to read for, or null for every unit of the scheme */
    static ResultInputs load(EntityManager em, Scheme scheme, Collection<String> units) {
        String one = units == null ? "" : " and key.orgCode in :units";
        Map<String, Map<String, Measure>> measures = new HashMap<>();
        // the figures alone, not the entries: a city's scheme has half a million, too many to manage as entities
        query(em, "select e.key.orgCode, e.key.indicatorCode, e.reviewedAt, e.reviewValue, e.reviewGrade, e.selfValue, "
                + "e.selfGrade from IndicatorEntry e where e.key.schemeId = :scheme"
                + (units == null ? "" : " and e.key.orgCode in :units"), Object[].class, scheme, units, null)
                .forEach(row -> measures.computeIfAbsent((String) row[0], u -> new HashMap<>()).put((String) row[1],
                        IndicatorEntry.measure(row[2] != null, (BigDecimal) row[3], (String) row[4],
                                (BigDecimal) row[5], (String) row[6])));

        Map<String, BigDecimal> routine = new HashMap<>();
        query(em, "select orgCode, avg(score) from RoutineCheck where schemeId = :scheme"
                + (units == null ? "" : " and orgCode in :units") + " group by orgCode", Object[].class, scheme, units, null)
                .forEach(row -> routine.put((String) row[0], BigDecimal.valueOf(((Number) row[1]).doubleValue())));

        Map<String, BigDecimal> evaluation = new HashMap<>(); // from the sessions the scheme counts, one per unit
        query(em, "from EvaluationResult where score is not null and key.sessionId in (select c.key.sessionId from "
                + "CountedSession c where c.key.schemeId = :scheme)" + (units == null ? "" : " and key.subject in :units"),
                EvaluationResult.class, scheme, units, null)
                .forEach(e -> evaluation.put(e.key.subject(), e.score));

        Map<String, BigDecimal> opinion = new HashMap<>();
        query(em, "from OpinionScore where key.schemeId = :scheme" + one, OpinionScore.class, scheme, units, null)
                .forEach(o -> opinion.put(o.key.orgCode(), o.satisfaction));

        Map<String, RectificationTally> tallies = new HashMap<>();
        query(em, "from RectificationTally where key.year = :year" + one, RectificationTally.class, null, units,
                scheme.year).forEach(t -> tallies.put(t.key.orgCode(), t));
        return new ResultInputs(measures, routine, evaluation, opinion, tallies,
                scheme.definition.countedIndicators().isEmpty() ? Map.of() : DutyRecord.tallies(scheme.year, units),
                scheme);
    }

    /** What was measured for the unit: the reported and reviewed figures, and the counts of its duty records. */
    Map<String, Measure> measures(String unit) {
        Map<String, Measure> reported = measures.getOrDefault(unit, Map.of());
        List<Indicator> counted = scheme.definition.countedIndicators();
        if (counted.isEmpty()) {
            return reported;
        }
        Map<String, Measure> all = new HashMap<>(reported);
        List<RecordCount.Tally> ofUnit = records.getOrDefault(unit, List.of());
        counted.forEach(indicator -> all.put(indicator.code(), indicator.method().records().measure(ofUnit)));
        return all;
    }

    /** The components other than the indicator score that the unit has; rectification always (no items: the base). */
    Map<Component, BigDecimal> components(String unit) {
        Map<Component, BigDecimal> inputs = new EnumMap<>(Component.class);
        if (routine.containsKey(unit)) {
            inputs.put(Component.ROUTINE, routine.get(unit));
        }
        if (evaluation.containsKey(unit)) {
            inputs.put(Component.EVALUATION, evaluation.get(unit));
        }
        if (opinion.containsKey(unit)) {
            inputs.put(Component.OPINION, opinion.get(unit));
        }
        RectificationTally tally = tallies.get(unit);
        var rule = scheme.definition.rectificationRule();
        inputs.put(Component.RECTIFICATION, tally == null ? Scoring.rectification(rule, 0, 0, 0)
                : Scoring.rectification(rule, tally.items, tally.overdue, tally.reopened));
        return inputs;
    }

    private static <T> List<T> query(EntityManager em, String jpql, Class<T> type, Scheme scheme,
                                     Collection<String> units, Integer year) {
        var query = em.createQuery(jpql, type);
        if (scheme != null) {
            query.setParameter("scheme", scheme.id);
        }
        if (units != null) {
            query.setParameter("units", units);
        }
        if (year != null) {
            query.setParameter("year", year);
        }
        return query.getResultList();
    }
}
