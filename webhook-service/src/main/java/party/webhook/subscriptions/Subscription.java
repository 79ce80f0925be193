package party.webhook.subscriptions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import party.common.events.EventCatalogue;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/** An OA system's standing order: push these event types of units within {@link #orgPath} to {@link #url}. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;
    /** the scope of the account that subscribed */
    @Column(name = "org_path")
    public String orgPath;
    public String url;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types")
    /** names from the event catalogue, {@link EventCatalogue#forSubscribers()} */
    public Set<String> eventTypes;
    public String description;
    public String secret;
    public boolean active;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    public static Subscription create(String orgPath, String url, Set<String> eventTypes, String description,
                                      String createdBy, Instant now) {
        Set<String> offered = EventCatalogue.forSubscribers();
        eventTypes.stream().filter(type -> !offered.contains(type)).findFirst().ifPresent(type -> {
            throw Refusal.UNKNOWN_EVENT_TYPE.because(type + " is not offered; one of " + new TreeSet<>(offered),
                    "eventTypes");
        });
        var subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.orgPath = orgPath;
        subscription.url = url;
        subscription.eventTypes = Set.copyOf(eventTypes);
        subscription.description = description;
        subscription.secret = WebhookSignature.newSecret();
        subscription.active = true;
        subscription.createdBy = createdBy;
        subscription.createdAt = now;
        return subscription;
    }

    /** Whether an event of this type about the unit at {@code unitPath} goes to this subscriber. */
    public boolean wants(String type, String unitPath) {
        return active && eventTypes.contains(type) && OrgPath.isWithin(unitPath, orgPath);
    }
}
