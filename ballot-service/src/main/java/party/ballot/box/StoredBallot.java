package party.ballot.box;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.IOException;
import java.util.ArrayList;
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

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

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
    /** The hash that stands for the ballot in the box's digest, kept with it so that sealing need not compute it. */
    @Column(name = "line_hash")
    public byte[] lineHash;

    public static StoredBallot of(UUID session, String type, BallotCheck.Verdict verdict, List<Mark> marks) {
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

    /** The marks as the {@code marks} column holds them, for casting, which inserts without the entity. */
    public static String marksJson(List<Mark> marks) {
        var json = new StringBuilder(40 * marks.size()).append('[');
        for (Mark mark : marks) {
            json.append(json.length() == 1 ? "" : ",").append("{\"subject\":\"");
            QUOTE.quoteAsString(mark.subject(), json);
            json.append("\",\"grade\":\"");
            QUOTE.quoteAsString(mark.grade(), json);
            json.append("\"}");
        }
        return json.append(']').toString();
    }

    /** Reads {@code [{"subject":…,"grade":…},…]} (UTF-8) with the streaming parser: sealing reads millions of marks. */
    static List<Mark> marks(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            var marks = new ArrayList<Mark>(32);
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String subject = null;
                String grade = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "subject" -> subject = parser.getText();
                        case "grade" -> grade = parser.getText();
                        default -> parser.skipChildren();
                    }
                }
                marks.add(new Mark(subject, grade));
            }
            return marks;
        } catch (IOException e) {
            throw new IllegalStateException("a stored ballot is unreadable", e);
        }
    }
}
