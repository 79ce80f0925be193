package party.rectification.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import party.common.scope.UnitMoved;
import party.rectification.items.RectificationItem;

/**
 * Once a moved unit's paths are rewritten ({@link party.common.scope.MovedPaths}, from
 * {@code platform.path-columns}): its own overdue items escalate to its new parent, and those issued by a committee
 * it has left are checked by the committee it joined (一级抓一级: the level above now is the new one).
 */
@ApplicationScoped
public class MovedUnits {

    private final EntityManager em;

    public MovedUnits(EntityManager em) {
        this.em = em;
    }

    void follow(@Observes UnitMoved moved) {
        em.createNativeQuery("update rectification_item set escalated_to = ?1 where org_path = ?2 and escalated_to is not null")
                .setParameter(1, RectificationItem.unitAbove(moved.to())).setParameter(2, moved.to()).executeUpdate();
        // issued by the committee left behind or one above it that is no longer above: whatever the order in which
        // the subtree's units arrive, an issuer inside the moved subtree is left to its own rewrite
        em.createNativeQuery("""
                update rectification_item set issuing_path = ?1
                where org_path = ?2 and left(?3 || '/', length(issuing_path) + 1) = issuing_path || '/'
                  and left(?2, length(issuing_path) + 1) <> issuing_path || '/'""")
                .setParameter(1, moved.newCommittee()).setParameter(2, moved.to()).setParameter(3, moved.oldCommittee())
                .executeUpdate();
    }
}
