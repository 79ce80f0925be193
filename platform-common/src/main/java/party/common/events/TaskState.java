package party.common.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a {@link TaskEvent} tells of a task of the task list 任务清单.
 *
 * @param orgUnit     code of the unit the task is issued to
 * @param stateLabel  the state in words (已下达, 已签收 …)
 * @param issuingPath path of the committee that issued it and checks it
 * @param onTime      for a completed task, whether it was completed by its deadline; otherwise {@code null}
 * @param escalatedTo for an overdue task, the path of the unit one level up it is escalated to
 */
public record TaskState(UUID taskId, String number, int year, String title, String orgUnit, String orgPath,
                        String issuingPath, String state, String stateLabel, LocalDate deadline, LocalDate closedOn, Boolean onTime,
                        String escalatedTo) {
}
