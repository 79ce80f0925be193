package party.assessment.schemes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import party.testing.PrintedSheets;
import party.assessment.scoring.Dimension;
import party.assessment.scoring.Indicator;
import party.assessment.scoring.Method;
import party.assessment.scoring.SchemeDefinition;
import party.common.problem.Problem;
import party.common.problem.Refusal;
import party.common.problem.Refused;
import party.common.sheets.UploadedSheet;

/** A committee's indicator sheet read into a scheme's tree, and the tree written back as the same sheet. */
class IndicatorSheetTest {

    static final String HEADER = "维度编码,维度,维度权重,指标编码,指标,分值,责任部门,评分方法,目标值,比较,计量单位,每次分值,下限,封顶,"
            + "等次分值,否决等次,适用类别,佐证材料";

    @Test
    void theSampleSchemesTreeReadsBackFromItsDownload_withoutCountingFromRecords() throws IOException {
        SchemeDefinition sample = sampleScheme();
        Scheme scheme = Scheme.draft(2026, "city", "/city", "2026年度考核", sample, "test");

        byte[] workbook = IndicatorSheet.workbook(scheme);

        assertThat(IndicatorSheet.read(new ByteArrayInputStream(workbook), UploadedSheet.XLSX))
                .isEqualTo(withoutRecordCounting(sample.dimensions()));
        try (var read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            var sheet = read.getSheet(IndicatorSheet.SHEET_NAME);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("2026年度考核 · 导出于 ");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("评分方法");
            assertThat(sheet.getRow(2).getCell(7).getStringCellValue()).isEqualTo("比例");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(15); // a number, not text
            PrintedSheets.assertPrintable(sheet, true);
        }
    }

    @Test
    void chineseNamesBuildTheTree_consecutiveRowsMakeADimension() throws IOException {
        List<Dimension> tree = csv(HEADER,
                "ORG,组织建设,60,ORG-1,支部建设达标率100%,30,organization,达标,100,不少于,%,,,,,,,达标验收表",
                "ORG,,,ORG-2,民主生活会质量,30,organization,定性,,,,,,,A=30；B：24;C=18,,community、village,会议记录",
                "INT,廉政建设,40,INT-1,违纪问题,40,纪委监委,扣分,,,起,5,0,,,,,纪委通报",
                "INT,廉政建设,40,INT-VETO,发生严重违纪违法案件,,discipline,一票否决,,,,,,,,一般,,立案通报");

        assertThat(tree).extracting(Dimension::code, Dimension::name, Dimension::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ORG", "组织建设", new BigDecimal("60")),
                        org.assertj.core.groups.Tuple.tuple("INT", "廉政建设", new BigDecimal("40")));
        assertThat(tree.get(0).indicators().get(0)).isEqualTo(new Indicator("ORG-1", "支部建设达标率100%",
                new BigDecimal("30"), "organization", null, "达标验收表", new Method(Method.Kind.THRESHOLD,
                new BigDecimal("100"), Method.Comparison.AT_LEAST, "%", null, null, null, null, null, null)));
        Indicator qualitative = tree.get(0).indicators().get(1);
        assertThat(qualitative.method().kind()).isEqualTo(Method.Kind.QUALITATIVE);
        assertThat(qualitative.method().gradePoints()).containsExactly(Map.entry("A", new BigDecimal("30")),
                Map.entry("B", new BigDecimal("24")), Map.entry("C", new BigDecimal("18")));
        assertThat(qualitative.categories()).containsExactly("community", "village");
        // the department by its name, as a committee writes it, stored by the code a reviewer's token carries
        assertThat(tree.get(1).indicators().get(0).department()).isEqualTo("discipline");
        assertThat(tree.get(1).indicators().get(0).method()).isEqualTo(new Method(Method.Kind.DEDUCTION, null, null,
                "起", new BigDecimal("5"), BigDecimal.ZERO, null, null, null, null));
        Indicator veto = tree.get(1).indicators().get(1);
        assertThat(veto.points()).isNull();
        assertThat(veto.method().kind()).isEqualTo(Method.Kind.VETO);
        assertThat(veto.method().capGrade()).isEqualTo("一般");
    }

    @Test
    void theHeaderPlacesTheColumns_whateverTheirOrderAndTheCommitteesOwnBesideThem() throws IOException {
        List<Dimension> tree = csv("序号,指标编码,指标,评分方法,分值,维度权重,维度,维度编码,比较,目标值,备注",
                "1,ORG-1,支部达标,THRESHOLD,100,100,组织建设,ORG,AT_MOST,3,无");

        assertThat(tree).containsExactly(new Dimension("ORG", "组织建设", new BigDecimal("100"), List.of(
                new Indicator("ORG-1", "支部达标", new BigDecimal("100"), null, null, null, new Method(
                        Method.Kind.THRESHOLD, new BigDecimal("3"), Method.Comparison.AT_MOST, null, null, null, null,
                        null, null, null)))));
    }

    @Test
    void everyWrongCellIsListedUnderItsRowAndColumn() {
        Refused refused = refusal(() -> csv(HEADER,
                "ORG,组织建设,60,ORG-1,支部建设,三十,organization,达标,100,不少于,%,,,,,,,",
                "ORG,组织建设,50,ORG-2,服务场所,30,organization,打分,500,大于,m²,,,,,,,",
                "RESP,党建责任,40,RESP-1,专题研究,40,organization,定性,,,,,,,A=40；B,,,",
                "ORG,组织建设,60,ORG-3,村集体经济,10,organization,比例,2,不少于,万元,,,,,,,",
                ",,,,,,,,,,,,,,,,,"));

        assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_SHEET_ROW);
        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly("row 2 分值",
                "row 3 维度权重", "row 3 评分方法", "row 3 比较", "row 4 等次分值", "row 5 维度编码");
        assertThat(refused.errors().get(0).message()).isEqualTo("'三十' is not a number");
        assertThat(refused.errors().get(2).message()).startsWith("'打分' is none of 达标 (THRESHOLD), 比例 (LINEAR)");
        assertThat(refused.errors().get(5).message()).isEqualTo("dimension ORG starts on row 2: keep a dimension's "
                + "rows together");
        assertThat(refused.getMessage()).startsWith("4 rows cannot be read, so no indicator was changed");
    }

    @Test
    void aDimensionsFirstRowNamesItAndEveryRowItsIndicatorAndMethod() {
        Refused refused = refusal(() -> csv(HEADER, "ORG,,,,,10,,,,,,,,,,,,", "RESP,党建责任,40,RESP-1,名\u202e,40,,,,,,,,,,,,"));

        assertThat(refused.errors()).extracting(Problem.FieldError::field).containsExactly("row 2 维度",
                "row 2 维度权重", "row 2 指标编码", "row 2 指标", "row 2 评分方法", "row 3 指标", "row 3 评分方法");
    }

    @Test
    void aSheetWithoutTheHeaderRowIsUnreadable() {
        assertThat(refusal(() -> csv("ORG,组织建设,100,ORG-1,支部达标,100,,达标,100,不少于,,,,,,,,")).refusal())
                .isEqualTo(Refusal.UNREADABLE_SHEET);
    }

    static SchemeDefinition sampleScheme() throws IOException {
        var json = new ObjectMapper();
        return json.treeToValue(json.readTree(Path.of("../deploy/local/sample-scheme.json").toFile()).get("definition"),
                SchemeDefinition.class);
    }

    private static List<Dimension> withoutRecordCounting(List<Dimension> dimensions) {
        return dimensions.stream().map(d -> new Dimension(d.code(), d.name(), d.weight(), d.indicators().stream()
                .map(i -> {
                    Method m = i.method();
                    return new Indicator(i.code(), i.name(), i.points(), i.department(), i.categories(), i.evidence(),
                            new Method(m.kind(), m.target(), m.comparison(), m.unit(), m.perOccurrence(), m.floor(),
                                    m.gradePoints(), m.cap(), m.capGrade(), null));
                }).toList())).toList();
    }

    private static List<Dimension> csv(String... lines) throws IOException {
        return IndicatorSheet.read(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                "text/csv");
    }

    private interface Reading {
        void read() throws IOException;
    }

    private static Refused refusal(Reading reading) {
        return catchThrowableOfType(Refused.class, reading::read);
    }
}
