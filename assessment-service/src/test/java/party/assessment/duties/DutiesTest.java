package party.assessment.duties;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.TaskIssued;
import party.common.events.TaskState;
import party.common.events.TaskWithdrawn;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * Responsibility lists 责任清单: drawn from the post and from the tasks that reach the unit, then the unit's own to
 * edit, read by the committee above and nobody beside; a duty record names the duty it fulfils, and a leader's year
 * counts the records of each duty.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DutiesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int YEAR = TODAY.getYear();
    private static final String DUTIES = "/api/assessment/duties";

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    private String county;
    private String town;
    private String countyOrganizer;
    private String clerk;
    private String secretary;
    private String member;

    @BeforeEach
    void aCountyAndATownOfTheirOwn() {
        String admin = TestTokens.token("admin", "/", "admin");
        unit(admin, "city", "市委", "city", "city", null);
        county = "county-d" + UUID.randomUUID().toString().substring(0, 6);
        town = county + "-t";
        unit(admin, county, "D县委", "county", "district", "city");
        unit(admin, town, "D镇党委", "township", "town", county);
        countyOrganizer = TestTokens.token("organizer-" + county, "/city/" + county, "organizer");
        clerk = TestTokens.token("clerk-" + town, "/city/" + county + "/" + town, "unit-leader");
        secretary = registered("周书记", "SECRETARY", null, "抓好班子自身建设");
        member = registered("吴委员", "MEMBER", "经济发展", null);
    }

    @Test
    void aPostDrawsItsDuties_theSecretarysFourInPersonFirst() {
        as(countyOrganizer).get(DUTIES + "?person=" + secretary + "&year=" + YEAR).then().statusCode(200)
                .body("items.title", contains("重要工作亲身部署", "重大问题亲身过问", "重点环节亲身调和", "重要案件亲身督办",
                        "抓好班子自身建设"))
                .body("items[0].originLabel", equalTo("岗位职责")).body("items[0].postLabel", equalTo("书记（第一责任人）"))
                .body("items[0].unitName", equalTo("D镇党委")).body("items[0].year", nullValue());
        as(clerk).get(DUTIES + "?person=" + member).then().statusCode(200)
                .body("items.title", contains("一岗双责：抓好分管领域（经济发展）的党建工作"));
        // a year before the post was taken shows none of its duties
        as(clerk).get(DUTIES + "?person=" + member + "&year=" + (YEAR - 5)).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aCorrectedAppointmentRedrawsOnlyWhatItDrawsFrom_andLeavesTheUnitsEditsAlone() {
        String drawn = as(clerk).get(DUTIES + "?person=" + member).then().extract().path("items[0].id");
        as(clerk).body(Map.of("title", "一岗双责：抓好经济发展和招商引资领域的党建工作", "personId", member))
                .put(DUTIES + "/" + drawn).then().statusCode(200);
        String appointment = as(countyOrganizer).get("/api/assessment/persons/" + member).then().statusCode(200)
                .extract().path("appointments[0].id");
        String correct = "/api/assessment/persons/" + member + "/appointments/" + appointment;
        var term = new HashMap<String, Object>(Map.of("post", "MEMBER", "businessAreas", "经济发展",
                "termStart", TODAY.minusYears(2).plusDays(1).toString()));
        as(countyOrganizer).body(term).put(correct).then().statusCode(200); // the term alone: nothing redrawn
        as(clerk).get(DUTIES + "?person=" + member).then()
                .body("items.title", contains("一岗双责：抓好经济发展和招商引资领域的党建工作"));

        term.put("businessAreas", "城市建设");
        as(countyOrganizer).body(term).put(correct).then().statusCode(200);
        as(clerk).get(DUTIES + "?person=" + member).then().body("items.title", contains(
                "一岗双责：抓好经济发展和招商引资领域的党建工作", "一岗双责：抓好分管领域（城市建设）的党建工作"));
    }

    @Test
    void aTaskReachingTheUnitGoesOnItsFirstResponsible_theUnitGivesItToAMember_aWithdrawnOneComesOff() {
        TaskState task = task("落实“三会一课”制度");
        messaging.source("tasks").send(codec.write(codec.envelope(new TaskIssued(task), "rectification-service",
                Instant.now())));
        messaging.source("tasks").send(codec.write(codec.envelope(new TaskIssued(task), "rectification-service",
                Instant.now()))); // another delivery of a new envelope for the same task: still one duty
        String duty = await().atMost(Duration.ofSeconds(5)).until(() -> as(clerk)
                .get(DUTIES + "?unit=" + town + "&year=" + YEAR).then().statusCode(200).extract()
                .<List<Map<String, Object>>>path("items").stream().filter(d -> d.get("task") != null)
                .map(d -> (String) d.get("id")).findFirst().orElse(null), id -> id != null);
        as(clerk).get(DUTIES + "/" + duty).then().statusCode(200).body("person", equalTo(secretary))
                .body("originLabel", equalTo("任务清单")).body("task.number", equalTo(task.number()))
                .body("task.stateLabel", equalTo("已下达")).body("year", equalTo(YEAR));
        assertThat(as(clerk).get(DUTIES + "?unit=" + town + "&year=" + YEAR).then().extract()
                .<List<Object>>path("items.task.id").stream().filter(id -> id != null).count()).isEqualTo(1);

        // the committee above reads but never edits; a sibling does not see it
        int version = as(clerk).get(DUTIES + "/" + duty).then().extract().path("version");
        String countyLeader = TestTokens.token("leader-" + county, "/city/" + county, "unit-leader");
        as(countyLeader).body(Map.of("title", "改写", "personId", member)).put(DUTIES + "/" + duty).then()
                .statusCode(403).body("type", equalTo("urn:party:problem:wrong-side"));
        as(TestTokens.everyRole("sibling", "/city/" + county + "-other")).get(DUTIES + "/" + duty).then()
                .statusCode(404);
        as(clerk).body(Map.of("title", "落实“三会一课”制度（分管）", "personId", member, "version", version))
                .put(DUTIES + "/" + duty).then().statusCode(200).body("personName", equalTo("吴委员"))
                .body("postLabel", equalTo("班子成员"));
        as(clerk).body(Map.of("title", "再改", "personId", member, "version", version)).put(DUTIES + "/" + duty)
                .then().statusCode(409).body("type", equalTo("urn:party:problem:stale-version"));

        messaging.source("tasks").send(codec.write(codec.envelope(new TaskWithdrawn(withState(task, "WITHDRAWN",
                "已撤销")), "rectification-service", Instant.now())));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(clerk).get(DUTIES + "/" + duty).then()
                .body("removed", equalTo(true)).body("removedReason", equalTo("任务已撤销"))
                .body("task.stateLabel", equalTo("已撤销")));
        as(clerk).get(DUTIES + "?person=" + member).then().body("items.id", not(hasItem(duty)));
    }

    @Test
    void theUnitAddsAndRemovesItsOwn_aPostsDutyStaysWithThePost() {
        String own = as(clerk).body(Map.of("personId", member, "year", YEAR, "title", "联系第三党支部"))
                .post(DUTIES).then().statusCode(201).body("originLabel", equalTo("本单位补充"))
                .extract().path("id");
        as(TestTokens.token("leader-" + county, "/city/" + county, "unit-leader"))
                .body(Map.of("personId", member, "year", YEAR, "title", "上级代加")).post(DUTIES).then()
                .statusCode(400).body("type", equalTo("urn:party:problem:unknown-person"));
        as(clerk).body(Map.of("personId", UUID.randomUUID(), "year", YEAR, "title", "无此人")).post(DUTIES).then()
                .statusCode(400).body("type", equalTo("urn:party:problem:unknown-person"));
        String firstOfPost = as(clerk).get(DUTIES + "?person=" + secretary).then().extract().path("items[0].id");
        as(clerk).body(Map.of("title", "重要工作亲身部署", "personId", member)).put(DUTIES + "/" + firstOfPost).then()
                .statusCode(400).body("errors[0].field", equalTo("personId"));
        as(clerk).body(Map.of("reason", "已并入支部工作")).post(DUTIES + "/" + own + "/remove").then().statusCode(200)
                .body("removed", equalTo(true));
        as(clerk).body(Map.of("reason", "again")).post(DUTIES + "/" + own + "/remove").then().statusCode(409);
        as(clerk).get(DUTIES + "?person=" + member + "&removed=true").then().body("items.id", hasItem(own));
    }

    @Test
    void aRecordFulfilsADutyOfItsLeader_andTheLeadersYearCountsIt() {
        String lecture = as(clerk).get(DUTIES + "?person=" + secretary).then().extract().path("items[0].id");
        String membersDuty = as(clerk).get(DUTIES + "?person=" + member).then().extract().path("items[0].id");
        var record = new HashMap<String, Object>(Map.of("personId", secretary, "kind", "PARTY_LECTURE",
                "happenedOn", TODAY.toString(), "summary", "部署年度党建重点工作", "dutyId", lecture));
        as(clerk).body(record).post("/api/assessment/duty-records").then().statusCode(201)
                .body("fulfils.id", equalTo(lecture)).body("fulfils.title", equalTo("重要工作亲身部署"));
        record.put("dutyId", membersDuty);
        as(clerk).body(record).post("/api/assessment/duty-records").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-duty"));

        as(countyOrganizer).get("/api/assessment/persons/" + secretary + "/years/" + YEAR).then().statusCode(200)
                .body("duties[0].duty.title", equalTo("重要工作亲身部署")).body("duties[0].records", equalTo(1))
                .body("duties[1].records", equalTo(0)).body("records", org.hamcrest.Matchers.hasSize(1));
    }

    private TaskState task(String title) {
        return new TaskState(UUID.randomUUID(), "RW" + YEAR + "-" + UUID.randomUUID().toString().substring(0, 6),
                YEAR, title, town, "/city/" + county + "/" + town, "/city/" + county, "ISSUED", "已下达",
                TODAY.plusMonths(3), null, null, null);
    }

    private static TaskState withState(TaskState task, String state, String label) {
        return new TaskState(task.taskId(), task.number(), task.year(), task.title(), task.orgUnit(), task.orgPath(),
                task.issuingPath(), state, label, task.deadline(), null, null, null);
    }

    private String registered(String name, String post, String areas, String duties) {
        var appointment = new HashMap<String, Object>(Map.of("unit", town, "post", post,
                "termStart", TODAY.minusYears(2).toString()));
        if (areas != null) {
            appointment.put("businessAreas", areas);
        }
        if (duties != null) {
            appointment.put("partyDuties", duties);
        }
        return as(countyOrganizer).body(Map.of("name", name, "appointment", appointment))
                .post("/api/assessment/persons").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static void unit(String admin, String code, String name, String level, String category, String parent) {
        var body = new HashMap<String, Object>(Map.of("code", code, "name", name, "level", level, "category", category));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        int status = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/assessment/org-units").then().extract().statusCode();
        assertThat(status).isIn(201, 409);
    }
}
