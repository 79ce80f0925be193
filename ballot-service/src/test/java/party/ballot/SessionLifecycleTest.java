package party.ballot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.ballot.tally.Recount;
import party.common.events.EventCodec;
import party.common.events.OrgUnitCreated;
import party.common.events.OrgUnitDeactivated;
import party.common.events.EventEnvelope;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.common.events.PersonRecorded;
import party.common.events.PersonState;
import party.testing.PostgresResource;
import party.testing.TestTokens;
import party.testing.PrintedSheets;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class SessionLifecycleTest {

    private static final String ORGANIZER = TestTokens.token("organizer", "/city", "organizer");
    private static final String TELLER = TestTokens.token("teller", "/city", "teller");
    private static final List<String> DISTRICTS = List.of("county-1", "county-2", "county-3", "county-4");

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DataSource db;

    @BeforeEach
    void orgUnits() {
        replicate("city", null, "/city");
        DISTRICTS.forEach(d -> replicate(d, "city", "/city/" + d));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                as(ORGANIZER).get("/api/ballots/org-units/county-4").then().statusCode(200));
    }

    /** Four districts (好 ≤ half = 2) and two named persons (好 ≤ 1). */
    private static Map<String, Object> definition(String title) {
        return Map.of("orgUnit", "city", "title", title, "date", "2026-12-20", "year", 2026,
                "categories", List.of(
                        Map.of("code", "c1", "name", "县区", "topRatio", 0.5, "topCap", 11,
                                "subjects", DISTRICTS.stream().map(d -> Map.of("unit", d)).toList()),
                        Map.of("code", "c2", "name", "市直单位负责人", "topCap", 1,
                                "subjects", List.of(Map.of("id", "p1", "name", "张三"), Map.of("id", "p2", "name", "李四")))));
    }

    private static List<Map<String, String>> marks(String... gradesInOrder) {
        List<String> subjects = List.of("county-1", "county-2", "county-3", "county-4", "p1", "p2");
        var marks = new ArrayList<Map<String, String>>();
        for (int i = 0; i < gradesInOrder.length; i++) {
            marks.add(Map.of("subject", subjects.get(i), "grade", gradesInOrder[i]));
        }
        return marks;
    }

    private static String createSession(String title) {
        return as(ORGANIZER).contentType(ContentType.JSON).body(definition(title))
                .post("/api/ballots/sessions").then().statusCode(201)
                .body("state", equalTo("DRAFT"))
                .body("definition.categories[0].subjects[0].name", equalTo("county-1 党委"))
                .extract().path("id");
    }

    private static List<String> issueCodes(String session, String type, int count) {
        return as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("ballotType", type, "count", count))
                .post("/api/ballots/sessions/" + session + "/codes").then().statusCode(200)
                .body("codes", hasSize(count))
                .body("codes[0].qr", startsWith("http"))
                .body("codes[0].qrImage.size", greaterThanOrEqualTo(21)) // a QR symbol for the printed slip
                .body("codes[0].qrImage.path", startsWith("M0,0h7v1h-7z")) // the finder pattern's top edge
                .extract().path("codes.code");
    }

    private static io.restassured.response.Response castWithCode(String session, String code,
            List<Map<String, String>> marks) {
        return given().contentType(ContentType.JSON).body(Map.of("sessionId", session, "code", code, "marks", marks))
                .post("/api/ballots/cast");
    }

    @Test
    void aSessionRunsFromDraftToSealedAndFreezesWhenOpen() throws Exception {
        String session = createSession("2026年度述职评议");
        as(ORGANIZER).contentType(ContentType.JSON).body(definition("2026年度党委书记抓基层党建述职评议"))
                .put("/api/ballots/sessions/" + session).then().statusCode(200);
        List<String> codesA = issueCodes(session, "A", 3);
        List<String> codesB = issueCodes(session, "B", 4);
        as(TELLER).contentType(ContentType.JSON).body(Map.of("ballotType", "B", "count", 2))
                .put("/api/ballots/sessions/" + session + "/paper-sheets").then().statusCode(200);
        castWithCode(session, codesA.get(0), marks("好", "好", "较好", "一般", "好", "较好")).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:wrong-session-state"));

        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200).body("state", equalTo("OPEN"));
        as(ORGANIZER).contentType(ContentType.JSON).body(definition("改了"))
                .put("/api/ballots/sessions/" + session).then().statusCode(409);
        as(ORGANIZER).get("/api/ballots/sessions/" + session + "/results").then().statusCode(409);

        castWithCode(session, codesA.get(0), marks("好", "好", "较好", "一般", "好", "较好")).then().statusCode(200)
                .body("status", equalTo("VALID"));
        castWithCode(session, codesA.get(1), marks("较好", "好", "较好", "较好", "较好", "好")).then().statusCode(200)
                .body("status", equalTo("VALID"));
        // three 好 among four districts breaks the quota of two: kept, and counted void
        castWithCode(session, codesB.get(0), marks("好", "好", "好", "一般", "较好", "较好")).then().statusCode(200)
                .body("status", equalTo("VOID")).body("voidReason", startsWith("超过限额: 县区"));
        castWithCode(session, codesB.get(1), marks("一般", "较好", "好", "差", "较好", "一般")).then().statusCode(200);
        as(TELLER).get("/api/ballots/sessions/" + session + "/turnout").then().statusCode(200)
                .body("ballotType", contains("A", "B"))
                .body("issued", contains(3, 4)).body("cast", contains(2, 2))
                .body("paperSheets", contains(0, 2)).body("paper", contains(0, 0));

        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);
        castWithCode(session, codesA.get(2), marks("好")).then().statusCode(409);
        // the paper box is counted once voting has closed: a ballot with two marks on one subject is void (不得多选)
        var doubleMarked = new ArrayList<>(marks("好", "较好", "一般", "差"));
        doubleMarked.add(Map.of("subject", "county-1", "grade", "差"));
        as(TELLER).contentType(ContentType.JSON).body(Map.of("ballotType", "B", "marks", doubleMarked))
                .post("/api/ballots/sessions/" + session + "/paper-ballots").then().statusCode(200)
                .body("status", equalTo("VOID")).body("voidReason", startsWith("多选: county-1"));
        as(TELLER).get("/api/ballots/sessions/" + session + "/turnout").then().statusCode(200)
                .body("paperSheets", contains(0, 2)).body("paper", contains(0, 1)).body("paperOutstanding", contains(0, 1));
        var results = as(ORGANIZER).post("/api/ballots/sessions/" + session + "/seal").then().statusCode(200)
                .body("tally.validBallots.A", equalTo(2)).body("tally.validBallots.B", equalTo(1))
                .body("tally.voidBallots.B", equalTo(2))
                .body("tally.categories[0].topLimit", equalTo(2))
                .body("tally.categories[1].topLimit", equalTo(1))
                .extract().jsonPath();
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/seal").then().statusCode(409);

        // county-2: A 好, 好 → 100; B 较好 → 80; equal weights → 90, first in its category
        assertThat(results.getString("tally.categories[0].subjects[0].subject")).isEqualTo("county-2");
        assertThat(results.getDouble("tally.categories[0].subjects[0].weightedTotal")).isEqualTo(90.0);
        assertThat(results.getInt("tally.categories[0].subjects[0].rank")).isEqualTo(1);

        // the box recounts to the published digest and tally
        String box = as(ORGANIZER).get("/api/ballots/sessions/" + session + "/ballot-box").then().statusCode(200)
                .body("ballots", hasSize(5)).extract().asString();
        var recount = Recount.recount(new ObjectMapper().readTree(box));
        assertThat(recount.digestMatches()).isTrue();
        assertThat(recount.verdictsDiffering()).isZero();
        assertThat(recount.digest()).isEqualTo(results.getString("digest"));
        assertThat(recount.tally().categories().get(0).subjects().get(0).weightedTotal()).isEqualByComparingTo("90");

        String csv = as(TELLER).get("/api/ballots/sessions/" + session + "/ballot-box.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines()).hasSize(6);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("张三");

        byte[] xlsx = as(ORGANIZER).get("/api/ballots/sessions/" + session + "/results.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(s -> s.getName()).containsExactly("县区", "市直单位负责人");
            var rows = sheets.get(0).read();
            assertThat(rows.get(2).getCellText(1)).isEqualTo("county-2 党委");
            assertThat(rows.get(2).getCellText(0)).isEqualTo("1");
        }
        // ready to print and sign: on A4, one page wide, titled, the turnout, the digest and the signature lines below
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("县区");
            PrintedSheets.assertPrintable(sheet, true);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .startsWith("2026年度党委书记抓基层党建述职评议 · 县区（好票限额 2） · 导出于 ");
            assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("A 好票率");
            var county2 = sheet.getRow(2);
            assertThat(county2.getCell(9).getNumericCellValue()).isEqualTo(1.0); // A: 好, 好
            assertThat(county2.getCell(9).getCellStyle().getDataFormatString()).contains("%");
            List<String> below = new ArrayList<>();
            for (int r = 2 + 4; r <= sheet.getLastRowNum(); r++) { // below the four districts
                if (sheet.getRow(r) != null) {
                    below.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertThat(below).containsExactly("投票情况",
                    "A票（常委、领导小组成员）：发出 3 张，收回 2 张，有效 2 张，无效 0 张",
                    "B票（其他参会人员）：发出 6 张，收回 3 张，有效 1 张，无效 2 张",
                    "票箱摘要（SHA-256）：" + results.getString("digest"),
                    "监票人：＿＿＿＿＿＿  计票人：＿＿＿＿＿＿  日期：＿＿＿＿");
            Sheet persons = workbook.getSheet("市直单位负责人"); // each category's sheet is signed on its own
            assertThat(persons.getRow(persons.getLastRowNum()).getCell(0).getStringCellValue()).startsWith("监票人：");
        }

        // the sealed result cannot be changed, not even by the service's own database account
        assertThatThrownBy(() -> sql("update sealed_result set digest = repeat('0', 64) where session_id = '" + session + "'"))
                .hasMessageContaining("immutable");
        // and it went out, through the outbox, to ballot.results
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(messaging.sink("outbox").received())
                .anySatisfy(m -> {
                    assertThat(m.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getTopic()).isEqualTo("ballot.results");
                    EventEnvelope event = codec.read((String) m.getPayload());
                    assertThat(event.type()).isEqualTo("BallotResultsSealed");
                    assertThat(event.data().get("digest").asText()).isEqualTo(results.getString("digest"));
                    assertThat(event.data().get("year").asInt()).isEqualTo(2026);
                    assertThat(event.data().get("scale").get(0).get("label").asText()).isEqualTo("好");
                    assertThat(event.data().get("subjects").findValuesAsText("kind"))
                            .containsExactly("UNIT", "UNIT", "UNIT", "UNIT", "PERSON", "PERSON");
                }));
    }

    @Test
    void aSessionEvaluatesOnlyUnitsBelowItsHolder() {
        replicate("town-11", "county-1", "/city/county-1/town-11");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                as(ORGANIZER).get("/api/ballots/org-units/town-11").then().statusCode(200));
        for (var subject : List.of(Map.of("unit", "county-1"), Map.of("unit", "city"), Map.of("unit", "county-2"))) {
            as(ORGANIZER).contentType(ContentType.JSON).body(heldByCounty1(subject)).post("/api/ballots/sessions").then()
                    .statusCode(400).body("type", equalTo("urn:party:problem:subject-not-below"))
                    .body("errors[0].field", equalTo("categories.subjects.unit"));
        }
        as(ORGANIZER).contentType(ContentType.JSON).body(heldByCounty1(Map.of("id", "county-2", "name", "假冒")))
                .post("/api/ballots/sessions").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:invalid-subject"));
        as(ORGANIZER).contentType(ContentType.JSON).body(heldByCounty1(Map.of("unit", "town-11")))
                .post("/api/ballots/sessions").then().statusCode(201).body("year", equalTo(2025));
    }

    @Test
    void aDeactivatedUnitHoldsNoSessionAndIsNoSubject() {
        var state = new OrgUnitState("town-13", "town-13 党委", OrgLevel.TOWNSHIP, "town", "county-1",
                "/city/county-1/town-13", true, 1);
        messaging.source("org-units").send(codec.write(codec.envelope(new OrgUnitDeactivated(state),
                "assessment-service", Instant.now())));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(ORGANIZER)
                .get("/api/ballots/org-units/town-13").then().statusCode(200).body("deactivated", equalTo(true)));

        as(ORGANIZER).contentType(ContentType.JSON).body(heldByCounty1(Map.of("unit", "town-13")))
                .post("/api/ballots/sessions").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:org-unit-deactivated"))
                .body("errors[0].field", equalTo("categories.subjects.unit"));
        var heldByTown = new HashMap<>(heldByCounty1(Map.of("id", "p1", "name", "张三")));
        heldByTown.put("orgUnit", "town-13");
        as(ORGANIZER).contentType(ContentType.JSON).body(heldByTown).post("/api/ballots/sessions").then()
                .statusCode(409).body("errors[0].field", equalTo("orgUnit"));
    }

    @Test
    void aPersonSubjectIsOneOfTheRegistryWhoHeldAPostBelowInTheYear_orANameMarkedOutsideIt() {
        replicate("town-12", "county-1", "/city/county-1/town-12");
        UUID secretary = person("吴书记", "town-12", "/city/county-1/town-12", LocalDate.of(2023, 5, 1), null);
        UUID left = person("郑前任", "town-12", "/city/county-1/town-12", LocalDate.of(2020, 1, 1),
                LocalDate.of(2024, 12, 31));
        UUID own = person("周县委书记", "county-1", "/city/county-1", LocalDate.of(2022, 1, 1), null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(ORGANIZER).contentType(ContentType.JSON)
                .body(heldByCounty1(Map.of("person", secretary.toString()))).post("/api/ballots/sessions").then()
                .statusCode(201).body("definition.categories[0].subjects[0].id", equalTo(secretary.toString()))
                .body("definition.categories[0].subjects[0].name", equalTo("吴书记"))
                .body("definition.categories[0].subjects[0].outsideRegistry", equalTo(false)));
        // not in post in 2025, the session's own unit's leader, unknown, or not the registry's name
        for (var subject : List.of(Map.of("person", left.toString()), Map.of("person", own.toString()),
                Map.of("person", UUID.randomUUID().toString()),
                Map.of("person", secretary.toString(), "name", "吴某"))) {
            as(ORGANIZER).contentType(ContentType.JSON).body(heldByCounty1(subject)).post("/api/ballots/sessions")
                    .then().statusCode(400).body("type", equalTo("urn:party:problem:unknown-person"))
                    .body("errors[0].field", equalTo("categories.subjects.person"));
        }
        as(ORGANIZER).contentType(ContentType.JSON)
                .body(heldByCounty1(Map.of("id", secretary.toString(), "name", "吴书记"))).post("/api/ballots/sessions")
                .then().statusCode(400).body("type", equalTo("urn:party:problem:invalid-subject"));
        as(ORGANIZER).contentType(ContentType.JSON).body(heldByCounty1(Map.of("id", "guest-1", "name", "特邀代表")))
                .post("/api/ballots/sessions").then().statusCode(201)
                .body("definition.categories[0].subjects[0].outsideRegistry", equalTo(true));
    }

    private UUID person(String name, String unit, String path, LocalDate start, LocalDate end) {
        UUID id = UUID.randomUUID();
        var state = new PersonState(id, name, null, List.of(new PersonState.Held(UUID.randomUUID(), unit, path,
                "SECRETARY", "书记（第一责任人）", start, end)), 0);
        messaging.source("persons").send(codec.write(codec.envelope(new PersonRecorded(state), "assessment-service",
                Instant.now())));
        return id;
    }

    @Test
    void aCustomScaleNeedsValuesFallingFromItsTopGrade() {
        for (var grades : List.of(List.of(Map.of("label", "满意", "value", 100), Map.of("label", "不满意")),
                List.of(Map.of("label", "满意", "value", 100), Map.of("label", "不满意", "value", -1)),
                List.of(Map.of("label", "不满意", "value", 0), Map.of("label", "满意", "value", 100)))) {
            var body = new HashMap<>(definition("自定等次"));
            body.put("grades", grades);
            as(ORGANIZER).contentType(ContentType.JSON).body(body).post("/api/ballots/sessions").then().statusCode(400)
                    .body("type", equalTo("urn:party:problem:invalid-definition"))
                    .body("errors[0].field", equalTo("grades"));
        }
    }

    /** A January meeting of county-1 about the year before, with one subject. */
    private static Map<String, Object> heldByCounty1(Map<String, String> subject) {
        return Map.of("orgUnit", "county-1", "title", "乡镇党委书记述职评议", "date", "2026-01-15", "year", 2025,
                "categories", List.of(Map.of("code", "c1", "name", "乡镇", "subjects", List.of(subject))));
    }

    /** Sealing streams the box in chunks of a thousand and counts them on another thread: every ballot counts once. */
    @Test
    void aBoxOfManyChunksIsCountedWhole() throws Exception {
        String session = createSession("大票箱");
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);
        String marks = new ObjectMapper().writeValueAsString(marks("好", "较好", "一般", "差", "好", "较好"));
        sql("insert into ballot (id, session_id, ballot_type, status, marks, line_hash) "
                + "select gen_random_uuid(), '" + session + "', t, 'VALID', '" + marks + "', sha256(convert_to(t "
                + "|| '|VALID|county-1=好;county-2=较好;county-3=一般;county-4=差;p1=好;p2=较好', 'UTF8')) "
                + "from (select case when i % 2 = 0 then 'A' else 'B' end as t from generate_series(1, 2500) i) box");

        var results = as(ORGANIZER).post("/api/ballots/sessions/" + session + "/seal").then().statusCode(200)
                .body("tally.validBallots.A", equalTo(1250)).body("tally.validBallots.B", equalTo(1250))
                .body("tally.categories[0].subjects.find { it.subject == 'county-1' }.byType.A.counts.好", equalTo(1250))
                .extract().jsonPath();
        String box = as(ORGANIZER).get("/api/ballots/sessions/" + session + "/ballot-box").then().statusCode(200)
                .body("ballots", hasSize(2500)).extract().asString();
        var recount = Recount.recount(new ObjectMapper().readTree(box));
        assertThat(recount.digestMatches()).isTrue();
        assertThat(recount.digest()).isEqualTo(results.getString("digest"));
    }

    @Test
    void malformedBallotsAreRefusedAndSpendNothing() throws Exception {
        String session = createSession("校验");
        String code = issueCodes(session, "A", 1).get(0);
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);

        castWithCode(session, code, List.of(Map.of("subject", "nobody", "grade", "好"))).then().statusCode(400)
                .body("errors.field", contains("marks[0].subject"));
        castWithCode(session, code, List.of(Map.of("subject", "p1", "grade", "优秀"))).then().statusCode(400)
                .body("errors.field", contains("marks[0].grade"));
        castWithCode(session, code, List.of(Map.of("subject", "p1", "grade", "好"), Map.of("subject", "p1", "grade", "差")))
                .then().statusCode(400).body("errors.field", contains("marks[1].subject"));
        castWithCode(session, code, List.of(Map.of("subject", "p1"))).then().statusCode(400)
                .body("errors.field", contains("marks[0].grade"));
        castWithCode(session, code, Collections.singletonList(null)).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("code", code, "marks", marks("好", "较好")))
                .post("/api/ballots/cast").then().statusCode(400).body("errors.field", contains("sessionId"));
        castWithCode(session, "XXXX-XXXX-XXXX", marks("好")).then().statusCode(404)
                .body("type", equalTo("urn:party:problem:unknown-code"));
        // without a credential of the session, nothing tells what it would refuse, or whether it is open
        castWithCode(session, "XXXX-XXXX-XXXX", List.of(Map.of("subject", "nobody", "grade", "好"))).then().statusCode(404);
        String another = createSession("另一场");
        String codeOfAnother = issueCodes(another, "A", 1).get(0);
        castWithCode(another, "XXXX-XXXX-XXXX", marks("好", "较好")).then().statusCode(404);
        // a code casts only into its own session, whatever form it is sent with
        as(ORGANIZER).post("/api/ballots/sessions/" + another + "/open").then().statusCode(200);
        castWithCode(session, codeOfAnother, marks("好", "较好")).then().statusCode(404)
                .body("type", equalTo("urn:party:problem:unknown-code"));
        castWithCode(another, code, marks("好", "较好")).then().statusCode(404);
        assertThat(count("select count(*) from ballot where session_id in ('" + session + "', '" + another + "')"))
                .isZero();

        castWithCode(session, code, marks("好", "较好")).then().statusCode(200).body("status", equalTo("VALID"));
        castWithCode(session, code, marks("好", "较好")).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:credential-used"));
        castWithCode(another, codeOfAnother, marks("好", "较好")).then().statusCode(200);
    }

    @Test
    void aCredentialCastsOnceUnderConcurrency() throws Exception {
        String session = createSession("并发");
        String code = issueCodes(session, "A", 1).get(0);
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);

        var pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> casts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            casts.add(() -> castWithCode(session, code, marks("好", "较好", "一般")).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(casts)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(99);
        assertThat(count("select count(*) from ballot where session_id = '" + session + "'")).isEqualTo(1);
    }

    /**
     * The first cast of a session reads its definition. When voting opens, every pooled connection can be held by a
     * cast at once; the one that reads must not need another. Here all but one are held, and the cast goes through.
     */
    @Test
    void theFirstCastOfASessionNeedsOnlyOneConnection() throws Exception {
        String session = createSession("开始投票");
        String code = issueCodes(session, "A", 1).get(0);
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);

        int connections = ((AgroalDataSource) db).getConfiguration().connectionPoolConfiguration().maxSize();
        var held = new ArrayList<java.sql.Connection>();
        try {
            while (held.size() < connections - 1) {
                held.add(db.getConnection());
            }
            castWithCode(session, code, marks("好", "较好")).then().statusCode(200);
        } finally {
            for (var connection : held) {
                connection.close();
            }
        }
    }

    /**
     * Closing waits for the casts under way, shuffles, and only then lets the next cast look: that one finds the
     * session closed. No ballot enters the box after its shuffle, where its row would tell that it came last.
     */
    @Test
    void closingWaitsForACastUnderWayAndShufflesItsBallotWithTheRest() throws Exception {
        String session = createSession("封箱");
        issueCodes(session, "A", 1);
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
        String underWay = UUID.randomUUID().toString();

        var pool = Executors.newSingleThreadExecutor();
        try (var cast = db.getConnection()) {
            cast.setAutoCommit(false); // what a cast's statement has done just before it commits
            cast.createStatement().execute("update voting_credential set spent = true where session_id = '" + session + "'");
            cast.createStatement().execute("insert into ballot (id, session_id, ballot_type, status, marks, line_hash) "
                    + "values ('" + underWay + "', '" + session + "', 'A', 'VALID', '[]', '\\x00')");
            Future<Integer> close = pool.submit(() -> as(ORGANIZER).post("/api/ballots/sessions/" + session + "/close").statusCode());
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForLocks() == 1);
            cast.commit();
            assertThat(close.get()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
        // in the box, under a new id, written by the shuffle's transaction like every other ballot
        assertThat(count("select count(*) from ballot where session_id = '" + session + "'")).isEqualTo(1);
        assertThat(count("select count(*) from ballot where id = '" + underWay + "'")).isZero();
        assertThat(count("select count(*) from voting_credential where session_id = '" + session + "' and withdrawn"))
                .isZero();
    }

    @Test
    void whatClosingOvertakesCanNeitherCastNorIssue() throws Exception {
        String session = createSession("截止");
        List<String> codes = issueCodes(session, "A", 2);
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
        castWithCode(session, codes.get(0), marks("好", "较好")).then().statusCode(200);

        var pool = Executors.newFixedThreadPool(3);
        try (var shuffle = db.getConnection()) {
            shuffle.setAutoCommit(false); // stops closing at its shuffle, after it has withdrawn the unspent credential
            shuffle.createStatement().execute("select id from ballot where session_id = '" + session + "' for update");
            Future<Integer> close = pool.submit(() -> as(ORGANIZER).post("/api/ballots/sessions/" + session + "/close").statusCode());
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForLocks() == 1);
            Future<io.restassured.response.Response> lateCast = pool.submit(() -> castWithCode(session, codes.get(1), marks("一般", "好")));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForLocks() == 2);
            Future<Integer> lateCodes = pool.submit(() -> as(ORGANIZER).contentType(ContentType.JSON)
                    .body(Map.of("ballotType", "A", "count", 1)).post("/api/ballots/sessions/" + session + "/codes").statusCode());
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForLocks() == 3);
            shuffle.rollback();

            assertThat(close.get()).isEqualTo(200);
            lateCast.get().then().statusCode(409).body("type", equalTo("urn:party:problem:wrong-session-state"));
            assertThat(lateCodes.get()).isEqualTo(409);
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from ballot where session_id = '" + session + "'")).isEqualTo(1);
        assertThat(strings("select spent || '/' || withdrawn from voting_credential where session_id = '" + session
                + "' order by spent")).containsExactly("false/true", "true/false");
    }

    private long waitingForLocks() throws SQLException {
        return count("select count(*) from pg_locks where not granted");
    }

    @Test
    void boundAccountsVoteOnceAndOthersCannot() throws Exception {
        String session = createSession("账号投票");
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("ballotType", "B", "accounts", List.of("voter-a")))
                .post("/api/ballots/sessions/" + session + "/voters").then().statusCode(200).body("bound", equalTo(1));
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);

        String voterA = TestTokens.token("voter-a", "/city/district-a", "voter");
        as(voterA).get("/api/ballots/sessions/" + session + "/ballot-form").then().statusCode(200)
                .body("ballotType", equalTo("B")).body("categories[0].topLimit", equalTo(2)).body("spent", equalTo(false));
        as(voterA).contentType(ContentType.JSON).header("Idempotency-Key", "cast-1").body(Map.of("marks", marks("好", "较好")))
                .post("/api/ballots/sessions/" + session + "/ballots").then().statusCode(200);
        // a retry is refused rather than answered from a log: no record says when this voter cast, or what came of it
        as(voterA).contentType(ContentType.JSON).header("Idempotency-Key", "cast-1").body(Map.of("marks", marks("好", "较好")))
                .post("/api/ballots/sessions/" + session + "/ballots").then().statusCode(409);
        assertThat(count("select count(*) from idempotent_request where path like '%/ballots'")).isZero();
        as(voterA).get("/api/ballots/sessions/" + session + "/ballot-form").then().statusCode(200).body("spent", equalTo(true));
        as(TestTokens.token("voter-b", "/city/district-b", "voter")).contentType(ContentType.JSON)
                .body(Map.of("marks", marks("好"))).post("/api/ballots/sessions/" + session + "/ballots")
                .then().statusCode(404);
        // voters see no results and no turnout
        as(voterA).get("/api/ballots/sessions/" + session + "/turnout").then().statusCode(403);
    }

    @Test
    void rolesAndScopeGuardSessions() {
        String session = createSession("范围");
        String organizerA = TestTokens.token("organizer-a", "/city/district-a", "organizer");
        as(organizerA).get("/api/ballots/sessions/" + session).then().statusCode(404);
        as(organizerA).post("/api/ballots/sessions/" + session + "/open").then().statusCode(404);
        as(organizerA).get("/api/ballots/sessions").then().statusCode(200).body("items", hasSize(0));
        as(TestTokens.token("leader-a", "/city/district-a", "unit-leader")).contentType(ContentType.JSON)
                .body(definition("x")).post("/api/ballots/sessions").then().statusCode(403);
        as(TELLER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(403);
        given().get("/api/ballots/sessions/" + session).then().statusCode(401);
        // a district organizer cannot hold a session for the city
        as(organizerA).contentType(ContentType.JSON).body(definition("越权"))
                .post("/api/ballots/sessions").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-org-unit"));
    }

    @Test
    void theBallotTableCannotLinkABallotToAVoter() throws Exception {
        assertThat(new HashSet<>(columns("ballot")))
                .containsExactlyInAnyOrder("id", "session_id", "ballot_type", "status", "void_reason", "marks", "line_hash");
        assertThat(count("""
                select count(*) from information_schema.table_constraints
                where table_name = 'ballot' and constraint_type = 'FOREIGN KEY'""")).isEqualTo(1); // the session only

        String session = createSession("保密");
        List<String> codes = issueCodes(session, "A", 3);
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
        codes.forEach(code -> castWithCode(session, code, marks("较好", "一般")).then().statusCode(200));
        List<String> idsWhileOpen = strings("select id::text from ballot where session_id = '" + session + "'");

        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);
        List<String> idsWhenClosed = strings("select id::text from ballot where session_id = '" + session + "'");
        assertThat(idsWhenClosed).hasSize(3).doesNotContainAnyElementsOf(idsWhileOpen);
        // the rows written at closing share one transaction: their xmin says nothing of the order of casting
        assertThat(strings("select distinct xmin::text from ballot where session_id = '" + session + "'")).hasSize(1);
        // nor does the audit trail keep when a ballot was cast, while it records the organizer's steps
        assertThat(strings("select path from audit_entry where path like '%/cast%' or path like '%/ballots'")).isEmpty();
        assertThat(strings("select path from audit_entry where path = '/api/ballots/sessions/" + session + "/close'"))
                .hasSize(1);
    }

    /**
     * While a session is open, a cast spends its credential and stores its ballot in one statement, so the two rows
     * share a transaction id. Closing rewrites the spent credentials as well as the box: afterwards none of them keeps
     * a transaction id of a cast, and their physical order is not the order in which the voters cast.
     */
    @Test
    void closingLeavesTheCredentialsNoTraceOfTheOrderOfCasting() throws Exception {
        String session = createSession("凭证保密");
        List<String> voters = IntStream.range(0, 20).mapToObj(i -> String.format("voter-%02d", i)).toList();
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("ballotType", "A", "accounts", voters))
                .post("/api/ballots/sessions/" + session + "/voters").then().statusCode(200).body("bound", equalTo(20));
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
        var castingOrder = new ArrayList<>(voters);
        Collections.shuffle(castingOrder, new Random(19)); // not the order they were bound in
        for (String voter : castingOrder) {
            as(TestTokens.token(voter, "/city/county-1", "voter")).contentType(ContentType.JSON)
                    .body(Map.of("marks", marks("较好", "一般"))).post("/api/ballots/sessions/" + session + "/ballots")
                    .then().statusCode(200);
        }
        String credentials = "from voting_credential where session_id = '" + session + "'";
        List<String> xminsOfCasts = strings("select xmin::text from ballot where session_id = '" + session + "'");
        // what a reader of the database can pair while the session is open (docs/ballot-secrecy.md)
        assertThat(strings("select xmin::text " + credentials)).containsExactlyInAnyOrderElementsOf(xminsOfCasts);

        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);
        assertThat(strings("select distinct xmin::text " + credentials + " and spent")).hasSize(1)
                .doesNotContainAnyElementsOf(xminsOfCasts);
        assertThat(strings("select account " + credentials + " order by ctid")).hasSize(20).isNotEqualTo(castingOrder);
    }

    private void replicate(String code, String parent, String path) {
        var state = new OrgUnitState(code, code + " 党委", parent == null ? OrgLevel.CITY : OrgLevel.COUNTY, "district",
                parent, path, false, 0);
        messaging.source("org-units").send(codec.write(codec.envelope(new OrgUnitCreated(state), "assessment-service",
                Instant.now())));
    }

    private List<String> columns(String table) throws SQLException {
        return strings("select column_name from information_schema.columns where table_name = '" + table + "'");
    }

    private List<String> strings(String query) throws SQLException {
        try (var connection = db.getConnection(); var rs = connection.createStatement().executeQuery(query)) {
            var values = new ArrayList<String>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private long count(String query) throws SQLException {
        return Long.parseLong(strings(query).get(0));
    }

    private void sql(String statement) throws SQLException {
        try (var connection = db.getConnection()) {
            connection.createStatement().execute(statement);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
