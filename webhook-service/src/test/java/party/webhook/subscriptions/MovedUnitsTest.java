package party.webhook.subscriptions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitCreated;
import party.common.events.OrgUnitEvent;
import party.common.events.OrgUnitMoved;
import party.common.events.OrgUnitState;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/** A subscription made for a town that moves to another district covers the town under its new path. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class MovedUnitsTest {

    private static final String ADMIN = TestTokens.token("admin", "/city", "admin");

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    @Test
    void aSubscriptionFollowsItsUnit() {
        send(new OrgUnitCreated(town("/city/district-w1/town-w", 0)));
        String subscription = given().auth().oauth2(TestTokens.token("town-oa", "/city/district-w1/town-w",
                        "integration")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://192.0.2.10/town-w", "eventTypes", List.of("RectificationItemIssued")))
                .post("/api/webhooks/subscriptions").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(ADMIN)
                .get("/api/webhooks/org-units/town-w").then().statusCode(200));

        send(new OrgUnitMoved(town("/city/district-w2/town-w", 1)));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(ADMIN)
                .get("/api/webhooks/subscriptions/" + subscription).then().statusCode(200)
                .body("orgPath", equalTo("/city/district-w2/town-w")));
        // its account, once an administrator has moved it too, manages it under the new path, and only there
        given().auth().oauth2(TestTokens.token("town-oa", "/city/district-w2/town-w", "integration"))
                .get("/api/webhooks/subscriptions/" + subscription).then().statusCode(200);
        given().auth().oauth2(TestTokens.token("town-oa", "/city/district-w1/town-w", "integration"))
                .get("/api/webhooks/subscriptions/" + subscription).then().statusCode(404);
    }

    private static OrgUnitState town(String path, long version) {
        String parent = path.split("/")[2];
        return new OrgUnitState("town-w", "W镇党委", OrgLevel.TOWNSHIP, "town", parent, path, false, version);
    }

    private void send(OrgUnitEvent event) {
        messaging.source("org-units").send(codec.write(codec.envelope(event, "assessment-service", Instant.now())));
    }
}
