package party.rectification.ledger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import party.rectification.items.Calendar;
import party.rectification.items.RectificationItem;
import party.rectification.items.RectificationRules;
import party.rectification.items.Warning;

/** The ledger as a workbook, written page by page so a large ledger never sits in memory at once. */
@ApplicationScoped
public class LedgerExport {

    private static final int PAGE = 1000;
    private static final List<String> HEADER = List.of("编号", "责任单位", "问题来源", "问题", "整改类型", "责任人",
            "督办单位", "整改措施", "发现日期", "整改期限", "状态", "预警", "逾期", "销号日期");

    private final Calendar calendar;
    private final RectificationRules rules;

    public LedgerExport(Calendar calendar, RectificationRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    /** Reads the ledger a page at a time, letting go of each page, and returns the finished workbook. */
    byte[] write(PanacheQuery<RectificationItem> query) throws IOException {
        LocalDate today = calendar.today();
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "rectification-service", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("整改台账");
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.value(0, c, HEADER.get(c));
                sheet.style(0, c).bold().set();
            }
            int row = 1;
            List<RectificationItem> items = query.page(0, PAGE).list();
            while (!items.isEmpty()) {
                for (RectificationItem item : items) {
                    write(sheet, row++, item, today);
                }
                sheet.flush();
                RectificationItem.getEntityManager().clear();
                items = items.size() < PAGE ? List.of() : query.nextPage().list();
            }
        }
        return bytes.toByteArray();
    }

    private void write(Worksheet sheet, int row, RectificationItem item, LocalDate today) {
        boolean open = item.state.isOpen();
        Object[] cells = {item.number, item.orgCode, item.source.label(), item.problem, item.timingClass.label(),
                item.responsibleLeader, item.supervisingUnit, item.measures, item.foundOn, item.deadline,
                item.state.label(), open ? label(Warning.of(item.deadline, today, rules.warning())) : "",
                item.isOverdue(today) ? "是" : "", item.closedOn};
        for (int c = 0; c < cells.length; c++) {
            Object cell = cells[c];
            if (cell instanceof LocalDate date) {
                sheet.value(row, c, date);
                sheet.style(row, c).format("yyyy-mm-dd").set();
            } else if (cell != null) {
                sheet.value(row, c, cell.toString());
            }
        }
    }

    private static String label(Warning warning) {
        return switch (warning) {
            case GREEN -> "绿";
            case YELLOW -> "黄";
            case RED -> "红";
        };
    }
}
