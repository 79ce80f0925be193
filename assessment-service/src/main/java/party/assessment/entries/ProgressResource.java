package party.assessment.entries;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.assessment.schemes.Schemes;
import party.common.paging.Page;
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

    private final Schemes schemes;
    private final OrgScope scope;
    private final Progress progress;

    public ProgressResource(Schemes schemes, OrgScope scope, Progress progress) {
        this.schemes = schemes;
        this.scope = scope;
        this.progress = progress;
    }

    @GET
    @Operation(summary = "Each unit the scheme assesses, by path: indicators it reports on, reported, settled (scored "
            + "or accepted), objections open")
    public Page<Progress.UnitProgress> progress(@PathParam("id") UUID id,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return progress.of(schemes.managed(id, scope.root()), page, size);
    }
}
