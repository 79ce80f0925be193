package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.LocalPlatform;

/**
 * Rectification through the gateway with real Keycloak tokens and the real broker: an inspection's three problems
 * for district-a run the workflow, one goes overdue and is escalated to the city, the look-back reopens one,
 * district-b sees none of it, a clue reaches the discipline commission alone, an assessment finding delivered
 * twice becomes one item, and the item events arrive on Kafka.
 */
@ExtendWith(RunningPlatform.class)
class RectificationEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final LocalPlatform platform = RunningPlatform.platform();
    private final Keycloak keycloak = new Keycloak(platform);

    @Test
    void problemsOfAnInspectionReachTheirEnd() {
        String inspector = keycloak.token("inspector");
        String leaderA = keycloak.token("leader-a");
        String leaderB = keycloak.token("leader-b");
        String organizer = keycloak.token("organizer");

        String planned = issue(inspector, Map.of("source", "INSPECTION", "timingClass", "FULL",
                "problem", "基层党组织书记抓党建述职不够具体", "unit", "district-a", "publicSummary", "规范书记抓党建述职"));
        String reopened = issue(inspector, Map.of("source", "INSPECTION", "timingClass", "ON_THE_SPOT",
                "problem", "违规使用公务用车", "unit", "district-a"));
        // found three weeks ago and fixed at once (15 days): already past its deadline
        String overdue = issue(inspector, Map.of("source", "INSPECTION", "timingClass", "IMMEDIATE",
                "problem", "党员发展档案不全", "unit", "district-a", "foundOn", TODAY.minusDays(21).toString()));

        // plan sent back, then approved; report sent back, then verified
        step(leaderA, planned, "plan", Map.of("measures", "召开专题会议")).body("state", equalTo("PLAN_SUBMITTED"));
        step(leaderA, planned, "plan/approve", Map.of()).statusCode(403);
        // an account onboarded through the admin API acts for its unit at once
        String secretary = keycloak.onboard("secretary-a-" + UUID.randomUUID().toString().substring(0, 6),
                "/city/district-a", "unit-leader");
        as(secretary).get("/api/rectification/items/" + planned).then().statusCode(200)
                .body("item.unitPath", equalTo("/city/district-a"));
        // district-a's own inspector and discipline see the item but never check it (docs/domain.md §7)
        step(keycloak.token("inspector-a"), planned, "plan/approve", Map.of()).statusCode(403)
                .body("type", equalTo("urn:party:problem:wrong-side"));
        as(keycloak.token("discipline-a")).contentType(ContentType.JSON).body(Map.of("person", "张某",
                "disposition", "FIRST_FORM")).post("/api/rectification/items/" + planned + "/accountability").then()
                .statusCode(403).body("type", equalTo("urn:party:problem:wrong-side"));
        step(inspector, planned, "plan/send-back", Map.of("reason", "措施不具体")).body("state", equalTo("PLAN_SENT_BACK"));
        step(leaderA, planned, "plan", Map.of("measures", "逐级述职、当场点评、限期整改",
                "milestones", List.of(Map.of("title", "完成述职", "due", TODAY.plusDays(30).toString())))).statusCode(200);
        step(inspector, planned, "plan/approve", Map.of()).body("state", equalTo("PLAN_APPROVED"));
        step(leaderA, planned, "report", Map.of("text", "已完成")).body("state", equalTo("REPORT_SUBMITTED"));
        step(inspector, planned, "report/send-back", Map.of("reason", "缺少点评记录")).body("state", equalTo("REPORT_SENT_BACK"));
        step(leaderA, planned, "report", Map.of("text", "已完成，附点评记录")).body("state", equalTo("REPORT_SUBMITTED"));
        step(inspector, planned, "report/verify", Map.of()).body("state", equalTo("CLOSED")).body("onTime", equalTo(true));
        step(inspector, planned, "follow-up/sustain", Map.of()).statusCode(400)   // the look-back is not due yet
                .body("type", equalTo("urn:party:problem:early-look-back"));
        step(inspector, planned, "follow-up/sustain", Map.of("note", "巡察回访，整改到位")).body("state", equalTo("SUSTAINED"));

        // the look-back reopens the second one once it was closed
        step(leaderA, reopened, "plan", Map.of("measures", "收回车辆，通报批评")).statusCode(200);
        step(inspector, reopened, "plan/approve", Map.of()).statusCode(200);
        step(leaderA, reopened, "report", Map.of("text", "已整改")).statusCode(200);
        step(inspector, reopened, "report/verify", Map.of()).body("state", equalTo("CLOSED"));
        step(inspector, reopened, "follow-up/reopen", Map.of("reason", "回头看发现问题反弹",
                "deadline", TODAY.plusDays(30).toString())).body("state", equalTo("REOPENED")).body("reopenCount", equalTo(1));

        // the deadline scan finds the overdue one and escalates it to the city's leaders
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(organizer)
                .get("/api/rectification/ledger/escalated?size=200").then().statusCode(200)
                .body("items.id", hasItem(overdue)));
        as(leaderA).get("/api/rectification/items/" + overdue).then().statusCode(200)
                .body("item.overdue", equalTo(true)).body("item.warning", equalTo("RED"))
                .body("item.escalatedTo", equalTo("/city")).body("history.action", contains("issued", "overdue"));

        // district-b sees none of it
        for (String id : List.of(planned, reopened, overdue)) {
            as(leaderB).get("/api/rectification/items/" + id).then().statusCode(404);
            step(leaderB, id, "plan", Map.of("measures", "x")).statusCode(404);
        }
        as(leaderB).get("/api/rectification/ledger").then().statusCode(200).body("total", equalTo(0));

        // the public sees the published wording only, without an account
        given().baseUri(platform.gatewayUrl()).get("/api/rectification/public/progress?unit=district-a&size=100").then()
                .statusCode(200).body("items.summary", hasItem("规范书记抓党建述职"));

        // issued, closed, reopened and overdue went through the outbox to rectification.events
        awaitOnKafka(Set.of(planned + " RectificationItemIssued", planned + " RectificationItemClosed",
                reopened + " RectificationItemIssued", reopened + " RectificationItemClosed",
                reopened + " RectificationItemReopened",
                overdue + " RectificationItemIssued", overdue + " RectificationItemOverdue"));
    }

    @Test
    void aClueIsSeenByTheDisciplineCommissionAlone() {
        String clue = as(keycloak.token("inspector")).contentType(ContentType.JSON).body(Map.of("unit", "district-a",
                        "summary", "干部违规收受礼金线索", "details", "详见谈话记录", "reporter", "群众王某"))
                .post("/api/rectification/clues").then().statusCode(201).extract().path("id");
        for (String user : List.of("inspector", "organizer", "leader-a", "leader-b", "reviewer", "teller", "voter-a")) {
            as(keycloak.token(user)).get("/api/rectification/clues/" + clue).then().statusCode(403);
        }
        as(keycloak.oaSystemToken()).get("/api/rectification/clues").then().statusCode(403);
        as(keycloak.token("discipline")).get("/api/rectification/clues/" + clue).then().statusCode(200)
                .body("reporter", equalTo("群众王某"));
    }

    @Test
    void anAssessmentFindingDeliveredTwiceBecomesOneItem() throws Exception {
        String indicator = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        var data = Map.of("schemeId", UUID.randomUUID().toString(), "year", 2026, "indicatorCode", indicator,
                "indicatorName", "党群服务中心面积不低于500平方米", "orgUnit", "district-b", "department", "organization",
                "score", 2, "threshold", 6, "detail", "实测 320 平方米");
        String envelope = JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(),
                "type", "IndicatorFindingRaised", "source", "assessment-service", "time", Instant.now().toString(),
                "orgUnit", "/city/district-b", "data", data));
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrap());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("assessment.findings", "district-b", envelope)).get();
            producer.send(new ProducerRecord<>("assessment.findings", "district-b", envelope)).get();
        }
        String leaderB = keycloak.token("leader-b");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(leaderB)
                .get("/api/rectification/ledger?source=ASSESSMENT&size=200").then().statusCode(200)
                .body("items.findAll { it.problem.contains('" + indicator + "') }.size()", equalTo(1)));
        // and stays one once the duplicate has surely been consumed too: a later event is seen after it
        String marker = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        var later = new HashMap<>(data);
        later.put("indicatorCode", marker);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("assessment.findings", "district-b", JSON.writeValueAsString(Map.of(
                    "id", UUID.randomUUID().toString(), "type", "IndicatorFindingRaised", "source", "assessment-service",
                    "time", Instant.now().toString(), "orgUnit", "/city/district-b", "data", later)))).get();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(leaderB)
                .get("/api/rectification/ledger?source=ASSESSMENT&size=200").then()
                .body("items.findAll { it.problem.contains('" + marker + "') }.size()", equalTo(1)));
        as(leaderB).get("/api/rectification/ledger?source=ASSESSMENT&size=200").then()
                .body("items.findAll { it.problem.contains('" + indicator + "') }.size()", equalTo(1));
    }

    /** Waits until each of the expected "item-id EventType" pairs has been read from rectification.events. */
    private void awaitOnKafka(Set<String> expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> seen = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("rectification.events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + " " + JSON.readTree(record.value()).get("type").asText());
                }
                return seen.containsAll(expected);
            });
        }
    }

    /** Issues an item through the gateway, whose address its Location names (not the service's own port). */
    private String issue(String token, Map<String, Object> body) {
        var created = as(token).contentType(ContentType.JSON).body(body).post("/api/rectification/items").then()
                .statusCode(201).body("state", equalTo("ISSUED")).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).isEqualTo(platform.gatewayUrl() + "/api/rectification/items/" + id);
        return id;
    }

    private ValidatableResponse step(String token, String item, String step, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body)
                .post("/api/rectification/items/" + item + "/" + step).then();
    }

    private RequestSpecification as(String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token);
    }
}
