package party.assessment.inputs;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.AccountabilityDecided;
import party.common.events.RectificationEvent;
import party.common.events.RectificationItemClosed;
import party.common.events.RectificationItemOverdue;
import party.common.events.RectificationItemReopened;
import party.common.inbox.ConsumedEvents;

/**
 * Counts each unit's rectification record of the year from {@code rectification.events} (closed on time or late,
 * gone overdue, reopened, accountability decided) and rescores the unit under the year's open schemes.
 */
@ApplicationScoped
public class RectificationEventsConsumer {

    static final String CONSUMER = "rectification-performance";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ConsumedEvents consumed;
    private final Rescoring rescoring;

    public RectificationEventsConsumer(ConsumedEvents consumed, Rescoring rescoring) {
        this.consumed = consumed;
        this.rescoring = rescoring;
    }

    @Incoming("rectification-events")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void count(String message) {
        consumed.consumeOnce(CONSUMER, message, RectificationEvent.class, (envelope, event) -> {
            int year = envelope.time().atZone(ZONE).getYear();
            RectificationTally tally = RectificationTally.of(event.orgUnit(), year);
            if (event instanceof AccountabilityDecided) {
                tally.accountability++;
            } else if (event instanceof RectificationItemOverdue) {
                tally.overdue++;
            } else if (event instanceof RectificationItemClosed closed) {
                if (Boolean.TRUE.equals(closed.item().onTime())) {
                    tally.onTime++;
                } else {
                    tally.late++;
                }
            } else if (event instanceof RectificationItemReopened) {
                tally.reopened++;
            } // issued: counted by rectification-service's own figures, not scored
            rescoring.rescoreEverywhere(event.orgUnit(), year);
        });
    }
}
