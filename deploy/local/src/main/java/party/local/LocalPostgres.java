package party.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL from Maven Central binaries, one database and one login per service, data kept across restarts. */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDir, int port) {
        try {
            return new LocalPostgres(EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
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
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
