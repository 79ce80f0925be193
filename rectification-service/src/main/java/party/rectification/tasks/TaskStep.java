package party.rectification.tasks;

import party.rectification.items.Step;

/** One move of a task, and which side takes it (the rule of rectification items: {@link Step.Side#require}). */
public enum TaskStep {
    ACKNOWLEDGE(Step.Side.UNIT),
    RECORD_PROGRESS(Step.Side.UNIT),
    SUBMIT(Step.Side.UNIT),
    SEND_BACK(Step.Side.ISSUER),
    ACCEPT(Step.Side.ISSUER),
    WITHDRAW(Step.Side.ISSUER);

    private final Step.Side side;

    TaskStep(Step.Side side) {
        this.side = side;
    }

    public Step.Side side() {
        return side;
    }

    /** The name used in URLs and problem details, e.g. {@code send-back}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
