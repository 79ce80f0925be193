package party.ballot.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import party.ballot.tally.SessionDefinition.Grade;

/** A custom scale is refused when it would fail at sealing or rank the top grade below another. */
class SessionDefinitionTest {

    private static SessionDefinition withScale(Grade... grades) {
        SessionDefinition city = Sessions.cityMeeting(SessionDefinition.BlankPolicy.ABSTAIN);
        return new SessionDefinition(Arrays.asList(grades), city.ballotTypes(), city.categories(), city.blankPolicy());
    }

    private static Grade grade(String label, String value) {
        return new Grade(label, value == null ? null : new BigDecimal(value));
    }

    @Test
    void theBuiltInScalesAndADescendingCustomOneAreSound() {
        assertThat(withScale(SessionDefinition.UNIT_SCALE.toArray(Grade[]::new)).problem()).isEmpty();
        assertThat(withScale(SessionDefinition.MEMBER_SCALE.toArray(Grade[]::new)).problem()).isEmpty();
        assertThat(withScale(grade("满意", "10"), grade("基本满意", "5.5"), grade("不满意", "0")).problem()).isEmpty();
    }

    @Test
    void aGradeWithoutAValueIsRefused() {
        assertThat(withScale(grade("满意", "100"), grade("不满意", null)).problem())
                .hasValue("grades: 每个等次须有名称和分值");
        assertThat(withScale(grade("满意", "100"), null).problem()).hasValue("grades: 每个等次须有名称和分值");
        assertThat(withScale(grade(" ", "100"), grade("不满意", "0")).problem()).hasValue("grades: 每个等次须有名称和分值");
    }

    @Test
    void aNegativeValueIsRefused() {
        assertThat(withScale(grade("满意", "100"), grade("不满意", "-20")).problem()).hasValue("grades: 分值不能为负数");
    }

    @Test
    void valuesMustFallStrictlyFromTheTopGrade() {
        String falling = "grades: 分值须从第一个（最高）等次起逐级递减";
        assertThat(withScale(grade("差", "40"), grade("一般", "60"), grade("好", "100")).problem()).hasValue(falling);
        assertThat(withScale(grade("好", "100"), grade("较好", "80"), grade("一般", "90")).problem()).hasValue(falling);
        assertThat(withScale(grade("好", "100"), grade("较好", "100")).problem()).hasValue(falling);
        assertThat(withScale(grade("好", "100.0"), grade("较好", "100")).problem()).hasValue(falling);
    }

    @Test
    void aSessionEvaluatesAtMostItsLimitOfSubjects() {
        SessionDefinition city = Sessions.cityMeeting(SessionDefinition.BlankPolicy.ABSTAIN);
        var many = java.util.stream.IntStream.range(0, SessionDefinition.MAX_SUBJECTS + 1)
                .mapToObj(i -> new SessionDefinition.Subject("p" + i, "对象" + i)).toList();
        var category = new SessionDefinition.Category("c1", "一类", null, null, many);
        assertThat(new SessionDefinition(city.scale(), city.ballotTypes(), java.util.List.of(category),
                city.blankPolicy()).problem()).hasValue("categories: 一次评议最多 500 个评议对象，现有 501 个");
        var enough = new SessionDefinition.Category("c1", "一类", null, null, many.subList(0, SessionDefinition.MAX_SUBJECTS));
        assertThat(new SessionDefinition(city.scale(), city.ballotTypes(), java.util.List.of(enough),
                city.blankPolicy()).problem()).isEmpty();
    }
}
