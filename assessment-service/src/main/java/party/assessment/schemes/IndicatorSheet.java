package party.assessment.schemes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import party.assessment.scoring.Departments;
import party.assessment.scoring.Dimension;
import party.assessment.scoring.Indicator;
import party.assessment.scoring.Method;
import party.common.json.StrictJson;
import party.common.problem.Problem;
import party.common.problem.Refusal;
import party.common.sheets.PrintedSheet;
import party.common.sheets.UploadedSheet;

/**
 * A scheme's indicator tree as a committee keeps it in Excel (or CSV): a row per indicator in the columns of
 * {@link Column}, under a header row naming them, in any order; rows above the header (an export's title) and blank
 * rows are skipped, columns it does not name are read as empty. Consecutive rows of one 维度编码 make a dimension.
 * The downloaded sheet reads back as the same tree, so it doubles as the template. Counting an indicator from duty
 * records ({@link Method#records()}) is not carried: a sheet's indicators are all reported.
 */
final class IndicatorSheet {

    /** The columns in the order the download writes them, each with the definition's field it fills. */
    enum Column {
        DIMENSION_CODE("维度编码", "code"), DIMENSION("维度", "name"), WEIGHT("维度权重", "weight"),
        CODE("指标编码", "code"), NAME("指标", "name"), POINTS("分值", "points"), DEPARTMENT("责任部门", "department"),
        METHOD("评分方法", "kind"), TARGET("目标值", "target"), COMPARISON("比较", "comparison"), UNIT("计量单位", "unit"),
        PER_OCCURRENCE("每次分值", "perOccurrence"), FLOOR("下限", "floor"), CAP("封顶", "cap"),
        GRADE_POINTS("等次分值", "gradePoints"), CAP_GRADE("否决等次", "capGrade"), CATEGORIES("适用类别", "categories"),
        EVIDENCE("佐证材料", "evidence");

        final String header;
        /** as the JSON definition names it: a cell's text is held to the rules of that field */
        final String field;

        Column(String header, String field) {
            this.header = header;
            this.field = field;
        }
    }

    static final String SHEET_NAME = "考核指标";
    /** Cells read of each row: ours and columns of the committee's own (序号, 备注) placed among them. */
    private static final int CELLS_READ = 40;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private IndicatorSheet() {
    }

    /**
     * The tree the sheet holds. Every row or none: a row that cannot be read refuses the sheet, listing each refused
     * cell as "row n 列名". Whether the tree makes a sound scheme is for the scheme's validation to say.
     */
    static List<Dimension> read(InputStream in, String mediaType) throws IOException {
        UploadedSheet.Table table = UploadedSheet.table(in, mediaType, CELLS_READ,
                Arrays.stream(Column.values()).map(column -> column.header).toList());
        var tree = new Tree();
        var refused = new ArrayList<Problem.FieldError>();
        var refusedRows = new TreeSet<Integer>();
        for (UploadedSheet.Row row : table.rows()) {
            var line = new Line(row, table);
            tree.add(line);
            if (!line.wrong.isEmpty()) {
                refused.addAll(line.errors());
                refusedRows.add(row.line());
            }
        }
        if (!refused.isEmpty()) {
            throw Refusal.INVALID_SHEET_ROW.becauseOfEach(refusedRows.size() + " rows cannot be read, so no indicator "
                    + "was changed; correct them and send the sheet again", refused);
        }
        return tree.dimensions();
    }

    /** The scheme's tree as a workbook of one sheet, 考核指标, in every column: the sheet {@link #read} reads. */
    static byte[] workbook(Scheme scheme) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "assessment-service", "1.0")) {
            PrintedSheet sheet = PrintedSheet.start(workbook, SHEET_NAME, scheme.title, LocalDate.now(ZONE),
                    Arrays.stream(Column.values()).map(column -> column.header).toList())
                    .wide(Column.NAME.ordinal(), Column.EVIDENCE.ordinal());
            for (Dimension dimension : scheme.definition.dimensions()) {
                for (Indicator indicator : dimension.indicators()) {
                    sheet.row(cells(dimension, indicator));
                }
            }
        }
        return bytes.toByteArray();
    }

    private static Object[] cells(Dimension dimension, Indicator indicator) {
        Method method = indicator.method();
        var cells = new Object[Column.values().length];
        cells[Column.DIMENSION_CODE.ordinal()] = dimension.code();
        cells[Column.DIMENSION.ordinal()] = dimension.name();
        cells[Column.WEIGHT.ordinal()] = dimension.weight();
        cells[Column.CODE.ordinal()] = indicator.code();
        cells[Column.NAME.ordinal()] = indicator.name();
        cells[Column.POINTS.ordinal()] = indicator.points();
        cells[Column.DEPARTMENT.ordinal()] = Departments.name(indicator.department());
        cells[Column.METHOD.ordinal()] = method.kind().label();
        cells[Column.TARGET.ordinal()] = method.target();
        cells[Column.COMPARISON.ordinal()] = method.comparison() == null ? null : method.comparison().label();
        cells[Column.UNIT.ordinal()] = method.unit();
        cells[Column.PER_OCCURRENCE.ordinal()] = method.perOccurrence();
        cells[Column.FLOOR.ordinal()] = method.floor();
        cells[Column.CAP.ordinal()] = method.cap();
        cells[Column.GRADE_POINTS.ordinal()] = method.gradePoints() == null ? null
                : String.join("；", method.gradePoints().entrySet().stream()
                        .map(grade -> grade.getKey() + "=" + grade.getValue().toPlainString()).toList());
        cells[Column.CAP_GRADE.ordinal()] = method.capGrade();
        cells[Column.CATEGORIES.ordinal()] = indicator.categories() == null ? null
                : String.join("、", indicator.categories());
        cells[Column.EVIDENCE.ordinal()] = indicator.evidence();
        return cells;
    }

    /** A row read: its cells as the definition's values, and what is wrong with them, each under its column. */
    private static final class Line {

        final UploadedSheet.Row row;
        final List<Wrong> wrong = new ArrayList<>();
        private final Map<Column, String> cells = new EnumMap<>(Column.class);
        final String dimensionCode;
        final String dimensionName;
        final BigDecimal weight;
        final Indicator indicator;

        Line(UploadedSheet.Row row, UploadedSheet.Table table) {
            this.row = row;
            for (Column column : Column.values()) {
                cells.put(column, table.cell(row, column.header));
            }
            dimensionCode = required(Column.DIMENSION_CODE);
            dimensionName = text(Column.DIMENSION);
            weight = number(Column.WEIGHT);
            String code = required(Column.CODE);
            String name = required(Column.NAME);
            BigDecimal points = number(Column.POINTS);
            if (empty(Column.METHOD)) {
                wrong(Column.METHOD, "empty: one of " + names(Method.Kind.values(), Method.Kind::label));
            }
            Method.Kind kind = named(Column.METHOD, Method.Kind.values(), Method.Kind::label);
            var method = new Method(kind, number(Column.TARGET),
                    named(Column.COMPARISON, Method.Comparison.values(), Method.Comparison::label), text(Column.UNIT),
                    number(Column.PER_OCCURRENCE), number(Column.FLOOR), gradePoints(), number(Column.CAP),
                    text(Column.CAP_GRADE), null); // never counted from records: the sheet has no column for it
            indicator = new Indicator(code, name, points, department(), categories(),
                    text(Column.EVIDENCE), method);
        }

        record Wrong(Column column, String message) {
        }

        void wrong(Column column, String message) {
            wrong.add(new Wrong(column, message));
        }

        /** What is wrong, in the order of the columns, as the row's errors: "row 3 分值". */
        List<Problem.FieldError> errors() {
            return wrong.stream().sorted(Comparator.comparing(Wrong::column))
                    .map(w -> new Problem.FieldError("row " + row.line() + " " + w.column().header, w.message()))
                    .toList();
        }

        /** The owning department: a committee writes its name (组织部), reviewers' tokens carry its code. */
        private String department() {
            return Departments.code(text(Column.DEPARTMENT));
        }

        boolean empty(Column column) {
            return cells.getOrDefault(column, "").isEmpty();
        }

        /** The cell's text, held to the rules of its field in JSON; null when empty. */
        private String text(Column column) {
            String text = cells.getOrDefault(column, "");
            String fault = StrictJson.fault(column.field, text);
            if (fault != null) {
                wrong(column, fault);
            }
            return text.isEmpty() ? null : text;
        }

        private String required(Column column) {
            String text = text(column);
            if (text == null) {
                wrong(column, "empty: every row gives one");
            }
            return text;
        }

        private BigDecimal number(Column column) {
            String text = cells.getOrDefault(column, "");
            try {
                return text.isEmpty() ? null : new BigDecimal(text);
            } catch (NumberFormatException e) {
                wrong(column, "'" + text + "' is not a number");
                return null;
            }
        }

        /** A value by its Chinese name or its code; null when empty. */
        private <T extends Enum<T>> T named(Column column, T[] values, Function<T, String> label) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            Optional<T> value = Arrays.stream(values)
                    .filter(v -> label.apply(v).equals(text) || v.name().equalsIgnoreCase(text)).findFirst();
            if (value.isEmpty()) {
                wrong(column, "'" + text + "' is none of " + names(values, label));
            }
            return value.orElse(null);
        }

        /** A=10；B=8: ; or ； between grades, = or ： between a grade and its points. */
        private Map<String, BigDecimal> gradePoints() {
            String text = text(Column.GRADE_POINTS);
            if (text == null) {
                return null;
            }
            var points = new LinkedHashMap<String, BigDecimal>();
            for (String grade : text.split("[;；]")) {
                if (grade.isBlank()) {
                    continue;
                }
                String[] nameAndPoints = grade.split("[=＝：:]", 2);
                try {
                    if (nameAndPoints.length < 2 || nameAndPoints[0].isBlank()
                            || points.put(nameAndPoints[0].trim(), new BigDecimal(nameAndPoints[1].trim())) != null) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    wrong(Column.GRADE_POINTS, "'" + grade.trim() + "' is not a grade of its own with its points, "
                            + "as in A=10；B=8");
                }
            }
            return points.isEmpty() ? null : points;
        }

        /** Category codes between ; or 、; none for every category. */
        private List<String> categories() {
            String text = text(Column.CATEGORIES);
            return text == null ? null : Arrays.stream(text.split("[;；、]")).map(String::trim)
                    .filter(code -> !code.isEmpty()).toList();
        }

        private static <T extends Enum<T>> String names(T[] values, Function<T, String> label) {
            return String.join(", ", Arrays.stream(values).map(v -> label.apply(v) + " (" + v.name() + ")").toList());
        }
    }

    /** The dimensions as the rows make them, each from its consecutive rows. */
    private static final class Tree {

        private final List<Dimension> dimensions = new ArrayList<>();
        /** the row each dimension starts on, by code: a code met again further down is a mistake */
        private final Map<String, Integer> starts = new HashMap<>();
        private Dimension current;

        void add(Line line) {
            if (line.dimensionCode == null) {
                return;
            }
            if (current != null && current.code().equals(line.dimensionCode)) {
                if (line.dimensionName != null && current.name() != null
                        && !line.dimensionName.equals(current.name())) {
                    line.wrong(Column.DIMENSION, "'" + line.dimensionName + "' differs from the dimension's name on "
                            + "row " + starts.get(current.code()) + ", '" + current.name() + "'");
                }
                if (line.weight != null && current.weight() != null && line.weight.compareTo(current.weight()) != 0) {
                    line.wrong(Column.WEIGHT, line.weight.toPlainString() + " differs from the dimension's weight on "
                            + "row " + starts.get(current.code()) + ", " + current.weight().toPlainString());
                }
            } else if (starts.containsKey(line.dimensionCode)) {
                line.wrong(Column.DIMENSION_CODE, "dimension " + line.dimensionCode + " starts on row "
                        + starts.get(line.dimensionCode) + ": keep a dimension's rows together");
                return;
            } else {
                if (line.dimensionName == null) {
                    line.wrong(Column.DIMENSION, "empty: a dimension's first row names it");
                }
                if (line.empty(Column.WEIGHT)) {
                    line.wrong(Column.WEIGHT, "empty: a dimension's first row gives its weight");
                }
                current = new Dimension(line.dimensionCode, line.dimensionName, line.weight, new ArrayList<>());
                dimensions.add(current);
                starts.put(current.code(), line.row.line());
            }
            current.indicators().add(line.indicator);
        }

        List<Dimension> dimensions() {
            return dimensions.stream().map(d -> new Dimension(d.code(), d.name(), d.weight(),
                    List.copyOf(d.indicators()))).toList();
        }
    }
}
