package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.LocalPlatform;

/**
 * A year's assessment across the real stack: a scheme published, district-a and district-b self-assess, two
 * departments' reviewers score, a finding becomes a rectification item, a 述职评议 session sealed in ballot-service
 * and an overdue rectification item change the results as they arrive, the gradient names the level that breaks,
 * and leader-a never sees district-b.
 */
@ExtendWith(RunningPlatform.class)
class AssessmentEndToEndTest {

    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    private final LocalPlatform platform = RunningPlatform.platform();
    private final Keycloak keycloak = new Keycloak(platform);

    @Test
    void resultsFollowTheirInputsAcrossServices() {
        String organizer = keycloak.token("organizer");
        String leaderA = keycloak.token("leader-a");
        String leaderB = keycloak.token("leader-b");
        createIfMissing(organizer, Map.of("code", "e2e-street-a1", "name", "A区一街道", "level", "township",
                "category", "street", "parentCode", "district-a"));

        String scheme = as(organizer).contentType(ContentType.JSON).body(Map.of("year", YEAR, "orgUnit", "city",
                        "title", "端到端考核方案", "definition", definition()))
                .post("/api/assessment/schemes").then().statusCode(201).extract().path("id");
        String base = "/api/assessment/schemes/" + scheme;
        as(organizer).post(base + "/publish").then().statusCode(200);

        for (var entry : Map.of("ORG-1", 100, "ORG-2", 600, "RESP-1", 4, "RESP-2", 0).entrySet()) {
            entry(leaderA, base, "district-a", entry.getKey(), "self", entry.getValue()).statusCode(200);
        }
        for (var entry : Map.of("ORG-1", 100, "ORG-2", 320, "RESP-1", 3, "RESP-2", 1).entrySet()) {
            entry(leaderB, base, "district-b", entry.getKey(), "self", entry.getValue()).statusCode(200);
        }
        entry(leaderA, base, "district-b", "ORG-1", "self", 100).statusCode(404);

        // two departments' reviewers, each on its own indicators; district-b's 320 m² is a finding
        String reviewer = keycloak.token("reviewer");
        String reviewerDiscipline = keycloak.token("reviewer-discipline");
        entry(reviewer, base, "district-b", "ORG-2", "review", 320).statusCode(200);
        entry(reviewerDiscipline, base, "district-b", "ORG-2", "review", 600).statusCode(403);
        entry(reviewerDiscipline, base, "district-a", "RESP-2", "review", 0).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(leaderB)
                .get("/api/rectification/ledger?source=ASSESSMENT&size=200").then().statusCode(200)
                .body("items.findAll { it.problem.contains('E2E-ORG-2') }.size()", equalTo(1)));

        as(organizer).post(base + "/compute").then().statusCode(200);
        float districtABefore = total(organizer, base, "district-a");
        float districtBBefore = total(organizer, base, "district-b");

        // a district's 述职评议 cannot be about itself or its sibling: not by its own organizer (to whom the sibling
        // does not exist), not by the city's
        String organizerA = keycloak.onboard("organizer-a-" + java.util.UUID.randomUUID().toString().substring(0, 6),
                "/city/district-a", "organizer");
        for (var forged : List.of(List.of(organizerA, "district-a", "subject-not-below"),
                List.of(organizerA, "district-b", "unknown-org-unit"),
                List.of(organizer, "district-b", "subject-not-below"))) {
            as(forged.get(0)).contentType(ContentType.JSON).body(Map.of("orgUnit", "district-a", "title", "伪造的述职评议",
                            "date", YEAR + "-12-31", "year", YEAR, "categories", List.of(Map.of("code", "c1",
                                    "name", "区县", "subjects", List.of(Map.of("unit", forged.get(1)))))))
                    .post("/api/ballots/sessions").then().statusCode(400)
                    .body("type", equalTo("urn:party:problem:" + forged.get(2)));
        }

        // the city's session sealed in ballot-service (district-a 好 from everyone, district-b 一般), counted once named
        String session = SealedSessions.seal(platform, organizer, "city", "端到端述职评议", YEAR + "-12-31",
                "district-a", "district-b");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(organizer)
                .contentType(ContentType.JSON).body(Map.of("sessions", List.of(session)))
                .put(base + "/evaluation-sessions").then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            as(organizer).get(base + "/results/district-a").then().body("result.components.EVALUATION", equalTo(100.0f));
            as(organizer).get(base + "/results/district-b").then().body("result.components.EVALUATION", equalTo(60.0f));
        });
        assertThat(total(organizer, base, "district-a")).isNotEqualTo(districtABefore);
        assertThat(total(organizer, base, "district-b")).isNotEqualTo(districtBBefore);

        // an item found three weeks ago and due in 15 days goes overdue: district-a's result drops
        float beforeOverdue = total(organizer, base, "district-a");
        as(keycloak.token("inspector")).contentType(ContentType.JSON).body(Map.of("source", "INSPECTION",
                "timingClass", "IMMEDIATE", "problem", "发展党员程序不规范", "unit", "district-a",
                "foundOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(21).toString()))
                .post("/api/rectification/items").then().statusCode(201);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
                assertThat(total(organizer, base, "district-a")).isLessThan(beforeOverdue));

        // the streets assessed under the scheme report nothing yet: left out of the gradient, not a fake drop
        as(organizer).post(base + "/compute").then().statusCode(200);
        as(organizer).get(base + "/gradient").then().statusCode(200)
                .body("committees.find { it.path == '/city/district-a' }.belowWithoutData", greaterThan(0))
                .body("breaking", not(hasItem("/city/district-a")));

        // the assessed see nothing before announcement, then only their own subtree
        as(leaderA).get(base + "/results").then().statusCode(409);
        // a lock waits until every figure is a department's score or an accepted self-report
        as(organizer).post(base + "/lock").then().statusCode(409).body("type", equalTo("urn:party:problem:not-reviewed"));
        Map<String, List<String>> accepted = Map.of("district-a", List.of("ORG-1", "ORG-2", "RESP-1"),
                "district-b", List.of("ORG-1", "RESP-1", "RESP-2"));
        accepted.forEach((unit, codes) -> codes.forEach(code -> as(organizer).contentType(ContentType.JSON)
                .body(Map.of("reason", "台账齐全，认可自评")).post(base + "/units/" + unit + "/indicators/E2E-" + code
                        + "/accept").then().statusCode(200)));
        List<String> assessed = as(organizer).get(base + "/results").then().statusCode(200).extract().path("unit");
        for (String unit : assessed) {
            if (!accepted.containsKey(unit)) { // reported nothing: the departments score what they found
                for (String code : List.of("ORG-1", "ORG-2", "RESP-1")) {
                    entry(reviewer, base, unit, code, "review", 0).statusCode(200);
                }
                entry(reviewerDiscipline, base, unit, "RESP-2", "review", 0).statusCode(200);
            }
        }
        as(organizer).post(base + "/lock").then().statusCode(200);
        as(organizer).post(base + "/announce").then().statusCode(200);
        as(leaderA).get(base + "/results").then().statusCode(200)
                .body("unit", hasItem("district-a")).body("findAll { it.unit == 'district-b' }.size()", equalTo(0));
        as(leaderA).get(base + "/results/district-b").then().statusCode(404);
        as(leaderB).get(base + "/results/district-b").then().statusCode(200).body("result.grade", equalTo("一般"));
    }

    /** The e2e scheme, shared with the console test. */
    static Map<String, Object> definition() {
        return Map.of(
                "dimensions", List.of(
                        Map.of("code", "ORG", "name", "组织建设", "weight", 60, "indicators", List.of(
                                indicator("E2E-ORG-1", "支部建设达标率100%", 30, "organization",
                                        Map.of("kind", "THRESHOLD", "target", 100, "comparison", "AT_LEAST")),
                                indicator("E2E-ORG-2", "党群服务场所面积不低于500平方米", 30, "organization",
                                        Map.of("kind", "THRESHOLD", "target", 500, "comparison", "AT_LEAST", "unit", "m²")))),
                        Map.of("code", "RESP", "name", "党建责任落实", "weight", 40, "indicators", List.of(
                                indicator("E2E-RESP-1", "党委专题研究党建工作不少于4次", 20, "organization",
                                        Map.of("kind", "LINEAR", "target", 4, "comparison", "AT_LEAST")),
                                indicator("E2E-RESP-2", "党风廉政建设问题", 20, "discipline",
                                        Map.of("kind", "DEDUCTION", "perOccurrence", 5))))),
                "components", Map.of("ROUTINE", 10, "YEAR_END", 50, "EVALUATION", 20, "OPINION", 10, "RECTIFICATION", 10));
    }

    private static Map<String, Object> indicator(String code, String name, int points, String department,
                                                 Map<String, Object> method) {
        return Map.of("code", code, "name", name, "points", points, "department", department, "method", method);
    }

    private ValidatableResponse entry(String token, String base, String unit, String code, String kind, int value) {
        return as(token).contentType(ContentType.JSON).body(Map.of("value", value))
                .put(base + "/units/" + unit + "/indicators/E2E-" + code + "/" + kind).then();
    }

    private float total(String token, String base, String unit) {
        return as(token).get(base + "/results/" + unit).then().statusCode(200).extract().path("result.total");
    }

    private void createIfMissing(String token, Map<String, Object> unit) {
        int status = as(token).contentType(ContentType.JSON).body(new HashMap<>(unit)).post("/api/assessment/org-units")
                .then().extract().statusCode();
        assertThat(status).isIn(201, 409);
    }

    private RequestSpecification as(String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token);
    }
}
