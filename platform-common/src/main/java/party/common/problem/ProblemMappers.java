package party.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import party.common.faults.DatabaseFaults;

/** Turns every failure into problem details; no stack trace ever reaches a caller. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(Refused e, UriInfo uri) {
        return new Problem(Problem.type(e.refusal().slug()), e.title(), e.refusal().status(), e.getMessage(),
                instance(uri), e.errors()).response();
    }

    @ServerExceptionMapper({ConstraintViolationException.class,
            io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException.class})
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(Refusal.VALIDATION, detail, instance(uri), errors).response();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")) : "";
        var errors = field.isEmpty() ? List.<Problem.FieldError>of()
                : List.of(new Problem.FieldError(field, e.getOriginalMessage()));
        return Problem.of(Refusal.UNREADABLE_BODY, e.getOriginalMessage(), instance(uri), errors).response();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response conflict(RuntimeException e, UriInfo uri) {
        return Problem.of(Refusal.CONCURRENT_CHANGE, "the record changed since it was read; read it again and retry",
                instance(uri), List.of()).response();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Refusal.FORBIDDEN, "your roles do not allow this operation", instance(uri), List.of())
                .response();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        Refusal refusal = switch (status) {
            case 404 -> Refusal.NOT_FOUND;
            case 405 -> Refusal.METHOD_NOT_ALLOWED;
            case 406 -> Refusal.NOT_ACCEPTABLE;
            case 415 -> Refusal.UNSUPPORTED_MEDIA_TYPE;
            default -> Refusal.REQUEST_REFUSED;
        };
        return new Problem(Problem.type(refusal.slug()), refusal.title(), status, null, instance(uri), List.of())
                .response();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseFaults.unreachable(e)) {
            LOG.warnf("database unreachable on %s: %s", instance(uri), e.getMessage());
            var problem = Problem.of(Refusal.UNAVAILABLE,
                    "the database cannot be reached; nothing was changed, retry shortly", instance(uri), List.of());
            return Response.fromResponse(problem.response()).header("Retry-After", "5").build();
        }
        LOG.errorf(e, "unexpected failure on %s", instance(uri));
        return Problem.of(Refusal.INTERNAL, "the failure is logged; retrying is safe", instance(uri), List.of())
                .response();
    }

    /** The full request path, API root included, as the caller sent it. */
    private static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    /** The request field a violation is about: the bean property path, else the method parameter's name. */
    private static String field(ConstraintViolation<?> v) {
        String property = null;
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                property = property == null ? node.getName() : property + "." + node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
        }
        return property != null ? property : parameter != null ? parameter : v.getPropertyPath().toString();
    }
}
