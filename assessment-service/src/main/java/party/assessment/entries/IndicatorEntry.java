package party.assessment.entries;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import party.assessment.scoring.Measure;
import party.common.problem.Refusal;

/**
 * One indicator of one unit under a scheme: what the unit reports with its evidence, what the owning department
 * scores, and the one objection the unit may raise against that score, resolved by the organization department.
 */
@Entity
@Table(name = "indicator_entry")
public class IndicatorEntry extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "scheme_id") UUID schemeId, @Column(name = "org_code") String orgCode,
                      @Column(name = "indicator_code") String indicatorCode) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "org_path")
    public String orgPath;
    @Column(name = "self_value")
    public BigDecimal selfValue;
    @Column(name = "self_grade")
    public String selfGrade;
    public String evidence;
    @Column(name = "self_by")
    public String selfBy;
    @Column(name = "self_at")
    public Instant selfAt;
    @Column(name = "review_value")
    public BigDecimal reviewValue;
    @Column(name = "review_grade")
    public String reviewGrade;
    @Column(name = "review_comment")
    public String reviewComment;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    public String objection;
    @Column(name = "objected_at")
    public Instant objectedAt;
    public String resolution;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    /** the organizer's acceptance of the self-reported figure as final, without a department's score */
    @Column(name = "accepted_by")
    public String acceptedBy;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "acceptance_reason")
    public String acceptanceReason;
    @Version
    public long version;

    static IndicatorEntry blank(Key key, String orgPath) {
        var entry = new IndicatorEntry();
        entry.key = key;
        entry.orgPath = orgPath;
        return entry;
    }

    void selfAssess(BigDecimal value, String grade, String evidenceText, String by, Instant now) {
        if (reviewedAt != null) {
            throw Refusal.ALREADY_REVIEWED.because(
                    "the department has scored this indicator; object to its score instead", null);
        }
        selfValue = value;
        selfGrade = grade;
        evidence = evidenceText;
        selfBy = by;
        selfAt = now;
        acceptedBy = null; // a changed report is accepted afresh, or not
        acceptedAt = null;
        acceptanceReason = null;
    }

    /** The organizer takes the unit's own figure as final, with a reason; a department's score needs no acceptance. */
    void accept(String reason, String by, Instant now) {
        if (reviewedAt != null) {
            throw Refusal.ALREADY_REVIEWED.because("the department has scored this indicator; its score is final", null);
        }
        if (selfAt == null) {
            throw Refusal.NOT_REVIEWED.because("the unit has reported nothing to accept; the department scores it", null);
        }
        acceptedBy = by;
        acceptedAt = now;
        acceptanceReason = reason;
    }

    /** Final: scored by the department, or the unit's own figure accepted by the organizer. */
    public boolean settled() {
        return reviewedAt != null || acceptedAt != null;
    }

    void review(BigDecimal value, String grade, String comment, String by, Instant now) {
        if (objection != null && resolvedAt == null) {
            throw Refusal.OBJECTION_PENDING.because(
                    "the unit's objection to this score awaits the organization department", null);
        }
        reviewValue = value;
        reviewGrade = grade;
        reviewComment = comment;
        reviewedBy = by;
        reviewedAt = now;
    }

    /** A unit may object once, and only to a score a department has given. */
    void object(String reason, Instant now) {
        if (reviewedAt == null) {
            throw Refusal.NOT_REVIEWED.because("objections are to a department's score; this indicator has none yet",
                    null);
        }
        if (objection != null) {
            throw Refusal.OBJECTION_USED.because("this indicator's score has already been objected to", null);
        }
        objection = reason;
        objectedAt = now;
    }

    /** The organization department's answer; a new value or grade replaces the department's score. */
    void resolve(BigDecimal value, String grade, String note, String by, Instant now) {
        if (objection == null || resolvedAt != null) {
            throw Refusal.NO_PENDING_OBJECTION.because("there is no open objection on this indicator", null);
        }
        if (value != null || grade != null) {
            reviewValue = value;
            reviewGrade = grade;
        }
        resolution = note;
        resolvedBy = by;
        resolvedAt = now;
    }

    /** What the score is computed from: the department's score once given, the unit's own report until then. */
    public Measure measure() {
        return measure(reviewedAt != null, reviewValue, reviewGrade, selfValue, selfGrade);
    }

    /** What counts of an entry: the department's score once it has scored, the unit's report until then. */
    public static Measure measure(boolean reviewed, BigDecimal reviewValue, String reviewGrade, BigDecimal selfValue,
                                  String selfGrade) {
        return reviewed ? new Measure(reviewValue, reviewGrade) : new Measure(selfValue, selfGrade);
    }
}
