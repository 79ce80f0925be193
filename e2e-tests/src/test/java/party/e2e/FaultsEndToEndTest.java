package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.ChildProcess;
import party.local.LocalPlatform;

/**
 * Faults against the real stack: the broker stopped during writes in every service, a service killed with SIGKILL
 * between commit and relay and in the middle of consuming, PostgreSQL restarted under load, poison events. Each
 * scenario counts what it sent and what arrived, fails on any difference, and leaves its figures in
 * {@code target/reliability-figures.md} (docs/reliability.md records them). Every scenario restores what it broke.
 */
@ExtendWith(RunningPlatform.class)
class FaultsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIGURES = Path.of("target/reliability-figures.md");
    private static final List<String> figures = new ArrayList<>();
    private static final int FINDINGS_DURING_OUTAGE = 5;

    /** The district every scenario works in, so the other classes' districts stay as they expect them. */
    private static final String DISTRICT = "faults-" + UUID.randomUUID().toString().substring(0, 6);
    private static final List<String> STREETS = List.of(DISTRICT + "-1", DISTRICT + "-2");

    private final LocalPlatform platform = RunningPlatform.platform();
    private final Keycloak keycloak = new Keycloak(platform);

    @BeforeAll
    static void aDistrictOfTheirOwn() {
        var platform = RunningPlatform.platform();
        String organizer = new Keycloak(platform).token("organizer");
        var units = new LinkedHashMap<String, Map<String, Object>>();
        units.put(DISTRICT, Map.of("code", DISTRICT, "name", "故障演练区", "level", "county", "category", "district",
                "parentCode", "city"));
        STREETS.forEach(street -> units.put(street, unit(street, DISTRICT)));
        units.values().forEach(unit -> given().baseUri(platform.gatewayUrl()).auth().oauth2(organizer)
                .contentType(ContentType.JSON).body(unit).post("/api/assessment/org-units").then().statusCode(201));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String replica : List.of("/api/ballots/org-units/", "/api/rectification/org-units/")) {
                for (String code : units.keySet()) {
                    given().baseUri(platform.gatewayUrl()).auth().oauth2(organizer).get(replica + code)
                            .then().statusCode(200);
                }
            }
        });
    }

    @Test
    void theBrokerStoppedDuringWritesInEveryServiceLosesNothing() {
        String organizer = keycloak.token("organizer");
        String inspector = keycloak.token("inspector");
        String run = UUID.randomUUID().toString().substring(0, 6);
        var units = new ArrayList<String>();
        var items = new ArrayList<String>();
        String session;
        platform.kafka().stop();
        try {
            for (int i = 0; i < 3; i++) {
                String code = "fault-k-" + run + "-" + i;
                as(organizer).contentType(ContentType.JSON).body(unit(code, DISTRICT))
                        .post("/api/assessment/org-units").then().statusCode(201);
                units.add(code);
            }
            for (int i = 0; i < 5; i++) {
                items.add(issue(inspector, DISTRICT, "Kafka 停机期间发现的问题 " + run + "-" + i));
            }
            session = SealedSessions.seal(platform, organizer, DISTRICT, "Kafka 停机期间的述职评议 " + run, "2026-12-31",
                    STREETS.get(0), STREETS.get(1));
        } finally {
            platform.kafka().start();
        }
        Map<String, Integer> issued = awaitEvents("rectification.events", "RectificationItemIssued", items);
        Map<String, Integer> sealed = awaitEvents("ballot.results", "BallotResultsSealed", List.of(session));
        Map<String, Integer> created = awaitEvents("org.units", "OrgUnitCreated", units);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String code : units) {
                as(organizer).get("/api/ballots/org-units/" + code).then().statusCode(200);
                as(organizer).get("/api/rectification/org-units/" + code).then().statusCode(200);
            }
            // the sealed tally reached assessment once: one result per subject
            as(organizer).get("/api/assessment/evaluation-results").then().statusCode(200)
                    .body("findAll { it.sessionId == '" + session + "' }.size()", equalTo(2));
        });
        record("Kafka stopped during writes (assessment, rectification, ballot)", 3 + 5 + 8, 3 + 5 + 1,
                created.size() + issued.size() + sealed.size(), duplicates(created, issued, sealed), 0,
                "3 org units → 2 replicas each, 5 items issued, 1 session sealed → 2 evaluation results");
    }

    @Test
    void aServiceKilledBetweenCommitAndRelaySendsEverythingAfterRestart() {
        String inspector = keycloak.token("inspector");
        String run = UUID.randomUUID().toString().substring(0, 6);
        var items = new ArrayList<String>();
        platform.kafka().stop(); // the events stay in the outbox: committed, not relayed
        try {
            for (int i = 0; i < 10; i++) {
                items.add(issue(inspector, DISTRICT, "提交后未转发即崩溃 " + run + "-" + i));
            }
            platform.app("rectification-service").kill();
        } finally {
            platform.kafka().start();
            platform.app("rectification-service").restart(Duration.ofMinutes(3));
        }
        Map<String, Integer> issued = awaitEvents("rectification.events", "RectificationItemIssued", items);
        for (String item : items) {
            as(inspector).get("/api/rectification/items/" + item).then().statusCode(200);
        }
        record("rectification-service SIGKILLed between commit and relay", items.size(), items.size(), issued.size(),
                duplicates(issued), 0, "10 items committed with the broker away, process killed, restarted");
    }

    @Test
    void aServiceKilledWhileConsumingAppliesEachEventOnce() throws Exception {
        String organizer = keycloak.token("organizer");
        String code = "fault-c-" + UUID.randomUUID().toString().substring(0, 6);
        as(organizer).contentType(ContentType.JSON).body(unit(code, DISTRICT))
                .post("/api/assessment/org-units").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(organizer).get("/api/rectification/org-units/" + code).then().statusCode(200));
        int findings = 1_000;
        try (var producer = Findings.producer(platform)) {
            for (int i = 0; i < findings; i++) {
                producer.send(new ProducerRecord<>("assessment.findings", code, finding(code, "KILL-" + i)));
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> itemsOf(organizer, code) > 0);
        int beforeKill = itemsOf(organizer, code);
        try {
            platform.app("rectification-service").kill();
        } finally {
            platform.app("rectification-service").restart(Duration.ofMinutes(3));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> itemsOf(organizer, code) >= findings);
        // stays at exactly one item per finding once a later event has been consumed after them
        try (var producer = Findings.producer(platform)) {
            producer.send(new ProducerRecord<>("assessment.findings", code, finding(code, "KILL-LAST"))).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> itemsOf(organizer, code) == findings + 1);
        assertThat(beforeKill).as("killed in the middle, not after the last finding").isLessThan(findings);
        record("rectification-service SIGKILLed while consuming assessment.findings", 0, findings + 1,
                itemsOf(organizer, code), 0, 0, "killed after " + beforeKill + " of " + findings
                        + " findings had become items; redelivered ones applied once");
    }

    @Test
    void postgresqlRestartedUnderLoadAnswers503AndRecovers() throws Exception {
        String inspector = keycloak.token("inspector");
        String organizer = keycloak.token("organizer");
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var failures = ConcurrentHashMap.<String>newKeySet(); // how each 503 looked: a problem document, or not
        var created = new ConcurrentLinkedQueue<String>();
        var running = new AtomicBoolean(true);
        var succeeded = new AtomicInteger();
        String run = UUID.randomUUID().toString().substring(0, 6);
        String findingsUnit = "fault-p-" + run;
        as(organizer).contentType(ContentType.JSON).body(unit(findingsUnit, DISTRICT))
                .post("/api/assessment/org-units").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(organizer).get("/api/rectification/org-units/" + findingsUnit).then().statusCode(200));
        Thread writer = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                var response = as(inspector).contentType(ContentType.JSON).body(item(DISTRICT, "数据库重启期间 " + run + "-" + i))
                        .post("/api/rectification/items");
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                failures.add(failure(response));
                if (response.statusCode() == 201) {
                    created.add(response.path("id"));
                    succeeded.incrementAndGet();
                }
            }
        });
        Thread reader = new Thread(() -> {
            while (running.get()) {
                var response = as(organizer).get("/api/assessment/org-units/district-a");
                int status = response.statusCode();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                failures.add(failure(response));
                if (status == 200) {
                    succeeded.incrementAndGet();
                }
            }
        });
        writer.start();
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> succeeded.get() >= 20);
            platform.postgres().stop();
            try {
                // events that arrive while the database is away wait for it; none is dead-lettered
                try (var producer = Findings.producer(platform)) {
                    for (int i = 0; i < FINDINGS_DURING_OUTAGE; i++) {
                        producer.send(new ProducerRecord<>("assessment.findings", findingsUnit,
                                finding(findingsUnit, "PG-" + i))).get();
                    }
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> statuses.containsKey(503));
            } finally {
                platform.postgres().start();
            }
            int before = succeeded.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> succeeded.get() >= before + 20);
        } finally {
            running.set(false);
            writer.join();
            reader.join();
        }
        // 429: the gateway's per-client limit, which two tight loops of one user each may reach; never a 500
        assertThat(statuses.keySet()).as("statuses seen: " + statuses).isSubsetOf(200, 201, 429, 503);
        assertThat(failures).as("the 503 answers").containsOnly("", "application/problem+json urn:party:problem:unavailable "
                + "Retry-After 5");
        var ids = List.copyOf(created);
        for (String id : ids) {
            as(inspector).get("/api/rectification/items/" + id).then().statusCode(200);
        }
        Map<String, Integer> issued = awaitEvents("rectification.events", "RectificationItemIssued", ids);
        await().atMost(Duration.ofSeconds(90)).until(() -> itemsOf(organizer, findingsUnit) == FINDINGS_DURING_OUTAGE);
        int requests = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        record("PostgreSQL stopped and started under load", requests, ids.size() + FINDINGS_DURING_OUTAGE,
                issued.size() + FINDINGS_DURING_OUTAGE, duplicates(issued),
                statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(e -> e.getValue().get()).sum(),
                "statuses " + new TreeMap<>(statuses) + "; every 201 item readable and its event on Kafka; "
                        + FINDINGS_DURING_OUTAGE + " findings consumed during the outage became items after it;"
                        + " the 5xx are all 503 problems");
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        String marker = "POISON-" + UUID.randomUUID().toString().substring(0, 6);
        String unknownType = JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "type", "SomethingElse",
                "source", "e2e", "time", Instant.now().toString(), "orgUnit", "/city/" + DISTRICT, "data", Map.of("x", marker)));
        try (var producer = Findings.producer(platform)) {
            producer.send(new ProducerRecord<>("assessment.findings", DISTRICT, "not json " + marker)).get();
            producer.send(new ProducerRecord<>("assessment.findings", DISTRICT, unknownType)).get();
            producer.send(new ProducerRecord<>("assessment.findings", DISTRICT, finding(DISTRICT, marker))).get();
        }
        var dead = new HashSet<String>();
        readUntil("dead-letter-topic-assessment-findings", record -> {
            if (record.contains(marker)) {
                dead.add(record);
            }
            return dead.size() == 2;
        });
        String organizer = keycloak.token("organizer");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(organizer)
                .get("/api/rectification/ledger?source=ASSESSMENT&unit=" + DISTRICT + "&size=200").then().statusCode(200)
                .body("items.findAll { it.problem.contains('" + marker + "') }.size()", equalTo(1)));
        record("poison events on assessment.findings", 0, 3, 3, 0, 0,
                "unparseable and unknown-type events → dead-letter topic (2 of 2); the valid one after them → 1 item");
    }

    @Test
    void aHungServiceIsRestartedByTheLauncherAndItsConsumersRejoin() throws Exception {
        ChildProcess ballot = platform.app("ballot-service");
        long hung = ballot.pid();
        int restartsBefore = ballot.restarts();
        long start = System.nanoTime();
        signal("STOP", hung); // alive but answering nothing, as a JVM out of memory or deadlocked
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    ballot.restarts() > restartsBefore && given().get(ballot.readyUrl()).statusCode() == 200);
        } finally {
            signal("CONT", hung); // harmless once it is gone; lets it run if the wait failed
        }
        double restartedAfter = (System.nanoTime() - start) / 1e9;
        assertThat(ballot.pid()).isNotEqualTo(hung);
        String organizer = keycloak.token("organizer");
        String code = "fault-hung-" + UUID.randomUUID().toString().substring(0, 6);
        as(organizer).contentType(ContentType.JSON).body(unit(code, DISTRICT)).post("/api/assessment/org-units")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(organizer).get("/api/ballots/org-units/" + code).then().statusCode(200));
        record("ballot-service hung (SIGSTOP)", 1, 1, 1, 0, 0, "restarted by the launcher's supervisor %.0f s after it "
                .formatted(restartedAfter) + "hung (3 failed liveness checks, 10 s apart); a unit created after it "
                + "reached its replica: its consumers rejoined");
    }

    private static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
    }

    @AfterAll
    static void writeFigures() throws IOException {
        Files.createDirectories(FIGURES.getParent());
        Files.write(FIGURES, figures, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Empty for anything but a 503; for a 503, its media type, problem type and Retry-After. */
    private static String failure(Response response) {
        if (response.statusCode() != 503) {
            return "";
        }
        String type = response.contentType().startsWith("application/problem+json") ? response.path("type") : "";
        return response.contentType().replaceAll(";.*", "") + " " + type + " Retry-After " + response.header("Retry-After");
    }

    // --- counting --------------------------------------------------------------------------------------------

    private int itemsOf(String token, String unit) {
        return as(token).get("/api/rectification/ledger?unit=" + unit + "&size=1").then().statusCode(200)
                .extract().path("total");
    }

    /** Reads {@code topic} from the start until each key has an event of {@code type}; deliveries per key. */
    private Map<String, Integer> awaitEvents(String topic, String type, List<String> keys) {
        var deliveries = new HashMap<String, Integer>();
        var ids = new HashMap<String, Set<String>>();
        readUntil(topic, value -> {
            JsonNode event = Findings.read(value);
            String key = event.path("data").path("itemId").asText(event.path("data").path("sessionId")
                    .asText(event.path("data").path("code").asText()));
            if (type.equals(event.path("type").asText()) && keys.contains(key)) {
                deliveries.merge(key, 1, Integer::sum);
                ids.computeIfAbsent(key, k -> new HashSet<>()).add(event.path("id").asText());
            }
            return deliveries.keySet().containsAll(keys);
        });
        ids.forEach((key, eventIds) -> assertThat(eventIds).as("one event per change: " + key).hasSize(1));
        return deliveries;
    }

    /** Deliveries beyond the first of each event: at-least-once may repeat, the consumers' inbox absorbs them. */
    @SafeVarargs
    private static int duplicates(Map<String, Integer>... deliveries) {
        int extra = 0;
        for (var map : deliveries) {
            extra += map.values().stream().mapToInt(n -> n - 1).sum();
        }
        return extra;
    }

    private void readUntil(String topic, Predicate<String> done) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-faults-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var finished = new AtomicBoolean();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (!finished.get() && done.test(record.value())) {
                        finished.set(true);
                    }
                }
                return finished.get();
            });
        }
    }

    /** One row of docs/reliability.md's table; fails the scenario unless every change sent arrived. */
    private static void record(String scenario, int requests, int sent, int arrived, int duplicated, int errors,
                               String note) {
        String line = "| %s | %d | %d | %d | %d | %d | %s |".formatted(scenario, requests, sent, arrived, duplicated,
                errors, note);
        System.out.println("[reliability] " + line);
        figures.add(line);
        assertThat(arrived).as(scenario + ": arrived").isEqualTo(sent);
    }

    // --- the platform's API ------------------------------------------------------------------------------------

    private String issue(String token, String unit, String problem) {
        return as(token).contentType(ContentType.JSON).body(item(unit, problem)).post("/api/rectification/items")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> item(String unit, String problem) {
        return Map.of("source", "INSPECTION", "timingClass", "FULL", "problem", problem, "unit", unit);
    }

    private static String finding(String unitCode, String indicator) {
        String path = unitCode.equals(DISTRICT) ? "/city/" + DISTRICT : "/city/" + DISTRICT + "/" + unitCode;
        return Findings.finding(path, indicator, "故障测试");
    }

    private static Map<String, Object> unit(String code, String parent) {
        return Map.of("code", code, "name", "故障测试 " + code, "level", "township", "category", "street",
                "parentCode", parent);
    }

    private RequestSpecification as(String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token);
    }
}
