package party.rectification.items;

import io.micrometer.core.annotation.Timed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import party.common.events.RectificationItemOverdue;

/**
 * Derives what the calendar makes happen, for every record with a deadline ({@link Deadlines}): open items past
 * their deadline raise {@code RectificationItemOverdue} once per deadline and are escalated one level up, and so do
 * the tasks of the task list; closed items whose look-back date has come wait for it. Works in small committed
 * batches under {@code SKIP LOCKED}, so replicas can scan side by side.
 */
@ApplicationScoped
public class DeadlineScan implements Deadlines {

    static final String SYSTEM = "system";
    private static final int BATCH = 500;

    private final Items items;
    private final EntityManager em;
    private final Instance<Deadlines> deadlines;

    public DeadlineScan(Items items, EntityManager em, @Any Instance<Deadlines> deadlines) {
        this.items = items;
        this.em = em;
        this.deadlines = deadlines;
    }

    @Scheduled(every = "${rectification.scan-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Timed(value = "rectification.deadline.scan", description = "one pass of the overdue and look-back scan")
    public void scan() {
        LocalDate today = items.today();
        for (Deadlines each : deadlines) { // the items (this scan itself) and the tasks
            while (QuarkusTransaction.requiringNew().call(() -> each.raiseOverdue(today, BATCH)) == BATCH) {
                // next batch
            }
        }
        while (QuarkusTransaction.requiringNew().call(() -> followUpsDue(today)) == BATCH) {
            // next batch
        }
    }

    @Override
    public int raiseOverdue(LocalDate today, int batch) {
        List<RectificationItem> due = lock("""
                select * from rectification_item
                where state in ('ISSUED', 'PLAN_SUBMITTED', 'PLAN_SENT_BACK', 'PLAN_APPROVED', 'IN_PROGRESS',
                                'REPORT_SUBMITTED', 'REPORT_SENT_BACK', 'REOPENED')
                  and deadline < ?1 and overdue_raised_for is distinct from deadline
                limit ?2 for update skip locked""", today, batch);
        for (RectificationItem item : due) {
            if (item.raiseOverdue(today)) {
                ItemHistory.of(item.id, items.now(), SYSTEM, "overdue", item.state, item.state,
                        "逾期，已提级督办至 " + item.escalatedTo).persist();
                items.announce(RectificationItemOverdue::new, item);
            }
        }
        return due.size();
    }

    private int followUpsDue(LocalDate today) {
        List<RectificationItem> due = lock("""
                select * from rectification_item where state = 'CLOSED' and follow_up_due <= ?1
                limit ?2 for update skip locked""", today, BATCH);
        for (RectificationItem item : due) {
            items.record(item, item.followUpDue(), SYSTEM, null);
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private List<RectificationItem> lock(String sql, LocalDate today, int batch) {
        return em.createNativeQuery(sql, RectificationItem.class).setParameter(1, today).setParameter(2, batch)
                .getResultList();
    }
}
