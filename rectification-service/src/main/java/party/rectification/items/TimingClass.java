package party.rectification.items;

/** How fast a problem must be fixed; each class has a configurable default deadline ({@link RectificationRules}). */
public enum TimingClass {
    /** found by the unit itself before an inspection */
    IMMEDIATE("即知即改"),
    /** found during an inspection, e.g. eight-rule and four-winds issues */
    ON_THE_SPOT("立行立改"),
    /** fed back after an inspection, fixed by a reviewed plan */
    FULL("全面整改");

    private final String label;

    TimingClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 即知即改 and 立行立改 are fixed at once: the unit reports the fix without a plan to review first. */
    public boolean needsPlan() {
        return this == FULL;
    }
}
