package party.assessment.persons;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A leader (领导干部) the platform names: responsibility is 定向到人, the posts they held are their appointments. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    /** the Keycloak user name that is theirs, when they have an account */
    public String account;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    static Person create(String name, String account) {
        var person = new Person();
        person.id = UUID.randomUUID();
        person.name = name;
        person.account = account;
        person.createdAt = Instant.now();
        person.updatedAt = person.createdAt;
        return person;
    }

    void correct(String newName, String newAccount) {
        name = newName;
        account = newAccount;
        updatedAt = Instant.now();
    }
}
