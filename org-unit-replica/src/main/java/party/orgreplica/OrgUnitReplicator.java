package party.orgreplica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.EventCodec;
import party.common.events.EventCodec.MalformedEventException;
import party.common.events.OrgUnitState;
import party.common.inbox.ConsumedEvents;

/**
 * Keeps the local replica in step with {@code org.units}. An event it cannot read is refused, so the
 * channel's failure strategy sends it to the dead-letter topic instead of skipping it silently.
 */
@ApplicationScoped
public class OrgUnitReplicator {

    static final String CONSUMER = "org-unit-replica";

    private final EventCodec codec;
    private final ConsumedEvents consumed;

    public OrgUnitReplicator(EventCodec codec, ConsumedEvents consumed) {
        this.codec = codec;
        this.consumed = consumed;
    }

    @Incoming("org-units")
    @Transactional
    public void apply(String message) {
        var event = codec.read(message);
        if (!isKnown(event.type())) {
            throw new MalformedEventException("unknown event type on org.units: " + event.type());
        }
        if (!consumed.firstDelivery(CONSUMER, event)) {
            return;
        }
        OrgUnitState state = codec.data(event, OrgUnitState.class);
        ReplicatedOrgUnit unit = ReplicatedOrgUnit.findById(state.code());
        if (unit == null) {
            unit = new ReplicatedOrgUnit();
            unit.apply(state);
            unit.persist();
        } else {
            unit.apply(state);
        }
    }

    private static boolean isKnown(String type) {
        for (OrgUnitState.Change change : OrgUnitState.Change.values()) {
            if (change.name().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
