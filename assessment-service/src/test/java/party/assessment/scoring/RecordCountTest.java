package party.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import party.assessment.persons.Post;

/** An indicator counted from records: the year's records of its kind, by anyone in the unit or in one post only. */
class RecordCountTest {

    /** A township's year: 3 meetings (2 chaired by the secretary, 1 by the deputy), 1 lecture by a member. */
    private static final List<RecordCount.Tally> TOWNSHIP = List.of(
            new RecordCount.Tally("PARTY_BUILDING_MEETING", Post.SECRETARY, 2),
            new RecordCount.Tally("PARTY_BUILDING_MEETING", Post.DEPUTY_SECRETARY, 1),
            new RecordCount.Tally("PARTY_LECTURE", Post.MEMBER, 1));

    @Test
    void everyRecordOfTheKindCountsWithoutAPost() {
        assertThat(new RecordCount("PARTY_BUILDING_MEETING", null).measure(TOWNSHIP).value()).isEqualByComparingTo("3");
    }

    @Test
    void aPostCountsOnlyWhatWasDoneInIt() {
        assertThat(new RecordCount("PARTY_BUILDING_MEETING", Post.SECRETARY).measure(TOWNSHIP).value())
                .isEqualByComparingTo("2");
        assertThat(new RecordCount("PARTY_LECTURE", Post.SECRETARY).measure(TOWNSHIP).value()).isEqualByComparingTo("0");
    }

    @Test
    void theCountScoresByTheIndicatorsMethod() {
        // "专题研究党建工作每年不少于4次", 8 points, linear: 3 of 4 meetings earn 6
        var method = new Method(Method.Kind.LINEAR, new java.math.BigDecimal("4"), Method.Comparison.AT_LEAST, "次", null,
                null, null, null, null, new RecordCount("PARTY_BUILDING_MEETING", null));
        var indicator = new Indicator("RESP-1", "党委专题研究党建工作每年不少于4次", new java.math.BigDecimal("8"),
                "organization", List.of(), "履责纪实", method);
        assertThat(Scoring.points(indicator, method.records().measure(TOWNSHIP))).isEqualByComparingTo("6");
        assertThat(Scoring.points(indicator, method.records().measure(List.of()))).isEqualByComparingTo("0");
    }

    @Test
    void aCountedIndicatorTakesNoReport() {
        var method = new Method(Method.Kind.THRESHOLD, java.math.BigDecimal.ONE, Method.Comparison.AT_LEAST, "次", null,
                null, null, null, null, new RecordCount("PARTY_LECTURE", Post.SECRETARY));
        assertThat(method.problem(new Measure(java.math.BigDecimal.ONE, null))).get().asString()
                .startsWith("value: counted from duty records");
    }
}
