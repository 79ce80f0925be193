package party.assessment.entries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.scoring.Indicator;
import party.assessment.scoring.Measure;
import party.assessment.scoring.Scoring;
import party.common.events.IndicatorFindingRaised;
import party.common.outbox.Outbox;

/**
 * A department's score below the scheme's finding share, or a veto that applies, becomes a finding for
 * rectification, announced on {@code assessment.findings} through the outbox.
 */
@ApplicationScoped
public class Findings {

    private final Outbox outbox;
    private final EntityManager em;

    public Findings(Outbox outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    /** Once per scheme, unit and indicator, whatever later scores say. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raiseIfBelow(Scheme scheme, OrgUnit unit, Indicator indicator, Measure measure) {
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
                unit.path, scheme.orgPath, indicator.department(), earned, threshold, detail));
    }
}
