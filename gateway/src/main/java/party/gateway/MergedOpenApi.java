package party.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /openapi}: one OpenAPI document for the whole public API, merged from each service's own
 * ({@code /q/openapi}), whose paths already carry their {@code /api/<service>} prefix. Kept for a minute, so
 * the document costs the services nothing however often it is read.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Duration KEPT = Duration.ofMinutes(1);
    private static final String SCHEMAS = "#/components/schemas/";

    private record Merged(JsonObject document, Instant at) {
    }

    private final AtomicReference<Merged> cache = new AtomicReference<>();
    private final GatewayConfig config;
    private final Replicas replicas;
    private final HttpClient client;

    MergedOpenApi(Vertx vertx, GatewayConfig config, Replicas replicas) {
        this.config = config;
        this.replicas = replicas;
        this.client = vertx.createHttpClient();
    }

    void register(@Observes Router router) {
        router.get("/openapi").handler(ctx -> document()
                .onSuccess(merged -> ctx.response().putHeader("Content-Type", "application/json").end(merged.encode()))
                .onFailure(failure -> GatewayProblems.answer(ctx, 503, "unavailable", "服务暂不可用",
                        "a service did not give its OpenAPI document: " + failure.getMessage())));
    }

    /** The merged document, fetched again once it is a minute old; fails while a service does not answer. */
    Future<JsonObject> document() {
        Merged cached = cache.get();
        return cached != null && cached.at().plus(KEPT).isAfter(Instant.now())
                ? Future.succeededFuture(cached.document()) : fetchAll().map(merged -> {
                    cache.set(new Merged(merged, Instant.now()));
                    return merged;
                });
    }

    private Future<JsonObject> fetchAll() {
        var names = new ArrayList<String>();
        var fetches = new ArrayList<Future<JsonObject>>();
        config.services().keySet().forEach(name -> {
            names.add(name);
            URI service = replicas.url(name);
            fetches.add(client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(service.getHost())
                            .setPort(service.getPort()).setURI("/q/openapi?format=json").setTimeout(5_000))
                    .compose(request -> request.send())
                    .compose(response -> response.statusCode() == 200 ? response.body()
                            : Future.failedFuture(name + " answered " + response.statusCode()))
                    .map(JsonObject::new));
        });
        return Future.all(fetches).map(all -> {
            var documents = new LinkedHashMap<String, JsonObject>();
            for (int i = 0; i < names.size(); i++) {
                documents.put(names.get(i), all.resultAt(i));
            }
            return merge(documents);
        });
    }

    /**
     * Paths, tags and components side by side. A schema two services name alike but define differently is renamed
     * {@code <service>.<name>} in the later one, with that document's references to it.
     */
    static JsonObject merge(Map<String, JsonObject> documents) {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var securitySchemes = new JsonObject();
        var tags = new JsonArray();
        String version = "3.1.0";
        for (var entry : documents.entrySet()) {
            JsonObject document = entry.getValue();
            version = document.getString("openapi", version);
            JsonObject own = document.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
            var renamed = new HashMap<String, String>();
            own.fieldNames().stream().filter(name -> schemas.containsKey(name) && !schemas.getValue(name).equals(own.getValue(name)))
                    .forEach(name -> renamed.put(SCHEMAS + name, SCHEMAS + entry.getKey() + "." + name));
            JsonObject rewritten = (JsonObject) rewriteReferences(document, renamed);
            JsonObject rewrittenSchemas = rewritten.getJsonObject("components", new JsonObject())
                    .getJsonObject("schemas", new JsonObject());
            rewrittenSchemas.forEach(schema -> schemas.put(renamed.containsKey(SCHEMAS + schema.getKey())
                    ? entry.getKey() + "." + schema.getKey() : schema.getKey(), schema.getValue()));
            rewritten.getJsonObject("paths", new JsonObject()).forEach(path -> paths.put(path.getKey(), path.getValue()));
            rewritten.getJsonObject("components", new JsonObject()).getJsonObject("securitySchemes", new JsonObject())
                    .forEach(scheme -> securitySchemes.put(scheme.getKey(), scheme.getValue()));
            rewritten.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            });
        }
        var components = new JsonObject().put("schemas", schemas);
        if (!securitySchemes.isEmpty()) {
            components.put("securitySchemes", securitySchemes);
        }
        return new JsonObject().put("openapi", version)
                .put("info", new JsonObject().put("title", "党建责任考评 platform API (through the gateway)")
                        .put("version", "0.1.0"))
                .put("tags", tags).put("paths", paths).put("components", components);
    }

    private static Object rewriteReferences(Object node, Map<String, String> renamed) {
        if (node instanceof JsonObject object) {
            var copy = new JsonObject();
            object.forEach(field -> copy.put(field.getKey(), "$ref".equals(field.getKey()) && field.getValue() instanceof String ref
                    ? renamed.getOrDefault(ref, ref) : rewriteReferences(field.getValue(), renamed)));
            return copy;
        }
        if (node instanceof JsonArray array) {
            List<Object> items = new ArrayList<>();
            array.forEach(item -> items.add(rewriteReferences(item, renamed)));
            return new JsonArray(items);
        }
        return node;
    }
}
