package party.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static party.assessment.scoring.SampleSchemes.d;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scheme whose weights do not add up names the level that is wrong. */
class SchemeDefinitionTest {

    @Test
    void theSampleSchemeIsSound() {
        assertThat(SampleSchemes.scheme(d("0.3")).problem()).isEmpty();
    }

    @Test
    void dimensionWeightsMustAddUpTo100() {
        var scheme = new SchemeDefinition(List.of(
                new Dimension("ORG", "组织建设", d("60"), List.of(SampleSchemes.BRANCHES_UP_TO_STANDARD,
                        SampleSchemes.SERVICE_SITE, SampleSchemes.VILLAGE_INCOME)),
                new Dimension("RESP", "党建责任落实", d("30"), List.of(SampleSchemes.DEDICATED_MEETINGS,
                        new Indicator("RESP-3", "x", d("10"), "organization", List.of(), null,
                                SampleSchemes.threshold("1", Method.Comparison.AT_LEAST, "次"))))),
                SampleSchemes.COMPONENTS, null, null, null, null, null, null, null, null);
        assertThat(scheme.problem()).contains("dimensions: the dimensions' weights add up to 90, not 100");
    }

    @Test
    void indicatorPointsMustAddUpToTheirDimensionsWeight() {
        var scheme = new SchemeDefinition(List.of(
                new Dimension("ORG", "组织建设", d("60"), List.of(SampleSchemes.BRANCHES_UP_TO_STANDARD,
                        SampleSchemes.SERVICE_SITE, SampleSchemes.VILLAGE_INCOME)),
                new Dimension("RESP", "党建责任落实", d("40"), List.of(SampleSchemes.DEDICATED_MEETINGS, SampleSchemes.AWARDS))),
                SampleSchemes.COMPONENTS, null, null, null, null, null, null, null, null);
        assertThat(scheme.problem()).contains(
                "dimensions[1].indicators: the points of dimension RESP add up to 20, not its weight 40");
    }

    @Test
    void componentsMethodsAndGradesAreChecked() {
        var components = new SchemeDefinition(SampleSchemes.scheme(null).dimensions(),
                Map.of(Component.YEAR_END, d("60"), Component.EVALUATION, d("30")), null, null, null, null, null, null, null, null);
        assertThat(components.problem()).contains("components: the five components' weights add up to 90, not 100");

        var badVeto = new Indicator("V", "v", null, "discipline", List.of(), null,
                new Method(Method.Kind.VETO, null, null, null, null, null, null, null, "优秀", null));
        var veto = new SchemeDefinition(List.of(new Dimension("ORG", "组织建设", d("100"), List.of(
                new Indicator("A", "a", d("100"), "organization", List.of(), null,
                        SampleSchemes.threshold("1", Method.Comparison.AT_LEAST, "次")), badVeto))),
                SampleSchemes.COMPONENTS, null, null, null, null, null, null, null, null);
        assertThat(veto.problem()).contains("dimensions[0].indicators[1].method: a VETO indicator needs capGrade, one of the grades");

        var duplicate = new SchemeDefinition(List.of(new Dimension("ORG", "组织建设", d("100"), List.of(
                SampleSchemes.BRANCHES_UP_TO_STANDARD, SampleSchemes.BRANCHES_UP_TO_STANDARD))),
                SampleSchemes.COMPONENTS, null, null, null, null, null, null, null, null);
        assertThat(duplicate.problem().orElseThrow()).startsWith("dimensions[0].indicators[1].code");
    }

    @Test
    void aSchemeIsBoundedToWhatAnAssessmentNeeds() {
        var sample = SampleSchemes.scheme(null);
        var tooMany = new SchemeDefinition(java.util.Collections.nCopies(21, sample.dimensions().get(0)),
                sample.components(), null, null, null, null, null, null, null, null);
        assertThat(tooMany.problem()).contains("dimensions: at most 20 dimensions of at most 100 indicators each, and 10 grades");
    }

    @Test
    void anIndicatorCountedFromRecordsNamesAKindTheSchemeKnowsAndIsAThresholdOrLinear() {
        var lecture = new RecordCount("PARTY_LECTURE", party.assessment.persons.Post.SECRETARY);
        var visits = new RecordCount("HOME_VISIT", null);
        assertThat(counted(Method.Kind.THRESHOLD, lecture, null).problem()).isEmpty();
        assertThat(counted(Method.Kind.LINEAR, visits, List.of(new SchemeDefinition.RecordKind("HOME_VISIT", "入户走访")))
                .problem()).isEmpty();
        assertThat(counted(Method.Kind.LINEAR, visits, null).problem().orElseThrow())
                .startsWith("dimensions[0].indicators[0].method.records.kind: one of PARTY_BUILDING_MEETING, ");
        assertThat(counted(Method.Kind.DEDUCTION, lecture, null).problem()).contains(
                "dimensions[0].indicators[0].method.records: only a THRESHOLD or LINEAR indicator is counted from records");
        assertThat(counted(Method.Kind.THRESHOLD, lecture, List.of(new SchemeDefinition.RecordKind("PARTY_LECTURE",
                "讲课"))).problem().orElseThrow()).startsWith("recordKinds[0].code:");
        assertThat(counted(Method.Kind.THRESHOLD, lecture, List.of(new SchemeDefinition.RecordKind("HOME_VISIT", " ")))
                .problem()).contains("recordKinds[0].name: 1–40 characters");
        assertThat(counted(Method.Kind.THRESHOLD, lecture, List.of(new SchemeDefinition.RecordKind("HOME_VISIT", "入户走访")))
                .recordKindName("HOME_VISIT")).contains("入户走访");
    }

    private static SchemeDefinition counted(Method.Kind kind, RecordCount records, List<SchemeDefinition.RecordKind> own) {
        var method = new Method(kind, d("4"), Method.Comparison.AT_LEAST, "次", d("1"), null, null, null, null, records);
        return new SchemeDefinition(List.of(new Dimension("RESP", "党建责任落实", d("100"), List.of(
                new Indicator("RESP-1", "counted", d("100"), "organization", List.of(), null, method)))),
                SampleSchemes.COMPONENTS, null, null, null, null, null, null, null, own);
    }
}
