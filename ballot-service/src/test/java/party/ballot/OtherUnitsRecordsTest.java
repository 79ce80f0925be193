package party.ballot;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import party.common.events.EventCodec;
import party.common.events.OrgUnitCreated;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.testing.OtherUnitsRecordsLookUnknown;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/** A session of district-s, as seen from its sibling district-t: as if it did not exist. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OtherUnitsRecordsTest extends OtherUnitsRecordsLookUnknown {

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    @Override
    protected Map<String, String> records() {
        replicate(new OrgUnitState("city", "市委", OrgLevel.CITY, "city", null, "/city", false, 0));
        for (String district : List.of("district-s", "district-t")) {
            replicate(new OrgUnitState(district, district + " 区委", OrgLevel.COUNTY, "district", "city", "/city/" + district, false, 0));
        }
        for (String town : List.of("town-s1", "town-s2")) {
            replicate(new OrgUnitState(town, town + " 街道", OrgLevel.TOWNSHIP, "street", "district-s",
                    "/city/district-s/" + town, false, 0));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().auth().oauth2(owner()).get("/api/ballots/org-units/town-s2").then().statusCode(200));
        String session = given().auth().oauth2(owner()).contentType(ContentType.JSON).body(Map.of("orgUnit", "district-s",
                        "title", "街道书记述职评议", "date", "2026-12-20", "year", 2026, "categories", List.of(Map.of("code", "c1",
                                "name", "街道", "topRatio", 0.5, "subjects",
                                List.of(Map.of("unit", "town-s1"), Map.of("unit", "town-s2"))))))
                .post("/api/ballots/sessions").then().statusCode(201).extract().path("id");
        // open, with the owner bound as a voter, so that every read of the session finds it
        given().auth().oauth2(owner()).contentType(ContentType.JSON).body(Map.of("ballotType", "A", "accounts", List.of("owner")))
                .post("/api/ballots/sessions/" + session + "/voters").then().statusCode(200);
        given().auth().oauth2(owner()).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
        return Map.of("sessions/{id}", session, "org-units/{code}", "district-s");
    }

    @Override
    protected Set<String> unscoped() {
        // a one-time code is the credential itself: it names a ballot to whoever holds it, whatever their unit
        return Set.of("GET /api/ballots/cast/{code}");
    }

    @Override
    protected String outsider() {
        return TestTokens.everyRole("outsider", "/city/district-t");
    }

    @Override
    protected String owner() {
        return TestTokens.everyRole("owner", "/city/district-s");
    }

    private void replicate(OrgUnitState state) {
        messaging.source("org-units").send(codec.write(codec.envelope(new OrgUnitCreated(state), "assessment-service",
                Instant.now())));
    }
}
