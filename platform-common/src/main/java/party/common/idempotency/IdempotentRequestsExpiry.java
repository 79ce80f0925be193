package party.common.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Forgets kept answers once their day is over, so the table holds one day of POSTs, not all of them. */
@ApplicationScoped
public class IdempotentRequestsExpiry {

    private final EntityManager em;

    public IdempotentRequestsExpiry(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetExpired() {
        em.createNativeQuery("delete from idempotent_request where created_at < ?1")
                .setParameter(1, Instant.now().minus(IdempotentRequests.KEPT)).executeUpdate();
    }
}
