package party.ballot.casting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import party.ballot.box.BoxSql;
import party.ballot.sessions.EvaluationSession;
import party.ballot.tally.SessionDefinition;

/** How many may vote and how many have, per ballot type: what a projector shows, never partial results. */
@ApplicationScoped
public class Turnouts {

    /**
     * @param issued           credentials issued: one-time codes and bound accounts
     * @param cast             credentials used
     * @param paperSheets      paper sheets handed out before opening
     * @param paper            paper ballots entered by tellers
     * @param paperOutstanding paper sheets handed out whose ballots are not entered yet
     */
    public record Turnout(String ballotType, long issued, long cast, long paperSheets, long paper,
                          long paperOutstanding) {
    }

    private static final long[] NONE = {0, 0};

    private final EntityManager em;

    public Turnouts(EntityManager em) {
        this.em = em;
    }

    public List<Turnout> of(EvaluationSession session) {
        Map<String, long[]> credentials = perType(BoxSql.CREDENTIALS_PER_TYPE, session);
        Map<String, long[]> paper = perType(BoxSql.PAPER_PER_TYPE, session);
        return session.definition.ballotTypes().stream().map(SessionDefinition.BallotType::code).map(type -> {
            long[] issuedAndCast = credentials.getOrDefault(type, NONE);
            long[] sheetsAndEntered = paper.getOrDefault(type, NONE);
            return new Turnout(type, issuedAndCast[0], issuedAndCast[1], sheetsAndEntered[0], sheetsAndEntered[1],
                    sheetsAndEntered[0] - sheetsAndEntered[1]);
        }).toList();
    }

    /** Rows of ballot type and two counts, by type. */
    private Map<String, long[]> perType(String query, EvaluationSession session) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(query).setParameter(1, session.id).getResultList();
        var byType = new HashMap<String, long[]>();
        for (Object[] row : rows) {
            byType.put((String) row[0], new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
        }
        return byType;
    }
}
