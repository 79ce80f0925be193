package party.orgreplica;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.EventCodec;
import party.common.events.OrgUnitState;
import party.common.inbox.ConsumedEvents;

/** Keeps the local replica in step with {@code org.units}, each event once, never an older state over a newer. */
@ApplicationScoped
public class OrgUnitReplicator {

    static final String CONSUMER = "org-unit-replica";
    private static final Set<String> TYPES = Arrays.stream(OrgUnitState.Change.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final EventCodec codec;
    private final ConsumedEvents consumed;

    public OrgUnitReplicator(EventCodec codec, ConsumedEvents consumed) {
        this.codec = codec;
        this.consumed = consumed;
    }

    @Incoming("org-units")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void apply(String message) {
        consumed.consumeOnce(CONSUMER, message, TYPES, event -> {
            OrgUnitState state = codec.data(event, OrgUnitState.class);
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
