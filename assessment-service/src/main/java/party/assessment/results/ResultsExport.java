package party.assessment.results;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import party.assessment.orgunits.OrgUnit;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.Schemes;
import party.assessment.scoring.Component;
import party.assessment.scoring.Departments;
import party.assessment.scoring.Method;
import party.assessment.scoring.Scoring;
import party.common.sheets.PrintedSheet;

/** The ranking by category and a unit's breakdown as .xlsx workbooks, for OA systems and for print. */
@ApplicationScoped
public class ResultsExport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
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
        ResultViews.Breakdown breakdown = visible.breakdown(schemeId, unitCode, scope);
        return breakdownWorkbook(schemes.visible(schemeId, scope), breakdown);
    }

    private static byte[] rankingWorkbook(Scheme scheme, List<Results.Ranked> ranking, Map<String, String> names)
            throws IOException {
        LocalDate today = LocalDate.now(ZONE);
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "assessment-service", "1.0")) {
            Map<String, List<Results.Ranked>> byCategory = ranking.stream()
                    .collect(Collectors.groupingBy(r -> r.result().category, TreeMap::new, Collectors.toList()));
            for (var category : byCategory.entrySet()) {
                // a category has a code only (district, university): the sheet and the title name it as it is
                PrintedSheet sheet = PrintedSheet.start(workbook, "排名（" + category.getKey() + "）",
                        scheme.title + "（" + category.getKey() + "）", today, RANKING_HEADER).wide(1);
                for (Results.Ranked ranked : category.getValue()) {
                    UnitResult r = ranked.result();
                    Map<Component, BigDecimal> c = r.summary.components();
                    sheet.row(ranked.graded().rank(), names.get(r.key.orgCode()), r.total, ranked.graded().grade(),
                            ranked.graded().byThreshold(), reason(ranked.graded().reason()), c.get(Component.ROUTINE),
                            c.get(Component.YEAR_END), c.get(Component.EVALUATION), c.get(Component.OPINION),
                            c.get(Component.RECTIFICATION), r.adjustment);
                }
            }
            if (byCategory.isEmpty()) {
                PrintedSheet.start(workbook, "排名", scheme.title, today, RANKING_HEADER);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] breakdownWorkbook(Scheme scheme, ResultViews.Breakdown breakdown) throws IOException {
        LocalDate today = LocalDate.now(ZONE);
        ResultViews.ResultView result = breakdown.result();
        String name = scheme.title + " · " + result.name();
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "assessment-service", "1.0")) {
            PrintedSheet summary = PrintedSheet.start(workbook, "结果", name, today, List.of("项目", "权重", "得分"));
            for (var component : breakdown.weights().entrySet()) { // weights add up to 100: a weight is a percentage
                summary.row(component.getKey().label(), PrintedSheet.percent(component.getValue().movePointLeft(2)),
                        result.components().get(component.getKey()));
            }
            summary.row("校准", null, result.adjustment());
            summary.row("总分", null, result.total());
            summary.row("等次", null, result.grade());
            summary.row("排名", null, result.rank());
            PrintedSheet lines = PrintedSheet.start(workbook, "指标", name, today, BREAKDOWN_HEADER).wide(2);
            for (Scoring.Line line : breakdown.indicators()) {
                lines.row(line.dimension(), line.code(), line.name(), Departments.name(line.department()),
                        Method.Kind.valueOf(line.kind()).label(), line.points(),
                        line.measure() == null ? null : line.measure().value(),
                        line.measure() == null ? null : line.measure().grade(), line.earned(),
                        PrintedSheet.percent(line.share()), line.finding() ? "是" : "");
            }
            if (!breakdown.countedRecords().isEmpty()) {
                PrintedSheet counted = PrintedSheet.start(workbook, "履责纪实", name, today,
                        List.of("指标", "日期", "人员", "职务", "类型", "补录", "编号"));
                for (ResultViews.CountedRecordView record : breakdown.countedRecords()) {
                    counted.row(record.indicator(), record.happenedOn(), record.person(), record.postLabel(),
                            record.kindName(), record.late() ? "是" : "", record.record());
                }
            }
        }
        return bytes.toByteArray();
    }

    private static String reason(String reason) {
        return reason == null ? "" : "veto".equals(reason) ? "一票否决" : "好等次名额已满";
    }
}
