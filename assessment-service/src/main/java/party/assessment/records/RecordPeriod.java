package party.assessment.records;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a duty record is on time and how long it stays open to change (docs/domain.md §8): its period is the month it
 * happened in, and it may be entered and changed until {@code lockDays} days after that month ends. Entered later,
 * it is a late entry (补录), marked so, with its reason, and open to change until the same day after the month it
 * was entered in.
 *
 * @param lockDays e.g. 10: a record of 15 March is on time until 10 April
 */
public record RecordPeriod(int lockDays) {

    /** Whether the record, entered on {@code enteredOn}, is late, and the last day it may be changed. */
    public record Timing(boolean late, LocalDate editableUntil) {
    }

    public Timing of(LocalDate happenedOn, LocalDate enteredOn) {
        boolean late = enteredOn.isAfter(lockDay(happenedOn));
        return new Timing(late, lockDay(late ? enteredOn : happenedOn));
    }

    /** The last day a record of this day is on time. */
    public LocalDate lockDay(LocalDate day) {
        return YearMonth.from(day).atEndOfMonth().plusDays(lockDays);
    }
}
