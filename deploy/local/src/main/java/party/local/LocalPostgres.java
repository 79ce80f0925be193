package party.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL from Maven Central binaries, one database and one login per service, data kept across restarts.
 * It can be stopped and started again on the same data and port, which the fault tests rely on.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private LocalPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static LocalPostgres start(Path dataDir, int port) {
        var local = new LocalPostgres(dataDir, port);
        local.start();
        return local;
    }

    /** Starts the server on its data unless it runs already. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** A fast shutdown: open connections are cut, as when the server restarts under load. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
            } finally {
                postgres = null;
            }
        }
    }

    /** Creates the login and the database it owns unless they exist; the password is a local demo value. */
    void ensureDatabase(String name) {
        try (Connection db = postgres.getPostgresDatabase().getConnection(); var sql = db.createStatement()) {
            sql.execute("""
                    do $$ begin
                      if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login password '%1$s';
                      end if;
                    end $$""".formatted(name));
            try (var exists = sql.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!exists.next()) {
                    sql.execute("create database " + name + " owner " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + name, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
