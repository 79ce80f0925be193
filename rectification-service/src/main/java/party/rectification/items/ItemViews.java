package party.rectification.items;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import party.orgreplica.persons.NamedPerson;

/** Response bodies of the item API. */
public final class ItemViews {

    private ItemViews() {
    }

    /**
     * An item as the ledger shows it. {@code warning} and {@code daysLeft} only for open items.
     *
     * @param responsibleLeaderId               the registry's person, null for a name outside it
     * @param responsibleLeaderOutsideRegistry  the leader is named (非名册人员) but not in the registry
     * @param allowedSteps                      what may be done next (by one side or the other)
     */
    public record ItemView(UUID id, String number, Source source, String sourceLabel, TimingClass timingClass,
                           String timingLabel, String problem, String publicSummary, String unit, String unitName,
                           String unitPath,
                           String responsibleLeader, UUID responsibleLeaderId, boolean responsibleLeaderOutsideRegistry,
                           String supervisingUnit, String measures, List<Milestone> milestones,
                           String report, LocalDate foundOn, LocalDate deadline, ItemState state, String stateLabel,
                           Warning warning, Long daysLeft, boolean overdue, String escalatedTo, LocalDate closedOn,
                           Boolean onTime, LocalDate followUpDue, int reopenCount, String issuingUnitPath, String issuedBy,
                           Instant issuedAt,
                           Set<Step> allowedSteps, long version) {

        /** @param unitName the unit's name of today (the replica's), null while the replica does not hold it */
        public static ItemView of(RectificationItem item, String unitName, LocalDate today,
                                  RectificationRules.WarningDays days) {
            boolean open = item.state.isOpen();
            return new ItemView(item.id, item.number, item.source, item.source.label(), item.timingClass,
                    item.timingClass.label(), item.problem, item.publicSummary, item.orgCode, unitName, item.orgPath,
                    item.responsibleLeader, item.responsibleLeaderId,
                    new NamedPerson(item.responsibleLeaderId, item.responsibleLeader).outsideRegistry(),
                    item.supervisingUnit, item.measures, item.milestones, item.report,
                    item.foundOn, item.deadline, item.state, item.state.label(),
                    open ? Warning.of(item.deadline, today, days) : null,
                    open ? ChronoUnit.DAYS.between(today, item.deadline) : null, item.isOverdue(today),
                    item.escalatedTo, item.closedOn, item.onTime, item.followUpDue, item.reopenCount,
                    item.issuingPath, item.issuedBy, item.issuedAt, item.state.allowedSteps(item.timingClass), item.version);
        }
    }

    public record HistoryEntry(Instant at, String actor, String action, ItemState fromState, ItemState toState,
                               String note) {

        public static HistoryEntry of(ItemHistory entry) {
            return new HistoryEntry(entry.at, entry.actor, entry.action, entry.fromState, entry.toState, entry.note);
        }
    }

    public record ItemDetail(ItemView item, List<HistoryEntry> history, List<EvidenceView> evidence) {
    }

    public record EvidenceView(UUID id, String fileName, String mediaType, long size, String sha256, String uploadedBy,
                               Instant uploadedAt) {
    }
}
