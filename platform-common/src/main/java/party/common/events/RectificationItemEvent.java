package party.common.events;

import java.util.UUID;

/** A rectification item at one point of its life; {@code data} is the item's {@link RectificationItemState}. */
public sealed interface RectificationItemEvent extends RectificationEvent permits RectificationItemIssued,
        RectificationItemOverdue, RectificationItemClosed, RectificationItemReopened, RectificationItemWithdrawn {

    RectificationItemState item();

    @Override
    default UUID itemId() {
        return item().itemId();
    }

    @Override
    default String orgUnit() {
        return item().orgUnit();
    }

    @Override
    default String orgPath() {
        return item().orgPath();
    }
}
