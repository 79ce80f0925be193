package party.rectification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitMoved;
import party.common.events.OrgUnitState;
import party.rectification.items.DeadlineScan;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * Scope follows the unit: town-m moves, with its village, from district-m1 to district-m2. Its items, the items it
 * issued, its escalations and the clue about it are then found and checked under the new path, and no longer
 * under the old.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class MovedUnitsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String OLD = "/city/district-m1/town-m";
    private static final String NEW = "/city/district-m2/town-m";
    private static final String OLD_DISTRICT = TestTokens.everyRole("m1-staff", "/city/district-m1");
    private static final String NEW_DISTRICT = TestTokens.everyRole("m2-staff", "/city/district-m2");

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DeadlineScan scan;

    @Test
    void recordsAreFoundCheckedAndEscalatedUnderTheNewPath() {
        MovedCalendar.moveTo(TODAY);
        Fixtures.replicate(messaging, codec, "district-m1", "district-m2");
        Fixtures.send(messaging, codec, town(OLD, "district-m1", 0));
        Fixtures.send(messaging, codec, village(OLD, 0));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(OLD_DISTRICT)
                .get("/api/rectification/org-units/village-m").then().statusCode(200));

        String fromDistrict = issue(OLD_DISTRICT, "town-m", "INSPECTION", "FULL", TODAY.plusDays(5));
        String fromTown = issue(TestTokens.everyRole("town-staff", OLD), "village-m", "INSPECTION", "FULL",
                TODAY.plusDays(90));
        String clue = as(Fixtures.DISCIPLINE).contentType(ContentType.JSON).body(Map.of("unit", "town-m",
                        "summary", "干部作风问题线索", "details", "反映镇党委书记作风问题", "reporter", "匿名"))
                .post("/api/rectification/clues").then().statusCode(201).extract().path("id");
        MovedCalendar.moveTo(TODAY.plusDays(6));
        scan.scan();
        as(OLD_DISTRICT).get("/api/rectification/ledger/escalated").then().body("items.id", hasItem(fromDistrict));

        move(town(NEW, "district-m2", 1));
        move(village(NEW, 1));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(NEW_DISTRICT).get(item(fromTown)).then()
                .statusCode(200).body("item.unitPath", equalTo(NEW + "/village-m")));

        // the old district has lost the unit: its item, its escalation, its clue
        as(OLD_DISTRICT).get(item(fromDistrict)).then().statusCode(404);
        as(OLD_DISTRICT).get("/api/rectification/ledger/escalated").then().body("items.id", not(hasItem(fromDistrict)));
        as(OLD_DISTRICT).get("/api/rectification/clues/" + clue).then().statusCode(404);
        as(TestTokens.token("old-leader", OLD, "unit-leader")).get(item(fromDistrict)).then().statusCode(404);

        // the new district sees them, is escalated to and checks what the old one issued; the town answers
        String newLeader = TestTokens.token("town-leader", NEW, "unit-leader");
        as(NEW_DISTRICT).get(item(fromDistrict)).then().statusCode(200)
                .body("item.unitPath", equalTo(NEW)).body("item.issuingUnitPath", equalTo("/city/district-m2"));
        as(NEW_DISTRICT).get("/api/rectification/ledger/escalated").then().body("items.id", contains(fromDistrict))
                .body("items[0].escalatedTo", equalTo("/city/district-m2"));
        as(NEW_DISTRICT).get("/api/rectification/ledger?unit=town-m").then().body("total", equalTo(2));
        as(newLeader).contentType(ContentType.JSON).body(Map.of("measures", "限期整改"))
                .post(item(fromDistrict) + "/plan").then().statusCode(200);
        as(NEW_DISTRICT).contentType(ContentType.JSON).body(Map.of()).post(item(fromDistrict) + "/plan/approve")
                .then().statusCode(200);
        // what the town issued is still the town's to check, under its new path
        as(TestTokens.everyRole("town-staff", NEW)).get(item(fromTown)).then().statusCode(200)
                .body("item.issuingUnitPath", equalTo(NEW));
        as(TestTokens.token("m2-discipline", "/city/district-m2", "discipline"))
                .get("/api/rectification/clues/" + clue).then().statusCode(200);
        as(NEW_DISTRICT).get("/api/rectification/ledger/figures?unit=town-m").then()
                .body("path", contains(NEW, NEW + "/village-m"));
        // rolled up, as the district reads its towns: the town counts its village's items too
        int town = as(NEW_DISTRICT).get("/api/rectification/ledger?unit=town-m").then().extract().path("total");
        as(NEW_DISTRICT).get("/api/rectification/ledger/figures?unit=district-m2&rollup=true").then().statusCode(200)
                .body("find { it.unit == 'town-m' }.items", equalTo(town))
                .body("find { it.unit == 'town-m' }.path", equalTo(NEW))
                .body("unit", not(hasItem("village-m")));
    }

    private void move(OrgUnitState state) {
        messaging.source("org-units").send(codec.write(codec.envelope(new OrgUnitMoved(state), "assessment-service",
                Instant.now())));
    }

    private static OrgUnitState town(String path, String parent, long version) {
        return new OrgUnitState("town-m", "M镇党委", OrgLevel.TOWNSHIP, "town", parent, path, false, version);
    }

    private static OrgUnitState village(String townPath, long version) {
        return new OrgUnitState("village-m", "M村党支部", OrgLevel.GRASSROOTS, "village", "town-m",
                townPath + "/village-m", false, version);
    }

    private static String issue(String token, String unit, String source, String timing, LocalDate deadline) {
        return as(token).contentType(ContentType.JSON).body(Map.of("source", source, "timingClass", timing,
                        "problem", "三会一课制度落实不到位", "unit", unit, "deadline", deadline.toString()))
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
    }

    private static String item(String id) {
        return "/api/rectification/items/" + id;
    }
}
