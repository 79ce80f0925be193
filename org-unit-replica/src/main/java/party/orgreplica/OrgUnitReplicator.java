package party.orgreplica;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.OrgUnitEvent;
import party.common.events.OrgUnitState;
import party.common.inbox.ConsumedEvents;
import party.common.scope.UnitMoved;

/**
 * Keeps the local replica in step with {@code org.units}, each event once, never an older state over a newer; a
 * unit's new path fires {@link UnitMoved} in the same transaction, so the service's records follow it.
 */
@ApplicationScoped
public class OrgUnitReplicator {

    static final String CONSUMER = "org-unit-replica";

    private final ConsumedEvents consumed;
    private final Event<UnitMoved> moves;

    public OrgUnitReplicator(ConsumedEvents consumed, Event<UnitMoved> moves) {
        this.consumed = consumed;
        this.moves = moves;
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
                String before = unit.path;
                if (unit.apply(state) && !before.equals(unit.path)) {
                    moves.fire(new UnitMoved(unit.code, before, unit.path));
                }
            }
        });
    }
}
