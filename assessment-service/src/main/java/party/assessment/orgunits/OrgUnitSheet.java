package party.assessment.orgunits;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import party.common.events.OrgLevel;
import party.common.json.StrictJson;
import party.common.sheets.UploadedSheet;

/**
 * A committee's list of units as it keeps it in Excel (or CSV): a row per unit in the columns of {@link Column},
 * under a header row naming them, in any order; rows above the header (a title) and blank rows are skipped, columns
 * it does not name are read as empty. A parent's row comes before its children's. Each row becomes the request to
 * create its unit, or the reason it cannot.
 */
final class OrgUnitSheet {

    /** The columns, each with the field of {@link OrgUnitCommands.Create} it fills. */
    enum Column {
        CODE("编码", "code"), NAME("名称", "name"), LEVEL("层级", "level"), CATEGORY("类别", "category"),
        PARENT("上级编码", "parentCode");

        final String header;
        /** as the JSON request names it: a cell's text is held to the rules of that field */
        final String field;

        Column(String header, String field) {
            this.header = header;
            this.field = field;
        }
    }

    /** The short names committees write besides the full ones ({@link OrgLevel#label()}). */
    private static final Map<String, OrgLevel> SHORT_LEVELS = Map.of("县级", OrgLevel.COUNTY, "乡镇级",
            OrgLevel.TOWNSHIP, "村级", OrgLevel.GRASSROOTS);
    /** Cells read of each row: ours and columns of the committee's own (序号, 备注) placed among them. */
    private static final int CELLS_READ = 20;

    private OrgUnitSheet() {
    }

    /** A row read: the unit it asks for, or which column is wrong and why. */
    record Line(int line, OrgUnitCommands.Create create, String column, String reason) {
    }

    /** The sheet's column for a field of the request ({@code parentCode} → 上级编码). */
    static String column(String field) {
        return Arrays.stream(Column.values()).filter(column -> column.field.equals(field)).findFirst()
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
                return new Line(row.line(), null, column.header, fault);
            }
            cells.put(column, text);
        }
        Optional<OrgLevel> level = level(cells.get(Column.LEVEL));
        if (level.isEmpty()) {
            return new Line(row.line(), null, Column.LEVEL.header, "'" + cells.get(Column.LEVEL) + "' is none of "
                    + String.join(", ", Arrays.stream(OrgLevel.values())
                            .map(l -> l.label() + " (" + l.name().toLowerCase(Locale.ROOT) + ")").toList()));
        }
        return new Line(row.line(), new OrgUnitCommands.Create(empty(cells.get(Column.CODE)),
                empty(cells.get(Column.NAME)), level.get(), empty(cells.get(Column.CATEGORY)),
                empty(cells.get(Column.PARENT))), null, null);
    }

    /** A level by its name (县（市、区）级, with either kind of brackets), its short name (县级) or its code (county). */
    private static Optional<OrgLevel> level(String text) {
        String name = text.replace('(', '（').replace(')', '）');
        return Arrays.stream(OrgLevel.values())
                .filter(level -> level.label().equals(name) || level.name().equalsIgnoreCase(text)
                        || level == SHORT_LEVELS.get(text))
                .findFirst();
    }

    private static String empty(String text) {
        return text.isEmpty() ? null : text;
    }
}
