package party.common.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

@Internal("the services' replicas of the org tree")
public record OrgUnitDeactivated(@JsonValue OrgUnitState unit) implements OrgUnitEvent {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrgUnitDeactivated {
    }
}
