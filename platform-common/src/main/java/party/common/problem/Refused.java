package party.common.problem;

import java.util.List;

/** A refusal the caller can act on, thrown by domain code; {@link ProblemMappers} answers it as problem details. */
public class Refused extends RuntimeException {

    private final Refusal refusal;
    private final String title;
    private final String field;
    private final List<Problem.FieldError> errors;

    Refused(Refusal refusal, String title, String detail, String field) {
        this(refusal, title, detail, field, field == null ? List.of() : List.of(new Problem.FieldError(field, detail)));
    }

    Refused(Refusal refusal, String title, String detail, String field, List<Problem.FieldError> errors) {
        super(detail);
        this.refusal = refusal;
        this.title = title;
        this.field = field;
        this.errors = List.copyOf(errors);
    }

    public Refusal refusal() {
        return refusal;
    }

    /** Chinese, for the user's screen. */
    public String title() {
        return title;
    }

    /** The offending request field, or {@code null}. */
    public String field() {
        return field;
    }

    /** What is wrong where: the field's, or each of several (the rows of a sheet). */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
