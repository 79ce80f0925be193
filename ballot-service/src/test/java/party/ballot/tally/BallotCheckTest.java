package party.ballot.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.ballot.tally.BallotCheck.Entry;
import party.ballot.tally.BallotCheck.Status;
import party.ballot.tally.SessionDefinition.BlankPolicy;

class BallotCheckTest {

    private final SessionDefinition session = Sessions.cityMeeting(BlankPolicy.ABSTAIN);
    private final List<SessionDefinition.Subject> counties = session.categories().get(0).subjects();
    private final List<SessionDefinition.Subject> colleges = session.categories().get(1).subjects();

    private List<Mark> ballot(int countyGoods, int collegeGoods) {
        var marks = new ArrayList<>(Sessions.marks(counties, countyGoods));
        marks.addAll(Sessions.marks(colleges, collegeGoods));
        return marks;
    }

    @Test
    void elevenGoodInCategoryOneAndThreeAmongUniversitiesIsValid() {
        assertThat(BallotCheck.check(session, ballot(11, 3), Entry.ELECTRONIC).status()).isEqualTo(Status.VALID);
    }

    @Test
    void twelveGoodInCategoryOneIsVoidWhateverElseItSays() {
        var verdict = BallotCheck.check(session, ballot(12, 0), Entry.ELECTRONIC);
        assertThat(verdict.status()).isEqualTo(Status.VOID);
        assertThat(verdict.voidReason()).contains("超过限额").contains("12").contains("11");
    }

    @Test
    void fourGoodAmongUniversitiesIsVoid() {
        assertThat(BallotCheck.check(session, ballot(0, 4), Entry.ELECTRONIC).status()).isEqualTo(Status.VOID);
    }

    @Test
    void blanksAbstainOrVoidAsTheSessionSays() {
        var partial = Sessions.marks(counties.subList(0, 5), 2);
        assertThat(BallotCheck.check(session, partial, Entry.ELECTRONIC).status()).isEqualTo(Status.VALID);
        var strict = Sessions.cityMeeting(BlankPolicy.INVALID);
        var verdict = BallotCheck.check(strict, partial, Entry.ELECTRONIC);
        assertThat(verdict.status()).isEqualTo(Status.VOID);
        assertThat(verdict.voidReason()).startsWith("漏评: 22");
    }

    @Test
    void aPaperBallotWithTwoMarksOnOneSubjectIsCountedVoid() {
        var marks = new ArrayList<>(ballot(1, 0));
        marks.add(new Mark("u5", "差"));
        var verdict = BallotCheck.check(session, marks, Entry.PAPER);
        assertThat(verdict.status()).isEqualTo(Status.VOID);
        assertThat(verdict.voidReason()).startsWith("多选: u5");
    }

    @Test
    void aRepeatedSubjectOnScreenIsRefusedNotCounted() {
        var marks = new ArrayList<>(ballot(1, 0));
        marks.add(new Mark("u5", "差"));
        assertThatThrownBy(() -> BallotCheck.check(session, marks, Entry.ELECTRONIC))
                .isInstanceOfSatisfying(BallotCheck.MalformedBallot.class,
                        e -> assertThat(e.field()).isEqualTo("marks[27].subject"));
    }

    @Test
    void theMemberScaleLimitsItsOwnTopGrade() {
        var members = new SessionDefinition(SessionDefinition.MEMBER_SCALE, SessionDefinition.A_AND_B,
                List.of(new SessionDefinition.Category("m", "党员", new java.math.BigDecimal("0.3"), null,
                        Sessions.subjects("m", 10))), BlankPolicy.ABSTAIN);
        var three = List.of(new Mark("m1", "优秀"), new Mark("m2", "优秀"), new Mark("m3", "优秀"), new Mark("m4", "合格"));
        var four = List.of(new Mark("m1", "优秀"), new Mark("m2", "优秀"), new Mark("m3", "优秀"), new Mark("m4", "优秀"));
        assertThat(BallotCheck.check(members, three, Entry.ELECTRONIC).status()).isEqualTo(Status.VALID);
        assertThat(BallotCheck.check(members, four, Entry.ELECTRONIC).voidReason()).contains("评优秀 4 个，限 3 个");
    }

    @Test
    void unknownSubjectsAndGradesAreRefused() {
        assertThatThrownBy(() -> BallotCheck.check(session, List.of(new Mark("nobody", "好")), Entry.PAPER))
                .isInstanceOfSatisfying(BallotCheck.MalformedBallot.class,
                        e -> assertThat(e.field()).isEqualTo("marks[0].subject"));
        assertThatThrownBy(() -> BallotCheck.check(session, List.of(new Mark("u1", "优秀")), Entry.PAPER))
                .isInstanceOfSatisfying(BallotCheck.MalformedBallot.class,
                        e -> assertThat(e.field()).isEqualTo("marks[0].grade"));
    }

    @Test
    void aMarkWithoutSubjectOrGradeIsRefusedByName() {
        assertThatThrownBy(() -> BallotCheck.check(session, List.of(new Mark("u1", "好"), new Mark(null, "好")), Entry.ELECTRONIC))
                .isInstanceOfSatisfying(BallotCheck.MalformedBallot.class, e -> {
                    assertThat(e.field()).isEqualTo("marks[1].subject");
                    assertThat(e.getMessage()).isEqualTo("缺少评议对象");
                });
        assertThatThrownBy(() -> BallotCheck.check(session, List.of(new Mark("u1", null)), Entry.PAPER))
                .isInstanceOfSatisfying(BallotCheck.MalformedBallot.class, e -> {
                    assertThat(e.field()).isEqualTo("marks[0].grade");
                    assertThat(e.getMessage()).isEqualTo("缺少等次");
                });
    }
}
