package party.webhook.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import party.webhook.WebhookSettings;
import party.webhook.subscriptions.WebhookSignature;

/**
 * Sends the due deliveries, outside any request and any business transaction. A poll leases a batch (so other
 * replicas skip it), sends the batch concurrently, and records each answer; a sender that dies mid-batch leaves
 * leases that run out, and those deliveries are sent again (at least once; receivers drop repeats by webhook-id).
 */
@ApplicationScoped
public class Deliverer {

    private static final Logger LOG = Logger.getLogger(Deliverer.class);

    record Attempt(UUID deliveryId, UUID eventId, String url, String secret, String payload) {
    }

    record Answer(UUID deliveryId, Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final EntityManager em;
    private final WebhookSettings settings;
    private final MeterRegistry meters;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER) // a signed delivery goes only where it was registered
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade offer, which some OA servers mishandle
            .build();

    public Deliverer(EntityManager em, WebhookSettings settings, MeterRegistry meters) {
        this.em = em;
        this.settings = settings;
        this.meters = meters;
    }

    @Scheduled(every = "${webhooks.poll-every}", concurrentExecution = ConcurrentExecution.SKIP)
    void deliverDue() {
        List<Attempt> due = QuarkusTransaction.requiringNew().call(() -> lease(Instant.now()));
        List<CompletableFuture<Answer>> answers = due.stream().map(this::send).toList();
        for (CompletableFuture<Answer> answer : answers) {
            QuarkusTransaction.requiringNew().run(() -> record(answer.join(), Instant.now()));
        }
    }

    private List<Attempt> lease(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select d.id from delivery d
                where d.state = 'PENDING' and d.next_attempt_at <= ?1 and (d.lease_until is null or d.lease_until < ?1)
                order by d.next_attempt_at limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, now)
                .setParameter(2, settings.batchSize())
                .getResultList();
        Instant leaseUntil = now.plus(settings.timeout()).plusSeconds(30);
        return Delivery.<Delivery>list("from Delivery d join fetch d.subscription where d.id in ?1", ids).stream()
                .map(delivery -> {
                    delivery.leaseUntil = leaseUntil;
                    return new Attempt(delivery.id, delivery.eventId, delivery.subscription.url,
                            delivery.subscription.secret, delivery.payload);
                }).toList();
    }

    private CompletableFuture<Answer> send(Attempt attempt) {
        long timestamp = Instant.now().getEpochSecond();
        String webhookId = attempt.eventId().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(attempt.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "party-platform-webhooks")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(attempt.secret(), webhookId, timestamp, attempt.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.payload()))
                .build();
        // only the status is kept: the receiver's answer is never shown back (no reading of internal pages)
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null
                        ? new Answer(attempt.deliveryId(), response.statusCode(), null)
                        : new Answer(attempt.deliveryId(), null, describe(failure)));
    }

    private void record(Answer answer, Instant now) {
        Delivery delivery = Delivery.findById(answer.deliveryId());
        if (delivery.state != DeliveryState.PENDING) {
            return; // cancelled while it was being sent
        }
        if (answer.delivered()) {
            delivery.delivered(answer.status(), now);
        } else {
            delivery.failed(answer.status(), answer.error(), now, settings.retryDelays());
            LOG.infof("delivery %s of event %s: %s, attempt %d, now %s", delivery.id, delivery.eventId,
                    answer.status() == null ? answer.error() : "HTTP " + answer.status(), delivery.attempts, delivery.state);
        }
        meters.counter("webhook.deliveries", "outcome", delivery.state.name().toLowerCase()).increment();
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Delivered and cancelled deliveries leave the log once they are older than {@code webhooks.keep-delivered}. */
    @Scheduled(every = "1h", delayed = "1m")
    void forgetOld() {
        QuarkusTransaction.requiringNew().run(() -> Delivery.delete("state in ?1 and createdAt < ?2",
                List.of(DeliveryState.DELIVERED, DeliveryState.CANCELLED), Instant.now().minus(settings.keepDelivered())));
    }
}
