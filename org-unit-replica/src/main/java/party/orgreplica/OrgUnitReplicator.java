package party.orgreplica;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.OrgUnitEvent;
import party.common.events.OrgUnitState;
import party.common.inbox.ConsumedEvents;

/** Keeps the local replica in step with {@code org.units}, each event once, never an older state over a newer. */
@ApplicationScoped
public class OrgUnitReplicator {

    static final String CONSUMER = "org-unit-replica";

    private final ConsumedEvents consumed;

    public OrgUnitReplicator(ConsumedEvents consumed) {
        this.consumed = consumed;
    }

    @Incoming("org-units")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void apply(String message) {
        consumed.consumeOnce(CONSUMER, message, OrgUnitEvent.class, (envelope, event) -> {
            OrgUnitState state = event.unit();
            ReplicatedOrgUnit unit = ReplicatedOrgUnit.findById(state.code());
            if (unit == null) {
                unit = new ReplicatedOrgUnit();
                unit.apply(state);
                unit.persist();
            } else {
                unit.apply(state);
            }
        });
    }
}
