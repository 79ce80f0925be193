package party.rectification.items;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import party.common.events.RectificationItemClosed;
import party.common.events.RectificationItemEvent;
import party.common.events.RectificationItemIssued;
import party.common.events.RectificationItemReopened;
import party.common.events.RectificationItemState;
import party.common.events.RectificationItemWithdrawn;
import party.common.evidence.EvidenceFile;
import party.common.outbox.Outbox;
import party.common.problem.Problem;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.common.sheets.SheetRows;
import party.orgreplica.ReplicatedOrgUnit;
import party.orgreplica.persons.NamedPerson;
import party.orgreplica.persons.ReplicatedPerson;
import party.orgreplica.persons.ReplicatedPost;

/** Issues items and moves them through the workflow; each move is written to the history, some are announced. */
@ApplicationScoped
public class Items {

    private final Outbox outbox;
    private final CommitteeClock clock;
    private final RectificationRules rules;
    private final EntityManager em;
    private final Validator validator;

    public Items(Outbox outbox, CommitteeClock clock, RectificationRules rules, EntityManager em, Validator validator) {
        this.outbox = outbox;
        this.clock = clock;
        this.rules = rules;
        this.em = em;
        this.validator = validator;
    }

    /** What an import issued, each item with the sheet's row it came from, and each row refused, with why. */
    public record Imported(List<Issued> issued, List<Problem.FieldError> refused) {
    }

    public record Issued(int row, String number, UUID id) {
    }

    /**
     * A new item for a unit in the caller's scope, issued on behalf of the caller's unit; a problem the unit found
     * itself (自查) is checked by the unit above it.
     */
    @Transactional
    public RectificationItem issue(ItemCommands.Issue command, String scope, String actor) {
        return issued(command, scope, actor);
    }

    /**
     * Issues the problems of a sheet ({@link ItemSheet}), each as {@link #issue} issues one; its 责任人 is the person of
     * the registry of that name holding a post in the unit today when there is exactly one, otherwise a name outside
     * the registry. Every row or none: one refused row refuses the sheet, listing each refused row, and nothing is
     * issued or announced; with {@code validRowsOnly} the good rows are issued and the refused ones listed.
     */
    @Transactional
    public Imported importItems(InputStream sheet, String mediaType, boolean validRowsOnly, String scope,
                                String actor) throws IOException {
        var issued = new ArrayList<Issued>();
        var rows = new SheetRows(validator, ItemSheet::column);
        for (ItemSheet.Line line : ItemSheet.read(sheet, mediaType)) {
            rows.take(line.line(), line.issue(), line.column(), line.reason(), issue -> {
                RectificationItem item = issued(leaderNamed(issue), scope, actor);
                issued.add(new Issued(line.line(), item.number, item.id));
                return true;
            });
        }
        rows.refuseSheetUnless(validRowsOnly, "issued");
        return new Imported(issued, rows.refused());
    }

    /** The row's 责任人 as the registry's person when exactly one of that name holds a post in the unit today. */
    private ItemCommands.Issue leaderNamed(ItemCommands.Issue row) {
        if (row.responsibleLeader() == null) {
            return row;
        }
        var holding = NamedPerson.inUnit(row.unit(), clock.today());
        List<UUID> named = ReplicatedPerson.<ReplicatedPerson>list("name", row.responsibleLeader().strip()).stream()
                .filter(person -> ReplicatedPost.<ReplicatedPost>list("personId", person.id).stream().anyMatch(holding))
                .map(person -> person.id).toList();
        return named.size() != 1 ? row : new ItemCommands.Issue(row.source(), row.timingClass(), row.problem(),
                row.unit(), null, named.get(0), row.supervisingUnit(), row.foundOn(), row.deadline(),
                row.publicSummary());
    }

    /** Called, not intercepted, by an import: a refused row must not mark the whole sheet's transaction for rollback. */
    private RectificationItem issued(ItemCommands.Issue command, String scope, String actor) {
        ReplicatedOrgUnit unit = ReplicatedOrgUnit.activeWithinScope(command.unit(), scope, "unit");
        if (command.supervisingUnit() != null) {
            ReplicatedOrgUnit.activeWithinScope(command.supervisingUnit(), scope, "supervisingUnit");
        }
        String issuing = command.source() == Source.SELF_CHECK ? RectificationItem.unitAbove(unit.path) : scope;
        return issuedTo(unit.path, issuing, command, actor);
    }

    /**
     * A new item for the unit at this path, checked by the unit at {@code issuingPath} and those above it; without a
     * deadline, the timing class gives the default.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RectificationItem issueTo(String unitPath, String issuingPath, ItemCommands.Issue command, String actor) {
        return issuedTo(unitPath, issuingPath, command, actor);
    }

    private RectificationItem issuedTo(String unitPath, String issuingPath, ItemCommands.Issue command, String actor) {
        LocalDate today = clock.today();
        LocalDate foundOn = command.foundOn() == null ? today : command.foundOn();
        if (foundOn.isAfter(today)) {
            throw Refusal.FOUND_IN_FUTURE.because("foundOn " + foundOn + " is after today " + today, "foundOn");
        }
        LocalDate deadline = command.deadline() != null ? command.deadline()
                : foundOn.plusDays(rules.days(command.timingClass()));
        NamedPerson leader = leaderOf(command.unit(), command.responsibleLeaderId(), command.responsibleLeader());
        var item = RectificationItem.issue(command.source(), command.timingClass(), command.problem(), command.unit(),
                unitPath, issuingPath, leader, foundOn, deadline, actor, clock.now());
        item.supervisingUnit = command.supervisingUnit();
        item.publicSummary = command.publicSummary();
        item.number = "ZG%d-%06d".formatted(today.getYear(),
                ((Number) em.createNativeQuery("select nextval('item_number')").getSingleResult()).longValue());
        item.persist();
        ItemHistory.of(item.id, item.issuedAt, actor, "issued", null, item.state, null).persist();
        announce(RectificationItemIssued::new, item);
        return item;
    }

    /** The leader responsible for the fix: a person of the registry holding a post in the unit today, or a name. */
    public NamedPerson leaderOf(String unit, UUID personId, String name) {
        return NamedPerson.of(personId, name, NamedPerson.inUnit(unit, clock.today()),
                "holds a post in " + unit + " today", "responsibleLeaderId");
    }

    /**
     * One workflow step on an item in scope, taken by its side ({@link RectificationItem#requireSide}), recorded with
     * its actor and note; closing and reopening are announced.
     */
    @Transactional
    public RectificationItem take(UUID id, Step step, String scope, String actor, String note,
                                  Function<RectificationItem, RectificationItem.Transition> move) {
        RectificationItem item = visible(id, scope);
        item.requireSide(step.side(), step.slug(), scope);
        RectificationItem.Transition transition = move.apply(item);
        record(item, transition, actor, note);
        announce(transition, item);
        return item;
    }

    /**
     * The items an assessment finding raised, withdrawn by the platform itself when the finding is withdrawn (a
     * review corrected before the scheme is locked); an item already at its end stays as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawFinding(UUID schemeId, String orgCode, String indicatorCode, String actor, String reason) {
        RectificationItem.<RectificationItem>list("findingScheme = ?1 and orgCode = ?2 and findingIndicator = ?3",
                schemeId, orgCode, indicatorCode).stream().filter(item -> !item.state.isFinal()).forEach(item -> {
                    RectificationItem.Transition transition = item.withdraw();
                    record(item, transition, actor, reason);
                    announce(transition, item);
                });
    }

    /** A file proving the work on an item in scope, checked for size and type, kept with the item's history. */
    @Transactional
    public Evidence addEvidence(UUID id, String scope, String actor, String fileName, byte[] content) {
        RectificationItem item = visible(id, scope);
        item.requireSide(Step.Side.UNIT, "add-evidence", scope);
        var evidence = Evidence.of(item.id, EvidenceFile.checked(fileName, content, rules.evidence().maxBytes()), actor,
                clock.now());
        evidence.persist();
        ItemHistory.of(item.id, evidence.uploadedAt, actor, "evidence-added", item.state, item.state, fileName).persist();
        return evidence;
    }

    /** The item when the scope covers its responsible unit; 404 otherwise. */
    public RectificationItem visible(UUID id, String scope) {
        return OrgPath.visible(RectificationItem.<RectificationItem>findById(id), item -> item.orgPath, scope);
    }

    public LocalDate today() {
        return clock.today();
    }

    Instant now() {
        return clock.now();
    }

    public int followUpDays() {
        return rules.followUpDays();
    }

    void record(RectificationItem item, RectificationItem.Transition transition, String actor, String note) {
        ItemHistory.of(item.id, clock.now(), actor, transition.step().slug(), transition.from(), transition.to(), note)
                .persist();
    }

    private void announce(RectificationItem.Transition transition, RectificationItem item) {
        switch (transition.step()) {
            case VERIFY -> announce(RectificationItemClosed::new, item);
            case REOPEN -> announce(RectificationItemReopened::new, item);
            case WITHDRAW -> announce(RectificationItemWithdrawn::new, item);
            default -> { }
        }
    }

    void announce(Function<RectificationItemState, RectificationItemEvent> event, RectificationItem item) {
        outbox.publish(event.apply(new RectificationItemState(item.id, item.number, item.orgCode, item.orgPath,
                item.source.name(), item.timingClass.name(), item.state.name(), item.deadline, item.closedOn, item.onTime,
                item.escalatedTo)));
    }
}
