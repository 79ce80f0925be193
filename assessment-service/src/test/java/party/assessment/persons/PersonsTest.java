package party.assessment.persons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.PersonRecorded;
import party.common.events.PersonState;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/** The registry of leaders: who keeps it, one 第一责任人 per unit on any day, and a person's history of posts. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PersonsTest {

    @Inject
    @Any
    InMemoryConnector messaging;

    @Inject
    EventCodec codec;

    private static final String CITY_ORGANIZER = TestTokens.token("organizer", "/city", "organizer");
    private static final String DISTRICT_ORGANIZER = TestTokens.token("organizer-a", "/city/district-a", "organizer");
    private static final String LEADER_A = TestTokens.token("leader-a", "/city/district-a", "unit-leader");
    private static final String SIBLING = TestTokens.everyRole("outsider", "/city/district-b");

    /** A township of its own for each test, under district-a. */
    private String town;

    @BeforeEach
    void aTownOfItsOwn() {
        String admin = TestTokens.token("admin", "/", "admin");
        createIfMissing(admin, "city", "市委", "city", "city", null);
        createIfMissing(admin, "district-a", "A区委", "county", "district", "city");
        createIfMissing(admin, "district-b", "B区委", "county", "district", "city");
        town = "town-p-" + UUID.randomUUID().toString().substring(0, 8);
        createIfMissing(admin, town, "一镇党委", "township", "town", "district-a");
    }

    @Test
    void theCommitteeAboveRegistersALeaderWhomTheUnitSeesAndASiblingDoesNot() {
        String id = as(DISTRICT_ORGANIZER).body(register("王建国", "SECRETARY", "2024-03-01", null))
                .post("/api/assessment/persons").then().statusCode(201)
                .header("Location", startsWith("http://localhost")).body("name", equalTo("王建国"))
                .body("appointments[0].unitName", equalTo("一镇党委"))
                .body("appointments[0].postLabel", equalTo("书记（第一责任人）"))
                .body("appointments[0].current", equalTo(true))
                .extract().path("id");
        as(LEADER_A).get("/api/assessment/persons?unit=" + town).then().statusCode(200)
                .body("items.id", contains(id));
        as(CITY_ORGANIZER).get("/api/assessment/persons/" + id).then().statusCode(200);
        as(SIBLING).get("/api/assessment/persons/" + id).then().statusCode(404);
        as(SIBLING).get("/api/assessment/persons").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(LEADER_A).body(register("李四", "MEMBER", "2024-03-01", null)).post("/api/assessment/persons")
                .then().statusCode(403);
    }

    @Test
    void aUnitDoesNotKeepItsOwnLeaders() {
        as(DISTRICT_ORGANIZER).body(register("周区委书记", "SECRETARY", "2024-01-01", null, "district-a"))
                .post("/api/assessment/persons").then().statusCode(403)
                .body("type", equalTo("urn:party:problem:wrong-side"));
        as(CITY_ORGANIZER).body(register("周区委书记", "SECRETARY", "2024-01-01", null, "district-a"))
                .post("/api/assessment/persons").then().statusCode(201);
    }

    @Test
    void aNewSecretaryTakesOverAndTwoOnTheSameDayAreRefused() {
        String wang = registered("王建国", "SECRETARY", "2024-03-01", null);
        String li = registered("李明", "SECRETARY", "2026-07-01", null);
        as(CITY_ORGANIZER).get("/api/assessment/persons/" + wang).then().statusCode(200)
                .body("appointments[0].termEnd", equalTo("2026-06-30"));
        as(CITY_ORGANIZER).get("/api/assessment/persons/" + li).then().statusCode(200)
                .body("appointments[0].termEnd", equalTo(null));

        as(CITY_ORGANIZER).body(register("赵六", "SECRETARY", "2025-01-01", "2025-12-31"))
                .post("/api/assessment/persons").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:first-responsible-taken"))
                .body("detail", startsWith("王建国 is the unit's 第一责任人 from 2024-03-01 to 2026-06-30"));
        as(CITY_ORGANIZER).get("/api/assessment/persons?unit=" + town).then().statusCode(200)
                .body("total", equalTo(2)); // nothing of the refused one stored
        // other posts have no such rule
        registered("张副书记", "DEPUTY_SECRETARY", "2024-03-01", null);
        registered("钱副书记", "DEPUTY_SECRETARY", "2024-03-01", null);
    }

    @Test
    void everyChangeIsAnnouncedOnOrgPersonsWithThePersonWhole_includingTheSecretaryHandedOver() {
        String wang = registered("王建国", "SECRETARY", "2024-03-01", null);
        String li = registered("李明", "SECRETARY", "2026-07-01", null);
        as(CITY_ORGANIZER).body(Map.of("name", "王建国", "account", "wang." + town))
                .put("/api/assessment/persons/" + wang).then().statusCode(200);

        var sink = messaging.sink("outbox");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(announced(sink, wang)).hasSize(3));
        List<PersonState> states = announced(sink, wang);
        assertThat(states).extracting(PersonState::version).isSorted().doesNotHaveDuplicates();
        assertThat(states.get(0).posts()).singleElement().satisfies(held -> {
            assertThat(held.unit()).isEqualTo(town);
            assertThat(held.orgPath()).isEqualTo("/city/district-a/" + town);
            assertThat(held.postLabel()).isEqualTo("书记（第一责任人）");
            assertThat(held.termEnd()).isNull();
        });
        assertThat(states.get(1).posts().get(0).termEnd()).isEqualTo(LocalDate.of(2026, 6, 30)); // handed over to 李明
        assertThat(states.get(2).account()).isEqualTo("wang." + town);
        assertThat(announced(sink, li)).singleElement().satisfies(state -> assertThat(state.name()).isEqualTo("李明"));
        assertThat(sink.received().stream().filter(m -> wang.equals(key(m))))
                .allSatisfy(m -> assertThat(m.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getTopic())
                        .isEqualTo("org.persons"));
    }

    @Test
    void aUnitThatMovesTakesItsLeadersAlongAndTheyAreAnnouncedAgain() {
        String wang = registered("王建国", "SECRETARY", "2024-03-01", null);
        given().auth().oauth2(TestTokens.token("admin", "/", "admin")).contentType(ContentType.JSON)
                .body(Map.of("parentCode", "district-b")).post("/api/assessment/org-units/" + town + "/move")
                .then().statusCode(200);
        var sink = messaging.sink("outbox");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(announced(sink, wang)).hasSize(2));
        assertThat(announced(sink, wang).get(1).posts().get(0).orgPath()).isEqualTo("/city/district-b/" + town);
    }

    private List<PersonState> announced(InMemorySink<?> sink, String person) {
        return sink.received().stream().filter(m -> person.equals(key(m)))
                .map(m -> ((PersonRecorded) codec.event(codec.read((String) m.getPayload()))).person()).toList();
    }

    private static String key(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(m -> (String) m.getKey()).orElse(null);
    }

    @Test
    void aPersonAppointedSecretaryTakesOverFromTheOneInOffice() {
        String wang = registered("王建国", "SECRETARY", "2024-03-01", null);
        String zhao = registered("赵副书记", "DEPUTY_SECRETARY", "2024-03-01", null);
        as(CITY_ORGANIZER).body(appointment("SECRETARY", "2026-09-01", null, town))
                .post("/api/assessment/persons/" + zhao + "/appointments").then().statusCode(200)
                .body("appointments.post", contains("SECRETARY", "DEPUTY_SECRETARY"));
        as(CITY_ORGANIZER).get("/api/assessment/persons/" + wang).then()
                .body("appointments[0].termEnd", equalTo("2026-08-31"));
        as(CITY_ORGANIZER).body(appointment("SECRETARY", "1900-01-01", null, town))
                .post("/api/assessment/persons/" + wang + "/appointments").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:invalid-term"));
    }

    @Test
    void anAppointmentEnteredWronglyIsPutRightUnderTheSameRules() {
        String wang = registered("王建国", "SECRETARY", "2024-03-01", null);
        String li = registered("李明", "SECRETARY", "2020-01-01", "2023-12-31");
        String wangs = as(CITY_ORGANIZER).get("/api/assessment/persons/" + wang).then().extract()
                .path("appointments[0].id");
        String lis = as(CITY_ORGANIZER).get("/api/assessment/persons/" + li).then().extract()
                .path("appointments[0].id");
        as(CITY_ORGANIZER).body(Map.of("post", "SECRETARY", "termStart", "2024-04-01", "partyDuties", "抓党建第一责任"))
                .put("/api/assessment/persons/" + wang + "/appointments/" + wangs).then().statusCode(200)
                .body("appointments[0].termStart", equalTo("2024-04-01"));
        // a correction hands nothing over: running into the other's term is refused
        as(CITY_ORGANIZER).body(Map.of("post", "SECRETARY", "termStart", "2020-01-01", "termEnd", "2024-06-30"))
                .put("/api/assessment/persons/" + li + "/appointments/" + lis).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:first-responsible-taken"));
        as(CITY_ORGANIZER).body(Map.of("post", "DEPUTY_SECRETARY", "termStart", "2020-01-01", "termEnd", "2024-06-30"))
                .put("/api/assessment/persons/" + li + "/appointments/" + lis).then().statusCode(200)
                .body("appointments[0].post", equalTo("DEPUTY_SECRETARY"));
        String townOrganizer = TestTokens.token("organizer-t", "/city/district-a/" + town, "organizer");
        as(townOrganizer).body(Map.of("post", "MEMBER", "termStart", "2020-01-01"))
                .put("/api/assessment/persons/" + li + "/appointments/" + lis).then().statusCode(403);
    }

    @Test
    void aChangeOfPostKeepsTheOldOneInTheHistory() {
        String zhang = registered("张伟", "MEMBER", "2022-01-01", null);
        as(CITY_ORGANIZER).body(appointment("DEPUTY_SECRETARY", "2026-01-01", null, town))
                .post("/api/assessment/persons/" + zhang + "/appointments").then().statusCode(200)
                .body("appointments.post", contains("DEPUTY_SECRETARY", "MEMBER"))
                .body("appointments.termEnd", contains(null, "2025-12-31"))
                .body("appointments.current", contains(true, false));
        as(CITY_ORGANIZER).body(appointment("MEMBER", "2021-01-01", null, town))
                .post("/api/assessment/persons/" + zhang + "/appointments").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:invalid-term"));
    }

    @Test
    void aTermEndsAndAMistakeInANameIsPutRight() {
        String id = registered("孙红", "ORGANIZATION_MEMBER", "2023-01-01", null);
        String appointment = as(CITY_ORGANIZER).get("/api/assessment/persons/" + id).then().extract()
                .path("appointments[0].id");
        as(CITY_ORGANIZER).body(Map.of("termEnd", "2022-12-31"))
                .post("/api/assessment/persons/" + id + "/appointments/" + appointment + "/end").then().statusCode(400);
        as(CITY_ORGANIZER).body(Map.of("termEnd", "2025-06-30"))
                .post("/api/assessment/persons/" + id + "/appointments/" + appointment + "/end").then().statusCode(200)
                .body("appointments[0].termEnd", equalTo("2025-06-30")).body("appointments[0].current", equalTo(false));
        int version = as(CITY_ORGANIZER).get("/api/assessment/persons/" + id).then().extract().path("version");
        int corrected = as(CITY_ORGANIZER).body(Map.of("name", "孙虹", "version", version))
                .put("/api/assessment/persons/" + id).then().statusCode(200).body("name", equalTo("孙虹"))
                .extract().path("version");
        assertThat(corrected).isGreaterThan(version);
        as(CITY_ORGANIZER).body(Map.of("name", "孙宏", "version", version))
                .put("/api/assessment/persons/" + id).then().statusCode(409);
        as(CITY_ORGANIZER).body(Map.of("name", "孙宏", "version", corrected))
                .put("/api/assessment/persons/" + id).then().statusCode(200);
        // the town's own organizer keeps none of its leaders: not their names, not their terms
        String townOrganizer = TestTokens.token("organizer-t", "/city/district-a/" + town, "organizer");
        as(townOrganizer).body(Map.of("name", "孙某")).put("/api/assessment/persons/" + id).then().statusCode(403)
                .body("type", equalTo("urn:party:problem:wrong-side"));
        as(townOrganizer).body(Map.of("termEnd", "2025-01-01"))
                .post("/api/assessment/persons/" + id + "/appointments/" + appointment + "/end").then().statusCode(403)
                .body("type", equalTo("urn:party:problem:wrong-side"));
    }

    @Test
    void badRegistrationsAreRefusedAndStoreNothing() {
        as(CITY_ORGANIZER).body(Map.of("name", "无职务")).post("/api/assessment/persons").then().statusCode(400);
        as(CITY_ORGANIZER).body(register("倒序", "MEMBER", "2024-05-01", "2024-04-30"))
                .post("/api/assessment/persons").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:invalid-term"));
        as(CITY_ORGANIZER).body(register("无此组织", "MEMBER", "2024-05-01", null, "no-such-town"))
                .post("/api/assessment/persons").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-org-unit"));
        as(SIBLING).body(register("越界", "MEMBER", "2024-05-01", null))
                .post("/api/assessment/persons").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-org-unit"));
        String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        var first = new HashMap<>(register("有账号", "MEMBER", "2024-05-01", null));
        first.put("account", account);
        as(CITY_ORGANIZER).body(first).post("/api/assessment/persons").then().statusCode(201);
        as(CITY_ORGANIZER).body(first).post("/api/assessment/persons").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:account-taken"));
        assertThat(as(CITY_ORGANIZER).get("/api/assessment/persons?unit=" + town).then().extract()
                .<Integer>path("total")).isEqualTo(1);
    }

    @Test
    void aSheetOfLeadersIsRegisteredWhole_orWithRowsValidTheGoodRowsAndEachRefusedOneSaysWhy() {
        byte[] sheet = String.join("\n",
                "姓名,单位编码,职务,任职起始,任职结束,分管业务,党建职责,账号",
                "陈书记," + town + ",书记,2025-01-01,,全面工作,抓党建第一责任人,",
                "",
                "林副书记," + town + ",副书记,2025/1/1,,经济发展,协助书记抓党建,",
                "周委员," + town + ",宣传委员,2025-01-01,,,,",
                "吴委员," + town + ",班子成员,去年,,,,",
                "郑书记," + town + ",书记,2025-01-01,,,,",
                "冯委员,no-such-town,班子成员,2025-01-01,,,,").getBytes(StandardCharsets.UTF_8);
        as(CITY_ORGANIZER).contentType("text/csv").body(sheet).post("/api/assessment/persons/import")
                .then().statusCode(400).body("type", equalTo("urn:party:problem:invalid-sheet-row"))
                .body("errors.field", contains("row 5 职务", "row 6 任职起始", "row 7 任职起始", "row 8 单位编码"))
                .body("detail", startsWith("4 rows cannot be registered"))
                .body("errors[0].message", startsWith("不是已知职务"));
        as(CITY_ORGANIZER).get("/api/assessment/persons?unit=" + town).then().body("total", equalTo(0));

        as(CITY_ORGANIZER).contentType("text/csv").body(sheet).post("/api/assessment/persons/import?rows=valid")
                .then().statusCode(200).body("imported", equalTo(2)).body("refused.size()", equalTo(4));
        as(CITY_ORGANIZER).get("/api/assessment/persons?unit=" + town).then()
                .body("items.name", containsInAnyOrder("林副书记", "陈书记"));
        // sent again, corrected: the two it holds change nothing, the corrected rows are registered
        byte[] corrected = String.join("\n",
                "陈书记," + town + ",书记,2025-01-01,,全面工作,抓党建第一责任人,",
                "林副书记," + town + ",副书记,2025/1/1,,经济发展,协助书记抓党建,",
                "周委员," + town + ",宣传委员,2025-01-01,,,,",
                "\"吴委员\"," + town + ",班子成员,2025-01-01,,\"宣传, 统战\",\"抓\"\"三会一课\"\"\",").getBytes(StandardCharsets.UTF_8);
        as(CITY_ORGANIZER).contentType("text/csv").body(corrected).post("/api/assessment/persons/import?rows=valid")
                .then().statusCode(200).body("imported", equalTo(1)).body("unchanged", equalTo(2))
                .body("refused.field", contains("row 3 职务"));
        as(CITY_ORGANIZER).get("/api/assessment/persons?unit=" + town).then().body("total", equalTo(3))
                .body("items.find { it.name == '吴委员' }.appointments[0].businessAreas", equalTo("宣传, 统战"))
                .body("items.find { it.name == '吴委员' }.appointments[0].partyDuties", equalTo("抓\"三会一课\""));
        // an Excel date cell holds a day number
        byte[] workbook = party.assessment.inputs.Sheets.workbook(rows -> {
            rows.value(0, 0, "褚委员");
            rows.value(0, 1, town);
            rows.value(0, 2, "ORGANIZATION_MEMBER");
            rows.value(0, 3, java.time.LocalDate.of(2025, 6, 1));
        });
        as(CITY_ORGANIZER).contentType(party.common.sheets.UploadedSheet.XLSX).body(workbook)
                .post("/api/assessment/persons/import").then().statusCode(200).body("imported", equalTo(1));
        as(CITY_ORGANIZER).get("/api/assessment/persons?unit=" + town).then()
                .body("items.find { it.name == '褚委员' }.appointments[0].termStart", equalTo("2025-06-01"));
        // a year typed as 26, or a bare 2026 read as Excel's day number: refused, not stored as 0026 or 1905
        byte[] mistyped = String.join("\n", "蒋委员," + town + ",班子成员,26/1/1,,,,", "沈委员," + town + ",班子成员,2026,,,,",
                "韩委员\u202e," + town + ",班子成员,2026-01-01,,,,").getBytes(StandardCharsets.UTF_8);
        as(CITY_ORGANIZER).contentType("text/csv").body(mistyped).post("/api/assessment/persons/import").then()
                .statusCode(400).body("errors.field", contains("row 1 任职起始", "row 2 任职起始", "row 3 姓名"));
        as(LEADER_A).contentType("text/csv").body(sheet).post("/api/assessment/persons/import").then().statusCode(403);
    }

    private String registered(String name, String post, String start, String end) {
        return as(CITY_ORGANIZER).body(register(name, post, start, end)).post("/api/assessment/persons")
                .then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> register(String name, String post, String start, String end) {
        return register(name, post, start, end, town);
    }

    private static Map<String, Object> register(String name, String post, String start, String end, String unit) {
        return Map.of("name", name, "appointment", appointment(post, start, end, unit));
    }

    private static Map<String, Object> appointment(String post, String start, String end, String unit) {
        var appointment = new HashMap<String, Object>(Map.of("unit", unit, "post", post, "termStart", start,
                "partyDuties", "抓党建第一责任"));
        if (end != null) {
            appointment.put("termEnd", end);
        }
        return appointment;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static void createIfMissing(String admin, String code, String name, String level, String category,
                                        String parent) {
        var body = new HashMap<String, Object>(Map.of("code", code, "name", name, "level", level, "category", category));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        int status = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/assessment/org-units").then().extract().statusCode();
        assertThat(status).isIn(201, 409);
    }
}
