package party.orgreplica.persons;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import party.common.events.PersonState;

/** One person as last announced on {@code org.persons}; their posts are {@link ReplicatedPost}s. */
@Entity
@Table(name = "person_replica")
public class ReplicatedPerson extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String account;
    public long version;
    @Column(name = "replicated_at")
    public Instant replicatedAt;

    /** Takes the announced state, posts and all, unless this replica already holds the same or a newer version. */
    static void apply(PersonState state) {
        ReplicatedPerson person = findById(state.id());
        if (person == null) {
            person = new ReplicatedPerson();
            person.id = state.id();
        } else if (state.version() <= person.version) {
            return;
        }
        person.name = state.name();
        person.account = state.account();
        person.version = state.version();
        person.replicatedAt = Instant.now();
        person.persist();
        ReplicatedPost.delete("personId", person.id);
        ReplicatedPost.flush(); // the old rows go before the new ones with the same appointment ids
        state.posts().forEach(held -> ReplicatedPost.of(state.id(), held).persist());
    }
}
