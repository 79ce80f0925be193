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
    @Column(name = "session_path")
    public String sessionPath;
    /** The subject's org path when it is an org unit of the registry; null for a person. */
    @Column(name = "subject_path")
    public String subjectPath;
    public String category;
    public String name;
    @Column(name = "weighted_total")
    public BigDecimal weightedTotal;
    public Integer rank;
    @Column(name = "by_type")
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BallotResultsSealed.TypeResult> byType;
    public String digest;

    public record View(UUID sessionId, String sessionTitle, LocalDate heldOn, String subject, String name, String category,
                       BigDecimal weightedTotal, Integer rank, Map<String, BallotResultsSealed.TypeResult> byType,
                       String digest) {
    }

    /** The subject's latest sealed result of the year, the evaluation component of its assessment. */
    public static Optional<EvaluationResult> latest(String subject, int year) {
        return EvaluationResult.<EvaluationResult>find("key.subject = ?1 and year(heldOn) = ?2 and weightedTotal is not null"
                + " order by heldOn desc", subject, year).firstResultOptional();
    }

    public View view() {
        return new View(key.sessionId(), sessionTitle, heldOn, key.subject(), name, category, weightedTotal, rank, byType,
                digest);
    }
}
