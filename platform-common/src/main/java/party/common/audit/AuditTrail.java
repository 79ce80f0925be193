package party.common.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import party.common.scope.OrgScope;

/**
 * Writes every state-changing request to {@code audit_entry} once it is answered, whether it was allowed or
 * refused: who, what, when, from where. Its own transaction, so a refused request is recorded too.
 */
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern RECORD_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final SecurityIdentity identity;
    private final Vertx vertx;

    public AuditTrail(SecurityIdentity identity, Vertx vertx) {
        this.identity = identity;
        this.vertx = vertx;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
                       HttpServerRequest http) {
        if (READS.contains(request.getMethod())
                || resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(Unrecorded.class)) {
            return;
        }
        var entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actor = identity.isAnonymous() ? "anonymous" : clip(identity.getPrincipal().getName(), 200);
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim(OrgScope.CLAIM) != null) {
            entry.actorOrgPath = clip(token.getClaim(OrgScope.CLAIM).toString(), 500);
        }
        entry.method = clip(request.getMethod(), 10);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(Confidential.class)) {
            path = RECORD_ID.matcher(path).replaceAll("{id}");
        }
        entry.path = clip(path, 2000);
        entry.status = response.getStatus();
        entry.clientAddress = http.remoteAddress() == null ? null : clip(http.remoteAddress().hostAddress(), 100);
        entry.requestId = clip(request.getHeaderString("X-Request-Id"), 100);
        if (BlockingOperationControl.isBlockingAllowed()) {
            write(entry);
        } else { // refused before reaching a worker thread (e.g. an unknown path): no effect to lose, write aside
            vertx.executeBlocking(() -> write(entry), false);
        }
    }

    private static AuditEntry write(AuditEntry entry) {
        try {
            QuarkusTransaction.requiringNew().run(entry::persist);
        } catch (RuntimeException e) { // the change itself is committed: answer it, and say loudly what is missing
            LOG.errorf(e, "audit entry not written: %s %s %s -> %d", entry.actor, entry.method, entry.path, entry.status);
        }
        return entry;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
