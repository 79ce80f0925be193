package party.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web pages are static files (META-INF/resources, no build step): the phone pages and the committee's console.
 * This gives them the short addresses that QR codes and links carry ({@code /vote?code=…}, ballot-service's
 * {@code ballot.vote-url}; {@code /m} for unit leaders; {@code /console} for the committee's desk) and tells the
 * pages where browsers sign in.
 */
@ApplicationScoped
public class WebPages {

    void register(@Observes Router router, GatewayConfig config) {
        router.get("/vote").handler(ctx -> ctx.reroute("/vote/index.html"));
        router.get("/m").handler(ctx -> ctx.reroute("/m/index.html"));
        router.get("/console").handler(ctx -> ctx.reroute("/console/index.html"));
        String signIn = new JsonObject()
                .put("issuer", config.mobile().keycloakUrl().toString().replaceAll("/$", "") + "/realms/party")
                .put("clientId", config.mobile().clientId()).encode();
        router.get("/web/sign-in.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(signIn));
    }
}
