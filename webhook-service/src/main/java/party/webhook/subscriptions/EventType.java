package party.webhook.subscriptions;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events an OA system may subscribe to. {@code AccountabilityDecided} shares a topic with the items but is
 * not here: decisions about persons stay with the discipline commission.
 */
public enum EventType {
    AssessmentResultLocked("考核结果锁定"),
    RectificationItemIssued("整改事项下发"),
    RectificationItemOverdue("整改事项逾期"),
    RectificationItemClosed("整改事项销号"),
    RectificationItemReopened("整改事项回头看重新整改"),
    BallotResultsSealed("述职评议结果封存");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<EventType> of(String type) {
        return Arrays.stream(values()).filter(value -> value.name().equals(type)).findFirst();
    }
}
