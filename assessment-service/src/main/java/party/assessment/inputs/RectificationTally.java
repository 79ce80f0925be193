package party.assessment.inputs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A unit's rectification record of a year, counted from {@code rectification.events}. */
@Entity
@Table(name = "rectification_tally")
public class RectificationTally extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "org_code") String orgCode, int year) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "on_time")
    public int onTime;
    public int late;
    public int overdue;
    public int reopened;
    public int accountability;

    static RectificationTally of(String orgCode, int year) {
        RectificationTally tally = findById(new Key(orgCode, year));
        if (tally == null) {
            tally = new RectificationTally();
            tally.key = new Key(orgCode, year);
            tally.persist();
        }
        return tally;
    }
}
