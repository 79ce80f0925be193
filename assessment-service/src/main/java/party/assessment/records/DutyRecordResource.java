package party.assessment.records;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import party.assessment.orgunits.OrgUnitCommands;
import party.common.evidence.EvidenceFile;
import party.common.paging.Page;
import party.common.problem.Refusal;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/**
 * Duty records 履责纪实 over REST. A unit's own accounts (unit-leader: the leader, or the unit's clerk) record their
 * leaders' duties; every role reads them within scope, so the committee above sees each leader's record.
 */
@Path("/duty-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.REVIEWER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER,
        Roles.INTEGRATION})
public class DutyRecordResource {

    private final DutyRecords records;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public DutyRecordResource(DutyRecords records, OrgScope scope, JsonWebToken caller) {
        this.records = records;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "Record what a leader of the caller's unit did (专题研究党建会议, 讲党课, 谈心谈话 …); after the "
            + "period locks only as a late entry with its reason")
    public Response record(@Valid @NotNull DutyRecordCommands.Record command, UriInfo uri) {
        DutyRecordView record = records.record(command, scope.root(), caller.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(record.id().toString()).build()).entity(record)
                .build();
    }

    @GET
    @Operation(summary = "Duty records in the caller's scope, newest first, by person, unit, year or kind")
    public Page<DutyRecordView> list(@QueryParam("person") UUID person,
                                     @QueryParam("unit") @Pattern(regexp = OrgUnitCommands.CODE) String unit,
                                     @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                     @QueryParam("kind") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String kind,
                                     @QueryParam("withdrawn") @DefaultValue("false") boolean withdrawn,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return records.list(new DutyRecords.Filter(person, unit, year, kind, withdrawn), page, size, scope.root());
    }

    @GET
    @Path("/kinds")
    @Operation(summary = "The kinds of record the caller's unit may make this year: built in, and its schemes' own")
    public List<DutyRecords.Kind> kinds() {
        return records.kinds(scope.root());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One duty record with its evidence files")
    public DutyRecordView get(@PathParam("id") UUID id) {
        return records.get(id, scope.root());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "Correct a record of the caller's unit while its period is open")
    public DutyRecordView correct(@PathParam("id") UUID id, @Valid @NotNull DutyRecordCommands.Correct command) {
        return records.correct(id, command, scope.root());
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "Withdraw a record made in error, with the reason; it stays, counting for nothing")
    public DutyRecordView withdraw(@PathParam("id") UUID id, @Valid @NotNull DutyRecordCommands.Withdraw command) {
        return records.withdraw(id, command.reason(), scope.root());
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "Attach a photo or document (JPEG, PNG, PDF; size limit in assessment.records.evidence.max-bytes)")
    public Response addEvidence(@PathParam("id") UUID id, @RestForm("file") FileUpload file, UriInfo uri)
            throws IOException {
        if (file == null) {
            throw Refusal.EVIDENCE_MISSING.because("send the file as the multipart form field 'file'", "file");
        }
        DutyRecordView.File added = records.addEvidence(id, file.fileName(), Files.readAllBytes(file.uploadedFile()),
                scope.root(), caller.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(added.id().toString()).build()).entity(added).build();
    }

    @GET
    @Path("/{id}/evidence/{file}")
    @Produces({"image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download one evidence file of a record")
    public Response evidence(@PathParam("id") UUID id, @PathParam("file") UUID file) {
        DutyRecordEvidence evidence = records.evidence(id, file, scope.root());
        return EvidenceFile.download(evidence.fileName, evidence.mediaType, evidence.content);
    }
}
