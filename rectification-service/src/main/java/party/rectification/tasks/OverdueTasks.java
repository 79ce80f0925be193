package party.rectification.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import party.common.events.TaskOverdue;
import party.rectification.items.CommitteeClock;
import party.rectification.items.Deadlines;

/** The tasks' part of the one deadline scan: an open task past its deadline raises {@code TaskOverdue} once. */
@ApplicationScoped
public class OverdueTasks implements Deadlines {

    private final Tasks tasks;
    private final CommitteeClock clock;
    private final EntityManager em;

    public OverdueTasks(Tasks tasks, CommitteeClock clock, EntityManager em) {
        this.tasks = tasks;
        this.clock = clock;
        this.em = em;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int raiseOverdue(LocalDate today, int batch) {
        List<ResponsibilityTask> due = em.createNativeQuery("""
                select * from responsibility_task
                where state in ('ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'SENT_BACK')
                  and deadline < ?1 and overdue_raised_for is distinct from deadline
                limit ?2 for update skip locked""", ResponsibilityTask.class).setParameter(1, today)
                .setParameter(2, batch).getResultList();
        for (ResponsibilityTask task : due) {
            if (task.raiseOverdue(today)) {
                TaskHistory.record(task, clock.now(), "system", "overdue", task.state,
                        "逾期，已提级督办至 " + task.escalatedTo);
                tasks.announce(TaskOverdue::new, task);
            }
        }
        return due.size();
    }
}
