package party.assessment.orgunits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import party.common.scope.UnitMoved;

/** A moved unit's schemes, entries, results and 述职评议 results are found under its new path. */
@ApplicationScoped
public class MovedUnits {

    private final EntityManager em;

    public MovedUnits(EntityManager em) {
        this.em = em;
    }

    void follow(@Observes UnitMoved moved) {
        moved.rewrite(em, "scheme.org_path", "indicator_entry.org_path", "unit_result.org_path",
                "evaluation_result.session_path", "evaluation_result.subject_path");
    }
}
