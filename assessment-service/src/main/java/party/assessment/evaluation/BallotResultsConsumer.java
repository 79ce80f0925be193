package party.assessment.evaluation;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.assessment.orgunits.OrgUnit;
import party.common.events.BallotResultsSealed;
import party.common.inbox.ConsumedEvents;

/**
 * Records each sealed 述职评议 tally, scored out of 100 against its top grade; a scheme counts it once its organizer
 * names the session ({@link CountedSessions}).
 */
@ApplicationScoped
public class BallotResultsConsumer {

    static final String CONSUMER = "evaluation-results";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final ConsumedEvents consumed;

    public BallotResultsConsumer(ConsumedEvents consumed) {
        this.consumed = consumed;
    }

    @Incoming("ballot-results")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void record(String message) {
        consumed.consumeOnce(CONSUMER, message, BallotResultsSealed.class, (envelope, sealed) -> {
            // a tally from before sessions stated their year and scale: the year held, grades out of 100
            int year = sealed.year() != null ? sealed.year() : sealed.heldOn().getYear();
            BigDecimal top = sealed.scale() == null || sealed.scale().isEmpty() || sealed.scale().get(0).value().signum() <= 0
                    ? HUNDRED : sealed.scale().get(0).value();
            for (BallotResultsSealed.SubjectResult subject : sealed.subjects()) {
                var result = new EvaluationResult();
                result.key = new EvaluationResult.Key(sealed.sessionId(), subject.subject());
                result.sessionTitle = sealed.title();
                result.heldOn = sealed.heldOn();
                result.year = year;
                result.sessionPath = envelope.orgUnit();
                OrgUnit unit = subject.kind() == BallotResultsSealed.SubjectKind.PERSON ? null
                        : OrgUnit.findById(subject.subject());
                result.subjectPath = unit == null ? null : unit.path;
                result.category = subject.category();
                result.name = subject.name();
                result.weightedTotal = subject.weightedTotal();
                result.score = subject.weightedTotal() == null ? null
                        : subject.weightedTotal().multiply(HUNDRED).divide(top, 4, RoundingMode.HALF_UP);
                result.rank = subject.rank();
                result.byType = subject.byType();
                result.digest = sealed.digest();
                result.persist(); // counted once a scheme names the session, which rescores it then
            }
        });
    }
}
