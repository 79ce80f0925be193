package party.assessment.persons;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A post a person holds in a unit for a term (任职). Never deleted: a person who changes post, or leaves, keeps the
 * appointment with its term ended, so a year's responsibility names who held each post on each day.
 */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "unit_code")
    public String unitCode;
    /** the unit's path, for scope; follows the unit when it moves (platform.path-columns) */
    @Column(name = "org_path")
    public String orgPath;
    @Enumerated(EnumType.STRING)
    public Post post;
    /** 一岗双责: the business areas the post carries, and its party-building duties */
    @Column(name = "business_areas")
    public String businessAreas;
    @Column(name = "party_duties")
    public String partyDuties;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Whether the term covers that day. */
    public boolean heldOn(LocalDate day) {
        return !termStart.isAfter(day) && (termEnd == null || !termEnd.isBefore(day));
    }

    Term term() {
        return new Term(termStart, termEnd);
    }

    void endOn(LocalDate day) {
        termEnd = day;
    }

    void correct(Post newPost, String newBusinessAreas, String newPartyDuties, Term term) {
        post = newPost;
        businessAreas = newBusinessAreas;
        partyDuties = newPartyDuties;
        termStart = term.start();
        termEnd = term.end();
    }
}
