package party.assessment.orgunits;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.events.OrgUnitState;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.common.sheets.UploadedSheet;

/** The org-unit registry over REST. Reads for every role, changes for organizers and admins, all within scope. */
@Path("/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.DISCIPLINE,
        Roles.UNIT_LEADER, Roles.VOTER, Roles.TELLER, Roles.INTEGRATION})
public class OrgUnitResource {

    private final OrgUnitRegistry registry;
    private final OrgScope scope;

    public OrgUnitResource(OrgUnitRegistry registry, OrgScope scope) {
        this.registry = registry;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Create an org unit under a parent in the caller's scope; announced on org.units")
    public Response create(@Valid @NotNull OrgUnitCommands.Create command, UriInfo uri) {
        OrgUnitState created = registry.create(command, scope.root());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", UploadedSheet.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Create org units from a sheet, a row each under a header row: 编码, 名称, 层级, 类别, 上级编码 "
            + "(a unit in the caller's scope or of a row above), each as POST /org-units would. Every row or none (400 "
            + "listing each refused row); rows=valid stores the good ones and lists the refused; a row as the "
            + "registry holds it already is unchanged")
    public OrgUnitRegistry.Imported importUnits(InputStream sheet, @HeaderParam("Content-Type") String type,
                                                @QueryParam("rows") @DefaultValue("all") @Pattern(regexp = "all|valid")
                                                String rows) throws IOException {
        return registry.importUnits(sheet, type, rows.equals("valid"), scope.root());
    }

    @GET
    @Operation(summary = "Org units in the caller's scope, ordered by path; q: a part of the name or code; "
            + "active=true: only units in use")
    public Page<OrgUnitState> list(@QueryParam("q") @Size(max = 100) String q,
                                   @QueryParam("active") boolean activeOnly,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var parameters = scope.parameters();
        String where = OrgScope.condition("path");
        if (q != null && !q.isBlank()) { // locate, not like: a % or _ typed in the search box is just a character
            where += " and (locate(:q, name) > 0 or locate(lower(:q), lower(code)) > 0)";
            parameters.and("q", q.strip());
        }
        if (activeOnly) {
            where += " and deactivated = false";
        }
        return Page.of(OrgUnit.<OrgUnit>find(where + " order by path", parameters), page, size, OrgUnit::state);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One org unit; 404 outside the caller's scope")
    public OrgUnitState get(@PathParam("code") String code) {
        return registry.visible(code, scope.root()).state();
    }

    @GET
    @Path("/{code}/children")
    @Operation(summary = "The direct children of an org unit")
    public List<OrgUnitState> children(@PathParam("code") String code) {
        registry.visible(code, scope.root());
        return OrgUnit.<OrgUnit>list("parentCode = ?1 order by path", code).stream().map(OrgUnit::state).toList();
    }

    @POST
    @Path("/{code}/rename")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Rename an org unit (its code and path stay)")
    public OrgUnitState rename(@PathParam("code") String code, @Valid @NotNull OrgUnitCommands.Rename command) {
        return registry.rename(code, command, scope.root());
    }

    @POST
    @Path("/{code}/deactivate")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Take a unit created by mistake out of use (not the caller's own unit; every unit below it "
            + "first): its records stay and keep its name, nothing new is created under it, issued to it or held for "
            + "it; announced on org.units")
    public OrgUnitState deactivate(@PathParam("code") String code, @Valid @NotNull OrgUnitCommands.Change command) {
        return registry.deactivate(code, command, scope.root());
    }

    @POST
    @Path("/{code}/reactivate")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Put a deactivated unit back into use, under a parent in use")
    public OrgUnitState reactivate(@PathParam("code") String code, @Valid @NotNull OrgUnitCommands.Change command) {
        return registry.reactivate(code, command, scope.root());
    }

    @POST
    @Path("/{code}/move")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Move an org unit and its subtree under another parent in the caller's scope")
    public OrgUnitState move(@PathParam("code") String code, @Valid @NotNull OrgUnitCommands.Move command) {
        return registry.move(code, command, scope.root());
    }
}
