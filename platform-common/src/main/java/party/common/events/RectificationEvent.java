package party.common.events;

import java.util.UUID;

/** What happens to a rectification item, on {@link Topics#RECTIFICATION_EVENTS}, keyed by the item so its events keep their order. */
public sealed interface RectificationEvent extends PlatformEvent permits RectificationItemEvent, AccountabilityDecided {

    UUID itemId();

    /** Code of the item's responsible unit. */
    String orgUnit();

    @Override
    default String topic() {
        return Topics.RECTIFICATION_EVENTS;
    }

    @Override
    default String key() {
        return itemId().toString();
    }
}
