package party.ballot.casting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import party.ballot.box.BoxSql;
import party.ballot.sessions.EvaluationSession;

/** How many may vote and how many have, per ballot type: what a projector shows, never partial results. */
@ApplicationScoped
public class Turnouts {

    public record Turnout(String ballotType, long issued, long cast, long paper) {
    }

    private final EntityManager em;

    public Turnouts(EntityManager em) {
        this.em = em;
    }

    public List<Turnout> of(EvaluationSession session) {
        Map<String, Turnout> byType = new LinkedHashMap<>();
        session.definition.ballotTypes().forEach(t -> byType.put(t.code(), new Turnout(t.code(), 0, 0, 0)));
        @SuppressWarnings("unchecked")
        List<Object[]> credentials = em.createNativeQuery(BoxSql.CREDENTIALS_PER_TYPE).setParameter(1, session.id)
                .getResultList();
        for (Object[] row : credentials) {
            byType.computeIfPresent((String) row[0], (type, t) ->
                    new Turnout(type, ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), t.paper()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> paper = em.createNativeQuery(BoxSql.PAPER_PER_TYPE).setParameter(1, session.id).getResultList();
        for (Object[] row : paper) {
            byType.computeIfPresent((String) row[0], (type, t) ->
                    new Turnout(type, t.issued(), t.cast(), ((Number) row[1]).longValue()));
        }
        return List.copyOf(byType.values());
    }
}
