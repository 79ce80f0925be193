package party.assessment.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/** One 第一责任人 per unit on any day (「强化第一责任人的唯一性」), and a person's history when they change post. */
class SuccessionTest {

    private static final Succession.Held WANG_SINCE_2024 = held("王书记", "2024-03-01", null);

    @Test
    void theSecretaryInOfficeHandsOverTheDayBeforeTheNewOneBegins() {
        assertThat(Succession.handOver(List.of(WANG_SINCE_2024), term("2026-07-01", null))).contains(WANG_SINCE_2024);
    }

    @Test
    void aUnitWithoutASecretaryTakesOneAndTermsThatDoNotMeetAreNoConflict() {
        assertThat(Succession.handOver(List.of(), term("2026-01-01", null))).isEmpty();
        var ended = held("李书记", "2020-01-01", "2023-12-31");
        assertThat(Succession.handOver(List.of(ended), term("2024-01-01", null))).isEmpty();
        assertThat(Succession.handOver(List.of(ended), term("2019-01-01", "2019-12-31"))).isEmpty();
    }

    @Test
    void aSecretaryWhoseRecordedTermRunsPastTheNewOnesStartHandsOverToo() {
        var li = held("李书记", "2020-01-01", "2023-12-31");
        assertThat(Succession.handOver(List.of(li), term("2023-06-01", null))).contains(li);
        assertThat(Succession.handOver(List.of(li), term("2023-06-01", "2027-12-31"))).contains(li);
        // but an interlude within their term is no succession
        assertTaken(() -> Succession.handOver(List.of(li), term("2023-06-01", "2023-09-30")));
        assertTaken(() -> Succession.handOver(List.of(WANG_SINCE_2024), term("2026-06-01", "2026-12-31")));
    }

    @Test
    void twoSecretariesOnOneDayAreRefused() {
        // a term beginning after the new one's start: it would be 第一责任人 on the same days
        assertTaken(() -> Succession.handOver(List.of(held("李书记", "2024-01-01", "2024-12-31")),
                term("2023-06-01", "2024-06-30")));
        // a term that begins on the same day as the one in office, or before it: nobody hands over to it
        assertTaken(() -> Succession.handOver(List.of(WANG_SINCE_2024), term("2024-03-01", null)));
        assertTaken(() -> Succession.handOver(List.of(WANG_SINCE_2024), term("2023-01-01", "2024-05-01")));
        // the one in office hands over once: a second open term in the record is a conflict
        assertTaken(() -> Succession.handOver(List.of(WANG_SINCE_2024, held("赵书记", "2025-01-01", null)),
                term("2026-01-01", null)));
    }

    @Test
    void aCorrectedTermOverlapsNoOtherFirstResponsible() {
        Succession.noOverlap(List.of(held("李书记", "2020-01-01", "2023-12-31")), term("2024-01-01", null));
        assertTaken(() -> Succession.noOverlap(List.of(WANG_SINCE_2024), term("2025-01-01", null)));
    }

    @Test
    void aChangeOfPostMustBeginAfterTheCurrentOne() {
        var member = held("张委员", "2022-01-01", null);
        Succession.changeOfPost(Optional.of(member), term("2026-01-01", null));
        Succession.changeOfPost(Optional.empty(), term("2026-01-01", null));
        assertThatThrownBy(() -> Succession.changeOfPost(Optional.of(member), term("2022-01-01", null)))
                .isInstanceOf(Refused.class)
                .satisfies(e -> assertThat(((Refused) e).refusal()).isEqualTo(Refusal.INVALID_TERM));
    }

    @Test
    void termsIncludeBothEnds() {
        assertThat(term("2024-01-01", "2024-12-31").overlaps(term("2024-12-31", null))).isTrue();
        assertThat(term("2024-01-01", "2024-12-31").overlaps(term("2025-01-01", null))).isFalse();
        assertThat(term("2024-01-01", null).holds(LocalDate.parse("2030-01-01"))).isTrue();
        assertThat(term("2024-01-01", "2024-12-31").holds(LocalDate.parse("2025-01-01"))).isFalse();
    }

    private static void assertTaken(Runnable appointment) {
        assertThatThrownBy(appointment::run).isInstanceOf(Refused.class)
                .satisfies(e -> assertThat(((Refused) e).refusal()).isEqualTo(Refusal.FIRST_RESPONSIBLE_TAKEN));
    }

    private static Succession.Held held(String name, String start, String end) {
        return new Succession.Held(UUID.randomUUID(), name, term(start, end));
    }

    private static Term term(String start, String end) {
        return new Term(LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }
}
