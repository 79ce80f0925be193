package party.assessment.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import party.assessment.evaluation.EvaluationResult;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.scoring.Grading;
import party.assessment.scoring.Indicator;
import party.assessment.scoring.Measure;
import party.assessment.scoring.Scoring;
import party.common.events.AssessmentResultLocked;
import party.common.events.IndicatorFindingRaised;
import party.common.outbox.Outbox;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/**
 * Computes units' results from everything that feeds them, keeps them current while the scheme is open, grades and
 * ranks them per category, locks them and announces findings and locked results through the outbox.
 */
@ApplicationScoped
public class Results {

    private final Outbox outbox;
    private final EntityManager em;

    public Results(Outbox outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    /**
     * Holds the scheme's write lock until the transaction ends. Requests and consumers change a scheme's results
     * side by side (a unit's report while a rectification event for the same unit is consumed); one at a time,
     * each sees what the previous one committed instead of both inserting the same result or clashing on it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void serialize(Scheme scheme) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, scheme.id.getMostSignificantBits() ^ scheme.id.getLeastSignificantBits())
                .getSingleResult();
    }

    /** The unit's result from its current inputs; a scheme no longer open keeps the result it has. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UnitResult recompute(Scheme scheme, OrgUnit unit) {
        serialize(scheme);
        UnitResult result = UnitResult.findById(new UnitResult.Key(scheme.id, unit.code));
        if (scheme.state != SchemeState.PUBLISHED) {
            return result;
        }
        Inputs inputs = Inputs.load(em, scheme, unit.code);
        return store(scheme, unit, result, inputs);
    }

    /** Every unit the scheme assesses, computed afresh from inputs read in a handful of queries. */
    @Transactional
    public int computeAll(Scheme scheme) {
        scheme.require(SchemeState.PUBLISHED, "只有已发布、未锁定的方案可以计算结果");
        serialize(scheme);
        List<OrgUnit> units = OrgUnit.list("path like ?1", OrgPath.descendantsPattern(scheme.orgPath));
        Inputs inputs = Inputs.load(em, scheme, null);
        Map<String, UnitResult> existing = UnitResult.<UnitResult>list("key.schemeId", scheme.id).stream()
                .collect(Collectors.toMap(r -> r.key.orgCode(), r -> r));
        units.forEach(unit -> store(scheme, unit, existing.get(unit.code), inputs));
        return units.size();
    }

    private UnitResult store(Scheme scheme, OrgUnit unit, UnitResult existing, Inputs inputs) {
        Scoring.Calculation calculation = Scoring.calculate(scheme.definition, unit.category,
                inputs.measures(unit.code), inputs.components(unit.code));
        UnitResult result = existing;
        if (result == null) {
            result = new UnitResult();
            result.key = new UnitResult.Key(scheme.id, unit.code);
        }
        result.orgPath = unit.path;
        result.level = unit.level;
        result.category = unit.category;
        result.take(calculation, Instant.now());
        if (existing == null) {
            result.persist();
        }
        return result;
    }

    /** After an input from another service (a sealed session, a rectification event): every open scheme of the year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recomputeEverywhere(String unitCode, int year) {
        OrgUnit unit = OrgUnit.findById(unitCode);
        if (unit == null) {
            return;
        }
        // in a fixed order, so two consumers locking several schemes never wait on each other in a circle
        Scheme.<Scheme>list("state = ?1 and year = ?2 order by id", SchemeState.PUBLISHED, year).stream()
                .filter(scheme -> scheme.assesses(unit.path))
                .forEach(scheme -> recompute(scheme, unit));
    }

    /**
     * A department's score below the scheme's finding share, or a veto that applies, becomes a finding for
     * rectification: once per scheme, unit and indicator, whatever later scores say.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raiseFindingIfBelow(Scheme scheme, OrgUnit unit, Indicator indicator, Measure measure) {
        BigDecimal earned = Scoring.points(indicator, measure);
        boolean below = indicator.method().weighted()
                ? earned.compareTo(indicator.points().multiply(scheme.definition.findingShare())) < 0
                : Scoring.vetoed(indicator, measure);
        if (!below || em.createNativeQuery("""
                insert into raised_finding (scheme_id, org_code, indicator_code, raised_at) values (?1, ?2, ?3, now())
                on conflict do nothing""").setParameter(1, scheme.id).setParameter(2, unit.code)
                .setParameter(3, indicator.code()).executeUpdate() == 0) {
            return;
        }
        BigDecimal threshold = indicator.method().weighted()
                ? indicator.points().multiply(scheme.definition.findingShare()).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO;
        String detail = measure.value() != null ? "实测 " + measure.value().stripTrailingZeros().toPlainString()
                + (indicator.method().unit() == null ? "" : " " + indicator.method().unit())
                : measure.grade() != null ? "评定等次 " + measure.grade() : null;
        outbox.publish(new IndicatorFindingRaised(scheme.id, scheme.year, indicator.code(), indicator.name(), unit.code,
                unit.path, indicator.department(), earned, threshold, detail));
    }

    /** Calibration 校准: the organization department adjusts a computed total, with its reason on record. */
    @Transactional
    public UnitResult calibrate(Scheme scheme, String unitCode, BigDecimal adjustment, String reason) {
        scheme.require(SchemeState.PUBLISHED, "锁定后不能再校准");
        serialize(scheme);
        UnitResult result = UnitResult.findById(new UnitResult.Key(scheme.id, unitCode));
        if (result == null) {
            throw Refusal.NOT_COMPUTED.because("compute the scheme's results first", null);
        }
        result.calibrate(adjustment, reason);
        return result;
    }

    /** Computes once more, freezes grade and rank, and sends every locked result to {@code assessment.results}. */
    @Transactional
    public void lock(Scheme scheme) {
        computeAll(scheme);
        scheme.lock(Instant.now());
        for (Ranked ranked : ranking(scheme)) {
            UnitResult result = ranked.result();
            result.grade = ranked.graded().grade();
            result.rank = ranked.graded().rank();
            outbox.publish(new AssessmentResultLocked(scheme.id, scheme.year, scheme.title, result.key.orgCode(),
                    result.orgPath, result.category, result.total, result.grade, result.rank));
        }
    }

    /** A result with its grade and rank within its category. */
    public record Ranked(UnitResult result, Grading.Graded graded) {
    }

    /** Every result of the scheme, graded and ranked per category; categories by name, units by rank. */
    public List<Ranked> ranking(Scheme scheme) {
        List<UnitResult> results = UnitResult.list("key.schemeId", scheme.id);
        Map<String, List<UnitResult>> byCategory = results.stream()
                .collect(Collectors.groupingBy(r -> r.category, java.util.TreeMap::new, Collectors.toList()));
        List<Ranked> ranked = new ArrayList<>();
        byCategory.forEach((category, members) -> {
            Map<String, UnitResult> byUnit = members.stream().collect(Collectors.toMap(r -> r.key.orgCode(), r -> r));
            Grading.grade(scheme.definition, members.stream().map(r -> new Grading.Candidate(r.key.orgCode(), r.total,
                            r.calculation.vetoGrade())).toList())
                    .forEach(graded -> ranked.add(new Ranked(byUnit.get(graded.unit()), graded)));
        });
        return ranked;
    }

    /** The unit's latest sealed 述职评议 result of the year, the evaluation component. */
    static Optional<EvaluationResult> evaluation(String unitCode, int year) {
        return EvaluationResult.<EvaluationResult>find("key.subject = ?1 and year(heldOn) = ?2 and weightedTotal is not null"
                + " order by heldOn desc", unitCode, year).firstResultOptional();
    }
}
