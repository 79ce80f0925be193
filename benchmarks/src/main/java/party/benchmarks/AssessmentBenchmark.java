package party.benchmarks;

import static party.benchmarks.StackCalls.JSON;
import static party.benchmarks.StackCalls.percentile;
import static party.benchmarks.StackCalls.raiseGatewayRateLimits;
import static party.benchmarks.StackCalls.send;
import static party.benchmarks.StackCalls.token;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import party.local.LocalPlatform;
import party.local.Port;
import party.local.Settings;

/**
 * Assessment at a city's scale against the real stack: 10,000 units with 4 leaders each and 300,000 duty records
 * of the year. (a) computing the results of every unit under a scheme of 60 indicators (6 dimensions × 10), 10 of
 * them counted from the records and the other 50 reported by every unit, one {@code POST …/compute} through the
 * gateway; (b) the delay from a sealed 述职评议 tally published on {@code ballot.results} to the unit's result
 * recomputed with it, read from the database. Prints the figures docs/benchmarks.md records.
 */
public final class AssessmentBenchmark {

    private static final int UNITS = 10_000;
    private static final int LEADERS = 4;
    private static final int RECORDS = 30;
    private static final String[] KINDS = {"PARTY_BUILDING_MEETING", "PARTY_LECTURE", "HEART_TO_HEART_TALK",
        "REMINDER_TALK", "ADMONITORY_TALK", "CONTACT_POINT_VISIT", "SUPERVISION", "DUAL_ORGANIZATIONAL_LIFE"};
    private static final String[] POSTS = {"SECRETARY", "DEPUTY_SECRETARY", "MEMBER", "DISCIPLINE_SECRETARY"};
    private static final int DIMENSIONS = 6;
    private static final int PER_DIMENSION = 10;
    private static final int DELAY_SAMPLES = 100;
    private static final int COUNTED_EVERY = 6;
    private static final int PAGES = 500;

    /** Leaders whose year (c) reads, spread over the units. */
    private final List<UUID> sampled = new ArrayList<>();

    private final LocalPlatform platform;
    private final int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    private AssessmentBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        raiseGatewayRateLimits();
        Path home = Path.of(System.getProperty("platform.home"));
        try (LocalPlatform platform = LocalPlatform.start(Settings.onFreePorts(home,
                home.resolve("benchmarks/target/platform-data")))) {
            new AssessmentBenchmark(platform).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("%n%d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"));
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + platform.settings().port(Port.POSTGRES) + "/assessment?reWriteBatchedInserts=true", "assessment",
                "assessment")) {
            fillUnits(db);
            String scheme = send(post("/api/assessment/schemes", Map.of("year", year + 1, "orgUnit", "city",
                    "title", "基准方案", "definition", definition()), token(platform, "organizer")), 201).get("id").asText();
            send(post("/api/assessment/schemes/" + scheme + "/publish", null, token(platform, "organizer")), 200);
            fillEntries(db, UUID.fromString(scheme));
            fillLeadersAndRecords(db);
            System.out.printf("%n%,d units, %d indicators each (%d counted from records), %,d entries, %,d leaders and "
                    + "%,d duty records written straight into the database%n", UNITS, DIMENSIONS * PER_DIMENSION,
                    DIMENSIONS * PER_DIMENSION / COUNTED_EVERY, UNITS * (DIMENSIONS * PER_DIMENSION
                    - DIMENSIONS * PER_DIMENSION / COUNTED_EVERY), UNITS * LEADERS, UNITS * RECORDS);

            System.out.println("\n(a) POST /schemes/{id}/compute through the gateway (all units, first call, then four more)");
            List<Long> computes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                send(post("/api/assessment/schemes/" + scheme + "/compute", null, token(platform, "organizer")), 200);
                computes.add((System.nanoTime() - start) / 1_000_000);
            }
            System.out.println("    " + computes.stream().map(ms -> ms + " ms").toList());

            System.out.println("\n(c) GET /persons/{id}/years/{year} through the gateway, a leader's year for their 述职 ("
                    + PAGES + " leaders, one after another)");
            System.out.println("    " + personYears());

            System.out.println("\n(b) ballot.results published → the tally stored by assessment-service ("
                    + DELAY_SAMPLES + " tallies, one after another)");
            System.out.println("    " + delays(db));
        }
    }

    private void fillUnits(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (var insert = db.prepareStatement("""
                insert into org_unit (code, name, level, category, parent_code, path, version, created_at, updated_at)
                values (?, ?, 'COUNTY', 'district', 'city', ?, 0, now(), now())""")) {
            for (int i = 0; i < UNITS; i++) {
                String code = "bm-%04d".formatted(i);
                insert.setString(1, code);
                insert.setString(2, "基准单位" + i);
                insert.setString(3, "/city/" + code);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private void fillEntries(Connection db, UUID scheme) throws SQLException {
        db.setAutoCommit(false);
        try (var insert = db.prepareStatement("""
                insert into indicator_entry (scheme_id, org_code, indicator_code, org_path, self_value, self_by, self_at,
                    version) values (?, ?, ?, ?, ?, 'benchmark', ?, 0)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int u = 0; u < UNITS; u++) {
                String code = "bm-%04d".formatted(u);
                for (int i = 0; i < DIMENSIONS * PER_DIMENSION; i++) {
                    if (counted(i)) {
                        continue;
                    }
                    insert.setObject(1, scheme);
                    insert.setString(2, code);
                    insert.setString(3, "I-" + i);
                    insert.setString(4, "/city/" + code);
                    insert.setBigDecimal(5, BigDecimal.valueOf((u * 7L + i * 13L) % 12));
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                }
                if (u % 100 == 99) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /**
     * Four leaders a unit, one in each post, each with the four duties of a responsibility list, the secretary also
     * with two of the unit's tasks; 30 records a unit over the year, of every kind and post, a third of them naming
     * the duty they fulfil.
     */
    private void fillLeadersAndRecords(Connection db) throws SQLException {
        db.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate first = LocalDate.of(year + 1, 1, 1);
        try (var person = db.prepareStatement("insert into person (id, name, version, created_at, updated_at) "
                + "values (?, ?, 0, ?, ?)");
             var appointment = db.prepareStatement("""
                     insert into appointment (id, person_id, unit_code, org_path, post, term_start, created_at)
                     values (?, ?, ?, ?, ?, ?, ?)""");
             var task = db.prepareStatement("""
                     insert into unit_task (task_id, number, year, title, unit_code, org_path, state, state_label,
                         deadline) values (?, ?, ?, '基准任务', ?, ?, 'IN_PROGRESS', '推进中', ?)""");
             var duty = db.prepareStatement("""
                     insert into duty (id, unit_code, org_path, person_id, appointment_id, origin, title, year, task_id,
                         created_by, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'benchmark', ?, 0)""");
             var record = db.prepareStatement("""
                     insert into duty_record (id, person_id, appointment_id, unit_code, org_path, post, kind, kind_name,
                         happened_on, participants, summary, late, editable_until, recorded_by, recorded_at, version,
                         duty_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 9, '基准纪实', false, ?, 'benchmark', ?, 0, ?)""")) {
            for (int u = 0; u < UNITS; u++) {
                String code = "bm-%04d".formatted(u);
                UUID[] persons = new UUID[LEADERS];
                UUID[] posts = new UUID[LEADERS];
                for (int l = 0; l < LEADERS; l++) {
                    persons[l] = UUID.randomUUID();
                    if (u % (UNITS / PAGES) == 0 && l == u % LEADERS) {
                        sampled.add(persons[l]);
                    }
                    posts[l] = UUID.randomUUID();
                    person.setObject(1, persons[l]);
                    person.setString(2, "领导" + u + "-" + l);
                    person.setTimestamp(3, now);
                    person.setTimestamp(4, now);
                    person.addBatch();
                    appointment.setObject(1, posts[l]);
                    appointment.setObject(2, persons[l]);
                    appointment.setString(3, code);
                    appointment.setString(4, "/city/" + code);
                    appointment.setString(5, POSTS[l]);
                    appointment.setObject(6, first.minusYears(2));
                    appointment.setTimestamp(7, now);
                    appointment.addBatch();
                }
                UUID[] firstDuty = new UUID[LEADERS];
                for (int l = 0; l < LEADERS; l++) {
                    for (int d = 0; d < 4; d++) {
                        UUID id = UUID.randomUUID();
                        firstDuty[l] = d == 0 ? id : firstDuty[l];
                        duty(duty, id, code, persons[l], posts[l], "POST", "基准职责" + d, null, null, now);
                    }
                }
                for (int t = 0; t < 2; t++) {
                    UUID id = UUID.randomUUID();
                    task.setObject(1, id);
                    task.setString(2, "RW%d-%06d".formatted(year + 1, u * 2 + t));
                    task.setInt(3, year + 1);
                    task.setString(4, code);
                    task.setString(5, "/city/" + code);
                    task.setObject(6, first.plusMonths(6));
                    task.addBatch();
                    duty(duty, UUID.randomUUID(), code, persons[0], posts[0], "TASK", "基准任务", year + 1, id, now);
                }
                for (int r = 0; r < RECORDS; r++) {
                    int leader = (u + r) % LEADERS;
                    LocalDate day = first.plusDays((u * 31L + r * 12L) % 365);
                    record.setObject(1, UUID.randomUUID());
                    record.setObject(2, persons[leader]);
                    record.setObject(3, posts[leader]);
                    record.setString(4, code);
                    record.setString(5, "/city/" + code);
                    record.setString(6, POSTS[leader]);
                    record.setString(7, KINDS[(u + r * 3) % KINDS.length]);
                    record.setString(8, "基准类型");
                    record.setObject(9, day);
                    record.setObject(10, day.plusMonths(1));
                    record.setTimestamp(11, now);
                    record.setObject(12, r % 3 == 0 ? firstDuty[leader] : null);
                    record.addBatch();
                }
                if (u % 100 == 99) {
                    person.executeBatch();
                    appointment.executeBatch();
                    task.executeBatch();
                    duty.executeBatch();
                    record.executeBatch();
                }
            }
            person.executeBatch();
            appointment.executeBatch();
            task.executeBatch();
            duty.executeBatch();
            record.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (var analyze = db.createStatement()) {
            analyze.execute("analyze duty_record");
            analyze.execute("analyze duty");
        }
    }

    private static void duty(java.sql.PreparedStatement duty, UUID id, String unit, UUID person, UUID post,
                             String origin, String title, Integer year, UUID task, Timestamp now) throws SQLException {
        duty.setObject(1, id);
        duty.setString(2, unit);
        duty.setString(3, "/city/" + unit);
        duty.setObject(4, person);
        duty.setObject(5, post);
        duty.setString(6, origin);
        duty.setString(7, title);
        duty.setObject(8, year);
        duty.setObject(9, task);
        duty.setTimestamp(10, now);
        duty.addBatch();
    }

    /** Every sixth indicator is counted from records: 10 of the 60. */
    private static boolean counted(int indicator) {
        return indicator % COUNTED_EVERY == COUNTED_EVERY - 1;
    }

    /** A leader's year, for leaders spread over the city, one request after another. */
    private String personYears() throws Exception {
        String organizer = token(platform, "organizer");
        long[] times = new long[sampled.size()];
        for (int i = 0; i < sampled.size(); i++) {
            var request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/assessment/persons/"
                    + sampled.get(i) + "/years/" + (year + 1))).header("Authorization", "Bearer " + organizer).GET().build();
            long start = System.nanoTime();
            send(request, 200);
            times[i] = System.nanoTime() - start;
            if (i % 100 == 99) {
                organizer = token(platform, "organizer"); // tokens live 30 s
            }
        }
        Arrays.sort(times);
        return "p50 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(percentile(times, 50), percentile(times, 99),
                times[times.length - 1] / 1e6);
    }

    /**
     * Sealed tallies for one unit after another; each delay ends when assessment-service has stored the unit's
     * total (a scheme counts a session once its organizer names it, so the result itself waits for that).
     */
    private String delays(Connection db) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrap());
        long[] delays = new long[DELAY_SAMPLES];
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
             var read = db.prepareStatement("""
                     select weighted_total from evaluation_result where session_id = ? and subject = ?""")) {
            for (int i = 0; i < DELAY_SAMPLES; i++) {
                String unit = "bm-%04d".formatted(i);
                String total = "%d.5".formatted(50 + i % 40);
                UUID session = UUID.randomUUID();
                String event = JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(),
                        "type", "BallotResultsSealed", "source", "benchmark", "time", Instant.now().toString(),
                        "orgUnit", "/city", "data", Map.of("sessionId", session.toString(), "orgUnit", "city",
                                "orgPath", "/city", "title", "基准评议", "heldOn", (year + 1) + "-12-31",
                                "year", year + 1, "scale", List.of(Map.of("label", "好", "value", 100),
                                        Map.of("label", "差", "value", 40)), "digest", "0".repeat(64),
                                "subjects", List.of(Map.of("category", "c1", "subject", unit, "kind", "UNIT",
                                        "name", unit, "weightedTotal", new BigDecimal(total), "rank", 1,
                                        "byType", Map.of())))));
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>("ballot.results", UUID.randomUUID().toString(), event)).get();
                read.setObject(1, session);
                read.setString(2, unit);
                while (!total.equals(evaluation(read))) {
                    if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("no result for " + unit + " within 30 s");
                    }
                    Thread.onSpinWait();
                }
                delays[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(delays);
        return "p50 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(percentile(delays, 50), percentile(delays, 99),
                delays[delays.length - 1] / 1e6);
    }

    private static String evaluation(java.sql.PreparedStatement read) throws SQLException {
        try (var result = read.executeQuery()) {
            if (!result.next() || result.getString(1) == null) {
                return null;
            }
            return new BigDecimal(result.getString(1)).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        }
    }

    /** 6 dimensions of 10 indicators, every scoring method but veto among them. */
    private static Map<String, Object> definition() {
        List<Map<String, Object>> dimensions = new ArrayList<>();
        for (int d = 0; d < DIMENSIONS; d++) {
            int first = d * PER_DIMENSION;
            int weight = d < 4 ? 16 : 18;
            List<Map<String, Object>> indicators = IntStream.range(first, first + PER_DIMENSION).mapToObj(i -> Map.of(
                    "code", "I-" + i, "name", "指标" + i, "points", i == first ? weight - PER_DIMENSION + 1 : 1, "department", "organization",
                    "method", counted(i) ? counting(i) : switch (i % 3) {
                        case 0 -> Map.<String, Object>of("kind", "THRESHOLD", "target", 6, "comparison", "AT_LEAST");
                        case 1 -> Map.<String, Object>of("kind", "LINEAR", "target", 10, "comparison", "AT_LEAST");
                        default -> Map.<String, Object>of("kind", "DEDUCTION", "perOccurrence", 0.1);
                    })).toList();
            dimensions.add(Map.of("code", "D" + d, "name", "维度" + d, "weight", weight, "indicators", indicators));
        }
        return Map.of("dimensions", dimensions, "topQuota", 0.3,
                "components", Map.of("ROUTINE", 10, "YEAR_END", 50, "EVALUATION", 20, "OPINION", 10, "RECTIFICATION", 10));
    }

    /** A linear count of one kind of record, every other one only the secretary's. */
    private static Map<String, Object> counting(int indicator) {
        String kind = KINDS[indicator / COUNTED_EVERY % KINDS.length];
        return Map.of("kind", "LINEAR", "target", 4, "comparison", "AT_LEAST", "unit", "次", "records",
                indicator / COUNTED_EVERY % 2 == 0 ? Map.of("kind", kind) : Map.of("kind", kind, "post", "SECRETARY"));
    }

    private HttpRequest post(String path, Object body, String token) throws Exception {
        return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }
}
