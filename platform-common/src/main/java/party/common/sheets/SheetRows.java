package party.common.sheets;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import party.common.problem.Problem;
import party.common.problem.Refusal;
import party.common.problem.Refused;

/**
 * The rows of an imported sheet, each taken as the one request it stands for: validated as that request's body,
 * then done by the same code, or refused with each wrong cell named by its column ("row 3 编码"). A sheet is taken
 * whole or not at all, unless its sender asks for the rows without fault ({@code rows=valid}).
 */
public final class SheetRows {

    private final Validator validator;
    /** the sheet's column of a request's field ({@code parentCode} → 上级编码) */
    private final Function<String, String> column;
    private final List<Problem.FieldError> refused = new ArrayList<>();
    private final Set<Integer> refusedRows = new TreeSet<>();
    private int changed;
    private int unchanged;

    public SheetRows(Validator validator, Function<String, String> column) {
        this.validator = validator;
        this.column = column;
    }

    /**
     * The row's request validated, then done: {@code action} answers whether it changed anything (false: the
     * registry held it already). A row that could not be read has no request, and the column and reason why.
     */
    public <C> void take(int line, C request, String unreadColumn, String reason, Predicate<C> action) {
        if (request == null) {
            refuse(line, unreadColumn, reason);
            return;
        }
        var violations = validator.validate(request).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        violations.forEach(v -> refuse(line, column.apply(v.getPropertyPath().toString()), v.getMessage()));
        if (!violations.isEmpty()) {
            return;
        }
        try { // the action checks every rule before it writes: a refused row leaves nothing
            if (action.test(request)) {
                changed++;
            } else {
                unchanged++;
            }
        } catch (Refused e) {
            refuse(line, column.apply(e.field()), e.getMessage());
        }
    }

    public void refuse(int line, String column, String message) {
        refused.add(new Problem.FieldError("row " + line + " " + column, message));
        refusedRows.add(line);
    }

    /** Unless only the rows without fault were asked for, one refused row refuses the sheet: a 400 listing each. */
    public void refuseSheetUnless(boolean validRowsOnly, String done) {
        if (!refused.isEmpty() && !validRowsOnly) {
            throw Refusal.INVALID_SHEET_ROW.becauseOfEach(refusedRows.size() + " rows cannot be " + done + ", so none "
                    + "was; correct them, or send rows=valid for the others", refused);
        }
    }

    public List<Problem.FieldError> refused() {
        return refused;
    }

    public int changed() {
        return changed;
    }

    public int unchanged() {
        return unchanged;
    }
}
