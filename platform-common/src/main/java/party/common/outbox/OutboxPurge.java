package party.common.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Removes outbox events Kafka acknowledged long ago: once published, an event lives on in its topic, and a
 * deadline scan that raises tens of thousands of events would otherwise grow the table for good. Unpublished
 * events are never touched. Deletes in slices, each its own short transaction, so relaying goes on meanwhile.
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);
    private static final int SLICE = 5_000;

    private final EntityManager em;
    private final Duration keep;

    public OutboxPurge(EntityManager em,
                       @ConfigProperty(name = "platform.outbox.keep-published", defaultValue = "P7D") Duration keep) {
        this.em = em;
        this.keep = keep;
    }

    @Scheduled(every = "${platform.outbox.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purgePublishedBefore(Instant.now().minus(keep));
    }

    /** Deletes the events published before {@code cutoff}; answers how many. */
    public int purgePublishedBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from outbox_event where seq in (select seq from outbox_event
                    where published_at < ?1 order by seq limit ?2 for update skip locked)""")
                    .setParameter(1, cutoff).setParameter(2, SLICE).executeUpdate());
            total += deleted;
        } while (deleted == SLICE);
        if (total > 0) {
            LOG.infof("removed %d outbox events published before %s", total, cutoff);
        }
        return total;
    }
}
