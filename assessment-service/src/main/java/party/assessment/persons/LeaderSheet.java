package party.assessment.persons;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import party.common.json.StrictJson;
import party.common.sheets.UploadedSheet;

/**
 * A committee's list of leaders as it keeps it in Excel (or CSV), one appointment a row, in the columns of
 * {@link #COLUMNS}; a first row naming them is skipped, as are blank rows. Each row becomes a registration, or the
 * reason it cannot.
 */
final class LeaderSheet {

    /** The columns, in order; 任职结束 and the last three may be empty. */
    static final List<String> COLUMNS = List.of("姓名", "单位编码", "职务", "任职起始", "任职结束", "分管业务", "党建职责",
            "账号");
    /** The same, as the fields of a registration name them: a refusal names the sheet's column either way. */
    private static final List<String> FIELDS = List.of("name", "unit", "post", "termStart", "termEnd", "businessAreas",
            "partyDuties", "account");

    private LeaderSheet() {
    }

    /** A row read: the registration it asks for, or which column is wrong and why. */
    record Line(int line, PersonCommands.Register register, String column, String reason) {
    }

    /** The sheet's column for a field of a registration ({@code appointment.termStart} → 任职起始). */
    static String column(String field) {
        int index = field == null ? -1 : FIELDS.indexOf(field.replaceFirst("^appointment\\.", ""));
        return index < 0 ? field : COLUMNS.get(index);
    }

    static List<Line> read(InputStream in, String mediaType) throws IOException {
        var lines = new ArrayList<Line>();
        for (UploadedSheet.Row row : UploadedSheet.read(in, mediaType, COLUMNS.size())) {
            if (row.blank() || (lines.isEmpty() && row.cell(0).equals(COLUMNS.get(0)))) {
                continue;
            }
            lines.add(line(row));
        }
        return lines;
    }

    private static Line line(UploadedSheet.Row row) {
        for (int column = 0; column < COLUMNS.size(); column++) {
            String fault = StrictJson.fault(FIELDS.get(column), row.cell(column)); // as for the same field in JSON
            if (fault != null) {
                return refused(row, column, fault);
            }
        }
        Optional<Post> post = post(row.cell(2));
        if (post.isEmpty()) {
            return refused(row, 2, "不是已知职务: " + row.cell(2) + " (书记, 副书记, 班子成员, 纪委书记, 组织委员)");
        }
        Optional<LocalDate> start = UploadedSheet.date(row.cell(3));
        if (start.isEmpty()) {
            return refused(row, 3, "不是日期: '" + row.cell(3) + "' (如 2026-01-01)");
        }
        Optional<LocalDate> end = row.cell(4).isEmpty() ? Optional.empty() : UploadedSheet.date(row.cell(4));
        if (!row.cell(4).isEmpty() && end.isEmpty()) {
            return refused(row, 4, "不是日期: '" + row.cell(4) + "'");
        }
        var appointment = new PersonCommands.Appoint(row.cell(1), post.get(), empty(row.cell(5)), empty(row.cell(6)),
                start.get(), end.orElse(null));
        return new Line(row.line(), new PersonCommands.Register(row.cell(0), empty(row.cell(7)), appointment), null,
                null);
    }

    /** A post by its code or by the words a sheet uses for it (书记, 书记（第一责任人）, 副书记 …). */
    static Optional<Post> post(String text) {
        return Arrays.stream(Post.values())
                .filter(post -> post.name().equalsIgnoreCase(text) || post.label().equals(text)
                        || post.label().replaceAll("（.*）", "").equals(text))
                .findFirst();
    }

    private static Line refused(UploadedSheet.Row row, int column, String reason) {
        return new Line(row.line(), null, COLUMNS.get(column), reason);
    }

    private static String empty(String text) {
        return text.isEmpty() ? null : text;
    }
}
