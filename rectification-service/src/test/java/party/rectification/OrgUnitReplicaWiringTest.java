package party.rectification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.OrgUnitCreated;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/** rectification-service wires the shared replica to its own database and API root. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OrgUnitReplicaWiringTest {

    @Inject
    @Any
    InMemoryConnector messaging;

    @Inject
    EventCodec codec;

    @Test
    void theReplicaIsServedUnderTheRectificationApi() {
        var state = new OrgUnitState("district-a", "A区委", OrgLevel.COUNTY, "district", "city", "/city/district-a", false, 0);
        messaging.source("org-units").send(codec.write(codec.envelope(new OrgUnitCreated(state), "assessment-service",
                Instant.now())));

        String inspector = TestTokens.token("inspector", "/city", "inspector");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(inspector)
                .get("/api/rectification/org-units/district-a").then().statusCode(200).body("name", equalTo("A区委")));
        given().auth().oauth2(TestTokens.token("leader-b", "/city/district-b", "unit-leader"))
                .get("/api/rectification/org-units/district-a").then().statusCode(404);
        given().get("/api/rectification/org-units").then().statusCode(401);
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/rectification/org-units'.get", org.hamcrest.Matchers.notNullValue());
    }
}
