package party.common.inbox;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means consuming (decision 026): a replica is ready once each of its Kafka consumers has joined its group and
 * been given its partitions, so an event published the moment it is ready is taken at once. Once joined it stays
 * ready while the broker is away: it still serves its API, and its events wait in the outbox. Every incoming Kafka
 * channel reports here ({@code consumer-rebalance-listener.name}, platform defaults).
 */
@ApplicationScoped
@Identifier(ConsumersJoined.NAME)
@Readiness
public class ConsumersJoined implements KafkaConsumerRebalanceListener, HealthCheck {

    static final String NAME = "platform-consumers-joined";
    private static final Pattern KAFKA_CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    /** group id → channel, for every incoming channel on the Kafka connector */
    private final Map<String, String> channels = new TreeMap<>();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();

    public ConsumersJoined(Config config) {
        for (String property : config.getPropertyNames()) {
            var channel = KAFKA_CHANNEL.matcher(property);
            if (channel.matches() && "smallrye-kafka".equals(config.getOptionalValue(property, String.class).orElse(""))) {
                config.getOptionalValue("mp.messaging.incoming." + channel.group(1) + ".group.id", String.class)
                        .ifPresent(group -> channels.put(group, channel.group(1)));
            }
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        joined.add(consumer.groupMetadata().groupId());
    }

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("kafka consumers joined").up();
        channels.forEach((group, channel) -> {
            boolean in = joined.contains(group);
            health.withData(channel, in ? "joined" : "joining");
            if (!in) {
                health.down();
            }
        });
        return health.build();
    }
}
