package party.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import party.common.events.EventEnvelope;

/**
 * The idempotent-consumer log: each consumer records an event's id in the same transaction as the
 * event's effect, so a redelivered event finds its id and changes nothing.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final EntityManager em;

    public ConsumedEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the event for this consumer.
     *
     * @return true the first time; false for a redelivery, whose effect the caller must skip
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        return em.createNativeQuery("""
                        insert into consumed_event (consumer, event_id, event_type, consumed_at)
                        values (?1, ?2, ?3, now()) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate() == 1;
    }
}
