package party.assessment.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import party.common.events.BallotResultsSealed;

/** One subject's result in a sealed 述职评议 session: the evaluation component of its assessment. */
@Entity
@Table(name = "evaluation_result")
public class EvaluationResult extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "session_id") UUID sessionId, String subject) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "session_title")
    public String sessionTitle;
    @Column(name = "held_on")
    public LocalDate heldOn;
    /** the assessment year the session is for */
    public int year;
    @Column(name = "session_path")
    public String sessionPath;
    /** The subject's org path when it is an org unit of the registry; null for a person. */
    @Column(name = "subject_path")
    public String subjectPath;
    public String category;
    public String name;
    @Column(name = "weighted_total")
    public BigDecimal weightedTotal;
    /** the weighted total as a share of the top grade's points, out of 100: what the evaluation component takes */
    public BigDecimal score;
    public Integer rank;
    @Column(name = "by_type")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BallotResultsSealed.TypeResult> byType;
    public String digest;

    public record View(UUID sessionId, String sessionTitle, LocalDate heldOn, int year, String subject, String name,
                       String category, BigDecimal weightedTotal, BigDecimal score, Integer rank,
                       Map<String, BallotResultsSealed.TypeResult> byType, String digest) {
    }

    /** The subject's result in a session the scheme counts: its evaluation component (one such session at most). */
    public static Optional<EvaluationResult> counted(UUID schemeId, String subject) {
        return EvaluationResult.<EvaluationResult>find("key.subject = ?1 and score is not null and key.sessionId in "
                + "(select c.key.sessionId from CountedSession c where c.key.schemeId = ?2)", subject, schemeId)
                .firstResultOptional();
    }

    public View view() {
        return new View(key.sessionId(), sessionTitle, heldOn, year, key.subject(), name, category, weightedTotal, score,
                rank, byType, digest);
    }
}
