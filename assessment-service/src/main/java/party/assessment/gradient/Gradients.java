package party.assessment.gradient;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import party.assessment.entries.IndicatorEntry;
import party.assessment.inputs.RectificationTally;
import party.assessment.results.UnitResult;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.Schemes;
import party.common.scope.OrgPath;

/** The pressure gradient of a scheme's results, for the organization department that manages the scheme. */
@ApplicationScoped
public class Gradients {

    private final Schemes schemes;

    public Gradients(Schemes schemes) {
        this.schemes = schemes;
    }

    /** @param unitCode the subtree's top unit, or null for the scheme's whole subtree */
    public PressureGradient.Gradient of(UUID schemeId, String scope, String unitCode) {
        Scheme scheme = schemes.managed(schemeId, scope);
        String subtree = unitCode == null ? scheme.orgPath : schemes.assessedUnit(scheme, unitCode, scope, "unit").path;
        Map<String, RectificationTally> tallies = RectificationTally.<RectificationTally>list("key.year", scheme.year)
                .stream().collect(Collectors.toMap(t -> t.key.orgCode(), t -> t));
        Set<String> withData = Set.copyOf(IndicatorEntry.getEntityManager().createQuery(
                "select distinct e.key.orgCode from IndicatorEntry e where e.key.schemeId = ?1", String.class)
                .setParameter(1, scheme.id).getResultList());
        var units = UnitResult.<UnitResult>list("key.schemeId", scheme.id).stream()
                .filter(r -> OrgPath.isWithin(r.orgPath, subtree))
                .map(r -> {
                    RectificationTally tally = tallies.get(r.key.orgCode());
                    return PressureGradient.figures(r.key.orgCode(), r.orgPath, r.level, r.calculation,
                            withData.contains(r.key.orgCode()), tally == null ? 0 : tally.onTime,
                            tally == null ? 0 : tally.late);
                })
                .toList();
        return PressureGradient.of(subtree, scheme.definition.gradientThreshold(), units);
    }
}
