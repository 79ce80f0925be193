package party.assessment.results;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.Schemes;
import party.assessment.scoring.Component;
import party.assessment.scoring.Scoring;

/** The ranking by category and a unit's breakdown as .xlsx workbooks, for OA systems and for print. */
@ApplicationScoped
public class ResultsExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> RANKING_HEADER = List.of("排名", "单位", "总分", "等次", "阈值等次", "说明",
            "平时检查", "年终考核", "述职评议", "民意调查", "整改成效", "校准");
    private static final List<String> BREAKDOWN_HEADER = List.of("维度", "指标", "名称", "责任部门", "方法", "分值",
            "实测", "等次", "得分", "得分率", "问题");

    private final Schemes schemes;
    private final Results results;
    private final VisibleResults visible;

    public ResultsExport(Schemes schemes, Results results, VisibleResults visible) {
        this.schemes = schemes;
        this.results = results;
        this.visible = visible;
    }

    /** Every result of a scheme the caller manages, one sheet per category. */
    public byte[] ranking(UUID schemeId, String scope) throws IOException {
        Scheme scheme = schemes.managed(schemeId, scope);
        return rankingWorkbook(scheme, results.ranking(scheme), OrgUnit.namesByCode());
    }

    /** The breakdown the caller may see (see {@link VisibleResults#breakdown}). */
    public byte[] breakdown(UUID schemeId, String unitCode, String scope) throws IOException {
        return breakdownWorkbook(visible.breakdown(schemeId, unitCode, scope));
    }

    private static byte[] rankingWorkbook(Scheme scheme, List<Results.Ranked> ranking, Map<String, String> names)
            throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "assessment-service", "1.0")) {
            Map<String, List<Results.Ranked>> byCategory = ranking.stream()
                    .collect(Collectors.groupingBy(r -> r.result().category, TreeMap::new, Collectors.toList()));
            for (var category : byCategory.entrySet()) {
                Worksheet sheet = workbook.newWorksheet(category.getKey());
                header(sheet, RANKING_HEADER);
                int row = 1;
                for (Results.Ranked ranked : category.getValue()) {
                    UnitResult r = ranked.result();
                    Map<Component, BigDecimal> c = r.summary.components();
                    Object[] cells = {ranked.graded().rank(), names.get(r.key.orgCode()), r.total, ranked.graded().grade(),
                            ranked.graded().byThreshold(), reason(ranked.graded().reason()), c.get(Component.ROUTINE),
                            c.get(Component.YEAR_END), c.get(Component.EVALUATION), c.get(Component.OPINION),
                            c.get(Component.RECTIFICATION), r.adjustment};
                    write(sheet, row++, cells);
                }
            }
            if (byCategory.isEmpty()) {
                header(workbook.newWorksheet(scheme.title.length() > 31 ? scheme.title.substring(0, 31) : scheme.title),
                        RANKING_HEADER);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] breakdownWorkbook(ResultViews.Breakdown breakdown) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "assessment-service", "1.0")) {
            Worksheet summary = workbook.newWorksheet("结果");
            ResultViews.ResultView result = breakdown.result();
            write(summary, 0, new Object[] {"单位", result.name(), "总分", result.total(), "等次", result.grade(), "排名", result.rank()});
            int row = 2;
            for (var component : breakdown.weights().entrySet()) {
                write(summary, row++, new Object[] {component.getKey().name(), component.getValue(),
                        result.components().get(component.getKey())});
            }
            Worksheet lines = workbook.newWorksheet("指标");
            header(lines, BREAKDOWN_HEADER);
            row = 1;
            for (Scoring.Line line : breakdown.indicators()) {
                write(lines, row++, new Object[] {line.dimension(), line.code(), line.name(), line.department(), line.kind(),
                        line.points(), line.measure() == null ? null : line.measure().value(),
                        line.measure() == null ? null : line.measure().grade(), line.earned(), line.share(),
                        line.finding() ? "是" : ""});
            }
            if (!breakdown.countedRecords().isEmpty()) {
                Worksheet counted = workbook.newWorksheet("履责纪实");
                header(counted, List.of("指标", "日期", "人员", "职务", "类型", "补录", "编号"));
                row = 1;
                for (ResultViews.CountedRecordView record : breakdown.countedRecords()) {
                    write(counted, row++, new Object[] {record.indicator(), record.happenedOn(), record.person(),
                            record.postLabel(), record.kindName(), record.late() ? "是" : "", record.record()});
                }
            }
        }
        return bytes.toByteArray();
    }

    private static String reason(String reason) {
        return reason == null ? "" : "veto".equals(reason) ? "一票否决" : "好等次名额已满";
    }

    private static void header(Worksheet sheet, List<String> header) {
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
    }

    private static void write(Worksheet sheet, int row, Object[] cells) {
        for (int c = 0; c < cells.length; c++) {
            Object cell = cells[c];
            if (cell instanceof Number number) {
                sheet.value(row, c, number);
            } else if (cell != null) {
                sheet.value(row, c, cell.toString());
            }
        }
    }
}
