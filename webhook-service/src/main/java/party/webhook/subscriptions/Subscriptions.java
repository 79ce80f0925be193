package party.webhook.subscriptions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import party.webhook.WebhookSettings;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/**
 * Subscriptions as the caller may see and change them: an active one of the caller's own, or any in scope for an
 * administrator; 404 otherwise, as for one that does not exist.
 */
@RequestScoped
public class Subscriptions {

    private final OrgScope scope;
    private final SecurityIdentity caller;
    private final Event<SubscriptionEnded> ended;
    private final WebhookSettings settings;

    public Subscriptions(OrgScope scope, SecurityIdentity caller, Event<SubscriptionEnded> ended,
                         WebhookSettings settings) {
        this.scope = scope;
        this.caller = caller;
        this.ended = ended;
        this.settings = settings;
    }

    /** The caller's own subscriptions in scope, or all of them in scope for an administrator, newest first. */
    public PanacheQuery<Subscription> listed() {
        return caller.hasRole(Roles.ADMIN)
                ? Subscription.find(OrgScope.condition("orgPath") + " order by createdAt desc", scope.parameters())
                : Subscription.find(OrgScope.condition("orgPath") + " and createdBy = :owner order by createdAt desc",
                        scope.parameters().and("owner", caller.getPrincipal().getName()));
    }

    /** A new subscription of the caller's scope, with its signing secret. */
    @Transactional
    public Subscription subscribe(String url, Set<String> eventTypes, String description, String actor) {
        Subscription subscription = Subscription.create(scope.root(), WebhookUrl.check(url, settings.requireHttps(), settings.allowedHosts().orElse(List.of())),
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
        boolean theirs = subscription != null && subscription.active && (caller.hasRole(Roles.ADMIN)
                || subscription.createdBy.equals(caller.getPrincipal().getName()));
        return scope.visible(theirs ? subscription : null, s -> s.orgPath);
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
