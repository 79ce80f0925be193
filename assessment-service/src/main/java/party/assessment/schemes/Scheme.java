package party.assessment.schemes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import party.assessment.scoring.SchemeDefinition;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/**
 * A yearly assessment scheme 考核方案 of an org unit for the units below it. Once published its definition never
 * changes; a revision supersedes it.
 */
@Entity
@Table(name = "scheme")
public class Scheme extends PanacheEntityBase {

    @Id
    public UUID id;
    public int year;
    @Column(name = "org_code")
    public String orgCode;
    @Column(name = "org_path")
    public String orgPath;
    public String title;
    @Enumerated(EnumType.STRING)
    public SchemeState state;
    public int revision;
    public UUID supersedes;
    @JdbcTypeCode(SqlTypes.JSON)
    public SchemeDefinition definition;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "locked_at")
    public Instant lockedAt;
    @Version
    public long version;

    public static Scheme draft(int year, String orgCode, String orgPath, String title, SchemeDefinition definition,
                               String createdBy) {
        var scheme = new Scheme();
        scheme.id = UUID.randomUUID();
        scheme.year = year;
        scheme.orgCode = orgCode;
        scheme.orgPath = orgPath;
        scheme.title = title;
        scheme.state = SchemeState.DRAFT;
        scheme.revision = 1;
        scheme.definition = definition;
        scheme.createdBy = createdBy;
        return scheme;
    }

    /** A new draft with this scheme's content, to be changed and published in its place. */
    public Scheme revise(String by) {
        require(SchemeState.PUBLISHED, "只有已发布、未锁定的方案可以修订");
        Scheme next = draft(year, orgCode, orgPath, title, definition, by);
        next.revision = revision + 1;
        next.supersedes = id;
        return next;
    }

    public void redefine(String newTitle, SchemeDefinition newDefinition) {
        require(SchemeState.DRAFT, "已发布的方案不可修改，请修订出新版本");
        title = newTitle;
        definition = newDefinition;
    }

    public void publish(Instant now) {
        require(SchemeState.DRAFT, "只有草稿可以发布");
        state = SchemeState.PUBLISHED;
        publishedAt = now;
    }

    public void supersede() {
        require(SchemeState.PUBLISHED, "只有已发布的方案可以被替代");
        state = SchemeState.SUPERSEDED;
    }

    public void lock(Instant now) {
        require(SchemeState.PUBLISHED, "只有已发布的方案可以锁定结果");
        state = SchemeState.LOCKED;
        lockedAt = now;
    }

    public void announce() {
        require(SchemeState.LOCKED, "结果锁定后才能公布");
        state = SchemeState.ANNOUNCED;
    }

    public void require(SchemeState expected, String message) {
        if (state != expected) {
            throw Refusal.WRONG_SCHEME_STATE.because(message, "the scheme is " + state + "; this needs " + expected, null);
        }
    }

    /** Whether the unit at this path is assessed under this scheme: it lies strictly below the scheme's unit. */
    public boolean assesses(String unitPath) {
        return OrgPath.isWithin(unitPath, orgPath) && !unitPath.equals(orgPath);
    }

    /**
     * Who may see the scheme: those whose scope covers its unit (the designers above) and the units it assesses
     * (whose scope lies below it).
     */
    public boolean visibleTo(String scope) {
        return OrgPath.isWithin(orgPath, scope) || OrgPath.isWithin(scope, orgPath);
    }
}
