package party.rectification.clues;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.paging.Page;
import party.common.audit.Confidential;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.orgreplica.ReplicatedOrgUnit;
import party.rectification.accountability.Disposition;

/**
 * Clues 问题线索: inspectors transfer them, the discipline commission alone reads and handles them. The inspector
 * who registers a clue gets its id back and nothing else, now or later.
 */
@Path("/clues")
@Confidential
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DISCIPLINE)
public class ClueResource {

    public record Transfer(@NotBlank @Size(max = 64) String unit, @NotBlank @Size(max = 500) String summary,
                           @NotBlank @Size(max = 8000) String details, @Size(max = 500) String reporter) {
    }

    public record Handle(@NotNull ClueStatus status, Disposition disposition, @Size(max = 4000) String note) {
    }

    /** A clue in the discipline commission's list: no details, no reporter. */
    public record ClueSummary(UUID id, String unit, String unitName, String summary, ClueStatus status,
                              Disposition disposition, Instant registeredAt) {

        static ClueSummary of(Clue clue, String unitName) {
            return new ClueSummary(clue.id, clue.orgCode, unitName, clue.summary, clue.status, clue.disposition,
                    clue.registeredAt);
        }
    }

    public record ClueDetail(ClueSummary clue, String details, String reporter, String registeredBy,
                             List<HandlingEntry> handling) {
    }

    public record HandlingEntry(Instant at, String actor, ClueStatus status, Disposition disposition, String note) {
    }

    /** @param whole whether the details and the reporter were read, not only the list's summary */
    public record ReadEntry(Instant at, String reader, boolean whole) {
    }

    private final Clues clues;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public ClueResource(Clues clues, OrgScope scope, JsonWebToken caller) {
        this.clues = clues;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.INSPECTOR, Roles.DISCIPLINE})
    @Operation(summary = "Transfer a clue about a unit in scope to the discipline commission (线索移交)")
    public Response transfer(@Valid @NotNull Transfer command) {
        Clue clue = clues.transfer(command.unit(), command.summary(), command.details(), command.reporter(),
                scope.root(), caller.getName());
        return Response.status(Status.CREATED).entity(Map.of("id", clue.id, "status", clue.status)).build();
    }

    @GET
    @Operation(summary = "Clues about units in scope, newest first (no details, no reporter)")
    public Page<ClueSummary> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        String root = scope.root();
        List<Clue> listed = clues.list(root, caller.getName(), page, size);
        Map<String, String> names = ReplicatedOrgUnit.names(listed.stream().map(clue -> clue.orgCode).toList());
        return new Page<>(listed.stream().map(clue -> ClueSummary.of(clue, names.get(clue.orgCode))).toList(), page,
                size, clues.count(root));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A clue with its details, its reporter and its handling")
    public ClueDetail get(@PathParam("id") UUID id) {
        Clue clue = clues.read(id, scope.root(), caller.getName());
        List<HandlingEntry> handling = ClueHandling.of(clue.id).stream()
                .map(h -> new HandlingEntry(h.at, h.actor, h.status, h.disposition, h.note)).toList();
        return new ClueDetail(ClueSummary.of(clue, ReplicatedOrgUnit.nameOf(clue.orgCode)), clue.details, clues.reporterOf(clue), clue.registeredBy, handling);
    }

    @GET
    @Path("/{id}/reads")
    @Operation(summary = "Who read the clue and when, oldest first (the list's summary or the whole clue)")
    public List<ReadEntry> reads(@PathParam("id") UUID id) {
        Clue clue = clues.visible(id, scope.root());
        return ClueRead.of(clue.id).stream().map(r -> new ReadEntry(r.readAt, r.reader, r.whole)).toList();
    }

    @POST
    @Path("/{id}/handling")
    @Operation(summary = "Move the handling on: VERIFYING (初核), then CONCLUDED with a disposition (四种形态 …)")
    public ClueSummary handle(@PathParam("id") UUID id, @Valid @NotNull Handle command) {
        Clue handled = clues.handle(id, command.status(), command.disposition(), command.note(), scope.root(),
                caller.getName());
        return ClueSummary.of(handled, ReplicatedOrgUnit.nameOf(handled.orgCode));
    }
}
