package party.common.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox events to Kafka, oldest first, and marks each one published once the broker
 * acknowledged it. Each run drains the backlog batch by batch, every batch in its own transaction: the
 * batch's sends are handed to the producer in order and their acknowledgements awaited in order, so a burst
 * (a deadline scan raising thousands of events) is not paced by round trips. While Kafka is down the first
 * unacknowledged event stops the run; it and everything after it are sent again by the next run. Delivery is
 * at-least-once, which the consumers' event log makes harmless. One replica of a service relays at a time
 * (decision 025): each batch first takes the service's relay lock, a transaction-scoped advisory lock, and a
 * replica that finds it taken leaves the run to the holder. So one subject's events reach Kafka in the order they
 * were written, even after an outage; the lock goes with the transaction, a relay killed mid-batch holds nothing.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100; // within the emitter's default buffer, even before the sink asks for more
    /** Any constant will do: each service has a database of its own. */
    private static final String TAKE_RELAY_LOCK = "select pg_try_advisory_xact_lock(hashtext('outbox-relay'))";
    private static final String NEXT_BATCH = """
            select * from outbox_event where published_at is null
            order by seq limit ?1 for update""";

    private final MutinyEmitter<String> emitter;
    private final EntityManager em;
    private final Duration sendTimeout;
    /** after a failed send, runs probe with a single event until the broker answers again */
    private volatile boolean brokerAnswering = true;

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter, EntityManager em,
                       @ConfigProperty(name = "platform.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout) {
        this.emitter = emitter;
        this.em = em;
        this.sendTimeout = sendTimeout;
    }

    // runs only once the application has started, when reactive messaging has connected the channel; public for the
    // tests that run it in two copies at once
    @Scheduled(every = "${platform.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void relay() {
        while (QuarkusTransaction.requiringNew().call(this::relayBatch)) {
            // next batch
        }
    }

    /**
     * Sends one batch; true when all of it was acknowledged and it was full, so more may be waiting. False at once
     * while another replica holds the relay lock: it is relaying.
     */
    private boolean relayBatch() {
        if (!(Boolean) em.createNativeQuery(TAKE_RELAY_LOCK).getSingleResult()) {
            return false;
        }
        int limit = brokerAnswering ? BATCH : 1;
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(NEXT_BATCH, OutboxEvent.class).setParameter(1, limit).getResultList();
        List<CompletableFuture<Void>> acks = batch.stream().map(this::send).toList();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                acks.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                event.publishedAt = Instant.now();
            } catch (ExecutionException | TimeoutException e) {
                event.attempts++;
                event.lastError = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                LOG.warnf("outbox event %s (%s) not relayed yet, attempt %d: %s",
                        event.eventId, event.type, event.attempts, event.lastError);
                brokerAnswering = false;
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        brokerAnswering = true;
        return batch.size() == limit;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        try {
            return emitter.sendMessage(toMessage(event)).subscribeAsCompletionStage();
        } catch (RuntimeException e) { // e.g. the emitter's buffer is full while the broker is away
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Message<String> toMessage(OutboxEvent event) {
        return Message.of(event.envelope).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .build());
    }
}
