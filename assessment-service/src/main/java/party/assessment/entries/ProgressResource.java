package party.assessment.entries;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.Schemes;
import party.assessment.scoring.Indicator;
import party.common.paging.Page;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/**
 * How far a scheme has come, unit by unit, for the committee running it to chase the units that lag before it
 * computes: of the indicators a unit reports on (those of its category, less those counted from duty records), how
 * many it has reported, how many are settled (scored by their department, or accepted), and its objections open.
 */
@Path("/schemes/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class ProgressResource {

    public record UnitProgress(String unit, String unitName, String category, int indicators, long reported,
                               long settled, long objections) {
    }

    private final Schemes schemes;
    private final OrgScope scope;
    private final EntityManager em;

    public ProgressResource(Schemes schemes, OrgScope scope, EntityManager em) {
        this.schemes = schemes;
        this.scope = scope;
        this.em = em;
    }

    @GET
    @Operation(summary = "Each unit the scheme assesses, by path: indicators it reports on, reported, settled (scored "
            + "or accepted), objections open")
    public Page<UnitProgress> progress(@PathParam("id") UUID id,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Scheme scheme = schemes.managed(id, scope.root());
        List<Indicator> reportedOn = scheme.definition.dimensions().stream().flatMap(d -> d.indicators().stream())
                .filter(indicator -> indicator.method().records() == null).toList();
        return Page.ofRows(OrgUnit.<OrgUnit>find("path like ?1 order by path",
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
