package party.webhook.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import party.common.scope.UnitMoved;

/** A subscription made for a unit that moves covers the unit's subtree under its new path. */
@ApplicationScoped
public class MovedUnits {

    private final EntityManager em;

    public MovedUnits(EntityManager em) {
        this.em = em;
    }

    void follow(@Observes UnitMoved moved) {
        moved.rewrite(em, "subscription.org_path");
    }
}
