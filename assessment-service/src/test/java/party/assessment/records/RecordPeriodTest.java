package party.assessment.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** docs/domain.md §8: a record is on time until the lock day after its month; later, a late entry. */
class RecordPeriodTest {

    private final RecordPeriod tenDays = new RecordPeriod(10);

    @Test
    void aRecordOfMidMarchIsOnTimeUntilTheTenthOfApril() {
        LocalDate meeting = LocalDate.of(2026, 3, 15);
        assertThat(tenDays.of(meeting, LocalDate.of(2026, 3, 15))).isEqualTo(new RecordPeriod.Timing(false,
                LocalDate.of(2026, 4, 10)));
        assertThat(tenDays.of(meeting, LocalDate.of(2026, 4, 10)).late()).isFalse();
    }

    @Test
    void enteredOnTheEleventhOfAprilItIsLateAndOpenUntilTheTenthOfMay() {
        assertThat(tenDays.of(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 11)))
                .isEqualTo(new RecordPeriod.Timing(true, LocalDate.of(2026, 5, 10)));
    }

    @Test
    void theMonthsEndDecides_notItsLength() {
        assertThat(tenDays.lockDay(LocalDate.of(2026, 2, 1))).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(tenDays.lockDay(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(tenDays.lockDay(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 10)); // into next year
        assertThat(new RecordPeriod(0).of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1)).late()).isTrue();
    }
}
