package party.assessment.inputs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import party.common.events.RectificationItemClosed;
import party.common.events.RectificationItemEvent;
import party.common.events.RectificationItemOverdue;
import party.common.events.RectificationItemReopened;
import party.common.events.RectificationItemWithdrawn;

/**
 * One rectification item as its latest event left it, in the year its first event arrived: what a unit's
 * {@link RectificationTally} is counted from, each item once whatever its history.
 */
@Entity
@Table(name = "rectification_record")
public class RectificationRecord extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "org_code")
    public String orgCode;
    public int year;
    /** closed now (a reopened item is open again until it closes once more) */
    public boolean closed;
    /** for a closed item, whether its last closing met the deadline */
    @Column(name = "on_time")
    public Boolean onTime;
    /** went overdue at least once */
    public boolean overdue;
    /** reopened by a look-back at least once */
    public boolean reopened;
    /** withdrawn as issued in error: counts nowhere */
    public boolean withdrawn;

    static RectificationRecord of(RectificationItemEvent event, int year) {
        RectificationRecord record = findById(event.itemId());
        if (record == null) {
            record = new RectificationRecord();
            record.itemId = event.itemId();
            record.orgCode = event.orgUnit();
            record.year = year;
            record.persist();
        }
        return record;
    }

    void apply(RectificationItemEvent event) {
        if (event instanceof RectificationItemOverdue) {
            overdue = true;
        } else if (event instanceof RectificationItemClosed closing) {
            closed = true;
            onTime = Boolean.TRUE.equals(closing.item().onTime());
        } else if (event instanceof RectificationItemReopened) {
            closed = false;
            onTime = null;
            reopened = true;
        } else if (event instanceof RectificationItemWithdrawn) {
            withdrawn = true;
        } // issued: the record exists, open, counting nothing yet
    }
}
