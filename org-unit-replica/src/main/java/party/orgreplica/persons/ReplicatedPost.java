package party.orgreplica.persons;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import party.common.events.PersonState;

/** A post a replicated person holds or held; {@code orgPath} follows the unit when it moves (platform.path-columns). */
@Entity
@Table(name = "person_post_replica")
public class ReplicatedPost extends PanacheEntityBase {

    @Id
    public UUID appointment;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "org_path")
    public String orgPath;
    public String post;
    @Column(name = "post_label")
    public String postLabel;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;

    static ReplicatedPost of(UUID personId, PersonState.Held held) {
        var post = new ReplicatedPost();
        post.appointment = held.appointment();
        post.personId = personId;
        post.unitCode = held.unit();
        post.orgPath = held.orgPath();
        post.post = held.post();
        post.postLabel = held.postLabel();
        post.termStart = held.termStart();
        post.termEnd = held.termEnd();
        return post;
    }

    boolean heldOn(LocalDate day) {
        return !termStart.isAfter(day) && (termEnd == null || !termEnd.isBefore(day));
    }
}
