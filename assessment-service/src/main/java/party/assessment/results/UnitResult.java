package party.assessment.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;
import party.assessment.scoring.Scoring;
import party.common.events.OrgLevel;

/**
 * A unit's result under a scheme with every number it came from ({@link Scoring.Calculation}, kept as its summary
 * and its lines). Recomputed whenever
 * an input changes until the scheme locks; grade and rank are stored at locking.
 */
@Entity
@Table(name = "unit_result")
@DynamicUpdate
public class UnitResult extends PanacheEntityBase {

    private static final ObjectWriter LINES = new ObjectMapper().writer();

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
    @Mutability(Immutability.class) // replaced whole, never changed in place: nothing to copy to see a change
    public Scoring.Summary summary;
    /**
     * the calculation's lines, one per indicator: read only where a breakdown is shown, so that computing and
     * ranking a city's results never parses them
     */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class) // as the summary: a city's lines are not copied through JSON to be compared
    public List<Scoring.Line> lines;
    /** SHA-256 of the lines as text: whether a new calculation changed them, without reading them */
    @Column(name = "lines_digest")
    public String linesDigest;
    public String grade;
    public Integer rank;
    /** the inputs the locked total used, kept at the lock */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "locked_inputs")
    public ResultViews.Inputs lockedInputs;
    /** when its figures last changed: a computation that finds them as they were leaves the result untouched */
    @Column(name = "computed_at")
    public Instant computedAt;
    @Version
    public long version;

    /**
     * Takes a new calculation when it differs from the one held, and then only what changed: the update names the
     * changed columns alone, so a city's recomputation writes just the results whose figures moved, and their lines
     * only if those moved.
     */
    void take(Scoring.Calculation newCalculation, Instant now) {
        Scoring.Summary newSummary = newCalculation.summary();
        String digest = digest(newCalculation.lines());
        if (newSummary.equals(summary) && digest.equals(linesDigest)) {
            return;
        }
        summary = newSummary;
        if (!digest.equals(linesDigest)) {
            lines = newCalculation.lines();
            linesDigest = digest;
        }
        total = newCalculation.total().add(adjustment);
        computedAt = now;
    }

    /** SHA-256 of the lines as JSON (a record's components in their order: the same text in every run). */
    private static String digest(List<Scoring.Line> lines) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // streamed into the digest: a city's computation would otherwise build 100 MB of JSON to hash it
            LINES.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), sha256), lines);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("lines of figures and names always serialize, and SHA-256 is everywhere", e);
        }
    }

    void calibrate(BigDecimal newAdjustment, String reason) {
        adjustment = newAdjustment;
        adjustmentReason = reason;
        total = summary.total().add(adjustment);
    }
}
