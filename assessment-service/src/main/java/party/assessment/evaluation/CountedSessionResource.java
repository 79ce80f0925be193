package party.assessment.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** The 述职评议 sessions a scheme counts, named by the scheme's organizer. */
@Path("/schemes/{id}/evaluation-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CountedSessionResource {

    public record Naming(@NotNull @Size(max = 50) List<@NotNull UUID> sessions) {
    }

    private final CountedSessions counted;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public CountedSessionResource(CountedSessions counted, OrgScope scope, JsonWebToken caller) {
        this.counted = counted;
        this.scope = scope;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.UNIT_LEADER, Roles.INSPECTOR, Roles.INTEGRATION})
    @Operation(summary = "The sealed sessions the scheme counts for its 述职评议 component")
    public List<CountedSessions.Counted> list(@PathParam("id") UUID id) {
        return counted.list(id, scope.root());
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Name the sessions the scheme counts: held by its unit or above, for its year, one per unit")
    public List<CountedSessions.Counted> name(@PathParam("id") UUID id, @Valid @NotNull Naming naming) {
        return counted.name(id, naming.sessions(), scope.root(), caller.getName());
    }
}
