package party.orgreplica.persons;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.PersonRecorded;
import party.common.inbox.ConsumedEvents;

/** Keeps the replica of the person registry in step with {@code org.persons}: each event once, never older over newer. */
@ApplicationScoped
public class PersonReplicator {

    static final String CONSUMER = "person-replica";

    private final ConsumedEvents consumed;

    public PersonReplicator(ConsumedEvents consumed) {
        this.consumed = consumed;
    }

    @Incoming("persons")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void apply(String message) {
        consumed.consumeOnce(CONSUMER, message, PersonRecorded.class,
                (envelope, event) -> ReplicatedPerson.apply(event.person()));
    }
}
