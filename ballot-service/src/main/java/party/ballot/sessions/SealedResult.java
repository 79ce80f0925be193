package party.ballot.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import party.ballot.tally.Tally;

/** The tally as sealed: written once, refused any change by a database trigger. */
@Entity
@Table(name = "sealed_result")
public class SealedResult extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    public String digest;
    @JdbcTypeCode(SqlTypes.JSON)
    public Tally.Result tally;
    @Column(name = "sealed_at")
    public Instant sealedAt;
}
