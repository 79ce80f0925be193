package party.rectification.accountability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import party.common.events.AccountabilityDecided;
import party.common.outbox.Outbox;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.orgreplica.persons.NamedPerson;
import party.orgreplica.persons.ReplicatedPost;
import party.rectification.items.CommitteeClock;
import party.rectification.items.Items;
import party.rectification.items.RectificationItem;

/** Records accountability decisions on the items in scope, each announced in the transaction that records it. */
@ApplicationScoped
public class Accountability {

    private final Items items;
    private final Outbox outbox;
    private final CommitteeClock clock;

    public Accountability(Items items, Outbox outbox, CommitteeClock clock) {
        this.items = items;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A decision about one person of the item's responsible unit, taken by discipline above that unit: never by the
     * unit's own discipline commission on its own leaders, nor from below (docs/domain.md §7).
     */
    @Transactional
    public AccountabilityDecision decide(UUID itemId, UUID personId, String name, String post,
                                         Disposition disposition, String justification, String scope, String actor) {
        RectificationItem item = items.visible(itemId, scope);
        if (OrgPath.isWithin(scope, item.orgPath)) {
            throw Refusal.WRONG_SIDE.because("a decision about the people of " + item.orgPath
                    + " is taken by discipline above it; you act for " + scope, null);
        }
        NamedPerson person = NamedPerson.of(personId, name, NamedPerson.inUnit(item.orgCode, null),
                "who holds or held a post in " + item.orgCode, "personId");
        if (person.name() == null) {
            throw Refusal.VALIDATION.because("name the person: personId from the registry, or person for someone "
                    + "outside it", "person");
        }
        var decision = AccountabilityDecision.decide(item.id, item.orgCode, item.orgPath, person, post, disposition,
                justification, actor, clock.now());
        decision.persist();
        outbox.publish(new AccountabilityDecided(decision.id, item.id, item.orgCode, item.orgPath,
                decision.disposition.name()));
        return decision;
    }

    /**
     * The decisions about a person of the registry on items in scope, taken in the year (China's calendar) when
     * given, oldest first: the discipline half of their 述职. A person with no post in scope is unknown (404).
     */
    public List<AccountabilityDecision> about(UUID personId, Integer year, String scope) {
        if (ReplicatedPost.<ReplicatedPost>list("personId", personId).stream()
                .noneMatch(post -> OrgPath.isWithin(post.orgPath, scope))) {
            throw Refusal.unknown(); // never held a post in scope: as for a person who does not exist
        }
        List<AccountabilityDecision> decisions = AccountabilityDecision.list(
                "personId = ?1 order by decidedAt", personId);
        return decisions.stream().filter(d -> OrgPath.isWithin(d.orgPath, scope))
                .filter(d -> year == null || clock.yearOf(d.decidedAt) == year).toList();
    }

    /** The decisions on an item in scope, oldest first. */
    public List<AccountabilityDecision> on(UUID itemId, String scope) {
        RectificationItem item = items.visible(itemId, scope);
        return AccountabilityDecision.list("itemId = ?1 order by decidedAt", item.id);
    }
}
