package party.rectification.tasks;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import party.common.evidence.EvidenceFile;
import party.common.events.TaskCompleted;
import party.common.events.TaskEvent;
import party.common.events.TaskIssued;
import party.common.events.TaskState;
import party.common.events.TaskWithdrawn;
import party.common.outbox.Outbox;
import party.common.paging.Page;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;
import party.orgreplica.ReplicatedOrgUnit;
import party.rectification.items.CommitteeClock;
import party.rectification.items.Evidence;
import party.rectification.items.RectificationRules;
import party.rectification.items.Warning;

/**
 * The task list 任务清单 (docs/domain.md §8): a committee issues the year's tasks to the units below it; each unit
 * acknowledges, records progress and submits its completion; the committee accepts or sends it back. The sides
 * are those of a rectification item, and so are the deadline, the three-colour warning and overdue (the one scan,
 * {@link OverdueTasks}). Issuing, completion and withdrawal are announced on {@code rectification.tasks}.
 */
@ApplicationScoped
public class Tasks {

    private final Outbox outbox;
    private final CommitteeClock clock;
    private final RectificationRules rules;
    private final EntityManager em;

    public Tasks(Outbox outbox, CommitteeClock clock, RectificationRules rules, EntityManager em) {
        this.outbox = outbox;
        this.clock = clock;
        this.rules = rules;
        this.em = em;
    }

    /** One task to each unit named, every one strictly below the caller's unit; all or none. */
    @Transactional
    public List<ResponsibilityTask> issue(TaskCommands.Issue command, String scope, String actor) {
        LocalDate today = clock.today();
        if (command.deadline().isBefore(today)) {
            throw Refusal.VALIDATION.because("a task's deadline is today or later, not " + command.deadline(),
                    "deadline");
        }
        List<ReplicatedOrgUnit> units = new ArrayList<>();
        for (String code : command.units().stream().distinct().toList()) {
            ReplicatedOrgUnit unit = ReplicatedOrgUnit.activeWithinScope(code, scope, "units");
            if (unit.path.equals(scope)) {
                throw Refusal.WRONG_SIDE.because("a committee issues tasks to the units below it, never to itself",
                        "units");
            }
            units.add(unit);
        }
        List<ResponsibilityTask> issued = new ArrayList<>();
        for (ReplicatedOrgUnit unit : units) {
            var task = new ResponsibilityTask();
            task.id = UUID.randomUUID();
            task.year = command.year() != null ? command.year() : command.deadline().getYear();
            task.number = "RW%d-%06d".formatted(task.year,
                    ((Number) em.createNativeQuery("select nextval('task_number')").getSingleResult()).longValue());
            task.title = command.title();
            task.description = command.description();
            task.orgCode = unit.code;
            task.orgPath = unit.path;
            task.issuingPath = scope;
            task.supervisingDepartment = command.supervisingDepartment();
            task.evidenceRequired = command.evidenceRequired();
            task.indicator = command.indicator();
            task.deadline = command.deadline();
            task.state = TaskStatus.ISSUED;
            task.issuedBy = actor;
            task.issuedAt = clock.now();
            task.persist();
            TaskHistory.record(task, task.issuedAt, actor, "issued", null, null);
            outbox.publish(new TaskIssued(task.state()));
            issued.add(task);
        }
        return issued;
    }

    /** One step on a task in scope, taken by its side, recorded with its actor and note. */
    @Transactional
    public ResponsibilityTask take(UUID id, TaskStep step, String scope, String actor, String note,
                                   Consumer<ResponsibilityTask> move) {
        ResponsibilityTask task = visible(id, scope);
        step.side().require(task.issuingPath, task.orgPath, step.slug(), scope);
        TaskStatus from = task.state;
        move.accept(task);
        TaskHistory.record(task, clock.now(), actor, step.slug(), from, note);
        switch (step) {
            case ACCEPT -> announce(TaskCompleted::new, task);
            case WITHDRAW -> announce(TaskWithdrawn::new, task);
            default -> { }
        }
        return task;
    }

    /** The unit's completion: with the evidence the task requires, when it requires some. */
    public void submit(ResponsibilityTask task, String text) {
        if (task.evidenceRequired != null && Evidence.count("taskId", task.id) == 0) {
            throw Refusal.EVIDENCE_MISSING.because("the task requires " + task.evidenceRequired
                    + ": attach a file (POST …/evidence) before submitting", "file");
        }
        task.take(TaskStep.SUBMIT);
        task.completion = text;
    }

    @Transactional
    public Evidence addEvidence(UUID id, String scope, String actor, String fileName, byte[] content) {
        ResponsibilityTask task = visible(id, scope);
        TaskStep.SUBMIT.side().require(task.issuingPath, task.orgPath, "add-evidence", scope);
        if (!task.state.isOpen()) {
            throw Refusal.ILLEGAL_STEP.because("当前状态（" + task.state.label() + "）不能执行此操作",
                    "evidence is added while the task is open", null);
        }
        Evidence evidence = Evidence.ofTask(task.id, EvidenceFile.checked(fileName, content,
                rules.evidence().maxBytes()), actor, clock.now());
        evidence.persist();
        TaskHistory.record(task, evidence.uploadedAt, actor, "evidence-added", task.state, fileName);
        return evidence;
    }

    /** The task when the scope covers the unit it is issued to; 404 otherwise. */
    public ResponsibilityTask visible(UUID id, String scope) {
        return OrgPath.visible(ResponsibilityTask.<ResponsibilityTask>findById(id), task -> task.orgPath, scope);
    }

    /** The list's filters; all optional, always within the caller's scope. */
    public record Filter(String unit, Integer year, TaskStatus state, Warning warning, Boolean overdue) {
    }

    /** Tasks in scope by deadline: a unit's list (the unit and those below it), a year's, a colour's, the overdue. */
    public Page<TaskViews.TaskView> list(Filter filter, int page, int size, String scope) {
        LocalDate today = clock.today();
        List<String> where = new ArrayList<>(List.of(OrgScope.condition("orgPath")));
        Parameters parameters = OrgScope.bind(new Parameters(), "scope", scope);
        if (filter.unit() != null) {
            ReplicatedOrgUnit unit = ReplicatedOrgUnit.withinScope(filter.unit(), scope, "unit");
            where.add(OrgScope.within("orgPath", "unit"));
            OrgScope.bind(parameters, "unit", unit.path);
        }
        if (filter.year() != null) {
            where.add("year = :year");
            parameters.and("year", filter.year());
        }
        if (filter.state() != null) {
            where.add("state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.warning() != null || Boolean.TRUE.equals(filter.overdue())) {
            where.add("state in :open");
            parameters.and("open", TaskStatus.OPEN);
        }
        if (filter.warning() != null) {
            filter.warning().narrow(where, parameters, today, rules.warning());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.add("deadline < :today");
            parameters.and("today", today);
        }
        var query = ResponsibilityTask.<ResponsibilityTask>find(String.join(" and ", where)
                + " order by deadline, number", parameters);
        return Page.of(query, page, size, this::view);
    }

    public TaskViews.TaskDetail detail(UUID id, String scope) {
        ResponsibilityTask task = visible(id, scope);
        return new TaskViews.TaskDetail(view(task), TaskHistory.of(task.id).stream().map(TaskViews.HistoryEntry::of)
                .toList(), Evidence.listedForTask(task.id));
    }

    public TaskViews.TaskView view(ResponsibilityTask task) {
        ReplicatedOrgUnit unit = ReplicatedOrgUnit.findById(task.orgCode);
        return TaskViews.TaskView.of(task, unit == null ? task.orgCode : unit.name, clock.today(), rules.warning());
    }

    LocalDate today() {
        return clock.today();
    }

    void announce(Function<TaskState, TaskEvent> event, ResponsibilityTask task) {
        outbox.publish(event.apply(task.state()));
    }
}
