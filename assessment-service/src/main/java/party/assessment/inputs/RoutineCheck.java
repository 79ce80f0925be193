package party.assessment.inputs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** 平时检查: one routine check of a unit during the year, scored 0–100; the component is their average. */
@Entity
@Table(name = "routine_check")
public class RoutineCheck extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "scheme_id")
    public UUID schemeId;
    @Column(name = "org_code")
    public String orgCode;
    @Column(name = "checked_on")
    public LocalDate checkedOn;
    public BigDecimal score;
    public String note;
    @Column(name = "recorded_by")
    public String recordedBy;
}
