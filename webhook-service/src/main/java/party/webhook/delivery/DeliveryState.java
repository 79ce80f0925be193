package party.webhook.delivery;

/** PENDING until the receiver answers 2xx (DELIVERED) or the last retry fails (PARKED, until an admin replays it). */
public enum DeliveryState {
    PENDING, DELIVERED, PARKED,
    /** the subscription was deleted before the delivery succeeded */
    CANCELLED
}
