package party.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import party.common.audit.Unrecorded;
import party.common.problem.Problem;
import party.common.problem.Refusal;

/**
 * {@code Idempotency-Key} on any POST of a caller with a token: the first request with a key claims it and, if it
 * succeeds, its answer is kept for a day; a retry with the same key gets that answer again (header
 * {@code Idempotency-Replayed: true}) and changes nothing. A retry while the first is still running gets 409; the
 * key on another path gets 422. A failed first request (4xx, 5xx) releases the key: it changed nothing, so the
 * client may send again. The first transaction the request begins marks its claim carried out, so a service killed
 * under a request leaves a claim that says whether the work committed: past {@link #ABANDONED}, a retry runs a
 * request that changed nothing again; one that did is answered 409 request-answer-lost past {@link #ANSWERED_WITHIN}
 * (look before resending).
 * Casting a secret ballot ({@link Unrecorded}) keeps nothing: its credential casts once anyway.
 */
public class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
    private static final Pattern SANE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final String CLAIMED = IdempotentRequests.class.getName() + ".claimed";
    /** How long an answer is kept. */
    static final Duration KEPT = Duration.ofDays(1);
    /**
     * How long a claim whose request never answered (its service killed mid-request) blocks its key: twice the
     * 60 s a transaction may last, so its work has committed (and marked the claim) or never will.
     */
    static final Duration ABANDONED = Duration.ofMinutes(2);
    /**
     * How soon a committed request's answer is kept: a claim carried out and still unanswered after this lost its
     * answer (its service killed, or the database gone, between the commit and the keeping).
     */
    static final Duration ANSWERED_WITHIN = Duration.ofSeconds(10);

    private final SecurityIdentity identity;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Serving serving;

    public IdempotentRequests(SecurityIdentity identity, EntityManager em, ObjectMapper json, Serving serving) {
        this.identity = identity;
        this.em = em;
        this.json = json;
        this.serving = serving;
    }

    @ServerRequestFilter
    public Response claim(ContainerRequestContext request, ResourceInfo resource) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || identity.isAnonymous()
                || resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(Unrecorded.class)) {
            return null;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!SANE_KEY.matcher(key).matches()) {
            return problem(Refusal.IDEMPOTENCY_KEY, "use 1 to 200 letters, digits and . _ : -", path);
        }
        String actor = identity.getPrincipal().getName();
        Instant now = Instant.now();
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    delete from idempotent_request where actor = ?1 and request_key = ?2
                      and (created_at < ?3 or status is null and not carried_out and created_at < ?4)""")
                    .setParameter(1, actor).setParameter(2, key).setParameter(3, now.minus(KEPT))
                    .setParameter(4, now.minus(ABANDONED)).executeUpdate();
            return em.createNativeQuery("""
                    insert into idempotent_request (actor, request_key, method, path, created_at)
                    values (?1, ?2, 'POST', ?3, ?4) on conflict do nothing""")
                    .setParameter(1, actor).setParameter(2, key).setParameter(3, path).setParameter(4, now)
                    .executeUpdate() == 1;
        });
        if (claimed) {
            Claim claim = new Claim(actor, key);
            request.setProperty(CLAIMED, claim);
            serving.serve(claim);
            return null;
        }
        return earlierAnswer(actor, key, path);
    }

    /**
     * In the first transaction a claimed request begins, its work's: the mark commits with the work or not at all.
     * (A request that begins none changes nothing; the transaction of its audit entry may mark it.) Nothing may
     * escape from here: a begin that throws leaves its transaction on the thread, and every later one there fails.
     */
    void markCarriedOut(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        Claim claim;
        try {
            claim = Arc.container().requestContext().isActive() ? serving.take() : null;
        } catch (ContextNotActiveException e) { // a thread that serves no request (an audit entry written aside)
            return;
        }
        if (claim == null) {
            return;
        }
        try {
            em.createNativeQuery(
                            "update idempotent_request set carried_out = true where actor = ?1 and request_key = ?2")
                    .setParameter(1, claim.actor()).setParameter(2, claim.key()).executeUpdate();
        } catch (RuntimeException e) { // the work then fails with its transaction, and releases the key
            LOG.errorf(e, "%s's request %s not marked carried out", claim.actor(), claim.key());
        }
    }

    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof Claim claim)) {
            return;
        }
        serving.take();
        try {
            if (response.getStatus() >= 200 && response.getStatus() < 300) {
                String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
                String mediaType = response.getMediaType() == null ? null : response.getMediaType().toString();
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update idempotent_request set status = ?3, media_type = ?4, response = ?5
                        where actor = ?1 and request_key = ?2""")
                        .setParameter(1, claim.actor()).setParameter(2, claim.key()).setParameter(3, response.getStatus())
                        .setParameter(4, mediaType).setParameter(5, body).executeUpdate());
            } else {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                "delete from idempotent_request where actor = ?1 and request_key = ?2")
                        .setParameter(1, claim.actor()).setParameter(2, claim.key()).executeUpdate());
            }
        } catch (JsonProcessingException | RuntimeException e) { // the change stands; only a retry would miss its answer
            LOG.errorf(e, "answer to %s's request %s not kept", claim.actor(), claim.key());
        }
    }

    private Response earlierAnswer(String actor, String key, String path) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select path, status, media_type, response, carried_out, created_at < ?3 from idempotent_request"
                                + " where actor = ?1 and request_key = ?2")
                .setParameter(1, actor).setParameter(2, key).setParameter(3, Instant.now().minus(ANSWERED_WITHIN))
                .getResultList());
        if (rows.isEmpty()) { // released between our insert and this read: the client may simply retry
            return problem(Refusal.REQUEST_IN_PROGRESS, "retry in a moment", path);
        }
        Object[] row = (Object[]) rows.get(0); // path, status, media type, response, carried out, answer overdue
        if (!path.equals(row[0])) {
            return problem(Refusal.IDEMPOTENCY_KEY_REUSED,
                    "this key was used for " + row[0] + "; use a new key for a new request", path);
        }
        if (row[1] == null && Boolean.TRUE.equals(row[4]) && Boolean.TRUE.equals(row[5])) {
            return problem(Refusal.REQUEST_ANSWER_LOST, "the first request with this key was carried out, but its "
                    + "service stopped before keeping the answer; look up what it made before sending it anew",
                    path);
        }
        if (row[1] == null) {
            return Response.fromResponse(problem(Refusal.REQUEST_IN_PROGRESS,
                    "the first request with this key has not finished; retry in a moment", path))
                    .header("Retry-After", "1").build();
        }
        return Response.status(((Number) row[1]).intValue()).entity(row[3]).type((String) row[2])
                .header("Idempotency-Replayed", "true").build();
    }

    private static Response problem(Refusal refusal, String detail, String path) {
        return Problem.of(refusal, detail, path, List.of()).response();
    }

    private record Claim(String actor, String key) {
    }

    /** The claim of the request being served until its first transaction marks it (methods: this is a proxy). */
    @RequestScoped
    static class Serving {
        private Claim claim;

        void serve(Claim claim) {
            this.claim = claim;
        }

        Claim take() {
            Claim taken = claim;
            claim = null;
            return taken;
        }
    }
}
