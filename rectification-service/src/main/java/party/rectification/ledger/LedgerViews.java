package party.rectification.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import party.rectification.items.ItemState;
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

    /** What the public progress view 开门整改 shows of an item: no problem text, person, history or evidence. */
    public record PublicProgress(String number, String unitName, String summary, TimingClass timingClass,
                                 String timingLabel, ItemState state, String stateLabel, LocalDate deadline,
                                 LocalDate closedOn) {
    }
}
