package party.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.as;
import static party.rectification.Fixtures.leaderOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/** Every state-changing request, allowed or refused, leaves who, what, when and from where; nobody edits it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class AuditTrailTest {

    private static final String ADMIN = TestTokens.token("admin", "/city", "admin");

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DataSource db;

    @Test
    void allowedAndRefusedChangesAreRecordedAndCannotBeEdited() throws SQLException {
        Fixtures.replicate(messaging, codec, "district-h");
        var item = Map.of("source", "AUDIT", "timingClass", "FULL", "problem", "审计发现问题", "unit", "district-h");
        String id = as(INSPECTOR).header("X-Request-Id", "audit-1").header("X-Forwarded-For", "10.1.2.3")
                .contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
        as(leaderOf("district-h")).header("X-Request-Id", "audit-2").contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(403);
        as(INSPECTOR).get("/api/rectification/items/" + id).then().statusCode(200);

        JsonPath trail = as(ADMIN).get("/api/rectification/audit?size=500").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = trail.getList("items");
        assertThat(entries).filteredOn(e -> "audit-1".equals(e.get("requestId"))).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("actor", "inspector").containsEntry("actorOrgPath", "/city")
                    .containsEntry("method", "POST").containsEntry("path", "/api/rectification/items")
                    .containsEntry("status", 201).containsEntry("clientAddress", "10.1.2.3");
            assertThat(e.get("at")).isNotNull();
        });
        assertThat(entries).filteredOn(e -> "audit-2".equals(e.get("requestId"))).singleElement().satisfies(e ->
                assertThat(e).containsEntry("actor", "leader-district-h").containsEntry("status", 403)
                        .containsEntry("clientAddress", "127.0.0.1"));
        assertThat(entries).as("reads are not changes").noneMatch(e -> "GET".equals(e.get("method")));

        // only administrators read it, and only their scope's accounts
        as(INSPECTOR).get("/api/rectification/audit").then().statusCode(403);
        as(TestTokens.token("admin-h", "/city/district-h", "admin")).get("/api/rectification/audit?size=500")
                .then().statusCode(200).body("items.findAll { it.actor == 'inspector' }.size()", equalTo(0));

        try (var connection = db.getConnection(); var sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update audit_entry set actor = 'nobody'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("delete from audit_entry")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("truncate audit_entry")).hasMessageContaining("append-only");
        }
    }
}
