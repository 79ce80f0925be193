package party.common.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record TaskCompleted(@JsonValue TaskState task) implements TaskEvent {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TaskCompleted {
    }
}
