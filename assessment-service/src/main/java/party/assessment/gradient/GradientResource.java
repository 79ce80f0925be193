package party.assessment.gradient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** The pressure gradient 温差 of a scheme's subtree, for the organization department that manages the scheme. */
@Path("/schemes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class GradientResource {

    private final Gradients gradients;
    private final OrgScope scope;

    public GradientResource(Gradients gradients, OrgScope scope) {
        this.gradients = gradients;
        this.scope = scope;
    }

    @GET
    @Path("/gradient")
    @Operation(summary = "温差: each committee's completion and on-time rectification against the units below it, "
            + "and the committees under which the drop exceeds the scheme's threshold")
    public PressureGradient.Gradient gradient(@PathParam("id") UUID id, @QueryParam("unit") String unit) {
        return gradients.of(id, scope.root(), unit);
    }
}
