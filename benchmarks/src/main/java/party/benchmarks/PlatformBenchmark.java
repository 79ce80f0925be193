package party.benchmarks;

import static party.benchmarks.StackCalls.HTTP;
import static party.benchmarks.StackCalls.JSON;
import static party.benchmarks.StackCalls.WARM_UP_RULE;
import static party.benchmarks.StackCalls.awaitReady;
import static party.benchmarks.StackCalls.freePort;
import static party.benchmarks.StackCalls.percentile;
import static party.benchmarks.StackCalls.raiseGatewayRateLimits;
import static party.benchmarks.StackCalls.send;
import static party.benchmarks.StackCalls.token;
import static party.benchmarks.StackCalls.warmUp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import party.local.ChildProcess;
import party.local.LocalPlatform;
import party.local.Port;
import party.local.Settings;

/**
 * The platform's own figures: (a) the local stack from launch to ready, cold (fresh data) and warm; (b) each app's
 * start to ready and its RSS after start and after a load, beside a bare Quarkus app with the same extensions
 * started the same way in the same run; (c) the gateway's cost: one-row-insert POSTs direct to ballot-service
 * and through the gateway, alternately. Prints the figures docs/benchmarks.md records.
 */
public final class PlatformBenchmark {

    private static final int CLIENTS = 16;
    private static final int STARTS = 3;
    private static final Duration LOAD = Duration.ofSeconds(20);
    private static final Duration ROUND = Duration.ofSeconds(10);

    private final LocalPlatform platform;

    private PlatformBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        raiseGatewayRateLimits();
        Path home = Path.of(System.getProperty("platform.home"));
        Path data = home.resolve("benchmarks/target/platform-data");
        System.out.printf("%n%d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"));

        System.out.println("\n(a) the local stack, launcher to gateway ready (the services already built)");
        long start = System.nanoTime();
        LocalPlatform.start(Settings.onFreePorts(home, data)).close();
        System.out.printf("    cold (fresh data: initdb, Kafka format, realm import): %.1f s%n", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        try (LocalPlatform platform = LocalPlatform.start(Settings.onFreePorts(home, data).keepingData())) {
            System.out.printf("    warm (the same data again): %.1f s%n", (System.nanoTime() - start) / 1e9);
            new PlatformBenchmark(platform).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.println("\n(b) one more instance of each app beside the running stack: start to ready, RSS after start,"
                + " RSS after " + LOAD.toSeconds() + " s of " + CLIENTS + " clients (-Xms64m -Xmx320m -XX:+UseSerialGC, as the launcher runs them)");
        var apps = new LinkedHashMap<String, Map<String, String>>();
        apps.put(BareQuarkus.MODULE, BareQuarkus.onFreshDatabase(platform));
        apps.put("assessment-service", Map.of());
        apps.put("rectification-service", Map.of());
        apps.put("ballot-service", Map.of());
        apps.put("webhook-service", Map.of());
        apps.put("gateway", Map.of("gateway.services.assessment.url", platform.settings().url(Port.ASSESSMENT),
                "gateway.services.rectification.url", platform.settings().url(Port.RECTIFICATION),
                "gateway.services.ballots.url", platform.settings().url(Port.BALLOT),
                "gateway.services.webhooks.url", platform.settings().url(Port.WEBHOOK)));
        for (var app : apps.entrySet()) {
            System.out.println("    " + measure(app.getKey(), app.getValue()));
        }

        System.out.println("\n(c) the gateway's cost: POST /api/ballots/sessions/{id}/voters (binds one account: one insert),"
                + " " + CLIENTS + " clients, direct and through the gateway alternately, " + ROUND.toSeconds() + " s each, twice");
        String session = openSession();
        AtomicInteger account = new AtomicInteger();
        Supplier<HttpRequest> direct = () -> bind(platform.settings().url(Port.BALLOT), session, account);
        Supplier<HttpRequest> gateway = () -> bind(platform.gatewayUrl(), session, account);
        System.out.println("    warm-up in rounds of 10 s " + WARM_UP_RULE + ":");
        System.out.println("      direct : " + warmUp(() -> load(direct, Duration.ofSeconds(10)).throughput()));
        System.out.println("      gateway: " + warmUp(() -> load(gateway, Duration.ofSeconds(10)).throughput()));
        List<Load> directRuns = new ArrayList<>();
        List<Load> gatewayRuns = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            directRuns.add(load(direct, ROUND));
            gatewayRuns.add(load(gateway, ROUND));
        }
        Load d = Load.merge(directRuns);
        Load g = Load.merge(gatewayRuns);
        System.out.printf("    direct : %.0f requests/s, p50 %.1f ms, p99 %.1f ms%n", d.throughput(), d.p50(), d.p99());
        System.out.printf("    gateway: %.0f requests/s, p50 %.1f ms, p99 %.1f ms%n", g.throughput(), g.p50(), g.p99());
        System.out.printf("    ratio  : throughput %.2f x direct, p50 %.2f x direct%n", g.throughput() / d.throughput(),
                g.p50() / d.p50());
    }

    /**
     * Starts the app {@link #STARTS} times and reports the median time to ready (one start on two busy cores varies by
     * a quarter); the last start is also loaded, for its RSS after start and after the load.
     */
    private String measure(String module, Map<String, String> extra) throws Exception {
        String name = Path.of(module).getFileName().toString();
        double[] ready = new double[STARTS];
        for (int i = 0; ; i++) {
            int port = freePort();
            String url = "http://127.0.0.1:" + port;
            long start = System.nanoTime();
            try (ChildProcess app = platform.startInstance(module, port, extra)) {
                awaitReady(app.readyUrl());
                ready[i] = (System.nanoTime() - start) / 1e9;
                if (i < STARTS - 1) {
                    continue;
                }
                long rssStart = rss(app.pid());
                Load load = load(loadRequest(name, url), LOAD);
                long rssLoad = rss(app.pid());
                Arrays.sort(ready);
                return "%-22s ready %5.1f s (median of %d), RSS %4d MB after start, %4d MB after %,d requests (%.0f/s, %d failed)"
                        .formatted(name, ready[STARTS / 2], STARTS, rssStart, rssLoad, load.done(), load.throughput(),
                                load.failed());
            }
        }
    }

    /** A request each app answers with its own work: a read of its own data, the bare app an insert. */
    private Supplier<HttpRequest> loadRequest(String module, String url) {
        String path = switch (module) {
            case "bare-quarkus" -> "/rows";
            case "assessment-service", "gateway" -> "/api/assessment/org-units";
            case "rectification-service" -> "/api/rectification/ledger";
            case "webhook-service" -> "/api/webhooks/subscriptions";
            default -> "/api/ballots/sessions";
        };
        String user = module.equals("webhook-service") ? "admin" : "organizer"; // subscriptions: integration or admin
        return () -> {
            var builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token(platform, user));
            return module.equals("bare-quarkus") ? builder.POST(HttpRequest.BodyPublishers.noBody()).build()
                    : builder.GET().build();
        };
    }

    private record Load(int done, int failed, double seconds, List<Long> latencies) {

        double throughput() {
            return done / seconds;
        }

        double p50() {
            return percentile(sorted(), 50);
        }

        double p99() {
            return percentile(sorted(), 99);
        }

        private long[] sorted() {
            return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        static Load merge(List<Load> runs) {
            List<Long> all = new ArrayList<>();
            runs.forEach(run -> all.addAll(run.latencies()));
            return new Load(runs.stream().mapToInt(Load::done).sum(), runs.stream().mapToInt(Load::failed).sum(),
                    runs.stream().mapToDouble(Load::seconds).sum(), all);
        }
    }

    private static Load load(Supplier<HttpRequest> request, Duration run) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + run.toNanos();
        long start = System.nanoTime();
        var pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        int status = HTTP.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status < 300 ? done : failed).incrementAndGet();
                        latencies.add(System.nanoTime() - sent);
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(run.toSeconds() + 60, TimeUnit.SECONDS);
        return new Load(done.get(), failed.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    private String openSession() throws Exception {
        String id = send(post(platform.gatewayUrl(), "/api/ballots/sessions", Map.of("orgUnit", "city", "title", "网关基准",
                "date", "2026-12-20", "year", 2026, "categories", List.of(Map.of("code", "c1", "name", "一类", "subjects",
                        List.of(Map.of("id", "p1", "name", "甲"), Map.of("id", "p2", "name", "乙")))))), 201)
                .get("id").asText();
        send(post(platform.gatewayUrl(), "/api/ballots/sessions/" + id + "/open", null), 200);
        return id;
    }

    private HttpRequest bind(String base, String session, AtomicInteger account) {
        return post(base, "/api/ballots/sessions/" + session + "/voters",
                Map.of("ballotType", "A", "accounts", List.of("voter-" + account.incrementAndGet())));
    }

    private HttpRequest post(String base, String path, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(platform, "organizer"))
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resident memory of a process, from /proc (Linux). */
    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }


}
