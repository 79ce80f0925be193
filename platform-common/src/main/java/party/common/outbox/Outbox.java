package party.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
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
    private final String source;

    public Outbox(EventCodec codec, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.codec = codec;
        this.source = source;
    }

    /** Must run inside the transaction of the change; the event commits or rolls back with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(PlatformEvent event) {
        EventEnvelope envelope = codec.envelope(event, source, Instant.now());
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
}
