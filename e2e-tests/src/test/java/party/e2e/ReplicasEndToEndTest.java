package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import party.local.ChildProcess;
import party.local.LocalPlatform;
import party.local.Settings;

/**
 * Two replicas of every service on a stack of their own (the README's run command with -Dplatform.replicas=2),
 * faults and all: one replica of each service killed with SIGKILL while units are created, items issued, ballots
 * cast and findings consumed; Kafka stopped for 30 s during writes; PostgreSQL restarted under load; the whole stack
 * restarted. Clients retry as the
 * API asks (an Idempotency-Key on each POST). Each scenario counts what was sent, what arrived, what arrived twice,
 * what arrived out of its subject's order and the answers of 500 or more, fails on any loss, duplicate effect or
 * disorder, and leaves its row in {@code target/reliability-figures-replicas.md} (docs/reliability.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasEndToEndTest {

    private static final Path FIGURES = Path.of("target/reliability-figures-replicas.md");
    private static final List<String> SERVICES = List.of("assessment-service", "rectification-service",
            "ballot-service", "webhook-service");
    private static final String DISTRICT = "replicas-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String STREET = DISTRICT + "-1";
    private static final String OTHER_STREET = DISTRICT + "-2";

    private static Path data;
    private static Settings settings;
    private static LocalPlatform platform;
    private static final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void twoReplicasOfEachService() throws IOException {
        data = Files.createTempDirectory("platform-replicas");
        settings = Settings.onFreePorts(Path.of(System.getProperty("platform.home")), data).withReplicas(2);
        platform = LocalPlatform.start(settings);
        for (String unit : List.of(DISTRICT, STREET, OTHER_STREET)) {
            String parent = unit.equals(DISTRICT) ? "city" : DISTRICT;
            String level = unit.equals(DISTRICT) ? "county" : "township";
            new Client("organizer").post("/api/assessment/org-units", Map.of("code", unit, "name", "副本演练 " + unit,
                    "level", level, "category", unit.equals(DISTRICT) ? "district" : "street", "parentCode", parent));
        }
        awaitReplicated(List.of(DISTRICT, STREET, OTHER_STREET), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
        try (var paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        Files.write(FIGURES, figures, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Test
    @Order(1)
    void oneReplicaOfEachServiceKilledUnderLoadLosesAndRepeatsNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String findingsUnit = OTHER_STREET;
        int findingsBefore = itemsOf(findingsUnit);
        // a session of 1,000 one-time codes, open for casting
        var organizer = new Client("organizer");
        String session = organizer.post("/api/ballots/sessions", Map.of("orgUnit", DISTRICT, "title", "副本演练述职评议 " + run,
                "date", "2026-12-31", "year", 2026, "categories", List.of(Map.of("code", "c1", "name", "考核对象",
                        "topRatio", 0.5, "subjects", List.of(Map.of("unit", STREET), Map.of("unit", OTHER_STREET))))))
                .path("id");
        List<String> codes = organizer.post("/api/ballots/sessions/" + session + "/codes",
                Map.of("ballotType", "A", "count", 1000)).path("codes.code");
        organizer.post("/api/ballots/sessions/" + session + "/open", Map.of());
        // 400 findings waiting on assessment.findings for the rectification service's consumers
        try (var producer = Findings.producer(platform)) {
            for (int i = 0; i < 400; i++) {
                producer.send(new ProducerRecord<>("assessment.findings", findingsUnit,
                        Findings.finding("/city/" + DISTRICT + "/" + findingsUnit, "R" + run + "-" + i, "副本演练")));
            }
        }

        var load = new Load();
        var issued = new ConcurrentLinkedQueue<String>();
        var units = new ConcurrentLinkedQueue<String>();
        var inspector = new Client("inspector");
        var unitsClient = new Client("organizer");
        var voter = new Client(null);
        AtomicInteger next = new AtomicInteger();
        var writers = List.of(
                issuing(load, inspector, issued, "副本演练问题 " + run + "-"),
                creatingUnits(load, unitsClient, units, "rep-" + run + "-", "副本演练 "),
                load.keep(() -> {
                    int at = next.getAndUpdate(i -> Math.min(i + 1, codes.size())); // stops at the last code
                    if (at < codes.size()) {
                        voter.cast(session, codes.get(at), STREET, OTHER_STREET);
                    } else {
                        Client.pause(); // every code cast: the voter idles while the other writers go on
                    }
                }));

        var killed = SERVICES.stream().map(service -> platform.app(service + "-2")).toList();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> issued.size() >= 15 && next.get() >= 50);
            int issuedAtKill = issued.size();
            int castAtKill = next.get();
            killed.forEach(ChildProcess::kill);
            try {
                // the first replicas carry on alone, on a machine the other classes' shared stack also runs on
                await().atMost(Duration.ofSeconds(180)).until(() -> issued.size() >= issuedAtKill + 10
                        && next.get() >= castAtKill + 50);
            } finally {
                ExecutorService restarts = Executors.newFixedThreadPool(killed.size());
                try {
                    CompletableFuture.allOf(killed.stream().map(replica -> CompletableFuture.runAsync(
                            () -> replica.restart(Duration.ofMinutes(3)), restarts))
                            .toArray(CompletableFuture[]::new)).join();
                } finally {
                    restarts.shutdown();
                }
            }
            int issuedAtRestart = issued.size();
            await().atMost(Duration.ofSeconds(240)).until(() -> issued.size() >= issuedAtRestart + 10
                    && next.get() >= codes.size());
        } finally {
            load.stop(writers);
        }

        organizer.post("/api/ballots/sessions/" + session + "/close", Map.of());
        long cast = organizer.get("/api/ballots/sessions/" + session + "/turnout").jsonPath().getLong("[0].cast");
        awaitReplicated(List.copyOf(units), Duration.ofSeconds(60));
        var events = Events.of("rectification.events", "RectificationItemIssued", Set.copyOf(issued));
        await().atMost(Duration.ofSeconds(90)).until(() -> itemsOf(findingsUnit) - findingsBefore >= 400);
        int fromFindings = itemsOf(findingsUnit) - findingsBefore;

        assertThat(itemsNamed("副本演练问题 " + run)).as("items issued, each once").isEqualTo(issued.size());
        assertThat(cast).as("ballots cast, each code once").isEqualTo(codes.size());
        assertThat(fromFindings).as("items from findings, each finding once").isEqualTo(400);
        int outOfOrder = events.outOfOrder() + consumedOutOfOrder();
        record("one replica of each service SIGKILLed under load, then restarted", load.requests(),
                issued.size() + units.size() + codes.size() + 400, events.arrived() + units.size() + (int) cast
                        + fromFindings, events.duplicated(), outOfOrder, load.serverErrors(),
                "%d items issued, %d units created, %d ballots cast while 400 findings were consumed; `kill -9` of "
                        .formatted(issued.size(), units.size(), codes.size())
                        + "each service's second replica, restarted once the first had carried on alone: every item "
                        + "once in the ledger with its `RectificationItemIssued`, every unit in both replicas, every "
                        + "code's ballot once, every finding one item");
        assertThat(events.arrived()).isEqualTo(issued.size());
        assertThat(outOfOrder).isZero();
    }

    @Test
    @Order(2)
    void kafkaStoppedForThirtySecondsDuringWritesLosesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        var load = new Load();
        var issued = new ConcurrentLinkedQueue<String>();
        var units = new ConcurrentLinkedQueue<String>();
        var inspector = new Client("inspector");
        var organizer = new Client("organizer");
        platform.kafka().stop();
        Instant until = Instant.now().plusSeconds(30);
        List<CompletableFuture<Void>> writers;
        try {
            writers = List.of(
                    issuing(load, inspector, issued, "停机演练问题 " + run + "-"),
                    creatingUnits(load, organizer, units, "kaf-" + run + "-", "停机演练 "));
            await().atMost(Duration.ofSeconds(45)).until(() -> Instant.now().isAfter(until));
            load.stop(writers);
        } finally {
            platform.kafka().start();
        }
        awaitReplicated(List.copyOf(units), Duration.ofSeconds(90));
        var events = Events.of("rectification.events", "RectificationItemIssued", Set.copyOf(issued));
        int outOfOrder = events.outOfOrder() + consumedOutOfOrder();
        record("Kafka stopped for 30 s during writes, two replicas of each service", load.requests(),
                issued.size() + units.size(), events.arrived() + units.size(), events.duplicated(), outOfOrder,
                load.serverErrors(), "%d items issued and %d units created while the broker was down, every request "
                        .formatted(issued.size(), units.size())
                        + "answered; after its restart each item's event arrived and each unit reached both replicas");
        assertThat(events.arrived()).isEqualTo(issued.size());
        assertThat(itemsNamed("停机演练问题 " + run)).isEqualTo(issued.size());
        assertThat(outOfOrder).isZero();
        assertThat(load.serverErrors()).isZero();
    }

    @Test
    @Order(3)
    void postgresRestartedUnderLoadLosesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        var load = new Load();
        var issued = new ConcurrentLinkedQueue<String>();
        var inspector = new Client("inspector");
        var writers = List.of(issuing(load, inspector, issued, "数据库重启演练问题 " + run + "-"));
        await().atMost(Duration.ofSeconds(60)).until(() -> issued.size() >= 10);
        platform.postgres().stop();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.serverErrors() > 0);
        } finally {
            platform.postgres().start();
        }
        int before = issued.size();
        await().atMost(Duration.ofSeconds(120)).until(() -> issued.size() >= before + 10);
        load.stop(writers);
        var events = Events.of("rectification.events", "RectificationItemIssued", Set.copyOf(issued));
        int outOfOrder = events.outOfOrder() + consumedOutOfOrder();
        record("PostgreSQL stopped and started under load, two replicas of each service", load.requests(),
                issued.size(), events.arrived(), events.duplicated(), outOfOrder, load.serverErrors(),
                "%d items issued by a client retrying with its key; while the database was down each answer was a "
                        .formatted(issued.size())
                        + "5xx, and each item was issued once its retry was answered after the restart");
        assertThat(itemsNamed("数据库重启演练问题 " + run)).isEqualTo(issued.size());
        assertThat(events.arrived()).isEqualTo(issued.size());
        assertThat(outOfOrder).isZero();
    }

    @Test
    @Order(4)
    void afterAWarmRestartAUnitReachesTheReplicasWithinFiveSecondsOfReady() {
        platform.close();
        platform = LocalPlatform.start(settings.keepingData());
        Instant ready = Instant.now();
        tokens.clear();
        String code = "warm-" + UUID.randomUUID().toString().substring(0, 6);
        new Client("organizer").post("/api/assessment/org-units", Map.of("code", code, "name", "重启演练 " + code,
                "level", "grassroots", "category", "branch", "parentCode", STREET));
        Instant created = Instant.now();
        awaitReplicated(List.of(code), Duration.ofSeconds(30));
        Duration took = Duration.between(created, Instant.now());
        System.out.printf("[replicas] after a warm restart a unit created %d ms after ready reached both services'"
                + " replicas %d ms later%n", Duration.between(ready, created).toMillis(), took.toMillis());
        figures.add("| warm restart of the whole stack, two replicas each | 1 | 1 | 1 | 0 | 0 | 0 | "
                + "a unit created %.1f s after the gateway was ready (its organizer signing in first) reached both "
                .formatted(Duration.between(ready, created).toMillis() / 1000.0)
                + "services' replicas %.1f s after it was created |".formatted(took.toMillis() / 1000.0));
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    // --- counting ---------------------------------------------------------------------------------------------

    private static void record(String scenario, int requests, int sent, int arrived, int duplicated, int outOfOrder,
                               int errors, String note) {
        String line = "| %s | %d | %d | %d | %d | %d | %d | %s |".formatted(scenario, requests, sent, arrived,
                duplicated, outOfOrder, errors, note);
        System.out.println("[reliability] " + line);
        figures.add(line);
        assertThat(arrived).as(scenario + ": arrived").isEqualTo(sent);
    }

    /** What the services' consumers counted as out of order (platform.events.consumed), over every replica. */
    private static int consumedOutOfOrder() {
        var http = HttpClient.newHttpClient();
        int total = 0;
        for (String service : SERVICES) {
            for (String name : List.of(service, service + "-2")) {
                URI metrics = URI.create(platform.app(name).readyUrl()).resolve("/q/metrics");
                try {
                    String text = http.send(HttpRequest.newBuilder(metrics).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    total += (int) text.lines().filter(line -> line.startsWith("platform_events_consumed_total{")
                                    && line.contains("outcome=\"out-of-order\""))
                            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        return total;
    }

    /** One type's events of the given subjects on a topic, read from the start in each partition's order. */
    private record Events(int arrived, int duplicated, int outOfOrder) {

        static Events of(String topic, String type, Set<String> subjects) {
            var seen = new ConcurrentHashMap<String, Integer>();
            var last = new HashMap<String, Long>();
            var counts = new int[2]; // deliveries, out of order
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrap());
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                var partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    for (var record : consumer.poll(Duration.ofMillis(500))) {
                        JsonNode event = Findings.read(record.value());
                        String subject = event.path("subject").asText();
                        if (!type.equals(event.path("type").asText()) || !subjects.contains(subject)) {
                            continue;
                        }
                        counts[0]++;
                        if (seen.merge(event.path("id").asText(), 1, Integer::sum) == 1) {
                            long sequence = event.path("sequence").asLong();
                            if (last.getOrDefault(subject, 0L) >= sequence) {
                                counts[1]++;
                            }
                            last.put(subject, sequence);
                        }
                    }
                    return last.keySet().containsAll(subjects) && partitions.stream().allMatch(partition ->
                            consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition));
                });
            }
            return new Events(seen.size(), counts[0] - seen.size(), counts[1]);
        }
    }

    // --- load, as a client that retries would send it -----------------------------------------------------------

    /** The load of the scenario running: writers that repeat their step until stopped, each answer counted. */
    private static volatile Load current;

    /** A writer issuing items to the street, each problem numbered after the ones issued so far. */
    private static CompletableFuture<Void> issuing(Load load, Client inspector, Collection<String> issued,
                                                   String problem) {
        return load.keep(() -> {
            String numbered = problem + issued.size();
            issued.add(inspector.retried("/api/rectification/items", item(STREET, numbered), "id", () -> {
                List<Map<String, String>> found = inspector.get("/api/rectification/ledger?unit=" + STREET + "&q="
                        + numbered + "&size=200").path("items");
                return found.stream().filter(item -> numbered.equals(item.get("problem"))).map(item -> item.get("id"))
                        .findFirst().orElse(null);
            }));
        });
    }

    /** A writer creating branches under the street, numbered after the ones created so far. */
    private static CompletableFuture<Void> creatingUnits(Load load, Client organizer, Collection<String> units,
                                                         String code, String name) {
        return load.keep(() -> {
            String unit = code + units.size();
            units.add(organizer.retried("/api/assessment/org-units", Map.of("code", unit, "name", name + unit,
                    "level", "grassroots", "category", "branch", "parentCode", STREET), "code", () ->
                    organizer.request().get("/api/assessment/org-units/" + unit).statusCode() == 200 ? unit : null));
        });
    }

    private static final class Load {
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger serverErrors = new AtomicInteger();
        private final ExecutorService writers = Executors.newCachedThreadPool();
        private volatile boolean running = true;

        Load() {
            current = this;
        }

        CompletableFuture<Void> keep(Runnable step) {
            return CompletableFuture.runAsync(() -> {
                while (running) {
                    step.run();
                }
            }, writers);
        }

        void stop(Collection<CompletableFuture<Void>> started) {
            running = false;
            try {
                CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
            } finally {
                writers.shutdownNow();
            }
        }

        int requests() {
            return requests.get();
        }

        int serverErrors() {
            return serverErrors.get();
        }

        void answered(int status) {
            requests.incrementAndGet();
            if (status >= 500) {
                serverErrors.incrementAndGet();
            }
        }
    }

    /** A demo user's calls through the gateway, with a token younger than 20 s (tokens live 30 s). */
    private record Client(String user) {

        /**
         * how long a client retries one request: longer than a replica's or the database's restart, and than a
         * killed request's claim of its key
         */
        private static final Duration PATIENCE = Duration.ofMinutes(3);

        Response post(String path, Object body) {
            return send(path, body, UUID.randomUUID().toString(), Set.of(200, 201));
        }

        /**
         * Sent again with the same key until it is answered, and {@code field} of the answer: a lost answer's retry
         * replays the first one. Where the first try's replica died after its work committed and before keeping the
         * answer, the platform says so (request-answer-lost) and the client looks it up with {@code made}, as
         * docs/integration.md tells it to; it must be there.
         */
        String retried(String path, Object body, String field, Supplier<String> made) {
            String key = UUID.randomUUID().toString();
            Instant giveUp = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(giveUp)) {
                try {
                    Response response = request().header("Idempotency-Key", key).contentType(ContentType.JSON)
                            .body(body).post(path);
                    count(response.statusCode());
                    String problem = response.statusCode() == 409 ? response.path("type") : null;
                    if ("urn:party:problem:request-answer-lost".equals(problem)) {
                        String found = made.get();
                        assertThat(found).as(path + " carried out, its answer lost: looked up").isNotNull();
                        return found;
                    }
                    // the first try's replica was killed under it: its claim of the key lapses after two minutes
                    if (response.statusCode() < 500 && !"urn:party:problem:request-in-progress".equals(problem)) {
                        assertThat(response.statusCode()).as(path + ": " + response.body().asString())
                                .isIn(200, 201);
                        return response.path(field);
                    }
                } catch (RuntimeException e) {
                    // the connection itself failed
                }
                pause();
            }
            throw new AssertionError(path + " was never answered");
        }

        /**
         * Casts one code until answered. After a lost answer (a 5xx, a broken connection) "already used" means the
         * first attempt counted; on the first attempt it would be a fault.
         */
        void cast(String session, String code, String first, String second) {
            var body = Map.of("sessionId", session, "code", code, "marks", List.of(Map.of("subject", first, "grade", "好"),
                    Map.of("subject", second, "grade", "一般")));
            boolean answerLost = false;
            Instant giveUp = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(giveUp)) {
                try {
                    Response response = given().baseUri(platform.gatewayUrl()).contentType(ContentType.JSON).body(body)
                            .post("/api/ballots/cast");
                    count(response.statusCode());
                    if (response.statusCode() < 500) {
                        assertThat(response.statusCode()).as(code + ": " + response.body().asString())
                                .isIn(answerLost ? Set.of(200, 409) : Set.of(200));
                        return;
                    }
                } catch (RuntimeException e) {
                    // the connection itself failed
                }
                answerLost = true;
                pause();
            }
            throw new AssertionError(code + " was never answered");
        }

        Response get(String path) {
            Response response = request().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response;
        }

        private Response send(String path, Object body, String key, Set<Integer> expected) {
            Response response = request().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                    .post(path);
            assertThat(response.statusCode()).as(path + ": " + response.body().asString()).isIn(expected);
            return response;
        }

        private io.restassured.specification.RequestSpecification request() {
            return given().baseUri(platform.gatewayUrl()).auth().oauth2(tokens.compute(user, (name, token) ->
                    token == null || token.issued().isBefore(Instant.now().minusSeconds(20))
                            ? new Token(new Keycloak(platform).token(name), Instant.now()) : token).value());
        }

        private static void count(int status) {
            Load load = current;
            if (load != null) {
                load.answered(status);
            }
        }

        static void pause() {
            try {
                Thread.sleep(200); // a client's back-off between retries, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Token(String value, Instant issued) {
    }

    // --- the platform's API --------------------------------------------------------------------------------------

    private static void awaitReplicated(List<String> units, Duration within) {
        var organizer = new Client("organizer");
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> units.stream().allMatch(code ->
                List.of("/api/ballots/org-units/", "/api/rectification/org-units/").stream().allMatch(replica ->
                        organizer.request().get(replica + code).statusCode() == 200)));
    }

    private static int itemsOf(String unit) {
        return new Client("inspector").get("/api/rectification/ledger?unit=" + unit + "&size=1").path("total");
    }

    private static int itemsNamed(String problem) {
        return new Client("inspector").get("/api/rectification/ledger?unit=" + STREET + "&q=" + problem + "&size=1")
                .path("total");
    }

    private static Map<String, Object> item(String unit, String problem) {
        return Map.of("source", "INSPECTION", "timingClass", "FULL", "problem", problem, "unit", unit);
    }
}
