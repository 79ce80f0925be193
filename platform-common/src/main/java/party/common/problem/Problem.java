package party.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * RFC 9457 problem details, the one error format of every service and the gateway.
 * {@code type} is {@code urn:party:problem:<slug>}; docs/problems.md lists the slugs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** This problem as the HTTP answer, with its status and media type. */
    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    public static String type(String slug) {
        return "urn:party:problem:" + slug;
    }

    /** A refusal of the catalogue on one occasion. */
    public static Problem of(Refusal refusal, String detail, String instance, List<FieldError> errors) {
        return new Problem(type(refusal.slug()), refusal.title(), refusal.status(), detail, instance, errors);
    }

    /** One offending field: a JSON property path such as {@code code}, or a query parameter such as {@code size}. */
    public record FieldError(String field, String message) {
    }
}
