package party.rectification.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import party.rectification.items.ItemState;
import party.rectification.items.Source;
import party.rectification.items.TimingClass;

/** Response bodies of the ledger's views. */
public final class LedgerViews {

    private LedgerViews() {
    }

    /**
     * Per-unit figures over the unit's own items, or rolled up over its whole subtree ({@code rollup=true}).
     *
     * @param closed          items closed and not reopened since
     * @param onTimeRate      closed on time / closed; {@code null} while nothing is closed
     * @param reopenRate      items reopened at least once / items ever closed; {@code null} while none was closed
     */
    public record UnitFigures(String unit, String name, String path, long items, long open, long overdue, long closed,
                              long closedOnTime, BigDecimal onTimeRate, long reopened, BigDecimal reopenRate) {
    }

    /** The last twelve months, oldest first, and each source's items, of a subtree (withdrawn items nowhere). */
    public record Trend(List<Month> months, List<BySource> sources) {
    }

    /**
     * @param overdue items whose deadline fell in the month and passed before they closed (or that are still open)
     */
    public record Month(String month, long issued, long closed, long closedOnTime, long overdue) {
    }

    public record BySource(Source source, String sourceLabel, long items, long open, long overdue, long closed,
                           long closedOnTime, BigDecimal onTimeRate) {
    }

    /** What the public progress view 开门整改 shows of an item: no problem text, person, history or evidence. */
    public record PublicProgress(String number, String unitName, String summary, TimingClass timingClass,
                                 String timingLabel, ItemState state, String stateLabel, LocalDate deadline,
                                 LocalDate closedOn) {
    }
}
