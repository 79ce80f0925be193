package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose without a Docker engine: the file parses; every variable it sets is one the service reads;
 * every image of ours is built from the project; every file it mounts exists; the topics get created.
 */
class ComposeFileTest {

    private static final Path COMPOSE = ServiceSettings.ROOT.resolve("deploy/compose");
    private final JsonNode compose = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.resolve("docker-compose.yml").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyServiceIsBuiltFromTheProjectAndNamedAfterIt() {
        for (String service : ServiceSettings.SERVICES) {
            JsonNode definition = compose.path("services").path(service);
            assertThat(definition.isMissingNode()).as(service).isFalse();
            JsonNode build = definition.path("build");
            Path context = COMPOSE.resolve(build.path("context").asText()).normalize();
            assertThat(context).isEqualTo(ServiceSettings.ROOT);
            assertThat(context.resolve(build.path("dockerfile").asText())).isRegularFile();
            assertThat(build.path("args").path("SERVICE").asText()).isEqualTo(service);
            assertThat(context.resolve(service).resolve("pom.xml")).isRegularFile();
            assertThat(definition.path("image").asText()).isEqualTo("party/" + service + ":0.1.0");
        }
        // and no image of ours that the project does not build
        compose.path("services").properties().forEach(entry -> {
            String image = entry.getValue().path("image").asText();
            if (image.startsWith("party/")) {
                assertThat(entry.getValue().has("build")).as(entry.getKey()).isTrue();
            }
        });
    }

    @Test
    void everyVariableSetIsOneTheServiceReads() {
        for (String service : ServiceSettings.SERVICES) {
            ServiceSettings settings = ServiceSettings.of(service);
            List<String> unread = new ArrayList<>();
            compose.path("services").path(service).path("environment").fieldNames().forEachRemaining(variable -> {
                if (!settings.reads(variable)) {
                    unread.add(variable);
                }
            });
            assertThat(unread).as("variables %s sets that it never reads", service).isEmpty();
        }
    }

    @Test
    void theSettingCheckWouldCatchATypo() {
        ServiceSettings settings = ServiceSettings.of("rectification-service");
        assertThat(settings.reads("RECTIFICATION_DB_URL")).isTrue();
        assertThat(settings.reads("PLATFORM_KAFKA_BOOTSTRAP")).isTrue();
        assertThat(settings.reads("RECTIFICATION_DEADLINE_DAYS_FULL")).as("a @ConfigMapping property").isTrue();
        assertThat(settings.reads("RECTIFICATON_DB_URL")).isFalse();
        assertThat(ServiceSettings.of("gateway").reads("RECTIFICATION_DB_URL")).isFalse();
    }

    @Test
    void mountedFilesExistAndTheTopicsAreCreated() {
        compose.path("services").properties().forEach(entry -> entry.getValue().path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (source.startsWith(".")) {
                assertThat(COMPOSE.resolve(source)).as(entry.getKey()).exists();
            }
        }));
        String creation = compose.path("services").path("kafka-topics").path("command").toString();
        for (String topic : Topics.platform()) {
            assertThat(creation).contains(topic);
        }
        for (String topic : Topics.deadLetter()) {
            assertThat(creation).contains(topic);
        }
        assertThat(Files.exists(COMPOSE.resolve("databases.sql"))).isTrue();
    }
}
