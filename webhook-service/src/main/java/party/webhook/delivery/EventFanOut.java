package party.webhook.delivery;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.inbox.ConsumedEvents;
import party.webhook.subscriptions.EventType;
import party.webhook.subscriptions.Subscription;

/**
 * Turns each event on the three public topics into one pending delivery per subscriber that wants it, in the
 * transaction that records the event as consumed: an event is never lost between Kafka and the delivery log,
 * and a redelivered one is not pushed twice.
 */
@ApplicationScoped
public class EventFanOut {

    static final String CONSUMER = "webhooks";

    private final ConsumedEvents consumed;

    public EventFanOut(ConsumedEvents consumed) {
        this.consumed = consumed;
    }

    @Incoming("assessment-results")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void assessmentResults(String message) {
        fanOut(message, Set.of("AssessmentResultLocked"));
    }

    @Incoming("rectification-events")
    @Blocking
    public void rectificationEvents(String message) {
        // AccountabilityDecided is known on this topic but no subscriber may have it (see EventType)
        fanOut(message, Set.of("RectificationItemIssued", "RectificationItemOverdue", "RectificationItemClosed",
                "RectificationItemReopened", "AccountabilityDecided"));
    }

    @Incoming("ballot-results")
    @Blocking
    public void ballotResults(String message) {
        fanOut(message, Set.of("BallotResultsSealed"));
    }

    private void fanOut(String message, Set<String> typesOnTopic) {
        consumed.consumeOnce(CONSUMER, message, typesOnTopic, event -> EventType.of(event.type()).ifPresent(type -> {
            Instant now = Instant.now();
            Subscription.<Subscription>list("active", true).stream()
                    .filter(subscription -> subscription.wants(type, event.orgUnit()))
                    .forEach(subscription -> Delivery.of(subscription, event, message, now).persist());
        }));
    }
}
