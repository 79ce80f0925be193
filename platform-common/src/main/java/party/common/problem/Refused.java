package party.common.problem;

/** A refusal the caller can act on, thrown by domain code; {@link ProblemMappers} answers it as problem details. */
public class Refused extends RuntimeException {

    private final Refusal refusal;
    private final String title;
    private final String field;

    Refused(Refusal refusal, String title, String detail, String field) {
        super(detail);
        this.refusal = refusal;
        this.title = title;
        this.field = field;
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
}
