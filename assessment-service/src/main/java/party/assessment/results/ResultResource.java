package party.assessment.results;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.assessment.schemes.SchemeState;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/**
 * A scheme's results: computation, ranking, breakdown, calibration, locking, announcing and the workbooks. The
 * organization department that manages the scheme sees every result; an assessed unit sees its own subtree's, once
 * they are announced.
 */
@Path("/schemes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class ResultResource {

    public record Calibration(@NotNull @DecimalMin("-10") @DecimalMax("10") BigDecimal adjustment,
                              @NotBlank @Size(max = 2000) String reason) {
    }

    private final Results results;
    private final VisibleResults visible;
    private final ResultsExport export;
    private final AnnualReport report;
    private final OrgScope scope;

    public ResultResource(Results results, VisibleResults visible, ResultsExport export, AnnualReport report,
                          OrgScope scope) {
        this.results = results;
        this.visible = visible;
        this.export = export;
        this.report = report;
        this.scope = scope;
    }

    @POST
    @Path("/compute")
    @Operation(summary = "Compute every assessed unit's result from its current inputs")
    public Map<String, Integer> compute(@PathParam("id") UUID id) {
        return Map.of("computed", results.compute(id, scope.root()));
    }

    @GET
    @Path("/results")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.INTEGRATION, Roles.UNIT_LEADER})
    @Operation(summary = "Results by category and rank; units see their own subtree's once announced")
    public List<ResultViews.ResultView> ranking(@PathParam("id") UUID id, @QueryParam("category") String category) {
        return visible.ranking(id, scope.root(), category);
    }

    @GET
    @Path("/results/{unit}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.INTEGRATION, Roles.UNIT_LEADER})
    @Operation(summary = "A unit's result with every number it came from")
    public ResultViews.Breakdown breakdown(@PathParam("id") UUID id, @PathParam("unit") String unit) {
        return visible.breakdown(id, unit, scope.root());
    }

    @POST
    @Path("/results/{unit}/calibrate")
    @Operation(summary = "Adjust a computed total by at most ±10 points, with the reason on record (校准)")
    public ResultViews.ResultView calibrate(@PathParam("id") UUID id, @PathParam("unit") String unit,
                                            @Valid @NotNull Calibration calibration) {
        return results.calibrate(id, unit, scope.root(), calibration.adjustment(), calibration.reason());
    }

    @POST
    @Path("/lock")
    @Operation(summary = "Compute once more, freeze grades and ranks, send each result to assessment.results")
    public Map<String, Object> lock(@PathParam("id") UUID id) {
        return Map.of("state", SchemeState.LOCKED, "results", results.lock(id, scope.root()));
    }

    @POST
    @Path("/announce")
    @Operation(summary = "Make the locked results visible to the assessed units")
    public Map<String, Object> announce(@PathParam("id") UUID id) {
        results.announce(id, scope.root());
        return Map.of("state", SchemeState.ANNOUNCED);
    }

    @GET
    @Path("/results.xlsx")
    @Produces(ResultsExport.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Operation(summary = "The ranking by category as an .xlsx workbook, one sheet per category")
    public Response rankingXlsx(@PathParam("id") UUID id) throws IOException {
        return attachment(export.ranking(id, scope.root()), "ranking.xlsx");
    }

    @GET
    @Path("/results/{unit}/breakdown.xlsx")
    @Produces(ResultsExport.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.UNIT_LEADER, Roles.REVIEWER, Roles.INSPECTOR})
    @Operation(summary = "A unit's breakdown as an .xlsx workbook")
    public Response breakdownXlsx(@PathParam("id") UUID id, @PathParam("unit") String unit) throws IOException {
        return attachment(export.breakdown(id, unit, scope.root()), unit + "-breakdown.xlsx");
    }

    @GET
    @Path("/results/{unit}/report.pdf")
    @Produces(AnnualReport.PDF)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION, Roles.UNIT_LEADER, Roles.REVIEWER, Roles.INSPECTOR})
    @Operation(summary = "A unit's annual assessment report as an A4 PDF with its font embedded, for the committee "
            + "to send to the unit; the unit reads its own once announced")
    public Response report(@PathParam("id") UUID id, @PathParam("unit") String unit) {
        return Response.ok(report.of(id, unit, scope.root()), AnnualReport.PDF)
                .header("Content-Disposition", "attachment; filename=\"" + unit + "-report.pdf\"").build();
    }

    private static Response attachment(byte[] workbook, String name) {
        return Response.ok(workbook, ResultsExport.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
