package party.rectification.ledger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.hibernate.jpa.HibernateHints;
import party.common.sheets.PrintedSheet;
import party.orgreplica.ReplicatedOrgUnit;
import party.orgreplica.persons.NamedPerson;
import party.rectification.items.CommitteeClock;
import party.rectification.items.RectificationItem;
import party.rectification.items.RectificationRules;
import party.rectification.items.Warning;

/**
 * The ledger as a workbook, streamed: items are read through a cursor and written on to the client a batch at a
 * time, so neither the ledger nor its workbook is ever held in memory whole, however large it grows.
 */
@ApplicationScoped
public class LedgerExport {

    /** Items fetched from the database at a time, and rows handed to the client at a time. */
    private static final int BATCH = 1000;
    private static final List<String> HEADER = List.of("编号", "责任单位", "问题来源", "问题", "整改类型", "责任人",
            "督办单位", "整改措施", "发现日期", "整改期限", "状态", "预警", "逾期", "销号日期");

    private final CommitteeClock clock;
    private final RectificationRules rules;

    public LedgerExport(CommitteeClock clock, RectificationRules rules) {
        this.clock = clock;
        this.rules = rules;
    }

    /**
     * Writes the query's items to {@code out} through one database cursor, letting go of each batch once written.
     *
     * @param unit the unit the ledger was filtered to, named in its title; null for the caller's whole scope
     */
    @Transactional // PostgreSQL reads through a cursor only in a transaction; outside one it fetches all rows at once
    void write(PanacheQuery<RectificationItem> query, String unit, OutputStream out) throws IOException {
        LocalDate today = clock.today();
        var em = RectificationItem.getEntityManager();
        var names = new UnitNames();
        try (Stream<RectificationItem> items = query.withHint(HibernateHints.HINT_FETCH_SIZE, BATCH)
                .withHint(HibernateHints.HINT_READ_ONLY, true).stream();
             var workbook = new Workbook(out, "rectification-service", "1.0")) {
            PrintedSheet sheet = PrintedSheet.streamed(workbook, "整改台账",
                    (unit == null ? "" : names.of(unit)) + "整改台账", today, HEADER).wide(3, 7);
            int row = 1;
            for (Iterator<RectificationItem> each = items.iterator(); each.hasNext(); row++) {
                write(sheet, each.next(), today, names);
                if (row % BATCH == 0) {
                    sheet.flush();
                    em.clear();
                }
            }
        }
    }

    /** Units' names by code, each read once: a ledger names few units many times over. */
    private static final class UnitNames {

        private final Map<String, String> byCode = new HashMap<>();

        /** @return the unit's name, or its code when the replica does not know it (yet) */
        String of(String code) {
            return code == null ? null : byCode.computeIfAbsent(code, c -> {
                String name = ReplicatedOrgUnit.nameOf(c);
                return name == null ? c : name;
            });
        }
    }

    /** The responsible leader's name, marked when it is not the registry's. */
    private static String leader(RectificationItem item) {
        return new NamedPerson(item.responsibleLeaderId, item.responsibleLeader).outsideRegistry()
                ? item.responsibleLeader + "（非名册人员）" : item.responsibleLeader;
    }

    private void write(PrintedSheet sheet, RectificationItem item, LocalDate today, UnitNames names) {
        boolean open = item.state.isOpen();
        sheet.row(item.number, names.of(item.orgCode), item.source.label(), item.problem, item.timingClass.label(),
                leader(item), names.of(item.supervisingUnit), item.measures, item.foundOn, item.deadline,
                item.state.label(), open ? label(Warning.of(item.deadline, today, rules.warning())) : "",
                item.isOverdue(today) ? "是" : "", item.closedOn);
    }

    private static String label(Warning warning) {
        return switch (warning) {
            case GREEN -> "绿";
            case YELLOW -> "黄";
            case RED -> "红";
        };
    }
}
