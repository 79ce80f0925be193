package party.rectification.clues;

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
import party.common.problem.Refusal;
import party.rectification.accountability.Disposition;

/**
 * 问题线索: a lead on a person's misconduct found during an inspection and transferred to the discipline commission
 * (线索移交). Kept apart from the items on purpose: no ledger, export, event or figure ever reads this table, and
 * only discipline users in scope can read it; the reporter's identity (保护群众) is returned to them alone.
 */
@Entity
@Table(name = "clue")
public class Clue extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "org_code")
    public String orgCode;
    @Column(name = "org_path")
    public String orgPath;
    public String summary;
    public String details;
    /** who reported it, sealed ({@link ReporterSeal}): protected, never in a list */
    public String reporter;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Enumerated(EnumType.STRING)
    public ClueStatus status;
    @Enumerated(EnumType.STRING)
    public Disposition disposition;
    @Version
    public long version;

    public static Clue transfer(String orgCode, String orgPath, String summary, String details, String reporter,
                                String registeredBy, Instant now) {
        var clue = new Clue();
        clue.id = UUID.randomUUID();
        clue.orgCode = orgCode;
        clue.orgPath = orgPath;
        clue.summary = summary;
        clue.details = details;
        clue.reporter = reporter;
        clue.registeredBy = registeredBy;
        clue.registeredAt = now;
        clue.status = ClueStatus.TRANSFERRED;
        return clue;
    }

    /** Moves the handling forward (never back); concluding needs a disposition, and only concluding takes one. */
    public void handle(ClueStatus next, Disposition outcome) {
        if (status == ClueStatus.CONCLUDED || next.ordinal() <= status.ordinal()) {
            throw Refusal.ILLEGAL_STEP.because("线索当前状态（" + status.label() + "）不能执行此操作",
                    "a clue in state " + status + " cannot move to " + next, "status");
        }
        if ((next == ClueStatus.CONCLUDED) != (outcome != null)) {
            throw Refusal.DISPOSITION.because("give a disposition exactly when concluding", "disposition");
        }
        status = next;
        disposition = outcome;
    }
}
