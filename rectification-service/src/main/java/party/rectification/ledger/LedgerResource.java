package party.rectification.ledger;

import jakarta.annotation.security.RolesAllowed;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import party.common.paging.Page;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;
import party.common.scope.Roles;
import party.rectification.items.Calendar;
import party.rectification.items.ItemState;
import party.rectification.items.ItemViews;
import party.rectification.items.RectificationItem;
import party.rectification.items.RectificationRules;

/** The ledger 台账 of the items in the caller's scope: filtered pages, the .xlsx export, per-unit figures. */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR, Roles.DISCIPLINE, Roles.UNIT_LEADER, Roles.INTEGRATION})
public class LedgerResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Ledger ledger;
    private final LedgerExport export;
    private final Calendar calendar;
    private final RectificationRules rules;
    private final OrgScope scope;

    public LedgerResource(Ledger ledger, LedgerExport export, Calendar calendar, RectificationRules rules, OrgScope scope) {
        this.ledger = ledger;
        this.export = export;
        this.calendar = calendar;
        this.rules = rules;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "Items in scope by deadline; filter by unit subtree, source, state, warning colour, overdue, deadline")
    public Page<ItemViews.ItemView> page(@BeanParam LedgerFilter filter,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var today = calendar.today();
        return Page.of(ledger.query(filter, scope.root()), page, size,
                item -> ItemViews.ItemView.of(item, today, rules.warning()));
    }

    @GET
    @Path("/export.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The filtered ledger as an .xlsx workbook")
    public Response exportXlsx(@BeanParam LedgerFilter filter) throws IOException {
        var query = ledger.query(filter, scope.root());
        return Response.ok(export.write(query)).header("Content-Disposition",
                "attachment; filename=\"rectification-ledger.xlsx\"").build();
    }

    @GET
    @Path("/escalated")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INSPECTOR, Roles.UNIT_LEADER})
    @Operation(summary = "Overdue items of the units directly below the caller's, escalated to its leaders (提级督办)")
    public Page<ItemViews.ItemView> escalated(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var today = calendar.today();
        var query = RectificationItem.<RectificationItem>find("escalatedTo = ?1 and state in ?2 order by deadline, number",
                scope.root(), ItemState.OPEN);
        return Page.of(query, page, size, item -> ItemViews.ItemView.of(item, today, rules.warning()));
    }

    @GET
    @Path("/figures")
    @Operation(summary = "Per unit of the subtree: on-time closure rate, overdue count, reopen rate")
    public List<LedgerViews.UnitFigures> figures(@QueryParam("unit") String unit) {
        String subtree = unit == null ? scope.root() : Ledger.unitPath(unit, scope.root());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = RectificationItem.getEntityManager().createNativeQuery("""
                select i.org_code, u.name, i.org_path, count(*),
                       count(*) filter (where i.state in (:open)),
                       count(*) filter (where i.state in (:open) and i.deadline < :today),
                       count(*) filter (where i.closed_on is not null),
                       count(*) filter (where i.closed_on is not null and i.on_time),
                       count(*) filter (where i.reopen_count > 0),
                       count(*) filter (where i.closed_on is not null or i.reopen_count > 0)
                from rectification_item i left join org_unit_replica u on u.code = i.org_code
                where i.org_path = :subtree or i.org_path like :below
                group by i.org_code, u.name, i.org_path order by i.org_path""")
                .setParameter("open", ItemState.OPEN.stream().map(Enum::name).toList())
                .setParameter("today", calendar.today())
                .setParameter("subtree", subtree)
                .setParameter("below", OrgPath.descendantsPattern(subtree))
                .getResultList();
        return rows.stream().map(r -> new LedgerViews.UnitFigures((String) r[0], (String) r[1], (String) r[2],
                count(r[3]), count(r[4]), count(r[5]), count(r[6]), count(r[7]), rate(r[7], r[6]), count(r[8]),
                rate(r[8], r[9]))).toList();
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal rate(Object part, Object whole) {
        return count(whole) == 0 ? null
                : BigDecimal.valueOf(count(part)).divide(BigDecimal.valueOf(count(whole)), 4, RoundingMode.HALF_UP);
    }
}
