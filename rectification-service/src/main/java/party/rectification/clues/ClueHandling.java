package party.rectification.clues;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import party.rectification.accountability.Disposition;

/** The append-only handling record of a clue, readable by the discipline commission only. */
@Entity
@Table(name = "clue_handling")
public class ClueHandling extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "clue_id")
    public UUID clueId;
    public Instant at;
    public String actor;
    @Enumerated(EnumType.STRING)
    public ClueStatus status;
    @Enumerated(EnumType.STRING)
    public Disposition disposition;
    public String note;

    static ClueHandling of(Clue clue, String actor, String note, Instant at) {
        var entry = new ClueHandling();
        entry.clueId = clue.id;
        entry.at = at;
        entry.actor = actor;
        entry.status = clue.status;
        entry.disposition = clue.disposition;
        entry.note = note;
        return entry;
    }

    static List<ClueHandling> of(UUID clueId) {
        return list("clueId = ?1 order by id", clueId);
    }
}
