package party.rectification.items;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The three-colour warning 三色预警 of an open item: red when its deadline is near or passed, yellow when it
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
