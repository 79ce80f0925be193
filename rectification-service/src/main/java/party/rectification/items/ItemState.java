package party.rectification.items;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a rectification item stands. The table below is the whole workflow (DOMAIN.md §4, six steps): a plan is
 * reviewed and may be sent back, work is reported and may be sent back to redo, verification closes the item
 * (销号), a look-back (回头看) either sustains it or reopens it. An item issued in error is withdrawn (撤销) from any
 * state short of its end; it stays in the ledger, marked, and counts nowhere.
 */
public enum ItemState {
    ISSUED("已交办"),
    PLAN_SUBMITTED("方案待审"),
    PLAN_SENT_BACK("方案退回"),
    PLAN_APPROVED("方案通过"),
    IN_PROGRESS("整改中"),
    REPORT_SUBMITTED("报告待验收"),
    REPORT_SENT_BACK("报告退回"),
    CLOSED("已销号"),
    FOLLOW_UP_DUE("待回头看"),
    SUSTAINED("巩固"),
    REOPENED("重新整改"),
    WITHDRAWN("已撤销");

    private static final Map<ItemState, Map<Step, ItemState>> NEXT = new LinkedHashMap<>();

    static {
        NEXT.put(ISSUED, Map.of(Step.SUBMIT_PLAN, PLAN_SUBMITTED));
        NEXT.put(PLAN_SUBMITTED, Map.of(Step.APPROVE_PLAN, PLAN_APPROVED, Step.SEND_BACK_PLAN, PLAN_SENT_BACK));
        NEXT.put(PLAN_SENT_BACK, Map.of(Step.SUBMIT_PLAN, PLAN_SUBMITTED));
        NEXT.put(PLAN_APPROVED, Map.of(Step.RECORD_PROGRESS, IN_PROGRESS, Step.SUBMIT_REPORT, REPORT_SUBMITTED));
        NEXT.put(IN_PROGRESS, Map.of(Step.RECORD_PROGRESS, IN_PROGRESS, Step.SUBMIT_REPORT, REPORT_SUBMITTED));
        NEXT.put(REPORT_SUBMITTED, Map.of(Step.VERIFY, CLOSED, Step.SEND_BACK_REPORT, REPORT_SENT_BACK));
        NEXT.put(REPORT_SENT_BACK, Map.of(Step.RECORD_PROGRESS, IN_PROGRESS, Step.SUBMIT_REPORT, REPORT_SUBMITTED));
        NEXT.put(CLOSED, Map.of(Step.FOLLOW_UP_DUE, FOLLOW_UP_DUE, Step.SUSTAIN, SUSTAINED, Step.REOPEN, REOPENED));
        NEXT.put(FOLLOW_UP_DUE, Map.of(Step.SUSTAIN, SUSTAINED, Step.REOPEN, REOPENED));
        NEXT.put(SUSTAINED, Map.of());
        NEXT.put(REOPENED, Map.of(Step.SUBMIT_PLAN, PLAN_SUBMITTED));
        NEXT.put(WITHDRAWN, Map.of());
    }

    /** States in which the responsible unit still owes work: these have a running deadline and can go overdue. */
    public static final Set<ItemState> OPEN = EnumSet.of(ISSUED, PLAN_SUBMITTED, PLAN_SENT_BACK, PLAN_APPROVED,
            IN_PROGRESS, REPORT_SUBMITTED, REPORT_SENT_BACK, REOPENED);

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Where the step leads an item of this timing class; an item that needs no plan may report from the start. */
    public Optional<ItemState> after(Step step, TimingClass timing) {
        if (this == ISSUED && step == Step.SUBMIT_REPORT && !timing.needsPlan()) {
            return Optional.of(REPORT_SUBMITTED);
        }
        if (step == Step.WITHDRAW) {
            return isFinal() ? Optional.empty() : Optional.of(WITHDRAWN);
        }
        return Optional.ofNullable(NEXT.get(this).get(step));
    }

    /** The steps a person may take from here, in workflow order (the system's own steps left out). */
    public Set<Step> allowedSteps(TimingClass timing) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        NEXT.get(this).keySet().stream().filter(step -> step.side() != Step.Side.SYSTEM).forEach(steps::add);
        if (this == ISSUED && !timing.needsPlan()) {
            steps.add(Step.SUBMIT_REPORT);
        }
        if (!isFinal()) {
            steps.add(Step.WITHDRAW);
        }
        return steps;
    }

    /** Sustained or withdrawn: nothing more happens to the item. */
    public boolean isFinal() {
        return this == SUSTAINED || this == WITHDRAWN;
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
