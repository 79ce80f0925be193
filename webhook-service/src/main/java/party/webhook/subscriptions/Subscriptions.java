package party.webhook.subscriptions;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import party.webhook.WebhookSettings;
import party.common.scope.OrgScope;

/** Subscriptions as the caller may see and change them: an active one in scope, or 404. */
@RequestScoped
public class Subscriptions {

    private final OrgScope scope;
    private final Event<SubscriptionEnded> ended;
    private final WebhookSettings settings;

    public Subscriptions(OrgScope scope, Event<SubscriptionEnded> ended, WebhookSettings settings) {
        this.scope = scope;
        this.ended = ended;
        this.settings = settings;
    }

    /** A new subscription of the caller's scope, with its signing secret. */
    @Transactional
    public Subscription subscribe(String url, Set<String> eventTypes, String description, String actor) {
        Subscription subscription = Subscription.create(scope.root(), WebhookUrl.check(url, settings.requireHttps()),
                eventTypes, description, actor, Instant.now());
        subscription.persist();
        return subscription;
    }

    /** Deliveries from now on are signed with a new secret. */
    @Transactional
    public Subscription rotateSecret(UUID id) {
        Subscription subscription = visible(id);
        subscription.secret = WebhookSignature.newSecret();
        return subscription;
    }

    public Subscription visible(UUID id) {
        Subscription subscription = Subscription.findById(id);
        return scope.visible(subscription != null && subscription.active ? subscription : null, s -> s.orgPath);
    }

    /**
     * Ends a subscription; what was still to be sent to it is cancelled in this transaction by delivery, which
     * observes the end, and the log of what was sent stays.
     */
    @Transactional
    public void end(UUID id) {
        Subscription subscription = visible(id);
        subscription.active = false;
        ended.fire(new SubscriptionEnded(subscription));
    }
}
