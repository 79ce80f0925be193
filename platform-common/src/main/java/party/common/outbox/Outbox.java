package party.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import party.common.events.EventCodec;
import party.common.events.EventEnvelope;
import party.common.events.PlatformEvent;

/**
 * The only way an event leaves a service: it is stored with the change that caused it and relayed to
 * Kafka afterwards by {@link OutboxRelay}, so a crash or a Kafka outage in between loses nothing.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;
    private final EntityManager em;
    private final String source;

    public Outbox(EventCodec codec, EntityManager em, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.codec = codec;
        this.em = em;
        this.source = source;
    }

    /**
     * Must run inside the transaction of the change; the event commits or rolls back with it. Numbers the event
     * among its subject's: the counter's row stays locked until the commit, so two changes of one subject take
     * their numbers, and commit, one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(PlatformEvent event) {
        EventEnvelope envelope = codec.envelope(event, source, Instant.now(), nextSequence(event.topic(), event.key()));
        var row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = event.topic();
        row.key = event.key();
        row.type = event.type();
        row.envelope = codec.write(envelope);
        row.createdAt = envelope.time();
        row.persist();
        return envelope;
    }

    private long nextSequence(String topic, String subject) {
        return ((Number) em.createNativeQuery("""
                insert into event_sequence (topic, subject, last_sequence) values (?1, ?2, 1)
                on conflict (topic, subject) do update set last_sequence = event_sequence.last_sequence + 1
                returning last_sequence""")
                // no entity maps the counters, so the change's entities need not be flushed before it
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, topic).setParameter(2, subject).getSingleResult()).longValue();
    }
}
