package party.assessment.results;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import party.assessment.scoring.Scoring;
import party.common.events.OrgLevel;

/**
 * A unit's result under a scheme with every number it came from ({@link Scoring.Calculation}, kept as its summary
 * and its lines). Recomputed whenever
 * an input changes until the scheme locks; grade and rank are stored at locking.
 */
@Entity
@Table(name = "unit_result")
public class UnitResult extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "scheme_id") UUID schemeId, @Column(name = "org_code") String orgCode)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "org_path")
    public String orgPath;
    @Enumerated(EnumType.STRING)
    public OrgLevel level;
    public String category;
    /** the calculation's total plus the calibration adjustment */
    public BigDecimal total;
    public BigDecimal adjustment = BigDecimal.ZERO;
    @Column(name = "adjustment_reason")
    public String adjustmentReason;
    @JdbcTypeCode(SqlTypes.JSON)
    public Scoring.Summary summary;
    /**
     * the calculation's lines, one per indicator: read only where a breakdown is shown, so that computing and
     * ranking a city's results never parses them
     */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Scoring.Line> lines;
    public String grade;
    public Integer rank;
    /** the inputs the locked total used, kept at the lock */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "locked_inputs")
    public ResultViews.Inputs lockedInputs;
    @Column(name = "computed_at")
    public Instant computedAt;
    @Version
    public long version;

    void take(Scoring.Calculation newCalculation, Instant now) {
        summary = newCalculation.summary();
        lines = newCalculation.lines();
        total = newCalculation.total().add(adjustment);
        computedAt = now;
    }

    void calibrate(BigDecimal newAdjustment, String reason) {
        adjustment = newAdjustment;
        adjustmentReason = reason;
        total = summary.total().add(adjustment);
    }
}
