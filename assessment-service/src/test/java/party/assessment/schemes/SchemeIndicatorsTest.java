package party.assessment.schemes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.common.sheets.UploadedSheet;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * A draft's indicator tree from a committee's sheet (POST …/indicators) and as one (GET …/indicators.xlsx): what the
 * download holds imports as the same tree, a sheet is taken whole or not at all, under the rules of PUT.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SchemeIndicatorsTest {

    private static final String ADMIN = TestTokens.token("admin", "/", "admin");
    private static final String ORGANIZER = TestTokens.token("organizer-sa", "/shire/shire-a", "organizer");
    private static final String OTHER_COUNTY = TestTokens.token("organizer-sb", "/shire/shire-b", "organizer");
    private static final String REVIEWER = TestTokens.reviewer("reviewer-sa", "/shire/shire-a", "organization");
    private static final String LEADER = TestTokens.token("leader-sa1", "/shire/shire-a/shire-a1", "unit-leader");
    private static final String OA = TestTokens.token("oa", "/shire", "integration");

    @BeforeEach
    void hierarchy() {
        unit("shire", "S市委", "city", "city", null);
        unit("shire-a", "S市A县委", "county", "county", "shire");
        unit("shire-b", "S市B县委", "county", "county", "shire");
        unit("shire-a1", "A县一镇", "township", "town", "shire-a");
    }

    @Test
    void aDownloadedTreeImportsIntoAnotherDraftAsTheSameTree_theDraftKeepingTheRestOfItsDefinition() {
        String defined = draft(definition());
        byte[] sheet = as(OA).get("/api/assessment/schemes/" + defined + "/indicators.xlsx").then().statusCode(200)
                .contentType(UploadedSheet.XLSX)
                .header("Content-Disposition", containsString("indicators.xlsx")).extract().asByteArray();
        var other = new HashMap<>(oneDimension());
        other.put("topQuota", 0.2);
        String target = draft(other);

        as(ORGANIZER).contentType(UploadedSheet.XLSX).body(sheet).post("/api/assessment/schemes/" + target
                + "/indicators").then().statusCode(200).body("state", equalTo("DRAFT"));

        Object expected = dimensions(defined);
        assertThat(dimensions(target)).isEqualTo(expected);
        as(ORGANIZER).get("/api/assessment/schemes/" + target).then().body("definition.topQuota", equalTo(0.2f))
                .body("title", equalTo("S市A县委2026年度考核")).body("year", equalTo(2026));
    }

    @Test
    void chineseMethodNamesBuildTheTree() {
        String scheme = draft(oneDimension());

        as(ORGANIZER).contentType("text/csv").body(csv(
                        IndicatorSheetTest.HEADER,
                        "ORG,组织建设,60,ORG-1,支部建设达标率100%,30,organization,达标,100,不少于,%,,,,,,,达标验收表",
                        "ORG,组织建设,,ORG-2,民主生活会质量,30,organization,定性,,,,,,,A=30；B=24,,community、village,记录",
                        "INT,廉政建设,40,INT-1,违纪问题（每起扣5分）,40,discipline,扣分,,,起,5,0,,,,,纪委通报",
                        "INT,,,INT-VETO,发生严重违纪违法案件,,discipline,一票否决,,,,,,,,一般,,立案通报"))
                .post("/api/assessment/schemes/" + scheme + "/indicators").then().statusCode(200)
                .body("definition.dimensions.code", contains("ORG", "INT"))
                .body("definition.dimensions[0].indicators[0].method.kind", equalTo("THRESHOLD"))
                .body("definition.dimensions[0].indicators[0].method.target", equalTo(100))
                .body("definition.dimensions[0].indicators[0].method.comparison", equalTo("AT_LEAST"))
                .body("definition.dimensions[0].indicators[0].method.unit", equalTo("%"))
                .body("definition.dimensions[0].indicators[1].method.kind", equalTo("QUALITATIVE"))
                .body("definition.dimensions[0].indicators[1].method.gradePoints", equalTo(Map.of("A", 30, "B", 24)))
                .body("definition.dimensions[0].indicators[1].categories", contains("community", "village"))
                .body("definition.dimensions[1].indicators[1].method.kind", equalTo("VETO"))
                .body("definition.dimensions[1].indicators[1].method.capGrade", equalTo("一般"))
                .body("definition.components.YEAR_END", equalTo(100));
    }

    @Test
    void aBadNumberAndAnUnknownMethodAreListedAndChangeNothing() {
        String scheme = draft(definition());
        Object before = dimensions(scheme);

        as(ORGANIZER).contentType("text/csv").body(csv(
                        IndicatorSheetTest.HEADER,
                        "ORG,组织建设,60,ORG-1,支部建设,30,organization,达标,100,不少于,%,,,,,,,",
                        "ORG,组织建设,60,ORG-2,服务场所,三十,organization,达标,500,不少于,m²,,,,,,,",
                        "RESP,党建责任,40,RESP-1,专题研究,40,organization,打分,4,不少于,次,,,,,,,"))
                .post("/api/assessment/schemes/" + scheme + "/indicators").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:invalid-sheet-row"))
                .body("title", equalTo("表格有不合法的行"))
                .body("detail", startsWith("2 rows cannot be read"))
                .body("errors.field", contains("row 3 分值", "row 4 评分方法"));

        assertThat(dimensions(scheme)).isEqualTo(before);
    }

    @Test
    void weightsThatDoNotAddUpAreRefusedAsPutRefusesThem() {
        String scheme = draft(definition());
        Object before = dimensions(scheme);

        as(ORGANIZER).contentType("text/csv").body(csv(
                        IndicatorSheetTest.HEADER,
                        "ORG,组织建设,60,ORG-1,支部建设,30,organization,达标,100,不少于,%,,,,,,,",
                        "ORG,组织建设,60,ORG-2,服务场所,20,organization,达标,500,不少于,m²,,,,,,,",
                        "RESP,党建责任,40,RESP-1,专题研究,40,organization,比例,4,不少于,次,,,,,,,"))
                .post("/api/assessment/schemes/" + scheme + "/indicators").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:invalid-scheme"))
                .body("detail", containsString("dimension ORG add up to 50, not its weight 60"))
                .body("errors[0].field", equalTo("definition.dimensions[0].indicators"));

        assertThat(dimensions(scheme)).isEqualTo(before);
    }

    @Test
    void onlyTheDraftsDesignersImport_andOnlyIntoADraft() {
        String scheme = draft(definition());
        String path = "/api/assessment/schemes/" + scheme;
        byte[] sheet = as(ORGANIZER).get(path + "/indicators.xlsx").then().statusCode(200).extract().asByteArray();

        as(REVIEWER).contentType(UploadedSheet.XLSX).body(sheet).post(path + "/indicators").then().statusCode(403);
        as(LEADER).contentType(UploadedSheet.XLSX).body(sheet).post(path + "/indicators").then().statusCode(403);
        as(LEADER).get(path + "/indicators.xlsx").then().statusCode(403);
        // another county's organizer: as PUT answers them
        int put = as(OTHER_COUNTY).contentType(ContentType.JSON).body(define(definition())).put(path).then()
                .extract().statusCode();
        as(OTHER_COUNTY).contentType(UploadedSheet.XLSX).body(sheet).post(path + "/indicators").then()
                .statusCode(put).body("type", equalTo("urn:party:problem:not-found"));
        as(OTHER_COUNTY).get(path + "/indicators.xlsx").then().statusCode(404);

        as(ORGANIZER).post(path + "/publish").then().statusCode(200);
        as(ORGANIZER).contentType(UploadedSheet.XLSX).body(sheet).post(path + "/indicators").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:wrong-scheme-state"));
        as(ORGANIZER).get(path + "/indicators.xlsx").then().statusCode(200);
    }

    /** Two dimensions with one indicator of each method, categories and a floor among them. */
    private static Map<String, Object> definition() {
        return Map.of(
                "dimensions", List.of(
                        Map.of("code", "ORG", "name", "组织建设", "weight", 60, "indicators", List.of(
                                indicator("ORG-1", "支部建设达标率100%", 30, null,
                                        Map.of("kind", "THRESHOLD", "target", 100, "comparison", "AT_LEAST", "unit", "%")),
                                indicator("ORG-2", "村集体经济收入不低于2万元", 20, List.of("village"),
                                        Map.of("kind", "LINEAR", "target", 20000, "comparison", "AT_LEAST", "unit", "元")),
                                indicator("ORG-3", "落实民主集中制", 10, List.of("county", "town"),
                                        Map.of("kind", "QUALITATIVE", "gradePoints", Map.of("A", 10, "B", 7.5))))),
                        Map.of("code", "RESP", "name", "党建责任落实", "weight", 40, "indicators", List.of(
                                indicator("RESP-1", "违反中央八项规定精神问题", 40, null,
                                        Map.of("kind", "DEDUCTION", "perOccurrence", 5, "floor", 0, "unit", "起")),
                                indicator("RESP-BONUS", "获市级以上表彰", null, null,
                                        Map.of("kind", "BONUS", "perOccurrence", 2, "cap", 5, "unit", "项")),
                                indicator("VETO-1", "发生严重违纪违法案件", null, null,
                                        Map.of("kind", "VETO", "capGrade", "一般"))))),
                "components", Map.of("YEAR_END", 80, "ROUTINE", 20));
    }

    private static Map<String, Object> oneDimension() {
        return Map.of("dimensions", List.of(Map.of("code", "ALL", "name", "综合", "weight", 100, "indicators", List.of(
                        indicator("ALL-1", "综合评价", 100, null, Map.of("kind", "QUALITATIVE",
                                "gradePoints", Map.of("A", 100)))))),
                "components", Map.of("YEAR_END", 100));
    }

    private static Map<String, Object> indicator(String code, String name, Integer points, List<String> categories,
                                                 Map<String, Object> method) {
        var indicator = new HashMap<String, Object>(Map.of("code", code, "name", name, "department", "organization",
                "evidence", "佐证：" + name, "method", method));
        if (points != null) {
            indicator.put("points", points);
        }
        if (categories != null) {
            indicator.put("categories", categories);
        }
        return indicator;
    }

    private static Map<String, Object> define(Map<String, Object> definition) {
        return Map.of("year", 2026, "orgUnit", "shire-a", "title", "S市A县委2026年度考核", "definition", definition);
    }

    private static String draft(Map<String, Object> definition) {
        return as(ORGANIZER).contentType(ContentType.JSON).body(define(definition)).post("/api/assessment/schemes")
                .then().statusCode(201).extract().path("id");
    }

    private static Object dimensions(String scheme) {
        return as(ORGANIZER).get("/api/assessment/schemes/" + scheme).then().statusCode(200).extract()
                .path("definition.dimensions");
    }

    private static byte[] csv(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static void unit(String code, String name, String level, String category, String parent) {
        var body = new HashMap<String, Object>(Map.of("code", code, "name", name, "level", level, "category", category));
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
