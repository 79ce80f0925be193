package party.assessment.duties;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A line of a unit's responsibility list 责任清单: a duty, on the leader who carries it (none yet for a task whose
 * unit has no 第一责任人 on record), in the post they hold. A post's duties hold for its term ({@code year} null);
 * a task's and the unit's own for their year. Removed, never deleted: the records that fulfilled it keep their link.
 */
@Entity
@Table(name = "duty")
public class Duty extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "unit_code")
    public String unitCode;
    /** the unit's path, for scope; follows the unit when it moves (platform.path-columns) */
    @Column(name = "org_path")
    public String orgPath;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "appointment_id")
    public UUID appointmentId;
    @Enumerated(EnumType.STRING)
    public DutyOrigin origin;
    public String title;
    public Integer year;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "removed_reason")
    public String removedReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    static Duty of(String unitCode, String orgPath, DutyOrigin origin, String title, Integer year, String by) {
        var duty = new Duty();
        duty.id = UUID.randomUUID();
        duty.unitCode = unitCode;
        duty.orgPath = orgPath;
        duty.origin = origin;
        duty.title = title;
        duty.year = year;
        duty.createdBy = by;
        duty.createdAt = Instant.now();
        return duty;
    }

    public boolean removed() {
        return removedReason != null;
    }

    void remove(String reason) {
        removedReason = reason.strip();
    }
}
