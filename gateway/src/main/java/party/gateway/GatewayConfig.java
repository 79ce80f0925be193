package party.gateway;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Map;

/** The services behind the gateway, each reached under its own path prefix. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Downstream> services();

    interface Downstream {
        /** e.g. {@code /api/ballots}; the path is forwarded unchanged */
        String prefix();

        URI url();
    }
}
