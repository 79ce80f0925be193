package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import party.local.LocalPlatform;

/**
 * A 述职评议 session through the gateway: two categories, 30 one-time codes, 30 ballots cast from "phones"
 * without accounts (some void), sealed, the digest re-verified by the documented recount command, and the
 * result consumed by assessment-service.
 */
@ExtendWith(RunningPlatform.class)
class BallotsEndToEndTest {

    @TempDir
    Path work;

    @Test
    void aSessionIsVotedSealedRecountedAndReachesAssessment() throws Exception {
        LocalPlatform platform = RunningPlatform.platform();
        Keycloak keycloak = new Keycloak(platform);
        String organizer = keycloak.token("organizer");

        String session = as(platform, organizer).contentType(ContentType.JSON).body(Map.of(
                        "orgUnit", "city", "title", "2026年度党委书记抓基层党建工作述职评议", "date", "2026-12-20", "year", 2026,
                        "categories", List.of(
                                Map.of("code", "c1", "name", "县区", "topRatio", 0.5, "topCap", 11,
                                        "subjects", List.of(Map.of("unit", "district-a"), Map.of("unit", "district-b"))),
                                Map.of("code", "c2", "name", "市直单位", "topCap", 1, "subjects", List.of(
                                        Map.of("id", "p1", "name", "张三"), Map.of("id", "p2", "name", "李四"),
                                        Map.of("id", "p3", "name", "王五"))))))
                .post("/api/ballots/sessions").then().statusCode(201).extract().path("id");
        List<String> codesA = issue(platform, organizer, session, "A", 10);
        List<String> codesB = issue(platform, organizer, session, "B", 20);
        as(platform, organizer).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);

        int voids = 0;
        for (int i = 0; i < 30; i++) {
            String code = i < 10 ? codesA.get(i) : codesB.get(i - 10);
            boolean breaksQuota = i % 7 == 3; // 好 for both districts, where only one may have it
            String p = i % 3 == 0 ? "好" : "较好";
            var marks = List.of(
                    Map.of("subject", "district-a", "grade", i % 2 == 0 ? "好" : "较好"),
                    Map.of("subject", "district-b", "grade", breaksQuota || i % 2 == 1 ? "好" : "一般"),
                    Map.of("subject", "p1", "grade", p), Map.of("subject", "p2", "grade", "较好"),
                    Map.of("subject", "p3", "grade", i % 5 == 0 ? "差" : "一般"));
            String status = given().baseUri(platform.gatewayUrl()).contentType(ContentType.JSON)
                    .body(Map.of("sessionId", session, "code", code, "marks", marks)).post("/api/ballots/cast")
                    .then().statusCode(200).extract().path("status");
            assertThat(status).isEqualTo(breaksQuota && i % 2 == 0 ? "VOID" : "VALID");
            voids += "VOID".equals(status) ? 1 : 0;
        }
        assertThat(voids).isPositive();
        as(platform, organizer).get("/api/ballots/sessions/" + session + "/turnout").then().statusCode(200)
                .body("issued", contains(10, 20)).body("cast", contains(10, 20));
        as(platform, organizer).get("/api/ballots/sessions/" + session + "/results").then().statusCode(409);

        as(platform, organizer).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);
        JsonPath results = as(platform, organizer).post("/api/ballots/sessions/" + session + "/seal").then()
                .statusCode(200).extract().jsonPath();
        assertThat(results.getInt("tally.voidBallots.A") + results.getInt("tally.voidBallots.B")).isEqualTo(voids);
        String digest = results.getString("digest");

        // anyone entitled to the results downloads the anonymous box and recounts it with the documented command
        Path box = work.resolve("ballot-box.json");
        Files.writeString(box, as(platform, organizer).get("/api/ballots/sessions/" + session + "/ballot-box").then()
                .statusCode(200).body("ballots", hasSize(30)).extract().asString());
        String app = platform.settings().home().resolve("ballot-service/target/quarkus-app").toString();
        Process recount = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", app + "/app/*:" + app + "/lib/main/*", "party.ballot.tally.Recount", box.toString())
                .redirectErrorStream(true).start();
        assertThat(recount.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(recount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(recount.exitValue()).as(output).isZero();
        assertThat(output).contains("digest " + digest + " MATCHES");

        // BallotResultsSealed went through the outbox and Kafka into assessment-service
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(platform, organizer).get("/api/assessment/evaluation-results?subject=district-a").then()
                        .statusCode(200)
                        .body("findAll { it.sessionId == '" + session + "' }.digest", contains(digest)));
        // leader-b sees district-b's own result, not district-a's
        as(platform, keycloak.token("leader-b")).get("/api/assessment/evaluation-results").then()
                .statusCode(200).body("findAll { it.sessionId == '" + session + "' }.subject", contains("district-b"));
        // the ballot box itself stays with those entitled to the results
        as(platform, keycloak.token("voter-a")).get("/api/ballots/sessions/" + session + "/ballot-box")
                .then().statusCode(403);
        as(platform, keycloak.token("voter-a")).get("/api/ballots/sessions/" + session + "/turnout")
                .then().statusCode(403);
        assertThat(results.getInt("tally.categories[0].topLimit")).isEqualTo(1);
        assertThat(results.getInt("tally.categories[1].topLimit")).isEqualTo(1);
        assertThat(results.getInt("tally.validBallots.A") + results.getInt("tally.validBallots.B")).isEqualTo(30 - voids);
    }

    private static List<String> issue(LocalPlatform platform, String token, String session, String type, int count) {
        return as(platform, token).contentType(ContentType.JSON).body(Map.of("ballotType", type, "count", count))
                .post("/api/ballots/sessions/" + session + "/codes").then().statusCode(200).extract().path("codes.code");
    }

    private static RequestSpecification as(LocalPlatform platform, String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token);
    }
}
