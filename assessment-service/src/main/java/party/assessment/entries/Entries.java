package party.assessment.entries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import party.assessment.inputs.Rescoring;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.schemes.Schemes;
import party.assessment.scoring.Indicator;
import party.assessment.scoring.Measure;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/** Self-assessment, department review, objection and resolution; each change recomputes the unit's result. */
@ApplicationScoped
public class Entries {

    private final Schemes schemes;
    private final Rescoring rescoring;
    private final Findings findings;

    public Entries(Schemes schemes, Rescoring rescoring, Findings findings) {
        this.schemes = schemes;
        this.rescoring = rescoring;
        this.findings = findings;
    }

    /** The unit reports a figure or grade with its evidence. */
    @Transactional
    public IndicatorEntry selfAssess(Target target, BigDecimal value, String grade, String evidence, String by) {
        Scoped scoped = scoped(target);
        fits(scoped.indicator(), value, grade);
        return change(scoped, entry -> entry.selfAssess(value, grade, evidence, by, Instant.now()));
    }

    /**
     * The organizer of the scheme's unit or above accepts the unit's own figure as final, with a reason; at lock it
     * counts as scored. An organizer of the assessed unit cannot: the unit's own word never settles its own figure.
     */
    @Transactional
    public IndicatorEntry accept(Target target, String reason, String by) {
        schemes.managed(target.schemeId(), target.scope());
        return change(scoped(target), e -> e.accept(reason, by, Instant.now()));
    }

    /**
     * Before a scheme locks: every indicator of every unit it assesses is scored by its department or accepted, or
     * the lock is refused naming them; an accepted figure raises its finding now, as a score does when given, and so
     * does a figure counted from duty records, which {@code counted} gives by unit code and indicator.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleForLock(Scheme scheme, BiFunction<String, Indicator, Measure> counted) {
        Map<String, IndicatorEntry> entries = IndicatorEntry.<IndicatorEntry>list("key.schemeId", scheme.id).stream()
                .collect(Collectors.toMap(e -> e.key.orgCode() + "/" + e.key.indicatorCode(), e -> e));
        List<String> unsettled = new ArrayList<>();
        List<Runnable> accepted = new ArrayList<>();
        for (OrgUnit unit : OrgUnit.<OrgUnit>list("path like ?1 and deactivated = false order by path",
                OrgPath.descendantsPattern(scheme.orgPath))) {
            scheme.definition.dimensions().stream().flatMap(d -> d.indicators().stream())
                    .filter(indicator -> indicator.appliesTo(unit.category)).forEach(indicator -> {
                        IndicatorEntry entry = entries.get(unit.code + "/" + indicator.code());
                        if (indicator.method().records() != null) { // counted, so settled: a finding if it falls short
                            accepted.add(() -> findings.scored(scheme, unit, indicator,
                                    counted.apply(unit.code, indicator)));
                        } else if (entry == null || !entry.settled()) {
                            unsettled.add(unit.code + "/" + indicator.code());
                        } else if (entry.reviewedAt == null) {
                            accepted.add(() -> findings.scored(scheme, unit, indicator, entry.measure()));
                        }
                    });
        }
        if (!unsettled.isEmpty()) {
            throw Refusal.NOT_REVIEWED.because(unsettled.size() + " indicators have neither a department's score nor an"
                    + " accepted self-report: " + String.join(", ", unsettled.subList(0, Math.min(10, unsettled.size())))
                    + (unsettled.size() > 10 ? ", …" : ""), null);
        }
        accepted.forEach(Runnable::run);
    }

    /** The owning department scores; only a reviewer of that department (the token's {@code department}) may. */
    @Transactional
    public IndicatorEntry review(Target target, String department, BigDecimal value, String grade, String comment,
                                 String by) {
        Scoped scoped = scoped(target);
        if (!OrgPath.isWithin(scoped.scheme().orgPath, target.scope())) { // the committee running it, never a unit below
            throw Refusal.unknown();
        }
        if (department == null || !department.equals(scoped.indicator().department())) {
            throw Refusal.OTHER_DEPARTMENT.because(
                    "indicator " + scoped.indicator().code() + " belongs to department "
                            + scoped.indicator().department() + ", not " + department, null);
        }
        fits(scoped.indicator(), value, grade);
        IndicatorEntry entry = change(scoped, e -> e.review(value, grade, comment, by, Instant.now()));
        findings.scored(scoped.scheme(), scoped.unit(), scoped.indicator(), entry.measure());
        return entry;
    }

    @Transactional
    public IndicatorEntry object(Target target, String reason) {
        return change(target, entry -> entry.object(reason, Instant.now()));
    }

    /** The department settles an objection; a changed score raises or withdraws its finding as a review does. */
    @Transactional
    public IndicatorEntry resolve(Target target, BigDecimal value, String grade, String note, String by) {
        Scoped scoped = scoped(target);
        if (value != null || grade != null) {
            fits(scoped.indicator(), value, grade);
        }
        IndicatorEntry entry = change(scoped, e -> e.resolve(value, grade, note, by, Instant.now()));
        findings.scored(scoped.scheme(), scoped.unit(), scoped.indicator(), entry.measure());
        return entry;
    }

    /** A figure or grade the indicator's method can take, or a 400 naming the field. */
    private static void fits(Indicator indicator, BigDecimal value, String grade) {
        indicator.method().problem(new Measure(value, grade)).ifPresent(problem -> {
            String[] fieldAndMessage = problem.split(": ", 2);
            throw Refusal.INVALID_MEASURE.because(indicator.code() + ": " + fieldAndMessage[1], fieldAndMessage[0]);
        });
    }

    /** Which indicator of which unit under which scheme, as the caller with this scope names it. */
    public record Target(UUID schemeId, String unit, String indicator, String scope) {
    }

    record Scoped(Scheme scheme, OrgUnit unit, Indicator indicator) {
    }

    private IndicatorEntry change(Target target, Consumer<IndicatorEntry> change) {
        return change(scoped(target), change);
    }

    private IndicatorEntry change(Scoped scoped, Consumer<IndicatorEntry> change) {
        schemes.serialize(scoped.scheme());
        var key = new IndicatorEntry.Key(scoped.scheme().id, scoped.unit().code, scoped.indicator().code());
        IndicatorEntry entry = IndicatorEntry.findById(key);
        if (entry == null) {
            entry = IndicatorEntry.blank(key, scoped.unit().path);
            change.accept(entry);
            entry.persist();
        } else {
            change.accept(entry);
        }
        rescoring.rescore(scoped.scheme(), scoped.unit());
        return entry;
    }

    /** The scheme, unit and indicator, each checked: a unit the caller cannot see or the scheme does not assess is 404. */
    private Scoped scoped(Target target) {
        Scheme scheme = schemes.visible(target.schemeId(), target.scope());
        scheme.require(SchemeState.PUBLISHED, "只有已发布、未锁定的方案可以填报和评分");
        OrgUnit unit = OrgUnit.findById(target.unit());
        if (unit == null || !OrgPath.isWithin(unit.path, target.scope()) || !scheme.assesses(unit.path)) {
            throw Refusal.unknown();
        }
        Indicator indicator = scheme.definition.indicator(target.indicator())
                .filter(i -> i.appliesTo(unit.category))
                .orElseThrow(() -> Refusal.UNKNOWN_INDICATOR.because(
                        "scheme has no indicator " + target.indicator() + " for a unit of category " + unit.category,
                        "indicator"));
        return new Scoped(scheme, unit, indicator);
    }
}
