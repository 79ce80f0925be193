package party.assessment.orgunits;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;

/** A party organization (党组织) in the hierarchy; its path is the chain of codes from the root. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public OrgLevel level;
    public String category;
    @Column(name = "parent_code")
    public String parentCode;
    public String path;
    /** Taken out of use (a unit created by mistake): its records stay, nothing new is created for it. */
    public boolean deactivated;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The unit with this code when it lies within the scope; otherwise a 400 naming the request field, the same
     * for a unit outside the scope as for one that does not exist.
     */
    public static OrgUnit withinScope(String code, String scope, String field) {
        OrgUnit unit = code == null ? null : findById(code);
        if (unit == null || !OrgPath.isWithin(unit.path, scope)) {
            throw Refusal.UNKNOWN_ORG_UNIT.because("no org unit " + code + " within " + scope, field);
        }
        return unit;
    }

    /** As {@link #withinScope}, and refused when the unit is deactivated: new work is only for a unit in use. */
    public static OrgUnit activeWithinScope(String code, String scope, String field) {
        return inUse(withinScope(code, scope, field), field);
    }

    /** The unit itself, or a 409 naming the field when it is deactivated. */
    public static OrgUnit inUse(OrgUnit unit, String field) {
        if (unit.deactivated) {
            throw Refusal.ORG_UNIT_DEACTIVATED.because(unit.code + " (" + unit.name + ") is deactivated", field);
        }
        return unit;
    }

    /** A new unit under {@code parent}, or a root unit when {@code parent} is null. */
    public static OrgUnit create(String code, String name, OrgLevel level, String category, OrgUnit parent) {
        var unit = new OrgUnit();
        unit.code = code;
        unit.name = name;
        unit.level = level;
        unit.category = category;
        unit.parentCode = parent == null ? null : parent.code;
        unit.path = OrgPath.child(parent == null ? null : parent.path, code);
        unit.createdAt = Instant.now();
        unit.updatedAt = unit.createdAt;
        return unit;
    }

    public void rename(String newName) {
        name = newName;
        updatedAt = Instant.now();
    }

    /**
     * Moves this unit and its subtree under {@code parent}.
     *
     * @param descendants every unit below this one, whose paths follow
     */
    public void moveUnder(OrgUnit parent, List<OrgUnit> descendants) {
        if (OrgPath.isWithin(parent.path, path)) {
            throw Refusal.MOVE_INTO_OWN_SUBTREE.because(parent.code + " is " + code + " itself or below it",
                    "parentCode");
        }
        String oldPath = path;
        parentCode = parent.code;
        path = OrgPath.child(parent.path, code);
        updatedAt = Instant.now();
        for (OrgUnit below : descendants) {
            below.path = path + below.path.substring(oldPath.length());
            below.updatedAt = updatedAt;
        }
    }

    /**
     * Takes this unit out of use; only a unit whose every descendant is out of use already, so the units in use
     * always form a tree.
     */
    public void deactivate(List<OrgUnit> descendants) {
        List<String> inUse = descendants.stream().filter(below -> !below.deactivated).map(below -> below.code).toList();
        if (!inUse.isEmpty()) {
            throw Refusal.ACTIVE_SUBUNITS.because("still in use below " + code + ": " + String.join(", ", inUse), "code");
        }
        deactivated = true;
        updatedAt = Instant.now();
    }

    /** Puts this unit back into use; only under a parent in use. */
    public void reactivate(OrgUnit parent) {
        if (parent != null) {
            inUse(parent, "parentCode");
        }
        deactivated = false;
        updatedAt = Instant.now();
    }

    public OrgUnitState state() {
        return new OrgUnitState(code, name, level, category, parentCode, path, deactivated, version);
    }

    public static List<OrgUnit> descendantsOf(OrgUnit unit) {
        return list("path like ?1", OrgPath.descendantsPattern(unit.path));
    }

    /** The unit's name, or null when no unit has this code. */
    public static String nameOf(String code) {
        OrgUnit found = findById(code);
        return found == null ? null : found.name;
    }

    /** The names of these units by code, in one query; a code no unit has is left out. */
    public static Map<String, String> names(Collection<String> codes) {
        return codes.isEmpty() ? Map.of() : OrgUnit.<OrgUnit>list("code in ?1", Set.copyOf(codes)).stream()
                .collect(Collectors.toMap(u -> u.code, u -> u.name));
    }

    /** Every unit's name by its code, for views that name many units. */
    public static Map<String, String> namesByCode() {
        return OrgUnit.<OrgUnit>listAll().stream().collect(Collectors.toMap(u -> u.code, u -> u.name));
    }
}
