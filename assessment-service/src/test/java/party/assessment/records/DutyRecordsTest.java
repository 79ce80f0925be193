package party.assessment.records;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.testing.PrintedSheets;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * Duty records 履责纪实: the unit records its own leaders' duties, the committee above reads them and never writes
 * them, a late entry says why, a record is put right or withdrawn only while its period is open, and an indicator
 * counted from records scores the year's records with each one listed in the breakdown.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DutyRecordsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final String RECORDS = "/api/assessment/duty-records";
    /** file names as a browser sends them, in UTF-8 */
    private static final RestAssuredConfig UTF8_MULTIPART = RestAssured.config()
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8))
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE));

    @Inject
    DataSource db;

    /** A county of its own for each test, with a town whose leaders are registered by the county. */
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
        county = "county-r" + UUID.randomUUID().toString().substring(0, 6);
        town = county + "-t";
        unit(admin, county, "R县委", "county", "district", "city");
        unit(admin, town, "R镇党委", "township", "town", county);
        countyOrganizer = TestTokens.token("organizer-" + county, "/city/" + county, "organizer");
        clerk = TestTokens.token("clerk-" + town, "/city/" + county + "/" + town, "unit-leader");
        secretary = registered("赵书记", "SECRETARY", TODAY.minusYears(3));
        member = registered("钱委员", "MEMBER", TODAY.minusYears(3));
    }

    @Test
    void theUnitRecordsItsLeadersDutiesAndTheCommitteeAboveReadsThemButNeverWrites() {
        String id = as(clerk).body(record(secretary, "PARTY_BUILDING_MEETING", TODAY)).post(RECORDS).then()
                .statusCode(201).header("Location", startsWith("http://localhost"))
                .body("personName", equalTo("赵书记")).body("postLabel", equalTo("书记（第一责任人）"))
                .body("kindName", equalTo("专题研究党建会议")).body("unitName", equalTo("R镇党委"))
                .body("late", equalTo(false))
                .body("editableUntil", equalTo(YearMonth.from(TODAY).atEndOfMonth().plusDays(10).toString()))
                .extract().path("id");
        as(countyOrganizer).get(RECORDS + "/" + id).then().statusCode(200);
        as(countyOrganizer).get(RECORDS + "?person=" + secretary).then().statusCode(200).body("items.id", contains(id));
        as(TestTokens.everyRole("outsider", "/city/elsewhere")).get(RECORDS + "/" + id).then().statusCode(404);

        // the county's own accounts read, but a town's record is the town's to make
        String countyLeader = TestTokens.token("leader-" + county, "/city/" + county, "unit-leader");
        as(countyLeader).body(record(secretary, "PARTY_LECTURE", TODAY)).post(RECORDS).then().statusCode(403)
                .body("type", equalTo("urn:party:problem:wrong-side"));
        as(countyLeader).body(change("改写", null)).put(RECORDS + "/" + id).then().statusCode(403);
        as(countyOrganizer).body(record(secretary, "PARTY_LECTURE", TODAY)).post(RECORDS).then().statusCode(403);
    }

    @Test
    void badRecordsAreRefusedAndStoreNothing() {
        String elsewhere = registeredIn(countyOrganizer, "孙外镇", county + "-x");
        for (var bad : List.of(
                Map.entry(record(secretary, "PARTY_LECTURE", TODAY.plusDays(1)), "validation"),
                Map.entry(record(secretary, "HOME_VISIT", TODAY), "unknown-record-kind"),
                Map.entry(record(elsewhere, "PARTY_LECTURE", TODAY), "unknown-person"),
                Map.entry(record(UUID.randomUUID().toString(), "PARTY_LECTURE", TODAY), "unknown-person"),
                Map.entry(record(secretary, "PARTY_LECTURE", TODAY.minusYears(4)), "unknown-person"))) {
            as(clerk).body(bad.getKey()).post(RECORDS).then().statusCode(400)
                    .body("type", equalTo("urn:party:problem:" + bad.getValue()));
        }
        var noSummary = record(secretary, "PARTY_LECTURE", TODAY);
        noSummary.remove("summary");
        as(clerk).body(noSummary).post(RECORDS).then().statusCode(400).body("errors[0].field", equalTo("summary"));
        as(countyOrganizer).get(RECORDS + "?unit=" + town).then().statusCode(200).body("items", empty());
    }

    @Test
    void aLateEntrySaysWhyAndIsMarked() {
        LocalDate longAgo = TODAY.minusMonths(2).withDayOfMonth(1);
        as(clerk).body(record(secretary, "HEART_TO_HEART_TALK", longAgo)).post(RECORDS).then().statusCode(400)
                .body("type", equalTo("urn:party:problem:justification-required"))
                .body("errors[0].field", equalTo("lateReason"));
        var late = record(secretary, "HEART_TO_HEART_TALK", longAgo);
        late.put("lateReason", "外出学习，返岗后补录");
        as(clerk).body(late).post(RECORDS).then().statusCode(201).body("late", equalTo(true))
                .body("lateReason", equalTo("外出学习，返岗后补录"))
                .body("editableUntil", equalTo(YearMonth.from(TODAY).atEndOfMonth().plusDays(10).toString()));
    }

    @Test
    void aRecordIsPutRightGivenEvidenceOrWithdrawnWhileOpen_thenLocked() throws SQLException {
        String id = as(clerk).body(record(member, "CONTACT_POINT_VISIT", TODAY)).post(RECORDS).then().statusCode(201)
                .extract().path("id");
        String path = RECORDS + "/" + id;
        as(clerk).body(change("到联系村调研集体经济", 0L)).put(path).then().statusCode(200)
                .body("summary", equalTo("到联系村调研集体经济")).body("version", equalTo(1));
        as(clerk).body(change("再改", 0L)).put(path).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:stale-version"));

        String file = given().config(UTF8_MULTIPART).auth().oauth2(clerk).multiPart("file", "现场.png", PNG, "image/png")
                .post(path + "/evidence").then().statusCode(201).body("mediaType", equalTo("image/png"))
                .extract().path("id");
        given().auth().oauth2(clerk).multiPart("file", "notes.txt", "plain text".getBytes(), "image/png")
                .post(path + "/evidence").then().statusCode(415);
        byte[] downloaded = as(countyOrganizer).get(path + "/evidence/" + file).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(downloaded).isEqualTo(PNG);
        as(countyOrganizer).get(path).then().body("evidence.fileName", contains("现场.png"));

        sql("update duty_record set editable_until = '" + TODAY.minusDays(1) + "' where id = '" + id + "'");
        as(clerk).body(change("锁定后", null)).put(path).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:record-locked"));
        as(clerk).body(Map.of("reason", "误录")).post(path + "/withdraw").then().statusCode(409);
        sql("update duty_record set editable_until = '" + TODAY + "' where id = '" + id + "'");

        as(clerk).body(Map.of("reason", "误录")).post(path + "/withdraw").then().statusCode(200)
                .body("withdrawn", equalTo(true));
        as(clerk).get(RECORDS + "?person=" + member).then().body("items", empty());
        as(clerk).get(RECORDS + "?person=" + member + "&withdrawn=true").then().body("items", hasSize(1));
        as(clerk).body(change("撤回后", null)).put(path).then().statusCode(409);
    }

    @Test
    void anIndicatorCountedFromRecordsScoresTheYearsRecordsAndListsEachOne() throws java.io.IOException {
        int year = TODAY.getYear();
        String scheme = as(countyOrganizer).body(Map.of("year", year, "orgUnit", county, "title", "乡镇党委书记抓党建考核",
                "definition", countedScheme())).post("/api/assessment/schemes").then().statusCode(201)
                .extract().path("id");
        String base = "/api/assessment/schemes/" + scheme;
        as(countyOrganizer).post(base + "/publish").then().statusCode(200);

        for (String person : List.of(secretary, secretary, member)) {
            as(clerk).body(record(person, "PARTY_BUILDING_MEETING", TODAY)).post(RECORDS).then().statusCode(201);
        }
        String mistaken = as(clerk).body(record(secretary, "PARTY_BUILDING_MEETING", TODAY)).post(RECORDS).then()
                .extract().path("id");
        as(clerk).body(Map.of("reason", "重复录入")).post(RECORDS + "/" + mistaken + "/withdraw").then().statusCode(200);
        as(clerk).body(record(member, "PARTY_LECTURE", TODAY)).post(RECORDS).then().statusCode(201);
        as(clerk).body(record(secretary, "HOME_VISIT", TODAY)).post(RECORDS).then().statusCode(201); // the scheme's kind
        as(clerk).get(RECORDS + "/kinds").then().statusCode(200)
                .body("find { it.code == 'PARTY_LECTURE' }.name", equalTo("讲党课"))
                .body("find { it.code == 'HOME_VISIT' }.name", equalTo("入户走访"));

        as(countyOrganizer).post(base + "/compute").then().statusCode(200);
        // 3 meetings of 4, linear on 60 points: 45; no lecture by the secretary: 0 of 30; 1 home visit of 1: 10
        as(countyOrganizer).get(base + "/results/" + town).then().statusCode(200)
                .body("indicators.find { it.code == 'RESP-1' }.measure.value", equalTo(3))
                .body("indicators.find { it.code == 'RESP-1' }.earned", equalTo(45.0f))
                .body("indicators.find { it.code == 'RESP-3' }.earned", equalTo(0.0f))
                .body("indicators.find { it.code == 'RESP-4' }.earned", equalTo(10.0f))
                .body("countedRecords.findAll { it.indicator == 'RESP-1' }", hasSize(3))
                .body("countedRecords.find { it.indicator == 'RESP-4' }.kindName", equalTo("入户走访"))
                .body("countedRecords[0].href", startsWith(RECORDS + "/"))
                .body("unreviewed", empty());

        // a record made follows through to the result without another compute
        as(clerk).body(record(secretary, "PARTY_LECTURE", TODAY)).post(RECORDS).then().statusCode(201);
        as(countyOrganizer).get(base + "/results/" + town).then()
                .body("indicators.find { it.code == 'RESP-3' }.earned", equalTo(30.0f))
                .body("countedRecords.find { it.indicator == 'RESP-3' }.person", equalTo("赵书记"));

        // the breakdown's workbook lists them too
        byte[] workbook = as(countyOrganizer).get(base + "/results/" + town + "/breakdown.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (var sheets = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            var rows = sheets.findSheet("履责纪实").orElseThrow().read();
            assertThat(rows).hasSize(2 + 5); // the title, the header, 3 meetings, the home visit, the lecture
            assertThat(rows.get(2).getCellText(4)).isEqualTo("专题研究党建会议");
        }

        // the secretary's year for their 述职: their records, and how many of them each counted indicator counted
        String page = "/api/assessment/persons/" + secretary + "/years/" + year;
        as(countyOrganizer).get(page).then().statusCode(200).body("name", equalTo("赵书记"))
                .body("posts[0].postLabel", equalTo("书记（第一责任人）"))
                .body("byKind.专题研究党建会议", equalTo(2)) // the withdrawn one is not theirs to show
                .body("counted.find { it.indicator == 'RESP-1' }.records", equalTo(2))
                .body("counted.find { it.indicator == 'RESP-3' }.records", equalTo(1))
                .body("records", hasSize(4));
        as(TestTokens.everyRole("outsider", "/city/elsewhere")).get(page).then().statusCode(404);
        as(countyOrganizer).get("/api/assessment/persons/" + secretary + "/years/" + (year - 5)).then().statusCode(404);
        byte[] report = as(countyOrganizer).get(page + "/export.xlsx").then().statusCode(200).extract().asByteArray();
        try (var sheets = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(report))) {
            assertThat(sheets.findSheet("履责纪实").orElseThrow().read()).hasSize(2 + 4);
        }
        try (var sheets = new XSSFWorkbook(new java.io.ByteArrayInputStream(report))) {
            assertThat(sheets).extracting(Sheet::getSheetName)
                    .containsExactly("任职", "责任清单", "履责纪实", "计入指标", "结果运用");
            Sheet records = sheets.getSheet("履责纪实");
            PrintedSheets.assertPrintable(records, false);
            assertThat(records.getRow(0).getCell(0).getStringCellValue()).startsWith("赵书记 " + year + "年度 · 履责纪实 · 导出于 ");
            assertThat(DateUtil.isCellDateFormatted(records.getRow(2).getCell(0))).isTrue();
            assertThat(sheets.getSheet("计入指标").getRow(2).getCell(1).getStringCellValue()).isEqualTo("R镇党委");
        }

        // nobody reports a counted figure, and the scheme locks without one
        as(clerk).body(Map.of("value", 4)).put(base + "/units/" + town + "/indicators/RESP-1/self").then()
                .statusCode(400).body("type", equalTo("urn:party:problem:invalid-measure"));
        as(countyOrganizer).post(base + "/lock").then().statusCode(200);
    }

    private static Map<String, Object> countedScheme() {
        return Map.of("dimensions", List.of(Map.of("code", "RESP", "name", "党建责任落实", "weight", 100, "indicators", List.of(
                        counted("RESP-1", "党委专题研究党建工作每年不少于4次", 60, "LINEAR", 4, Map.of("kind", "PARTY_BUILDING_MEETING")),
                        counted("RESP-3", "党委书记每年讲党课不少于1次", 30, "THRESHOLD", 1,
                                Map.of("kind", "PARTY_LECTURE", "post", "SECRETARY")),
                        counted("RESP-4", "班子成员入户走访", 10, "THRESHOLD", 1, Map.of("kind", "HOME_VISIT"))))),
                "components", Map.of("YEAR_END", 100),
                "recordKinds", List.of(Map.of("code", "HOME_VISIT", "name", "入户走访")));
    }

    private static Map<String, Object> counted(String code, String name, int points, String kind, int target,
                                               Map<String, String> records) {
        return Map.of("code", code, "name", name, "points", points, "department", "organization", "method",
                Map.of("kind", kind, "target", target, "comparison", "AT_LEAST", "unit", "次", "records", records));
    }

    private static Map<String, Object> record(String person, String kind, LocalDate day) {
        return new HashMap<>(Map.of("personId", person, "kind", kind, "happenedOn", day.toString(),
                "participants", 9, "summary", "研究部署基层党建工作"));
    }

    private static Map<String, Object> change(String summary, Long version) {
        var body = new HashMap<String, Object>(Map.of("kind", "CONTACT_POINT_VISIT", "happenedOn", TODAY.toString(),
                "summary", summary));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private String registered(String name, String post, LocalDate start) {
        return as(countyOrganizer).body(Map.of("name", name, "appointment", Map.of("unit", town, "post", post,
                "termStart", start.toString()))).post("/api/assessment/persons").then().statusCode(201)
                .extract().path("id");
    }

    private static String registeredIn(String organizer, String name, String otherTown) {
        unit(TestTokens.token("admin", "/", "admin"), otherTown, "另一镇", "township", "town",
                otherTown.substring(0, otherTown.length() - 2));
        return as(organizer).body(Map.of("name", name, "appointment", Map.of("unit", otherTown, "post", "SECRETARY",
                "termStart", "2020-01-01"))).post("/api/assessment/persons").then().statusCode(201).extract().path("id");
    }

    private void sql(String statement) throws SQLException {
        try (var connection = db.getConnection()) {
            connection.createStatement().executeUpdate(statement);
        }
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
