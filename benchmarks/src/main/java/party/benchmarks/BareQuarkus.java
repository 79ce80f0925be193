package party.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import party.local.LocalPlatform;
import party.local.Port;

/**
 * {@code benchmarks/bare-quarkus}, started beside the stack as the launcher starts a service: the services' Quarkus
 * extensions with one entity and one resource, {@code POST /rows} inserting one row into a database of its own, and
 * nothing of ours (no gateway, token, scope, audit or outbox). The bare endpoint that inserts one row.
 */
final class BareQuarkus {

    static final String MODULE = "benchmarks/bare-quarkus";

    private BareQuarkus() {
    }

    /** The app's settings, pointing it at a fresh database {@code bare} on the stack's PostgreSQL. */
    static Map<String, String> onFreshDatabase(LocalPlatform platform) throws SQLException {
        String server = "jdbc:postgresql://127.0.0.1:" + platform.settings().port(Port.POSTGRES);
        try (var db = DriverManager.getConnection(server + "/postgres", "postgres", "postgres");
             var statement = db.createStatement()) {
            statement.execute("drop database if exists bare");
            statement.execute("create database bare");
        }
        return Map.of("quarkus.datasource.jdbc.url", server + "/bare",
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    /** One insert, on the app listening at {@code url}. */
    static Supplier<HttpRequest> insert(String url) {
        return () -> HttpRequest.newBuilder(URI.create(url + "/rows")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }
}
