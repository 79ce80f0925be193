package party.ballot.casting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * The right to cast one ballot of one type in one session: a one-time code (only its SHA-256 is kept)
 * or a Keycloak account bound to the session. It records whether it was used, never what was voted.
 */
@Entity
@Table(name = "voting_credential")
public class VotingCredential extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "ballot_type")
    public String ballotType;
    @Column(name = "code_hash")
    public String codeHash;
    public String account;
    public boolean spent;
    /** Set when the session closes with this credential unspent: it can no longer cast. */
    public boolean withdrawn;

    static VotingCredential code(UUID session, String type, String codeHash) {
        var credential = new VotingCredential();
        credential.id = UUID.randomUUID();
        credential.sessionId = session;
        credential.ballotType = type;
        credential.codeHash = codeHash;
        return credential;
    }

    static VotingCredential account(UUID session, String type, String account) {
        var credential = new VotingCredential();
        credential.id = UUID.randomUUID();
        credential.sessionId = session;
        credential.ballotType = type;
        credential.account = account;
        return credential;
    }
}
