package party.rectification.accountability;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import party.orgreplica.persons.NamedPerson;

/**
 * 追责: a decision about one person's responsibility for a perfunctory or overdue rectification. Append-only (the
 * database refuses updates and deletes); a later decision about the same person supersedes by coming later.
 */
@Entity
@Table(name = "accountability_decision")
public class AccountabilityDecision extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "org_code")
    public String orgCode;
    @Column(name = "org_path")
    public String orgPath;
    public String person;
    /** the registry's person, or null for someone named outside it */
    @Column(name = "person_id")
    public UUID personId;
    public String post;
    @Enumerated(EnumType.STRING)
    public Disposition disposition;
    public String justification;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;

    public static AccountabilityDecision decide(UUID itemId, String orgCode, String orgPath, NamedPerson person, String post,
                                                Disposition disposition, String justification, String decidedBy,
                                                Instant now) {
        disposition.requireJustification(justification, "justification");
        var decision = new AccountabilityDecision();
        decision.id = UUID.randomUUID();
        decision.itemId = itemId;
        decision.orgCode = orgCode;
        decision.orgPath = orgPath;
        decision.person = person.name();
        decision.personId = person.id();
        decision.post = post;
        decision.disposition = disposition;
        decision.justification = justification;
        decision.decidedBy = decidedBy;
        decision.decidedAt = now;
        return decision;
    }
}
