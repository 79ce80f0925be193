package party.rectification.items;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
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
import java.nio.file.Files;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import party.common.evidence.EvidenceFile;
import party.common.problem.Refusal;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.common.sheets.UploadedSheet;
import party.orgreplica.ReplicatedOrgUnit;

/**
 * Rectification items and their workflow. The issuing side (inspection office, organization department) issues,
 * reviews and verifies; the responsible unit's leaders plan and report. Both act only within their org scope.
 */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {

    private final Items items;
    private final RectificationRules rules;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public ItemResource(Items items, RectificationRules rules, OrgScope scope, JsonWebToken caller) {
        this.items = items;
        this.rules = rules;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "Issue a problem to a unit in scope (交办); without a deadline the timing class sets it")
    public Response issue(@Valid @NotNull ItemCommands.Issue command, UriInfo uri) {
        RectificationItem item = items.issue(command, scope.root(), caller.getName());
        return Response.created(uri.getAbsolutePathBuilder().path(item.id.toString()).build()).entity(view(item)).build();
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", UploadedSheet.XLSX})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "Issue an inspection's problems from a sheet (巡察反馈问题清单), a row each under a header row: "
            + "责任单位编码, 问题来源, 整改类型, 问题描述, 公开摘要, 责任人, 发现日期, 整改时限, each as POST /items would. "
            + "Every row or none (400 listing each refused row); rows=valid issues the good ones and lists the refused")
    public Items.Imported importItems(InputStream sheet, @HeaderParam("Content-Type") String type,
                                      @QueryParam("rows") @DefaultValue("all") @Pattern(regexp = "all|valid")
                                      String rows) throws IOException {
        return items.importItems(sheet, type, rows.equals("valid"), scope.root(), caller.getName());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER, Roles.INTEGRATION})
    @Operation(summary = "An item with its history and evidence files")
    public ItemViews.ItemDetail get(@PathParam("id") UUID id) {
        RectificationItem item = items.visible(id, scope.root());
        return new ItemViews.ItemDetail(view(item), ItemHistory.of(item.id).stream().map(ItemViews.HistoryEntry::of).toList(),
                Evidence.listed(item.id));
    }

    @POST
    @Path("/{id}/plan")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "The unit submits its measures and milestones (again after a send-back or reopening)")
    public ItemViews.ItemView submitPlan(@PathParam("id") UUID id, @Valid @NotNull ItemCommands.Plan plan) {
        return step(id, Step.SUBMIT_PLAN, null, item -> item.submitPlan(plan.measures(), plan.milestoneList(),
                items.leaderOf(item.orgCode, plan.responsibleLeaderId(), plan.responsibleLeader())));
    }

    @POST
    @Path("/{id}/plan/approve")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    public ItemViews.ItemView approvePlan(@PathParam("id") UUID id, @Valid ItemCommands.Remark remark) {
        return step(id, Step.APPROVE_PLAN, remark == null ? null : remark.note(), RectificationItem::approvePlan);
    }

    @POST
    @Path("/{id}/plan/send-back")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "An inadequate plan goes back to the unit with the reason (不合格的要退回重来)")
    public ItemViews.ItemView sendBackPlan(@PathParam("id") UUID id, @Valid @NotNull ItemCommands.SendBack sendBack) {
        return step(id, Step.SEND_BACK_PLAN, sendBack.reason(), RectificationItem::sendBackPlan);
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "The unit records a milestone of its approved plan as reached")
    public ItemViews.ItemView recordProgress(@PathParam("id") UUID id, @Valid @NotNull ItemCommands.Progress progress) {
        return step(id, Step.RECORD_PROGRESS, progress.note(), item -> item.recordProgress(progress.milestone(), items.today()));
    }

    @POST
    @Path("/{id}/report")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_LEADER})
    public ItemViews.ItemView submitReport(@PathParam("id") UUID id, @Valid @NotNull ItemCommands.Report report) {
        return step(id, Step.SUBMIT_REPORT, null, item -> item.submitReport(report.text()));
    }

    @POST
    @Path("/{id}/report/send-back")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "The report does not show the problem solved: the unit redoes it (补课)")
    public ItemViews.ItemView sendBackReport(@PathParam("id") UUID id, @Valid @NotNull ItemCommands.SendBack sendBack) {
        return step(id, Step.SEND_BACK_REPORT, sendBack.reason(), RectificationItem::sendBackReport);
    }

    @POST
    @Path("/{id}/report/verify")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "Verified: the item closes (销号) and its look-back date is set")
    public ItemViews.ItemView verify(@PathParam("id") UUID id, @Valid ItemCommands.Remark remark) {
        return step(id, Step.VERIFY, remark == null ? null : remark.note(),
                item -> item.verify(items.today(), items.followUpDays()));
    }

    @POST
    @Path("/{id}/follow-up/sustain")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "回头看: the fix holds; the item reaches its end")
    public ItemViews.ItemView sustain(@PathParam("id") UUID id, @Valid ItemCommands.Remark remark) {
        String note = remark == null ? null : remark.note();
        return step(id, Step.SUSTAIN, note, item -> item.sustain(note, items.today()));
    }

    @POST
    @Path("/{id}/follow-up/reopen")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "回头看: the problem is back; the unit plans again against a new deadline")
    public ItemViews.ItemView reopen(@PathParam("id") UUID id, @Valid @NotNull ItemCommands.Reopen reopen) {
        return step(id, Step.REOPEN, reopen.reason(), item -> item.reopen(reopen.deadline(), items.today()));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "撤销: an item issued in error leaves the open lists and the figures; its history stays")
    public ItemViews.ItemView withdraw(@PathParam("id") UUID id, @Valid @NotNull ItemCommands.Withdraw withdraw) {
        return step(id, Step.WITHDRAW, withdraw.reason(), RectificationItem::withdraw);
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_LEADER, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "Attach a photo or document (JPEG, PNG, PDF; size limit in rectification.evidence.max-bytes)")
    public Response addEvidence(@PathParam("id") UUID id, @RestForm("file") FileUpload file, UriInfo uri) throws IOException {
        if (file == null) {
            throw Refusal.EVIDENCE_MISSING.because("send the file as the multipart form field 'file'", "file");
        }
        Evidence evidence = items.addEvidence(id, scope.root(), caller.getName(), file.fileName(),
                Files.readAllBytes(file.uploadedFile()));
        return Response.created(uri.getAbsolutePathBuilder().path(evidence.id.toString()).build())
                .entity(new ItemViews.EvidenceView(evidence.id, evidence.fileName, evidence.mediaType, evidence.size,
                        evidence.sha256, evidence.uploadedBy, evidence.uploadedAt)).build();
    }

    @GET
    @Path("/{id}/evidence/{evidenceId}")
    @Produces({"image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER, Roles.INTEGRATION})
    public Response evidence(@PathParam("id") UUID id, @PathParam("evidenceId") UUID evidenceId) {
        RectificationItem item = items.visible(id, scope.root());
        Evidence evidence = Evidence.findById(evidenceId);
        if (evidence == null || !item.id.equals(evidence.itemId)) {
            throw new NotFoundException();
        }
        return EvidenceFile.download(evidence.fileName, evidence.mediaType, evidence.content);
    }

    private ItemViews.ItemView step(UUID id, Step step, String note,
                                    Function<RectificationItem, RectificationItem.Transition> move) {
        return view(items.take(id, step, scope.root(), caller.getName(), note, move));
    }

    private ItemViews.ItemView view(RectificationItem item) {
        return ItemViews.ItemView.of(item, ReplicatedOrgUnit.nameOf(item.orgCode), items.today(), rules.warning());
    }
}
