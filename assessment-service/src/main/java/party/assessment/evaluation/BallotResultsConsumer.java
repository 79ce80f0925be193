package party.assessment.evaluation;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.assessment.inputs.Rescoring;
import party.assessment.orgunits.OrgUnit;
import party.common.events.BallotResultsSealed;
import party.common.inbox.ConsumedEvents;

/** Records each sealed 述职评议 tally as the evaluation component of the subjects' assessments, and rescores them. */
@ApplicationScoped
public class BallotResultsConsumer {

    static final String CONSUMER = "evaluation-results";

    private final ConsumedEvents consumed;
    private final Rescoring rescoring;

    public BallotResultsConsumer(ConsumedEvents consumed, Rescoring rescoring) {
        this.consumed = consumed;
        this.rescoring = rescoring;
    }

    @Incoming("ballot-results")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void record(String message) {
        consumed.consumeOnce(CONSUMER, message, BallotResultsSealed.class, (envelope, sealed) -> {
            for (BallotResultsSealed.SubjectResult subject : sealed.subjects()) {
                var result = new EvaluationResult();
                result.key = new EvaluationResult.Key(sealed.sessionId(), subject.subject());
                result.sessionTitle = sealed.title();
                result.heldOn = sealed.heldOn();
                result.sessionPath = envelope.orgUnit();
                OrgUnit unit = OrgUnit.findById(subject.subject());
                result.subjectPath = unit == null ? null : unit.path;
                result.category = subject.category();
                result.name = subject.name();
                result.weightedTotal = subject.weightedTotal();
                result.rank = subject.rank();
                result.byType = subject.byType();
                result.digest = sealed.digest();
                result.persist();
                if (unit != null) {
                    rescoring.rescoreEverywhere(unit.code, sealed.heldOn().getYear());
                }
            }
        });
    }
}
