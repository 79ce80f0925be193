package party.webhook.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;
import party.webhook.Destinations;
import party.webhook.WebhookSettings;
import party.webhook.subscriptions.WebhookSignature;

/**
 * Sends the due deliveries, outside any request and any business transaction. A poll leases a batch (so other
 * replicas skip it), sends the batch concurrently, and records each answer; a sender that dies mid-batch leaves
 * leases that run out, and those deliveries are sent again (at least once; receivers drop repeats by webhook-id).
 * One subject's deliveries to one subscriber go one at a time, in the order of their events: a delivery waits while
 * an earlier one of its subject is pending (retried included), and goes once that one is delivered or parked.
 * Each attempt resolves the host once, checks every address ({@link Destinations}) and connects to the checked one,
 * so a name that changes its answer between check and connection reaches nothing inside.
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
    private final Vertx vertx;
    private final HttpClient http;

    public Deliverer(EntityManager em, WebhookSettings settings, MeterRegistry meters, Vertx vertx) {
        this.em = em;
        this.settings = settings;
        this.meters = meters;
        this.vertx = vertx;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setProtocolVersion(HttpVersion.HTTP_1_1) // no h2c upgrade offer, which some OA servers mishandle
                .setKeepAlive(false)
                .setForceSni(true)); // the certificate is asked for, and checked against, the host's name
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
                  and not exists (select 1 from delivery earlier where earlier.state = 'PENDING'
                                  and earlier.subscription_id = d.subscription_id and earlier.subject = d.subject
                                  and earlier.sequence < d.sequence)
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

    /** Resolves and checks the host off the caller's thread, so that one slow name holds up no other delivery. */
    private CompletableFuture<Answer> send(Attempt attempt) {
        URI url = URI.create(attempt.url());
        return vertx.<InetAddress>executeBlocking(() -> {
            try {
                return Destinations.resolve(url.getHost(), settings.allowedHosts().orElse(List.of()));
            } catch (Destinations.Blocked e) {
                return null;
            }
        }, false).toCompletionStage().toCompletableFuture().thenCompose(address -> address == null
                ? CompletableFuture.completedFuture(new Answer(attempt.deliveryId(), null, "blocked-address"))
                : send(attempt, url, address));
    }

    private CompletableFuture<Answer> send(Attempt attempt, URI url, InetAddress address) {
        int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
        long timestamp = Instant.now().getEpochSecond();
        String webhookId = attempt.eventId().toString();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(attempt.url())
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false) // a signed delivery goes only where it was registered
                .setTimeout(settings.timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "party-platform-webhooks")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.sign(attempt.secret(), webhookId, timestamp,
                        attempt.payload()));
        // only the status is kept, and only a coarse class of failure: the receiver's answer is never shown back,
        // and no error tells a closed port from a silent one
        return http.request(request).compose(sent -> sent.send(Buffer.buffer(attempt.payload())))
                .map(response -> {
                    response.request().connection().close(); // the body is not read
                    return new Answer(attempt.deliveryId(), response.statusCode(), null);
                })
                .otherwise(failure -> new Answer(attempt.deliveryId(), null,
                        failure instanceof SSLException || failure.getCause() instanceof SSLException
                                ? "tls-failed" : "unreachable"))
                .toCompletionStage().toCompletableFuture();
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

    /** Delivered and cancelled deliveries leave the log once they are older than {@code webhooks.keep-delivered}. */
    @Scheduled(every = "1h", delayed = "1m")
    void forgetOld() {
        QuarkusTransaction.requiringNew().run(() -> Delivery.delete("state in ?1 and createdAt < ?2",
                List.of(DeliveryState.DELIVERED, DeliveryState.CANCELLED), Instant.now().minus(settings.keepDelivered())));
    }
}
