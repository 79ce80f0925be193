package party.assessment.uses;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.assessment.orgunits.OrgUnitCommands;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** Results applied 结果运用 over REST: the organization department that ran the scheme, or its OA system. */
@Path("/schemes/{id}/uses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
public class ResultUseResource {

    private final ResultUses uses;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public ResultUseResource(ResultUses uses, OrgScope scope, JsonWebToken caller) {
        this.uses = uses;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record a use of a unit's announced result: award 评先评优, cadre reference 干部选拔任用参考, "
            + "talk 约谈 (with a leader of the unit), rectification 整改督办")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull ResultUseCommands.Record command) {
        return Response.status(Response.Status.CREATED).entity(uses.record(id, command, scope.root(), caller.getName()))
                .build();
    }

    @GET
    @Operation(summary = "The scheme's uses by unit and day, withdrawn ones marked")
    public List<ResultUses.UseView> list(@PathParam("id") UUID id,
                                         @QueryParam("unit") @Pattern(regexp = OrgUnitCommands.CODE) String unit,
                                         @QueryParam("kind") UseKind kind) {
        return uses.list(id, unit, kind, scope.root());
    }

    @GET
    @Path("/summary")
    @Operation(summary = "How the results were used, by grade, this year and last; low-graded units not talked to")
    public ResultUses.Summary summary(@PathParam("id") UUID id) {
        return uses.summary(id, scope.root());
    }

    @GET
    @Path("/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The scheme's uses as a workbook")
    public Response export(@PathParam("id") UUID id) throws IOException {
        return Response.ok(uses.workbook(id, scope.root()))
                .header("Content-Disposition", "attachment; filename=\"result-uses.xlsx\"").build();
    }

    @POST
    @Path("/{use}/withdraw")
    @Operation(summary = "Withdraw a use recorded in error, with the reason; it stays, marked, and counts nowhere")
    public ResultUses.UseView withdraw(@PathParam("id") UUID id, @PathParam("use") UUID use,
                                       @Valid @NotNull ResultUseCommands.Withdraw command) {
        return uses.withdraw(id, use, command.reason(), scope.root());
    }
}
