package party.assessment.entries;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
 * A department reviewer's queue: the units' reports on the indicators their department owns, waiting for its score,
 * oldest first, each with the unit's evidence. Only the committee running the scheme reviews (its scope holds the
 * scheme's unit), never a unit of its own report.
 */
@Path("/schemes/{id}/review-queue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.REVIEWER)
public class ReviewQueueResource {

    /** One report to score: the unit by name, the indicator as the scheme defines it, what the unit reported. */
    public record Waiting(String unit, String unitName, String indicator, String indicatorName, BigDecimal points,
                          String method, BigDecimal selfValue, String selfGrade, String evidence, String selfBy,
                          Instant selfAt) {
    }

    private final Schemes schemes;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public ReviewQueueResource(Schemes schemes, OrgScope scope, JsonWebToken caller) {
        this.schemes = schemes;
        this.scope = scope;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Reports on the caller's department's indicators that wait for its score, oldest first")
    public Page<Waiting> queue(@PathParam("id") UUID id,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Scheme scheme = schemes.managed(id, scope.root());
        Object department = caller.getClaim("department");
        Map<String, Indicator> owned = scheme.definition.dimensions().stream().flatMap(d -> d.indicators().stream())
                .filter(indicator -> department != null && department.toString().equals(indicator.department()))
                .collect(Collectors.toMap(Indicator::code, indicator -> indicator));
        if (owned.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        // a unit counts where it is now: one moved out from under the scheme's unit leaves the queue
        var query = IndicatorEntry.<IndicatorEntry>find("from IndicatorEntry e where e.key.schemeId = :scheme "
                        + "and e.key.indicatorCode in :owned and e.selfAt is not null and e.reviewedAt is null "
                        + "and e.acceptedAt is null and exists (select 1 from OrgUnit u where u.code = e.key.orgCode "
                        + "and u.path like :assessed) order by e.selfAt, e.key.orgCode, e.key.indicatorCode",
                Parameters.with("scheme", scheme.id).and("owned", owned.keySet())
                        .and("assessed", OrgPath.descendantsPattern(scheme.orgPath)));
        return Page.ofRows(query, page, size, entries -> {
            Map<String, String> names = OrgUnit.names(entries.stream().map(e -> e.key.orgCode()).toList());
            return entries.stream().map(e -> {
                Indicator indicator = owned.get(e.key.indicatorCode());
                return new Waiting(e.key.orgCode(), names.get(e.key.orgCode()), indicator.code(), indicator.name(),
                        indicator.points(), indicator.method().kind().name(), e.selfValue, e.selfGrade, e.evidence,
                        e.selfBy, e.selfAt);
            }).toList();
        });
    }
}
