package party.rectification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.time.Duration;
import java.time.Instant;
import party.common.events.EventCodec;
import party.common.events.OrgUnitCreated;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.testing.TestTokens;

/** Org units in the replica and the callers of the tests; each test works on its own district. */
final class Fixtures {

    static final String INSPECTOR = TestTokens.token("inspector", "/city", "inspector");
    static final String ORGANIZER = TestTokens.token("organizer", "/city", "organizer");
    static final String DISCIPLINE = TestTokens.token("discipline", "/city", "discipline");
    static final String DISCIPLINE_B = TestTokens.token("discipline-b", "/city/district-b", "discipline");

    private Fixtures() {
    }

    static String leaderOf(String district) {
        return TestTokens.token("leader-" + district, "/city/" + district, "unit-leader");
    }

    static void replicate(InMemoryConnector messaging, EventCodec codec, String... districts) {
        send(messaging, codec, new OrgUnitState("city", "市委", OrgLevel.CITY, "city", null, "/city", false, 0));
        for (String district : districts) {
            send(messaging, codec, new OrgUnitState(district, district + " 区委", OrgLevel.COUNTY, "district", "city",
                    "/city/" + district, false, 0));
        }
        String last = districts[districts.length - 1];
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                as(INSPECTOR).get("/api/rectification/org-units/" + last).then().statusCode(200));
    }

    static void send(InMemoryConnector messaging, EventCodec codec, OrgUnitState state) {
        messaging.source("org-units").send(codec.write(codec.envelope(new OrgUnitCreated(state), "assessment-service",
                Instant.now())));
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
