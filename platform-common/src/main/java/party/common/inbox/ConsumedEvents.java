package party.common.inbox;

import io.micrometer.core.instrument.MeterRegistry;
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
 * It also keeps the highest sequence number it took of each subject (decision 025): an event numbered below it
 * arrived out of order. One relay per service and Kafka's order per key mean that never happens; if it did, the
 * event is still applied (the replicas keep the newest version, the rest is keyed by the event) and counted, with
 * a warning. Each outcome is counted in {@code platform.events.consumed}, by consumer and outcome.
 */
@ApplicationScoped
public class ConsumedEvents {

    private static final Logger LOG = Logger.getLogger(ConsumedEvents.class);
    /** Longer than a database restart or fail-over; past it the event goes to the dead-letter topic after all. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final Duration MOST_BETWEEN_TRIES = Duration.ofSeconds(10);

    private enum Outcome { APPLIED, REDELIVERED, OUT_OF_ORDER }

    private final EntityManager em;
    private final EventCodec codec;
    private final MeterRegistry meters;

    public ConsumedEvents(EntityManager em, EventCodec codec, MeterRegistry meters) {
        this.em = em;
        this.codec = codec;
        this.meters = meters;
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
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, message, takes, effect));
                meters.counter("platform.events.consumed", "consumer", consumer,
                        "outcome", outcome.name().toLowerCase().replace('_', '-')).increment();
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

    private <E extends PlatformEvent> Outcome applyOnce(String consumer, String message, Class<E> takes,
                                                        BiConsumer<EventEnvelope, E> effect) {
        EventEnvelope envelope = codec.read(message);
        PlatformEvent event = codec.event(envelope);
        if (!takes.isInstance(event)) {
            throw new MalformedEventException(consumer + " does not take " + envelope.type());
        }
        if (!firstDelivery(consumer, envelope)) {
            return Outcome.REDELIVERED;
        }
        boolean inOrder = inOrder(consumer, event.topic(), envelope);
        if (!inOrder) {
            LOG.warnf("%s: %s %s (%s no. %d) arrived after a later event of its subject", consumer, envelope.type(),
                    envelope.id(), envelope.subject(), envelope.sequence());
        }
        effect.accept(envelope, takes.cast(event));
        return inOrder ? Outcome.APPLIED : Outcome.OUT_OF_ORDER;
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    /** Raises the consumer's mark for the event's subject; false if the mark stood at or above the event already. */
    private boolean inOrder(String consumer, String topic, EventEnvelope event) {
        if (event.sequence() == null || event.subject() == null) {
            return true; // not numbered by an outbox
        }
        return em.createNativeQuery("""
                insert into consumed_sequence (consumer, topic, subject, last_sequence) values (?1, ?2, ?3, ?4)
                on conflict (consumer, topic, subject) do update set last_sequence = excluded.last_sequence
                where consumed_sequence.last_sequence < excluded.last_sequence""")
                .setParameter(1, consumer)
                .setParameter(2, topic)
                .setParameter(3, event.subject())
                .setParameter(4, event.sequence())
                .executeUpdate() == 1;
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
