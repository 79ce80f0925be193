package party.rectification.ledger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import party.common.problem.ProblemException;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;
import party.orgreplica.ReplicatedOrgUnit;
import party.rectification.items.Calendar;
import party.rectification.items.ItemState;
import party.rectification.items.RectificationItem;
import party.rectification.items.RectificationRules;

/** The ledger 台账 query: the caller's scope and the filters, as one indexed query ordered by deadline. */
@ApplicationScoped
public class Ledger {

    private final Calendar calendar;
    private final RectificationRules rules;

    public Ledger(Calendar calendar, RectificationRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    public PanacheQuery<RectificationItem> query(LedgerFilter filter, String scope) {
        LocalDate today = calendar.today();
        List<String> where = new ArrayList<>(List.of(OrgScope.condition("orgPath")));
        Parameters parameters = Parameters.with("scope", scope).and("below", OrgPath.descendantsPattern(scope));
        if (filter.unit != null) {
            String unit = unitPath(filter.unit, scope);
            where.add("(orgPath = :unit or orgPath like :unitBelow)");
            parameters.and("unit", unit).and("unitBelow", OrgPath.descendantsPattern(unit));
        }
        if (filter.source != null) {
            where.add("source = :source");
            parameters.and("source", filter.source);
        }
        if (filter.state != null) {
            where.add("state = :state");
            parameters.and("state", filter.state);
        }
        if (filter.warning != null || Boolean.TRUE.equals(filter.overdue)) {
            where.add("state in :open");
            parameters.and("open", ItemState.OPEN);
        }
        if (filter.warning != null) {
            LocalDate from = filter.warning.deadlineFrom(today, rules.warning());
            LocalDate to = filter.warning.deadlineTo(today, rules.warning());
            if (from != null) {
                where.add("deadline >= :warningFrom");
                parameters.and("warningFrom", from);
            }
            if (to != null) {
                where.add("deadline <= :warningTo");
                parameters.and("warningTo", to);
            }
        }
        if (Boolean.TRUE.equals(filter.overdue)) {
            where.add("deadline < :today");
            parameters.and("today", today);
        }
        if (filter.deadlineFrom != null) {
            where.add("deadline >= :deadlineFrom");
            parameters.and("deadlineFrom", filter.deadlineFrom);
        }
        if (filter.deadlineTo != null) {
            where.add("deadline <= :deadlineTo");
            parameters.and("deadlineTo", filter.deadlineTo);
        }
        return RectificationItem.find(String.join(" and ", where) + " order by deadline, number", parameters);
    }

    /** The path of a unit named in a filter; a unit outside the scope is answered like one that does not exist. */
    static String unitPath(String code, String scope) {
        ReplicatedOrgUnit unit = ReplicatedOrgUnit.findById(code);
        if (unit == null || !OrgPath.isWithin(unit.path, scope)) {
            throw new ProblemException(Status.BAD_REQUEST, "unknown-org-unit", "组织不存在",
                    "no org unit " + code + " within " + scope, "unit");
        }
        return unit.path;
    }
}
