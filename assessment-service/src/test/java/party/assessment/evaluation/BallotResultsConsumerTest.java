package party.assessment.evaluation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.common.events.BallotResultsSealed;
import party.common.events.EventCodec;
import party.testing.PostgresResource;
import party.testing.TestTokens;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class BallotResultsConsumerTest {

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    @Test
    void aSealedTallyBecomesTheEvaluationComponentOnce() {
        String admin = TestTokens.token("admin", "/", "admin");
        for (var unit : List.of(Map.of("code", "city", "name", "市委", "level", "city", "category", "city"),
                Map.of("code", "district-a", "name", "A区委", "level", "county", "category", "district", "parentCode", "city"),
                Map.of("code", "district-b", "name", "B区委", "level", "county", "category", "district", "parentCode", "city"))) {
            if (given().auth().oauth2(admin).get("/api/assessment/org-units/" + unit.get("code")).statusCode() == 404) {
                given().auth().oauth2(admin).contentType(ContentType.JSON).body(unit)
                        .post("/api/assessment/org-units").then().statusCode(201);
            }
        }
        UUID session = UUID.randomUUID();
        var type = new BallotResultsSealed.TypeResult(Map.of("好", 3, "较好", 1), 4, 1, new BigDecimal("0.75"), new BigDecimal("95"));
        var sealed = new BallotResultsSealed(session, "city", "/city", "2026年度述职评议", LocalDate.parse("2026-12-20"), 2026, List.of(), "ab".repeat(32),
                List.of(new BallotResultsSealed.SubjectResult("c1", "district-a", BallotResultsSealed.SubjectKind.UNIT, "A区委", new BigDecimal("95"), 1, Map.of("A", type)),
                        new BallotResultsSealed.SubjectResult("c1", "district-b", BallotResultsSealed.SubjectKind.UNIT, "B区委", new BigDecimal("90"), 2, Map.of("A", type))));
        var event = codec.envelope(sealed, "ballot-service", Instant.now());
        messaging.source("ballot-results").send(codec.write(event));
        messaging.source("ballot-results").send(codec.write(event)); // redelivered: recorded once

        String organizer = TestTokens.token("organizer", "/city", "organizer");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(organizer)
                .get("/api/assessment/evaluation-results").then().statusCode(200).body("$", hasSize(2)));
        given().auth().oauth2(organizer).get("/api/assessment/evaluation-results?subject=district-a").then()
                .body("rank", contains(1)).body("[0].byType.A.counts.好", equalTo(3)).body("[0].digest", equalTo("ab".repeat(32)));
        // a district leader sees its own result, not its sibling's
        given().auth().oauth2(TestTokens.token("leader-a", "/city/district-a", "unit-leader"))
                .get("/api/assessment/evaluation-results").then().statusCode(200).body("subject", contains("district-a"));
        given().auth().oauth2(TestTokens.token("voter-a", "/city/district-a", "voter"))
                .get("/api/assessment/evaluation-results").then().statusCode(403);
    }
}
