package party.gateway;

import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Names each proxied request by its API path template for the gateway's request metrics:
 * {@code /api/rectification/items/{id}}, not one series per item. The templates are the paths of the services'
 * OpenAPI documents (MergedOpenApi), read again every few minutes; a path none of them names, and every path until
 * they have arrived, counts as its service's prefix and {@code /*}, so nobody can grow the metrics by sending paths.
 */
@ApplicationScoped
public class PathTemplates {

    /** Quarkus's request metrics take the template from this context local, as RESTEasy's routes set it. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    private static final Duration READ_AGAIN = Duration.ofMinutes(5);
    /** after a failed read (a service still starting): soon, but not on every request */
    private static final Duration RETRY = Duration.ofSeconds(10);

    private final MergedOpenApi openApi;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Segment root = new Segment();
    private volatile Instant nextRead = Instant.MIN;

    PathTemplates(MergedOpenApi openApi) {
        this.openApi = openApi;
    }

    /** One path segment of the templates: literal segments by name, and at most one {variable}. */
    private static final class Segment {
        final Map<String, Segment> literals = new HashMap<>();
        Segment variable;
        String template;

        Segment add(String part) {
            if (!part.startsWith("{")) {
                return literals.computeIfAbsent(part, p -> new Segment());
            }
            if (variable == null) {
                variable = new Segment();
            }
            return variable;
        }
    }

    /** Labels the request for its metrics; {@code prefix} is its service's, e.g. {@code /api/ballots}. */
    void label(RoutingContext ctx, String prefix) {
        if (nextRead.isBefore(Instant.now()) && reading.compareAndSet(false, true)) {
            openApi.document().onSuccess(this::read).onComplete(done -> {
                nextRead = Instant.now().plus(done.succeeded() ? READ_AGAIN : RETRY);
                reading.set(false);
            });
        }
        String template = match(root, ctx.normalizedPath().split("/"), 1);
        ContextLocals.put(URL_PATH_TEMPLATE, template != null ? template : prefix + "/*");
    }

    private void read(JsonObject document) {
        var templates = new Segment();
        for (String path : document.getJsonObject("paths", new JsonObject()).fieldNames()) {
            Segment at = templates;
            for (String part : path.substring(1).split("/")) {
                at = at.add(part);
            }
            at.template = path;
        }
        root = templates;
    }

    /** The template of {@code parts[i..]} under {@code at}, a literal segment preferred to a variable one. */
    private static String match(Segment at, String[] parts, int i) {
        if (i == parts.length) {
            return at.template;
        }
        Segment literal = at.literals.get(parts[i]);
        String found = literal == null ? null : match(literal, parts, i + 1);
        return found != null || at.variable == null || parts[i].isEmpty() ? found : match(at.variable, parts, i + 1);
    }
}
