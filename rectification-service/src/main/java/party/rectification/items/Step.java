package party.rectification.items;

import java.util.Collection;
import party.common.problem.Refusal;
import party.common.problem.Refused;
import party.common.scope.OrgPath;

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
    public enum Side {
        ISSUER, UNIT, SYSTEM;

        /**
         * Who answers to whom (一级抓一级), for a rectification item and a task alike: the issuing unit and the units
         * above it check, but never from at or below the responsible unit, which therefore never checks itself; the
         * responsible unit itself answers; the scan alone marks what the calendar makes happen. Refuses with a 403
         * that names the step and who may take it.
         */
        public void require(String issuingPath, String unitPath, String action, String scope) {
            boolean allowed = switch (this) {
                case ISSUER -> OrgPath.isWithin(issuingPath, scope) && !OrgPath.isWithin(scope, unitPath);
                case UNIT -> unitPath.equals(scope);
                case SYSTEM -> false;
            };
            if (!allowed) {
                throw Refusal.WRONG_SIDE.because(action + " is taken by " + switch (this) {
                    case ISSUER -> "the issuing unit " + issuingPath + " or a unit above it, never from " + unitPath
                            + " or below";
                    case UNIT -> "the responsible unit " + unitPath + " itself";
                    case SYSTEM -> "the platform itself";
                } + "; you act for " + scope, null);
            }
        }
    }

    private final Side side;

    Step(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    /**
     * The 409 for a step its record's state does not allow, for an item and a task alike: the state in words, and
     * the steps that are allowed, by their slugs.
     */
    public static Refused illegal(String stateLabel, String step, Object state, Collection<String> allowed) {
        return Refusal.ILLEGAL_STEP.because("当前状态（" + stateLabel + "）不能执行此操作", "step " + step
                + " is not allowed in state " + state + "; allowed: "
                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)), null);
    }

    /** The name used in URLs and problem details, e.g. {@code send-back-plan}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
