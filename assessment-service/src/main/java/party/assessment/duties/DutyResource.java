package party.assessment.duties;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.assessment.orgunits.OrgUnitCommands;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/**
 * Responsibility lists 责任清单 over REST. A unit's own accounts (unit-leader) edit their unit's list; every role
 * reads the lists in scope, so the committee above sees what each leader carries.
 */
@Path("/duties")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER,
        Roles.INTEGRATION})
public class DutyResource {

    private final Duties duties;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public DutyResource(Duties duties, OrgScope scope, JsonWebToken caller) {
        this.duties = duties;
        this.scope = scope;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Responsibility lists in the caller's scope: each leader's duties from their post, the unit's "
            + "tasks and the unit's own, by unit, person or year")
    public Page<DutyView> list(@QueryParam("unit") @Pattern(regexp = OrgUnitCommands.CODE) String unit,
                               @QueryParam("person") UUID person,
                               @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                               @QueryParam("removed") @DefaultValue("false") boolean removed,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return duties.list(new Duties.Filter(unit, person, year, removed), page, size, scope.root());
    }

    @POST
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "Add a duty of the year to a leader of the caller's unit")
    public Response add(@Valid @NotNull DutyCommands.Add command, UriInfo uri) {
        DutyView duty = duties.add(command, scope.root(), caller.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(duty.id().toString()).build()).entity(duty).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One duty of a responsibility list")
    public DutyView get(@PathParam("id") UUID id) {
        return duties.get(id, scope.root());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "Reword a duty of the caller's unit, or give a task's duty to another of its leaders")
    public DutyView correct(@PathParam("id") UUID id, @Valid @NotNull DutyCommands.Correct command) {
        return duties.correct(id, command, scope.root());
    }

    @POST
    @Path("/{id}/remove")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "Take a duty off the caller's unit's list, with the reason; records that fulfilled it keep it")
    public DutyView remove(@PathParam("id") UUID id, @Valid @NotNull DutyCommands.Remove command) {
        return duties.remove(id, command.reason(), scope.root());
    }
}
