package party.rectification.items;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The append-only history of an item: who did what, when, with which reason (the database refuses edits). */
@Entity
@Table(name = "item_history")
public class ItemHistory extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "item_history_seq", sequenceName = "item_history_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_history_seq")
    public Long id;
    @Column(name = "item_id")
    public UUID itemId;
    public Instant at;
    public String actor;
    /** a step's slug, or issued / overdue / evidence-added */
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ItemState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ItemState toState;
    public String note;

    static ItemHistory of(UUID itemId, Instant at, String actor, String action, ItemState from, ItemState to, String note) {
        var entry = new ItemHistory();
        entry.itemId = itemId;
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.fromState = from;
        entry.toState = to;
        entry.note = note;
        return entry;
    }

    public static List<ItemHistory> of(UUID itemId) {
        // ids are allocated in blocks per service instance: the time orders, the id breaks ties within a transaction
        return list("itemId = ?1 order by at, id", itemId);
    }
}
