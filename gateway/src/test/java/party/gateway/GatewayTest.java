package party.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import party.testing.TestTokens;

@QuarkusTest
@WithTestResource(FakeServices.class)
class GatewayTest {

    private static final String TOKEN = TestTokens.token("organizer", "/city", "organizer");

    /** the management interface's root, ending in a slash: {@code http://localhost:<port>/q/} */
    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void theGatewayAnswers401ItselfForMissingOrInvalidTokens() {
        for (String prefix : new String[] {"/api/assessment", "/api/rectification", "/api/ballots", "/api/webhooks"}) {
            given().get(prefix + "/org-units").then().statusCode(401);
        }
        given().auth().oauth2(TestTokens.expired("organizer", "/city", "organizer"))
                .get("/api/assessment/org-units").then().statusCode(401);
        given().auth().oauth2(TestTokens.fromOtherIssuer("organizer", "/city", "organizer"))
                .get("/api/assessment/org-units").then().statusCode(401);
        given().auth().oauth2(TestTokens.forOtherAudience("organizer", "/city", "organizer"))
                .get("/api/assessment/org-units").then().statusCode(401);
        given().auth().oauth2(TestTokens.notYetValid("organizer", "/city", "organizer"))
                .get("/api/assessment/org-units").then().statusCode(401);
        given().auth().oauth2(TestTokens.unsigned("organizer", "/city", "organizer"))
                .get("/api/assessment/org-units").then().statusCode(401);
        given().auth().oauth2(TestTokens.signedByAnotherKey("organizer", "/city", "organizer"))
                .get("/api/assessment/org-units").then().statusCode(401);
        given().auth().oauth2(TestTokens.tamperedToAdmin("leader-a", "/city/district-a"))
                .get("/api/assessment/org-units").then().statusCode(401);
    }

    @Test
    void aTokenTheGatewayHasVerifiedDoesNotVouchForAnAlteredCopy() {
        given().auth().oauth2(TOKEN).get("/api/assessment/org-units").then().statusCode(200);
        // not the last character: base64url's padding bits there may change without changing the signature
        int at = TOKEN.length() - 10;
        String otherSignature = TOKEN.substring(0, at) + (TOKEN.charAt(at) == 'A' ? 'B' : 'A') + TOKEN.substring(at + 1);
        given().auth().oauth2(otherSignature).get("/api/assessment/org-units").then().statusCode(401);
        given().auth().oauth2(TOKEN).get("/api/assessment/org-units").then().statusCode(200);
    }

    @Test
    void oneTimeCodeVotingAloneNeedsNoToken() {
        given().contentType("application/json").body("{\"code\":\"ABCD-EFGH-JKLM\",\"marks\":[]}")
                .post("/api/ballots/cast").then().statusCode(200).body("authorization", nullValue());
        given().get("/api/ballots/cast/ABCD-EFGH-JKLM").then().statusCode(200);
        given().get("/api/ballots/castle").then().statusCode(401);
        given().get("/api/ballots/sessions").then().statusCode(401);
    }

    @Test
    void requestsGoRoundTheReadyReplicasAndNeverToOneThatIsGone() {
        FakeServices.SECOND_BALLOT_REPLICA_READY.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> replicasOf(10).equals(Set.of("first")));

        FakeServices.SECOND_BALLOT_REPLICA_READY.set(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> replicasOf(10).equals(Set.of("first", "second")));
        FakeServices.SECOND_BALLOT_REPLICA_READY.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> replicasOf(10).equals(Set.of("first")));
    }

    /** Which replicas answered {@code n} requests in a row; each of them must be answered (no 502 from the gone one). */
    private static Set<String> replicasOf(int n) {
        var replicas = new HashSet<String>();
        for (int i = 0; i < n; i++) {
            replicas.add(given().auth().oauth2(TOKEN).get("/api/ballots/org-units").then().statusCode(200)
                    .extract().<String>path("replica"));
        }
        return replicas;
    }

    @Test
    void aValidRequestReachesItsServiceWithTokenAndRequestId() {
        given().auth().oauth2(TOKEN).header("X-Request-Id", "oa-42")
                .get("/api/ballots/org-units?page=1")
                .then().statusCode(200)
                .header("X-Request-Id", "oa-42")
                .body("path", equalTo("/api/ballots/org-units?page=1"))
                .body("authorization", equalTo("Bearer " + TOKEN))
                .body("requestId", equalTo("oa-42"));
    }

    @Test
    void withNoTrustedProxyTheServiceLearnsTheCallersRealAddressNotOneTheCallerClaims() {
        given().auth().oauth2(TOKEN).header("X-Forwarded-For", "10.9.9.9")
                .get("/api/assessment/org-units")
                .then().statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"));
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplaced() {
        given().auth().oauth2(TOKEN).header("X-Request-Id", "bad id\twith spaces")
                .get("/api/assessment/org-units")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void bodiesPassThroughWhole() {
        byte[] body = new byte[2 * 1024 * 1024];
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(body)
                .post("/api/rectification/evidence")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyLength", equalTo(body.length));
    }

    /**
     * Refused on its declared length before a byte of it is read. The client waits for that answer (100-continue):
     * otherwise it is still writing when the gateway answers and closes, and sees a broken pipe.
     */
    @Test
    void aBodyOverTheUploadLimitIsRefused() throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var gateway = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        var upload = HttpRequest.newBuilder(gateway.resolve("/api/rectification/evidence"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/octet-stream")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[12 * 1024 * 1024])).build();
        assertThat(http.send(upload, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(413);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        List<Response> responses = List.of(
                given().auth().oauth2(TOKEN).get("/api/assessment/org-units"),
                given().get("/api/assessment/org-units"),
                given().contentType("application/json").body("{}").post("/api/ballots/cast"),
                given().get("/web/sign-in.json"));
        assertThat(responses).extracting(Response::statusCode).containsExactly(200, 401, 200, 200);
        for (Response response : responses) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", "default-src 'self'; connect-src 'self' http://127.0.0.1:8180; "
                            + "frame-ancestors 'none'; object-src 'none'");
        }
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        given().header("Origin", "http://127.0.0.1:8080").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization")
                .options("/api/assessment/org-units")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8080");
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/assessment/org-units")
                .then().header("Access-Control-Allow-Origin", nullValue())
                .statusCode(not(200));
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyAndReadinessReportsTheServicesBehind() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics")) {
            given().get(path).then().statusCode(404); // the public port, which the Ingress routes
        }
        given().get(management + "health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'downstream services' }.data.ballots", startsWith("UP, "));
    }

    @Test
    void requestMetricsNameTheApisPathTemplatesNeverTheIdsInAPath() {
        String item = "0b9c7a52-4f0e-4d3e-9a43-5d6f1f2a9e01";
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            given().auth().oauth2(TOKEN).get("/api/rectification/items/" + item).then().statusCode(200);
            return metrics().contains("uri=\"/api/rectification/items/{id}\"");
        });
        given().auth().oauth2(TOKEN).get("/api/rectification/items/figures").then().statusCode(200);
        assertThat(metrics()).doesNotContain("uri=\"/api/webhooks/*\"");
        given().auth().oauth2(TOKEN).get("/api/webhooks/no/such/" + item).then().statusCode(200);
        given().get("/api/assessment/invented/" + item).then().statusCode(401); // refused before it is labelled
        String metrics = metrics();
        assertThat(metrics).contains("uri=\"/api/rectification/items/figures\"", "uri=\"/api/webhooks/*\"")
                .doesNotContain(item);
    }

    private String metrics() {
        return given().get(management + "metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void servesTheWebPagesWithoutATokenUnderTheStrictContentPolicy() {
        for (String path : new String[] {"/vote", "/vote/"}) {
            given().redirects().follow(true).get(path + "?code=ABCD").then().statusCode(200)
                    .contentType(startsWith("text/html"))
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .body(containsString("述职评议投票")).body(containsString("/vote/vote.js"));
        }
        given().get("/vote/vote.js").then().statusCode(200).body(containsString("/api/ballots/cast/"));
        given().get("/m/mobile.css").then().statusCode(200);
        given().get("/m").then().statusCode(200).body(containsString("/m/app.js"));
        // the console, and its charting library from the mvnpm jar (no Node.js build)
        given().get("/console").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("/console/app.js")).body(containsString("工作台"));
        given().get("/console/views/ledger.js").then().statusCode(200).body(containsString("/rectification/ledger"));
        given().get("/_static/echarts/5.5.1/dist/echarts.esm.min.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        // where browsers sign in: the realm's public client, at the address the CSP lets the page reach
        given().get("/web/sign-in.json").then().statusCode(200)
                .body("issuer", equalTo("http://127.0.0.1:8180/realms/party")).body("clientId", equalTo("mobile"));
    }
}
