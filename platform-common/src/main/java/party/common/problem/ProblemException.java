package party.common.problem;

import jakarta.ws.rs.core.Response.Status;

/**
 * A refusal the caller can act on, answered as RFC 9457 problem details.
 *
 * @param slug  stable machine-readable kind, becomes the problem {@code type}
 * @param title short human title (Chinese for users' screens)
 * @param field the offending request field, or {@code null}
 */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final String slug;
    private final String title;
    private final String field;

    public ProblemException(Status status, String slug, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.field = field;
    }

    public Status status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
