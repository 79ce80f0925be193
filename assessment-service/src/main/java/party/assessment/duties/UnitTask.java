package party.assessment.duties;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import party.common.events.TaskState;

/** A task of the task list 任务清单 issued to a unit, as rectification-service last announced it. */
@Entity
@Table(name = "unit_task")
public class UnitTask extends PanacheEntityBase {

    @Id
    @Column(name = "task_id")
    public UUID taskId;
    public String number;
    public int year;
    public String title;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "org_path")
    public String orgPath;
    public String state;
    @Column(name = "state_label")
    public String stateLabel;
    public LocalDate deadline;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "on_time")
    public Boolean onTime;

    /** The task as announced; {@code true} when it is new here. */
    static boolean apply(TaskState announced) {
        UnitTask task = findById(announced.taskId());
        boolean arrived = task == null;
        if (arrived) {
            task = new UnitTask();
            task.taskId = announced.taskId();
        }
        task.number = announced.number();
        task.year = announced.year();
        task.title = announced.title();
        task.unitCode = announced.orgUnit();
        task.orgPath = announced.orgPath();
        task.state = announced.state();
        task.stateLabel = announced.stateLabel();
        task.deadline = announced.deadline();
        task.closedOn = announced.closedOn();
        task.onTime = announced.onTime();
        task.persist();
        return arrived;
    }
}
