package party.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import party.local.LocalPlatform;

/** What every benchmark does with the running stack: get a demo user's token, call and check, take percentiles. */
final class StackCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StackCalls() {
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

    /** A demo user's token from the local realm (password = user name), through the public mobile client. */
    static String token(LocalPlatform platform, String user) throws Exception {
        String form = Map.of("grant_type", "password", "client_id", "mobile", "username", user, "password", user)
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(platform.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(request, 200).get("access_token").asText();
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
}
