package party.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node KRaft Kafka broker in its own process, from the jars deploy/kafka copied out of Maven
 * Central. It can be stopped and started again on the same data, which the fault tests rely on.
 */
public final class LocalKafka implements AutoCloseable {

    /** Created before any service starts, so consumers find them on their first metadata fetch. */
    private static final List<NewTopic> TOPICS = List.of(
            new NewTopic("org.units", 3, (short) 1).configs(Map.of("cleanup.policy", "compact")),
            new NewTopic("org.persons", 3, (short) 1).configs(Map.of("cleanup.policy", "compact")),
            new NewTopic("ballot.results", 3, (short) 1),
            new NewTopic("assessment.findings", 3, (short) 1),
            new NewTopic("assessment.results", 3, (short) 1),
            new NewTopic("rectification.events", 3, (short) 1),
            new NewTopic("rectification.tasks", 3, (short) 1));

    private final Settings settings;
    private final Path config;
    private ChildProcess broker;

    LocalKafka(Settings settings) {
        this.settings = settings;
        this.config = settings.data().resolve("kafka/server.properties");
    }

    public String bootstrap() {
        return "127.0.0.1:" + settings.port(Port.KAFKA);
    }

    /** Formats the storage on first use, starts the broker and waits until it serves requests. */
    public synchronized void start() {
        Path logDir = settings.data().resolve("kafka/logs");
        writeConfig(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format();
        }
        broker = ChildProcess.start("kafka", List.of(ChildProcess.java(), "-Xmx512m", "-cp", classpath(),
                "kafka.Kafka", config.toString()), Map.of(), settings.data(), settings.logs());
        createTopics(Duration.ofSeconds(60));
    }

    /** Stops the broker (SIGTERM, a clean shutdown); {@link #start()} brings it back on the same data. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        // Kafka's own ids never start with '-', which the tool would read as an option (1 start in 64 failed so)
        String clusterId = Uuid.randomUuid().toString();
        var tool = ChildProcess.start("kafka-format", List.of(ChildProcess.java(), "-cp", classpath(),
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString(), "--standalone"),
                Map.of(), settings.data(), settings.logs());
        tool.awaitExit(Duration.ofSeconds(60));
    }

    private void createTopics(Duration timeout) {
        var props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(props)) {
            for (NewTopic topic : TOPICS) {
                try {
                    admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Kafka did not accept topic " + topic.name()
                                + "; see " + settings.logs().resolve("kafka.log"), e.getCause());
                    }
                }
            }
            admin.describeCluster().nodes().get(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka started", e);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("Kafka not ready after " + timeout + "; see "
                    + settings.logs().resolve("kafka.log"), e);
        }
    }

    private void writeConfig(Path logDir) {
        int port = settings.port(Port.KAFKA);
        int controller = settings.port(Port.KAFKA_CONTROLLER);
        String properties = """
                # written by the local launcher at every start
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controller, logDir);
        try {
            Files.createDirectories(logDir);
            Files.writeString(config, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String classpath() {
        return settings.require("deploy/kafka/target/lib", "build it with: mvn package -pl deploy/kafka")
                .resolve("*").toString();
    }
}
