package party.rectification.items;

import io.quarkus.panache.common.Parameters;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The three-colour warning 三色预警 of an open item or task: red when its deadline is near or passed, yellow when it
 * approaches, green otherwise. The thresholds are days left, configured in {@link RectificationRules.WarningDays}.
 */
public enum Warning {
    GREEN, YELLOW, RED;

    public static Warning of(LocalDate deadline, LocalDate today, RectificationRules.WarningDays days) {
        long left = ChronoUnit.DAYS.between(today, deadline);
        if (left <= days.red()) {
            return RED;
        }
        return left <= days.yellow() ? YELLOW : GREEN;
    }

    /**
     * Narrows a list query (JPQL conditions and their parameters) to the open records of this colour today, by
     * their {@code deadline}: the one filter of the ledger and the task list.
     */
    public void narrow(List<String> where, Parameters parameters, LocalDate today, RectificationRules.WarningDays days) {
        LocalDate from = deadlineFrom(today, days);
        LocalDate to = deadlineTo(today, days);
        if (from != null) {
            where.add("deadline >= :warningFrom");
            parameters.and("warningFrom", from);
        }
        if (to != null) {
            where.add("deadline <= :warningTo");
            parameters.and("warningTo", to);
        }
    }

    /** The earliest deadline that still has this colour today ({@code null}: unbounded). */
    public LocalDate deadlineFrom(LocalDate today, RectificationRules.WarningDays days) {
        return switch (this) {
            case RED -> null;
            case YELLOW -> today.plusDays(days.red() + 1L);
            case GREEN -> today.plusDays(days.yellow() + 1L);
        };
    }

    /** The latest deadline that still has this colour today ({@code null}: unbounded). */
    public LocalDate deadlineTo(LocalDate today, RectificationRules.WarningDays days) {
        return switch (this) {
            case RED -> today.plusDays(days.red());
            case YELLOW -> today.plusDays(days.yellow());
            case GREEN -> null;
        };
    }
}
