package party.rectification.items;

import java.time.LocalDate;

/**
 * Records with a deadline that {@link DeadlineScan}, the one scan, looks at: rectification items and the tasks of
 * the task list. Each pass takes a batch in its own transaction under {@code SKIP LOCKED}, so replicas scan side
 * by side, and raises each deadline's overdue once.
 */
public interface Deadlines {

    /** Raises overdue for up to {@code batch} records whose deadline passed before today; returns how many it took. */
    int raiseOverdue(LocalDate today, int batch);
}
