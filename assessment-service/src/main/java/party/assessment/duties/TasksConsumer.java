package party.assessment.duties;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.TaskEvent;
import party.common.inbox.ConsumedEvents;

/** Brings the task list's events from {@code rectification.tasks} to the units' responsibility lists, each once. */
@ApplicationScoped
public class TasksConsumer {

    static final String CONSUMER = "responsibility-lists";

    private final ConsumedEvents consumed;
    private final Duties duties;

    public TasksConsumer(ConsumedEvents consumed, Duties duties) {
        this.consumed = consumed;
        this.duties = duties;
    }

    @Incoming("tasks")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void follow(String message) {
        consumed.consumeOnce(CONSUMER, message, TaskEvent.class, (envelope, event) -> duties.follow(event));
    }
}
