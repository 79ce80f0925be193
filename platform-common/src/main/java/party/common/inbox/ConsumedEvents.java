package party.common.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;
import party.common.events.EventCodec;
import party.common.events.EventCodec.MalformedEventException;
import party.common.events.EventEnvelope;
import party.common.events.PlatformEvent;
import party.common.faults.DatabaseFaults;

/**
 * The idempotent-consumer log: each consumer records an event's id in the same transaction as the
 * event's effect, so a redelivered event finds its id and changes nothing. While the database cannot be
 * reached the event waits and is tried again, so an outage delays events and never dead-letters them.
 */
@ApplicationScoped
public class ConsumedEvents {

    private static final Logger LOG = Logger.getLogger(ConsumedEvents.class);
    /** Longer than a database restart or fail-over; past it the event goes to the dead-letter topic after all. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final Duration MOST_BETWEEN_TRIES = Duration.ofSeconds(10);

    private final EntityManager em;
    private final EventCodec codec;

    public ConsumedEvents(EntityManager em, EventCodec codec) {
        this.em = em;
        this.codec = codec;
    }

    /**
     * Applies one message's effect exactly once per consumer, in a transaction of its own (call it from a
     * {@code @Blocking} method). A message that is no envelope, or whose event is not in the catalogue or not one
     * this consumer takes, is refused with an exception, so the channel's failure strategy sends it to the dead-letter topic instead
     * of it being skipped silently; so is one whose effect fails for any reason but an unreachable database.
     */
    public <E extends PlatformEvent> void consumeOnce(String consumer, String message, Class<E> takes,
                                                     BiConsumer<EventEnvelope, E> effect) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        Duration pause = Duration.ofMillis(500);
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, message, takes, effect));
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFaults.unreachable(e) || Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                LOG.warnf("%s: database unreachable, trying the event again in %d ms (%s)", consumer, pause.toMillis(),
                        e.getMessage());
                pauseFor(pause);
                pause = pause.multipliedBy(2).compareTo(MOST_BETWEEN_TRIES) > 0 ? MOST_BETWEEN_TRIES : pause.multipliedBy(2);
            }
        }
    }

    private <E extends PlatformEvent> void applyOnce(String consumer, String message, Class<E> takes,
                                                     BiConsumer<EventEnvelope, E> effect) {
        EventEnvelope envelope = codec.read(message);
        PlatformEvent event = codec.event(envelope);
        if (!takes.isInstance(event)) {
            throw new MalformedEventException(consumer + " does not take " + envelope.type());
        }
        if (firstDelivery(consumer, envelope)) {
            effect.accept(envelope, takes.cast(event));
        }
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
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
