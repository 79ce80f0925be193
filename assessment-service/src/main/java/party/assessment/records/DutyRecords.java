package party.assessment.records;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import party.assessment.duties.Duties;
import party.assessment.duties.Duty;
import party.assessment.inputs.Rescoring;
import party.assessment.orgunits.OrgUnit;
import party.assessment.persons.Appointment;
import party.assessment.persons.Person;
import party.assessment.schemes.Scheme;
import party.assessment.schemes.SchemeState;
import party.assessment.scoring.DutyKind;
import party.common.evidence.EvidenceFile;
import party.common.paging.Page;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.common.scope.OrgScope;

/**
 * Duty records 履责纪实 (docs/domain.md §8). A unit records its own leaders' duties, each in the post the leader held
 * that day; the committees above read them (示范) and never write them: the side rule of §7. Every change sets off
 * the unit's results, which count the records. {@code scope} is the caller's org path.
 */
@ApplicationScoped
public class DutyRecords {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Rescoring rescoring;
    private final RecordPeriod period;
    private final long evidenceMaxBytes;

    public DutyRecords(Rescoring rescoring, @ConfigProperty(name = "assessment.records.lock-days") int lockDays,
                       @ConfigProperty(name = "assessment.records.evidence.max-bytes") long evidenceMaxBytes) {
        this.rescoring = rescoring;
        this.period = new RecordPeriod(lockDays);
        this.evidenceMaxBytes = evidenceMaxBytes;
    }

    @Transactional
    public DutyRecordView record(DutyRecordCommands.Record command, String scope, String actor) {
        LocalDate today = today();
        requirePast(command.happenedOn(), today);
        Appointment post = postHeld(command.personId(), command.happenedOn(), scope);
        var record = new DutyRecord();
        record.id = UUID.randomUUID();
        record.personId = post.personId;
        record.recordedBy = actor;
        record.recordedAt = Instant.now();
        write(record, post, command.kind(), command.happenedOn(), command.participants(), command.summary(),
                command.lateReason(), command.dutyId(), today);
        record.persist();
        rescoring.rescoreEverywhere(record.unitCode, record.happenedOn.getYear());
        return view(record);
    }

    /** Puts a record right while its period is open; a day moved into a locked period makes it a late entry. */
    @Transactional
    public DutyRecordView correct(UUID id, DutyRecordCommands.Correct command, String scope) {
        DutyRecord record = kept(id, scope);
        if (command.version() != null && command.version() != record.version) {
            throw Refusal.STALE_VERSION.because("version " + command.version() + " was read; it is now "
                    + record.version, "version");
        }
        LocalDate today = today();
        record.requireOpen(today);
        requirePast(command.happenedOn(), today);
        int yearBefore = record.happenedOn.getYear();
        Appointment post = postHeld(record.personId, command.happenedOn(), scope);
        write(record, post, command.kind(), command.happenedOn(), command.participants(), command.summary(),
                command.lateReason(), command.dutyId(), LocalDate.ofInstant(record.recordedAt, ZONE));
        DutyRecord.flush(); // the answer carries the new version
        rescoring.rescoreEverywhere(record.unitCode, yearBefore);
        if (record.happenedOn.getYear() != yearBefore) {
            rescoring.rescoreEverywhere(record.unitCode, record.happenedOn.getYear());
        }
        return view(record);
    }

    @Transactional
    public DutyRecordView withdraw(UUID id, String reason, String scope) {
        DutyRecord record = kept(id, scope);
        record.requireOpen(today());
        record.withdraw(reason);
        rescoring.rescoreEverywhere(record.unitCode, record.happenedOn.getYear());
        return view(record);
    }

    @Transactional
    public DutyRecordView.File addEvidence(UUID id, String fileName, byte[] content, String scope, String actor) {
        DutyRecord record = kept(id, scope);
        record.requireOpen(today());
        var evidence = DutyRecordEvidence.of(record.id, EvidenceFile.checked(fileName, content, evidenceMaxBytes), actor);
        evidence.persist();
        return new DutyRecordView.File(evidence.id, evidence.fileName, evidence.mediaType, evidence.size,
                evidence.sha256, evidence.uploadedAt);
    }

    public DutyRecordEvidence evidence(UUID id, UUID fileId, String scope) {
        DutyRecord record = visible(id, scope);
        DutyRecordEvidence evidence = DutyRecordEvidence.findById(fileId);
        if (evidence == null || !evidence.recordId.equals(record.id)) {
            throw Refusal.unknown();
        }
        return evidence;
    }

    public DutyRecordView get(UUID id, String scope) {
        return view(visible(id, scope));
    }

    /** A kind of record, by code and by the name people read. */
    public record Kind(String code, String name) {
    }

    /** The kinds the caller's unit may record this year: the built-in ones and those of its schemes of the year. */
    public List<Kind> kinds(String scope) {
        var kinds = new java.util.LinkedHashMap<String, String>();
        for (DutyKind kind : DutyKind.values()) {
            kinds.put(kind.name(), kind.label());
        }
        Scheme.<Scheme>list("year = ?1 and state <> ?2", today().getYear(), SchemeState.DRAFT).stream()
                .filter(scheme -> scheme.assesses(scope))
                .flatMap(scheme -> scheme.definition.ownRecordKinds().stream())
                .forEach(kind -> kinds.putIfAbsent(kind.code(), kind.name()));
        return kinds.entrySet().stream().map(kind -> new Kind(kind.getKey(), kind.getValue())).toList();
    }

    /** A filter of the list; each part optional. */
    public record Filter(UUID person, String unit, Integer year, String kind, boolean withdrawn) {
    }

    /** Records in scope, newest first; withdrawn ones only when asked for. */
    public Page<DutyRecordView> list(Filter filter, int page, int size, String scope) {
        StringBuilder where = new StringBuilder(OrgScope.condition("orgPath"));
        Parameters parameters = OrgScope.bind(new Parameters(), "scope", scope);
        if (filter.person() != null) {
            where.append(" and personId = :person");
            parameters.and("person", filter.person());
        }
        if (filter.unit() != null) {
            where.append(" and unitCode = :unit");
            parameters.and("unit", filter.unit());
        }
        if (filter.year() != null) {
            where.append(" and happenedOn between :first and :last");
            parameters.and("first", LocalDate.of(filter.year(), 1, 1)).and("last", LocalDate.of(filter.year(), 12, 31));
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (!filter.withdrawn()) {
            where.append(" and withdrawnReason is null");
        }
        var query = DutyRecord.<DutyRecord>find(where + " order by happenedOn desc, recordedAt desc, id", parameters);
        // a city records 300,000 a year: counted up to a bound, as the ledger (decision 027)
        return Page.ofRows(query, Page.counting(DutyRecord.class, where.toString(), parameters), page, size,
                DutyRecords::views);
    }

    /** Takes what a record says after checking it: the kind against the schemes, lateness against the period. */
    private void write(DutyRecord record, Appointment post, String kind, LocalDate happenedOn, Integer participants,
                       String summary, String lateReason, UUID dutyId, LocalDate enteredOn) {
        String kindName = kindName(kind, post.orgPath, happenedOn.getYear());
        RecordPeriod.Timing timing = period.of(happenedOn, enteredOn);
        if (timing.late() && (lateReason == null || lateReason.isBlank())) {
            throw Refusal.JUSTIFICATION_REQUIRED.because("the period of " + happenedOn + " locked on "
                    + period.lockDay(happenedOn) + ": a late entry (补录) says why", "lateReason");
        }
        // a link kept as it was stays, even to a duty removed since
        record.dutyId = dutyId == null || dutyId.equals(record.dutyId) ? dutyId
                : Duties.fulfilled(dutyId, post, happenedOn.getYear()).id;
        record.appointmentId = post.id;
        record.unitCode = post.unitCode;
        record.orgPath = post.orgPath;
        record.post = post.post;
        record.kind = kind;
        record.kindName = kindName;
        record.happenedOn = happenedOn;
        record.participants = participants;
        record.summary = summary;
        record.late = timing.late();
        record.lateReason = timing.late() ? lateReason.strip() : null;
        record.editableUntil = timing.editableUntil();
    }

    /**
     * The post the person held in the caller's own unit on that day. A leader of a unit below is recorded by that
     * unit (403); someone who held no post in scope that day is refused as one who does not exist (400).
     */
    private static Appointment postHeld(UUID personId, LocalDate day, String scope) {
        List<Appointment> held = Appointment.<Appointment>list("personId", personId).stream()
                .filter(a -> OrgPath.isWithin(a.orgPath, scope) && !a.termStart.isAfter(day)
                        && (a.termEnd == null || !a.termEnd.isBefore(day))).toList();
        return held.stream().filter(a -> a.orgPath.equals(scope)).findFirst().orElseThrow(() -> held.isEmpty()
                ? Refusal.UNKNOWN_PERSON.because("no person " + personId + " held a post in your unit on " + day,
                "personId")
                : Refusal.WRONG_SIDE.because("a unit records its own leaders' duties; the committee above reads them",
                "personId"));
    }

    /** A built-in kind, or one of a scheme of the year that assesses the unit. */
    private static String kindName(String kind, String unitPath, int year) {
        if (DutyKind.known(kind)) {
            return DutyKind.valueOf(kind).label();
        }
        return Scheme.<Scheme>list("year = ?1 and state <> ?2", year, SchemeState.DRAFT).stream()
                .filter(scheme -> scheme.assesses(unitPath))
                .map(scheme -> scheme.definition.recordKindName(kind)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> Refusal.UNKNOWN_RECORD_KIND.because(kind + " is neither a built-in kind nor one "
                        + "of the schemes of " + year + " for this unit", "kind"));
    }

    private static void requirePast(LocalDate day, LocalDate today) {
        if (day.isAfter(today) || day.isBefore(EARLIEST)) {
            throw Refusal.VALIDATION.because("a duty record is of something done: " + day + " is not between "
                    + EARLIEST + " and today", "happenedOn");
        }
    }

    /** A record the caller's unit keeps: its own leaders'. Out of scope: 404; a unit below's: 403. */
    private static DutyRecord kept(UUID id, String scope) {
        return OrgPath.kept(DutyRecord.<DutyRecord>findById(id), record -> record.orgPath, scope, "leaders' records");
    }

    private static DutyRecord visible(UUID id, String scope) {
        return OrgPath.visible(DutyRecord.<DutyRecord>findById(id), record -> record.orgPath, scope);
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static DutyRecordView view(DutyRecord record) {
        return view(record, DutyRecordEvidence.listed(record.id));
    }

    /** Views of many records, their evidence read at once. */
    public static List<DutyRecordView> views(List<DutyRecord> records) {
        Map<UUID, List<DutyRecordView.File>> files = DutyRecordEvidence.listed(records.stream().map(r -> r.id).toList());
        return records.stream().map(record -> view(record, files.getOrDefault(record.id, List.of()))).toList();
    }

    private static DutyRecordView view(DutyRecord record, List<DutyRecordView.File> evidence) {
        Person person = Person.findById(record.personId);
        return new DutyRecordView(record.id, record.personId, person.name, record.unitCode,
                OrgUnit.nameOf(record.unitCode), record.post, record.post.label(), record.kind, record.kindName,
                record.happenedOn, record.participants, record.summary, record.late, record.lateReason,
                record.editableUntil, record.withdrawn(), record.withdrawnReason,
                record.dutyId == null ? null : Duties.view(Duty.findById(record.dutyId)), record.recordedBy,
                record.recordedAt, record.version, evidence);
    }
}
