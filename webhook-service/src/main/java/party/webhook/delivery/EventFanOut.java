package party.webhook.delivery;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.inbox.ConsumedEvents;
import party.common.events.AssessmentResultLocked;
import party.common.events.BallotResultsSealed;
import party.common.events.EventCatalogue;
import party.common.events.PlatformEvent;
import party.common.events.TaskEvent;
import party.common.events.RectificationEvent;
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
        fanOut(message, AssessmentResultLocked.class);
    }

    @Incoming("rectification-events")
    @Blocking
    public void rectificationEvents(String message) {
        fanOut(message, RectificationEvent.class);
    }

    @Incoming("tasks")
    @Blocking
    public void tasks(String message) {
        fanOut(message, TaskEvent.class);
    }

    @Incoming("ballot-results")
    @Blocking
    public void ballotResults(String message) {
        fanOut(message, BallotResultsSealed.class);
    }

    /** Events marked internal in the catalogue (accountability decisions on this service's topics) go to no one. */
    private void fanOut(String message, Class<? extends PlatformEvent> onTopic) {
        consumed.consumeOnce(CONSUMER, message, onTopic, (envelope, event) -> {
            if (!EventCatalogue.forSubscribers().contains(envelope.type())) {
                return;
            }
            Instant now = Instant.now();
            Subscription.<Subscription>list("active", true).stream()
                    .filter(subscription -> subscription.wants(envelope.type(), envelope.orgUnit()))
                    .forEach(subscription -> Delivery.of(subscription, envelope, message, now).persist());
        });
    }
}
