package party.assessment.entries;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Schemes;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** A unit's indicators under a scheme: its own report, the department's score, an objection. */
@Path("/schemes/{id}/units/{unit}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EntryResource {

    public record SelfAssessment(BigDecimal value, @Size(max = 20) String grade, @Size(max = 4000) String evidence) {
    }

    public record Review(BigDecimal value, @Size(max = 20) String grade, @Size(max = 4000) String comment) {
    }

    public record Objection(@NotBlank @Size(max = 4000) String reason) {
    }

    public record Resolution(BigDecimal value, @Size(max = 20) String grade, @NotBlank @Size(max = 4000) String note) {
    }

    public record Acceptance(@NotBlank @Size(max = 2000) String reason) {
    }

    public record EntryView(String indicator, BigDecimal selfValue, String selfGrade, String evidence, String selfBy,
                            Instant selfAt, BigDecimal reviewValue, String reviewGrade, String reviewComment,
                            String reviewedBy, Instant reviewedAt, String objection, Instant objectedAt,
                            String resolution, String resolvedBy, Instant resolvedAt, String acceptedBy,
                            Instant acceptedAt, String acceptanceReason, boolean settled) {

        static EntryView of(IndicatorEntry e) {
            return new EntryView(e.key.indicatorCode(), e.selfValue, e.selfGrade, e.evidence, e.selfBy, e.selfAt,
                    e.reviewValue, e.reviewGrade, e.reviewComment, e.reviewedBy, e.reviewedAt, e.objection,
                    e.objectedAt, e.resolution, e.resolvedBy, e.resolvedAt, e.acceptedBy, e.acceptedAt,
                    e.acceptanceReason, e.settled());
        }
    }

    private final Entries entries;
    private final Schemes schemes;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public EntryResource(Entries entries, Schemes schemes, OrgScope scope, JsonWebToken caller) {
        this.entries = entries;
        this.schemes = schemes;
        this.scope = scope;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.UNIT_LEADER})
    @Operation(summary = "The unit's entries under the scheme")
    public List<EntryView> list(@PathParam("id") UUID id, @PathParam("unit") String unit) {
        var scheme = schemes.visible(id, scope.root());
        OrgUnit assessed = OrgUnit.findById(unit);
        if (assessed == null || !OrgPath.isWithin(assessed.path, scope.root()) || !scheme.assesses(assessed.path)) {
            throw new NotFoundException();
        }
        return IndicatorEntry.<IndicatorEntry>list("key.schemeId = ?1 and key.orgCode = ?2 order by key.indicatorCode",
                scheme.id, unit).stream().map(EntryView::of).toList();
    }

    @PUT
    @Path("/{code}/self")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "The unit reports its figure or grade with evidence (自评); frozen once the department scores")
    public EntryView selfAssess(@PathParam("id") UUID id, @PathParam("unit") String unit, @PathParam("code") String code,
                                @Valid @NotNull SelfAssessment body) {
        return EntryView.of(entries.selfAssess(target(id, unit, code), body.value(), body.grade(), body.evidence(),
                caller.getName()));
    }

    @PUT
    @Path("/{code}/review")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "The owning department scores, with a comment; other departments' indicators are 403")
    public EntryView review(@PathParam("id") UUID id, @PathParam("unit") String unit, @PathParam("code") String code,
                            @Valid @NotNull Review body) {
        Object department = caller.getClaim("department");
        return EntryView.of(entries.review(target(id, unit, code), department == null ? null : department.toString(),
                body.value(), body.grade(), body.comment(), caller.getName()));
    }

    @POST
    @Path("/{code}/objection")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "The unit objects to the department's score, once per indicator")
    public EntryView object(@PathParam("id") UUID id, @PathParam("unit") String unit, @PathParam("code") String code,
                            @Valid @NotNull Objection body) {
        return EntryView.of(entries.object(target(id, unit, code), body.reason()));
    }

    @POST
    @Path("/{code}/objection/resolve")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "The organization department answers the objection, with a new score or without")
    public EntryView resolve(@PathParam("id") UUID id, @PathParam("unit") String unit, @PathParam("code") String code,
                             @Valid @NotNull Resolution body) {
        return EntryView.of(entries.resolve(target(id, unit, code), body.value(), body.grade(), body.note(),
                caller.getName()));
    }

    @POST
    @Path("/{code}/accept")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "The organizer accepts the unit's own figure as final without a department's score, with a reason")
    public EntryView accept(@PathParam("id") UUID id, @PathParam("unit") String unit, @PathParam("code") String code,
                            @Valid @NotNull Acceptance body) {
        return EntryView.of(entries.accept(target(id, unit, code), body.reason(), caller.getName()));
    }

    private Entries.Target target(UUID id, String unit, String code) {
        return new Entries.Target(id, unit, code, scope.root());
    }
}
