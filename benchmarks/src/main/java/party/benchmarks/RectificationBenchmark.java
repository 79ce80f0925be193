package party.benchmarks;

import static party.benchmarks.StackCalls.HTTP;
import static party.benchmarks.StackCalls.awaitAutovacuum;
import static party.benchmarks.StackCalls.percentile;
import static party.benchmarks.StackCalls.raiseGatewayRateLimits;
import static party.benchmarks.StackCalls.send;
import static party.benchmarks.StackCalls.token;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import party.local.LocalPlatform;
import party.local.Port;
import party.local.Settings;

/**
 * The rectification ledger at scale against the real stack: 100,000 open items ({@code -Dbenchmark.items}) written
 * straight into rectification-service's database, then (a) the deadline scan as the service runs it on its schedule,
 * timed by its own metric, with nothing due and with 1,000 and 10,000 items falling overdue at once, (b) ledger pages
 * through the gateway with an organizer's token, and (c), up to 100,000 items, all the rest falling overdue at once.
 * Prints the figures docs/benchmarks.md records.
 */
public final class RectificationBenchmark {

    private static final int ITEMS = Integer.getInteger("benchmark.items", 100_000);
    /** past this, (c) would take many minutes: half a millisecond an item */
    private static final int WORST_CASE_UP_TO = 100_000;
    private static final int PAGE_REQUESTS = 500;
    private static final String[] UNITS = {"/city", "/city/district-a", "/city/district-b"};
    private static final String[] OPEN_STATES = {"ISSUED", "PLAN_SUBMITTED", "PLAN_APPROVED", "IN_PROGRESS",
            "REPORT_SUBMITTED"};
    private static final String[] SOURCES = {"INSPECTION", "POLITICAL_TALK", "ASSESSMENT", "SELF_CHECK", "AUDIT"};
    private static final Pattern SCAN_COUNT = Pattern.compile("rectification_deadline_scan_seconds_count\\S* (\\S+)");
    private static final Pattern GC_PAUSE = Pattern.compile("(?m)^jvm_gc_pause_seconds_(count|sum)\\{[^}]*} (\\S+)");
    private static final Pattern SCAN_SUM = Pattern.compile("rectification_deadline_scan_seconds_sum\\S* (\\S+)");

    private final LocalPlatform platform;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private RectificationBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        raiseGatewayRateLimits();
        Path home = Path.of(System.getProperty("platform.home"));
        try (LocalPlatform platform = LocalPlatform.start(Settings.onFreePorts(home,
                home.resolve("benchmarks/target/platform-data")))) {
            new RectificationBenchmark(platform).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("%n%d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"));
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:"
                + platform.settings().port(Port.POSTGRES) + "/rectification", "rectification", "rectification")) {
            long start = System.nanoTime();
            fill(db);
            System.out.printf("%n%,d open items written in %.1f s (deadlines 1 to 120 days ahead, 3 units)%n", ITEMS,
                    (System.nanoTime() - start) / 1e9);

            System.out.println("\n(a) deadline scan, every 5 s as on the local stack, timed by the service's own metric");
            System.out.printf("    nothing due          : %s%n", scanTime(db, 0));
            System.out.printf("    1,000 fall overdue   : %s%n", scanTime(db, 1_000));
            System.out.printf("    10,000 fall overdue  : %s%n", scanTime(db, 10_000));

            System.out.printf("%n(b) ledger pages through the gateway, organizer of /city (all %,d in scope), ", ITEMS);
            System.out.println(PAGE_REQUESTS + " requests each, one after another");
            System.out.printf("    %-36s: %s%n", "(no filter), the first after the scans",
                    pages(platform.gatewayUrl(), ""));
            // the scans rewrote 11,000 rows: the pages below are measured once autovacuum has finished with them
            awaitAutovacuum(db);
            for (String query : List.of("", "unit=district-a", "warning=YELLOW", "overdue=true",
                    "source=INSPECTION&state=IN_PROGRESS", "page=2000")) {
                System.out.printf("    %-36s: %s%n", query.isEmpty() ? "(no filter)" : query,
                        pages(platform.gatewayUrl(), query));
            }
            // where the unfiltered page's tail comes from: without the gateway hop, and the service's GC meanwhile
            double[] gcBefore = gcPauses();
            String direct = pages(platform.settings().url(Port.RECTIFICATION), "");
            double[] gcAfter = gcPauses();
            System.out.printf("    %-36s: %s; service GC meanwhile: %.0f pauses, %.0f ms in all%n",
                    "(no filter) direct, without the gateway", direct, gcAfter[0] - gcBefore[0],
                    (gcAfter[1] - gcBefore[1]) * 1000);

            if (ITEMS <= WORST_CASE_UP_TO) {
                System.out.printf("%n(c) the worst case: all remaining %,d fall overdue at once%n", ITEMS - 11_000);
                System.out.printf("    %,d fall overdue  : %s%n", ITEMS - 11_000, scanTime(db, ITEMS - 11_000));
            }
        }
    }

    private void fill(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (var insert = db.prepareStatement("""
                insert into rectification_item (id, number, source, timing_class, problem, org_code, org_path,
                    responsible_leader, found_on, deadline, state, issued_by, issued_at, version, issuing_path)
                values (?, ?, ?, 'FULL', ?, ?, ?, '责任人', ?, ?, ?, 'benchmark', ?, 0, '/city')""")) {
            for (int i = 0; i < ITEMS; i++) {
                String path = UNITS[i % UNITS.length];
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "BM%d-%06d".formatted(today.getYear(), i));
                insert.setString(3, SOURCES[i / OPEN_STATES.length % SOURCES.length]); // every source with every state
                insert.setString(4, "基准测试问题 " + i);
                insert.setString(5, path.substring(path.lastIndexOf('/') + 1));
                insert.setString(6, path);
                insert.setDate(7, Date.valueOf(today.minusDays(30)));
                insert.setDate(8, Date.valueOf(today.plusDays(1 + i % 120)));
                insert.setString(9, OPEN_STATES[i % OPEN_STATES.length]);
                insert.setTimestamp(10, Timestamp.from(Instant.now()));
                insert.addBatch();
                if (i % 5_000 == 4_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (var analyze = db.createStatement()) {
            analyze.execute("vacuum analyze rectification_item"); // what autovacuum does to a table this size
        }
    }

    /**
     * Moves the deadline of {@code due} items to yesterday, then waits until the scans have raised overdue for all of
     * them (and at least two scans ran): the time the service spent scanning meanwhile, per the scan metric.
     */
    private String scanTime(Connection db, int due) throws Exception {
        double[] before = scanMetric();
        int raisedBefore = raised(db);
        if (due > 0) {
            try (var update = db.prepareStatement("""
                    update rectification_item set deadline = ? where id in (
                        select id from rectification_item where deadline >= ? limit ?)""")) {
                update.setDate(1, Date.valueOf(today.minusDays(1)));
                update.setDate(2, Date.valueOf(today));
                update.setInt(3, due);
                update.executeUpdate();
            }
        }
        long waitStart = System.nanoTime();
        double[] after;
        do {
            Thread.sleep(500); // polling a process outside this JVM; the service scans every 5 s
            after = scanMetric();
            if (System.nanoTime() - waitStart > Duration.ofMinutes(15).toNanos()) {
                throw new IllegalStateException("scans did not raise " + due + " overdue items within 15 minutes");
            }
        } while (raised(db) - raisedBefore < due || after[0] - before[0] < 2);
        double scans = after[0] - before[0];
        double seconds = after[1] - before[1];
        if (due == 0) {
            return "%.0f ms per scan (%.0f scans)".formatted(seconds * 1000 / scans, scans);
        }
        long raisedAt = System.nanoTime();
        while (unpublished(db) > 0) {
            Thread.sleep(100);
        }
        return "%.2f s scanning in %.0f scans until all raised; outbox empty %.1f s after the last was raised"
                .formatted(seconds, scans, (System.nanoTime() - raisedAt) / 1e9);
    }

    private static int raised(Connection db) throws SQLException {
        // raising escalates; the partial index of the escalated counts them without reading the whole table, which
        // at a million items would take the service's cores from the scan being timed
        return count(db, "select count(*) from rectification_item where escalated_to is not null");
    }

    /** Events committed but not yet acknowledged by Kafka. */
    private static int unpublished(Connection db) throws SQLException {
        return count(db, "select count(*) from outbox_event where published_at is null");
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (var query = db.createStatement(); var result = query.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    /** [count, sum in seconds] of the scan timer on rectification-service's Prometheus endpoint. */
    private double[] scanMetric() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(platform.settings().url(Port.RECTIFICATION)
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher count = SCAN_COUNT.matcher(metrics);
        Matcher sum = SCAN_SUM.matcher(metrics);
        return count.find() && sum.find()
                ? new double[] {Double.parseDouble(count.group(1)), Double.parseDouble(sum.group(1))}
                : new double[] {0, 0};
    }

    /** [count, sum in seconds] of rectification-service's GC pauses (Micrometer's jvm_gc_pause timer, all causes). */
    private double[] gcPauses() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(platform.settings().url(Port.RECTIFICATION)
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        double[] pauses = new double[2];
        Matcher line = GC_PAUSE.matcher(metrics);
        while (line.find()) {
            pauses[line.group(1).equals("count") ? 0 : 1] += Double.parseDouble(line.group(2));
        }
        return pauses;
    }

    /** The organizer's pages, each request with a token of the moment: tokens live 30 s, a run of pages longer. */
    private String pages(String base, String query) throws Exception {
        Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(URI.create(base + "/api/rectification/ledger?"
                        + query)).header("Authorization", "Bearer " + token(platform, "organizer"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        for (int i = 0; i < 50; i++) {
            send(request.get(), 200); // warm-up
        }
        long[] latencies = new long[PAGE_REQUESTS];
        String matching = "";
        for (int i = 0; i < PAGE_REQUESTS; i++) {
            HttpRequest page = request.get();
            long start = System.nanoTime();
            var answer = send(page, 200);
            latencies[i] = System.nanoTime() - start;
            matching = (answer.get("totalExact").asBoolean() ? "%,d" : "more than %,d")
                    .formatted(answer.get("total").asLong());
        }
        Arrays.sort(latencies);
        return "p50 %.1f ms, p99 %.1f ms (%s matching)".formatted(percentile(latencies, 50), percentile(latencies, 99),
                matching);
    }
}
