package party.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Streams each {@code /api/<service>/**} request to its service with headers and the bearer token intact.
 * Authentication has already run (quarkus.http.auth.permission.api), so only valid tokens get this far; then each
 * client's rate limit. The gateway's own endpoints (/q/health, /q/metrics) are not limited.
 */
@ApplicationScoped
public class GatewayRoutes {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000)
                .setMaxPoolSize(config.connectionsPerService()));
        var rateLimits = new ClientRateLimits(config.rateLimit());
        config.services().values().forEach(service -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(service.url().getPort(), service.url().getHost());
            router.route(service.prefix() + "/*")
                    .handler(GatewayRoutes::tagRequest)
                    .handler(rateLimits)
                    .handler(ProxyHandler.create(proxy));
        });
    }

    /**
     * Keeps the caller's request id when it is sane, otherwise issues one, and echoes it back; tells the service
     * the caller's address for its audit trail, and the host and scheme the caller used, so that the links a service
     * answers with (a {@code Location}) name the gateway, not the service's own port. The gateway is the edge:
     * whatever X-Forwarded-* a caller sent is replaced, so nobody can write another address into the trail.
     */
    static void tagRequest(RoutingContext ctx) {
        ctx.request().headers().set("X-Forwarded-For", ctx.request().remoteAddress().hostAddress());
        if (ctx.request().authority() != null) { // a request without a Host header has none to pass on
            ctx.request().headers().set("X-Forwarded-Host", ctx.request().authority().toString());
        }
        ctx.request().headers().set("X-Forwarded-Proto", ctx.request().scheme());
        String id = ctx.request().getHeader(REQUEST_ID);
        if (id == null || !SAFE_REQUEST_ID.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            ctx.request().headers().set(REQUEST_ID, id);
        }
        ctx.response().putHeader(REQUEST_ID, id);
        ctx.next();
    }
}
