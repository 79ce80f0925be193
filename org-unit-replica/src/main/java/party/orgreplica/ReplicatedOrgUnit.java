package party.orgreplica;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/** One org unit as last announced on {@code org.units}; never written through this service's API. */
@Entity
@Table(name = "org_unit_replica")
public class ReplicatedOrgUnit extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public OrgLevel level;
    public String category;
    @Column(name = "parent_code")
    public String parentCode;
    public String path;
    /** Taken out of use: the service creates nothing new for it. */
    public boolean deactivated;
    public long version;
    @Column(name = "replicated_at")
    public Instant replicatedAt;

    /**
     * The unit with this code when it lies within the scope; otherwise a 400 naming the request field, the same
     * for a unit outside the scope as for one that does not exist.
     */
    public static ReplicatedOrgUnit withinScope(String code, String scope, String field) {
        ReplicatedOrgUnit unit = code == null ? null : findById(code);
        if (unit == null || !OrgPath.isWithin(unit.path, scope)) {
            throw Refusal.UNKNOWN_ORG_UNIT.because("no org unit " + code + " within " + scope, field);
        }
        return unit;
    }

    /** As {@link #withinScope}, and a 409 naming the field when the unit is deactivated: new work is for units in use. */
    public static ReplicatedOrgUnit activeWithinScope(String code, String scope, String field) {
        ReplicatedOrgUnit unit = withinScope(code, scope, field);
        if (unit.deactivated) {
            throw Refusal.ORG_UNIT_DEACTIVATED.because(unit.code + " (" + unit.name + ") is deactivated", field);
        }
        return unit;
    }

    /** The names of these units by code, in one query; a unit the replica does not hold yet is left out. */
    public static Map<String, String> names(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return ReplicatedOrgUnit.<ReplicatedOrgUnit>list("code in ?1", Set.copyOf(codes)).stream()
                .collect(Collectors.toMap(unit -> unit.code, unit -> unit.name));
    }

    /** The name of this unit, or null while the replica does not hold it. */
    public static String nameOf(String code) {
        ReplicatedOrgUnit unit = findById(code);
        return unit == null ? null : unit.name;
    }

    /** Takes the announced state unless this replica already holds the same or a newer version. */
    public boolean apply(OrgUnitState state) {
        if (state.version() <= version && code != null) {
            return false;
        }
        code = state.code();
        name = state.name();
        level = state.level();
        category = state.category();
        parentCode = state.parentCode();
        path = state.path();
        deactivated = state.deactivated();
        version = state.version();
        replicatedAt = Instant.now();
        return true;
    }

    public OrgUnitState view() {
        return new OrgUnitState(code, name, level, category, parentCode, path, deactivated, version);
    }
}
