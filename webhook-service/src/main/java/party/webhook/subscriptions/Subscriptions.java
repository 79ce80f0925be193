package party.webhook.subscriptions;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import party.common.scope.OrgScope;
import party.webhook.delivery.Delivery;

/** Subscriptions as the caller may see them: an active one in scope, or 404. */
@RequestScoped
public class Subscriptions {

    private final OrgScope scope;

    public Subscriptions(OrgScope scope) {
        this.scope = scope;
    }

    public Subscription visible(UUID id) {
        Subscription subscription = Subscription.findById(id);
        return scope.visible(subscription != null && subscription.active ? subscription : null, s -> s.orgPath);
    }

    /** Ends a subscription; what was still to be sent to it is cancelled, and the log of what was sent stays. */
    void end(Subscription subscription) {
        subscription.active = false;
        Delivery.cancelAll(subscription);
    }
}
