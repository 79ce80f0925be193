package party.rectification;

import static org.awaitility.Awaitility.await;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import party.common.events.EventCodec;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.common.events.PersonRecorded;
import party.common.events.PersonState;
import party.testing.OtherUnitsRecordsLookUnknown;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * district-s's item and evidence, and a clue about its town (district-s's discipline reads clues about the units below
 * it), as seen from its sibling district-t: as if they did not exist.
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
        Fixtures.replicate(messaging, codec, "district-s", "district-t");
        Fixtures.send(messaging, codec, new OrgUnitState("town-s", "S镇", OrgLevel.TOWNSHIP, "town", "district-s",
                "/city/district-s/town-s", false, 0));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(INSPECTOR)
                .get("/api/rectification/org-units/town-s").then().statusCode(200));
        String item = as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("source", "INSPECTION",
                        "timingClass", "FULL", "problem", "阵地建设不达标", "unit", "district-s"))
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
        String evidence = as(Fixtures.leaderOf("district-s")).multiPart("file", "photo.png", png, "image/png")
                .post("/api/rectification/items/" + item + "/evidence").then().statusCode(201).extract().path("id");
        String clue = as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("unit", "town-s",
                        "summary", "问题线索", "details", "细节", "reporter", "某人"))
                .post("/api/rectification/clues").then().statusCode(201).extract().path("id");
        String task = as(Fixtures.ORGANIZER).contentType(ContentType.JSON).body(Map.of("title", "落实三会一课",
                        "units", java.util.List.of("district-s"), "deadline", "2099-12-31"))
                .post("/api/rectification/tasks").then().statusCode(201).extract().path("[0].id");
        String file = as(Fixtures.leaderOf("district-s")).multiPart("file", "photo.png", png, "image/png")
                .post("/api/rectification/tasks/" + task + "/evidence").then().statusCode(201).extract().path("id");
        UUID leader = UUID.randomUUID();
        messaging.source("persons").send(codec.write(codec.envelope(new PersonRecorded(new PersonState(leader,
                "S区书记", null, List.of(new PersonState.Held(UUID.randomUUID(), "district-s", "/city/district-s",
                        "SECRETARY", "书记（第一责任人）", LocalDate.of(2024, 1, 1), null)), 0)), "assessment-service",
                Instant.now())));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(owner())
                .get("/api/rectification/persons/" + leader + "/accountability").then().statusCode(200));
        return Map.of("items/{id}", item, "evidence/{evidenceId}", evidence, "clues/{id}", clue,
                "org-units/{code}", "district-s", "tasks/{id}", task, "evidence/{file}", file,
                "persons/{id}", leader.toString());
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
