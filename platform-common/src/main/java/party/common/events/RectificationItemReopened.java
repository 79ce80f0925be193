package party.common.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record RectificationItemReopened(@JsonValue RectificationItemState item) implements RectificationItemEvent {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RectificationItemReopened {
    }
}
