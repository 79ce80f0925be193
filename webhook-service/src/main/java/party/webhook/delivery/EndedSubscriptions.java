package party.webhook.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import party.webhook.subscriptions.SubscriptionEnded;

/** Nothing more goes to a subscription that has ended: its pending and parked deliveries are cancelled with it. */
@ApplicationScoped
public class EndedSubscriptions {

    // a synchronous observer: the cancelling commits or rolls back with the ending
    void cancelDeliveries(@Observes SubscriptionEnded ended) {
        Delivery.cancelAll(ended.subscription());
    }
}
