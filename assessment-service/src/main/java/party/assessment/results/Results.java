package party.assessment.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import party.assessment.inputs.Rescoring;
import party.assessment.entries.Entries;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.schemes.Schemes;
import party.assessment.records.DutyRecord;
import party.assessment.scoring.Grading;
import party.assessment.scoring.RecordCount;
import party.assessment.scoring.Scoring;
import party.common.events.AssessmentResultLocked;
import party.common.outbox.Outbox;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/**
 * Computes units' results from everything that feeds them, keeps them current while the scheme is open, grades and
 * ranks them per category, locks them and sends the locked results through the outbox.
 */
@ApplicationScoped
public class Results implements Rescoring {

    private static final int CHUNK = 1000;

    private final Schemes schemes;
    private final Entries entries;
    private final Outbox outbox;
    private final EntityManager em;

    public Results(Schemes schemes, Entries entries, Outbox outbox, EntityManager em) {
        this.entries = entries;
        this.schemes = schemes;
        this.outbox = outbox;
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescore(Scheme scheme, OrgUnit unit) {
        schemes.serialize(scheme);
        if (scheme.state != SchemeState.PUBLISHED) {
            return;
        }
        UnitResult result = UnitResult.findById(new UnitResult.Key(scheme.id, unit.code));
        store(scheme, unit, result, ResultInputs.load(em, scheme, List.of(unit.code)));
    }

    /**
     * Every unit the scheme assesses, computed afresh, a thousand units at a time: each chunk's inputs read in a
     * handful of queries, its results written and let go, so a city's scheme fits a small heap.
     */
    private int computeAll(Scheme scheme) {
        scheme.require(SchemeState.PUBLISHED, "只有已发布、未锁定的方案可以计算结果");
        schemes.serialize(scheme);
        // a unit deactivated since the last computation leaves the ranking: its result was computed for a mistake
        UnitResult.delete("key.schemeId = ?1 and key.orgCode in (select u.code from OrgUnit u where u.deactivated = true)",
                scheme.id);
        List<OrgUnit> units = OrgUnit.list("path like ?1 and deactivated = false",
                OrgPath.descendantsPattern(scheme.orgPath));
        for (int from = 0; from < units.size(); from += CHUNK) {
            List<OrgUnit> chunk = units.subList(from, Math.min(units.size(), from + CHUNK));
            List<String> codes = chunk.stream().map(unit -> unit.code).toList();
            ResultInputs inputs = ResultInputs.load(em, scheme, codes);
            Map<String, UnitResult> existing = UnitResult.<UnitResult>list("key.schemeId = ?1 and key.orgCode in ?2",
                    scheme.id, codes).stream().collect(Collectors.toMap(r -> r.key.orgCode(), r -> r));
            List<UnitResult> stored = chunk.stream().map(unit -> store(scheme, unit, existing.get(unit.code), inputs))
                    .toList();
            em.flush();
            stored.forEach(em::detach);
        }
        return units.size();
    }

    private UnitResult store(Scheme scheme, OrgUnit unit, UnitResult existing, ResultInputs inputs) {
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

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescoreAll(Scheme scheme) {
        if (scheme.state == SchemeState.PUBLISHED) {
            computeAll(scheme);
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescoreEverywhere(String unitCode, int year) {
        OrgUnit unit = OrgUnit.findById(unitCode);
        if (unit == null) {
            return;
        }
        // in a fixed order, so two consumers locking several schemes never wait on each other in a circle
        Scheme.<Scheme>list("state = ?1 and year = ?2 order by id", SchemeState.PUBLISHED, year).stream()
                .filter(scheme -> scheme.assesses(unit.path))
                .forEach(scheme -> rescore(scheme, unit));
    }

    /** @return how many units were computed */
    @Transactional // the scheme read here is the one the change is made to
    public int compute(UUID schemeId, String scope) {
        return computeAll(schemes.managed(schemeId, scope));
    }

    /** Calibration 校准: the organization department adjusts a computed total, with its reason on record. */
    @Transactional // the scheme read here is the one the change is made to
    public ResultViews.ResultView calibrate(UUID schemeId, String unitCode, String scope, BigDecimal adjustment,
                                            String reason) {
        Scheme scheme = schemes.managed(schemeId, scope);
        scheme.require(SchemeState.PUBLISHED, "锁定后不能再校准");
        schemes.serialize(scheme);
        UnitResult result = UnitResult.findById(new UnitResult.Key(scheme.id, unitCode));
        if (result == null) {
            throw Refusal.NOT_COMPUTED.because("compute the scheme's results first", null);
        }
        result.calibrate(adjustment, reason);
        return ranking(scheme).stream().filter(r -> r.result().key.orgCode().equals(unitCode)).findFirst()
                .map(r -> ResultViews.ResultView.of(r, OrgUnit.nameOf(unitCode))).orElseThrow(Refusal::unknown);
    }

    /**
     * Refuses while an indicator lacks a department's score or an accepted self-report; otherwise computes once
     * more, freezes grade and rank, and sends every locked result to {@code assessment.results}.
     *
     * @return how many results the scheme has
     */
    @Transactional // the scheme read here is the one the change is made to
    public long lock(UUID schemeId, String scope) {
        Scheme scheme = schemes.managed(schemeId, scope);
        scheme.require(SchemeState.PUBLISHED, "只有已发布、未锁定的方案可以锁定");
        schemes.serialize(scheme); // no report changes between the check of the entries and the lock
        Map<String, List<RecordCount.Tally>> records = DutyRecord.tallies(scheme.year, null);
        entries.settleForLock(scheme, (unit, indicator) -> indicator.method().records()
                .measure(records.getOrDefault(unit, List.of())));
        computeAll(scheme);
        scheme.lock(Instant.now());
        for (Ranked ranked : ranking(scheme)) {
            UnitResult result = ranked.result();
            result.grade = ranked.graded().grade();
            result.rank = ranked.graded().rank();
            result.lockedInputs = VisibleResults.inputs(scheme, result.key.orgCode());
            outbox.publish(new AssessmentResultLocked(scheme.id, scheme.year, scheme.title, result.key.orgCode(),
                    result.orgPath, result.category, result.total, result.grade, result.rank));
        }
        return UnitResult.count("key.schemeId", scheme.id);
    }

    /** Makes the locked results visible to the assessed units. */
    @Transactional
    public void announce(UUID schemeId, String scope) {
        schemes.managed(schemeId, scope).announce();
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
            // units the scheme excludes for a missing component stand outside the ranking and its quota
            Grading.grade(scheme.definition, members.stream().filter(r -> !r.summary.excluded())
                            .map(r -> new Grading.Candidate(r.key.orgCode(), r.total, r.summary.vetoGrade(),
                                    r.summary.components())).toList())
                    .forEach(graded -> ranked.add(new Ranked(byUnit.get(graded.unit()), graded)));
            members.stream().filter(r -> r.summary.excluded()).sorted(Comparator.comparing(r -> r.key.orgCode()))
                    .forEach(r -> ranked.add(new Ranked(r, new Grading.Graded(r.key.orgCode(), r.total, null, null, null,
                            "missing " + r.summary.missing()))));
        });
        return ranked;
    }
}
