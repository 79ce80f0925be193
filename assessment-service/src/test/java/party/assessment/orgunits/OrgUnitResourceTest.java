package party.assessment.orgunits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.OrgUnitCreated;
import party.common.events.OrgUnitRenamed;
import party.common.events.OrgUnitState;
import party.testing.PostgresResource;
import party.testing.TestTokens;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class OrgUnitResourceTest {

    private static final String ORGANIZER = TestTokens.token("organizer", "/city", "organizer");
    private static final String LEADER_A = TestTokens.token("leader-a", "/city/district-a", "unit-leader");

    @Inject
    @Any
    InMemoryConnector messaging;

    @Inject
    EventCodec codec;

    /** city, district-a and district-b, as the local stack seeds them; created by an admin bound to the root. */
    @BeforeEach
    void hierarchy() {
        String admin = TestTokens.token("admin", "/", "admin");
        createIfMissing(admin, "city", "市委", "city", "city", null);
        createIfMissing(admin, "district-a", "A区委", "county", "district", "city");
        createIfMissing(admin, "district-b", "B区委", "county", "district", "city");
    }

    @Test
    void requestsWithoutAValidTokenAre401() {
        given().get("/api/assessment/org-units").then().statusCode(401);
        for (String bad : new String[] {
                TestTokens.expired("organizer", "/city", "organizer"),
                TestTokens.fromOtherIssuer("organizer", "/city", "organizer"),
                TestTokens.forOtherAudience("organizer", "/city", "organizer"),
                "not-a-jwt"}) {
            as(bad).get("/api/assessment/org-units").then().statusCode(401);
        }
    }

    @Test
    void onlyOrganizersAndAdminsChangeUnits() {
        as(LEADER_A).contentType(ContentType.JSON)
                .body(unit("street-x", "district-a"))
                .post("/api/assessment/org-units")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:party:problem:forbidden"));
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("name", "改名"))
                .post("/api/assessment/org-units/district-a/rename")
                .then().statusCode(403);
    }

    @Test
    void anOrganizerCreatesAUnitInScope() {
        as(ORGANIZER).contentType(ContentType.JSON)
                .body(unit("street-1", "district-a"))
                .post("/api/assessment/org-units")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("path", equalTo("/city/district-a/street-1"))
                .body("level", equalTo("township"));

        as(LEADER_A).get("/api/assessment/org-units/street-1").then().statusCode(200)
                .body("name", equalTo("街道 street-1"));
        as(ORGANIZER).get("/api/assessment/org-units/district-a/children").then().statusCode(200)
                .body("code", hasItem("street-1"));
    }

    @Test
    void aDuplicateCodeIs409() {
        as(ORGANIZER).contentType(ContentType.JSON).body(unit("district-b", "district-a"))
                .post("/api/assessment/org-units")
                .then().statusCode(409)
                .body("type", equalTo("urn:party:problem:duplicate-code"))
                .body("errors.field", contains("code"));
    }

    @Test
    void badInputIs400NamingTheField() {
        as(ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("code", "bad/code", "name", "", "level", "township", "category", "street"))
                .post("/api/assessment/org-units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:party:problem:validation"))
                .body("errors.field", contains("code", "name"));

        as(ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("code", "s-9", "name", "x", "level", "galaxy", "category", "street", "parentCode", "city"))
                .post("/api/assessment/org-units")
                .then().statusCode(400)
                .body("errors.field", contains("level"));

        as(ORGANIZER).contentType(ContentType.JSON).body("{\"code\":")
                .post("/api/assessment/org-units")
                .then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unreadable-body"));

        as(ORGANIZER).get("/api/assessment/org-units?size=0").then().statusCode(400)
                .body("errors.field", contains("size"));

        as(ORGANIZER).contentType(ContentType.JSON).body(unit("s-10", "no-such-unit"))
                .post("/api/assessment/org-units")
                .then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-parent"));
    }

    @Test
    void aSiblingUnitDoesNotExistForYou() {
        as(LEADER_A).get("/api/assessment/org-units/district-b").then().statusCode(404)
                .contentType("application/problem+json");
        as(LEADER_A).get("/api/assessment/org-units/city").then().statusCode(404);
        as(LEADER_A).get("/api/assessment/org-units/district-b/children").then().statusCode(404);
        as(LEADER_A).get("/api/assessment/org-units/district-a").then().statusCode(200);
        as(LEADER_A).get("/api/assessment/org-units").then().statusCode(200)
                .body("items.path", everyItem(startsWith("/city/district-a")))
                .body("items.code", hasItem("district-a"));
        // a sibling cannot be used as a parent either, and the answer does not reveal that it exists
        as(TestTokens.token("organizer-a", "/city/district-a", "organizer")).contentType(ContentType.JSON)
                .body(unit("s-11", "district-b"))
                .post("/api/assessment/org-units")
                .then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-parent"));
    }

    @Test
    void theSearchFindsAPartOfTheNameOrCodeWithinScopeOnly() {
        as(ORGANIZER).queryParam("q", "B区").get("/api/assessment/org-units").then().statusCode(200)
                .body("items.code", hasItem("district-b")).body("items.code", not(hasItem("district-a")));
        as(ORGANIZER).queryParam("q", "DISTRICT-").get("/api/assessment/org-units").then().statusCode(200)
                .body("items.code", hasItems("district-a", "district-b")).body("items.code", not(hasItem("city")));
        as(ORGANIZER).queryParam("q", "%").get("/api/assessment/org-units").then().statusCode(200)
                .body("items", empty()); // a wildcard is a character, not "everything"
        as(LEADER_A).queryParam("q", "区委").get("/api/assessment/org-units").then().statusCode(200)
                .body("items.code", not(hasItem("district-b")));
    }

    @Test
    void aRootUnitNeedsAnAccountBoundToTheRoot() {
        as(ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("code", "province", "name", "省委", "level", "city", "category", "province"))
                .post("/api/assessment/org-units")
                .then().statusCode(403)
                .body("type", equalTo("urn:party:problem:outside-scope"));
    }

    @Test
    void anAccountWithoutOrgPathIsRefused() {
        as(TestTokens.token("nobody", null, "organizer")).get("/api/assessment/org-units").then().statusCode(403)
                .body("type", equalTo("urn:party:problem:no-org-scope"));
    }

    @Test
    void renamingChecksTheVersionTheCallerRead() {
        as(ORGANIZER).contentType(ContentType.JSON).body(unit("street-2", "district-a"))
                .post("/api/assessment/org-units").then().statusCode(201);
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("name", "二街道", "version", 0))
                .post("/api/assessment/org-units/street-2/rename")
                .then().statusCode(200).body("name", equalTo("二街道")).body("version", equalTo(1));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("name", "又改名", "version", 0))
                .post("/api/assessment/org-units/street-2/rename")
                .then().statusCode(409).body("type", equalTo("urn:party:problem:stale-version"));
    }

    @Test
    void movingAUnitCarriesItsSubtreeAndRefusesCycles() {
        as(ORGANIZER).contentType(ContentType.JSON).body(unit("street-3", "district-a"))
                .post("/api/assessment/org-units").then().statusCode(201);
        as(ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("code", "village-3", "name", "三村", "level", "grassroots", "category", "village",
                        "parentCode", "street-3"))
                .post("/api/assessment/org-units").then().statusCode(201);

        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("parentCode", "district-b"))
                .post("/api/assessment/org-units/street-3/move")
                .then().statusCode(200).body("path", equalTo("/city/district-b/street-3"));
        as(ORGANIZER).get("/api/assessment/org-units/village-3").then()
                .body("path", equalTo("/city/district-b/street-3/village-3"));
        as(LEADER_A).get("/api/assessment/org-units/village-3").then().statusCode(404);

        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("parentCode", "village-3"))
                .post("/api/assessment/org-units/street-3/move")
                .then().statusCode(409).body("type", equalTo("urn:party:problem:move-into-own-subtree"));
    }

    @Test
    void everyChangeLeavesThroughTheOutboxToOrgUnits() {
        as(ORGANIZER).contentType(ContentType.JSON).body(unit("street-4", "district-a"))
                .post("/api/assessment/org-units").then().statusCode(201);
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("name", "四街道"))
                .post("/api/assessment/org-units/street-4/rename").then().statusCode(200);

        var sink = messaging.sink("outbox");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sink.received().stream().filter(m -> "street-4".equals(key(m)))).hasSize(2));
        var sent = sink.received().stream().filter(m -> "street-4".equals(key(m))).toList();
        assertThat(sent).allSatisfy(m -> assertThat(m.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow()
                .getTopic()).isEqualTo("org.units"));
        var created = codec.read((String) sent.get(0).getPayload());
        var renamed = codec.read((String) sent.get(1).getPayload());
        assertThat(created.type()).isEqualTo("OrgUnitCreated");
        assertThat(created.source()).isEqualTo("assessment-service");
        assertThat(created.orgUnit()).isEqualTo("/city/district-a/street-4");
        assertThat(renamed.type()).isEqualTo("OrgUnitRenamed");
        OrgUnitState before = ((OrgUnitCreated) codec.event(created)).unit();
        OrgUnitState after = ((OrgUnitRenamed) codec.event(renamed)).unit();
        assertThat(after.name()).isEqualTo("四街道");
        assertThat(after.version()).isGreaterThan(before.version());
    }

    @Test
    void aUnitCreatedByMistakeIsDeactivatedKeptAndRefusedNewWork() {
        as(ORGANIZER).contentType(ContentType.JSON).body(unit("street-5", "district-a"))
                .post("/api/assessment/org-units").then().statusCode(201);
        as(ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("code", "village-5", "name", "五村", "level", "grassroots", "category", "village",
                        "parentCode", "street-5"))
                .post("/api/assessment/org-units").then().statusCode(201);

        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of())
                .post("/api/assessment/org-units/street-5/deactivate")
                .then().statusCode(409).body("type", equalTo("urn:party:problem:active-subunits"))
                .body("detail", containsString("village-5"));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of())
                .post("/api/assessment/org-units/village-5/deactivate").then().statusCode(200)
                .body("deactivated", equalTo(true));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("version", 5))
                .post("/api/assessment/org-units/street-5/deactivate")
                .then().statusCode(409).body("type", equalTo("urn:party:problem:stale-version"));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of())
                .post("/api/assessment/org-units/street-5/deactivate").then().statusCode(200);

        // kept, and named, but nothing new goes under it
        as(ORGANIZER).get("/api/assessment/org-units/street-5").then().statusCode(200)
                .body("name", equalTo("街道 street-5")).body("deactivated", equalTo(true));
        as(ORGANIZER).queryParam("q", "street-5").get("/api/assessment/org-units").then()
                .body("items.code", hasItem("street-5"));
        as(ORGANIZER).queryParam("q", "street-5").queryParam("active", true).get("/api/assessment/org-units").then()
                .body("items", empty());
        as(ORGANIZER).contentType(ContentType.JSON).body(unit("street-6", "street-5"))
                .post("/api/assessment/org-units").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:org-unit-deactivated"))
                .body("errors[0].field", equalTo("parentCode"));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of())
                .post("/api/assessment/org-units/village-5/reactivate").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:org-unit-deactivated"));

        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of())
                .post("/api/assessment/org-units/street-5/reactivate").then().statusCode(200)
                .body("deactivated", equalTo(false));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of())
                .post("/api/assessment/org-units/village-5/reactivate").then().statusCode(200);

        var sink = messaging.sink("outbox");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sink.received().stream()
                .filter(m -> "street-5".equals(key(m))).map(m -> codec.read((String) m.getPayload()).type()))
                .containsSubsequence("OrgUnitCreated", "OrgUnitDeactivated", "OrgUnitReactivated"));
    }

    @Test
    void onlyTheSideAboveDeactivatesAUnit() {
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of())
                .post("/api/assessment/org-units/district-a/deactivate").then().statusCode(403);
        String organizerA = TestTokens.token("organizer-a", "/city/district-a", "organizer");
        as(organizerA).contentType(ContentType.JSON).body(Map.of())
                .post("/api/assessment/org-units/district-a/deactivate").then().statusCode(403)
                .body("type", equalTo("urn:party:problem:forbidden"));
        as(organizerA).contentType(ContentType.JSON).body(Map.of())
                .post("/api/assessment/org-units/district-b/deactivate").then().statusCode(404);
        as(ORGANIZER).get("/api/assessment/org-units/district-a").then().body("deactivated", equalTo(false));
    }

    private static String key(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(m -> (String) m.getKey()).orElse(null);
    }

    private static Map<String, Object> unit(String code, String parent) {
        return Map.of("code", code, "name", "街道 " + code, "level", "township", "category", "street",
                "parentCode", parent);
    }

    private static void createIfMissing(String token, String code, String name, String level, String category,
                                        String parent) {
        if (as(token).get("/api/assessment/org-units/" + code).statusCode() == 404) {
            var body = new java.util.HashMap<String, Object>(Map.of("code", code, "name", name, "level", level,
                    "category", category));
            if (parent != null) {
                body.put("parentCode", parent);
            }
            as(token).contentType(ContentType.JSON).body(body).post("/api/assessment/org-units").then().statusCode(201);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
