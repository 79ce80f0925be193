package party.assessment.entries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import party.assessment.inputs.Rescoring;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.schemes.Schemes;
import party.assessment.scoring.Indicator;
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
        return change(target, entry -> entry.selfAssess(value, grade, evidence, by, Instant.now()));
    }

    /** The owning department scores; only a reviewer of that department (the token's {@code department}) may. */
    @Transactional
    public IndicatorEntry review(Target target, String department, BigDecimal value, String grade, String comment,
                                 String by) {
        Scoped scoped = scoped(target);
        if (department == null || !department.equals(scoped.indicator().department())) {
            throw Refusal.OTHER_DEPARTMENT.because(
                    "indicator " + scoped.indicator().code() + " belongs to department "
                            + scoped.indicator().department() + ", not " + department, null);
        }
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
        IndicatorEntry entry = change(scoped, e -> e.resolve(value, grade, note, by, Instant.now()));
        findings.scored(scoped.scheme(), scoped.unit(), scoped.indicator(), entry.measure());
        return entry;
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
