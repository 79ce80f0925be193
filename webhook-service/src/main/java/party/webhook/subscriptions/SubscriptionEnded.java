package party.webhook.subscriptions;

/** Fired when a subscription ends, within the transaction that ends it. */
public record SubscriptionEnded(Subscription subscription) {
}
