package party.ballot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.ballot.tally.Recount;
import party.common.events.EventCodec;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitCreated;
import party.common.events.OrgUnitState;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * Paper ballots: the sheets of each type are counted out before the session opens, and the filled-in ones entered
 * between closing and sealing, never more than were handed out; each is in the sealed count and digest, or refused.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class PaperBallotsTest {

    private static final String ORGANIZER = TestTokens.token("organizer", "/city", "organizer");
    private static final String TELLER = TestTokens.token("teller", "/city", "teller");
    private static final List<String> GRADES = List.of("好", "较好", "一般", "差");
    private static final int TELLERS = 8;

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    @BeforeEach
    void city() {
        var city = new OrgUnitState("city", "市委", OrgLevel.CITY, "city", null, "/city", false, 0);
        messaging.source("org-units").send(codec.write(codec.envelope(new OrgUnitCreated(city), "assessment-service",
                Instant.now())));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                as(ORGANIZER).get("/api/ballots/org-units/city").then().statusCode(200));
    }

    @Test
    void paperBallotsAreEnteredOnlyBetweenClosingAndSealing() {
        String session = createSession("纸质票录入时机");
        handOut(session, "A", 3).then().statusCode(200).body("ballotType", contains("A", "B"))
                .body("paperSheets", contains(3, 0)).body("paper", contains(0, 0)).body("paperOutstanding", contains(3, 0));
        enter(session, "A", 0, 1).then().statusCode(409).body("type", equalTo("urn:party:problem:wrong-session-state"));

        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
        enter(session, "A", 0, 1).then().statusCode(409).body("type", equalTo("urn:party:problem:wrong-session-state"));
        // once voting has begun, the sheets handed out stand
        handOut(session, "A", 300).then().statusCode(409).body("type", equalTo("urn:party:problem:wrong-session-state"));

        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);
        enter(session, "A", 0, 1).then().statusCode(200).body("status", equalTo("VALID"));

        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/seal").then().statusCode(200)
                .body("tally.validBallots.A", equalTo(1));
        enter(session, "A", 1, 0).then().statusCode(409).body("type", equalTo("urn:party:problem:wrong-session-state"));
        as(ORGANIZER).get("/api/ballots/sessions/" + session + "/ballot-box").then().statusCode(200)
                .body("ballots", hasSize(1));
        as(TELLER).get("/api/ballots/sessions/" + session + "/turnout").then().statusCode(200)
                .body("paperSheets", contains(3, 0)).body("paper", contains(1, 0)).body("paperOutstanding", contains(2, 0));
    }

    @Test
    void noMorePaperBallotsOfATypeAreEnteredThanItsSheetsHandedOut() throws Exception {
        String session = createSession("纸质票张数");
        handOut(session, "A", 10).then().statusCode(200);
        handOut(session, "A", 5).then().statusCode(200).body("paperSheets", contains(5, 0)); // counted again: 5
        handOut(session, "C", 5).then().statusCode(400).body("type", equalTo("urn:party:problem:unknown-ballot-type"));
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
        as(ORGANIZER).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);
        // a malformed sheet is refused and uses up nothing
        as(TELLER).contentType(ContentType.JSON).body(Map.of("ballotType", "A", "marks",
                        List.of(Map.of("subject", "nobody", "grade", "好"))))
                .post("/api/ballots/sessions/" + session + "/paper-ballots").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:malformed-ballot"));

        var pool = Executors.newFixedThreadPool(TELLERS);
        List<Callable<Integer>> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int sheet = i;
            entries.add(() -> enter(session, "A", sheet, sheet + 1).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> entry : pool.invokeAll(entries)) {
            statuses.add(entry.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);

        enter(session, "A", 0, 1).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:too-many-paper-ballots"))
                .body("detail", equalTo("5 paper sheets of ballot type A were handed out and 5 are entered: "
                        + "no more of type A can be"))
                .body("errors[0].field", equalTo("ballotType"));
        enter(session, "B", 0, 1).then().statusCode(409)
                .body("type", equalTo("urn:party:problem:too-many-paper-ballots"))
                .body("detail", equalTo("0 paper sheets of ballot type B were handed out and 0 are entered: "
                        + "no more of type B can be"));
        as(TELLER).get("/api/ballots/sessions/" + session + "/turnout").then().statusCode(200)
                .body("paperSheets", contains(5, 0)).body("paper", contains(5, 0)).body("paperOutstanding", contains(0, 0));
        JsonPath sealed = as(ORGANIZER).post("/api/ballots/sessions/" + session + "/seal").then().statusCode(200)
                .extract().jsonPath();
        assertThat(sealed.getInt("tally.validBallots.A") + sealed.getInt("tally.voidBallots.A")).isEqualTo(5);
    }

    /**
     * Tellers keep entering while the organizer seals. Whatever the timing, each paper ballot that was accepted is in
     * the sealed tally and digest, and the downloaded box recounts to both; every other one was refused.
     */
    @Test
    void sealingCountsEveryPaperBallotEnteredAndRefusesTheRest() throws Exception {
        var pool = Executors.newFixedThreadPool(TELLERS + 1);
        try {
            for (int round = 0; round < 30; round++) {
                String session = createSession("边录边封 " + round);
                handOut(session, "A", 5000).then().statusCode(200);
                as(ORGANIZER).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);
                as(ORGANIZER).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);

                var entered = new AtomicInteger();
                var tellers = new ArrayList<Future<String>>();
                for (int t = 0; t < TELLERS; t++) {
                    int teller = t;
                    tellers.add(pool.submit(() -> enterUntilRefused(session, teller, entered)));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> entered.get() >= TELLERS);
                JsonPath sealed = as(ORGANIZER).post("/api/ballots/sessions/" + session + "/seal").then().statusCode(200)
                        .extract().jsonPath();
                for (Future<String> teller : tellers) {
                    assertThat(teller.get()).as("round " + round + ": what refused a teller's last entry")
                            .isEqualTo("urn:party:problem:wrong-session-state");
                }

                String box = as(ORGANIZER).get("/api/ballots/sessions/" + session + "/ballot-box").then().statusCode(200)
                        .extract().asString();
                var recount = Recount.recount(new ObjectMapper().readTree(box));
                assertThat(recount.digestMatches()).as("round " + round + ": digest").isTrue();
                assertThat(recount.digest()).isEqualTo(sealed.getString("digest"));
                assertThat(recount.verdictsDiffering()).isZero();
                assertThat(recount.tally().validBallots().get("A") + recount.tally().voidBallots().get("A"))
                        .as("round " + round + ": ballots in the box").isEqualTo(entered.get());
                assertThat(sealed.getInt("tally.validBallots.A")).isEqualTo(recount.tally().validBallots().get("A"));
                assertThat(sealed.getInt("tally.voidBallots.A")).isEqualTo(recount.tally().voidBallots().get("A"));
                assertThat(sealed.getList("tally.categories[0].subjects.weightedTotal", Float.class))
                        .containsExactlyElementsOf(recount.tally().categories().get(0).subjects().stream()
                                .map(s -> s.weightedTotal().floatValue()).toList());
                as(TELLER).get("/api/ballots/sessions/" + session + "/turnout").then()
                        .body("paper", contains(entered.get(), 0));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Enters varied ballots, some void (好 on both), until one is refused; answers that refusal's problem type. */
    private static String enterUntilRefused(String session, int teller, AtomicInteger entered) {
        for (int sheet = 0; ; sheet++) {
            Response response = enter(session, "A", teller + sheet, teller * 3 + sheet);
            if (response.statusCode() != 200) {
                return response.jsonPath().getString("type");
            }
            entered.incrementAndGet();
        }
    }

    /** Two named persons; 好 on at most one of them. */
    private static String createSession(String title) {
        return as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("orgUnit", "city", "title", title,
                        "date", "2026-12-20", "year", 2026, "categories", List.of(Map.of("code", "c1", "name", "负责人",
                                "topCap", 1, "subjects", List.of(Map.of("id", "p1", "name", "张三"),
                                        Map.of("id", "p2", "name", "李四"))))))
                .post("/api/ballots/sessions").then().statusCode(201).extract().path("id");
    }

    private static Response handOut(String session, String type, int sheets) {
        return as(TELLER).contentType(ContentType.JSON).body(Map.of("ballotType", type, "count", sheets))
                .put("/api/ballots/sessions/" + session + "/paper-sheets");
    }

    /** A paper ballot with grades picked from the scale by index. */
    private static Response enter(String session, String type, int p1, int p2) {
        var marks = List.of(Map.of("subject", "p1", "grade", GRADES.get(p1 % 4)),
                Map.of("subject", "p2", "grade", GRADES.get(p2 % 4)));
        return as(TELLER).contentType(ContentType.JSON).body(Map.of("ballotType", type, "marks", marks))
                .post("/api/ballots/sessions/" + session + "/paper-ballots");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}
