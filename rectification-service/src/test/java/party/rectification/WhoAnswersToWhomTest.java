package party.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static party.rectification.Fixtures.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import party.common.events.EventCodec;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * docs/domain.md §7, cell by cell: district-a issues an item to its town-1, and every step is tried by the issuing
 * unit, the city above it, town-1's own checking roles, town-1's leader, town-1's neighbour and a village below town-1.
 * Exactly the cells of the issuing side (for a check) and of the responsible unit (for an answer) succeed, where the
 * caller's roles allow the step too; a visible item answers anyone else 403 and changes nothing; an item out of
 * scope stays unknown (404).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class WhoAnswersToWhomTest {

    private static final String TOWN = "/city/district-a/town-1";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};

    enum Caller {
        ISSUING_UNIT(TestTokens.everyRole("district-a-staff", "/city/district-a")),
        ANCESTOR(TestTokens.everyRole("city-staff", "/city")),
        TOWNS_CHECKERS(TestTokens.token("town-inspector", TOWN, "inspector", "organizer", "discipline")),
        TOWNS_LEADER(TestTokens.token("town-leader", TOWN, "unit-leader")),
        SIBLING(TestTokens.everyRole("town-2-staff", "/city/district-a/town-2")),
        DESCENDANT(TestTokens.everyRole("village-staff", TOWN + "/village-1"));

        final String token;

        Caller(String token) {
            this.token = token;
        }
    }

    /** A step, the state it is tried in, and the side that may take it. */
    enum Attempt {
        SUBMIT_PLAN("ISSUED", true, "plan", Map.of("measures", "召开专题会议")),
        APPROVE_PLAN("PLAN_SUBMITTED", false, "plan/approve", Map.of()),
        SEND_BACK_PLAN("PLAN_SUBMITTED", false, "plan/send-back", Map.of("reason", "措施不具体")),
        RECORD_PROGRESS("PLAN_APPROVED", true, "progress", Map.of("milestone", 0, "note", "计划已印发")),
        SUBMIT_REPORT("PLAN_APPROVED", true, "report", Map.of("text", "已整改")),
        SEND_BACK_REPORT("REPORT_SUBMITTED", false, "report/send-back", Map.of("reason", "未见会议记录")),
        VERIFY("REPORT_SUBMITTED", false, "report/verify", Map.of()),
        SUSTAIN("CLOSED", false, "follow-up/sustain", Map.of("note", "提前回访：整改到位")),
        REOPEN("CLOSED", false, "follow-up/reopen", Map.of("reason", "问题反弹",
                "deadline", LocalDate.now().plusDays(30).toString())),
        WITHDRAW("REPORT_SUBMITTED", false, "withdraw", Map.of("reason", "交办对象有误")),
        ADD_EVIDENCE("ISSUED", true, "evidence", null);

        final String state;
        final boolean answering;
        final String path;
        final Map<String, Object> body;

        Attempt(String state, boolean answering, String path, Map<String, Object> body) {
            this.state = state;
            this.answering = answering;
            this.path = path;
            this.body = body;
        }

        /** The roles of access-rules.txt: answers need unit-leader, checks organizer or inspector, evidence either. */
        boolean rolesAllow(Caller caller) {
            if (this == ADD_EVIDENCE) {
                return true;
            }
            return answering ? caller != Caller.TOWNS_CHECKERS : caller != Caller.TOWNS_LEADER;
        }

        boolean allowedFor(Caller caller) {
            boolean side = answering ? caller == Caller.TOWNS_LEADER || caller == Caller.TOWNS_CHECKERS
                    : caller == Caller.ISSUING_UNIT || caller == Caller.ANCESTOR;
            return side && rolesAllow(caller);
        }
    }

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    @BeforeEach
    void units() {
        Fixtures.replicate(messaging, codec, "district-a");
        Fixtures.send(messaging, codec, new OrgUnitState("town-1", "一镇", OrgLevel.TOWNSHIP, "town", "district-a", TOWN, false, 0));
        Fixtures.send(messaging, codec, new OrgUnitState("town-2", "二镇", OrgLevel.TOWNSHIP, "town", "district-a",
                "/city/district-a/town-2", false, 0));
        Fixtures.send(messaging, codec, new OrgUnitState("village-1", "一村", OrgLevel.GRASSROOTS, "village", "town-1",
                TOWN + "/village-1", false, 0));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(Caller.ANCESTOR.token)
                .get("/api/rectification/org-units/village-1").then().statusCode(200));
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Attempt.values())
                .flatMap(attempt -> Arrays.stream(Caller.values()).map(caller -> Arguments.of(attempt, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cells")
    void exactlyTheRightSideTakesEachStep(Attempt attempt, Caller caller) {
        String item = itemIn(attempt.state);
        Response answer = attempt.body == null
                ? as(caller.token).multiPart("file", "整改照片.png", PNG, "image/png").post(url(item) + "/evidence")
                : as(caller.token).contentType(ContentType.JSON).body(attempt.body).post(url(item) + "/" + attempt.path);

        boolean visible = caller != Caller.SIBLING && caller != Caller.DESCENDANT;
        if (attempt.allowedFor(caller)) {
            assertThat(answer.statusCode()).as(answer.asString()).isBetween(200, 201);
        } else if (visible) {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(403);
            // refused for the side where the roles would do; town-1's leader and checkers also lack each other's roles
            assertThat(answer.jsonPath().getString("type")).isEqualTo(attempt.rolesAllow(caller)
                    ? "urn:party:problem:wrong-side" : "urn:party:problem:forbidden");
            if (attempt.rolesAllow(caller)) {
                assertThat(answer.jsonPath().getString("detail")).contains(attempt.name().toLowerCase().replace('_', '-'));
            }
            assertThat(stateOf(item)).isEqualTo(attempt.state);
            assertThat(evidenceOf(item)).isZero();
        } else {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(404);
            assertThat(stateOf(item)).isEqualTo(attempt.state);
        }
    }

    @Test
    void aUnitThatIssuesToItselfIsCheckedByTheUnitAbove() {
        String own = as(Caller.ISSUING_UNIT.token).contentType(ContentType.JSON).body(Map.of("source", "INSPECTION",
                        "timingClass", "FULL", "problem", "本级自查发现问题", "unit", "district-a"))
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
        take(Caller.ISSUING_UNIT, own, "plan", Map.of("measures", "限期整改"));
        as(Caller.ISSUING_UNIT.token).contentType(ContentType.JSON).body(Map.of()).post(url(own) + "/plan/approve")
                .then().statusCode(403);
        take(Caller.ANCESTOR, own, "plan/approve", Map.of());
    }

    @Test
    void aProblemTheUnitFoundItselfIsVerifiedByItsParent() {
        String found = as(Caller.ANCESTOR.token).contentType(ContentType.JSON).body(Map.of("source", "SELF_CHECK",
                        "timingClass", "IMMEDIATE", "problem", "党费收缴台账缺失", "unit", "town-1"))
                .post("/api/rectification/items").then().statusCode(201)
                .body("issuingUnitPath", equalTo("/city/district-a")).extract().path("id");
        take(Caller.TOWNS_LEADER, found, "report", Map.of("text", "已即知即改"));   // no plan to review first
        take(Caller.ISSUING_UNIT, found, "report/verify", Map.of());
        assertThat(stateOf(found)).isEqualTo("CLOSED");
    }

    /** An item district-a issues to town-1, moved by the sides entitled to it into the state the attempt needs. */
    private String itemIn(String state) {
        String item = as(Caller.ISSUING_UNIT.token).contentType(ContentType.JSON).body(Map.of("source", "INSPECTION",
                        "timingClass", "FULL", "problem", "三会一课制度落实不到位", "unit", "town-1"))
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
        List<String> path = List.of("ISSUED", "PLAN_SUBMITTED", "PLAN_APPROVED", "REPORT_SUBMITTED", "CLOSED");
        List<Consumer<String>> moves = List.of(
                id -> take(Caller.TOWNS_LEADER, id, "plan", Map.of("measures", "制定计划",
                        "milestones", List.of(Map.of("title", "印发计划", "due", LocalDate.now().plusDays(10).toString())))),
                id -> take(Caller.ISSUING_UNIT, id, "plan/approve", Map.of()),
                id -> take(Caller.TOWNS_LEADER, id, "report", Map.of("text", "已整改")),
                id -> take(Caller.ISSUING_UNIT, id, "report/verify", Map.of()));
        for (int i = 0; i < path.indexOf(state); i++) {
            moves.get(i).accept(item);
        }
        assertThat(stateOf(item)).isEqualTo(state);
        return item;
    }

    private static void take(Caller caller, String item, String step, Map<String, Object> body) {
        as(caller.token).contentType(ContentType.JSON).body(body).post(url(item) + "/" + step).then().statusCode(200);
    }

    private static String stateOf(String item) {
        return as(Caller.ISSUING_UNIT.token).get(url(item)).then().statusCode(200).extract().path("item.state");
    }

    private static int evidenceOf(String item) {
        return as(Caller.ISSUING_UNIT.token).get(url(item)).then().statusCode(200).extract().path("evidence.size()");
    }

    private static String url(String item) {
        return "/api/rectification/items/" + item;
    }
}
