package party.rectification.intake;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import party.common.events.IndicatorFindingEvent;
import party.common.events.IndicatorFindingRaised;
import party.common.events.IndicatorFindingWithdrawn;
import party.common.inbox.ConsumedEvents;
import party.rectification.items.ItemCommands;
import party.rectification.items.Items;
import party.rectification.items.RectificationItem;
import party.rectification.items.Source;
import party.rectification.items.TimingClass;

/**
 * Turns each indicator found below its threshold by assessment-service into a rectification item for the assessed
 * unit, exactly once however often the event is delivered, and withdraws that item when the finding is withdrawn.
 * The unit's path comes with the event, so a finding never waits for the org-unit replica.
 */
@ApplicationScoped
public class FindingsConsumer {

    static final String CONSUMER = "assessment-findings";
    static final String ISSUER = "assessment-service";

    private final ConsumedEvents consumed;
    private final Items items;

    public FindingsConsumer(ConsumedEvents consumed, Items items) {
        this.consumed = consumed;
        this.items = items;
    }

    @Incoming("assessment-findings")
    @Blocking // ConsumedEvents runs each event in its own transaction and waits out a database outage
    public void intake(String message) {
        consumed.consumeOnce(CONSUMER, message, IndicatorFindingEvent.class, (envelope, event) -> {
            if (event instanceof IndicatorFindingRaised finding) {
                raise(envelope.orgUnit(), finding);
            } else if (event instanceof IndicatorFindingWithdrawn withdrawn) {
                items.withdrawFinding(withdrawn.schemeId(), withdrawn.orgUnit(), withdrawn.indicatorCode(), ISSUER,
                        "考核发现已撤回：" + withdrawn.reason());
            }
        });
    }

    private void raise(String unitPath, IndicatorFindingRaised finding) {
        String problem = "%d年度考核指标「%s」(%s) 得分 %s，低于 %s%s".formatted(finding.year(), finding.indicatorName(),
                finding.indicatorCode(), plain(finding.score()), plain(finding.threshold()),
                finding.detail() == null ? "" : "：" + finding.detail());
        // a finding from before findings named their scheme's unit: the unit above checks it
        String issuing = finding.schemePath() != null ? finding.schemePath() : RectificationItem.unitAbove(unitPath);
        RectificationItem item = items.issueTo(unitPath, issuing, new ItemCommands.Issue(Source.ASSESSMENT,
                TimingClass.FULL, problem, finding.orgUnit(), null, null, null, null, null, null), ISSUER);
        item.findingScheme = finding.schemeId();
        item.findingIndicator = finding.indicatorCode();
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
