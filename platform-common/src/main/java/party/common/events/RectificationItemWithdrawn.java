package party.common.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** 撤销: the item was issued in error; it counts in no figure from now on. */
public record RectificationItemWithdrawn(@JsonValue RectificationItemState item) implements RectificationItemEvent {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RectificationItemWithdrawn {
    }
}
