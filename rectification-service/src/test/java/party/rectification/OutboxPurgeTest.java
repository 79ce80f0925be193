package party.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import party.common.outbox.OutboxPurge;
import party.testing.PostgresResource;

/** Events Kafka acknowledged long ago leave the outbox; recent and unpublished ones stay. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OutboxPurgeTest {

    @Inject
    OutboxPurge purge;
    @Inject
    DataSource db;

    @Test
    void onlyEventsPublishedBeforeTheCutoffAreRemoved() throws SQLException {
        Instant now = Instant.now();
        String old = event(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(10)));
        String recent = event(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
        String waiting = event(now.minus(Duration.ofDays(10)), null);

        purge.purgePublishedBefore(now.minus(Duration.ofDays(7)));

        assertThat(keys()).doesNotContain(old).contains(recent, waiting);
    }

    private String event(Instant created, Instant published) throws SQLException {
        String key = "purge-" + UUID.randomUUID();
        try (var connection = db.getConnection(); var insert = connection.prepareStatement("""
                insert into outbox_event (event_id, topic, event_key, event_type, envelope, created_at, published_at)
                values (?, 'rectification.events', ?, 'Test', '{}', ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, key);
            insert.setTimestamp(3, Timestamp.from(created));
            insert.setTimestamp(4, published == null ? null : Timestamp.from(published));
            insert.executeUpdate();
        }
        return key;
    }

    private List<String> keys() throws SQLException {
        try (var connection = db.getConnection();
             var rows = connection.createStatement().executeQuery("select event_key from outbox_event")) {
            var keys = new ArrayList<String>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        }
    }
}
