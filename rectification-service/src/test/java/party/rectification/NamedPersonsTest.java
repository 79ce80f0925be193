package party.rectification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static party.rectification.Fixtures.DISCIPLINE;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.PersonRecorded;
import party.common.events.PersonState;
import party.testing.PostgresResource;

/**
 * A responsible leader and an accountability decision name a person of the registry, replicated from org.persons,
 * or someone outside it by name, marked as such (定向到人).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class NamedPersonsTest {

    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    private String district;

    @BeforeEach
    void aDistrictOfItsOwn() {
        district = "district-n" + UUID.randomUUID().toString().substring(0, 6);
        Fixtures.replicate(messaging, codec, district, "district-b");
    }

    @Test
    void anItemNamesItsLeaderFromTheRegistryOrMarksANameOutsideIt() {
        UUID secretary = person("王建国", 0, held(district, TODAY.minusYears(1), null));
        UUID former = person("钱前任", 0, held(district, TODAY.minusYears(4), TODAY.minusYears(1).minusDays(1)));
        UUID sibling = person("孙其他", 0, held("district-b", TODAY.minusYears(1), null));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> issue(Map.of("responsibleLeaderId",
                secretary.toString())).statusCode(201).body("responsibleLeader", equalTo("王建国"))
                .body("responsibleLeaderId", equalTo(secretary.toString()))
                .body("responsibleLeaderOutsideRegistry", equalTo(false)));
        issue(Map.of("responsibleLeader", "外聘顾问")).statusCode(201)
                .body("responsibleLeader", equalTo("外聘顾问")).body("responsibleLeaderId", nullValue())
                .body("responsibleLeaderOutsideRegistry", equalTo(true));

        // not today's leader of the unit, another unit's, nobody, or the name not the registry's: refused
        for (var wrong : List.of(Map.of("responsibleLeaderId", former.toString()),
                Map.of("responsibleLeaderId", sibling.toString()),
                Map.of("responsibleLeaderId", UUID.randomUUID().toString()),
                Map.of("responsibleLeaderId", secretary.toString(), "responsibleLeader", "王建"))) {
            issue(wrong).statusCode(400).body("type", equalTo("urn:party:problem:unknown-person"))
                    .body("errors[0].field", equalTo("responsibleLeaderId"));
        }
        as(INSPECTOR).get("/api/rectification/ledger?unit=" + district).then().statusCode(200)
                .body("total", equalTo(2)); // nothing of the refused ones stored
        // found by the leader's name, as by words of the problem; a % is a character, not a wildcard
        as(INSPECTOR).get("/api/rectification/ledger?unit=" + district + "&q=外聘顾问").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].responsibleLeader", equalTo("外聘顾问"));
        as(INSPECTOR).get("/api/rectification/ledger?unit=" + district + "&q=%25").then().statusCode(200)
                .body("total", equalTo(0));
        as(INSPECTOR).get("/api/rectification/ledger?unit=" + district + "&q=三会一课").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void theUnitsPlanNamesItsLeaderTheSameWay() {
        UUID deputy = person("赵副书记", 0, held(district, TODAY.minusYears(1), null));
        String id = issue(Map.of("responsibleLeader", "暂定")).statusCode(201).extract().path("id");
        String plan = "/api/rectification/items/" + id + "/plan";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(Fixtures.leaderOf(district))
                .contentType(ContentType.JSON).body(Map.of("measures", "逐条整改", "responsibleLeaderId", deputy.toString()))
                .post(plan).then().statusCode(200).body("responsibleLeader", equalTo("赵副书记"))
                .body("responsibleLeaderOutsideRegistry", equalTo(false)));
    }

    @Test
    void aNewerStateOfThePersonReplacesTheirPostsAndAnOlderOneChangesNothing() {
        UUID id = person("李明", 0, held(district, TODAY.minusYears(1), null));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                issue(Map.of("responsibleLeaderId", id.toString())).statusCode(201));
        person(id, "李明", 2, held(district, TODAY.minusYears(1), TODAY.minusDays(1))); // left yesterday
        person(id, "李明", 1, held(district, TODAY.minusYears(1), null)); // late, and older
        // events are consumed in order: once a later one is in, the two above have been handled
        UUID marker = person("周标记", 0, held(district, TODAY.minusYears(1), null));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                issue(Map.of("responsibleLeaderId", marker.toString())).statusCode(201));
        issue(Map.of("responsibleLeaderId", id.toString())).statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-person"));
    }

    @Test
    void anAccountabilityDecisionNamesSomeoneWhoHeldAPostInTheUnit() {
        UUID former = person("钱前任", 0, held(district, TODAY.minusYears(4), TODAY.minusYears(1)));
        UUID sibling = person("孙其他", 0, held("district-b", TODAY.minusYears(1), null));
        String item = issue(Map.of()).statusCode(201).extract().path("id");
        String decisions = "/api/rectification/items/" + item + "/accountability";

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> as(DISCIPLINE).contentType(ContentType.JSON)
                .body(Map.of("personId", former.toString(), "post", "原书记", "disposition", "FIRST_FORM"))
                .post(decisions).then().statusCode(201).body("person", equalTo("钱前任"))
                .body("personOutsideRegistry", equalTo(false)));
        as(DISCIPLINE).contentType(ContentType.JSON).body(Map.of("personId", sibling.toString(),
                "disposition", "FIRST_FORM")).post(decisions).then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-person"));
        as(DISCIPLINE).contentType(ContentType.JSON).body(Map.of("disposition", "FIRST_FORM")).post(decisions)
                .then().statusCode(400).body("errors[0].field", equalTo("person"));
        as(DISCIPLINE).contentType(ContentType.JSON).body(Map.of("person", "张某", "disposition", "FIRST_FORM"))
                .post(decisions).then().statusCode(201).body("personOutsideRegistry", equalTo(true));
        as(DISCIPLINE).get(decisions).then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void aLeadersYearGathersTheirProblemsAndTheDecisionsAboutThem() {
        UUID secretary = person("冯书记", 0, held(district, TODAY.minusYears(1), null));
        String item = await().atMost(Duration.ofSeconds(5)).until(() -> issue(Map.of("responsibleLeaderId",
                secretary.toString())).extract().<String>path("id"), id -> id != null);
        issue(Map.of("responsibleLeader", "别人")).statusCode(201);
        int year = TODAY.getYear();
        as(INSPECTOR).get("/api/rectification/ledger?person=" + secretary + "&year=" + year).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(item));
        as(INSPECTOR).get("/api/rectification/ledger?person=" + secretary + "&year=" + (year - 1)).then()
                .statusCode(200).body("total", equalTo(0)); // found this year: not on last year's desk
        as(INSPECTOR).get("/api/rectification/ledger?year=1999").then().statusCode(400);

        as(DISCIPLINE).contentType(ContentType.JSON).body(Map.of("personId", secretary.toString(),
                "disposition", "FIRST_FORM", "justification", "批评教育")).post("/api/rectification/items/" + item
                + "/accountability").then().statusCode(201);
        String about = "/api/rectification/persons/" + secretary + "/accountability";
        as(DISCIPLINE).get(about + "?year=" + year).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].decision.dispositionLabel", org.hamcrest.Matchers.notNullValue())
                .body("[0].itemNumber", org.hamcrest.Matchers.startsWith("ZG")).body("[0].unit", equalTo(district));
        as(DISCIPLINE).get(about + "?year=" + (year - 1)).then().statusCode(200).body("size()", equalTo(0));
        as(INSPECTOR).get(about).then().statusCode(403); // decisions about persons stay with discipline
        as(Fixtures.leaderOf("district-b")).get(about).then().statusCode(403);
    }

    private io.restassured.response.ValidatableResponse issue(Map<String, String> leader) {
        var body = new HashMap<String, Object>(Map.of("source", "INSPECTION", "timingClass", "FULL",
                "problem", "三会一课制度落实不到位", "unit", district));
        body.putAll(leader);
        return as(INSPECTOR).contentType(ContentType.JSON).body(body).post("/api/rectification/items").then();
    }

    private static PersonState.Held held(String unit, LocalDate start, LocalDate end) {
        return new PersonState.Held(UUID.randomUUID(), unit, "/city/" + unit, "SECRETARY", "书记（第一责任人）", start, end);
    }

    private UUID person(String name, long version, PersonState.Held post) {
        return person(UUID.randomUUID(), name, version, post);
    }

    private UUID person(UUID id, String name, long version, PersonState.Held post) {
        messaging.source("persons").send(codec.write(codec.envelope(new PersonRecorded(new PersonState(id, name, null,
                List.of(post), version)), "assessment-service", Instant.now())));
        return id;
    }
}
