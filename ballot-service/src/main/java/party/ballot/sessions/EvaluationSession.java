package party.ballot.sessions;

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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import party.ballot.tally.SessionDefinition;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/** A 述职评议 meeting's vote; its definition is frozen once it opens. */
@Entity
@Table(name = "evaluation_session")
public class EvaluationSession extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "org_code")
    public String orgCode;
    @Column(name = "org_path")
    public String orgPath;
    public String title;
    @Column(name = "held_on")
    public LocalDate heldOn;
    /** the assessment year its results are for (a January meeting may be about the year before) */
    @Column(name = "assessment_year")
    public int assessmentYear;

    @Enumerated(EnumType.STRING)
    public SessionState state;
    @JdbcTypeCode(SqlTypes.JSON)
    public SessionDefinition definition;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;

    public static EvaluationSession draft(String orgCode, String orgPath, String title, LocalDate heldOn,
                                          int assessmentYear, SessionDefinition definition) {
        var session = new EvaluationSession();
        session.id = UUID.randomUUID();
        session.orgCode = orgCode;
        session.orgPath = orgPath;
        session.title = title;
        session.heldOn = heldOn;
        session.assessmentYear = assessmentYear;
        session.state = SessionState.DRAFT;
        session.definition = definition;
        session.createdAt = Instant.now();
        return session;
    }

    public void redefine(String newTitle, LocalDate newDate, int newYear, SessionDefinition newDefinition) {
        require(SessionState.DRAFT, "只有草稿状态的评议会可以修改");
        title = newTitle;
        heldOn = newDate;
        assessmentYear = newYear;
        definition = newDefinition;
    }

    public void open() {
        require(SessionState.DRAFT, "只有草稿状态的评议会可以开始投票");
        state = SessionState.OPEN;
    }

    public void close() {
        require(SessionState.OPEN, "只有投票中的评议会可以结束投票");
        state = SessionState.CLOSED;
    }

    public void seal() {
        require(SessionState.CLOSED, "只有已结束投票的评议会可以封存结果");
        state = SessionState.SEALED;
    }

    public void require(SessionState expected, String message) {
        if (state != expected) {
            throw wrongState(state, expected, message);
        }
    }

    public static Refused wrongState(SessionState actual, SessionState expected, String message) {
        return Refusal.WRONG_SESSION_STATE.because(message, "the session is " + actual + "; this needs " + expected, "state");
    }
}
