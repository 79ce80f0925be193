package party.rectification.ledger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import party.common.paging.Page;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;
import party.orgreplica.ReplicatedOrgUnit;
import party.rectification.items.CommitteeClock;
import party.rectification.items.ItemState;
import party.rectification.items.RectificationItem;
import party.rectification.items.RectificationRules;
import party.rectification.items.Source;

/** The ledger 台账 query: the caller's scope and the filters, as one indexed query ordered by deadline. */
@ApplicationScoped
public class Ledger {

    private final CommitteeClock clock;
    private final RectificationRules rules;

    public Ledger(CommitteeClock clock, RectificationRules rules) {
        this.clock = clock;
        this.rules = rules;
    }

    /** The items a filter selects in the caller's scope: what the ledger's pages, their count and the export read. */
    public record Selection(String condition, Parameters parameters) {

        public PanacheQuery<RectificationItem> byDeadline() {
            return RectificationItem.find(condition + " order by deadline, number", parameters);
        }

        public Page.BoundedCount count() {
            return Page.counting(RectificationItem.class, condition, parameters);
        }
    }

    public Selection select(LedgerFilter filter, OrgScope scope) {
        LocalDate today = clock.today();
        List<String> where = new ArrayList<>(List.of(OrgScope.condition("orgPath")));
        Parameters parameters = scope.parameters();
        if (filter.unit != null) {
            String unit = unitPath(filter.unit, scope.root());
            where.add(OrgScope.within("orgPath", "unit"));
            OrgScope.bind(parameters, "unit", unit);
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
            filter.warning.narrow(where, parameters, today, rules.warning());
        }
        if (Boolean.TRUE.equals(filter.overdue)) {
            where.add("deadline < :today");
            parameters.and("today", today);
        }
        if (filter.person != null) {
            where.add("responsibleLeaderId = :person");
            parameters.and("person", filter.person);
        }
        if (filter.year != null) {
            where.add("foundOn <= :yearEnd and (closedOn is null or closedOn >= :yearStart) and state <> :withdrawn");
            parameters.and("withdrawn", ItemState.WITHDRAWN);
            parameters.and("yearStart", LocalDate.of(filter.year, 1, 1)).and("yearEnd", LocalDate.of(filter.year, 12, 31));
        }
        if (filter.q != null && !filter.q.isBlank()) {
            where.add("(locate(:q, problem) > 0 or locate(lower(:q), lower(number)) > 0 "
                    + "or locate(:q, responsibleLeader) > 0)");
            parameters.and("q", filter.q.strip());
        }
        if (filter.deadlineFrom != null) {
            where.add("deadline >= :deadlineFrom");
            parameters.and("deadlineFrom", filter.deadlineFrom);
        }
        if (filter.deadlineTo != null) {
            where.add("deadline <= :deadlineTo");
            parameters.and("deadlineTo", filter.deadlineTo);
        }
        return new Selection(String.join(" and ", where), parameters);
    }

    /**
     * Per unit of the subtree at this path, the figures of its own items; or, rolled up, per unit directly below it
     * (with the items of its whole subtree) and the unit itself (with its own), as a city reads its counties. A
     * withdrawn item counts nowhere.
     */
    public List<LedgerViews.UnitFigures> figures(String subtree, boolean rolledUp) {
        // counted per path first (a few thousand groups in a city), then per unit: grouping 100,000 items by an
        // expression over their paths costs several times more
        String counted = rolledUp ? "coalesce(nullif(split_part(substr(p.org_path, length(:prefix) + 1), '/', 1), ''), "
                + ":top)" : "p.org_code";
        var query = RectificationItem.getEntityManager().createNativeQuery("""
                with per_path as (
                    select i.org_code, i.org_path, count(*) as items,
                           count(*) filter (where i.state in (:open)) as open,
                           count(*) filter (where i.state in (:open) and i.deadline < :today) as overdue,
                           count(*) filter (where i.closed_on is not null) as closed,
                           count(*) filter (where i.closed_on is not null and i.on_time) as on_time,
                           count(*) filter (where i.reopen_count > 0) as reopened,
                           count(*) filter (where i.closed_on is not null or i.reopen_count > 0) as settled
                    from rectification_item i
                    where (i.org_path = :subtree or i.org_path like :below) and i.state <> 'WITHDRAWN'
                    group by i.org_code, i.org_path),
                counted as (
                    select %s as code, min(p.org_path) as path, sum(items) as items, sum(open) as open,
                           sum(overdue) as overdue, sum(closed) as closed, sum(on_time) as on_time,
                           sum(reopened) as reopened, sum(settled) as settled
                    from per_path p group by 1)
                select c.code, u.name, coalesce(u.path, c.path), c.items, c.open, c.overdue, c.closed, c.on_time,
                       c.reopened, c.settled
                from counted c left join org_unit_replica u on u.code = c.code
                order by 3""".formatted(counted))
                .setParameter("open", ItemState.OPEN.stream().map(Enum::name).toList())
                .setParameter("today", clock.today())
                .setParameter("subtree", subtree)
                .setParameter("below", OrgPath.descendantsPattern(subtree));
        if (rolledUp) {
            query.setParameter("prefix", subtree.endsWith("/") ? subtree : subtree + "/")
                    .setParameter("top", subtree.substring(subtree.lastIndexOf('/') + 1));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new LedgerViews.UnitFigures((String) r[0], (String) r[1], (String) r[2],
                count(r[3]), count(r[4]), count(r[5]), count(r[6]), count(r[7]), rate(r[7], r[6]), count(r[8]),
                rate(r[8], r[9]))).toList();
    }

    /**
     * A subtree's last twelve months (items issued, closed, closed on time, fallen overdue, each in the month it
     * happened) and its items per source, in two queries. Each date is counted by months where the items are read
     * (a materialized set of the subtree's items, read three times, cost five times more).
     */
    public LedgerViews.Trend trend(String subtree) {
        LocalDate today = clock.today();
        LocalDate first = today.withDayOfMonth(1).minusMonths(11);
        var em = RectificationItem.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> happened = em.createNativeQuery("""
                with scoped as not materialized (
                    select found_on, deadline, closed_on, on_time from rectification_item i
                    where (i.org_path = :subtree or i.org_path like :below) and i.state <> 'WITHDRAWN')
                select to_char(month, 'YYYY-MM'), sum(issued), sum(closed), sum(on_time), sum(overdue) from (
                    select date_trunc('month', cast(found_on as timestamp)) as month, count(*) as issued,
                           0 as closed, 0 as on_time, 0 as overdue
                    from scoped where found_on >= :first group by 1
                    union all
                    select date_trunc('month', cast(closed_on as timestamp)), 0, count(*),
                           count(*) filter (where on_time), 0
                    from scoped where closed_on >= :first group by 1
                    union all
                    select date_trunc('month', cast(deadline as timestamp)), 0, 0, 0, count(*) from scoped
                    where deadline >= :first and deadline < :today and (closed_on is null or closed_on > deadline)
                    group by 1
                ) counted where month <= :today group by month""")
                .setParameter("subtree", subtree).setParameter("below", OrgPath.descendantsPattern(subtree))
                .setParameter("first", first).setParameter("today", today).getResultList();
        Map<String, Object[]> byMonth = happened.stream().collect(Collectors.toMap(r -> (String) r[0], r -> r));
        List<LedgerViews.Month> months = new ArrayList<>();
        for (LocalDate month = first; !month.isAfter(today); month = month.plusMonths(1)) {
            String key = month.toString().substring(0, 7);
            Object[] r = byMonth.getOrDefault(key, new Object[] {key, 0, 0, 0, 0});
            months.add(new LedgerViews.Month(key, count(r[1]), count(r[2]), count(r[3]), count(r[4])));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> perSource = em.createNativeQuery("""
                select source, count(*), count(*) filter (where state in (:open)),
                       count(*) filter (where state in (:open) and deadline < :today),
                       count(*) filter (where closed_on is not null), count(*) filter (where closed_on is not null and on_time)
                from rectification_item i
                where (i.org_path = :subtree or i.org_path like :below) and i.state <> 'WITHDRAWN'
                group by source""")
                .setParameter("open", ItemState.OPEN.stream().map(Enum::name).toList()).setParameter("today", today)
                .setParameter("subtree", subtree).setParameter("below", OrgPath.descendantsPattern(subtree))
                .getResultList();
        List<LedgerViews.BySource> sources = perSource.stream().map(r -> {
            Source source = Source.valueOf((String) r[0]);
            return new LedgerViews.BySource(source, source.label(), count(r[1]), count(r[2]), count(r[3]), count(r[4]),
                    count(r[5]), rate(r[5], r[4]));
        }).sorted(Comparator.comparing(LedgerViews.BySource::items).reversed()).toList();
        return new LedgerViews.Trend(months, sources);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal rate(Object part, Object whole) {
        return count(whole) == 0 ? null
                : BigDecimal.valueOf(count(part)).divide(BigDecimal.valueOf(count(whole)), 4, RoundingMode.HALF_UP);
    }

    /** The path of a unit named in a filter (a 400 for one outside the scope, as for one that does not exist). */
    static String unitPath(String code, String scope) {
        return ReplicatedOrgUnit.withinScope(code, scope, "unit").path;
    }
}
