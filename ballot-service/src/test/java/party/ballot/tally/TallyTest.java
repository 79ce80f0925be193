package party.ballot.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import party.ballot.tally.BallotCheck.Status;
import party.ballot.tally.SessionDefinition.BallotType;
import party.ballot.tally.SessionDefinition.Category;
import party.ballot.tally.SessionDefinition.Subject;

class TallyTest {

    /** Three subjects, A weighted 0.7 and B 0.3, top grade limited to one per ballot. */
    private final SessionDefinition session = new SessionDefinition(SessionDefinition.UNIT_SCALE,
            List.of(new BallotType("A", "A票", new BigDecimal("0.7")), new BallotType("B", "B票", new BigDecimal("0.3"))),
            List.of(new Category("c1", "县区", null, 1,
                    List.of(new Subject("x", "X区"), new Subject("y", "Y区"), new Subject("z", "Z区")))),
            SessionDefinition.BlankPolicy.ABSTAIN);

    private static Tally.Ballot ballot(String type, Status status, String x, String y, String z) {
        List<Mark> marks = new ArrayList<>();
        if (x != null) marks.add(new Mark("x", x));
        if (y != null) marks.add(new Mark("y", y));
        if (z != null) marks.add(new Mark("z", z));
        return new Tally.Ballot(type, status, null, marks);
    }

    private final List<Tally.Ballot> box = List.of(
            ballot("A", Status.VALID, "好", "较好", "一般"),
            ballot("A", Status.VALID, "较好", "好", "一般"),
            ballot("A", Status.VOID, "好", "好", "好"),
            ballot("B", Status.VALID, "好", "较好", null),
            ballot("B", Status.VALID, "一般", "较好", "差"),
            ballot("B", Status.VALID, "好", "一般", "差"));

    @Test
    void typesAreCountedApartAndVoidBallotsCountNoGrades() {
        var result = Tally.count(session, box);
        assertThat(result.validBallots()).containsEntry("A", 2).containsEntry("B", 3);
        assertThat(result.voidBallots()).containsEntry("A", 1).containsEntry("B", 0);

        var x = subject(result, "x");
        assertThat(x.byType().get("A").counts()).containsEntry("好", 1).containsEntry("较好", 1);
        assertThat(x.byType().get("A").topShare()).isEqualByComparingTo("0.5");
        assertThat(x.byType().get("A").score()).isEqualByComparingTo("90");
        assertThat(x.byType().get("B").counts()).containsEntry("好", 2).containsEntry("一般", 1);
        assertThat(x.byType().get("B").score()).isEqualByComparingTo("86.6667");
    }

    @Test
    void theWeightsCombineTypeScoresAndAbstentionsAreNotScored() {
        var result = Tally.count(session, box);
        // x: 0.7 × 90 + 0.3 × 86.6667 = 89.0000
        assertThat(subject(result, "x").weightedTotal()).isEqualByComparingTo("89.0000");
        // z on B: one abstention, two 差 → 40; A: 60, 60 → 60; 0.7 × 60 + 0.3 × 40 = 54
        assertThat(subject(result, "z").byType().get("B").score()).isEqualByComparingTo("40");
        assertThat(subject(result, "z").byType().get("B").counts().values().stream().mapToInt(i -> i).sum()).isEqualTo(2);
        assertThat(subject(result, "z").weightedTotal()).isEqualByComparingTo("54");
    }

    @Test
    void equalTotalsShareARank() {
        var twins = List.of(
                ballot("A", Status.VALID, "好", "较好", "较好"),
                ballot("B", Status.VALID, "较好", "好", "较好"),
                ballot("A", Status.VALID, "较好", "好", "一般"),
                ballot("B", Status.VALID, "好", "较好", "一般"));
        var result = Tally.count(session, twins);
        assertThat(subject(result, "x").rank()).isEqualTo(1);
        assertThat(subject(result, "y").rank()).isEqualTo(1);
        assertThat(subject(result, "z").rank()).isEqualTo(3);
        assertThat(result.categories().get(0).subjects()).extracting(Tally.SubjectResult::subject)
                .containsExactly("x", "y", "z");
    }

    @Test
    void theDigestIgnoresTheOrderOfTheBoxButNotItsContent() {
        var shuffled = new ArrayList<>(box);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(BallotBoxDigest.of(shuffled)).isEqualTo(BallotBoxDigest.of(box)).hasSize(64);

        var altered = new ArrayList<>(box);
        altered.set(0, ballot("A", Status.VALID, "好", "较好", "差"));
        assertThat(BallotBoxDigest.of(altered)).isNotEqualTo(BallotBoxDigest.of(box));
    }

    private static Tally.SubjectResult subject(Tally.Result result, String id) {
        return result.categories().get(0).subjects().stream().filter(s -> s.subject().equals(id)).findFirst().orElseThrow();
    }
}
