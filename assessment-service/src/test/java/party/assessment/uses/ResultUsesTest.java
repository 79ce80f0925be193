package party.assessment.uses;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import party.testing.PrintedSheets;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * Results applied 结果运用 (docs/domain.md §9): on an announced result the committee records each use, lists and
 * exports them, and next year counts what was done about last year's low grades.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ResultUsesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aCommitteeRecordsHowItUsedAnnouncedResultsAndCountsThemTheNextYear() throws Exception {
        String admin = TestTokens.token("admin", "/", "admin");
        unit(admin, "city", "市委", "city", "city", null);
        String county = "county-u" + UUID.randomUUID().toString().substring(0, 6);
        unit(admin, county, "U县委", "county", "district", "city");
        for (String town : List.of("-1", "-2", "-3")) {
            unit(admin, county + town, "U县" + town + "镇", "township", "town", county);
        }
        String organizer = TestTokens.token("organizer-" + county, "/city/" + county, "organizer");
        String secretary = as(organizer).body(Map.of("name", "吴书记", "appointment", Map.of("unit", county + "-1",
                "post", "SECRETARY", "termStart", "2020-01-01"))).post("/api/assessment/persons").then().statusCode(201)
                .extract().path("id");
        String lastYear = scheme(organizer, county, TODAY.getYear() - 1, false);
        String uses = "/api/assessment/schemes/" + lastYear + "/uses";
        String base = "/api/assessment/schemes/" + lastYear;
        as(organizer).body(talk(county + "-1", secretary)).post(uses).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:results-not-announced"));
        as(organizer).post(base + "/announce").then().statusCode(200);

        // every town scored nothing (no duty record counted): 差, all three; the first one's secretary is talked to
        as(organizer).body(talk(county + "-1", secretary)).post(uses).then().statusCode(201)
                .body("kindLabel", equalTo("约谈")).body("personName", equalTo("吴书记")).body("grade", equalTo("差"));
        var noPerson = new HashMap<>(talk(county + "-2", null));
        as(organizer).body(noPerson).post(uses).then().statusCode(400).body("errors[0].field", equalTo("personId"));
        as(organizer).body(talk(county + "-2", secretary)).post(uses).then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-person")); // not a leader of that town
        var future = new HashMap<>(talk(county + "-1", secretary));
        future.put("decidedOn", TODAY.plusDays(1).toString());
        as(organizer).body(future).post(uses).then().statusCode(400).body("errors[0].field", equalTo("decidedOn"));
        String mistaken = as(organizer).body(Map.of("unit", county + "-2", "kind", "AWARD", "decision", "评为先进",
                "decidedOn", TODAY.toString())).post(uses).then().statusCode(201).extract().path("id");
        as(organizer).body(Map.of("reason", "录错单位")).post(uses + "/" + mistaken + "/withdraw").then()
                .statusCode(200).body("withdrawn", equalTo(true));
        as(organizer).body(Map.of("reason", "再撤")).post(uses + "/" + mistaken + "/withdraw").then().statusCode(409);

        // the assessed units do not record how their own result is used, nor read it
        as(TestTokens.token("organizer-t", "/city/" + county + "/" + county + "-1", "organizer"))
                .body(talk(county + "-1", secretary)).post(uses).then().statusCode(404);
        as(TestTokens.token("leader-t", "/city/" + county + "/" + county + "-1", "unit-leader")).get(uses).then()
                .statusCode(403);

        as(organizer).get(uses + "?kind=TALK").then().statusCode(200).body("unit", contains(county + "-1"));
        byte[] workbook = as(organizer).get(uses + "/export.xlsx").then().statusCode(200).extract().asByteArray();
        try (var sheets = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            var rows = sheets.getFirstSheet().read();
            assertThat(rows).hasSize(4); // title, header, the talk, the withdrawn award
            assertThat(rows.get(2).getCellText(3)).isEqualTo("约谈");
            assertThat(rows.get(3).getCellText(8)).startsWith("是");
        }
        try (var sheets = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = sheets.getSheet("结果运用");
            PrintedSheets.assertPrintable(sheet, true);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo((TODAY.getYear() - 1) + "年度乡镇考核 · 结果运用 · 导出于 " + TODAY);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("U县-1镇");
            assertThat(sheet.getRow(2).getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(TODAY);
            assertThat(sheet.getRow(2).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
        }

        // next year: what was done about last year's 差
        String thisYear = scheme(organizer, county, TODAY.getYear(), true);
        as(organizer).get("/api/assessment/schemes/" + thisYear + "/uses/summary").then().statusCode(200)
                .body("lastYear.schemeId", equalTo(lastYear))
                .body("lastYear.grades.find { it.grade == '差' }.units", equalTo(3))
                .body("lastYear.grades.find { it.grade == '差' }.used.TALK", equalTo(1))
                .body("lastYear.grades.find { it.grade == '差' }.used.AWARD", equalTo(0))
                .body("lastYear.notTalkedTo", contains(county + "-2", county + "-3"));
    }

    private static Map<String, Object> talk(String unit, String person) {
        var body = new HashMap<String, Object>(Map.of("unit", unit, "kind", "TALK", "decision", "约谈党委书记，限期整改",
                "decidedOn", TODAY.toString(), "documentRef", "组通〔2026〕12号"));
        if (person != null) {
            body.put("personId", person);
        }
        return body;
    }

    /** A scheme of one indicator counted from records, computed and locked (announced when asked). */
    private static String scheme(String organizer, String county, int year, boolean announce) {
        var definition = Map.of("dimensions", List.of(Map.of("code", "RESP", "name", "党建责任落实", "weight", 100,
                        "indicators", List.of(Map.of("code", "RESP-1", "name", "专题研究党建工作", "points", 100,
                                "department", "organization", "method", Map.of("kind", "LINEAR", "target", 4,
                                        "comparison", "AT_LEAST", "records", Map.of("kind", "PARTY_BUILDING_MEETING")))))),
                "components", Map.of("YEAR_END", 100));
        String id = as(organizer).body(Map.of("year", year, "orgUnit", county, "title", year + "年度乡镇考核",
                "definition", definition)).post("/api/assessment/schemes").then().statusCode(201).extract().path("id");
        String base = "/api/assessment/schemes/" + id;
        as(organizer).post(base + "/publish").then().statusCode(200);
        as(organizer).post(base + "/lock").then().statusCode(200);
        if (announce) {
            as(organizer).post(base + "/announce").then().statusCode(200);
        }
        return id;
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
