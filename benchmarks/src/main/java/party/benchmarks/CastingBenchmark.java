package party.benchmarks;

import static party.benchmarks.StackCalls.HTTP;
import static party.benchmarks.StackCalls.JSON;
import static party.benchmarks.StackCalls.WARM_UP_RULE;
import static party.benchmarks.StackCalls.awaitAutovacuum;
import static party.benchmarks.StackCalls.awaitReady;
import static party.benchmarks.StackCalls.freePort;
import static party.benchmarks.StackCalls.percentile;
import static party.benchmarks.StackCalls.raiseGatewayRateLimits;
import static party.benchmarks.StackCalls.send;
import static party.benchmarks.StackCalls.token;
import static party.benchmarks.StackCalls.warmUp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import party.local.ChildProcess;
import party.local.LocalPlatform;
import party.local.Port;
import party.local.Settings;

/**
 * Casting and sealing against the real stack, each figure beside baselines taken in the same run: one
 * travels the same path as a cast (gateway, token checks, service, PostgreSQL) to an endpoint that inserts
 * one row (binding one voter account to a session); the other is the bare endpoint, {@link BareQuarkus},
 * one insert in a Quarkus app with nothing of ours, called directly and through a gateway of its own. At
 * saturation casting and the bare endpoint take turns, round by round. Prints the figures docs/benchmarks.md
 * records. Not a test: it asserts nothing and takes minutes.
 */
public final class CastingBenchmark {

    private static final int MEETING_VOTERS = 2_000;
    private static final Duration MEETING_WINDOW = Duration.ofSeconds(10);
    private static final int CLIENTS = 32;
    private static final Duration SATURATION_RUN = Duration.ofSeconds(15);
    private static final int ROUNDS = 5;
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(10);
    /** Enough codes for the whole run below about 4,000 casts/s; beyond that, rounds top up. */
    private static final int CODES = 700_000;
    private static final int CODES_PER_ROUND = 40_000;
    private static final int SEAL_BALLOTS = 100_000;
    private static final int SEAL_SUBJECTS = 30;

    private final LocalPlatform platform;

    private CastingBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        raiseGatewayRateLimits();
        // kept after the run (logs included) and wiped at the next one
        Path data = Path.of(System.getProperty("platform.home"), "benchmarks/target/platform-data");
        int replicas = Integer.getInteger("benchmark.replicas", 1);
        try (LocalPlatform platform = LocalPlatform.start(Settings.onFreePorts(Path.of(System.getProperty("platform.home")),
                data).withReplicas(replicas))) {
            if (replicas > 1) {
                new CastingBenchmark(platform).replicas();
            } else {
                new CastingBenchmark(platform).run();
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("%n%d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"));
        String session = openSession("benchmark", 27);
        var unused = new ConcurrentLinkedQueue<String>();
        // binding holds its session's row against closing: one session per client, as organizers do not queue on one
        var baselineSessions = new ArrayList<String>();
        for (int i = 0; i < CLIENTS; i++) {
            baselineSessions.add(openSession("baseline " + i, 2));
        }
        AtomicInteger account = new AtomicInteger();
        Supplier<HttpRequest> baseline = () -> {
            int next = account.incrementAndGet();
            return post("/api/ballots/sessions/" + baselineSessions.get(next % CLIENTS) + "/voters",
                    Map.of("ballotType", "A", "accounts", List.of("voter-" + next)), token(platform, "organizer"));
        };
        // the load generator shares the two cores: it writes the 27 marks once, not for every request
        String marks = JSON.writeValueAsString(marks(27));
        String ballot = "{\"sessionId\":\"" + session + "\",\"marks\":" + marks + ",\"code\":\"";
        Supplier<HttpRequest> cast = () -> post("/api/ballots/cast", ballot + unused.remove() + "\"}", null);
        Step enoughCodes = () -> topUp(session, unused);
        // The run's codes are issued before it, as a meeting's are: issued between rounds, tens of thousands of
        // inserts and the autovacuum they set off fell into the rounds that followed (docs/benchmarks.md).
        long issuing = System.nanoTime();
        unused.addAll(issueCodes(session, CODES));
        System.out.printf("%n%d one-time codes issued in %.0f s%n", CODES, (System.nanoTime() - issuing) / 1e9);

        String bareUrl = "http://127.0.0.1:" + freePort();
        String hopUrl = "http://127.0.0.1:" + freePort();
        try (ChildProcess bareApp = platform.startInstance(BareQuarkus.MODULE, URI.create(bareUrl).getPort(),
                     BareQuarkus.onFreshDatabase(platform));
             ChildProcess gatewayToIt = platform.startInstance("gateway", URI.create(hopUrl).getPort(),
                     Map.of("gateway.services.bare.prefix", "/rows", "gateway.services.bare.url", bareUrl))) {
            awaitReady(bareApp.readyUrl());
            awaitReady(gatewayToIt.readyUrl());
            Supplier<HttpRequest> bare = BareQuarkus.insert(bareUrl);
            Supplier<HttpRequest> hop = BareQuarkus.insert(hopUrl);

            System.out.println("\ncast a ballot, " + CLIENTS + " clients");
            System.out.println("    warm-up, rounds of " + WARM_UP_ROUND.toSeconds() + " s " + WARM_UP_RULE + ": "
                    + warm(cast, enoughCodes));
            enoughCodes.run();
            System.out.println("    (a) meeting arrival, " + MEETING_VOTERS + " requests spread evenly over "
                    + MEETING_WINDOW.toSeconds() + " s, open loop, latency from the scheduled start: " + openLoop(cast));

            System.out.println("\nbaseline: the same path, inserting one row");
            System.out.println("    warm-up: " + warm(baseline, () -> { }));
            System.out.println("    (a) meeting arrival: " + openLoop(baseline));
            awaitQuiet();
            System.out.printf("    (b) saturation: %.0f requests/s%n", closedLoop(baseline, SATURATION_RUN));

            System.out.println("\nthe bare endpoint: one insert in a bare Quarkus app with the services' extensions, no token;"
                    + " direct, and through a gateway of its own");
            System.out.println("    warm-up, direct : " + warm(bare, () -> { }));
            System.out.println("    warm-up, gateway: " + warm(hop, () -> { }));
            System.out.println("    (a) meeting arrival, direct : " + openLoop(bare));
            System.out.println("    (a) meeting arrival, gateway: " + openLoop(hop));

            // On two shared cores the machine's speed drifts by a quarter within minutes, so casting and the bare
            // endpoint are measured in turns, each once no autovacuum runs, and compared round by round.
            System.out.printf("%n(b) saturation, %d clients back to back for %d s, in %d rounds of casting, the bare endpoint"
                    + " direct and through a gateway%n", CLIENTS, SATURATION_RUN.toSeconds(), ROUNDS);
            var direct = new ArrayList<Double>();
            var behindGateway = new ArrayList<Double>();
            for (int round = 1; round <= ROUNDS; round++) {
                enoughCodes.run();
                double casting = saturation(cast);
                double bareRate = saturation(bare);
                double hopRate = saturation(hop);
                direct.add(casting / bareRate);
                behindGateway.add(casting / hopRate);
                System.out.printf("    round %d: casting %.0f, bare direct %.0f, bare through a gateway %.0f requests/s;"
                        + " casting %.2f x direct, %.2f x through a gateway%n", round, casting, bareRate, hopRate,
                        casting / bareRate, casting / hopRate);
            }
            System.out.printf("    median: casting reached %.2f x the bare endpoint direct, %.2f x through a gateway%n",
                    median(direct), median(behindGateway));
        }

        System.out.println("\n(c) sealing " + SEAL_BALLOTS + " ballots x " + SEAL_SUBJECTS + " subjects");
        System.out.printf("    seal request right after filling the box (autovacuum may be at work): %d ms%n", seal(false));
        System.out.printf("    seal request once the box is vacuumed and analyzed, no autovacuum running: %d ms%n", seal(true));
    }

    /**
     * With {@code -Dbenchmark.replicas=2}: the meeting through the gateway to two ballot-service replicas, and casting
     * at saturation through it and, in turns, through a second gateway that routes to the first replica alone.
     */
    private void replicas() throws Exception {
        System.out.printf("%n%d cores, %s, Java %s; two replicas of each service%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version"));
        String session = openSession("benchmark", 27);
        var unused = new ConcurrentLinkedQueue<String>();
        String marks = JSON.writeValueAsString(marks(27));
        String ballot = "{\"sessionId\":\"" + session + "\",\"marks\":" + marks + ",\"code\":\"";
        Step enoughCodes = () -> topUp(session, unused);
        unused.addAll(issueCodes(session, CODES / 2));
        String oneReplica = "http://127.0.0.1:" + freePort();
        try (ChildProcess toTheFirst = platform.startInstance("gateway", URI.create(oneReplica).getPort(),
                Map.of("platform.urls.ballot", platform.settings().url(Port.BALLOT)))) {
            awaitReady(toTheFirst.readyUrl());
            Supplier<HttpRequest> both = () -> post(platform.gatewayUrl(), "/api/ballots/cast",
                    ballot + unused.remove() + "\"}", null);
            Supplier<HttpRequest> one = () -> post(oneReplica, "/api/ballots/cast", ballot + unused.remove() + "\"}", null);
            System.out.println("\ncast a ballot, " + CLIENTS + " clients");
            System.out.println("    warm-up, two replicas: " + warm(both, enoughCodes));
            System.out.println("    warm-up, one replica : " + warm(one, enoughCodes));
            enoughCodes.run();
            System.out.println("    (a) meeting arrival through the gateway to two replicas, " + MEETING_VOTERS
                    + " requests spread evenly over " + MEETING_WINDOW.toSeconds() + " s: " + openLoop(both));
            System.out.printf("%n(b) saturation, %d clients back to back for %d s, two replicas and one in turns%n",
                    CLIENTS, SATURATION_RUN.toSeconds());
            var ratios = new ArrayList<Double>();
            for (int round = 1; round <= ROUNDS; round++) {
                enoughCodes.run();
                double two = saturation(both);
                enoughCodes.run();
                double single = saturation(one);
                ratios.add(two / single);
                System.out.printf("    round %d: two replicas %.0f, one replica %.0f casts/s: %.2f x%n", round, two,
                        single, two / single);
            }
            System.out.printf("    median: two replicas cast %.2f x as many ballots a second as one%n", median(ratios));
        }
    }

    private double saturation(Supplier<HttpRequest> request) throws Exception {
        awaitQuiet();
        return closedLoop(request, SATURATION_RUN);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Subjects are named persons, half in a category with 好 ≤ half and ≤ 11, the rest with 好 ≤ 3. */
    private String openSession(String title, int subjects) throws Exception {
        int first = (subjects + 1) / 2;
        var categories = List.of(
                Map.of("code", "c1", "name", "一类", "topRatio", 0.5, "topCap", 11, "subjects", persons(0, first)),
                Map.of("code", "c2", "name", "二类", "topCap", 3, "subjects", persons(first, subjects)));
        String organizer = token(platform, "organizer");
        JsonNode session = send(post("/api/ballots/sessions", Map.of("orgUnit", "city", "title", title,
                "date", "2026-12-20", "year", 2026, "categories", categories), organizer), 201);
        String id = session.get("id").asText();
        send(post("/api/ballots/sessions/" + id + "/open", null, organizer), 200);
        return id;
    }

    private List<String> issueCodes(String session, int count) throws Exception {
        var codes = new ArrayList<String>();
        while (codes.size() < count) {
            JsonNode issued = send(post("/api/ballots/sessions/" + session + "/codes",
                    Map.of("ballotType", codes.size() % 2 == 0 ? "A" : "B", "count", Math.min(5_000, count - codes.size())),
                    token(platform, "organizer")), 200);
            issued.get("codes").forEach(c -> codes.add(c.get("code").asText()));
        }
        return codes;
    }

    private static List<Map<String, String>> persons(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Map.of("id", "p" + i, "name", "对象" + i)).toList();
    }

    /** A valid ballot: 好 for the first subject, 较好 for the rest. */
    private static List<Map<String, String>> marks(int subjects) {
        return IntStream.range(0, subjects).mapToObj(i -> Map.of("subject", "p" + i, "grade", i == 0 ? "好" : "较好")).toList();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static String warm(Supplier<HttpRequest> request, Step beforeEachRound) throws Exception {
        return warmUp(() -> {
            beforeEachRound.run();
            return closedLoop(request, WARM_UP_ROUND);
        });
    }

    /** Tops up between rounds, should the codes issued up front run short on a faster machine. */
    private void topUp(String session, Queue<String> unused) throws Exception {
        if (unused.size() < CODES_PER_ROUND) {
            unused.addAll(issueCodes(session, CODES_PER_ROUND * 2 - unused.size()));
        }
    }

    private String openLoop(Supplier<HttpRequest> request) throws Exception {
        long interval = MEETING_WINDOW.toNanos() / MEETING_VOTERS;
        long start = System.nanoTime() + 50_000_000;
        Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        var futures = new ArrayList<CompletableFuture<?>>();
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        for (int i = 0; i < MEETING_VOTERS; i++) {
            long due = start + i * interval;
            HttpRequest next = request.get();
            var done = new CompletableFuture<Void>();
            futures.add(done);
            scheduler.schedule(() -> HTTP.sendAsync(next, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                latencies.add(System.nanoTime() - due);
                if (e != null || r.statusCode() >= 300) {
                    failures.incrementAndGet();
                }
                done.complete(null);
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        scheduler.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return "p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d failed".formatted(percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1e6, failures.get());
    }

    private static double closedLoop(Supplier<HttpRequest> request, Duration run) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + run.toNanos();
        var pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = HTTP.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status < 300 ? done : failures).incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(run.toSeconds() + 60, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            System.out.println("    (" + failures.get() + " requests failed)");
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Fills a closed session's box straight into PostgreSQL, then times the seal request through the gateway; when
     * {@code quiet}, after vacuuming the box and once no autovacuum worker runs, as a few minutes later they would.
     */
    private long seal(boolean quiet) throws Exception {
        String session = openSession("sealing", SEAL_SUBJECTS);
        send(post("/api/ballots/sessions/" + session + "/close", null, token(platform, "organizer")), 200);
        String marks = JSON.writeValueAsString(marks(SEAL_SUBJECTS));
        byte[] hashA = canonicalHash("A");
        byte[] hashB = canonicalHash("B");
        try (var db = ballotDatabase();
             var insert = db.prepareStatement("insert into ballot (id, session_id, ballot_type, status, marks, line_hash) "
                     + "values (?, ?, ?, 'VALID', ?::json, ?)")) {
            db.setAutoCommit(false);
            for (int i = 0; i < SEAL_BALLOTS; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.fromString(session));
                insert.setString(3, i % 3 == 0 ? "A" : "B");
                insert.setString(4, marks);
                insert.setBytes(5, i % 3 == 0 ? hashA : hashB);
                insert.addBatch();
                if (i % 5_000 == 4_999) {
                    insert.executeBatch();
                }
            }
            db.commit();
            if (quiet) {
                db.setAutoCommit(true);
                db.createStatement().execute("vacuum analyze ballot");
                awaitAutovacuum(db);
            }
        }
        String organizer = token(platform, "organizer"); // fetched now: filling the box takes longer than a token lives
        long start = System.nanoTime();
        JsonNode sealed = send(post("/api/ballots/sessions/" + session + "/seal", null, organizer), 200);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int counted = sealed.get("tally").get("validBallots").get("A").asInt() + sealed.get("tally").get("validBallots").get("B").asInt();
        if (counted != SEAL_BALLOTS) {
            throw new IllegalStateException("sealed " + counted + " ballots, expected " + SEAL_BALLOTS);
        }
        return millis;
    }

    /**
     * Each saturation figure is taken with no autovacuum worker running: the one a previous step's inserts set off
     * would otherwise take its share of the two cores from whatever is measured next.
     */
    private void awaitQuiet() throws Exception {
        try (var db = ballotDatabase()) {
            awaitAutovacuum(db);
        }
    }

    private Connection ballotDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + platform.settings().port(Port.POSTGRES)
                + "/ballot", "ballot", "ballot");
    }

    /** SHA-256 of the canonical line of a valid ballot of {@link #marks} (docs/recount.md). */
    private static byte[] canonicalHash(String type) throws Exception {
        String line = type + "|VALID|" + IntStream.range(0, SEAL_SUBJECTS).mapToObj(i -> "p" + i)
                .sorted().map(s -> s + "=" + (s.equals("p0") ? "好" : "较好")).collect(Collectors.joining(";"));
        return MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest post(String path, Object body, String token) {
        try {
            return post(path, body == null ? null : JSON.writeValueAsString(body), token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest post(String path, String json, String token) {
        return post(platform.gatewayUrl(), path, json, token);
    }

    private static HttpRequest post(String base, String path, String json, String token) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }
}
