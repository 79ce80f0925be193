package party.assessment.records;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import party.assessment.persons.Post;
import party.assessment.scoring.RecordCount;
import party.common.problem.Refusal;

/**
 * One thing a leader did for party building (履责纪实), in the post they held that day in their unit. Never deleted: a
 * record made in error is withdrawn, with its reason, and then counts for nothing.
 */
@Entity
@Table(name = "duty_record")
public class DutyRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "appointment_id")
    public UUID appointmentId;
    @Column(name = "unit_code")
    public String unitCode;
    /** the unit's path, for scope; follows the unit when it moves (platform.path-columns) */
    @Column(name = "org_path")
    public String orgPath;
    @Enumerated(EnumType.STRING)
    public Post post;
    /** a {@code DutyKind} or a kind of the scheme's own, with its name as it was when recorded */
    public String kind;
    @Column(name = "kind_name")
    public String kindName;
    @Column(name = "happened_on")
    public LocalDate happenedOn;
    public Integer participants;
    public String summary;
    public boolean late;
    @Column(name = "late_reason")
    public String lateReason;
    @Column(name = "editable_until")
    public LocalDate editableUntil;
    /** the duty of the responsibility list it fulfils, or null */
    @Column(name = "duty_id")
    public UUID dutyId;
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Version
    public long version;

    /**
     * The year's records that count (none withdrawn), per unit of {@code units} (all when null): how many of each
     * kind were made in each post.
     */
    public static Map<String, List<RecordCount.Tally>> tallies(int year, Collection<String> units) {
        var query = getEntityManager().createQuery("select r.unitCode, r.kind, r.post, count(r) from DutyRecord r "
                + "where r.happenedOn between :first and :last and r.withdrawnReason is null"
                + (units == null ? "" : " and r.unitCode in :units") + " group by r.unitCode, r.kind, r.post",
                Object[].class).setParameter("first", LocalDate.of(year, 1, 1))
                .setParameter("last", LocalDate.of(year, 12, 31));
        if (units != null) {
            query.setParameter("units", units);
        }
        Map<String, List<RecordCount.Tally>> tallies = new HashMap<>();
        query.getResultList().forEach(row -> tallies.computeIfAbsent((String) row[0], unit -> new ArrayList<>())
                .add(new RecordCount.Tally((String) row[1], (Post) row[2], ((Number) row[3]).longValue())));
        return tallies;
    }

    /** The records of the unit's year that a rule counts, in the order they happened. */
    public static List<DutyRecord> counted(int year, String unitCode, RecordCount rule) {
        return DutyRecord.<DutyRecord>list("unitCode = ?1 and kind = ?2 and happenedOn between ?3 and ?4 "
                        + "and withdrawnReason is null order by happenedOn, recordedAt", unitCode, rule.kind(),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .filter(record -> rule.counts(record.kind, record.post)).toList();
    }

    public boolean withdrawn() {
        return withdrawnReason != null;
    }

    /** Refuses a change once the record's period has locked, or once it is withdrawn. */
    void requireOpen(LocalDate today) {
        if (withdrawn()) {
            throw Refusal.RECORD_LOCKED.because("the record was withdrawn: " + withdrawnReason, null);
        }
        if (today.isAfter(editableUntil)) {
            throw Refusal.RECORD_LOCKED.because("the record could be changed until " + editableUntil
                    + "; enter what is missing as a new record, marked late", null);
        }
    }

    void withdraw(String reason) {
        withdrawnReason = reason;
    }
}
