package party.common.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record TaskIssued(@JsonValue TaskState task) implements TaskEvent {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TaskIssued {
    }
}
