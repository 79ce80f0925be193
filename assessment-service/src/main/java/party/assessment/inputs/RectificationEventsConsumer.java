package party.assessment.inputs;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.AccountabilityDecided;
import party.common.events.RectificationEvent;
import party.common.events.RectificationItemEvent;
import party.common.inbox.ConsumedEvents;

/**
 * Keeps each unit's rectification figures of the year from {@code rectification.events} (items closed on time or
 * late, gone overdue, reopened, each item once and a withdrawn one not at all; accountability decided) and rescores
 * the unit under the year's open schemes.
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
            if (event instanceof RectificationItemEvent itemEvent) {
                RectificationRecord record = RectificationRecord.of(itemEvent, year);
                record.apply(itemEvent);
                RectificationRecord.flush(); // before the recount reads the records
                year = record.year; // the item counts in the year it first arrived
                RectificationTally.of(event.orgUnit(), year).recount();
            } else if (event instanceof AccountabilityDecided) {
                RectificationTally.of(event.orgUnit(), year).accountability++;
            }
            rescoring.rescoreEverywhere(event.orgUnit(), year);
        });
    }
}
