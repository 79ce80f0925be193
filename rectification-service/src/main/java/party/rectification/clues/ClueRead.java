package party.rectification.clues;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One read of a clue, append-only: no read of a clue or of its reporter leaves no trace. */
@Entity
@Table(name = "clue_read")
public class ClueRead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "clue_id")
    public UUID clueId;
    public String reader;
    @Column(name = "read_at")
    public Instant readAt;
    /** the details and the reporter, not only the list's summary */
    public boolean whole;

    static ClueRead of(UUID clueId, String reader, Instant at, boolean whole) {
        var read = new ClueRead();
        read.clueId = clueId;
        read.reader = reader;
        read.readAt = at;
        read.whole = whole;
        return read;
    }

    static List<ClueRead> of(UUID clueId) {
        return list("clueId = ?1 order by id", clueId);
    }
}
