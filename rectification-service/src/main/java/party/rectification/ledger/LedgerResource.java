package party.rectification.ledger;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.paging.Page;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.orgreplica.ReplicatedOrgUnit;
import party.rectification.items.CommitteeClock;
import party.rectification.items.ItemState;
import party.rectification.items.ItemViews;
import party.rectification.items.RectificationRules;

/** The ledger 台账 of the items in the caller's scope: filtered pages, the .xlsx export, per-unit figures. */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER, Roles.INTEGRATION})
public class LedgerResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Ledger ledger;
    private final LedgerExport export;
    private final CommitteeClock clock;
    private final RectificationRules rules;
    private final OrgScope scope;

    public LedgerResource(Ledger ledger, LedgerExport export, CommitteeClock clock, RectificationRules rules,
                          OrgScope scope) {
        this.ledger = ledger;
        this.export = export;
        this.clock = clock;
        this.rules = rules;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "Items in scope by deadline; filter by unit subtree, source, state, warning colour, overdue, "
            + "responsible leader (问题清单), year, deadline")
    public Page<ItemViews.ItemView> page(@BeanParam @Valid LedgerFilter filter,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return views(ledger.select(filter, scope), page, size);
    }

    @GET
    @Path("/export.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The filtered ledger as an .xlsx workbook")
    public Response exportXlsx(@BeanParam @Valid LedgerFilter filter) {
        var query = ledger.select(filter, scope).byDeadline(); // a unit outside the scope is refused here, before anything is sent
        StreamingOutput workbook = out -> export.write(query, filter.unit, out);
        return Response.ok(workbook).header("Content-Disposition",
                "attachment; filename=\"rectification-ledger.xlsx\"").build();
    }

    @GET
    @Path("/escalated")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR, Roles.UNIT_LEADER})
    @Operation(summary = "Overdue items of the units directly below the caller's, escalated to its leaders (提级督办)")
    public Page<ItemViews.ItemView> escalated(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return views(new Ledger.Selection("escalatedTo = :unit and state in :open",
                Parameters.with("unit", scope.root()).and("open", ItemState.OPEN)), page, size);
    }

    @GET
    @Path("/figures")
    @Operation(summary = "Per unit of the subtree: on-time closure rate, overdue count, reopen rate; rollup=true: per "
            + "unit directly below the subtree's top, each with its whole subtree's items, and the top with its own")
    public List<LedgerViews.UnitFigures> figures(@QueryParam("unit") String unit, @QueryParam("rollup") boolean rollup) {
        return ledger.figures(unit == null ? scope.root() : Ledger.unitPath(unit, scope.root()), rollup);
    }

    @GET
    @Path("/trend")
    @Operation(summary = "A subtree's last twelve months (issued, closed, closed on time, fallen overdue) and its "
            + "items per source with the on-time closure rate")
    public LedgerViews.Trend trend(@QueryParam("unit") String unit) {
        return ledger.trend(unit == null ? scope.root() : Ledger.unitPath(unit, scope.root()));
    }

    /** A page of items with their units' names, read in one query for the page; the count stops at a bound. */
    private Page<ItemViews.ItemView> views(Ledger.Selection selected, int page, int size) {
        var today = clock.today();
        return Page.ofRows(selected.byDeadline(), selected.count(), page, size, items -> {
            Map<String, String> names = ReplicatedOrgUnit.names(items.stream().map(item -> item.orgCode).toList());
            return items.stream().map(item -> ItemViews.ItemView.of(item, names.get(item.orgCode), today,
                    rules.warning())).toList();
        });
    }
}
