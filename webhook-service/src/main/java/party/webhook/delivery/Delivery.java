package party.webhook.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import party.common.events.EventEnvelope;
import party.common.problem.Refusal;
import party.webhook.subscriptions.Subscription;

/** One event on its way to one subscriber, with the log of its attempts. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subscription_id")
    public Subscription subscription;
    /** also the {@code webhook-id} header: the same on every attempt and replay, so receivers can drop repeats */
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "org_unit")
    public String orgUnit;
    /** the event's subject and its number among the subject's events: one subject's deliveries go in this order */
    public String subject;
    public Long sequence;
    /** the event envelope exactly as it was on Kafka: the body of every attempt */
    public String payload;
    @Enumerated(EnumType.STRING)
    public DeliveryState state;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Version
    public long version;

    static Delivery of(Subscription subscription, EventEnvelope event, String payload, Instant now) {
        var delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.subscription = subscription;
        delivery.eventId = event.id();
        delivery.eventType = event.type();
        delivery.orgUnit = event.orgUnit();
        delivery.subject = event.subject();
        delivery.sequence = event.sequence();
        delivery.payload = payload;
        delivery.state = DeliveryState.PENDING;
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        return delivery;
    }

    /** The receiver answered 2xx. */
    void delivered(int status, Instant now) {
        attempts++;
        state = DeliveryState.DELIVERED;
        lastStatus = status;
        lastError = null;
        deliveredAt = now;
        nextAttemptAt = null;
        leaseUntil = null;
    }

    /**
     * The receiver answered otherwise or could not be reached: the next attempt waits the delay after this many
     * failures; when the delays are used up the delivery is parked.
     */
    void failed(Integer status, String error, Instant now, List<Duration> retryDelays) {
        attempts++;
        lastStatus = status;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 300));
        leaseUntil = null;
        if (attempts > retryDelays.size()) {
            state = DeliveryState.PARKED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = now.plus(retryDelays.get(attempts - 1));
        }
    }

    /** What was still to be sent to an ended subscription; the log of what was sent stays. */
    static void cancelAll(Subscription subscription) {
        update("state = ?1, nextAttemptAt = null, version = version + 1 where subscription = ?2 and state in ?3",
                DeliveryState.CANCELLED, subscription, List.of(DeliveryState.PENDING, DeliveryState.PARKED));
    }

    /** An admin sends it again with a fresh set of retries; a delivered one can be sent again as well. */
    void replay(Instant now) {
        if (state != DeliveryState.PARKED && state != DeliveryState.DELIVERED) {
            throw Refusal.DELIVERY_NOT_REPLAYABLE.because(
                    "only a parked or delivered delivery can be sent again; this one is " + state, "state");
        }
        state = DeliveryState.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        leaseUntil = null;
    }
}
