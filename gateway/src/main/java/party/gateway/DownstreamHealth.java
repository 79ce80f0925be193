package party.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when a replica of every service behind it answers its own readiness check. */
@Readiness
@ApplicationScoped
public class DownstreamHealth implements HealthCheck {

    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public DownstreamHealth(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("downstream services").up();
        config.services().forEach((name, service) -> {
            List<String> states = service.url().stream().map(url -> probe(url.resolve("/q/health/ready"))).toList();
            health.withData(name, String.join(", ", states));
            if (!states.contains("UP")) {
                health.down();
            }
        });
        return health.build();
    }

    private String probe(URI ready) {
        try {
            var request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? "UP" : "DOWN (" + status + ")";
        } catch (java.io.IOException e) {
            return "DOWN (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        }
    }
}
