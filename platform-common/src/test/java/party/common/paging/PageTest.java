package party.common.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A count that stops: exact up to 10,000 rows or the page asked for, "more than" past it. */
class PageTest {

    private static Page<String> page(int page, int size, long matching) {
        return Page.counted(List.of(), page, size, limit -> Math.min(limit, matching));
    }

    @Test
    void aListWithinTheBound_isCountedExactly() {
        assertThat(page(0, 20, 3)).extracting(Page::total, Page::totalExact).containsExactly(3L, true);
        assertThat(page(0, 20, 10_000)).extracting(Page::total, Page::totalExact).containsExactly(10_000L, true);
    }

    @Test
    void aCitysLedger_saysMoreThan10000() {
        assertThat(page(0, 20, 10_001)).extracting(Page::total, Page::totalExact).containsExactly(10_000L, false);
        assertThat(page(0, 20, 1_000_000)).extracting(Page::total, Page::totalExact).containsExactly(10_000L, false);
    }

    @Test
    void aPageBeyondTheBound_isCountedToItsEnd_soTheReaderKnowsWhetherAnotherFollows() {
        assertThat(page(600, 20, 1_000_000)).extracting(Page::total, Page::totalExact)
                .containsExactly(12_020L, false);
        assertThat(page(600, 20, 12_010)).extracting(Page::total, Page::totalExact).containsExactly(12_010L, true);
    }

    @Test
    void theCountIsAskedForOneRowMoreThanItReports() {
        long[] asked = new long[1];
        Page.counted(List.of(), 0, 20, limit -> asked[0] = limit);
        assertThat(asked[0]).isEqualTo(10_001L);
    }
}
