package party.orgreplica;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.events.OrgUnitState;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** Read-only view of the replica, under the service's own API root (e.g. {@code /api/ballots/org-units}). */
@Path("/org-units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.DISCIPLINE,
        Roles.UNIT_LEADER, Roles.VOTER, Roles.TELLER, Roles.INTEGRATION})
public class OrgUnitReplicaResource {

    private final OrgScope scope;

    public OrgUnitReplicaResource(OrgScope scope) {
        this.scope = scope;
    }

    @GET
    @Operation(summary = "Org units in the caller's scope, ordered by path")
    public Page<OrgUnitState> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var query = ReplicatedOrgUnit.<ReplicatedOrgUnit>find(OrgScope.condition("path") + " order by path",
                scope.parameters());
        return Page.of(query, page, size, ReplicatedOrgUnit::view);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One org unit; 404 outside the caller's scope")
    public OrgUnitState get(@PathParam("code") String code) {
        return visible(code).view();
    }

    @GET
    @Path("/{code}/children")
    @Operation(summary = "The direct children of an org unit")
    public List<OrgUnitState> children(@PathParam("code") String code) {
        visible(code);
        return ReplicatedOrgUnit.<ReplicatedOrgUnit>list("parentCode = ?1 order by path", code).stream()
                .map(ReplicatedOrgUnit::view).toList();
    }

    private ReplicatedOrgUnit visible(String code) {
        return scope.visible(ReplicatedOrgUnit.<ReplicatedOrgUnit>findById(code), unit -> unit.path);
    }
}
