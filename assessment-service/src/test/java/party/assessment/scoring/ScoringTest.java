package party.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static party.assessment.scoring.SampleSchemes.d;
import static party.assessment.scoring.SampleSchemes.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every scoring method with worked numbers, then a unit's whole result. */
class ScoringTest {

    @Test
    void thresholdScoresAllOrNothing() {
        assertThat(Scoring.points(SampleSchemes.SERVICE_SITE, value("520"))).isEqualByComparingTo("20");
        assertThat(Scoring.points(SampleSchemes.SERVICE_SITE, value("500"))).isEqualByComparingTo("20");
        assertThat(Scoring.points(SampleSchemes.SERVICE_SITE, value("320"))).isEqualByComparingTo("0");
        assertThat(Scoring.points(SampleSchemes.BRANCHES_UP_TO_STANDARD, value("96"))).isEqualByComparingTo("0");
    }

    @Test
    void linearScoresTheShareOfTheTargetReached() {
        assertThat(Scoring.points(SampleSchemes.VILLAGE_INCOME, value("15000"))).isEqualByComparingTo("15");
        assertThat(Scoring.points(SampleSchemes.VILLAGE_INCOME, value("25000"))).isEqualByComparingTo("20");
        assertThat(Scoring.points(SampleSchemes.DEDICATED_MEETINGS, value("3"))).isEqualByComparingTo("15");
        var overdueRate = new Indicator("X", "整改逾期率不高于5%", d("10"), "organization", List.of(), null,
                SampleSchemes.linear("5", Method.Comparison.AT_MOST, "%"));
        assertThat(Scoring.points(overdueRate, value("4"))).isEqualByComparingTo("10");
        assertThat(Scoring.points(overdueRate, value("10"))).isEqualByComparingTo("5");
    }

    @Test
    void deductionTakesPointsPerOccurrenceDownToTheFloor() {
        assertThat(Scoring.points(SampleSchemes.THREE_MEETINGS_ONE_LESSON, value("3"))).isEqualByComparingTo("14");
        assertThat(Scoring.points(SampleSchemes.THREE_MEETINGS_ONE_LESSON, value("12"))).isEqualByComparingTo("0");
        var floored = new Indicator("Y", "y", d("10"), "organization", List.of(), null,
                new Method(Method.Kind.DEDUCTION, null, null, null, d("3"), d("4"), null, null, null, null));
        assertThat(Scoring.points(floored, value("5"))).isEqualByComparingTo("4");
    }

    @Test
    void qualitativeMapsTheGradeToPoints() {
        var grade = new Indicator("Q", "意识形态工作责任制落实情况", d("10"), "propaganda", List.of(), null,
                new Method(Method.Kind.QUALITATIVE, null, null, null, null, null,
                        Map.of("A", d("10"), "B", d("8"), "C", d("6"), "D", d("3")), null, null, null));
        assertThat(Scoring.points(grade, new Measure(null, "B"))).isEqualByComparingTo("8");
        assertThat(Scoring.points(grade, new Measure(null, "E"))).isEqualByComparingTo("0");
    }

    @Test
    void aFigureOrGradeMustFitItsMethod() {
        var grade = new Method(Method.Kind.QUALITATIVE, null, null, null, null, null,
                Map.of("A", d("10"), "B", d("8")), null, null, null);
        assertThat(grade.problem(new Measure(null, "B"))).isEmpty();
        assertThat(grade.problem(new Measure(null, "E"))).get().asString().startsWith("grade: ");
        assertThat(grade.problem(new Measure(d("8"), null))).get().asString().startsWith("value: ");
        Method site = SampleSchemes.SERVICE_SITE.method();
        assertThat(site.problem(value("320"))).isEmpty();
        assertThat(site.problem(value("-5"))).contains("value: a figure cannot be negative");
        assertThat(site.problem(new Measure(null, "A"))).get().asString().startsWith("grade: ");
        assertThat(site.problem(new Measure(null, null))).get().asString().startsWith("value: ");
        Method meetings = SampleSchemes.THREE_MEETINGS_ONE_LESSON.method();
        assertThat(meetings.problem(value("3"))).isEmpty();
        assertThat(meetings.problem(value("3.0"))).isEmpty();
        assertThat(meetings.problem(value("1.5"))).contains("value: occurrences are counted in whole numbers");
        Method share = SampleSchemes.linear("5", Method.Comparison.AT_MOST, "%");
        assertThat(share.problem(value("100"))).isEmpty();
        assertThat(share.problem(value("120"))).contains("value: a percentage is at most 100");
    }

    @Test
    void bonusIsCappedAndVetoScoresNothingButApplies() {
        assertThat(Scoring.points(SampleSchemes.AWARDS, value("2"))).isEqualByComparingTo("4");
        assertThat(Scoring.points(SampleSchemes.AWARDS, value("3"))).isEqualByComparingTo("5");
        assertThat(Scoring.points(SampleSchemes.MAJOR_VIOLATION, value("1"))).isEqualByComparingTo("0");
        assertThat(Scoring.vetoed(SampleSchemes.MAJOR_VIOLATION, value("1"))).isTrue();
        assertThat(Scoring.vetoed(SampleSchemes.MAJOR_VIOLATION, value("0"))).isFalse();
        assertThat(Scoring.points(SampleSchemes.SERVICE_SITE, null)).as("nothing measured").isEqualByComparingTo("0");
    }

    /**
     * A community: 组织建设 counts 支部达标 (20 of 20) and 阵地面积 (0 of 20) but not village income, so 20 of 40 possible
     * scale to 30 of its weight 60; 党建责任落实: meetings 3 of 4 (15) and 三会一课 3 missed (14) make 29 of 40; bonus
     * 2 awards (4). Year-end 30 + 29 + 4 = 63. Total (80·10 + 63·50 + 85·20 + 90·10 + 95·10) / 100 = 75.
     */
    @Test
    void aCommunitysResultWorkedThrough() {
        var measures = Map.of("ORG-1", value("100"), "ORG-2", value("320"), "RESP-1", value("3"),
                "RESP-2", value("3"), "BONUS-1", value("2"), "VETO-1", value("0"));
        var inputs = Map.of(Component.ROUTINE, d("80"), Component.EVALUATION, d("85"), Component.OPINION, d("90"),
                Component.RECTIFICATION, d("95"));

        Scoring.Calculation result = Scoring.calculate(SampleSchemes.scheme(null), "community", measures, inputs);

        assertThat(result.yearEnd()).isEqualByComparingTo("63");
        assertThat(result.bonus()).isEqualByComparingTo("4");
        assertThat(result.total()).isEqualByComparingTo("75");
        assertThat(result.vetoGrade()).isNull();
        assertThat(result.lines()).extracting(Scoring.Line::code)
                .containsExactly("ORG-1", "ORG-2", "RESP-1", "RESP-2", "BONUS-1", "VETO-1"); // no village income
        assertThat(result.lines()).filteredOn(Scoring.Line::finding).extracting(Scoring.Line::code)
                .containsExactly("ORG-2"); // 0 of 20 is under the 60 % finding share; 14 of 20 is not
    }

    @Test
    void aMissingComponentFollowsTheSchemesStatedRule() {
        var inputs = Map.of(Component.ROUTINE, d("80"), Component.EVALUATION, d("85"), Component.RECTIFICATION, d("95"));
        var measures = Map.of("ORG-1", value("100"), "ORG-2", value("320"), "RESP-1", value("3"), "RESP-2", value("3"),
                "BONUS-1", value("2"));
        Scoring.Calculation result = Scoring.calculate(SampleSchemes.scheme(null), "community", measures, inputs);
        assertThat(result.missing()).containsExactly(Component.OPINION);
        assertThat(result.total()).isEqualByComparingTo("73.33"); // 6,600 / 90
        assertThat(result.missingRule()).isEqualTo(SchemeDefinition.MissingComponents.REWEIGHT);
        assertThat(result.summary().excluded()).isFalse();

        // the scheme may instead count it as nothing, one basis for all: 6,600 / 100
        var sample = SampleSchemes.scheme(null);
        Scoring.Calculation zero = Scoring.calculate(new SchemeDefinition(sample.dimensions(), sample.components(), null,
                null, null, null, SchemeDefinition.MissingComponents.ZERO, null, null, null), "community", measures, inputs);
        assertThat(zero.total()).isEqualByComparingTo("66");
        // or leave the unit out of the ranking until it has every component
        Scoring.Calculation excluded = Scoring.calculate(new SchemeDefinition(sample.dimensions(), sample.components(),
                null, null, null, null, SchemeDefinition.MissingComponents.EXCLUDE, null, null, null), "community", measures,
                inputs);
        assertThat(excluded.summary().excluded()).isTrue();
        assertThat(excluded.missing()).containsExactly(Component.OPINION);
    }

    @Test
    void aVetoCapsTheGradeWhateverThePoints() {
        var measures = Map.of("ORG-1", value("100"), "ORG-3", value("30000"), "RESP-1", value("4"),
                "RESP-2", value("0"), "VETO-1", value("1"));
        Scoring.Calculation result = Scoring.calculate(SampleSchemes.scheme(null), "village", measures, Map.of());
        assertThat(result.yearEnd()).isEqualByComparingTo("100");
        assertThat(result.vetoGrade()).isEqualTo("一般");
        assertThat(result.lines()).filteredOn(Scoring.Line::finding).extracting(Scoring.Line::code).containsExactly("VETO-1");
    }

    @Test
    void rectificationPerformanceIsARateOverTheYearsItems() {
        var rule = SchemeDefinition.RectificationRule.DEFAULT; // none: 100; −50 × overdue share, −30 × reopened share
        assertThat(Scoring.rectification(rule, 0, 0, 0)).as("no items").isEqualByComparingTo("100");
        assertThat(Scoring.rectification(rule, 5, 0, 0)).as("five, all on time").isEqualByComparingTo("100");
        assertThat(Scoring.rectification(rule, 4, 1, 1)).isEqualByComparingTo("80"); // 100 − 12.5 − 7.5
        assertThat(Scoring.rectification(rule, 2, 2, 2)).isEqualByComparingTo("20");
        // having more problems never pays: one overdue among many weighs less, but ten clean items are not a bonus
        assertThat(Scoring.rectification(rule, 10, 1, 0)).isEqualByComparingTo("95");
        assertThat(Scoring.rectification(new SchemeDefinition.RectificationRule(d("90"), d("100"), d("100")), 1, 1, 1))
                .isEqualByComparingTo(BigDecimal.ZERO);
    }
}
