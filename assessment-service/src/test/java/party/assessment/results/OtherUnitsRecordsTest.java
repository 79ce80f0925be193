package party.assessment.results;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import party.testing.OtherUnitsRecordsLookUnknown;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/** shire-s's scheme for its streets, with a result, as seen from its sibling shire-t: as if it did not exist. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OtherUnitsRecordsTest extends OtherUnitsRecordsLookUnknown {

    @Override
    protected Map<String, String> records() {
        String admin = TestTokens.token("admin", "/", "admin");
        unit(admin, "shire", "郡委", "city", "city", null);
        unit(admin, "shire-s", "S区委", "county", "district", "shire");
        unit(admin, "shire-t", "T区委", "county", "district", "shire");
        unit(admin, "shire-s1", "S区一街道", "township", "street", "shire-s");
        String scheme = given().auth().oauth2(owner()).contentType(ContentType.JSON).body(Map.of("year", 2026,
                        "orgUnit", "shire-s", "title", "S区街道党建考核", "definition", AssessmentFlowTest.definition(60)))
                .post("/api/assessment/schemes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(owner()).post("/api/assessment/schemes/" + scheme + "/publish").then().statusCode(200);
        given().auth().oauth2(owner()).post("/api/assessment/schemes/" + scheme + "/compute").then().statusCode(200);
        var leader = given().auth().oauth2(owner()).contentType(ContentType.JSON).body(Map.of("name", "S街道书记",
                        "appointment", Map.of("unit", "shire-s1", "post", "SECRETARY", "termStart", "2026-01-01")))
                .post("/api/assessment/persons").then().statusCode(201).extract();
        String clerk = TestTokens.token("clerk-s1", "/shire/shire-s/shire-s1", "unit-leader");
        String record = given().auth().oauth2(clerk).contentType(ContentType.JSON).body(Map.of("personId",
                        leader.path("id"), "kind", "PARTY_LECTURE", "happenedOn", "2026-03-01", "summary", "讲党课",
                        "lateReason", "补录"))
                .post("/api/assessment/duty-records").then().statusCode(201).extract().path("id");
        String file = given().auth().oauth2(clerk).multiPart("file", "lecture.png", java.util.Base64.getDecoder().decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="))
                .post("/api/assessment/duty-records/" + record + "/evidence").then().statusCode(201).extract().path("id");
        var records = new java.util.HashMap<String, String>(Map.of("schemes/{id}", scheme, "units/{unit}", "shire-s1",
                "results/{unit}", "shire-s1", "indicators/{code}", "ORG-1", "org-units/{code}", "shire-s",
                "persons/{id}", leader.path("id"), "appointments/{appointment}", leader.path("appointments[0].id"),
                "duty-records/{id}", record, "evidence/{file}", file, "years/{year}", "2026"));
        records.put("duties/{id}", given().auth().oauth2(clerk).get("/api/assessment/duties?person="
                + leader.path("id")).then().statusCode(200).extract().path("items[0].id"));
        // a use needs an announced scheme; this scheme's scope answers before any use is looked up
        records.put("uses/{use}", java.util.UUID.randomUUID().toString());
        return records;
    }

    @Override
    protected String outsider() {
        return TestTokens.everyRole("outsider", "/shire/shire-t");
    }

    @Override
    protected String owner() {
        return TestTokens.everyRole("owner", "/shire/shire-s");
    }

    private static void unit(String admin, String code, String name, String level, String category, String parent) {
        var body = new java.util.HashMap<String, Object>(Map.of("code", code, "name", name, "level", level,
                "category", category));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        int status = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/assessment/org-units").then().extract().statusCode();
        assertThat(status).isIn(201, 409);
    }
}
