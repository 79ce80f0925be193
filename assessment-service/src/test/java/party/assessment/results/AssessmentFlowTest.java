package party.assessment.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.testing.PrintedSheets;
import party.assessment.inputs.Sheets;
import party.common.events.BallotResultsSealed;
import party.common.events.EventCodec;
import party.common.events.RectificationItemClosed;
import party.common.events.RectificationItemEvent;
import party.common.events.RectificationItemOverdue;
import party.common.events.RectificationItemReopened;
import party.common.events.RectificationItemWithdrawn;
import party.common.events.RectificationItemState;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * A year's assessment from scheme to announced results: self-assessment, department review, an objection, routine
 * checks, opinion, a sealed 述职评议 session and an overdue rectification item feeding the results as they arrive,
 * grades and ranks, calibration, the pressure gradient, locking with its events, and what each side may see.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class AssessmentFlowTest {

    private static final String ADMIN = TestTokens.token("admin", "/", "admin");
    private static final String ORGANIZER = TestTokens.token("organizer", "/metro", "organizer");
    private static final String LEADER_A = TestTokens.token("leader-a", "/metro/metro-a", "unit-leader");
    private static final String LEADER_B = TestTokens.token("leader-b", "/metro/metro-b", "unit-leader");
    private static final String REVIEWER = TestTokens.reviewer("reviewer", "/metro", "organization");
    private static final String REVIEWER_DISCIPLINE = TestTokens.reviewer("reviewer-discipline", "/metro", "discipline");
    private static final String OA = TestTokens.token("oa", "/metro", "integration");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DataSource db;

    @BeforeEach
    void hierarchy() {
        // a city of its own, so units other test classes add elsewhere do not join this assessment
        unit("metro", "M市委", "city", "city", null);
        unit("metro-a", "M市A区委", "county", "district", "metro");
        unit("metro-b", "M市B区委", "county", "district", "metro");
        unit("metro-a1", "A区一街道", "township", "street", "metro-a");
        unit("metro-b1", "B区一街道", "township", "street", "metro-b");
    }

    static Map<String, Object> definition(int orgWeight) {
        return Map.of(
                "dimensions", List.of(
                        Map.of("code", "ORG", "name", "组织建设", "weight", orgWeight, "indicators", List.of(
                                indicator("ORG-1", "支部建设达标率100%", 30, "organization",
                                        Map.of("kind", "THRESHOLD", "target", 100, "comparison", "AT_LEAST", "unit", "%")),
                                indicator("ORG-2", "党群服务场所面积不低于500平方米", 30, "organization",
                                        Map.of("kind", "THRESHOLD", "target", 500, "comparison", "AT_LEAST", "unit", "m²")))),
                        Map.of("code", "RESP", "name", "党建责任落实", "weight", 40, "indicators", List.of(
                                indicator("RESP-1", "党委专题研究党建工作不少于4次", 20, "organization",
                                        Map.of("kind", "LINEAR", "target", 4, "comparison", "AT_LEAST", "unit", "次")),
                                indicator("RESP-2", "党风廉政建设问题", 20, "discipline",
                                        Map.of("kind", "DEDUCTION", "perOccurrence", 5, "unit", "起")),
                                indicator("VETO-1", "发生严重违纪违法案件", null, "discipline",
                                        Map.of("kind", "VETO", "capGrade", "一般"))))),
                "components", Map.of("ROUTINE", 10, "YEAR_END", 50, "EVALUATION", 20, "OPINION", 10, "RECTIFICATION", 10),
                "topQuota", 0.5);
    }

    private static Map<String, Object> indicator(String code, String name, Integer points, String department,
                                                 Map<String, Object> method) {
        var indicator = new java.util.HashMap<String, Object>(Map.of("code", code, "name", name,
                "department", department, "method", method));
        if (points != null) {
            indicator.put("points", points);
        }
        return indicator;
    }

    @Test
    void aYearsAssessmentFromSchemeToAnnouncedResults() throws Exception {
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2026, "orgUnit", "metro", "title", "x",
                        "definition", definition(50))).post("/api/assessment/schemes").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:invalid-scheme"))
                .body("errors[0].field", equalTo("definition.dimensions"));
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("year", 2026, "orgUnit", "metro", "title", "x",
                "definition", definition(60))).post("/api/assessment/schemes").then().statusCode(403);
        String scheme = as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2026, "orgUnit", "metro",
                        "title", "2026年度县区党委书记抓基层党建考核", "definition", definition(60)))
                .post("/api/assessment/schemes").then().statusCode(201).body("state", equalTo("DRAFT"))
                .extract().path("id");
        String base = "/api/assessment/schemes/" + scheme;

        self(LEADER_A, scheme, "metro-a", "ORG-1", 100).statusCode(409); // not published yet
        as(ORGANIZER).post(base + "/publish").then().statusCode(200).body("state", equalTo("PUBLISHED"));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2026, "orgUnit", "metro", "title", "改",
                "definition", definition(60))).put(base).then().statusCode(409);
        as(LEADER_A).get(base).then().statusCode(200); // the assessed unit sees the scheme that assesses it
        as(LEADER_A).get("/api/assessment/schemes?year=2026").then().statusCode(200)
                .body("items.id", hasItem(scheme));
        as(TestTokens.token("organizer-x", "/elsewhere", "organizer")).get(base).then().statusCode(404);

        // self-assessment, each unit its own
        self(LEADER_A, scheme, "metro-a", "ORG-1", 100).statusCode(200);
        self(LEADER_A, scheme, "metro-a", "ORG-2", 520).statusCode(200);
        self(LEADER_A, scheme, "metro-a", "RESP-1", 4).statusCode(200);
        self(LEADER_A, scheme, "metro-a", "RESP-2", 0).statusCode(200);
        self(LEADER_A, scheme, "metro-b", "ORG-1", 100).statusCode(404);
        self(LEADER_B, scheme, "metro-b", "ORG-1", 100).statusCode(200);
        self(LEADER_B, scheme, "metro-b", "ORG-2", 450).statusCode(200);
        self(LEADER_B, scheme, "metro-b", "RESP-1", 2).statusCode(200);
        self(LEADER_B, scheme, "metro-b", "RESP-2", 1).statusCode(200);
        as(LEADER_B).get(base + "/units/metro-a/indicators").then().statusCode(404);
        // each figure fits its method: no negatives, whole occurrences, a grade only where the method has grades
        self(LEADER_A, scheme, "metro-a", "RESP-2", -1).statusCode(400)
                .body("type", equalTo("urn:party:problem:invalid-measure")).body("errors[0].field", equalTo("value"));
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("value", 1.5))
                .put(base + "/units/metro-a/indicators/RESP-2/self").then().statusCode(400);
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("grade", "E"))
                .put(base + "/units/metro-a/indicators/ORG-2/self").then().statusCode(400)
                .body("errors[0].field", equalTo("grade"));
        review(REVIEWER, scheme, "metro-a", "ORG-2", -5).statusCode(400);
        assertThat(outbox("IndicatorFindingRaised", "metro-a")).isZero();
        as(LEADER_A).get(base + "/units/metro-a/indicators").then().statusCode(200).body("size()", equalTo(4));

        // each department's queue: the reports on its own indicators, oldest first, with the unit's name and evidence
        as(REVIEWER).get(base + "/review-queue?size=50").then().statusCode(200).body("total", equalTo(6))
                .body("items.indicator", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.in(List.of("ORG-1", "ORG-2", "RESP-1"))))
                .body("items.find { it.unit == 'metro-b' && it.indicator == 'ORG-2' }.unitName", equalTo("M市B区委"))
                .body("items.find { it.unit == 'metro-b' && it.indicator == 'ORG-2' }.selfBy", equalTo("leader-b"))
                .body("items[0].indicatorName", equalTo("支部建设达标率100%")).body("items[0].evidence", equalTo("见附件"));
        as(REVIEWER_DISCIPLINE).get(base + "/review-queue").then().statusCode(200).body("total", equalTo(2))
                .body("items.indicator", org.hamcrest.Matchers.everyItem(equalTo("RESP-2")));
        // not for the units under review, nor for an organizer (who accepts, never scores)
        as(TestTokens.reviewer("reviewer-a", "/metro/metro-a", "organization")).get(base + "/review-queue").then()
                .statusCode(404);
        // and a reviewer bound to the unit under review never scores its report: the committee running it does
        review(TestTokens.reviewer("reviewer-a", "/metro/metro-a", "organization"), scheme, "metro-a", "ORG-1", 100)
                .statusCode(404);
        as(ORGANIZER).get(base + "/review-queue").then().statusCode(403);

        // each department scores only its own indicators; a score under 60 % of the points is a finding, raised once
        review(REVIEWER_DISCIPLINE, scheme, "metro-b", "ORG-2", 300).statusCode(403)
                .body("type", equalTo("urn:party:problem:other-department"));
        review(REVIEWER, scheme, "metro-b", "ORG-2", 300).statusCode(200);
        review(REVIEWER, scheme, "metro-b", "ORG-2", 300).statusCode(200);
        assertThat(outbox("IndicatorFindingRaised", "metro-b")).isEqualTo(1);
        // a review corrected before the lock withdraws the finding it raised, once
        review(REVIEWER, scheme, "metro-a", "RESP-1", 1).statusCode(200);
        assertThat(outbox("IndicatorFindingRaised", "metro-a")).isEqualTo(1);
        review(REVIEWER, scheme, "metro-a", "RESP-1", 4).statusCode(200);
        review(REVIEWER, scheme, "metro-a", "RESP-1", 4).statusCode(200);
        assertThat(outbox("IndicatorFindingWithdrawn", "metro-a")).isEqualTo(1);
        self(LEADER_B, scheme, "metro-b", "ORG-2", 600).statusCode(409); // frozen once scored
        as(REVIEWER).get(base + "/review-queue?size=50").then().statusCode(200).body("total", equalTo(4))
                .body("items.find { it.unit == 'metro-b' && it.indicator == 'ORG-2' }", nullValue());

        // one objection, answered by the organization department
        String objection = base + "/units/metro-b/indicators/ORG-2/objection";
        as(LEADER_B).contentType(ContentType.JSON).body(Map.of("reason", "新建场所已投入使用")).post(objection)
                .then().statusCode(200);
        as(LEADER_B).contentType(ContentType.JSON).body(Map.of("reason", "再次申诉")).post(objection)
                .then().statusCode(409).body("type", equalTo("urn:party:problem:objection-used"));
        // the committee's view of how far each unit has come: reported, settled by a score, objections open
        as(ORGANIZER).get(base + "/progress").then().statusCode(200)
                .body("items.find { it.unit == 'metro-a' }.unitName", equalTo("M市A区委"))
                .body("items.find { it.unit == 'metro-a' }.indicators", equalTo(5)) // the veto's too
                .body("items.find { it.unit == 'metro-a' }.reported", equalTo(4))
                .body("items.find { it.unit == 'metro-a' }.settled", equalTo(1))
                .body("items.find { it.unit == 'metro-a' }.objections", equalTo(0))
                .body("items.find { it.unit == 'metro-b' }.settled", equalTo(1))
                .body("items.find { it.unit == 'metro-b' }.objections", equalTo(1));
        as(REVIEWER).get(base + "/progress").then().statusCode(403);
        as(TestTokens.token("organizer-a", "/metro/metro-a", "organizer")).get(base + "/progress").then()
                .statusCode(404); // the unit assessed never reads the scheme's progress as its committee does
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("note", "经复核，新场所尚未验收，维持原评分"))
                .post(objection + "/resolve").then().statusCode(200).body("resolvedBy", equalTo("organizer"));

        // routine checks, opinion posted by an OA system and imported from a survey sheet
        routine(scheme, "metro-a", 90);
        routine(scheme, "metro-b", 80);
        as(OA).contentType(ContentType.JSON).body(Map.of("unit", "metro-a", "satisfaction", 95, "source", "民意调查系统"))
                .put(base + "/opinion").then().statusCode(200);
        as(ORGANIZER).contentType("text/csv").body("单位,满意度\nmetro-b,70\n").post(base + "/opinion/import").then()
                .statusCode(200).body("imported", equalTo(1));
        as(ORGANIZER).contentType(XLSX).body(Sheets.survey("metro-b", 70)).post(base + "/opinion/import").then()
                .statusCode(200).body("imported", equalTo(1));
        as(ORGANIZER).contentType("text/csv").body("metro-b,170\n").post(base + "/opinion/import").then()
                .statusCode(400).body("type", equalTo("urn:party:problem:invalid-sheet-row"));
        as(ORGANIZER).post(base + "/compute").then().statusCode(200).body("computed", equalTo(4));

        // sealed 述职评议 sessions arrive; the scheme counts only the city's, once its organizer names it
        UUID city = UUID.randomUUID();
        UUID forged = UUID.randomUUID(); // held by metro-a, dated the year's end, all 好 for its sibling
        UUID lastYear = UUID.randomUUID();
        messaging.source("ballot-results").send(sealed(city, "/metro", 2026, "metro-a", "100", "metro-b", "60"));
        messaging.source("ballot-results").send(sealed(forged, "/metro/metro-a", 2026, "metro-b", "100", "metro-a1", "100"));
        messaging.source("ballot-results").send(sealed(lastYear, "/metro", 2025, "metro-a", "40", "metro-b", "40"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(ORGANIZER).get("/api/assessment/evaluation-results")
                .then().statusCode(200).body("sessionId", hasItems(city.toString(), forged.toString(), lastYear.toString())));
        as(ORGANIZER).get(base + "/results/metro-b").then().body("result.components", not(hasKey("EVALUATION")));
        String counted = base + "/evaluation-sessions";
        for (var refused : Map.of(forged, "held by /metro/metro-a", lastYear, "is for 2025").entrySet()) {
            as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("sessions", List.of(city, refused.getKey())))
                    .put(counted).then().statusCode(400).body("type", equalTo("urn:party:problem:session-not-countable"))
                    .body("detail", containsString(refused.getValue()));
        }
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("sessions", List.of(forged))).put(counted).then()
                .statusCode(403);
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("sessions", List.of(city))).put(counted).then()
                .statusCode(200).body("sessionId", contains(city.toString())).body("[0].subjects", equalTo(2));
        as(ORGANIZER).get(base + "/results/metro-b").then().statusCode(200)
                .body("result.components.EVALUATION", equalTo(60.0f)).body("evaluation.sessionId", equalTo(city.toString()));
        messaging.source("rectification-events").send(overdue("metro-a"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(ORGANIZER).get(base + "/results/metro-a")
                .then().statusCode(200).body("result.components.RECTIFICATION", equalTo(50.0f)));
        // an item closed on time, reopened, closed on time again counts once: 2 items, 1 overdue, 1 reopened,
        // 100 − 50 · ½ − 30 · ½ = 60 ...
        UUID second = UUID.randomUUID();
        for (var event : List.<java.util.function.Function<RectificationItemState, RectificationItemEvent>>of(
                RectificationItemClosed::new, RectificationItemReopened::new, RectificationItemClosed::new)) {
            messaging.source("rectification-events").send(itemEvent(event, second, "metro-a"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(ORGANIZER).get(base + "/results/metro-a")
                .then().statusCode(200).body("result.components.RECTIFICATION", equalTo(60.0f))
                .body("rectification.items", equalTo(2)).body("rectification.onTime", equalTo(1))
                .body("rectification.reopened", equalTo(1)));
        // ... and once withdrawn (issued in error), not at all
        messaging.source("rectification-events").send(itemEvent(RectificationItemWithdrawn::new, second, "metro-a"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(ORGANIZER).get(base + "/results/metro-a")
                .then().statusCode(200).body("result.components.RECTIFICATION", equalTo(50.0f))
                .body("rectification.items", equalTo(1)).body("rectification.reopened", equalTo(0)));

        // metro-a: year-end 100, one item, overdue; (90·10 + 100·50 + 100·20 + 95·10 + 50·10) / 100 = 93.5
        // metro-b: 组织建设 30 of 60, 责任落实 10 + 15, no items; (80·10 + 55·50 + 60·20 + 70·10 + 100·10) / 100 = 64.5
        as(ORGANIZER).get(base + "/results?category=district").then().statusCode(200)
                .body("unit", contains("metro-a", "metro-b"))
                .body("total", contains(93.5f, 64.5f)).body("grade", contains("好", "一般")).body("rank", contains(1, 2));
        as(ORGANIZER).get(base + "/results/metro-a").then()
                .body("evaluation.weightedTotal", equalTo(100.0f)).body("rectification.overdue", equalTo(1))
                .body("opinion.source", equalTo("民意调查系统")).body("routineChecks[0].score", equalTo(90.0f))
                .body("indicators.code", contains("ORG-1", "ORG-2", "RESP-1", "RESP-2", "VETO-1"));
        as(ORGANIZER).get(base + "/results/metro-b").then()
                .body("indicators.find { it.code == 'ORG-2' }.finding", equalTo(true))
                .body("result.yearEnd", equalTo(55.0f));
        as(LEADER_A).get(base + "/results").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:results-not-announced"));

        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("adjustment", 2, "reason", "年度重点任务完成突出"))
                .post(base + "/results/metro-b/calibrate").then().statusCode(200).body("total", equalTo(66.5f));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("adjustment", 20, "reason", "x"))
                .post(base + "/results/metro-b/calibrate").then().statusCode(400);

        // the pressure gradient, committee by committee: streets that reported nothing are left out, not counted as 0
        as(ORGANIZER).get(base + "/gradient").then().statusCode(200)
                .body("committees.path", contains("/metro/metro-a", "/metro/metro-b"))
                .body("committees[0].name", equalTo("M市A区委")) // a chart is labelled with names
                .body("committees.belowWithoutData", contains(1, 1)).body("breaking", empty())
                .body("withoutData", equalTo(2));
        // metro-a1 reports 支部建设 only (30 of 100 points) against metro-a's 100 %: it breaks under metro-a
        self(LEADER_A, scheme, "metro-a1", "ORG-1", 100).statusCode(200);
        as(ORGANIZER).get(base + "/gradient").then().statusCode(200)
                .body("committees[0].belowCompletion", equalTo(30.0f)).body("committees[0].completionDrop", equalTo(70.0f))
                .body("breaking", contains("/metro/metro-a")).body("withoutData", equalTo(1));

        // no lock while an indicator stands on a unit's own word: every one is scored, or its self-report accepted
        as(ORGANIZER).post(base + "/lock").then().statusCode(409).body("type", equalTo("urn:party:problem:not-reviewed"))
                .body("detail", containsString("metro-a/ORG-1"));
        as(ORGANIZER).get(base + "/results/metro-a").then().body("unreviewed", contains("ORG-1", "ORG-2", "RESP-2"));
        String accept = base + "/units/%s/indicators/%s/accept";
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("reason", "已现场核验"))
                .post(accept.formatted("metro-b", "ORG-2")).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:already-reviewed"));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("reason", "已现场核验"))
                .post(accept.formatted("metro-b1", "ORG-1")).then().statusCode(409);
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("reason", "本单位认可"))
                .post(accept.formatted("metro-a", "ORG-1")).then().statusCode(403);
        // metro-a's own organizer does not manage the city's scheme: its unit's word cannot settle its own figure
        as(TestTokens.token("organizer-a", "/metro/metro-a", "organizer")).contentType(ContentType.JSON)
                .body(Map.of("reason", "本单位认可")).post(accept.formatted("metro-a", "ORG-1")).then().statusCode(404);
        for (var unitAndCodes : Map.of("metro-a", List.of("ORG-1", "ORG-2", "RESP-2"),
                "metro-b", List.of("ORG-1", "RESP-1", "RESP-2")).entrySet()) {
            for (String code : unitAndCodes.getValue()) {
                as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("reason", "台账齐全，认可自评"))
                        .post(accept.formatted(unitAndCodes.getKey(), code)).then().statusCode(200)
                        .body("settled", equalTo(true)).body("acceptedBy", equalTo("organizer"));
            }
        }
        for (String unit : List.of("metro-a", "metro-b", "metro-a1", "metro-b1")) {
            review(REVIEWER_DISCIPLINE, scheme, unit, "VETO-1", 0).statusCode(200);
            if (unit.endsWith("1")) {
                for (String code : List.of("ORG-1", "ORG-2", "RESP-1")) {
                    review(REVIEWER, scheme, unit, code, 0).statusCode(200);
                }
                review(REVIEWER_DISCIPLINE, scheme, unit, "RESP-2", 0).statusCode(200);
            }
        }
        long findingsBefore = outbox("IndicatorFindingRaised", "metro-b");
        as(ORGANIZER).get(base + "/results/metro-a").then().body("unreviewed", empty());

        // locked: grades and ranks frozen, each result on assessment.results, nothing changes any more; an accepted
        // self-report that falls short (metro-b's RESP-1, 2 of 4 meetings) raises its finding now
        as(ORGANIZER).post(base + "/lock").then().statusCode(200).body("results", equalTo(4));
        assertThat(outbox("IndicatorFindingRaised", "metro-b")).isEqualTo(findingsBefore + 1);
        for (String unit : List.of("metro-a", "metro-b", "metro-a1", "metro-b1")) { // other tests lock their own
            assertThat(outbox("AssessmentResultLocked", unit)).isEqualTo(1);
        }
        as(ORGANIZER).post(base + "/compute").then().statusCode(409);
        self(LEADER_A, scheme, "metro-a", "ORG-1", 90).statusCode(409);
        // an item of metro-a going overdue after the lock reaches its tally, not its locked breakdown
        messaging.source("rectification-events").send(overdue("metro-a"));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "select items from rectification_tally where org_code = 'metro-a' and year = 2026") == 2);
        as(ORGANIZER).get(base + "/results/metro-a").then().body("rectification.items", equalTo(1))
                .body("result.components.RECTIFICATION", equalTo(50.0f));

        // announced: each unit sees its own subtree
        as(ORGANIZER).post(base + "/announce").then().statusCode(200);
        as(LEADER_A).get(base + "/results").then().statusCode(200).body("unit", containsInAnyOrder("metro-a", "metro-a1"));
        as(LEADER_A).get(base + "/results/metro-b").then().statusCode(404);
        byte[] breakdown = as(LEADER_A).get(base + "/results/metro-a/breakdown.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(breakdown))) {
            Sheet summary = workbook.getSheet("结果");
            PrintedSheets.assertPrintable(summary, false);
            assertThat(summary.getRow(0).getCell(0).getStringCellValue())
                    .startsWith("2026年度县区党委书记抓基层党建考核 · M市A区委 · 导出于 ");
            Row yearEnd = java.util.stream.IntStream.rangeClosed(2, summary.getLastRowNum()).mapToObj(summary::getRow)
                    .filter(r -> r.getCell(0).getStringCellValue().equals("年终考核")).findFirst().orElseThrow();
            assertThat(yearEnd.getCell(1).getNumericCellValue()).isEqualTo(0.5); // its weight, 50 of 100
            assertThat(yearEnd.getCell(1).getCellStyle().getDataFormatString()).contains("%");
            Sheet lines = workbook.getSheet("指标");
            PrintedSheets.assertPrintable(lines, true);
            assertThat(lines.getRow(2).getCell(1).getStringCellValue()).isEqualTo("ORG-1");
            assertThat(lines.getRow(2).getCell(9).getCellStyle().getDataFormatString()).contains("%"); // 得分率
        }

        // the annual report the committee sends to the unit: A4, in Chinese, its font embedded, read back by PDFBox
        byte[] report = as(LEADER_A).get(base + "/results/metro-a/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument pdf = Loader.loadPDF(report)) {
            PDRectangle a4 = pdf.getPage(0).getMediaBox();
            assertThat(a4.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
            assertThat(a4.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
            assertThat(new PDFTextStripper().getText(pdf)).contains("2026年度县区党委书记抓基层党建考核",
                    "M市A区委考核结果", "已公布", "年终考核", "ORG-1", "组织部", "问题整改", "M市委组织部（盖章）", "第 1 页");
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                var font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("NotoSansCJK");
            }
        }
        as(LEADER_A).get(base + "/results/metro-b/report.pdf").then().statusCode(404);

        byte[] ranking = as(ORGANIZER).get(base + "/results.xlsx").then().statusCode(200).extract().asByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(ranking))) {
            var sheet = workbook.findSheet("排名（district）").orElseThrow();
            var rows = sheet.read();
            assertThat(rows.get(1).getCellText(0)).isEqualTo("排名");
            assertThat(rows.get(2).getCellText(1)).isEqualTo("M市A区委");
            assertThat(rows.get(2).getCellText(3)).isEqualTo("好");
            assertThat(workbook.findSheet("排名（street）")).isPresent();
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(ranking))) {
            Sheet sheet = workbook.getSheet("排名（district）");
            PrintedSheets.assertPrintable(sheet, true);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .startsWith("2026年度县区党委书记抓基层党建考核（district） · 导出于 ");
        }
    }

    @Test
    void aSchemeThatExcludesUnitsMissingAComponentRanksTheOthersOnOneBasis() {
        var definition = new java.util.HashMap<>(definition(60));
        definition.put("components", Map.of("YEAR_END", 80, "ROUTINE", 20));
        definition.put("missingComponents", "EXCLUDE");
        String scheme = as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2028, "orgUnit", "metro",
                "title", "2028年度考核", "definition", definition)).post("/api/assessment/schemes").then()
                .statusCode(201).extract().path("id");
        as(ORGANIZER).post("/api/assessment/schemes/" + scheme + "/publish").then().statusCode(200);
        routine(scheme, "metro-a", 90);
        as(ORGANIZER).post("/api/assessment/schemes/" + scheme + "/compute").then().statusCode(200);

        // metro-b had no routine check: out of the ranking, with the reason, instead of ranked on fewer components
        as(ORGANIZER).get("/api/assessment/schemes/" + scheme + "/results?category=district").then().statusCode(200)
                .body("unit", contains("metro-a", "metro-b")).body("rank", contains(1, null))
                .body("grade[1]", nullValue()).body("gradeReason[1]", equalTo("missing [ROUTINE]"))
                .body("missingRule", contains("EXCLUDE", "EXCLUDE"));
    }

    @Test
    void aDeactivatedUnitLeavesProgressAndRankingAtTheNextComputation() {
        unit("metro-x", "误建的开发区党工委", "county", "park", "metro");
        String scheme = as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2032, "orgUnit", "metro",
                "title", "2032年度考核", "definition", definition(60))).post("/api/assessment/schemes").then()
                .statusCode(201).extract().path("id");
        String base = "/api/assessment/schemes/" + scheme;
        as(ORGANIZER).post(base + "/publish").then().statusCode(200);
        as(ORGANIZER).post(base + "/compute").then().statusCode(200);
        as(ORGANIZER).get(base + "/results?category=park").then().body("unit", contains("metro-x"));
        as(ORGANIZER).get(base + "/progress?size=500").then().body("items.unit", hasItem("metro-x"));

        as(ADMIN).contentType(ContentType.JSON).body(Map.of()).post("/api/assessment/org-units/metro-x/deactivate")
                .then().statusCode(200);
        as(ORGANIZER).post(base + "/compute").then().statusCode(200);
        as(ORGANIZER).get(base + "/results?category=park").then().body("unit", empty());
        as(ORGANIZER).get(base + "/progress?size=500").then().body("items.unit", not(hasItem("metro-x")))
                .body("items.unit", hasItem("metro-a"));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2032, "orgUnit", "metro-x",
                "title", "停用单位的方案", "definition", definition(60))).post("/api/assessment/schemes").then()
                .statusCode(409).body("type", equalTo("urn:party:problem:org-unit-deactivated"));
    }

    @Test
    void aRevisionSupersedesThePublishedSchemeAndKeepsItsEntries() {
        String first = as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2027, "orgUnit", "metro",
                "title", "2027年度考核", "definition", definition(60))).post("/api/assessment/schemes").then()
                .statusCode(201).extract().path("id");
        as(ORGANIZER).post("/api/assessment/schemes/" + first + "/publish").then().statusCode(200);
        self(LEADER_A, first, "metro-a", "ORG-1", 100).statusCode(200);
        String second = as(ORGANIZER).post("/api/assessment/schemes/" + first + "/revise").then().statusCode(201)
                .body("revision", equalTo(2)).body("state", equalTo("DRAFT")).extract().path("id");
        as(ORGANIZER).post("/api/assessment/schemes/" + second + "/publish").then().statusCode(200);
        as(ORGANIZER).get("/api/assessment/schemes/" + first).then().body("state", equalTo("SUPERSEDED"));
        as(LEADER_A).get("/api/assessment/schemes/" + second + "/units/metro-a/indicators").then().statusCode(200)
                .body("indicator", contains("ORG-1")).body("selfBy", contains("leader-a"));
        self(LEADER_A, first, "metro-a", "ORG-1", 90).statusCode(409);
    }

    @Test
    void reportsArrivingTogetherAllLandInOneResult() throws Exception {
        String scheme = as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2028, "orgUnit", "metro",
                "title", "2028年度考核", "definition", definition(60))).post("/api/assessment/schemes").then()
                .statusCode(201).extract().path("id");
        as(ORGANIZER).post("/api/assessment/schemes/" + scheme + "/publish").then().statusCode(200);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var statuses = pool.invokeAll(List.of("ORG-1", "ORG-2", "RESP-1", "RESP-2").stream()
                    .map(code -> (java.util.concurrent.Callable<Integer>) () ->
                            self(LEADER_A, scheme, "metro-a", code, 4).extract().statusCode()).toList());
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        // 4 of 4 meetings, and nothing else met or missed: 组织建设 0, 责任落实 20 + 0 (4 deductions of 5)
        as(ORGANIZER).get("/api/assessment/schemes/" + scheme + "/results/metro-a").then().statusCode(200)
                .body("indicators.findAll { it.measure != null }.size()", equalTo(4))
                .body("result.yearEnd", equalTo(20.0f));
    }

    @Test
    void aComputationThatFindsTheFiguresAsTheyWereLeavesTheResult_aChangedFigureRewritesIt() {
        String scheme = as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2031, "orgUnit", "metro",
                "title", "2031年度考核", "definition", definition(60))).post("/api/assessment/schemes").then()
                .statusCode(201).extract().path("id");
        String result = "/api/assessment/schemes/" + scheme + "/results/metro-a";
        as(ORGANIZER).post("/api/assessment/schemes/" + scheme + "/publish").then().statusCode(200);
        self(LEADER_A, scheme, "metro-a", "ORG-1", 4).statusCode(200);
        as(ORGANIZER).post("/api/assessment/schemes/" + scheme + "/compute").then().statusCode(200);
        String computedAt = as(ORGANIZER).get(result).then().statusCode(200).extract().path("result.computedAt");

        as(ORGANIZER).post("/api/assessment/schemes/" + scheme + "/compute").then().statusCode(200);
        as(ORGANIZER).get(result).then().body("result.computedAt", equalTo(computedAt));

        self(LEADER_A, scheme, "metro-a", "RESP-1", 4).statusCode(200); // rescored at once, lines and all
        as(ORGANIZER).get(result).then().body("result.computedAt", org.hamcrest.Matchers.not(equalTo(computedAt)))
                .body("indicators.find { it.code == 'RESP-1' }.measure.value", equalTo(4.0f));
    }

    /** A 0.8 MB workbook holding 400 MB of blank rows is refused at once, and the service goes on answering. */
    @Test
    void hostileSurveySheetsAreRefusedAtOnceAndTheServiceCarriesOn() {
        String scheme = as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("year", 2029, "orgUnit", "metro",
                "title", "2029年度考核", "definition", definition(60))).post("/api/assessment/schemes").then()
                .statusCode(201).extract().path("id");
        String opinion = "/api/assessment/schemes/" + scheme + "/opinion/import";
        as(ORGANIZER).post("/api/assessment/schemes/" + scheme + "/publish").then().statusCode(200);

        byte[] bomb = Sheets.withSheetData(Sheets.blankRowsOf(400_000_000));
        long start = System.nanoTime();
        as(ORGANIZER).contentType(XLSX).body(bomb).post(opinion).then().statusCode(413)
                .body("type", equalTo("urn:party:problem:sheet-too-large"))
                .body("detail", containsString("inflates to at most 20 MiB"));
        System.out.println("opinion import of a 400 MB bomb refused in " + (System.nanoTime() - start) / 1_000_000
                + " ms");

        as(ORGANIZER).contentType(XLSX).body(Sheets.withSheetData(Sheets.blankRows(25_000))).post(opinion).then()
                .statusCode(413).body("type", equalTo("urn:party:problem:sheet-too-large"))
                .body("detail", containsString("at most 20000 rows"));
        as(ORGANIZER).contentType(XLSX).body(Sheets.workbook(sheet -> {
            for (int c = 0; c < 1001; c++) {
                sheet.value(0, c, c);
            }
        })).post(opinion).then().statusCode(413).body("type", equalTo("urn:party:problem:sheet-too-large"))
                .body("detail", containsString("at most 1000 cells"));
        as(ORGANIZER).contentType("text/csv").body("\n".repeat(25_000)).post(opinion).then().statusCode(413)
                .body("type", equalTo("urn:party:problem:sheet-too-large"))
                .body("detail", containsString("at most 20000 rows"));

        as(ORGANIZER).contentType(XLSX).body(Sheets.survey("metro-b", 70)).post(opinion).then().statusCode(200)
                .body("imported", equalTo(1));
    }

    private io.restassured.response.ValidatableResponse self(String token, String scheme, String unit, String code, int value) {
        return as(token).contentType(ContentType.JSON).body(Map.of("value", value, "evidence", "见附件"))
                .put("/api/assessment/schemes/" + scheme + "/units/" + unit + "/indicators/" + code + "/self").then();
    }

    private io.restassured.response.ValidatableResponse review(String token, String scheme, String unit, String code,
                                                              int value) {
        return as(token).contentType(ContentType.JSON).body(Map.of("value", value, "comment", "实地核查"))
                .put("/api/assessment/schemes/" + scheme + "/units/" + unit + "/indicators/" + code + "/review").then();
    }

    private void routine(String scheme, String unit, int score) {
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("unit", unit, "checkedOn", "2026-06-30", "score", score))
                .post("/api/assessment/schemes/" + scheme + "/routine-checks").then().statusCode(201);
    }

    private String sealed(UUID session, String heldBy, int year, String unitA, String totalA, String unitB,
                          String totalB) {
        var subjects = List.of(
                new BallotResultsSealed.SubjectResult("c1", unitA, BallotResultsSealed.SubjectKind.UNIT, unitA, new BigDecimal(totalA), 1, Map.of()),
                new BallotResultsSealed.SubjectResult("c1", unitB, BallotResultsSealed.SubjectKind.UNIT, unitB, new BigDecimal(totalB), 2, Map.of()));
        var data = new BallotResultsSealed(session, heldBy.substring(heldBy.lastIndexOf('/') + 1), heldBy,
                year + "年度述职评议", LocalDate.of(2026, 12, 20), year, List.of(),
                "0".repeat(64), subjects);
        return codec.write(codec.envelope(data, "ballot-service", Instant.now()));
    }

    private String overdue(String unit) {
        var data = new RectificationItemOverdue(new RectificationItemState(UUID.randomUUID(), "ZG2026-000001", unit,
                "/metro/" + unit, "INSPECTION", "FULL", "ISSUED", LocalDate.of(2026, 11, 1), null, null, "/metro"));
        return codec.write(codec.envelope(data, "rectification-service", Instant.parse("2026-11-02T01:00:00Z")));
    }

    private String itemEvent(java.util.function.Function<RectificationItemState, RectificationItemEvent> event,
                             UUID item, String unit) {
        var data = event.apply(new RectificationItemState(item, "ZG2026-000002", unit, "/metro/" + unit, "INSPECTION",
                "FULL", "CLOSED", LocalDate.of(2026, 12, 31), LocalDate.of(2026, 11, 20), true, null));
        return codec.write(codec.envelope(data, "rectification-service", Instant.parse("2026-11-20T01:00:00Z")));
    }

    private long count(String sql) throws SQLException {
        try (var connection = db.getConnection(); var result = connection.createStatement().executeQuery(sql)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private long outbox(String type, String key) throws SQLException {
        String sql = "select count(*) from outbox_event where event_type = '" + type + "'"
                + (key == null ? "" : " and event_key = '" + key + "'");
        try (var connection = db.getConnection(); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void unit(String code, String name, String level, String category, String parent) {
        var body = new java.util.HashMap<String, Object>(Map.of("code", code, "name", name, "level", level,
                "category", category));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        int status = as(ADMIN).contentType(ContentType.JSON).body(body).post("/api/assessment/org-units").then()
                .extract().statusCode();
        assertThat(status).isIn(201, 409);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
