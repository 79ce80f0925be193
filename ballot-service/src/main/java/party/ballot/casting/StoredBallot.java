package party.ballot.casting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import party.ballot.tally.BallotBoxDigest;
import party.ballot.tally.BallotCheck;
import party.ballot.tally.Mark;
import party.ballot.tally.Tally;

/** A ballot in the box: what was voted, never by whom or when (docs/ballot-secrecy.md). */
@Entity
@Table(name = "ballot")
public class StoredBallot extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "ballot_type")
    public String ballotType;
    @Enumerated(EnumType.STRING)
    public BallotCheck.Status status;
    @Column(name = "void_reason")
    public String voidReason;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Mark> marks;
    @Column(name = "line_hash")
    public byte[] lineHash;

    static StoredBallot of(UUID session, String type, BallotCheck.Verdict verdict, List<Mark> marks) {
        var ballot = new StoredBallot();
        ballot.id = UUID.randomUUID();
        ballot.sessionId = session;
        ballot.ballotType = type;
        ballot.status = verdict.status();
        ballot.voidReason = verdict.voidReason();
        ballot.marks = marks;
        ballot.lineHash = BallotBoxDigest.hash(new Tally.Ballot(type, verdict.status(), verdict.voidReason(), marks));
        return ballot;
    }
}
