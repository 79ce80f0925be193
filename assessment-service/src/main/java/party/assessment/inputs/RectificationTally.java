package party.assessment.inputs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A unit's rectification figures of a year: its items' {@link RectificationRecord}s counted (withdrawn ones left out),
 * and the accountability decisions about it.
 */
@Entity
@Table(name = "rectification_tally")
public class RectificationTally extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "org_code") String orgCode, int year) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    /** items of the year, withdrawn ones left out */
    public int items;
    @Column(name = "on_time")
    public int onTime;
    public int late;
    /** items that went overdue or closed after their deadline */
    public int overdue;
    public int reopened;
    public int accountability;

    /** Counts the unit's items of the year again from their records. */
    void recount() {
        Object[] counts = (Object[]) getEntityManager().createNativeQuery("""
                select count(*), count(*) filter (where closed and on_time), count(*) filter (where closed and not on_time),
                       count(*) filter (where overdue or (closed and not on_time)), count(*) filter (where reopened)
                from rectification_record where org_code = ?1 and year = ?2 and not withdrawn""")
                .setParameter(1, key.orgCode()).setParameter(2, key.year()).getSingleResult();
        items = ((Number) counts[0]).intValue();
        onTime = ((Number) counts[1]).intValue();
        late = ((Number) counts[2]).intValue();
        overdue = ((Number) counts[3]).intValue();
        reopened = ((Number) counts[4]).intValue();
    }

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
