package party.common.events;

/** What happens to a task of the task list, on {@link Topics#TASKS}, keyed by the task so its events keep their order. */
public sealed interface TaskEvent extends PlatformEvent permits TaskIssued, TaskOverdue, TaskCompleted, TaskWithdrawn {

    TaskState task();

    @Override
    default String topic() {
        return Topics.TASKS;
    }

    @Override
    default String key() {
        return task().taskId().toString();
    }

    @Override
    default String orgPath() {
        return task().orgPath();
    }
}
