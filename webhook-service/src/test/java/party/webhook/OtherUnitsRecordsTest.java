package party.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import party.common.events.BallotResultsSealed;
import party.common.events.EventCodec;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitCreated;
import party.common.events.OrgUnitState;
import party.testing.OtherUnitsRecordsLookUnknown;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * district-s's subscription, its parked delivery and the unit itself, as seen from its sibling district-t: as if
 * they did not exist.
 */
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
        for (OrgUnitState unit : List.of(new OrgUnitState("city", "市委", OrgLevel.CITY, "city", null, "/city", false, 0),
                new OrgUnitState("district-s", "S区委", OrgLevel.COUNTY, "district", "city", "/city/district-s", false, 0),
                new OrgUnitState("district-t", "T区委", OrgLevel.COUNTY, "district", "city", "/city/district-t", false, 0))) {
            messaging.source("org-units").send(codec.write(codec.envelope(new OrgUnitCreated(unit),
                    "assessment-service", Instant.now())));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().auth().oauth2(owner()).get("/api/webhooks/org-units/district-s").then().statusCode(200));
        // nothing listens on a port just freed: every attempt fails at once and the delivery is parked
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String subscription = given().auth().oauth2(owner()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + closedPort + "/hooks", "eventTypes", List.of("BallotResultsSealed")))
                .post("/api/webhooks/subscriptions").then().statusCode(201).extract().path("id");
        messaging.source("ballot-results").send(codec.write(codec.envelope(new BallotResultsSealed(UUID.randomUUID(),
                "district-s", "/city/district-s", "述职评议", null, 2026, List.of(), null, List.of()),
                "ballot-service", Instant.now())));
        String delivery = await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(owner())
                .get("/api/webhooks/subscriptions/" + subscription + "/deliveries?state=PARKED").then().statusCode(200)
                .extract().<String>path("items[0].id"), id -> id != null);
        return Map.of("subscriptions/{id}", subscription, "deliveries/{id}", delivery, "org-units/{code}", "district-s");
    }

    @Override
    protected String outsider() {
        return TestTokens.everyRole("outsider", "/city/district-t");
    }

    @Override
    protected String owner() {
        return TestTokens.everyRole("owner", "/city/district-s");
    }
}
