package party.assessment.gradient;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
    public PressureGradient.Gradient of(UUID schemeId, String scope, String unitCode, BigDecimal threshold) {
        Scheme scheme = schemes.managed(schemeId, scope);
        String subtree = unitCode == null ? scheme.orgPath : schemes.assessedUnit(scheme, unitCode, scope, "unit").path;
        Map<String, RectificationTally> tallies = RectificationTally.<RectificationTally>list("key.year", scheme.year)
                .stream().collect(Collectors.toMap(t -> t.key.orgCode(), t -> t));
        var units = UnitResult.<UnitResult>list("key.schemeId", scheme.id).stream()
                .filter(r -> OrgPath.isWithin(r.orgPath, subtree))
                .map(r -> {
                    RectificationTally tally = tallies.get(r.key.orgCode());
                    return PressureGradient.figures(r.level, r.calculation, tally == null ? 0 : tally.onTime,
                            tally == null ? 0 : tally.late);
                })
                .toList();
        return PressureGradient.of(subtree, threshold, units);
    }
}
