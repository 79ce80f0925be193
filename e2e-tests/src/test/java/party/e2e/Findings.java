package party.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import party.local.LocalPlatform;

/**
 * What the fault scenarios put on Kafka themselves, as assessment-service would: findings on
 * {@code assessment.findings}, each raising a rectification item; and what they read back, as JSON.
 */
final class Findings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Findings() {
    }

    static KafkaProducer<String, String> producer(LocalPlatform platform) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrap());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** An {@code IndicatorFindingRaised} of a unit at {@code path}, its indicator's code telling the finding apart. */
    static String finding(String path, String indicator, String label) {
        try {
            String unit = path.substring(path.lastIndexOf('/') + 1);
            var data = Map.of("schemeId", UUID.randomUUID().toString(), "year", 2026, "indicatorCode", indicator,
                    "indicatorName", label + "指标", "orgUnit", unit, "department", "organization",
                    "score", 2, "threshold", 6, "detail", label);
            return JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "type", "IndicatorFindingRaised",
                    "source", "assessment-service", "time", Instant.now().toString(), "orgUnit", path, "data", data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record's value as JSON, or a missing node where it is not JSON. */
    static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
