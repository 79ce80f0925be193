package party.rectification.ledger;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.paging.Page;
import io.quarkus.panache.common.Parameters;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;
import party.orgreplica.ReplicatedOrgUnit;
import party.rectification.items.ItemState;
import party.rectification.items.RectificationItem;

/**
 * 开门整改、全程公开: the public progress of the items their issuers chose to publish, with the published wording
 * only. No token needed; nothing confidential is in this view's shape.
 */
@Path("/public/progress")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicProgressResource {

    @GET
    @Operation(summary = "Public progress of published items, newest first; optionally for one unit and those below it")
    public Page<LedgerViews.PublicProgress> progress(@QueryParam("unit") String unit,
                                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String subtree = unit == null ? OrgPath.ROOT : Ledger.unitPath(unit, OrgPath.ROOT);
        // an item withdrawn as issued in error leaves the public view
        var query = RectificationItem.<RectificationItem>find("publicSummary is not null and state <> :withdrawn and "
                + OrgScope.within("orgPath", "subtree") + " order by issuedAt desc, number",
                OrgScope.bind(new Parameters(), "subtree", subtree).and("withdrawn", ItemState.WITHDRAWN));
        return Page.ofRows(query, page, size, items -> {
            Map<String, String> names = ReplicatedOrgUnit.names(items.stream().map(item -> item.orgCode).toList());
            return items.stream().map(item -> new LedgerViews.PublicProgress(item.number, names.get(item.orgCode),
                    item.publicSummary, item.timingClass, item.timingClass.label(), item.state, item.state.label(),
                    item.deadline, item.closedOn)).toList();
        });
    }
}
