package party.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import party.local.LocalPlatform;

/**
 * A 述职评议 session held and sealed through the gateway: one category of two subjects, three one-time codes,
 * each ballot marking the first 好 and the second 一般.
 */
final class SealedSessions {

    private SealedSessions() {
    }

    /** The sealed session's id. */
    static String seal(LocalPlatform platform, String organizer, String orgUnit, String title, String date,
                       String first, String second) {
        String session = as(platform, organizer).contentType(ContentType.JSON).body(Map.of("orgUnit", orgUnit,
                        "title", title, "date", date, "year", Integer.parseInt(date.substring(0, 4)), "categories", List.of(Map.of("code", "c1", "name", "考核对象",
                                "topRatio", 0.5, "subjects", List.of(Map.of("unit", first), Map.of("unit", second))))))
                .post("/api/ballots/sessions").then().statusCode(201).extract().path("id");
        List<String> codes = as(platform, organizer).contentType(ContentType.JSON).body(Map.of("ballotType", "A", "count", 3))
                .post("/api/ballots/sessions/" + session + "/codes").then().statusCode(200).extract().path("codes.code");
        as(platform, organizer).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
        for (String code : codes) {
            given().baseUri(platform.gatewayUrl()).contentType(ContentType.JSON).body(Map.of("sessionId", session, "code", code, "marks",
                            List.of(Map.of("subject", first, "grade", "好"), Map.of("subject", second, "grade", "一般"))))
                    .post("/api/ballots/cast").then().statusCode(200).body("status", equalTo("VALID"));
        }
        as(platform, organizer).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);
        as(platform, organizer).post("/api/ballots/sessions/" + session + "/seal").then().statusCode(200);
        return session;
    }

    private static RequestSpecification as(LocalPlatform platform, String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token);
    }
}
