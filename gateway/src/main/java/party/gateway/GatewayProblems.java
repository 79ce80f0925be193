package party.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own refusals in the platform's one error format, RFC 9457 problem details with a
 * {@code urn:party:problem:<slug>} type, as {@code party.common.problem.Problem} writes them in the services
 * (the gateway does without platform-common).
 */
final class GatewayProblems {

    private GatewayProblems() {
    }

    static void answer(RoutingContext ctx, int status, String slug, String title, String detail) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject()
                        .put("type", "urn:party:problem:" + slug)
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .put("instance", ctx.request().path())
                        .encode());
    }
}
