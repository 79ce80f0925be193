package party.assessment.orgunits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.assessment.inputs.Sheets;
import party.common.sheets.UploadedSheet;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/** A sheet of units: each row created as POST /org-units creates one, every row or none. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OrgUnitImportTest {

    private static final String ORGANIZER = TestTokens.token("organizer", "/city", "organizer");
    private static final String ORGANIZER_B = TestTokens.token("organizer-b", "/city/district-b", "organizer");
    private static final String IMPORT = "/api/assessment/org-units/import";
    private static final String HEADER = "编码,名称,层级,类别,上级编码";

    @Inject
    @Any
    InMemoryConnector messaging;

    /** Codes of this test's own, so tests sharing the database never meet. */
    private String town;

    @BeforeEach
    void hierarchy() {
        String admin = TestTokens.token("admin", "/", "admin");
        createIfMissing(admin, "city", "市委", "city", "city", null);
        createIfMissing(admin, "district-a", "A区委", "county", "district", "city");
        createIfMissing(admin, "district-b", "B区委", "county", "district", "city");
        town = "town-i-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTownshipAndItsVillagesFromCsv_theParentARowAbove_sentTwiceUnchanged() {
        byte[] sheet = csv(HEADER,
                town + ",一镇党委,乡镇（街道）级,town,district-a",
                "",
                town + "-v1,一村党支部,村（社区）、支部,village," + town,
                town + "-v2,二村党支部,村级,village," + town);
        as(ORGANIZER).contentType("text/csv").body(sheet).post(IMPORT).then().statusCode(200)
                .body("imported", equalTo(3)).body("unchanged", equalTo(0)).body("refused", empty());
        as(ORGANIZER).get("/api/assessment/org-units/" + town + "/children").then().statusCode(200)
                .body("path", containsInAnyOrder("/city/district-a/" + town + "/" + town + "-v1",
                        "/city/district-a/" + town + "/" + town + "-v2"))
                .body("level", contains("grassroots", "grassroots"));
        as(ORGANIZER).get("/api/assessment/org-units/" + town).then()
                .body("level", equalTo("township")).body("name", equalTo("一镇党委"));

        as(ORGANIZER).contentType("text/csv").body(sheet).post(IMPORT).then().statusCode(200)
                .body("imported", equalTo(0)).body("unchanged", equalTo(3));
        // the same code with another name is not the unit the registry holds
        as(ORGANIZER).contentType("text/csv").body(csv(HEADER, town + ",一镇,乡镇级,town,district-a")).post(IMPORT)
                .then().statusCode(400).body("errors.field", contains("row 2 编码"));
    }

    @Test
    void aWorkbookWithATitleAboveTheHeaderAndItsColumnsInAnotherOrder() {
        byte[] workbook = Sheets.workbook(rows -> {
            rows.value(0, 0, "2026年基层党组织名册");
            String[] header = {"序号", "名称", "编码", "上级编码", "层级", "类别"};
            for (int column = 0; column < header.length; column++) {
                rows.value(1, column, header[column]);
            }
            String[][] units = {
                {"1", "一镇党委", town, "district-a", "township", "town"},
                {"2", "一村党支部", town + "-v1", town, "村（社区）、支部", "village"},
                {"3", "二社区党委", town + "-v2", town, "村(社区)、支部", "community"}};
            for (int row = 0; row < units.length; row++) {
                for (int column = 0; column < header.length; column++) {
                    rows.value(row + 2, column, units[row][column]);
                }
            }
        });
        as(ORGANIZER).contentType(UploadedSheet.XLSX).body(workbook).post(IMPORT).then().statusCode(200)
                .body("imported", equalTo(3));
        as(ORGANIZER).get("/api/assessment/org-units/" + town + "-v2").then().statusCode(200)
                .body("path", equalTo("/city/district-a/" + town + "/" + town + "-v2"))
                .body("category", equalTo("community"));
    }

    @Test
    void refusedRowsRefuseTheSheetAndStoreNothing_orWithRowsValidTheGoodOnes() {
        byte[] sheet = csv(HEADER,
                town + ",一镇党委,乡镇级,town,district-a",
                town + "/v1,一村党支部,村级,village," + town,
                town + "-v2,二村党支部,村级,village,no-such-unit",
                town + "-v3,三村党支部,省级,village," + town);
        as(ORGANIZER).contentType("text/csv").body(sheet).post(IMPORT).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:party:problem:invalid-sheet-row"))
                .body("title", equalTo("表格有不合法的行"))
                .body("detail", startsWith("3 rows cannot be registered"))
                .body("errors.field", contains("row 3 编码", "row 4 上级编码", "row 5 层级"));
        as(ORGANIZER).get("/api/assessment/org-units/" + town).then().statusCode(404);

        as(ORGANIZER).contentType("text/csv").body(sheet).post(IMPORT + "?rows=valid").then().statusCode(200)
                .body("imported", equalTo(1))
                .body("refused.field", contains("row 3 编码", "row 4 上级编码", "row 5 层级"));
        as(ORGANIZER).get("/api/assessment/org-units/" + town).then().statusCode(200);
        as(ORGANIZER).get("/api/assessment/org-units/" + town + "/children").then().body("", empty());

        // the refused sheet's transaction announced nothing: the town was announced once, when rows=valid stored it
        var sink = messaging.sink("outbox");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sink.received().stream().filter(m -> town.equals(key(m)))).isNotEmpty());
        assertThat(sink.received().stream().filter(m -> town.equals(key(m)))).hasSize(1);
    }

    @Test
    void anOrganizerPlacesUnitsWithinTheirScopeOnly() {
        byte[] sheet = csv(HEADER,
                town + "-b,B镇党委,乡镇级,town,district-b",
                town + "-a,A镇党委,乡镇级,town,district-a",
                town + "-root,新市委,市级,city,");
        as(ORGANIZER_B).contentType("text/csv").body(sheet).post(IMPORT + "?rows=valid").then().statusCode(200)
                .body("imported", equalTo(1)).body("refused.field", contains("row 3 上级编码", "row 4 上级编码"));
        as(ORGANIZER).get("/api/assessment/org-units/" + town + "-a").then().statusCode(404);
        as(ORGANIZER).get("/api/assessment/org-units/" + town + "-b").then().statusCode(200)
                .body("path", equalTo("/city/district-b/" + town + "-b"));
    }

    @Test
    void onlyOrganizersAndAdminsImport() {
        byte[] sheet = csv(HEADER, town + ",一镇党委,乡镇级,town,district-a");
        for (String role : new String[] {"unit-leader", "reviewer"}) {
            as(TestTokens.token(role, "/city", role)).contentType("text/csv").body(sheet).post(IMPORT).then()
                    .statusCode(403);
        }
        as(ORGANIZER).contentType("text/csv").body(csv("名称,层级", "一镇党委,乡镇级")).post(IMPORT).then()
                .statusCode(400).body("type", equalTo("urn:party:problem:unreadable-sheet"));
        as(ORGANIZER).get("/api/assessment/org-units/" + town).then().statusCode(404);
    }

    private static byte[] csv(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static String key(Message<?> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).map(m -> (String) m.getKey()).orElse(null);
    }

    private static void createIfMissing(String token, String code, String name, String level, String category,
                                        String parent) {
        if (as(token).get("/api/assessment/org-units/" + code).statusCode() == 404) {
            var body = new HashMap<String, Object>(Map.of("code", code, "name", name, "level", level,
                    "category", category));
            if (parent != null) {
                body.put("parentCode", parent);
            }
            as(token).contentType(ContentType.JSON).body(body).post("/api/assessment/org-units").then().statusCode(201);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
