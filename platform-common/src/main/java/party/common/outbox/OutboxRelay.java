package party.common.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox events to Kafka, oldest first, and marks each one published once the broker
 * acknowledged it. While Kafka is down the first unsent event fails, the batch stops (keeping order) and
 * the next run tries again; delivery is at-least-once, which the consumers' event log makes harmless.
 * {@code SKIP LOCKED} lets several replicas of a service relay side by side without sending twice.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String NEXT_BATCH = """
            select * from outbox_event where published_at is null
            order by seq limit 100 for update skip locked""";

    private final MutinyEmitter<String> emitter;
    private final EntityManager em;
    private final Duration sendTimeout;

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter, EntityManager em,
                       @ConfigProperty(name = "platform.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout) {
        this.emitter = emitter;
        this.em = em;
        this.sendTimeout = sendTimeout;
    }

    // runs only once the application has started, when reactive messaging has connected the channel
    @Scheduled(every = "${platform.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void relay() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(NEXT_BATCH, OutboxEvent.class).getResultList();
        for (OutboxEvent event : batch) {
            try {
                emitter.sendMessage(toMessage(event)).await().atMost(sendTimeout);
                event.publishedAt = Instant.now();
            } catch (RuntimeException e) {
                event.attempts++;
                event.lastError = String.valueOf(e.getMessage());
                LOG.warnf("outbox event %s (%s) not relayed yet, attempt %d: %s",
                        event.eventId, event.type, event.attempts, e.getMessage());
                return;
            }
        }
    }

    private static Message<String> toMessage(OutboxEvent event) {
        return Message.of(event.envelope).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .build());
    }
}
