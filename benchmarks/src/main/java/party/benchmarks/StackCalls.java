package party.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import party.local.LocalKeycloak;
import party.local.LocalPlatform;

/** What every benchmark does with the running stack: get a demo user's token, call and check, take percentiles. */
final class StackCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final String WARM_UP_RULE = "(at least six, until the last three agree within 5 %, at most fifteen)";

    private StackCalls() {
    }

    /** One round of load, answering its rate in requests/s. */
    interface Round {
        double rate() throws Exception;
    }

    /**
     * Rounds of load until the rate settles ({@link #WARM_UP_RULE}); answers the rates, for the record. Five seconds
     * of warm-up left the services' and the gateway's JIT compilers far from done on two busy cores, and the
     * figures taken after it at about half their steady rate; and a rule of two rounds in a row still stopped early,
     * on two slow rounds that agreed by chance while the rate went on climbing for another minute.
     */
    static String warmUp(Round round) throws Exception {
        var rates = new ArrayList<Double>();
        while (rates.size() < 15) {
            rates.add(round.rate());
            if (rates.size() >= 6) {
                var lastThree = rates.subList(rates.size() - 3, rates.size());
                if (Collections.max(lastThree) <= 1.05 * Collections.min(lastThree)) {
                    break;
                }
            }
        }
        return rates.stream().map("%.0f"::formatted).collect(Collectors.joining(", ")) + " requests/s";
    }

    /**
     * Each benchmark drives one token or one address at saturation, which the gateway's per-client limits are there
     * to stop; these limits are out of reach, yet every request still pays for the check. LocalPlatform hands them to
     * the gateway it starts.
     */
    static void raiseGatewayRateLimits() {
        for (String client : new String[] {"per-user", "per-address"}) {
            System.setProperty("gateway.rate-limit." + client + ".requests-per-second", "1000000");
            System.setProperty("gateway.rate-limit." + client + ".burst", "1000000");
        }
    }

    static JsonNode send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /** A token from the local realm's demo client, and when it was fetched. */
    private record Token(String value, long fetchedAt) {
        boolean fresh() {
            return System.nanoTime() - fetchedAt < Duration.ofSeconds(20).toNanos();
        }
    }

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    /**
     * A demo user's access token, fetched again once it is 20 seconds old: Keycloak's live 30 (decision 019), a
     * benchmark runs longer. Cheap enough to call for every request.
     */
    static String token(LocalPlatform platform, String user) {
        String key = platform.issuer() + "|" + user;
        Token known = TOKENS.get(key);
        return known != null && known.fresh() ? known.value() : TOKENS.compute(key, (k, token) ->
                token != null && token.fresh() ? token : new Token(fetchToken(platform, user), System.nanoTime())).value();
    }

    private static String fetchToken(LocalPlatform platform, String user) {
        String form = Map.of("grant_type", "password", "client_id", LocalKeycloak.DEMO_CLIENT, "username", user,
                        "password", LocalKeycloak.demoPassword(user))
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(platform.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return send(request, 200).get("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException("no token for " + user, e);
        }
    }

    /** The p-th percentile of sorted nanosecond figures, in milliseconds. */
    static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Waits (up to two minutes) until no autovacuum worker is running, as a quiet database would be. */
    static void awaitAutovacuum(Connection db) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && autovacuumWorkers(db) > 0) {
            Thread.sleep(200); // polling PostgreSQL's own view of its workers
        }
    }

    private static int autovacuumWorkers(Connection db) throws SQLException {
        try (var query = db.createStatement(); var result = query.executeQuery(
                "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Waits (up to two minutes) until {@code url} answers 200: an app started beside the stack is ready. */
    static void awaitReady(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!ready(url)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " not ready within 2 minutes");
            }
            Thread.sleep(50); // polling a process outside this JVM
        }
    }

    private static boolean ready(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
