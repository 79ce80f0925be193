package party.common.inbox;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How every Kafka consumer of the platform belongs to its group (decision 026). A replica that names itself
 * ({@code platform.instance}: the launcher's {@code ballot-service-2}, a pod's name) is a static member: restarted, it
 * takes its partitions back at once instead of waiting for the group to give up on its former self. A replica that
 * is killed loses its partitions to the others after the session timeout, 10 s instead of Kafka's 45 s.
 */
@ApplicationScoped
public class ConsumerMembership implements ClientCustomizer<Map<String, Object>> {

    static final int SESSION_TIMEOUT_MS = 10_000;

    private final Optional<String> instance;

    public ConsumerMembership(@ConfigProperty(name = "platform.instance") Optional<String> instance) {
        this.instance = instance.filter(name -> !name.isBlank());
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (!config.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            return config; // a producer or an admin client
        }
        var customized = new HashMap<>(config);
        customized.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        customized.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, SESSION_TIMEOUT_MS / 3);
        // one id per replica and group: each channel has a group of its own
        instance.ifPresent(name -> customized.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, name));
        return customized;
    }
}
