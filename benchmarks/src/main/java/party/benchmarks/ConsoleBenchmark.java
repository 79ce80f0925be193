package party.benchmarks;

import static party.benchmarks.StackCalls.percentile;
import static party.benchmarks.StackCalls.raiseGatewayRateLimits;
import static party.benchmarks.StackCalls.send;
import static party.benchmarks.StackCalls.token;

import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import party.local.LocalKeycloak;
import party.local.LocalPlatform;
import party.local.Port;
import party.local.Settings;

/**
 * The console with a city's data, 10,010 org units (10 counties × 100 townships × 9 villages) and 100,000 open
 * rectification items, written straight into the services' databases: (a) the API calls its pages make, through the
 * gateway with an organizer's token; (b) in headless Chromium, how long each page takes to show (the console's own
 * {@code performance.measure}), switched to within the console and opened anew. Prints the figures
 * docs/benchmarks.md records.
 */
public final class ConsoleBenchmark {

    private static final int COUNTIES = 10;
    private static final int TOWNSHIPS = 100;
    private static final int VILLAGES = 9;
    private static final int ITEMS = 100_000;
    private static final int REQUESTS = 500;
    private static final int VIEWS = 100;
    private static final int OPENINGS = 30;
    private static final String[] OPEN_STATES = {"ISSUED", "PLAN_SUBMITTED", "PLAN_APPROVED", "IN_PROGRESS",
            "REPORT_SUBMITTED"};
    private static final String[] SOURCES = {"INSPECTION", "POLITICAL_TALK", "ASSESSMENT", "SELF_CHECK", "AUDIT"};

    private final LocalPlatform platform;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final List<String[]> units = new ArrayList<>(); // code, name, level, category, parent, path

    private ConsoleBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        raiseGatewayRateLimits();
        Path home = Path.of(System.getProperty("platform.home"));
        try (LocalPlatform platform = LocalPlatform.start(Settings.onFreePorts(home,
                home.resolve("benchmarks/target/platform-data")))) {
            new ConsoleBenchmark(platform).run();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("%n%d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("java.version"));
        long start = System.nanoTime();
        plan();
        try (Connection assessment = database("assessment"); Connection rectification = database("rectification")) {
            fillUnits(assessment, "insert into org_unit (code, name, level, category, parent_code, path, version, "
                    + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, now(), now())");
            fillUnits(rectification, "insert into org_unit_replica (code, name, level, category, parent_code, path, "
                    + "version, replicated_at) values (?, ?, ?, ?, ?, ?, 0, now())");
            fillItems(rectification);
            for (var db : List.of(assessment, rectification)) {
                try (var analyze = db.createStatement()) {
                    analyze.execute("vacuum analyze"); // what autovacuum does after a load this size
                }
            }
        }
        System.out.printf("%n%,d org units and %,d open items written in %.1f s%n", units.size(), ITEMS,
                (System.nanoTime() - start) / 1e9);

        System.out.println("\n(a) the console's API calls through the gateway, organizer of /city, " + REQUESTS
                + " after 50 warm-up, one after another");
        for (String call : List.of("/api/rectification/ledger?page=0&size=20",
                "/api/rectification/ledger?state=PLAN_SUBMITTED&page=0&size=20",
                "/api/rectification/ledger?warning=RED&page=0&size=20",
                "/api/rectification/ledger?unit=county-03&source=INSPECTION&page=0&size=20",
                "/api/rectification/ledger/figures?rollup=true",
                "/api/rectification/ledger/figures?unit=county-03&rollup=true",
                "/api/rectification/ledger/trend",
                "/api/rectification/ledger/trend?unit=county-03",
                "/api/rectification/ledger?q=%E9%97%AE%E9%A2%98%204242&page=0&size=20",
                "/api/assessment/org-units/city/children",
                "/api/assessment/org-units/county-03/children",
                "/api/assessment/org-units?q=%E4%B9%A1%E9%95%8742&size=50")) {
            System.out.printf("    %-72s: %s%n", call, calls(call));
        }

        System.out.println("\n(b) pages in headless Chromium (1440 × 900), from the console's own measure of each view"
                + " (its data, table and chart drawn)");
        try (var browser = new Browser(platform)) {
            for (String view : List.of("ledger", "ledger?state=PLAN_SUBMITTED", "ledger?warning=RED&source=INSPECTION",
                    "units", "figures", "figures?unit=county-03")) {
                System.out.printf("    switched to #/%-40s: %s%n", view, browser.switchTo(view));
            }
            System.out.printf("    opened anew, #/ledger (signed in at Keycloak): %s%n", browser.openAnew("ledger"));
        }
    }

    /** The city's tree below the local stack's own 市委: 10 counties, 100 townships each, 9 villages each. */
    private void plan() {
        for (int c = 0; c < COUNTIES; c++) {
            String county = "county-%02d".formatted(c);
            units.add(new String[] {county, "第" + (c + 1) + "县委", "COUNTY", "county", "city", "/city/" + county});
            for (int t = 0; t < TOWNSHIPS; t++) {
                String township = county + "-t%03d".formatted(t);
                String townshipPath = "/city/" + county + "/" + township;
                units.add(new String[] {township, (c + 1) + "县乡镇" + t, "TOWNSHIP", "township", county, townshipPath});
                for (int v = 0; v < VILLAGES; v++) {
                    String village = township + "-v" + v;
                    units.add(new String[] {village, (c + 1) + "县乡镇" + t + "村" + v, "GRASSROOTS", "village", township,
                            townshipPath + "/" + village});
                }
            }
        }
    }

    private Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + platform.settings().port(Port.POSTGRES)
                + "/" + name, name, name);
    }

    private void fillUnits(Connection db, String sql) throws SQLException {
        db.setAutoCommit(false);
        try (var insert = db.prepareStatement(sql)) {
            for (String[] unit : units) {
                for (int i = 0; i < unit.length; i++) {
                    insert.setString(i + 1, unit[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** Ten items on each unit below the counties, in every open state and source, deadlines 1 to 120 days ahead. */
    private void fillItems(Connection db) throws SQLException {
        List<String[]> below = units.stream().filter(unit -> !unit[2].equals("COUNTY")).toList();
        db.setAutoCommit(false);
        try (var insert = db.prepareStatement("""
                insert into rectification_item (id, number, source, timing_class, problem, org_code, org_path,
                    responsible_leader, found_on, deadline, state, issued_by, issued_at, issuing_path, version)
                values (?, ?, ?, 'FULL', ?, ?, ?, '责任人', ?, ?, ?, 'benchmark', ?, '/city', 0)""")) {
            for (int i = 0; i < ITEMS; i++) {
                String[] unit = below.get(i % below.size());
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "BM%d-%06d".formatted(today.getYear(), i));
                insert.setString(3, SOURCES[i / OPEN_STATES.length % SOURCES.length]);
                insert.setString(4, "基准测试问题 " + i);
                insert.setString(5, unit[0]);
                insert.setString(6, unit[5]);
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
    }

    private String calls(String path) throws Exception {
        for (int i = 0; i < 50; i++) {
            send(request(path), 200);
        }
        long[] latencies = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest call = request(path);
            long start = System.nanoTime();
            send(call, 200);
            latencies[i] = System.nanoTime() - start;
        }
        Arrays.sort(latencies);
        return "p50 %.1f ms, p99 %.1f ms".formatted(percentile(latencies, 50), percentile(latencies, 99));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token(platform, "organizer")).timeout(Duration.ofSeconds(30))
                .GET().build();
    }

    /** Debian's chromium at a desk, signed in once as the organizer on Keycloak's page. */
    private static final class Browser implements AutoCloseable {

        private final ChromeDriver driver;
        private final Path profile;
        private final String console;

        Browser(LocalPlatform platform) throws Exception {
            profile = Files.createTempDirectory("chromium-profile");
            var options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                    "--user-data-dir=" + profile, "--window-size=1440,900");
            driver = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
            console = platform.gatewayUrl() + "/console";
            driver.get(console);
            until(() -> !driver.findElements(By.id("kc-login")).isEmpty());
            driver.findElement(By.id("username")).sendKeys("organizer");
            driver.findElement(By.id("password")).sendKeys(LocalKeycloak.demoPassword("organizer"));
            driver.findElement(By.id("kc-login")).click();
            until(() -> (Boolean) driver.executeScript( // whichever view the organizer lands on
                    "return performance.getEntriesByType('measure').some(m => m.name.startsWith('view '))"));
        }

        /** p50 and p99 of the view shown after a switch from another view, as the person clicks through. */
        String switchTo(String view) throws Exception {
            String path = view.split("\\?")[0];
            double[] shown = new double[VIEWS];
            for (int i = -10; i < VIEWS; i++) {
                driver.executeScript("location.hash = '#/'"); // away to no view, then back: the view drawn anew
                int before = measures(path);
                driver.executeScript("location.hash = arguments[0]", "#/" + view);
                until(() -> measures(path) > before);
                if (i >= 0) {
                    shown[i] = ((Number) driver.executeScript("const all = performance.getEntriesByName('view ' + "
                            + "arguments[0]); return all[all.length - 1].duration;", path)).doubleValue();
                }
            }
            return percentiles(shown);
        }

        /**
         * p50 and p99 from the address being opened (the console loading, signing in again through Keycloak's
         * session, which answers at once) until the view is shown, on this program's clock: the page polled every
         * 5 ms, which the figure may overstate by as much.
         */
        String openAnew(String view) throws Exception {
            double[] shown = new double[OPENINGS];
            for (int i = -5; i < OPENINGS; i++) {
                driver.get("about:blank"); // else the address differs by its fragment only and nothing loads
                long before = System.nanoTime();
                driver.get(console + "#/" + view);
                until(() -> measures(view) > 0);
                if (i >= 0) {
                    shown[i] = (System.nanoTime() - before) / 1e6;
                }
            }
            return percentiles(shown);
        }

        private int measures(String path) {
            return ((Number) driver.executeScript("return performance.getEntriesByName('view ' + arguments[0]).length",
                    path)).intValue();
        }

        private static String percentiles(double[] millis) {
            long[] nanos = Arrays.stream(millis).mapToLong(ms -> (long) (ms * 1e6)).sorted().toArray();
            return "p50 %.0f ms, p99 %.0f ms".formatted(percentile(nanos, 50), percentile(nanos, 99));
        }

        private void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the console did not show the page within 60 s at "
                            + driver.getCurrentUrl() + ", showing: " + driver.findElement(By.tagName("body")).getText());
                }
                Thread.sleep(5); // polling the browser; the figure itself comes from the page's own clock
            }
        }

        @Override
        public void close() throws Exception {
            driver.quit();
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
