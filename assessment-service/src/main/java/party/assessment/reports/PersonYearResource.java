package party.assessment.reports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** A leader's year for their 述职, as JSON and as a workbook, for the committee above and their own unit. */
@Path("/persons/{id}/years/{year}")
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER,
        Roles.INTEGRATION})
public class PersonYearResource {

    private final PersonYears years;
    private final OrgScope scope;

    public PersonYearResource(PersonYears years, OrgScope scope) {
        this.years = years;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A leader's year (述职): posts, responsibility list with its tasks, duty records, the "
            + "counted indicators they fed, uses of results")
    public PersonYears.PersonYear year(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year) {
        return years.of(id, year, scope.root());
    }

    @GET
    @Path("/export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The same year as a workbook")
    public Response export(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year)
            throws IOException {
        return Response.ok(years.workbook(id, year, scope.root()))
                .header("Content-Disposition", "attachment; filename=\"person-year-" + year + ".xlsx\"").build();
    }
}
