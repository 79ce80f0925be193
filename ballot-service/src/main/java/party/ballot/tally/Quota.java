package party.ballot.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The quota on the top grade in one category: 好 ≤ half of the subjects and ≤ 11, say. */
public final class Quota {

    private Quota() {
    }

    /**
     * The effective limit: the smaller of {@code ratio × subjects} (rounded down, so half of 23 is 11)
     * and {@code cap}; either may be absent, and with neither every subject may get the top grade.
     */
    public static int limit(int subjects, BigDecimal ratio, Integer cap) {
        int limit = subjects;
        if (ratio != null) {
            limit = Math.min(limit, ratio.multiply(BigDecimal.valueOf(subjects)).setScale(0, RoundingMode.FLOOR).intValueExact());
        }
        if (cap != null) {
            limit = Math.min(limit, cap);
        }
        return limit;
    }
}
