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
import party.common.events.IndicatorFindingWithdrawn;
import party.common.outbox.Outbox;

/**
 * A department's score below the scheme's finding share, or a veto that applies, becomes a finding for
 * rectification, announced on {@code assessment.findings} through the outbox; a corrected score that no longer is
 * withdraws it, and rectification withdraws the item it raised.
 */
@ApplicationScoped
public class Findings {

    private final Outbox outbox;
    private final EntityManager em;

    public Findings(Outbox outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    /**
     * After a department's score (a review, or an objection resolved): raised once while the score stays below,
     * withdrawn once when a corrected score is no longer below (the scheme is not locked yet: scores are then fixed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(Scheme scheme, OrgUnit unit, Indicator indicator, Measure measure) {
        BigDecimal earned = Scoring.points(indicator, measure);
        boolean below = indicator.method().weighted()
                ? earned.compareTo(indicator.points().multiply(scheme.definition.findingShare())) < 0
                : Scoring.vetoed(indicator, measure);
        if (below) {
            raise(scheme, unit, indicator, measure, earned);
        } else if (em.createNativeQuery("delete from raised_finding where scheme_id = ?1 and org_code = ?2 and indicator_code = ?3")
                .setParameter(1, scheme.id).setParameter(2, unit.code).setParameter(3, indicator.code())
                .executeUpdate() > 0) {
            outbox.publish(new IndicatorFindingWithdrawn(scheme.id, scheme.year, indicator.code(), unit.code,
                    unit.path, "部门评分更正为 " + earned.stripTrailingZeros().toPlainString() + " 分"));
        }
    }

    private void raise(Scheme scheme, OrgUnit unit, Indicator indicator, Measure measure, BigDecimal earned) {
        if (em.createNativeQuery("""
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
