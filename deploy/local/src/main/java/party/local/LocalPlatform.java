package party.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whole platform on one machine with no Docker: embedded PostgreSQL, a Kafka broker, Keycloak, the four
 * services and the gateway, each healthy before the next depends on it. Closing stops everything it started,
 * newest first; the shutdown hook does that on Ctrl-C.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Duration SERVICE_START = Duration.ofMinutes(3);

    /** A service of the platform: its module, its first replica's port, and its database, named after it. */
    private record Service(String module, Port port) {

        String database() {
            return module.replace("-service", "");
        }

        /** The first replica is named after the module (what fault tests ask for), the others get a number. */
        String replica(int number) {
            return number == 1 ? module : module + "-" + number;
        }
    }

    /** The services, started together before the gateway that routes to them. */
    private static final List<Service> SERVICES = List.of(new Service("assessment-service", Port.ASSESSMENT),
            new Service("rectification-service", Port.RECTIFICATION), new Service("ballot-service", Port.BALLOT),
            new Service("webhook-service", Port.WEBHOOK));

    private final Settings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, ChildProcess> apps = new LinkedHashMap<>();
    /** each service's replicas, as the gateway is told them: {@code platform.urls.ballot} → their urls */
    private final Map<String, String> replicaUrls = new LinkedHashMap<>();
    private LocalPostgres postgres;
    private LocalKafka kafka;

    private LocalPlatform(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        var platform = new LocalPlatform(Settings.fromSystemProperties());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-platform"));
        // Started by Maven, a SIGTERM reaches Maven only, which leaves its forked child running: follow it out.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        try {
            platform.startAll();
        } catch (RuntimeException e) {
            System.err.println("\n启动失败 The platform did not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.println(platform.banner());
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts everything; on failure stops what did start and rethrows. */
    public static LocalPlatform start(Settings settings) {
        var platform = new LocalPlatform(settings);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        settings.checkPortsFree();
        prepareData();
        log("PostgreSQL on port " + settings.port(Port.POSTGRES));
        postgres = LocalPostgres.start(settings.data().resolve("postgres"), settings.port(Port.POSTGRES));
        running.push(postgres);
        SERVICES.forEach(service -> postgres.ensureDatabase(service.database()));

        log("Keycloak on port " + settings.port(Port.KEYCLOAK) + " (first start builds it: about a minute)");
        ChildProcess keycloak = LocalKeycloak.start(settings);
        running.push(keycloak);
        log("Kafka on port " + settings.port(Port.KAFKA));
        kafka = new LocalKafka(settings);
        running.push(kafka);
        kafka.start();
        LocalKeycloak.awaitReady(keycloak, settings);

        log("services: " + SERVICES.stream().map(Service::database).collect(Collectors.joining(", "))
                + (settings.replicas() > 1 ? ", " + settings.replicas() + " replicas each" : ""));
        var started = new ArrayList<ChildProcess>();
        for (Service service : SERVICES) {
            var urls = new ArrayList<String>();
            for (int number = 1; number <= settings.replicas(); number++) {
                int port = number == 1 ? settings.port(service.port()) : Settings.freePort();
                started.add(startService(service.replica(number), service.module(), port, Map.of()));
                urls.add("http://127.0.0.1:" + port);
            }
            replicaUrls.put("platform.urls." + service.port().key, String.join(",", urls));
        }
        started.forEach(service -> service.awaitReady(SERVICE_START));

        log("gateway on port " + settings.port(Port.GATEWAY));
        startService("gateway", "gateway", settings.port(Port.GATEWAY), replicaUrls).awaitReady(SERVICE_START);
        running.push(new Supervisor(List.copyOf(apps.values()), SERVICE_START));
    }

    /**
     * One more instance of an app of the platform (or of an app built beside it; {@code module} is its directory
     * under the project root) on {@code port}, started the way
     * the platform starts its own and stopped with it; benchmarks compare start time and memory with it.
     */
    public ChildProcess startInstance(String module, int port, Map<String, String> extra) {
        return startService(Path.of(module).getFileName() + "-" + port, module, port, extra);
    }

    private ChildProcess startService(String name, String module, int port, Map<String, String> extra) {
        Path app = settings.require(module + "/target/quarkus-app/quarkus-run.jar",
                "build it first: mvn package -DskipTests");
        // each app's %local profile takes the rest from the ports (application.properties)
        var command = new ArrayList<>(List.of(ChildProcess.java(), "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
                "-Dquarkus.profile=prod,local",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dplatform.instance=" + name, // its Kafka consumers' static membership (decision 026)
                "-Dplatform.keycloak-url=" + settings.url(Port.KEYCLOAK),
                "-Dplatform.kafka-bootstrap=" + kafka.bootstrap()));
        for (Port each : Port.values()) {
            command.add("-D" + each.property() + "=" + settings.port(each));
        }
        if (module.equals("gateway")) {
            // benchmarks drive one token or one address at saturation: they raise its limits, -Dgateway.rate-limit.…
            System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("gateway.rate-limit."))
                    .forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
        }
        // the gateway's health and metrics are on its management interface, a port the public is never routed to
        int healthPort = port;
        if (module.equals("gateway")) {
            healthPort = name.equals(module) ? settings.port(Port.GATEWAY_MANAGEMENT) : Settings.freePort();
            command.add("-Dquarkus.management.port=" + healthPort);
        }
        extra.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", app.toString()));
        return launch(name, command, "http://127.0.0.1:" + healthPort + "/q/health/ready");
    }

    private synchronized ChildProcess launch(String name, List<String> command, String readyUrl) {
        ChildProcess app = ChildProcess.start(name, command, Map.of(), settings.home(), settings.logs(), readyUrl);
        running.push(app);
        apps.put(name, app);
        return app;
    }

    /**
     * A running app of the platform by name: a module's (e.g. {@code rectification-service}, its first replica), or a
     * further replica's ({@code rectification-service-2}).
     */
    public ChildProcess app(String name) {
        return apps.get(name);
    }

    private void prepareData() {
        try {
            if (settings.fresh() && Files.exists(settings.data())) {
                log("fresh start: removing " + settings.data());
                try (var paths = Files.walk(settings.data())) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(settings.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Settings settings() {
        return settings;
    }

    /** The database server, for fault tests that restart it. */
    public LocalPostgres postgres() {
        return postgres;
    }

    /** The broker, for fault tests that stop and restart it. */
    public LocalKafka kafka() {
        return kafka;
    }

    public String gatewayUrl() {
        return settings.url(Port.GATEWAY);
    }

    public String keycloakUrl() {
        return settings.url(Port.KEYCLOAK);
    }

    public String issuer() {
        return LocalKeycloak.issuer(settings);
    }

    /** Stops everything this platform started, newest first. Safe to call twice. */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            // the services' replicas, started together, stop together: each takes seconds to leave Kafka
            var together = new ArrayList<AutoCloseable>(List.of(running.pop()));
            while (isService(together.get(0)) && isService(running.peek())) {
                together.add(running.pop());
            }
            var stopping = together.stream().map(component -> new Thread(() -> stop(component), "stop")).toList();
            stopping.forEach(Thread::start);
            for (Thread thread : stopping) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private boolean isService(AutoCloseable component) {
        return component != null && apps.containsValue(component) && component != apps.get("gateway");
    }

    private static void stop(AutoCloseable component) {
        try {
            component.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e.getMessage());
        }
    }

    String banner() {
        var text = new StringBuilder("""

                ================================================================
                 党建责任考评 platform is up
                   gateway   %s   (/api/assessment, /api/rectification, /api/ballots, /api/webhooks)
                   phones    %<s/m (unit leaders), %<s/vote?code=… (a one-time code's QR link)
                   keycloak  %s   realm party; admin console: %s / %s
                   data      %s   (kept across restarts; -Dplatform.fresh=true starts from scratch)
                   logs      %s

                 demo users (local realm only; password = user name + "-Demo1"):
                """.formatted(gatewayUrl(), settings.url(Port.KEYCLOAK), LocalKeycloak.ADMIN,
                LocalKeycloak.ADMIN_PASSWORD, settings.data(), settings.logs()));
        demoUsers().forEach(line -> text.append("   ").append(line).append('\n'));
        if (settings.replicas() > 1) {
            text.append("\n replicas (the gateway balances over the ready ones):\n");
            replicaUrls.forEach((key, urls) -> text.append("   %-14s %s%n".formatted(
                    key.substring("platform.urls.".length()), urls)));
        }
        text.append("""

                 a token:  curl -s -d grant_type=password -d client_id=local-demo -d username=organizer \\
                             -d password=organizer-Demo1 %s/protocol/openid-connect/token
                 Ctrl-C stops everything.
                ================================================================
                """.formatted(issuer()));
        return text.toString();
    }

    /** The demo users as the realm export defines them, so the banner never disagrees with Keycloak. */
    private List<String> demoUsers() {
        try {
            JsonNode realm = new ObjectMapper().readTree(settings.home().resolve("deploy/keycloak/party-realm.json").toFile());
            var lines = new ArrayList<String>();
            for (JsonNode user : realm.path("users")) {
                String name = user.path("username").asText();
                if (name.startsWith("service-account-")) {
                    continue;
                }
                String department = user.path("attributes").path("department").path(0).asText("");
                lines.add("%-20s %-18s %s%s".formatted(name, user.path("attributes").path("org_path").path(0).asText(),
                        user.path("realmRoles").path(0).asText(), department.isEmpty() ? "" : " (" + department + ")"));
            }
            for (JsonNode client : realm.path("clients")) {
                if (client.path("serviceAccountsEnabled").asBoolean()) {
                    lines.add("%-20s client credentials, secret %s".formatted(client.path("clientId").asText() + " (client)",
                            client.path("secret").asText()));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void log(String message) {
        System.out.println("[platform] " + message);
    }
}
