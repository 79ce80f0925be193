package party.assessment.persons;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.assessment.orgunits.OrgUnitCommands;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.common.sheets.UploadedSheet;

/**
 * Leaders and their posts (定向到人) over REST. Reads for every role within scope; the organization department of
 * the committee above (organizer) and administrators keep them, for the units below their own.
 */
@Path("/persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER,
        Roles.INTEGRATION})
public class PersonResource {

    private final Persons persons;
    private final OrgScope scope;

    public PersonResource(Persons persons, OrgScope scope) {
        this.persons = persons;
        this.scope = scope;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Register a leader with the post they hold in a unit below the caller's; one 第一责任人 "
            + "(secretary) per unit on any day, a new one taking over from the one in office")
    public Response register(@Valid @NotNull PersonCommands.Register command, UriInfo uri) {
        PersonView person = persons.register(command, scope.root());
        return Response.created(uri.getAbsolutePathBuilder().path(person.id().toString()).build()).entity(person)
                .build();
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", UploadedSheet.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Register leaders from a sheet, a row each: 姓名, 单位编码, 职务, 任职起始, 任职结束, 分管业务, "
            + "党建职责, 账号. Every row or none (400 listing each refused row); rows=valid stores the good ones and "
            + "lists the refused")
    public Persons.Imported importLeaders(InputStream sheet, @HeaderParam("Content-Type") String type,
                                          @QueryParam("rows") @DefaultValue("all") @Pattern(regexp = "all|valid")
                                          String rows) throws IOException {
        return persons.importLeaders(sheet, type, rows.equals("valid"), scope.root());
    }

    @GET
    @Operation(summary = "The leaders holding or having held a post in the caller's scope, by name")
    public Page<PersonView> list(@QueryParam("unit") @Pattern(regexp = OrgUnitCommands.CODE) String unit,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return persons.list(unit, page, size, scope.root());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A leader with their posts in the caller's scope, the latest first; 404 outside it")
    public PersonView get(@PathParam("id") UUID id) {
        return persons.get(id, scope.root());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Correct a leader's name or account")
    public PersonView correct(@PathParam("id") UUID id, @Valid @NotNull PersonCommands.Correct command) {
        return persons.correct(id, command, scope.root());
    }

    @POST
    @Path("/{id}/appointments")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "A new post for a leader; their current post in that unit ends the day before, and stays "
            + "in their history")
    public PersonView appoint(@PathParam("id") UUID id, @Valid @NotNull PersonCommands.Appoint command) {
        return persons.appoint(id, command, scope.root());
    }

    @PUT
    @Path("/{id}/appointments/{appointment}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Correct an appointment entered wrongly: its post, term, areas or duties; a corrected "
            + "第一责任人 term overlapping another's is refused, nothing is handed over")
    public PersonView correctAppointment(@PathParam("id") UUID id, @PathParam("appointment") UUID appointment,
                                         @Valid @NotNull PersonCommands.CorrectAppointment command) {
        return persons.correctAppointment(id, appointment, command, scope.root());
    }

    @POST
    @Path("/{id}/appointments/{appointment}/end")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "End a leader's term in a post (or end it earlier); the appointment stays in their history")
    public PersonView endTerm(@PathParam("id") UUID id, @PathParam("appointment") UUID appointment,
                              @Valid @NotNull PersonCommands.EndTerm command) {
        return persons.endTerm(id, appointment, command, scope.root());
    }
}
