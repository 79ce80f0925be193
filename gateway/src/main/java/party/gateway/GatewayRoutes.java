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
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Streams each {@code /api/<service>/**} request to a ready replica of its service ({@link Replicas}) with headers
 * and the bearer token intact.
 * Authentication has already run (quarkus.http.auth.permission.api), so only valid tokens get this far; then each
 * client's rate limit. The gateway's own health and metrics are on its management port, neither proxied nor limited.
 */
@ApplicationScoped
public class GatewayRoutes {

    static final String REQUEST_ID = "X-Request-Id";
    /** The routing context's entry for the caller's real address. */
    static final String CLIENT = "party.client-address";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    void register(@Observes Router router, Vertx vertx, GatewayConfig config, PathTemplates templates,
                  Replicas replicas) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000)
                .setMaxPoolSize(config.connectionsPerService()));
        var rateLimits = new ClientRateLimits(config.rateLimit());
        var clients = new ClientAddresses(config.trustedProxies().orElse(List.of()));
        config.services().forEach((name, service) -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, proxyClient) -> replicas.connect(name, proxyClient));
            router.route(service.prefix() + "/*")
                    .handler(ctx -> {
                        templates.label(ctx, service.prefix());
                        tagRequest(ctx, clients);
                    })
                    .handler(rateLimits)
                    .handler(ProxyHandler.create(proxy));
        });
    }

    /**
     * Keeps the caller's request id when it is sane, otherwise issues one, and echoes it back; tells the service
     * the caller's address for its audit trail (and the rate limits, {@link #CLIENT}), and the host and scheme the
     * caller used, so that the links a service answers with (a {@code Location}) name the gateway, not the service's
     * own port. The gateway is the edge: whatever X-Forwarded-* a caller sent is replaced, so nobody can write another
     * address into the trail; only a trusted proxy's word on the client's address is kept (ClientAddresses).
     */
    static void tagRequest(RoutingContext ctx, ClientAddresses clients) {
        String client = clients.of(ctx.request());
        ctx.put(CLIENT, client);
        ctx.request().headers().set("X-Forwarded-For", client);
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
