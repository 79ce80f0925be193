package party.rectification.items;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import party.common.json.StrictJson;
import party.common.sheets.UploadedSheet;

/**
 * An inspection's list of problems (巡察反馈问题清单) as the inspection office keeps it in Excel (or CSV): a row per
 * problem in the columns of {@link Column}, under a header row naming them, in any order; rows above the header (a
 * title) and blank rows are skipped, columns it does not name are read as empty. Each row becomes the request to
 * issue its item, or the reason it cannot; 责任人 is a name, which the issuing matches against the registry.
 */
final class ItemSheet {

    /** The columns, each with the field of {@link ItemCommands.Issue} it fills. */
    enum Column {
        UNIT("责任单位编码", "unit"), SOURCE("问题来源", "source"), TIMING_CLASS("整改类型", "timingClass"),
        PROBLEM("问题描述", "problem"), PUBLIC_SUMMARY("公开摘要", "publicSummary"),
        LEADER("责任人", "responsibleLeader"), FOUND_ON("发现日期", "foundOn"), DEADLINE("整改时限", "deadline");

        final String header;
        /** as the JSON request names it: a cell's text is held to the rules of that field */
        final String field;

        Column(String header, String field) {
            this.header = header;
            this.field = field;
        }
    }

    /** Cells read of each row: ours and columns of the office's own (序号, 备注) placed among them. */
    private static final int CELLS_READ = 30;

    private ItemSheet() {
    }

    /** A row read: the item it asks for, or which column is wrong and why. */
    record Line(int line, ItemCommands.Issue issue, String column, String reason) {
    }

    /** The sheet's column for a field of the request; the leader's id is the 责任人 the row names. */
    static String column(String field) {
        String named = field == null ? null : field.replaceFirst("Id$", "");
        return Arrays.stream(Column.values()).filter(column -> column.field.equals(named)).findFirst()
                .map(column -> column.header).orElse(field);
    }

    static List<Line> read(InputStream in, String mediaType) throws IOException {
        UploadedSheet.Table table = UploadedSheet.table(in, mediaType, CELLS_READ,
                Arrays.stream(Column.values()).map(c -> c.header).toList());
        return table.rows().stream().map(row -> line(row, table)).toList();
    }

    private static Line line(UploadedSheet.Row row, UploadedSheet.Table table) {
        var cells = new EnumMap<Column, String>(Column.class);
        for (Column column : Column.values()) {
            String text = table.cell(row, column.header);
            String fault = StrictJson.fault(column.field, text); // as for the same field in JSON
            if (fault != null) {
                return refused(row, column, fault);
            }
            cells.put(column, text);
        }
        Optional<Source> source = named(cells.get(Column.SOURCE), Source.values(), Source::label);
        if (source.isEmpty()) {
            return refused(row, Column.SOURCE, noneOf(cells.get(Column.SOURCE), Source.values(), Source::label));
        }
        Optional<TimingClass> timing = named(cells.get(Column.TIMING_CLASS), TimingClass.values(), TimingClass::label);
        if (timing.isEmpty()) {
            return refused(row, Column.TIMING_CLASS, noneOf(cells.get(Column.TIMING_CLASS), TimingClass.values(),
                    TimingClass::label));
        }
        LocalDate[] days = new LocalDate[2];
        Column[] dated = {Column.FOUND_ON, Column.DEADLINE};
        for (int i = 0; i < dated.length; i++) {
            String text = cells.get(dated[i]);
            Optional<LocalDate> day = text.isEmpty() ? Optional.empty() : UploadedSheet.date(text);
            if (!text.isEmpty() && day.isEmpty()) {
                return refused(row, dated[i], "'" + text + "' is not a date (as 2026-01-01)");
            }
            days[i] = day.orElse(null);
        }
        return new Line(row.line(), new ItemCommands.Issue(source.get(), timing.get(),
                empty(cells.get(Column.PROBLEM)), empty(cells.get(Column.UNIT)), empty(cells.get(Column.LEADER)),
                null, null, days[0], days[1], empty(cells.get(Column.PUBLIC_SUMMARY))), null, null);
    }

    /** A value by its Chinese name (巡察) or its code (INSPECTION). */
    private static <T extends Enum<T>> Optional<T> named(String text, T[] values, Function<T, String> label) {
        return Arrays.stream(values).filter(v -> label.apply(v).equals(text) || v.name().equalsIgnoreCase(text))
                .findFirst();
    }

    private static <T extends Enum<T>> String noneOf(String text, T[] values, Function<T, String> label) {
        return (text.isEmpty() ? "empty" : "'" + text + "' is none") + " of " + String.join(", ",
                Arrays.stream(values).map(v -> label.apply(v) + " (" + v.name() + ")").toList());
    }

    private static Line refused(UploadedSheet.Row row, Column column, String reason) {
        return new Line(row.line(), null, column.header, reason);
    }

    private static String empty(String text) {
        return text.isEmpty() ? null : text;
    }
}
