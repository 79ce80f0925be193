package party.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;

/**
 * The baseline: a bare HTTP endpoint that inserts one row into the platform's PostgreSQL and answers 201,
 * with nothing else (no gateway, no token, no framework). What the machine does for one request and one
 * insert, measured beside every figure of the benchmark.
 */
final class BareInsert {

    private final HttpServer server;
    private final BlockingQueue<Connection> connections;

    private BareInsert(HttpServer server, BlockingQueue<Connection> connections) {
        this.server = server;
        this.connections = connections;
    }

    static BareInsert start(int postgresPort) throws IOException, SQLException {
        String admin = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
        try (var db = DriverManager.getConnection(admin, "postgres", "postgres")) {
            db.createStatement().execute("drop database if exists benchmark");
            db.createStatement().execute("create database benchmark");
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/benchmark";
        var connections = new ArrayBlockingQueue<Connection>(16);
        for (int i = 0; i < 16; i++) {
            connections.add(DriverManager.getConnection(url, "postgres", "postgres"));
        }
        connections.peek().createStatement().execute("create table baseline (id uuid primary key, body text)");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        var bare = new BareInsert(server, connections);
        server.createContext("/insert", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            bare.insert(new String(body));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        return bare;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/insert");
    }

    void stop() {
        server.stop(0);
        connections.forEach(c -> {
            try {
                c.close();
            } catch (SQLException e) {
                // closing at the end of the run; nothing to do
            }
        });
    }

    private void insert(String body) throws IOException {
        Connection db = connections.poll();
        try (var statement = db.prepareStatement("insert into baseline (id, body) values (?, ?)")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, body);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IOException(e);
        } finally {
            connections.add(db);
        }
    }
}
