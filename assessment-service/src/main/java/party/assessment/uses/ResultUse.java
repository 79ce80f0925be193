package party.assessment.uses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One use of a unit's announced result: which result, what was decided, about whom, when, by whom. Never deleted: a
 * use recorded in error is withdrawn with the reason and counts nowhere.
 */
@Entity
@Table(name = "result_use")
public class ResultUse extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "scheme_id")
    public UUID schemeId;
    @Column(name = "org_code")
    public String orgCode;
    /** the unit's path, for scope; follows the unit when it moves (platform.path-columns) */
    @Column(name = "org_path")
    public String orgPath;
    @Enumerated(EnumType.STRING)
    public UseKind kind;
    /** the leader the use concerns (the one talked to, the cadre decided on), when it concerns one */
    @Column(name = "person_id")
    public UUID personId;
    public String decision;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    /** the decision's document number (文号), if any */
    @Column(name = "document_ref")
    public String documentRef;
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
