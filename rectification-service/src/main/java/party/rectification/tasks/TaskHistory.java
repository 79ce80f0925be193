package party.rectification.tasks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The append-only history of a task: who did what, when, with which note (the database refuses edits). */
@Entity
@Table(name = "task_history")
public class TaskHistory extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "task_history_seq", sequenceName = "task_history_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_history_seq")
    public Long id;
    @Column(name = "task_id")
    public UUID taskId;
    public Instant at;
    public String actor;
    /** a step's slug, or issued / overdue / evidence-added */
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public TaskStatus fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public TaskStatus toState;
    public String note;

    static void record(ResponsibilityTask task, Instant at, String actor, String action, TaskStatus from, String note) {
        var entry = new TaskHistory();
        entry.taskId = task.id;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.fromState = from;
        entry.toState = task.state;
        entry.note = note;
        entry.persist();
    }

    static List<TaskHistory> of(UUID taskId) {
        return list("taskId = ?1 order by at, id", taskId);
    }
}
