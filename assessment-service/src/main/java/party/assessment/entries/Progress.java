package party.assessment.entries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.scoring.Indicator;
import party.common.paging.Page;
import party.common.scope.OrgPath;

/** A scheme's progress per unit it assesses, counted over its entries a page of units at a time. */
@ApplicationScoped
public class Progress {

    public record UnitProgress(String unit, String unitName, String category, int indicators, long reported,
                               long settled, long objections) {
    }

    private final EntityManager em;

    public Progress(EntityManager em) {
        this.em = em;
    }

    public Page<UnitProgress> of(Scheme scheme, int page, int size) {
        List<Indicator> reportedOn = scheme.definition.dimensions().stream().flatMap(d -> d.indicators().stream())
                .filter(indicator -> indicator.method().records() == null).toList();
        return Page.ofRows(OrgUnit.<OrgUnit>find("path like ?1 and deactivated = false order by path",
                OrgPath.descendantsPattern(scheme.orgPath)), page, size, units -> {
            Map<String, Object[]> counts = new HashMap<>();
            if (!units.isEmpty() && !reportedOn.isEmpty()) {
                em.createQuery("select e.key.orgCode, count(e.selfAt), sum(case when e.reviewedAt is not null "
                                + "or e.acceptedAt is not null then 1 else 0 end), sum(case when e.objectedAt is not null "
                                + "and e.resolvedAt is null then 1 else 0 end) from IndicatorEntry e "
                                + "where e.key.schemeId = :scheme and e.key.orgCode in :units "
                                + "and e.key.indicatorCode in :indicators group by e.key.orgCode", Object[].class)
                        .setParameter("scheme", scheme.id)
                        .setParameter("units", units.stream().map(unit -> unit.code).toList())
                        .setParameter("indicators", reportedOn.stream().map(Indicator::code).toList())
                        .getResultList().forEach(row -> counts.put((String) row[0], row));
            }
            return units.stream().map(unit -> {
                Object[] row = counts.getOrDefault(unit.code, new Object[] {unit.code, 0L, 0L, 0L});
                int indicators = (int) reportedOn.stream().filter(indicator -> indicator.appliesTo(unit.category)).count();
                return new UnitProgress(unit.code, unit.name, unit.category, indicators, ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
            }).toList();
        });
    }
}
