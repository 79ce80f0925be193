package party.rectification.items;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.orgreplica.persons.NamedPerson;

/**
 * A problem a unit must fix, and where its fixing stands. Every move goes through {@link #take}, which refuses
 * a step the current state does not allow; list-based closure (销号) means only verification closes an item.
 */
@Entity
@Table(name = "rectification_item")
public class RectificationItem extends PanacheEntityBase {

    @Id
    public UUID id;
    /** the ledger number, e.g. ZG2026-000042 */
    public String number;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Enumerated(EnumType.STRING)
    @Column(name = "timing_class")
    public TimingClass timingClass;
    public String problem;
    /** what the public progress view 开门整改 may show; {@code null} keeps the item out of it */
    @Column(name = "public_summary")
    public String publicSummary;
    @Column(name = "org_code")
    public String orgCode;
    @Column(name = "org_path")
    public String orgPath;
    @Column(name = "responsible_leader")
    public String responsibleLeader;
    /** the registry's person, or null for a leader named outside it */
    @Column(name = "responsible_leader_id")
    public UUID responsibleLeaderId;
    @Column(name = "supervising_unit")
    public String supervisingUnit;
    public String measures;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Milestone> milestones = new ArrayList<>();
    public String report;
    @Column(name = "found_on")
    public LocalDate foundOn;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public ItemState state;
    /**
     * The unit on whose behalf the item was issued (an inspection team acts for the committee that sent it): it and
     * the units above it check the item; the responsible unit answers it ({@link #requireSide}).
     */
    @Column(name = "issuing_path")
    public String issuingPath;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "issued_at")
    public Instant issuedAt;
    /** the deadline for which overdue was last raised, so each deadline raises it once */
    @Column(name = "overdue_raised_for")
    public LocalDate overdueRaisedFor;
    @Column(name = "escalated_to")
    public String escalatedTo;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    /** whether the last closing met the deadline */
    @Column(name = "on_time")
    public Boolean onTime;
    @Column(name = "follow_up_due")
    public LocalDate followUpDue;
    @Column(name = "reopen_count")
    public int reopenCount;
    /** for an item raised from an assessment finding: the scheme and indicator, so withdrawing it withdraws the item */
    @Column(name = "finding_scheme")
    public UUID findingScheme;
    @Column(name = "finding_indicator")
    public String findingIndicator;
    @Version
    public long version;

    public static RectificationItem issue(Source source, TimingClass timing, String problem, String orgCode, String orgPath,
                                          String issuingPath, NamedPerson leader, LocalDate foundOn,
                                          LocalDate deadline, String issuedBy, Instant now) {
        if (deadline.isBefore(foundOn)) {
            throw Refusal.DEADLINE_BEFORE_FOUND.because("deadline " + deadline + " is before foundOn " + foundOn,
                    "deadline");
        }
        var item = new RectificationItem();
        item.id = UUID.randomUUID();
        item.source = source;
        item.timingClass = timing;
        item.problem = problem;
        item.orgCode = orgCode;
        item.orgPath = orgPath;
        item.issuingPath = issuingPath;
        item.responsibleLeader = leader.name();
        item.responsibleLeaderId = leader.id();
        item.foundOn = foundOn;
        item.deadline = deadline;
        item.state = ItemState.ISSUED;
        item.issuedBy = issuedBy;
        item.issuedAt = now;
        return item;
    }

    /** The responsible unit's measures and milestones; a sent-back or reopened item gets a new plan. */
    public Transition submitPlan(String newMeasures, List<Milestone> newMilestones, NamedPerson leader) {
        Transition transition = take(Step.SUBMIT_PLAN);
        measures = newMeasures;
        milestones = new ArrayList<>(newMilestones);
        if (leader.name() != null) {
            responsibleLeader = leader.name();
            responsibleLeaderId = leader.id();
        }
        return transition;
    }

    public Transition approvePlan() {
        return take(Step.APPROVE_PLAN);
    }

    /** 不合格的要退回重来: the plan goes back to the unit with the reason. */
    public Transition sendBackPlan() {
        return take(Step.SEND_BACK_PLAN);
    }

    /** A milestone of the approved plan reached (index into {@link #milestones}). */
    public Transition recordProgress(int milestone, LocalDate today) {
        if (milestone < 0 || milestone >= milestones.size()) {
            throw Refusal.UNKNOWN_MILESTONE.because(
                    "the plan has " + milestones.size() + " milestones, numbered from 0", "milestone");
        }
        Transition transition = take(Step.RECORD_PROGRESS);
        milestones.set(milestone, milestones.get(milestone).done(today));
        milestones = new ArrayList<>(milestones); // a new list, so the JSON column is seen as changed
        return transition;
    }

    public Transition submitReport(String text) {
        Transition transition = take(Step.SUBMIT_REPORT);
        report = text;
        return transition;
    }

    /** 补课: the report does not show the main problems solved; the unit redoes and reports again. */
    public Transition sendBackReport() {
        return take(Step.SEND_BACK_REPORT);
    }

    /** 销号: closed on the day of verification, on time when that is no later than the deadline. */
    public Transition verify(LocalDate today, int followUpDays) {
        Transition transition = take(Step.VERIFY);
        closedOn = today;
        onTime = !today.isAfter(deadline);
        followUpDue = today.plusDays(followUpDays);
        return transition;
    }

    /** The look-back falls due; the item waits for the issuing side's follow-up visit. */
    public Transition followUpDue() {
        return take(Step.FOLLOW_UP_DUE);
    }

    /** 回头看 found the fix holding: the item reaches its end. Before the look-back is due, only with a reason. */
    public Transition sustain(String reason, LocalDate today) {
        if (state == ItemState.CLOSED && today.isBefore(followUpDue) && (reason == null || reason.isBlank())) {
            throw Refusal.EARLY_LOOK_BACK.because("the look-back is due on " + followUpDue
                    + "; one before then needs a note saying why", "note");
        }
        return take(Step.SUSTAIN);
    }

    /** 回头看 found the problem back: the unit plans again against a new deadline. */
    public Transition reopen(LocalDate newDeadline, LocalDate today) {
        if (newDeadline == null || newDeadline.isBefore(today)) {
            throw Refusal.INVALID_DEADLINE.because("a reopened item needs a deadline from today on", "deadline");
        }
        Transition transition = take(Step.REOPEN);
        deadline = newDeadline;
        reopenCount++;
        closedOn = null;
        onTime = null;
        followUpDue = null;
        escalatedTo = null;
        return transition;
    }

    /** 撤销: issued in error; the history stays, the item leaves every open list and every figure. */
    public Transition withdraw() {
        Transition transition = take(Step.WITHDRAW);
        escalatedTo = null;
        return transition;
    }

    /** Overdue once per deadline: true (and escalated one level up) the first time the deadline has passed. */
    public boolean raiseOverdue(LocalDate today) {
        if (!state.isOpen() || !today.isAfter(deadline) || deadline.equals(overdueRaisedFor)) {
            return false;
        }
        overdueRaisedFor = deadline;
        escalatedTo = unitAbove(orgPath);
        return true;
    }

    /**
     * The unit one level up: it checks what a unit found in itself, and an overdue item escalates to it. A root unit
     * has only itself.
     */
    public static String unitAbove(String path) {
        return Objects.requireNonNullElse(OrgPath.parent(path), path);
    }

    public boolean isOverdue(LocalDate today) {
        return state.isOpen() && today.isAfter(deadline);
    }

    /** Who answers to whom: {@link Step.Side#require}. */
    public void requireSide(Step.Side side, String action, String scope) {
        side.require(issuingPath, orgPath, action, scope);
    }

    /** Moves to the state the step leads to, or refuses with a 409 naming the state and the allowed steps. */
    Transition take(Step step) {
        ItemState from = state;
        state = from.after(step, timingClass).orElseThrow(() -> Step.illegal(from.label(), step.slug(), from,
                from.allowedSteps(timingClass).stream().map(Step::slug).toList()));
        return new Transition(step, from, state);
    }

    public record Transition(Step step, ItemState from, ItemState to) {
    }
}
