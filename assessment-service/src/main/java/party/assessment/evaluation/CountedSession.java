package party.assessment.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A sealed 述职评议 session a scheme counts for its evaluation component, as its organizer named it. */
@Entity
@Table(name = "counted_session")
public class CountedSession extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "scheme_id") UUID schemeId, @Column(name = "session_id") UUID sessionId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "named_by")
    public String namedBy;
    @Column(name = "named_at")
    public Instant namedAt;
}
