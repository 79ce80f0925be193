package party.rectification.tasks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import party.common.evidence.EvidenceFile;
import party.common.paging.Page;
import party.common.problem.Refusal;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.rectification.items.Evidence;
import party.rectification.items.ItemViews;
import party.rectification.items.Warning;

/**
 * The task list 任务清单 over REST: the committee (organizer, inspector) issues, accepts, sends back and withdraws;
 * the unit (unit-leader) acknowledges, records progress, attaches evidence and submits.
 */
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final Tasks tasks;
    private final OrgScope scope;
    private final JsonWebToken caller;

    public TaskResource(Tasks tasks, OrgScope scope, JsonWebToken caller) {
        this.tasks = tasks;
        this.scope = scope;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "Issue a task of the year's task list to units below the caller's, one task each")
    public Response issue(@Valid @NotNull TaskCommands.Issue command) {
        List<TaskViews.TaskView> issued = tasks.issue(command, scope.root(), caller.getName()).stream()
                .map(tasks::view).toList();
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER,
            Roles.INTEGRATION})
    @Operation(summary = "The task list in scope by deadline: by unit (and those below it), year, state, warning "
            + "colour or overdue")
    public Page<TaskViews.TaskView> list(@QueryParam("unit") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String unit,
                                         @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                         @QueryParam("state") TaskStatus state,
                                         @QueryParam("warning") Warning warning,
                                         @QueryParam("overdue") Boolean overdue,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return tasks.list(new Tasks.Filter(unit, year, state, warning, overdue), page, size, scope.root());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER,
            Roles.INTEGRATION})
    @Operation(summary = "A task with its history and evidence files")
    public TaskViews.TaskDetail get(@PathParam("id") UUID id) {
        return tasks.detail(id, scope.root());
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "The unit acknowledges the task (签收)")
    public TaskViews.TaskView acknowledge(@PathParam("id") UUID id, @Valid TaskCommands.Note note) {
        return step(id, TaskStep.ACKNOWLEDGE, note == null ? null : note.note(), task -> task.take(TaskStep.ACKNOWLEDGE));
    }

    @POST
    @Path("/{id}/progress")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "The unit records progress")
    public TaskViews.TaskView progress(@PathParam("id") UUID id, @Valid @NotNull TaskCommands.Progress progress) {
        return step(id, TaskStep.RECORD_PROGRESS, progress.note(), task -> task.take(TaskStep.RECORD_PROGRESS));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "The unit submits its completion, with the evidence the task requires")
    public TaskViews.TaskView submit(@PathParam("id") UUID id, @Valid @NotNull TaskCommands.Completion completion) {
        return step(id, TaskStep.SUBMIT, null, task -> tasks.submit(task, completion.text()));
    }

    @POST
    @Path("/{id}/send-back")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "The committee sends the completion back, with the reason")
    public TaskViews.TaskView sendBack(@PathParam("id") UUID id, @Valid @NotNull TaskCommands.Reason reason) {
        return step(id, TaskStep.SEND_BACK, reason.reason(), task -> task.take(TaskStep.SEND_BACK));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "The committee accepts the completion (验收); announced as TaskCompleted")
    public TaskViews.TaskView accept(@PathParam("id") UUID id, @Valid TaskCommands.Note note) {
        return step(id, TaskStep.ACCEPT, note == null ? null : note.note(), task -> task.accept(tasks.today()));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR})
    @Operation(summary = "Withdraw a task issued in error, with the reason; it stays in the list, marked")
    public TaskViews.TaskView withdraw(@PathParam("id") UUID id, @Valid @NotNull TaskCommands.Reason reason) {
        return step(id, TaskStep.WITHDRAW, reason.reason(), task -> task.take(TaskStep.WITHDRAW));
    }

    @POST
    @Path("/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "Attach a photo or document to the task (JPEG, PNG, PDF; as rectification evidence)")
    public Response addEvidence(@PathParam("id") UUID id, @RestForm("file") FileUpload file, UriInfo uri)
            throws IOException {
        if (file == null) {
            throw Refusal.EVIDENCE_MISSING.because("send the file as the multipart form field 'file'", "file");
        }
        Evidence evidence = tasks.addEvidence(id, scope.root(), caller.getName(), file.fileName(),
                Files.readAllBytes(file.uploadedFile()));
        return Response.created(uri.getAbsolutePathBuilder().path(evidence.id.toString()).build())
                .entity(new ItemViews.EvidenceView(evidence.id, evidence.fileName, evidence.mediaType, evidence.size,
                        evidence.sha256, evidence.uploadedBy, evidence.uploadedAt)).build();
    }

    @GET
    @Path("/{id}/evidence/{file}")
    @Produces({"image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER,
            Roles.INTEGRATION})
    @Operation(summary = "Download one evidence file of a task")
    public Response evidence(@PathParam("id") UUID id, @PathParam("file") UUID file) {
        ResponsibilityTask task = tasks.visible(id, scope.root());
        Evidence evidence = Evidence.findById(file);
        if (evidence == null || !task.id.equals(evidence.taskId)) {
            throw new NotFoundException();
        }
        return EvidenceFile.download(evidence.fileName, evidence.mediaType, evidence.content);
    }

    private TaskViews.TaskView step(UUID id, TaskStep step, String note, Consumer<ResponsibilityTask> move) {
        return tasks.view(tasks.take(id, step, scope.root(), caller.getName(), note, move));
    }
}
