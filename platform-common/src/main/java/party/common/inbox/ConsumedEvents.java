package party.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.function.Consumer;
import party.common.events.EventCodec;
import party.common.events.EventCodec.MalformedEventException;
import party.common.events.EventEnvelope;

/**
 * The idempotent-consumer log: each consumer records an event's id in the same transaction as the
 * event's effect, so a redelivered event finds its id and changes nothing.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final EntityManager em;
    private final EventCodec codec;

    public ConsumedEvents(EntityManager em, EventCodec codec) {
        this.em = em;
        this.codec = codec;
    }

    /**
     * Applies one message's effect exactly once per consumer. A message that is no envelope, or whose type
     * this consumer does not know, is refused with an exception, so the channel's failure strategy sends it
     * to the dead-letter topic instead of it being skipped silently.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consumeOnce(String consumer, String message, Set<String> knownTypes, Consumer<EventEnvelope> effect) {
        EventEnvelope event = codec.read(message);
        if (!knownTypes.contains(event.type())) {
            throw new MalformedEventException(consumer + " does not know event type " + event.type());
        }
        if (firstDelivery(consumer, event)) {
            effect.accept(event);
        }
    }

    /** Records the event for this consumer: true the first time, false for a redelivery. */
    private boolean firstDelivery(String consumer, EventEnvelope event) {
        return em.createNativeQuery("""
                insert into consumed_event (consumer, event_id, event_type, consumed_at)
                values (?1, ?2, ?3, now()) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate() == 1;
    }
}
