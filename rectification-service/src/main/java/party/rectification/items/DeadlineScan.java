package party.rectification.items;

import io.micrometer.core.annotation.Timed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import party.common.events.RectificationItemOverdue;

/**
 * Derives what the calendar makes happen: open items past their deadline raise {@code RectificationItemOverdue}
 * once per deadline and are escalated one level up; closed items whose look-back date has come wait for it.
 * Works in small committed batches under {@code SKIP LOCKED}, so replicas can scan side by side.
 */
@ApplicationScoped
public class DeadlineScan {

    static final String SYSTEM = "system";
    private static final int BATCH = 500;

    private final Items items;
    private final EntityManager em;

    public DeadlineScan(Items items, EntityManager em) {
        this.items = items;
        this.em = em;
    }

    @Scheduled(every = "${rectification.scan-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Timed(value = "rectification.deadline.scan", description = "one pass of the overdue and look-back scan")
    public void scan() {
        LocalDate today = items.today();
        while (QuarkusTransaction.requiringNew().call(() -> raiseOverdue(today)) == BATCH) {
            // next batch
        }
        while (QuarkusTransaction.requiringNew().call(() -> followUpsDue(today)) == BATCH) {
            // next batch
        }
    }

    private int raiseOverdue(LocalDate today) {
        List<RectificationItem> due = lock("""
                select * from rectification_item
                where state in ('ISSUED', 'PLAN_SUBMITTED', 'PLAN_SENT_BACK', 'PLAN_APPROVED', 'IN_PROGRESS',
                                'REPORT_SUBMITTED', 'REPORT_SENT_BACK', 'REOPENED')
                  and deadline < ?1 and overdue_raised_for is distinct from deadline
                limit ?2 for update skip locked""", today);
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
                limit ?2 for update skip locked""", today);
        for (RectificationItem item : due) {
            items.record(item, item.followUpDue(), SYSTEM, null);
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private List<RectificationItem> lock(String sql, LocalDate today) {
        return em.createNativeQuery(sql, RectificationItem.class).setParameter(1, today).setParameter(2, BATCH)
                .getResultList();
    }
}
