package party.assessment.orgunits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Event;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import party.common.events.OrgUnitCreated;
import party.common.events.OrgUnitDeactivated;
import party.common.events.OrgUnitReactivated;
import party.common.events.OrgUnitEvent;
import party.common.events.OrgUnitMoved;
import party.common.events.OrgUnitRenamed;
import party.common.events.OrgUnitState;
import party.common.outbox.Outbox;
import party.common.problem.Problem;
import party.common.problem.Refusal;
import party.common.scope.OrgPath;
import party.common.scope.UnitMoved;
import party.common.sheets.SheetRows;

/**
 * Creates and changes org units; every change is announced on {@code org.units} through the outbox, in
 * the same transaction, and a move also fires {@link UnitMoved} here, so this service's own records follow it.
 * {@code scope} is the org path the acting user is bound to.
 */
@ApplicationScoped
public class OrgUnitRegistry {

    private final Outbox outbox;
    private final Event<UnitMoved> moves;
    private final Validator validator;

    public OrgUnitRegistry(Outbox outbox, Event<UnitMoved> moves, Validator validator) {
        this.outbox = outbox;
        this.moves = moves;
        this.validator = validator;
    }

    /**
     * What an import stored: units created, rows the registry already held as they are (a sheet sent again changes
     * nothing), and each row refused, with its column and why.
     */
    public record Imported(int imported, int unchanged, List<Problem.FieldError> refused) {
    }

    @Transactional
    public OrgUnitState create(OrgUnitCommands.Create command, String scope) {
        return created(command, scope);
    }

    /**
     * Creates the units of a sheet ({@link OrgUnitSheet}) in its order, each under the same rules as one by one, so a
     * row may name a parent from a row above. Every row or none: one refused row refuses the sheet, listing each
     * refused row, and nothing is stored or announced; with {@code validRowsOnly} the good rows are stored and the
     * refused ones listed.
     */
    @Transactional
    public Imported importUnits(InputStream sheet, String mediaType, boolean validRowsOnly, String scope)
            throws IOException {
        var rows = new SheetRows(validator, OrgUnitSheet::column);
        for (OrgUnitSheet.Line line : OrgUnitSheet.read(sheet, mediaType)) {
            rows.take(line.line(), line.create(), line.column(), line.reason(), create -> {
                if (registered(create, scope)) {
                    return false;
                }
                created(create, scope);
                return true;
            });
        }
        rows.refuseSheetUnless(validRowsOnly, "registered");
        return new Imported(rows.changed(), rows.unchanged(), rows.refused());
    }

    /** Whether the scope holds this unit already, exactly as the row gives it. */
    private static boolean registered(OrgUnitCommands.Create row, String scope) {
        OrgUnit unit = OrgUnit.findById(row.code());
        return unit != null && OrgPath.isWithin(unit.path, scope) && unit.name.equals(row.name())
                && unit.level == row.level() && unit.category.equals(row.category())
                && Objects.equals(unit.parentCode, row.parentCode());
    }

    /** Called, not intercepted, by an import: a refused row must not mark the whole sheet's transaction for rollback. */
    private OrgUnitState created(OrgUnitCommands.Create command, String scope) {
        OrgUnit parent = command.parentCode() == null ? null : existingParent(command.parentCode(), scope);
        OrgUnit unit = OrgUnit.create(command.code(), command.name(), command.level(), command.category(), parent);
        if (!OrgPath.isWithin(unit.path, scope)) {
            throw Refusal.OUTSIDE_SCOPE.because(
                    "a unit without a parent can only be created by an account bound to the root", "parentCode");
        }
        if (OrgUnit.findById(unit.code) != null) {
            throw Refusal.DUPLICATE_CODE.because("an org unit with code " + unit.code + " already exists", "code");
        }
        unit.persist();
        return announce(OrgUnitCreated::new, List.of(unit)).get(0);
    }

    @Transactional
    public OrgUnitState rename(String code, OrgUnitCommands.Rename command, String scope) {
        OrgUnit unit = visible(code, scope);
        expectVersion(unit, command.version());
        unit.rename(command.name());
        return announce(OrgUnitRenamed::new, List.of(unit)).get(0);
    }

    @Transactional
    public OrgUnitState move(String code, OrgUnitCommands.Move command, String scope) {
        OrgUnit unit = visible(code, scope);
        expectVersion(unit, command.version());
        OrgUnit parent = existingParent(command.parentCode(), scope);
        var moved = new ArrayList<OrgUnit>();
        moved.add(unit);
        moved.addAll(OrgUnit.descendantsOf(unit));
        Map<String, String> before = moved.stream().collect(Collectors.toMap(u -> u.code, u -> u.path));
        unit.moveUnder(parent, moved.subList(1, moved.size()));
        List<OrgUnitState> states = announce(OrgUnitMoved::new, moved);
        states.forEach(state -> moves.fire(new UnitMoved(state.code(), before.get(state.code()), state.path())));
        return states.get(0);
    }

    /**
     * Takes a unit created by mistake out of use: its records stay where they are and keep its name, but nothing new
     * is created under it, issued to it or held for it (each service refuses it from its replica). Not the unit the
     * account is bound to, and only once every unit below it is out of use.
     */
    @Transactional
    public OrgUnitState deactivate(String code, OrgUnitCommands.Change command, String scope) {
        OrgUnit unit = visible(code, scope);
        if (unit.path.equals(scope)) {
            throw Refusal.FORBIDDEN.because("an account cannot deactivate the unit it is bound to", "code");
        }
        expectVersion(unit, command.version());
        unit.deactivate(OrgUnit.descendantsOf(unit));
        return announce(OrgUnitDeactivated::new, List.of(unit)).get(0);
    }

    /** Puts a deactivated unit back into use, under a parent in use. */
    @Transactional
    public OrgUnitState reactivate(String code, OrgUnitCommands.Change command, String scope) {
        OrgUnit unit = visible(code, scope);
        expectVersion(unit, command.version());
        unit.reactivate(unit.parentCode == null ? null : OrgUnit.findById(unit.parentCode));
        return announce(OrgUnitReactivated::new, List.of(unit)).get(0);
    }

    /** The unit with this code when the scope covers it; 404 otherwise, so existence never leaks. */
    public OrgUnit visible(String code, String scope) {
        return OrgPath.visible(OrgUnit.<OrgUnit>findById(code), unit -> unit.path, scope);
    }

    /** The parent a unit is created or moved under: in the scope and in use. */
    private static OrgUnit existingParent(String code, String scope) {
        OrgUnit parent = OrgUnit.findById(code);
        if (parent == null || !OrgPath.isWithin(parent.path, scope)) {
            throw Refusal.UNKNOWN_PARENT.because("no org unit " + code + " in your scope", "parentCode");
        }
        return OrgUnit.inUse(parent, "parentCode");
    }

    private static void expectVersion(OrgUnit unit, Long expected) {
        if (expected != null && expected != unit.version) {
            throw Refusal.STALE_VERSION.because(
                    "version " + expected + " was read, the unit is now at version " + unit.version, "version");
        }
    }

    /** Flushes first, so each event carries the version the change committed with. */
    private List<OrgUnitState> announce(Function<OrgUnitState, OrgUnitEvent> change, List<OrgUnit> units) {
        OrgUnit.flush();
        return units.stream().map(unit -> {
            OrgUnitState state = unit.state();
            outbox.publish(change.apply(state));
            return state;
        }).toList();
    }
}
