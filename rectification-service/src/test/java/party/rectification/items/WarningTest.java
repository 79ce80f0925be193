package party.rectification.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Three-colour warnings by days left, with the default thresholds (yellow at 7 days left, red at 3 or overdue). */
class WarningTest {

    private static final RectificationRules.WarningDays DAYS = new RectificationRules.WarningDays() {
        @Override
        public int yellow() {
            return 7;
        }

        @Override
        public int red() {
            return 3;
        }
    };
    private static final LocalDate DEADLINE = LocalDate.of(2026, 6, 30);

    @Test
    void theColourChangesAsTheClockMovesTowardsTheDeadline() {
        assertThat(Warning.of(DEADLINE, DEADLINE.minusDays(30), DAYS)).isEqualTo(Warning.GREEN);
        assertThat(Warning.of(DEADLINE, DEADLINE.minusDays(8), DAYS)).isEqualTo(Warning.GREEN);
        assertThat(Warning.of(DEADLINE, DEADLINE.minusDays(7), DAYS)).isEqualTo(Warning.YELLOW);
        assertThat(Warning.of(DEADLINE, DEADLINE.minusDays(4), DAYS)).isEqualTo(Warning.YELLOW);
        assertThat(Warning.of(DEADLINE, DEADLINE.minusDays(3), DAYS)).isEqualTo(Warning.RED);
        assertThat(Warning.of(DEADLINE, DEADLINE, DAYS)).isEqualTo(Warning.RED);
        assertThat(Warning.of(DEADLINE, DEADLINE.plusDays(10), DAYS)).as("overdue").isEqualTo(Warning.RED);
    }

    @Test
    void theLedgerFilterSelectsExactlyTheDeadlinesOfEachColour() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        for (int offset = -20; offset <= 40; offset++) {
            LocalDate deadline = today.plusDays(offset);
            for (Warning colour : Warning.values()) {
                LocalDate from = colour.deadlineFrom(today, DAYS);
                LocalDate to = colour.deadlineTo(today, DAYS);
                boolean selected = (from == null || !deadline.isBefore(from)) && (to == null || !deadline.isAfter(to));
                assertThat(selected).as("%s for %d days left", colour, offset)
                        .isEqualTo(Warning.of(deadline, today, DAYS) == colour);
            }
        }
    }
}
