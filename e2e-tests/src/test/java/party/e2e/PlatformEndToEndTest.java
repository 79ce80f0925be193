package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.LocalPlatform;
import party.local.Port;

/**
 * The org-unit slice through the real stack (embedded PostgreSQL, a Kafka broker process, Keycloak,
 * three services, the gateway), with real tokens; the Kafka outage comes last in its class.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest {

    private static final String[] REPLICAS = {"/api/ballots/org-units/", "/api/rectification/org-units/",
            "/api/webhooks/org-units/"};

    static LocalPlatform platform;
    static Keycloak keycloak;

    @BeforeAll
    static void connect() {
        platform = RunningPlatform.platform();
        keycloak = new Keycloak(platform);
    }

    @Test
    @Order(1)
    void theGatewayRefusesMissingForeignAndExpiredTokens() throws Exception {
        for (String api : new String[] {"/api/assessment/org-units", "/api/ballots/org-units", "/api/rectification/org-units"}) {
            gateway().get(api).then().statusCode(401);
        }
        as(Keycloak.foreignToken()).get("/api/assessment/org-units").then().statusCode(401);

        String shortLived = keycloak.shortLivedToken("organizer", 10);
        as(shortLived).get("/api/assessment/org-units").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                as(shortLived).get("/api/assessment/org-units").then().statusCode(401));
    }

    @Test
    @Order(1)
    void forgedAndMisdirectedRealTokensAreRefusedByTheGatewayAndByEachServiceDirectly() {
        String genuine = keycloak.token("leader-a");
        var bad = Map.of(
                "claims edited to admin of /", Keycloak.tamperedToAdmin(genuine),
                "alg none", Keycloak.unsigned(genuine),
                "another audience", keycloak.tokenForAnotherAudience("leader-a"));
        var entries = Map.of(platform.gatewayUrl() + "/api/assessment/org-units", "gateway",
                platform.settings().url(Port.ASSESSMENT) + "/api/assessment/org-units", "assessment-service",
                platform.settings().url(Port.RECTIFICATION) + "/api/rectification/org-units", "rectification-service",
                platform.settings().url(Port.BALLOT) + "/api/ballots/org-units", "ballot-service");
        entries.forEach((url, entry) -> {
            given().auth().oauth2(genuine).get(url).then().statusCode(200);
            bad.forEach((kind, token) -> assertThat(given().auth().oauth2(token).get(url).statusCode())
                    .as(kind + " at " + entry).isEqualTo(401));
        });
    }

    @Test
    @Order(2)
    void rolesAndOrgScopeHoldThroughTheGateway() {
        String leaderA = keycloak.token("leader-a");
        as(leaderA).contentType(ContentType.JSON).body(unit("street-denied", "district-a"))
                .post("/api/assessment/org-units").then().statusCode(403);
        as(leaderA).get("/api/assessment/org-units/district-b").then().statusCode(404);
        as(leaderA).get("/api/assessment/org-units/district-a").then().statusCode(200).body("name", equalTo("A区委"));
        as(leaderA).get("/api/assessment/org-units").then().statusCode(200)
                .body("items.path", everyItem(startsWith("/city/district-a")));

        as(keycloak.token("organizer")).get("/api/assessment/org-units").then().statusCode(200)
                .body("items.code", hasItem("district-b"));
        as(keycloak.oaSystemToken()).get("/api/assessment/org-units/city/children").then().statusCode(200)
                .body("code", hasItem("district-a"));
    }

    @Test
    @Order(2)
    void theOaSystemReadsResultsLedgersAndSessionsAndTheMergedApiDocumentListsThemAll() {
        String oa = keycloak.oaSystemToken();
        as(oa).get("/api/assessment/schemes").then().statusCode(200);
        as(oa).get("/api/rectification/ledger").then().statusCode(200);
        as(oa).get("/api/ballots/sessions").then().statusCode(200);
        as(oa).contentType(ContentType.JSON).body(Map.of()).post("/api/ballots/sessions").then().statusCode(403);

        gateway().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/assessment/schemes/{id}/results"))
                .body("paths", hasKey("/api/rectification/ledger"))
                .body("paths", hasKey("/api/ballots/sessions/{id}/results"));
    }

    @Test
    @Order(3)
    void aNewUnitReachesEveryReplicaWithinFiveSeconds() {
        as(keycloak.token("organizer")).contentType(ContentType.JSON).body(unit("street-e2e-1", "district-a"))
                .post("/api/assessment/org-units")
                .then().statusCode(201).body("path", equalTo("/city/district-a/street-e2e-1"));

        String leaderA = keycloak.token("leader-a");
        String leaderB = keycloak.token("leader-b");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (String replica : REPLICAS) {
                as(leaderA).get(replica + "street-e2e-1").then().statusCode(200)
                        .body("path", equalTo("/city/district-a/street-e2e-1"));
            }
        });
        for (String replica : REPLICAS) {
            as(leaderB).get(replica + "street-e2e-1").then().statusCode(404);
        }
    }

    @Test
    @Order(4)
    void anAccountCannotMoveItselfToAnotherUnit() {
        String user = "self-mover-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String token = keycloak.onboard(user, "/city/district-b", "unit-leader");
        var account = given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
        Map<String, Object> profile = account.get(platform.issuer() + "/account").then().statusCode(200)
                .extract().as(Map.class);
        var edited = new java.util.HashMap<>(profile);
        edited.put("attributes", Map.of("org_path", java.util.List.of("/city")));
        int answer = account.body(edited).post(platform.issuer() + "/account").then().extract().statusCode();

        // the user profile lets administrators alone change the unit: the account still acts for district-b
        assertThat(answer).isEqualTo(400);
        String again = keycloak.token(user);
        as(again).get("/api/assessment/org-units/city").then().statusCode(404);
        as(again).get("/api/assessment/org-units/district-b").then().statusCode(200);
    }

    @Test
    @Order(5)
    void aUnitCreatedWhileKafkaIsDownArrivesAfterItReturns() {
        String organizer = keycloak.token("organizer");
        platform.kafka().stop();
        try {
            as(organizer).contentType(ContentType.JSON).body(unit("street-e2e-2", "district-a"))
                    .post("/api/assessment/org-units").then().statusCode(201);
            for (String replica : REPLICAS) {
                as(organizer).get(replica + "street-e2e-2").then().statusCode(not(200));
            }
        } finally {
            platform.kafka().start();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String replica : REPLICAS) {
                as(organizer).get(replica + "street-e2e-2").then().statusCode(200).body("code", equalTo("street-e2e-2"));
            }
        });
    }

    private static Map<String, Object> unit(String code, String parent) {
        return Map.of("code", code, "name", "街道 " + code, "level", "township", "category", "street",
                "parentCode", parent);
    }

    private static RequestSpecification gateway() {
        return given().baseUri(platform.gatewayUrl());
    }

    private static RequestSpecification as(String token) {
        return gateway().auth().oauth2(token);
    }
}
