package party.assessment.gradient;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import party.assessment.entries.IndicatorEntry;
import party.assessment.inputs.RectificationTally;
import party.assessment.results.UnitResult;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.Schemes;
import party.assessment.scoring.Scoring;
import party.common.events.OrgLevel;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;

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
        // the lines and names in the same query: read one result at a time, they would cost a query each
        List<Object[]> rows = UnitResult.getEntityManager().createQuery("select r.key.orgCode, r.orgPath, r.level, "
                + "r.lines, (select u.name from OrgUnit u where u.code = r.key.orgCode) from UnitResult r "
                + "where r.key.schemeId = :scheme and " + OrgScope.within("r.orgPath", "subtree"),
                Object[].class).setParameter("scheme", scheme.id).setParameter("subtree", subtree)
                .setParameter("subtreeBelow", OrgPath.descendantsPattern(subtree)).getResultList();
        var units = rows.stream()
                .map(row -> {
                    String unit = (String) row[0];
                    RectificationTally tally = tallies.get(unit);
                    @SuppressWarnings("unchecked")
                    List<Scoring.Line> lines = (List<Scoring.Line>) row[3];
                    return PressureGradient.figures(unit, (String) row[4], (String) row[1], (OrgLevel) row[2], lines,
                            withData.contains(unit), tally == null ? 0 : tally.onTime, tally == null ? 0 : tally.late);
                })
                .toList();
        return PressureGradient.of(subtree, scheme.definition.gradientThreshold(), units);
    }
}
