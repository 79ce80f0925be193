package party.ballot.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** docs/domain.md §6: the worked example of the 好 quota. */
class QuotaTest {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    @Test
    void categoryOneOf22SubjectsAllowsEleven() {
        assertThat(Quota.limit(22, HALF, 11)).isEqualTo(11);
    }

    @Test
    void fiveUniversitiesAllowThree() {
        assertThat(Quota.limit(5, null, 3)).isEqualTo(3);
    }

    @Test
    void halfOfAnOddCountRoundsDown() {
        assertThat(Quota.limit(23, HALF, 11)).isEqualTo(11);
        assertThat(Quota.limit(15, HALF, 11)).isEqualTo(7);
    }

    @Test
    void theSmallerOfRatioAndCapWinsAndNeitherMeansNoLimit() {
        assertThat(Quota.limit(40, HALF, 11)).isEqualTo(11);
        assertThat(Quota.limit(10, HALF, 11)).isEqualTo(5);
        assertThat(Quota.limit(8, null, null)).isEqualTo(8);
    }
}
