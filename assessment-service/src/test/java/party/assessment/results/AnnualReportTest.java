package party.assessment.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.scoring.Component;
import party.assessment.scoring.Dimension;
import party.assessment.scoring.Measure;
import party.assessment.scoring.SchemeDefinition;
import party.assessment.scoring.Scoring;
import party.common.events.OrgLevel;

/** The annual report prints as a committee files it: every page numbered, a long table's header on each page. */
class AnnualReportTest {

    @Test
    void aLongIndicatorTableRepeatsItsHeaderOnEveryPage() throws Exception {
        List<Scoring.Line> lines = IntStream.rangeClosed(1, 90).mapToObj(i -> new Scoring.Line("ORG", "ORG-" + i,
                "第" + i + "项指标：落实“三会一课”制度", "organization", "DEDUCTION", BigDecimal.TEN,
                new Measure(BigDecimal.ONE, null), new BigDecimal("9.5"), new BigDecimal("0.95"), i % 10 == 0)).toList();
        var scheme = new Scheme();
        scheme.id = UUID.randomUUID();
        scheme.year = 2026;
        scheme.title = "2026年度县区党委书记抓基层党建考核";
        scheme.state = SchemeState.ANNOUNCED;
        scheme.definition = new SchemeDefinition(List.of(new Dimension("ORG", "组织建设", new BigDecimal("100"), List.of())),
                Map.of(Component.YEAR_END, new BigDecimal("100")), List.of(), null, null, null, null, List.of(), null,
                List.of());
        var result = new ResultViews.ResultView("district-a", "A区委", "/city/district-a", OrgLevel.COUNTY, "district",
                new BigDecimal("91.5"), "好", "好", null, 1, new BigDecimal("91.5"),
                Map.of(Component.YEAR_END, new BigDecimal("91.5")), List.of(), null, null, null, null, null);
        var breakdown = new ResultViews.Breakdown(result, Map.of(Component.YEAR_END, new BigDecimal("100")), lines,
                List.of(), List.of(), null, null, null, List.of());

        byte[] report = AnnualReport.write(scheme, "市委", breakdown, LocalDate.of(2026, 12, 2));

        try (PDDocument pdf = Loader.loadPDF(report)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            var stripper = new PDFTextStripper();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text).contains("第 " + page + " 页");
                if (page > 1 && page < pdf.getNumberOfPages()) {
                    assertThat(text).contains("维度 指标 方法 责任部门 分值 得分 得分率 问题");
                }
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pdf.getNumberOfPages());
            assertThat(stripper.getText(pdf)).contains("组织建设", "扣分", "组织部", "95.0%", "ORG-90", "同类第 1 名",
                    "市委组织部（盖章）", "2026年12月2日");
        }
        assertThat(report.length).as("only the glyphs used are embedded").isLessThan(200_000);
    }
}
