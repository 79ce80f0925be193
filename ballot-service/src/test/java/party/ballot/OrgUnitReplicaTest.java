package party.ballot;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.OrgUnitCreated;
import party.common.events.EventEnvelope;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/** ballot-service keeps a replica of org.units and serves it read-only, within the caller's scope. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OrgUnitReplicaTest {

    private static final String ORGANIZER = TestTokens.token("organizer", "/city", "organizer");
    private static final String VOTER_A = TestTokens.token("voter-a", "/city/district-a", "voter");

    @Inject
    @Any
    InMemoryConnector messaging;

    @Inject
    EventCodec codec;

    @Test
    void announcedUnitsAppearAndScopeApplies() {
        publish(UUID.randomUUID(), "OrgUnitCreated", state("city", "市委", null, "/city", 0));
        publish(UUID.randomUUID(), "OrgUnitCreated", state("district-a", "A区委", "city", "/city/district-a", 0));
        publish(UUID.randomUUID(), "OrgUnitCreated", state("district-b", "B区委", "city", "/city/district-b", 0));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().auth().oauth2(ORGANIZER).get("/api/ballots/org-units/district-b").then().statusCode(200));
        given().auth().oauth2(VOTER_A).get("/api/ballots/org-units/district-b").then().statusCode(404);
        given().auth().oauth2(VOTER_A).get("/api/ballots/org-units").then().statusCode(200)
                .body("items.code", contains("district-a"));
        given().auth().oauth2(ORGANIZER).get("/api/ballots/org-units/city/children").then().statusCode(200)
                .body("code", contains("district-a", "district-b"));
        given().get("/api/ballots/org-units").then().statusCode(401);
    }

    @Test
    void aRedeliveredOrStaleEventChangesNothing() {
        UUID renamed = UUID.randomUUID();
        publish(UUID.randomUUID(), "OrgUnitCreated", state("township-1", "一镇", "city", "/city/township-1", 0));
        publish(renamed, "OrgUnitRenamed", state("township-1", "一镇（新）", "city", "/city/township-1", 1));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(ORGANIZER)
                .get("/api/ballots/org-units/township-1").then().statusCode(200).body("name", equalTo("一镇（新）")));

        // the same event id again, even carrying other data, is recognised and skipped
        publish(renamed, "OrgUnitRenamed", state("township-1", "重复投递", "city", "/city/township-1", 5));
        // an older version arriving late loses to what the replica holds
        publish(UUID.randomUUID(), "OrgUnitRenamed", state("township-1", "过期", "city", "/city/township-1", 0));
        // an unknown type is refused (dead-letter in production), not applied
        publish(UUID.randomUUID(), "OrgUnitDissolved", state("township-1", "未知", "city", "/city/township-1", 9));
        // a later, genuine change still arrives: the ones above were handled before it, in order
        publish(UUID.randomUUID(), "OrgUnitMoved", state("township-1", "一镇（新）", "district-a", "/city/district-a/township-1", 2));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(ORGANIZER)
                .get("/api/ballots/org-units/township-1").then().statusCode(200)
                .body("path", equalTo("/city/district-a/township-1"))
                .body("name", equalTo("一镇（新）"))
                .body("version", equalTo(2)));
    }

    private void publish(UUID id, String type, OrgUnitState state) {
        var created = codec.envelope(new OrgUnitCreated(state), "assessment-service", Instant.now());
        messaging.source("org-units").send(codec.write(new EventEnvelope(id, type, created.source(), created.time(),
                created.orgUnit(), created.subject(), null, created.data())));
    }

    private static OrgUnitState state(String code, String name, String parent, String path, long version) {
        return new OrgUnitState(code, name, parent == null ? OrgLevel.CITY : OrgLevel.COUNTY, "district", parent, path, false, version);
    }
}
