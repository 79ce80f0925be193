package party.rectification.tasks;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a task of the task list stands: the unit acknowledges it (签收), records progress, submits its completion
 * with the evidence required; the issuing committee accepts it (验收) or sends it back with the reason. A task
 * issued in error is withdrawn from any state short of its end.
 */
public enum TaskStatus {
    ISSUED("已下达"),
    ACKNOWLEDGED("已签收"),
    IN_PROGRESS("推进中"),
    SUBMITTED("待验收"),
    SENT_BACK("退回"),
    COMPLETED("已完成"),
    WITHDRAWN("已撤销");

    private static final Map<TaskStatus, Map<TaskStep, TaskStatus>> NEXT = Map.of(
            ISSUED, Map.of(TaskStep.ACKNOWLEDGE, ACKNOWLEDGED),
            ACKNOWLEDGED, Map.of(TaskStep.RECORD_PROGRESS, IN_PROGRESS, TaskStep.SUBMIT, SUBMITTED),
            IN_PROGRESS, Map.of(TaskStep.RECORD_PROGRESS, IN_PROGRESS, TaskStep.SUBMIT, SUBMITTED),
            SUBMITTED, Map.of(TaskStep.ACCEPT, COMPLETED, TaskStep.SEND_BACK, SENT_BACK),
            SENT_BACK, Map.of(TaskStep.RECORD_PROGRESS, IN_PROGRESS, TaskStep.SUBMIT, SUBMITTED),
            COMPLETED, Map.of(),
            WITHDRAWN, Map.of());

    /** States in which the unit still owes work: the deadline runs, warnings show, and the task can go overdue. */
    public static final Set<TaskStatus> OPEN = EnumSet.of(ISSUED, ACKNOWLEDGED, IN_PROGRESS, SUBMITTED, SENT_BACK);

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public Optional<TaskStatus> after(TaskStep step) {
        if (step == TaskStep.WITHDRAW) {
            return isOpen() ? Optional.of(WITHDRAWN) : Optional.empty();
        }
        return Optional.ofNullable(NEXT.get(this).get(step));
    }

    public Set<TaskStep> allowedSteps() {
        Set<TaskStep> steps = EnumSet.noneOf(TaskStep.class);
        steps.addAll(NEXT.get(this).keySet());
        if (isOpen()) {
            steps.add(TaskStep.WITHDRAW);
        }
        return steps;
    }
}
