package party.rectification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitDeactivated;
import party.common.events.OrgUnitState;
import party.testing.PostgresResource;

/** A unit deactivated in the registry keeps its items here, and nothing new is issued to it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DeactivatedUnitsTest {

    private static final String ITEMS = "/api/rectification/items";

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    @Test
    void aDeactivatedUnitKeepsItsItemsAndIsIssuedNothingNew() {
        Fixtures.replicate(messaging, codec, "district-x");
        String earlier = as(INSPECTOR).contentType(ContentType.JSON).body(item("district-x")).post(ITEMS).then()
                .statusCode(201).extract().path("id");

        var deactivated = new OrgUnitState("district-x", "district-x 区委", OrgLevel.COUNTY, "district", "city",
                "/city/district-x", true, 1);
        messaging.source("org-units").send(codec.write(codec.envelope(new OrgUnitDeactivated(deactivated),
                "assessment-service", Instant.now())));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(INSPECTOR)
                .get("/api/rectification/org-units/district-x").then().body("deactivated", equalTo(true)));

        as(INSPECTOR).contentType(ContentType.JSON).body(item("district-x")).post(ITEMS).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:org-unit-deactivated"))
                .body("errors.field", contains("unit"));
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("source", "INSPECTION", "timingClass", "FULL",
                        "problem", "督办单位已停用", "unit", "city", "supervisingUnit", "district-x")).post(ITEMS)
                .then().statusCode(409).body("errors.field", contains("supervisingUnit"));
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("title", "停用单位的任务", "units", List.of("district-x"),
                        "deadline", LocalDate.now().plusDays(30).toString())).post("/api/rectification/tasks")
                .then().statusCode(409).body("type", equalTo("urn:party:problem:org-unit-deactivated"));

        as(INSPECTOR).get(ITEMS + "/" + earlier).then().statusCode(200).body("item.unitName", equalTo("district-x 区委"));
        as(INSPECTOR).queryParam("unit", "district-x").get("/api/rectification/ledger").then().statusCode(200)
                .body("items.id", hasItem(earlier));
    }

    private static Map<String, Object> item(String unit) {
        return Map.of("source", "INSPECTION", "timingClass", "FULL", "problem", "停用前下发的问题", "unit", unit);
    }
}
