package party.assessment.inputs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.common.sheets.UploadedSheet;

/** A scheme's inputs beside the indicators: routine checks and public satisfaction, while the scheme is open. */
@Path("/schemes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class InputResource {

    public record RoutineCheckInput(@NotBlank String unit, @NotNull LocalDate checkedOn,
                                    @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal score,
                                    @Size(max = 2000) String note) {
    }

    public record OpinionInput(@NotBlank String unit, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal satisfaction,
                               @Size(max = 200) String source) {
    }

    private final Inputs inputs;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public InputResource(Inputs inputs, OrgScope scope, JsonWebToken caller) {
        this.inputs = inputs;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @Path("/routine-checks")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "Record a routine check 平时检查 (0–100) of an assessed unit")
    public Response routineCheck(@PathParam("id") UUID id, @Valid @NotNull RoutineCheckInput input) {
        UUID check = inputs.recordRoutineCheck(id, scope.root(), input.unit(), input.checkedOn(), input.score(),
                input.note(), caller.getName());
        return Response.status(Status.CREATED).entity(Map.of("id", check)).build();
    }

    @PUT
    @Path("/opinion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Operation(summary = "A unit's public satisfaction 民意调查 (0–100), e.g. posted by a survey system")
    public Map<String, Object> opinion(@PathParam("id") UUID id, @Valid @NotNull OpinionInput input) {
        inputs.recordOpinion(id, scope.root(), input.unit(), input.satisfaction(), input.source(), caller.getName());
        return Map.of("unit", input.unit(), "satisfaction", input.satisfaction());
    }

    @POST
    @Path("/opinion/import")
    @Consumes({"text/csv", UploadedSheet.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Operation(summary = "Import satisfaction from a survey sheet: rows of unit code and score (0–100), all or none")
    public Map<String, Object> importOpinion(@PathParam("id") UUID id, InputStream sheet,
                                             @HeaderParam("Content-Type") String type) throws IOException {
        return Map.of("imported", inputs.importOpinion(id, scope.root(), sheet, type, caller.getName()));
    }
}
