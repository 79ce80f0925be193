package party.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code webhooks.*} in application.properties: the settings of both the subscriptions and their delivery. */
@ConfigMapping(prefix = "webhooks")
public interface WebhookSettings {

    /** The wait after the 1st, 2nd, … failed attempt; one more failure than there are delays parks a delivery. */
    List<Duration> retryDelays();

    /** How often due deliveries are looked for (the {@code @Scheduled} expression of {@code Deliverer} reads it). */
    Duration pollEvery();

    /** How long a receiver may take to answer one attempt. */
    Duration timeout();

    boolean requireHttps();

    /** Hosts pushed to whatever their addresses, such as the local demo receiver; none in production. */
    Optional<List<String>> allowedHosts();

    Duration keepDelivered();

    /** Deliveries sent at once by one poll. */
    @WithDefault("50")
    int batchSize();
}
