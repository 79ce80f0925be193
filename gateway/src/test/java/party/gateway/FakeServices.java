package party.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the services: answers readiness, gives an OpenAPI document with two paths, and echoes what the
 * gateway forwarded and which replica took it. The ballot service has three replicas: one ready, one that is ready
 * when a test says so, one that is gone.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    private static final String OPENAPI = """
            {"openapi":"3.1.0","paths":{"/api/rectification/items/{id}":{},
            "/api/rectification/items/{id}/plan/approve":{},"/api/rectification/items/figures":{}}}""";

    /** Whether the ballot service's second replica says it is ready; it starts as not ready. */
    static final AtomicBoolean SECOND_BALLOT_REPLICA_READY = new AtomicBoolean();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            String url = serve("first", () -> true);
            String second = serve("second", SECOND_BALLOT_REPLICA_READY::get);
            String gone = "http://127.0.0.1:" + freePort(); // a replica that died: nothing listens
            return Map.of(
                    "gateway.services.assessment.url", url,
                    "gateway.services.rectification.url", url,
                    "gateway.services.ballots.url", String.join(",", url, second, gone),
                    "gateway.services.webhooks.url", url);
        } catch (Exception e) {
            throw new IllegalStateException("fake services did not start", e);
        }
    }

    /** A fake replica, named in each echo. */
    private String serve(String replica, BooleanSupplier ready) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/q/health/ready")) {
                request.response().setStatusCode(ready.getAsBoolean() ? 200 : 503)
                        .end(ready.getAsBoolean() ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
                return;
            }
            if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(OPENAPI);
                return;
            }
            request.body().onSuccess(body -> request.response()
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject()
                            .put("replica", replica)
                            .put("method", request.method().name())
                            .put("path", request.uri())
                            .put("authorization", request.getHeader("Authorization"))
                            .put("requestId", request.getHeader("X-Request-Id"))
                            .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                            .put("bodyLength", body.length())
                            .encode()));
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return "http://127.0.0.1:" + server.actualPort();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        vertx.close();
    }
}
