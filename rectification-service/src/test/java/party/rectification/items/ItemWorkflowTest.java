package party.rectification.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import party.orgreplica.persons.NamedPerson;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/** The rectification workflow (DOMAIN.md §4): every legal step, every illegal one, closing, overdue, look-back. */
class ItemWorkflowTest {

    private static final LocalDate FOUND = LocalDate.of(2026, 3, 2);
    private static final LocalDate DEADLINE = FOUND.plusDays(90);

    /**
     * The workflow as the sources describe it, written out independently of the table in ItemState; withdrawing
     * (撤销) is added to every state but the two ends below.
     */
    private static final Map<ItemState, Map<Step, ItemState>> WORKFLOW = withdrawable(Map.ofEntries(
            Map.entry(ItemState.ISSUED, Map.of(Step.SUBMIT_PLAN, ItemState.PLAN_SUBMITTED)),
            Map.entry(ItemState.PLAN_SUBMITTED, Map.of(Step.APPROVE_PLAN, ItemState.PLAN_APPROVED,
                    Step.SEND_BACK_PLAN, ItemState.PLAN_SENT_BACK)),
            Map.entry(ItemState.PLAN_SENT_BACK, Map.of(Step.SUBMIT_PLAN, ItemState.PLAN_SUBMITTED)),
            Map.entry(ItemState.PLAN_APPROVED, Map.of(Step.RECORD_PROGRESS, ItemState.IN_PROGRESS,
                    Step.SUBMIT_REPORT, ItemState.REPORT_SUBMITTED)),
            Map.entry(ItemState.IN_PROGRESS, Map.of(Step.RECORD_PROGRESS, ItemState.IN_PROGRESS,
                    Step.SUBMIT_REPORT, ItemState.REPORT_SUBMITTED)),
            Map.entry(ItemState.REPORT_SUBMITTED, Map.of(Step.VERIFY, ItemState.CLOSED,
                    Step.SEND_BACK_REPORT, ItemState.REPORT_SENT_BACK)),
            Map.entry(ItemState.REPORT_SENT_BACK, Map.of(Step.RECORD_PROGRESS, ItemState.IN_PROGRESS,
                    Step.SUBMIT_REPORT, ItemState.REPORT_SUBMITTED)),
            Map.entry(ItemState.CLOSED, Map.of(Step.FOLLOW_UP_DUE, ItemState.FOLLOW_UP_DUE,
                    Step.SUSTAIN, ItemState.SUSTAINED, Step.REOPEN, ItemState.REOPENED)),
            Map.entry(ItemState.FOLLOW_UP_DUE, Map.of(Step.SUSTAIN, ItemState.SUSTAINED, Step.REOPEN, ItemState.REOPENED)),
            Map.entry(ItemState.SUSTAINED, Map.of()),
            Map.entry(ItemState.WITHDRAWN, Map.of()),
            Map.entry(ItemState.REOPENED, Map.of(Step.SUBMIT_PLAN, ItemState.PLAN_SUBMITTED))));

    private static Map<ItemState, Map<Step, ItemState>> withdrawable(Map<ItemState, Map<Step, ItemState>> steps) {
        Map<ItemState, Map<Step, ItemState>> withWithdraw = new EnumMap<>(ItemState.class);
        steps.forEach((state, next) -> {
            Map<Step, ItemState> all = new EnumMap<>(Step.class);
            all.putAll(next);
            if (state != ItemState.SUSTAINED && state != ItemState.WITHDRAWN) {
                all.put(Step.WITHDRAW, ItemState.WITHDRAWN);
            }
            withWithdraw.put(state, all);
        });
        return withWithdraw;
    }

    private static RectificationItem item() {
        return issued(TimingClass.FULL, "/city/district-a", "/city");
    }

    private static RectificationItem issued(TimingClass timing, String unitPath, String issuingPath) {
        return RectificationItem.issue(Source.INSPECTION, timing, "三会一课落实不到位", "district-a", unitPath,
                issuingPath, new NamedPerson(null, "张书记"), FOUND, DEADLINE, "inspector", Instant.parse("2026-03-02T01:00:00Z"));
    }

    private static RectificationItem in(ItemState state) {
        RectificationItem item = item();
        item.state = state;
        item.milestones = new java.util.ArrayList<>(List.of(new Milestone("制定制度", DEADLINE, null)));
        return item;
    }

    @ParameterizedTest
    @EnumSource(ItemState.class)
    void everyStepFromEveryStateIsTakenOrRefusedWithAConflict(ItemState state) {
        for (Step step : Step.values()) {
            RectificationItem item = in(state);
            ItemState expected = WORKFLOW.get(state).get(step);
            if (expected != null) {
                RectificationItem.Transition transition = item.take(step);
                assertThat(transition).isEqualTo(new RectificationItem.Transition(step, state, expected));
                assertThat(item.state).isEqualTo(expected);
            } else {
                assertThatThrownBy(() -> item.take(step)).isInstanceOfSatisfying(Refused.class, problem -> {
                    assertThat(problem.refusal()).isEqualTo(Refusal.ILLEGAL_STEP);
                    assertThat(problem.getMessage()).contains("state " + state, step.slug());
                });
                assertThat(item.state).isEqualTo(state);
            }
        }
    }

    @Test
    void aRefusalNamesTheStepsTheStateAllows() {
        assertThatThrownBy(() -> in(ItemState.PLAN_SUBMITTED).submitReport("已整改"))
                .hasMessage("step submit-report is not allowed in state PLAN_SUBMITTED; allowed: approve-plan, "
                        + "send-back-plan, withdraw");
        assertThatThrownBy(() -> in(ItemState.SUSTAINED).reopen(DEADLINE, FOUND))
                .hasMessageEndingWith("allowed: none");
        // the system's own step is never offered to a person
        assertThat(ItemState.CLOSED.allowedSteps(TimingClass.FULL)).containsExactly(Step.SUSTAIN, Step.REOPEN,
                Step.WITHDRAW);
    }

    @Test
    void aPlanSentBackThenApprovedAndAReportSentBackThenVerifiedClosesTheItemOnTime() {
        RectificationItem item = item();
        item.submitPlan("建立台账", List.of(new Milestone("完成自查", FOUND.plusDays(30), null)), NamedPerson.NOBODY);
        item.sendBackPlan();
        assertThat(item.state).isEqualTo(ItemState.PLAN_SENT_BACK);
        item.submitPlan("建立台账，逐项整改，按月调度", List.of(new Milestone("完成自查", FOUND.plusDays(30), null),
                new Milestone("完成整改", FOUND.plusDays(80), null)), new NamedPerson(null, "李书记"));
        item.approvePlan();
        item.recordProgress(0, FOUND.plusDays(20));
        assertThat(item.milestones.get(0).doneOn()).isEqualTo(FOUND.plusDays(20));
        assertThat(item.responsibleLeader).isEqualTo("李书记");
        item.submitReport("已完成");
        item.sendBackReport();
        item.recordProgress(1, FOUND.plusDays(85));
        item.submitReport("已完成，附制度文件");
        item.verify(DEADLINE, 90);

        assertThat(item.state).isEqualTo(ItemState.CLOSED);
        assertThat(item.closedOn).isEqualTo(DEADLINE);
        assertThat(item.onTime).isTrue(); // closing on the deadline day is on time
        assertThat(item.followUpDue).isEqualTo(DEADLINE.plusDays(90));
    }

    @Test
    void closingAfterTheDeadlineIsLate() {
        RectificationItem item = in(ItemState.REPORT_SUBMITTED);
        item.verify(DEADLINE.plusDays(1), 90);
        assertThat(item.onTime).isFalse();
    }

    @Test
    void progressNamesAnExistingMilestone() {
        assertThatThrownBy(() -> in(ItemState.PLAN_APPROVED).recordProgress(1, FOUND))
                .isInstanceOfSatisfying(Refused.class, p -> assertThat(p.field()).isEqualTo("milestone"));
    }

    @Test
    void overdueIsRaisedOncePerDeadlineAndEscalatesOneLevelUp() {
        RectificationItem item = item();
        assertThat(item.raiseOverdue(DEADLINE)).as("on the deadline day itself").isFalse();
        assertThat(item.isOverdue(DEADLINE.plusDays(1))).isTrue();
        assertThat(item.raiseOverdue(DEADLINE.plusDays(1))).isTrue();
        assertThat(item.escalatedTo).isEqualTo("/city");
        assertThat(item.raiseOverdue(DEADLINE.plusDays(2))).as("raised once").isFalse();
    }

    @Test
    void aWithdrawnItemIsNeverOverdueNorEscalated() {
        RectificationItem item = item();
        item.raiseOverdue(DEADLINE.plusDays(1));
        item.withdraw();
        assertThat(item.state).isEqualTo(ItemState.WITHDRAWN);
        assertThat(item.escalatedTo).isNull();
        assertThat(item.isOverdue(DEADLINE.plusDays(30))).isFalse();
        assertThat(item.raiseOverdue(DEADLINE.plusDays(30))).isFalse();
        assertThat(ItemState.WITHDRAWN.allowedSteps(TimingClass.FULL)).isEmpty();
    }

    @Test
    void closedItemsAreNeverOverdue() {
        RectificationItem item = in(ItemState.CLOSED);
        assertThat(item.isOverdue(DEADLINE.plusDays(30))).isFalse();
        assertThat(item.raiseOverdue(DEADLINE.plusDays(30))).isFalse();
    }

    @Test
    void reopeningAtTheLookBackStartsAgainstANewDeadlineThatCanGoOverdueAgain() {
        RectificationItem item = in(ItemState.REPORT_SUBMITTED);
        item.raiseOverdue(DEADLINE.plusDays(1));
        item.verify(DEADLINE.plusDays(5), 90);
        LocalDate lookBack = DEADLINE.plusDays(95);
        item.followUpDue();

        assertThatThrownBy(() -> item.reopen(lookBack.minusDays(1), lookBack))
                .isInstanceOfSatisfying(Refused.class, p -> assertThat(p.field()).isEqualTo("deadline"));
        item.reopen(lookBack.plusDays(30), lookBack);

        assertThat(item.state).isEqualTo(ItemState.REOPENED);
        assertThat(item.reopenCount).isEqualTo(1);
        assertThat(item.closedOn).isNull();
        assertThat(item.onTime).isNull();
        assertThat(item.escalatedTo).isNull();
        assertThat(item.raiseOverdue(lookBack.plusDays(31))).as("the new deadline raises its own overdue").isTrue();
    }

    @Test
    void aDeadlineBeforeTheProblemWasFoundIsRefused() {
        assertThatThrownBy(() -> RectificationItem.issue(Source.AUDIT, TimingClass.FULL, "x", "d", "/d", "/", NamedPerson.NOBODY, FOUND,
                FOUND.minusDays(1), "inspector", Instant.now()))
                .isInstanceOfSatisfying(Refused.class, p -> assertThat(p.field()).isEqualTo("deadline"));
    }

    @Test
    void anOverdueItemEscalatesOneLevelUpAndARootUnitToItself() {
        var escalations = List.of(List.of("/city/district-a/town-1", "/city/district-a"), List.of("/city", "/city"));
        for (var unitAndEscalation : escalations) {
            var item = RectificationItem.issue(Source.AUDIT, TimingClass.FULL, "x", "u", unitAndEscalation.get(0), "/",
                    NamedPerson.NOBODY, FOUND, DEADLINE, "inspector", Instant.now());
            assertThat(item.raiseOverdue(DEADLINE.plusDays(1))).isTrue();
            assertThat(item.escalatedTo).isEqualTo(unitAndEscalation.get(1));
        }
    }

    @Test
    void anItemThatNeedsNoPlanIsReportedStraightAway() {
        for (TimingClass timing : List.of(TimingClass.IMMEDIATE, TimingClass.ON_THE_SPOT)) {
            RectificationItem item = issued(timing, "/city/district-a", "/city");
            assertThat(ItemState.ISSUED.allowedSteps(timing)).containsExactly(Step.SUBMIT_PLAN, Step.SUBMIT_REPORT,
                    Step.WITHDRAW);
            item.submitReport("已当场整改");
            assertThat(item.state).isEqualTo(ItemState.REPORT_SUBMITTED);
        }
        assertThatThrownBy(() -> item().submitReport("未经方案")).isInstanceOfSatisfying(Refused.class,
                problem -> assertThat(problem.refusal()).isEqualTo(Refusal.ILLEGAL_STEP));
    }

    @Test
    void aLookBackBeforeItIsDueNeedsAReason() {
        RectificationItem item = in(ItemState.REPORT_SUBMITTED);
        item.verify(FOUND.plusDays(60), 90);
        assertThatThrownBy(() -> item.sustain(" ", FOUND.plusDays(100))).isInstanceOfSatisfying(Refused.class,
                problem -> assertThat(problem.refusal()).isEqualTo(Refusal.EARLY_LOOK_BACK));
        assertThat(item.state).isEqualTo(ItemState.CLOSED);
        item.sustain("巡察组进驻，提前回访", FOUND.plusDays(100));
        assertThat(item.state).isEqualTo(ItemState.SUSTAINED);

        RectificationItem due = in(ItemState.REPORT_SUBMITTED);
        due.verify(FOUND.plusDays(60), 90);
        due.sustain(null, FOUND.plusDays(150));
        assertThat(due.state).isEqualTo(ItemState.SUSTAINED);
    }

    /**
     * DOMAIN §7 on an item that district-a issued to its town-1: district-a and the city check it; town-1 answers it;
     * nobody at or below town-1 checks, and district-a's neighbour is on neither side.
     */
    @Test
    void theIssuingSideChecksAndTheResponsibleUnitAnswers() {
        RectificationItem item = issued(TimingClass.FULL, "/city/district-a/town-1", "/city/district-a");
        Map<String, Boolean> checks = Map.of("/city/district-a", true, "/city", true, "/", true,
                "/city/district-a/town-1", false, "/city/district-a/town-1/village-1", false, "/city/district-b", false);
        Map<String, Boolean> answers = Map.of("/city/district-a/town-1", true, "/city/district-a", false,
                "/city", false, "/city/district-a/town-1/village-1", false, "/city/district-a/town-2", false);
        checks.forEach((scope, allowed) -> assertSide(item, Step.Side.ISSUER, scope, allowed));
        answers.forEach((scope, allowed) -> assertSide(item, Step.Side.UNIT, scope, allowed));
        assertSide(item, Step.Side.SYSTEM, "/", false);
    }

    @Test
    void anItemIssuedToTheIssuersOwnUnitIsCheckedFromAbove() {
        RectificationItem item = issued(TimingClass.FULL, "/city/district-a", "/city/district-a");
        assertSide(item, Step.Side.ISSUER, "/city/district-a", false);
        assertSide(item, Step.Side.ISSUER, "/city", true);
    }

    private static void assertSide(RectificationItem item, Step.Side side, String scope, boolean allowed) {
        if (allowed) {
            item.requireSide(side, "a step", scope);
        } else {
            assertThatThrownBy(() -> item.requireSide(side, "a step", scope)).as(side + " from " + scope)
                    .isInstanceOfSatisfying(Refused.class, problem -> {
                        assertThat(problem.refusal()).isEqualTo(Refusal.WRONG_SIDE);
                        assertThat(problem.getMessage()).contains("a step", scope);
                    });
        }
    }
}
