package party.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services behind the gateway, each under its own path prefix, and how much each client may ask of them. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Downstream> services();

    /** Open connections to each service; Vert.x's default of 5 queues requests at any real load. */
    @WithDefault("64")
    int connectionsPerService();

    RateLimit rateLimit();

    /**
     * The reverse proxies in front of the gateway (the Ingress controller's addresses or CIDR ranges), whose
     * {@code X-Forwarded-For} names the client (ClientAddresses); none by default, and then the header is ignored.
     */
    Optional<List<String>> trustedProxies();

    Mobile mobile();

    /** How long the gateway remembers a token it has verified (VerifiedTokens); never past the token's expiry. */
    @WithDefault("60s")
    Duration verifiedTokensKeptFor();

    /** What the web pages (phone pages and console) need to sign people in. */
    interface Mobile {
        /** Keycloak's base URL as browsers reach it (the realm and client are appended). */
        URI keycloakUrl();

        /** The realm's public client for people: authorization code with PKCE. */
        @WithDefault("mobile")
        String clientId();
    }

    interface Downstream {
        /** e.g. {@code /api/ballots}; the path is forwarded unchanged */
        String prefix();

        /** its replicas' addresses, comma-separated; one where a Kubernetes Service balances in front of them */
        List<URI> url();
    }

    /** The defaults and why they are what they are: application.properties. */
    interface RateLimit {
        /** Callers with a token, one bucket per principal: a person, a user's script, an OA service account. */
        Limit perUser();

        /** Callers without a token (one-time-code voting, public progress), one bucket per remote address. */
        Limit perAddress();
    }

    interface Limit {
        /** Sustained rate: the bucket refills this many requests each second. */
        int requestsPerSecond();

        /** The bucket's size: this many requests at once after a quiet spell. */
        int burst();
    }
}
