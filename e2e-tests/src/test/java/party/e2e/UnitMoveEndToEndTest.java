package party.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.LocalPlatform;

/**
 * Scope follows the unit, in every service: a town with an open item, a clue, a 述职评议 session and an OA
 * subscription moves from one district to another, both made for this test so that the demo districts keep their
 * records. The new district's accounts then find each record under the new path, and the old one's no longer do.
 */
@ExtendWith(RunningPlatform.class)
class UnitMoveEndToEndTest {

    private final LocalPlatform platform = RunningPlatform.platform();
    private final Keycloak keycloak = new Keycloak(platform);

    @Test
    void everyRecordOfAMovedTownIsFoundUnderItsNewPath() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String from = "mv-from-" + run;
        String to = "mv-to-" + run;
        String town = "town-mv-" + run;
        String oldPath = "/city/" + from + "/" + town;
        String newPath = "/city/" + to + "/" + town;
        String organizer = keycloak.token("organizer");
        for (String district : List.of(from, to)) {
            as(organizer).body(Map.of("code", district, "name", district + "区委", "level", "county", "category", "district",
                    "parentCode", "city")).post("/api/assessment/org-units").then().statusCode(201);
        }
        as(organizer).body(Map.of("code", town, "name", "迁移镇党委", "level", "township", "category", "town",
                "parentCode", from)).post("/api/assessment/org-units").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String service : List.of("rectification", "ballots", "webhooks")) {
                as(organizer).get("/api/" + service + "/org-units/" + town).then().statusCode(200);
            }
        });
        String inspectorA = keycloak.onboard("inspector-from-" + run, "/city/" + from, "inspector");

        String item = as(inspectorA).body(Map.of("source", "INSPECTION", "timingClass", "FULL",
                        "problem", "三会一课记录不全", "unit", town))
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
        String clue = as(keycloak.token("inspector")).body(Map.of("unit", town, "summary", "干部作风问题线索",
                        "details", "详见来信", "reporter", "群众来信"))
                .post("/api/rectification/clues").then().statusCode(201).extract().path("id");
        String session = as(organizer).body(Map.of("orgUnit", town, "title", "村党组织书记述职评议",
                        "date", "2026-12-20", "year", 2026, "categories", List.of(Map.of("code", "c1", "name", "村党组织书记",
                                "topCap", 1, "subjects", List.of(Map.of("id", "p1", "name", "张三"))))))
                .post("/api/ballots/sessions").then().statusCode(201).extract().path("id");
        String subscription = as(keycloak.onboard("oa-" + run, oldPath, "integration"))
                .body(Map.of("url", "https://192.0.2.10/" + town, "eventTypes", List.of("RectificationItemIssued")))
                .post("/api/webhooks/subscriptions").then().statusCode(201).extract().path("id");

        String disciplineA = keycloak.onboard("discipline-from-" + run, "/city/" + from, "discipline");
        String inspectorB = keycloak.onboard("inspector-to-" + run, "/city/" + to, "inspector");
        String organizerB = keycloak.onboard("organizer-to-" + run, "/city/" + to, "organizer");
        String disciplineB = keycloak.onboard("discipline-to-" + run, "/city/" + to, "discipline");
        String organizerA = keycloak.onboard("organizer-from-" + run, "/city/" + from, "organizer");
        as(organizerA).get("/api/ballots/sessions/" + session).then().statusCode(200);
        as(inspectorB).get("/api/rectification/items/" + item).then().statusCode(404);
        as(disciplineA).get("/api/rectification/clues/" + clue).then().statusCode(200);
        as(organizerB).get("/api/ballots/sessions/" + session).then().statusCode(404);

        as(organizer).body(Map.of("parentCode", to)).post("/api/assessment/org-units/" + town + "/move")
                .then().statusCode(200).body("path", equalTo(newPath));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            as(inspectorB).get("/api/rectification/items/" + item).then().statusCode(200)
                    .body("item.unitPath", equalTo(newPath)).body("item.issuingUnitPath", equalTo("/city/" + to));
            as(organizerB).get("/api/ballots/sessions/" + session).then().statusCode(200)
                    .body("orgPath", equalTo(newPath));
            as(keycloak.token("admin")).get("/api/webhooks/subscriptions/" + subscription).then().statusCode(200)
                    .body("orgPath", equalTo(newPath));
        });
        as(organizerB).get("/api/assessment/org-units/" + town).then().statusCode(200);
        as(disciplineB).get("/api/rectification/clues/" + clue).then().statusCode(200);
        // the old district let go of the town: the same answer as for records that do not exist
        as(inspectorA).get("/api/rectification/items/" + item).then().statusCode(404);
        as(disciplineA).get("/api/rectification/clues/" + clue).then().statusCode(404);
        as(inspectorB).contentType(ContentType.JSON).body(Map.of()).post("/api/rectification/items/" + item
                + "/plan/approve").then().statusCode(409); // the new district checks it now: refused only for its state
        as(organizerA).get("/api/ballots/sessions/" + session).then().statusCode(404);
        as(organizerA).get("/api/assessment/org-units/" + town).then().statusCode(404);
    }

    private RequestSpecification as(String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
