package party.assessment.schemes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.assessment.scoring.Dimension;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.common.sheets.UploadedSheet;

/** Yearly schemes: designed by the organization department in scope, seen by the units they assess. */
@Path("/schemes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
public class SchemeResource {

    private final Schemes schemes;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public SchemeResource(Schemes schemes, OrgScope scope, JsonWebToken caller) {
        this.schemes = schemes;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Draft a scheme for a unit in scope; weights that do not add up are a 400 naming the level")
    public Response create(@Valid @NotNull SchemeCommands.Define command, UriInfo uri) {
        Scheme scheme = schemes.create(command, scope.root(), caller.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(scheme.id.toString()).build())
                .entity(SchemeCommands.SchemeView.of(scheme)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.UNIT_LEADER, Roles.INSPECTOR, Roles.INTEGRATION})
    @Operation(summary = "Schemes of units in scope and the schemes that assess the caller's unit, newest year first")
    public Page<SchemeCommands.SchemeView> list(@QueryParam("year") Integer year,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var parameters = scope.parameters();
        String where = "(" + OrgScope.condition("orgPath") + " or :scope like concat(orgPath, '/%'))";
        if (year != null) {
            where += " and year = :year";
            parameters.and("year", year);
        }
        return Page.of(Scheme.<Scheme>find(where + " order by year desc, title, revision desc", parameters), page, size,
                SchemeCommands.SchemeView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.UNIT_LEADER, Roles.INSPECTOR, Roles.INTEGRATION})
    public SchemeCommands.SchemeView get(@PathParam("id") UUID id) {
        return SchemeCommands.SchemeView.of(schemes.visible(id, scope.root()));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a draft; a published scheme is immutable (409): revise it instead")
    public SchemeCommands.SchemeView redefine(@PathParam("id") UUID id, @Valid @NotNull SchemeCommands.Define command) {
        return SchemeCommands.SchemeView.of(schemes.redefine(id, command, scope.root()));
    }

    @POST
    @Path("/{id}/indicators")
    @Consumes({"text/csv", UploadedSheet.XLSX})
    @Operation(summary = "Replace a draft's indicator tree with a sheet's, a row per indicator under a header naming "
            + "its columns: 维度编码, 维度, 维度权重, 指标编码, 指标, 分值, 责任部门, 评分方法, 目标值, 比较, 计量单位, 每次分值, "
            + "下限, 封顶, 等次分值, 否决等次, 适用类别, 佐证材料. Every row or none (400 listing each refused row); the "
            + "tree is then checked and stored as PUT stores a definition")
    public SchemeCommands.SchemeView importIndicators(@PathParam("id") UUID id, InputStream sheet,
                                                      @HeaderParam("Content-Type") String type) throws IOException {
        List<Dimension> dimensions = IndicatorSheet.read(sheet, type);
        return SchemeCommands.SchemeView.of(schemes.replaceIndicators(id, dimensions, scope.root()));
    }

    @GET
    @Path("/{id}/indicators.xlsx")
    @Produces(UploadedSheet.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Operation(summary = "The scheme's indicator tree as the .xlsx sheet POST …/indicators reads, a row per indicator; "
            + "the template for a new scheme")
    public Response indicatorsXlsx(@PathParam("id") UUID id) throws IOException {
        return Response.ok(IndicatorSheet.workbook(schemes.visible(id, scope.root())), UploadedSheet.XLSX)
                .header("Content-Disposition", "attachment; filename=\"indicators.xlsx\"").build();
    }

    @POST
    @Path("/{id}/publish")
    @Operation(summary = "Publish a draft; a revision supersedes the scheme it revises and takes over its entries")
    public SchemeCommands.SchemeView publish(@PathParam("id") UUID id) {
        return SchemeCommands.SchemeView.of(schemes.publish(id, scope.root()));
    }

    @POST
    @Path("/{id}/revise")
    @Operation(summary = "A new draft revision of a published scheme")
    public Response revise(@PathParam("id") UUID id, UriInfo uri) {
        Scheme revision = schemes.revise(id, scope.root(), caller.getName());
        return Response.created(uri.getBaseUriBuilder().path("schemes").path(revision.id.toString()).build())
                .entity(SchemeCommands.SchemeView.of(revision)).build();
    }
}
