package party.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Map;

/** The services behind the gateway, each reached under its own path prefix. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Downstream> services();

    /** Open connections to each service; Vert.x's default of 5 queues requests at any real load. */
    @WithDefault("64")
    int connectionsPerService();

    interface Downstream {
        /** e.g. {@code /api/ballots}; the path is forwarded unchanged */
        String prefix();

        URI url();
    }
}
