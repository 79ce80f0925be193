package party.rectification.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import party.rectification.items.ItemViews;
import party.rectification.items.RectificationRules;
import party.rectification.items.Warning;

/** Response bodies of the task-list API. */
public final class TaskViews {

    private TaskViews() {
    }

    /**
     * A task as the list shows it; {@code warning} (三色预警) and {@code daysLeft} only while open, as for items.
     *
     * @param allowedSteps what may be done next (by one side or the other)
     */
    public record TaskView(UUID id, String number, int year, String title, String description, String unit,
                           String unitName, String unitPath, String issuingUnitPath, String supervisingDepartment,
                           String evidenceRequired, String indicator, LocalDate deadline, TaskStatus state,
                           String stateLabel, Warning warning, Long daysLeft, boolean overdue, String escalatedTo,
                           String completion, LocalDate closedOn, Boolean onTime, String issuedBy, Instant issuedAt,
                           Set<TaskStep> allowedSteps, long version) {

        static TaskView of(ResponsibilityTask task, String unitName, LocalDate today,
                           RectificationRules.WarningDays days) {
            boolean open = task.state.isOpen();
            return new TaskView(task.id, task.number, task.year, task.title, task.description, task.orgCode, unitName,
                    task.orgPath, task.issuingPath, task.supervisingDepartment, task.evidenceRequired, task.indicator,
                    task.deadline, task.state, task.state.label(), open ? Warning.of(task.deadline, today, days) : null,
                    open ? ChronoUnit.DAYS.between(today, task.deadline) : null, task.isOverdue(today),
                    task.escalatedTo, task.completion, task.closedOn, task.onTime, task.issuedBy, task.issuedAt,
                    task.state.allowedSteps(), task.version);
        }
    }

    public record TaskDetail(TaskView task, List<HistoryEntry> history, List<ItemViews.EvidenceView> evidence) {
    }

    public record HistoryEntry(Instant at, String actor, String action, TaskStatus fromState, TaskStatus toState,
                               String note) {

        static HistoryEntry of(TaskHistory entry) {
            return new HistoryEntry(entry.at, entry.actor, entry.action, entry.fromState, entry.toState, entry.note);
        }
    }
}
