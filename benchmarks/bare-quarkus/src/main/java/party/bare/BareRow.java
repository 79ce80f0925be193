package party.bare;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import java.time.Instant;

/** The one table of the bare app. */
@Entity
public class BareRow extends PanacheEntity {
    public Instant created;
}
