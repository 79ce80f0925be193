package party.assessment.duties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A line of a responsibility list as the unit and the committees above read it, names beside codes.
 *
 * @param person null for a task on a unit with no 第一责任人 on record: the unit assigns it
 * @param year   null for a post's duty, which holds for the term
 * @param task   the task of the task list it comes from, as rectification-service last announced it; or null
 */
public record DutyView(UUID id, String unit, String unitName, UUID person, String personName, String postLabel,
                       DutyOrigin origin, String originLabel, String title, Integer year, Task task, boolean removed,
                       String removedReason, long version) {

    public record Task(UUID id, String number, LocalDate deadline, String state, String stateLabel,
                       LocalDate closedOn, Boolean onTime) {
    }
}
