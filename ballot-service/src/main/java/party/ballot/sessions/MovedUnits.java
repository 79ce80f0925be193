package party.ballot.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import party.common.scope.UnitMoved;

/** The sessions a moved unit holds are found under its new path. */
@ApplicationScoped
public class MovedUnits {

    private final EntityManager em;

    public MovedUnits(EntityManager em) {
        this.em = em;
    }

    void follow(@Observes UnitMoved moved) {
        moved.rewrite(em, "evaluation_session.org_path");
    }
}
