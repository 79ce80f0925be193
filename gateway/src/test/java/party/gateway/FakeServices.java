package party.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the services: answers readiness, gives an OpenAPI document with two paths, and echoes what the
 * gateway forwarded.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    private static final String OPENAPI = """
            {"openapi":"3.1.0","paths":{"/api/rectification/items/{id}":{},
            "/api/rectification/items/{id}/plan/approve":{},"/api/rectification/items/figures":{}}}""";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                if (request.path().equals("/q/health/ready")) {
                    request.response().end("{\"status\":\"UP\"}");
                    return;
                }
                if (request.path().equals("/q/openapi")) {
                    request.response().putHeader("Content-Type", "application/json").end(OPENAPI);
                    return;
                }
                request.body().onSuccess(body -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("method", request.method().name())
                                .put("path", request.uri())
                                .put("authorization", request.getHeader("Authorization"))
                                .put("requestId", request.getHeader("X-Request-Id"))
                                .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                                .put("bodyLength", body.length())
                                .encode()));
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String url = "http://127.0.0.1:" + server.actualPort();
            return Map.of(
                    "gateway.services.assessment.url", url,
                    "gateway.services.rectification.url", url,
                    "gateway.services.ballots.url", url,
                    "gateway.services.webhooks.url", url);
        } catch (Exception e) {
            throw new IllegalStateException("fake services did not start", e);
        }
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
