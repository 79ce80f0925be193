package party.common.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One state-changing request as it was answered; a trigger refuses any update or delete. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    /** The token's user name, or {@code anonymous} for the few paths open without one. */
    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_org_path")
    public String actorOrgPath;

    @Column(nullable = false)
    public String method;

    /** The request path without its query string. */
    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public int status;

    /** The caller's address as the gateway forwarded it. */
    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "request_id")
    public String requestId;
}
