package party.rectification.items;

/** One move of the rectification workflow, and which side takes it. */
public enum Step {
    SUBMIT_PLAN(Side.UNIT),
    APPROVE_PLAN(Side.ISSUER),
    SEND_BACK_PLAN(Side.ISSUER),
    RECORD_PROGRESS(Side.UNIT),
    SUBMIT_REPORT(Side.UNIT),
    SEND_BACK_REPORT(Side.ISSUER),
    VERIFY(Side.ISSUER),
    FOLLOW_UP_DUE(Side.SYSTEM),
    SUSTAIN(Side.ISSUER),
    REOPEN(Side.ISSUER),
    WITHDRAW(Side.ISSUER);

    /**
     * The issuing side (inspection office, organization department) reviews and verifies; the responsible unit
     * plans and reports; the system marks the look-back as due.
     */
    public enum Side { ISSUER, UNIT, SYSTEM }

    private final Side side;

    Step(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    /** The name used in URLs and problem details, e.g. {@code send-back-plan}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
