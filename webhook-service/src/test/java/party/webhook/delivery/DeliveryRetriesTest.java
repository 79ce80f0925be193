package party.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.common.events.EventEnvelope;
import party.common.problem.Refused;
import party.webhook.subscriptions.Subscription;

/** The retry schedule on the delivery itself, with the Standard Webhooks delays the service uses by default. */
class DeliveryRetriesTest {

    private static final List<Duration> STANDARD = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private static Delivery pending() {
        var event = new EventEnvelope(UUID.randomUUID(), "RectificationItemIssued", "rectification-service", T0,
                "/city/district-a", null, null, null);
        return Delivery.of(new Subscription(), event, "{}", T0);
    }

    @Test
    void eachFailureWaitsLongerAndTheEighthParks() {
        Delivery delivery = pending();
        assertThat(delivery.nextAttemptAt).isEqualTo(T0);
        Instant now = T0;
        for (Duration delay : STANDARD) {
            delivery.failed(503, null, now, STANDARD);
            assertThat(delivery.state).isEqualTo(DeliveryState.PENDING);
            assertThat(delivery.nextAttemptAt).isEqualTo(now.plus(delay));
            now = delivery.nextAttemptAt;
        }
        assertThat(now).isEqualTo(T0.plus(Duration.ofMinutes(27 * 60 + 35).plusSeconds(5)));
        delivery.failed(null, "HttpConnectTimeoutException: timed out", now, STANDARD);
        assertThat(delivery.state).isEqualTo(DeliveryState.PARKED);
        assertThat(delivery.attempts).isEqualTo(8);
        assertThat(delivery.nextAttemptAt).isNull();
        assertThat(delivery.lastError).contains("timed out");
    }

    @Test
    void aReplayStartsTheRetriesAfreshAndSucceeds() {
        Delivery delivery = pending();
        for (int i = 0; i <= STANDARD.size(); i++) {
            delivery.failed(500, null, T0, STANDARD);
        }
        Instant later = T0.plus(Duration.ofDays(2));
        delivery.replay(later);
        assertThat(delivery.state).isEqualTo(DeliveryState.PENDING);
        assertThat(delivery.attempts).isZero();
        assertThat(delivery.nextAttemptAt).isEqualTo(later);
        delivery.delivered(204, later);
        assertThat(delivery.state).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery.lastStatus).isEqualTo(204);
        assertThat(delivery.deliveredAt).isEqualTo(later);
    }

    @Test
    void onlyParkedOrDeliveredOnesCanBeReplayed() {
        Delivery delivery = pending();
        assertThatThrownBy(() -> delivery.replay(T0)).isInstanceOf(Refused.class)
                .hasMessageContaining("PENDING");
    }
}
