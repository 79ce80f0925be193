package party.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The phone pages are static files (META-INF/resources, no build step); this gives them the short addresses that
 * QR codes and links carry, e.g. {@code /vote?code=…} (ballot-service's {@code ballot.vote-url}).
 */
@ApplicationScoped
public class MobilePages {

    void register(@Observes Router router) {
        router.get("/vote").handler(ctx -> ctx.reroute("/vote/index.html"));
    }
}
