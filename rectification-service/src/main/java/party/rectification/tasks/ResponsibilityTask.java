package party.rectification.tasks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import party.common.events.TaskState;
import party.rectification.items.RectificationItem;
import party.rectification.items.Step;

/**
 * A task of the year's task list 任务清单 (docs/domain.md §8): issued by a committee to a unit below it, answered
 * by that unit, checked by the committee. Never deleted; one issued in error is withdrawn and stays, marked.
 */
@Entity
@Table(name = "responsibility_task")
public class ResponsibilityTask extends PanacheEntityBase {

    @Id
    public UUID id;
    /** e.g. RW2026-000012, for people and paper */
    public String number;
    public int year;
    public String title;
    public String description;
    @Column(name = "org_code")
    public String orgCode;
    @Column(name = "org_path")
    public String orgPath;
    /** the committee that issued the task: it and the units above it check it */
    @Column(name = "issuing_path")
    public String issuingPath;
    /** the department of the issuing committee that supervises it (督办), e.g. organization */
    @Column(name = "supervising_department")
    public String supervisingDepartment;
    /** what the unit must show on completion; when given, completion needs at least one evidence file */
    @Column(name = "evidence_required")
    public String evidenceRequired;
    /** the code of the indicator of the year's scheme the task serves, if any */
    public String indicator;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public TaskStatus state;
    /** the unit's account of what it did, with its completion */
    public String completion;
    @Column(name = "overdue_raised_for")
    public LocalDate overdueRaisedFor;
    @Column(name = "escalated_to")
    public String escalatedTo;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "on_time")
    public Boolean onTime;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Version
    public long version;

    /** Moves to the state the step leads to, or refuses with a 409 naming the state and the allowed steps. */
    TaskStatus take(TaskStep step) {
        TaskStatus from = state;
        state = from.after(step).orElseThrow(() -> Step.illegal(from.label(), step.slug(), from,
                from.allowedSteps().stream().map(TaskStep::slug).toList()));
        return from;
    }

    void accept(LocalDate today) {
        take(TaskStep.ACCEPT);
        closedOn = today;
        onTime = !today.isAfter(deadline);
        escalatedTo = null;
    }

    /** Overdue once per deadline, escalated one level up, as a rectification item is. */
    boolean raiseOverdue(LocalDate today) {
        if (!state.isOpen() || !today.isAfter(deadline) || deadline.equals(overdueRaisedFor)) {
            return false;
        }
        overdueRaisedFor = deadline;
        escalatedTo = RectificationItem.unitAbove(orgPath);
        return true;
    }

    boolean isOverdue(LocalDate today) {
        return state.isOpen() && today.isAfter(deadline);
    }

    TaskState state() {
        return new TaskState(id, number, year, title, orgCode, orgPath, issuingPath, state.name(), state.label(), deadline,
                closedOn, onTime, escalatedTo);
    }
}
