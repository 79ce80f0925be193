package party.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The phone pages are static files (META-INF/resources, no build step); this gives them the short addresses that
 * QR codes and links carry ({@code /vote?code=…}, ballot-service's {@code ballot.vote-url}; {@code /m} for unit
 * leaders) and tells the pages where browsers sign in.
 */
@ApplicationScoped
public class MobilePages {

    void register(@Observes Router router, GatewayConfig config) {
        router.get("/vote").handler(ctx -> ctx.reroute("/vote/index.html"));
        router.get("/m").handler(ctx -> ctx.reroute("/m/index.html"));
        String signIn = new JsonObject()
                .put("issuer", config.mobile().keycloakUrl().toString().replaceAll("/$", "") + "/realms/party")
                .put("clientId", config.mobile().clientId()).encode();
        router.get("/m/config.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(signIn));
    }
}
