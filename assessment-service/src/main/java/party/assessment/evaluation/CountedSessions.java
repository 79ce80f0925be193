package party.assessment.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import party.assessment.inputs.Rescoring;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.schemes.Schemes;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/**
 * Which sealed sessions a scheme counts for its 述职评议 component (docs/domain.md §7): only sessions held by the
 * scheme's unit or above, for the scheme's year, about units, at most one per unit. Naming them rescores the scheme.
 */
@ApplicationScoped
public class CountedSessions {

    private final Schemes schemes;
    private final Rescoring rescoring;

    public CountedSessions(Schemes schemes, Rescoring rescoring) {
        this.schemes = schemes;
        this.rescoring = rescoring;
    }

    /** A session the scheme counts, with the number of its subjects the scheme assesses. */
    public record Counted(UUID sessionId, String title, LocalDate heldOn, int year, String heldBy,
                          long subjects, String namedBy, Instant namedAt) {
    }

    public List<Counted> list(UUID schemeId, String scope) {
        return views(schemes.visible(schemeId, scope));
    }

    /** Replaces the scheme's counted sessions with these, each checked; a refusal names the session and why. */
    @Transactional
    public List<Counted> name(UUID schemeId, List<UUID> sessions, String scope, String by) {
        Scheme scheme = schemes.managed(schemeId, scope);
        if (scheme.state != SchemeState.DRAFT && scheme.state != SchemeState.PUBLISHED) {
            throw Refusal.WRONG_SCHEME_STATE.because("the scheme is " + scheme.state
                    + "; a locked or superseded scheme keeps the sessions it counted", null);
        }
        schemes.serialize(scheme);
        Map<String, UUID> subjects = new HashMap<>();
        for (UUID session : new LinkedHashSet<>(sessions)) {
            List<EvaluationResult> results = EvaluationResult.list("key.sessionId", session);
            EvaluationResult any = results.stream().findFirst().orElseThrow(() -> Refusal.SESSION_NOT_COUNTABLE
                    .because("no sealed session " + session + " has reached assessment", "sessions"));
            if (!OrgPath.isWithin(scheme.orgPath, any.sessionPath)) {
                throw Refusal.SESSION_NOT_COUNTABLE.because("session " + session + " is held by " + any.sessionPath
                        + ", not by the scheme's unit " + scheme.orgPath + " or a unit above it", "sessions");
            }
            if (any.year != scheme.year) {
                throw Refusal.SESSION_NOT_COUNTABLE.because("session " + session + " is for " + any.year
                        + ", the scheme for " + scheme.year, "sessions");
            }
            if (results.stream().allMatch(r -> r.subjectPath == null)) {
                throw Refusal.SESSION_NOT_COUNTABLE.because("session " + session + " evaluates persons, not units",
                        "sessions");
            }
            for (EvaluationResult result : results) {
                UUID other = subjects.putIfAbsent(result.key.subject(), session);
                if (other != null) {
                    throw Refusal.SESSION_NOT_COUNTABLE.because("unit " + result.key.subject() + " is a subject of both "
                            + other + " and " + session + "; a scheme counts one session per unit", "sessions");
                }
            }
        }
        CountedSession.delete("key.schemeId", scheme.id);
        CountedSession.flush();
        Instant now = Instant.now();
        for (UUID session : new LinkedHashSet<>(sessions)) {
            var counted = new CountedSession();
            counted.key = new CountedSession.Key(scheme.id, session);
            counted.namedBy = by;
            counted.namedAt = now;
            counted.persist();
        }
        rescoring.rescoreAll(scheme);
        return views(scheme);
    }

    private static List<Counted> views(Scheme scheme) {
        List<Counted> views = new ArrayList<>();
        for (CountedSession counted : CountedSession.<CountedSession>list("key.schemeId = ?1 order by namedAt", scheme.id)) {
            List<EvaluationResult> results = EvaluationResult.list("key.sessionId", counted.key.sessionId());
            EvaluationResult any = results.get(0);
            long assessed = results.stream().filter(r -> r.subjectPath != null && scheme.assesses(r.subjectPath)).count();
            views.add(new Counted(counted.key.sessionId(), any.sessionTitle, any.heldOn, any.year, any.sessionPath,
                    assessed, counted.namedBy, counted.namedAt));
        }
        return views;
    }
}
