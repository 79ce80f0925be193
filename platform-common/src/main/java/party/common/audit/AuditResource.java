package party.common.audit;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;

/** The service's audit trail, newest first; read-only, there is no API that changes it. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    private final OrgScope scope;

    public AuditResource(OrgScope scope) {
        this.scope = scope;
    }

    public record Entry(Instant at, String actor, String actorOrgPath, String method, String path, int status,
                        String clientAddress, String requestId) {
        static Entry of(AuditEntry e) {
            return new Entry(e.at, e.actor, e.actorOrgPath, e.method, e.path, e.status, e.clientAddress, e.requestId);
        }
    }

    @GET
    @Operation(summary = "Who changed what, when and from where: the requests of accounts in the admin's scope")
    public Page<Entry> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String condition = OrgScope.condition("actorOrgPath");
        var query = AuditEntry.<AuditEntry>find(condition, Sort.descending("id"), scope.parameters());
        // every change of every account, without end: counted up to a bound, as the ledger (decision 027)
        return Page.ofRows(query, Page.counting(AuditEntry.class, condition, scope.parameters()), page, size,
                entries -> entries.stream().map(Entry::of).toList());
    }
}
