package party.assessment.results;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.AccountabilityDecided;
import party.common.events.EventCodec;
import party.common.events.RectificationItemEvent;
import party.common.inbox.ConsumedEvents;

/**
 * Counts each unit's rectification record of the year from {@code rectification.events} (closed on time or late,
 * gone overdue, reopened, accountability decided) and rescores the unit under the year's open schemes.
 */
@ApplicationScoped
public class RectificationEventsConsumer {

    static final String CONSUMER = "rectification-performance";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final EventCodec codec;
    private final ConsumedEvents consumed;
    private final Results results;

    public RectificationEventsConsumer(EventCodec codec, ConsumedEvents consumed, Results results) {
        this.codec = codec;
        this.consumed = consumed;
        this.results = results;
    }

    @Incoming("rectification-events")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void count(String message) {
        consumed.consumeOnce(CONSUMER, message, Set.of("RectificationItemIssued", "RectificationItemOverdue",
                "RectificationItemClosed", "RectificationItemReopened", "AccountabilityDecided"), event -> {
            int year = event.time().atZone(ZONE).getYear();
            String unit;
            if ("AccountabilityDecided".equals(event.type())) {
                unit = codec.data(event, AccountabilityDecided.class).orgUnit();
                RectificationTally.of(unit, year).accountability++;
            } else {
                RectificationItemEvent item = codec.data(event, RectificationItemEvent.class);
                unit = item.orgUnit();
                RectificationTally tally = RectificationTally.of(unit, year);
                switch (event.type()) {
                    case "RectificationItemOverdue" -> tally.overdue++;
                    case "RectificationItemClosed" -> {
                        if (Boolean.TRUE.equals(item.onTime())) {
                            tally.onTime++;
                        } else {
                            tally.late++;
                        }
                    }
                    case "RectificationItemReopened" -> tally.reopened++;
                    default -> { } // issued: counted by rectification-service's own figures, not scored
                }
            }
            results.recomputeEverywhere(unit, year);
        });
    }
}
