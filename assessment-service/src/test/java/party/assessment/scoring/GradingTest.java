package party.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static party.assessment.scoring.SampleSchemes.d;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grades by threshold, veto caps, the quota on 好 and ties in rank. */
class GradingTest {

    private static List<Grading.Candidate> category(String... totals) {
        return java.util.stream.IntStream.range(0, totals.length)
                .mapToObj(i -> new Grading.Candidate("u" + (i + 1), d(totals[i]), null, Map.of())).toList();
    }

    @Test
    void thresholdsAloneAndTiesShareARank() {
        List<Grading.Graded> graded = Grading.grade(SampleSchemes.scheme(null), category("95", "93", "93", "85", "70", "59.99"));
        assertThat(graded).extracting(Grading.Graded::grade).containsExactly("好", "好", "好", "较好", "一般", "差");
        assertThat(graded).extracting(Grading.Graded::rank).containsExactly(1, 2, 2, 4, 5, 6);
    }

    @Test
    void theQuotaOnTheTopGradeDemotesThoseBeyondItTiesTogether() {
        // 5 units, at most 40 % 好 = 2: the two tied at 93 cannot both fit, so neither keeps it
        List<Grading.Graded> graded = Grading.grade(SampleSchemes.scheme(d("0.4")), category("95", "93", "93", "85", "70"));
        assertThat(graded).extracting(Grading.Graded::grade).containsExactly("好", "较好", "较好", "较好", "一般");
        assertThat(graded).extracting(Grading.Graded::reason).containsExactly(null, "quota", "quota", null, null);
        assertThat(graded.get(1).byThreshold()).isEqualTo("好");
        // at most 60 % = 3: all three keep it
        assertThat(Grading.grade(SampleSchemes.scheme(d("0.6")), category("95", "93", "93", "85", "70")))
                .extracting(Grading.Graded::grade).containsExactly("好", "好", "好", "较好", "一般");
    }

    @Test
    void aTieBreakerFillsTheQuotaThatTiesWouldLeaveEmpty() {
        // 5 units, at most 40 % 好 = 2; u2 and u3 tie at 93, and the year-end score parts them
        var sample = SampleSchemes.scheme(d("0.4"));
        var scheme = new SchemeDefinition(sample.dimensions(), sample.components(), null, d("0.4"), null, null, null,
                List.of(Component.YEAR_END), null, null);
        var units = List.of(new Grading.Candidate("u1", d("95"), null, Map.of(Component.YEAR_END, d("96"))),
                new Grading.Candidate("u2", d("93"), null, Map.of(Component.YEAR_END, d("90"))),
                new Grading.Candidate("u3", d("93"), null, Map.of(Component.YEAR_END, d("94"))),
                new Grading.Candidate("u4", d("85"), null, Map.of(Component.YEAR_END, d("85"))),
                new Grading.Candidate("u5", d("70"), null, Map.of(Component.YEAR_END, d("70"))));
        assertThat(Grading.grade(scheme, units)).extracting(Grading.Graded::unit, Grading.Graded::grade,
                        Grading.Graded::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u1", "好", 1),
                        org.assertj.core.groups.Tuple.tuple("u3", "好", 2),
                        org.assertj.core.groups.Tuple.tuple("u2", "较好", 2),
                        org.assertj.core.groups.Tuple.tuple("u4", "较好", 4),
                        org.assertj.core.groups.Tuple.tuple("u5", "一般", 5));
        // still tied after every breaker: as without one, neither keeps it
        var stillTied = List.of(units.get(0), units.get(1),
                new Grading.Candidate("u3", d("93"), null, Map.of(Component.YEAR_END, d("90"))), units.get(3),
                units.get(4));
        assertThat(Grading.grade(scheme, stillTied)).extracting(Grading.Graded::grade)
                .containsExactly("好", "较好", "较好", "较好", "一般");
    }

    @Test
    void aVetoedUnitKeepsItsRankButNotItsGradeAndTakesNoQuota() {
        var units = List.of(new Grading.Candidate("vetoed", d("96"), "一般", Map.of()), new Grading.Candidate("a", d("95"), null, Map.of()),
                new Grading.Candidate("b", d("93"), null, Map.of()), new Grading.Candidate("c", d("85"), null, Map.of()),
                new Grading.Candidate("d", d("70"), null, Map.of()));
        List<Grading.Graded> graded = Grading.grade(SampleSchemes.scheme(d("0.4")), units);
        assertThat(graded).extracting(Grading.Graded::unit, Grading.Graded::rank, Grading.Graded::grade)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vetoed", 1, "一般"),
                        org.assertj.core.groups.Tuple.tuple("a", 2, "好"), org.assertj.core.groups.Tuple.tuple("b", 3, "好"),
                        org.assertj.core.groups.Tuple.tuple("c", 4, "较好"), org.assertj.core.groups.Tuple.tuple("d", 5, "一般"));
        assertThat(graded.get(0).reason()).isEqualTo("veto");
    }
}
