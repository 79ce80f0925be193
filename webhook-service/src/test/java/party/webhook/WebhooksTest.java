package party.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import party.common.events.AccountabilityDecided;
import party.common.events.AssessmentResultLocked;
import party.common.events.EventCodec;
import party.common.events.RectificationItemEvent;
import party.common.events.RectificationItemClosed;
import party.common.events.RectificationItemIssued;
import party.common.events.RectificationItemOverdue;
import party.common.events.RectificationItemState;
import party.testing.PostgresResource;
import party.testing.TestTokens;
import party.webhook.subscriptions.WebhookSignature;

/** Events from the three topics reach the OA systems that subscribed to them: signed, once, in scope, retried. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class WebhooksTest {

    private static final Receiver RECEIVER = new Receiver();

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    private static RequestSpecification oa(String district) {
        return given().auth().oauth2(TestTokens.token("oa-" + district, "/city/" + district, "integration"))
                .contentType(ContentType.JSON);
    }

    private static RequestSpecification admin(String district) {
        return given().auth().oauth2(TestTokens.token("admin-" + district, "/city/" + district, "admin"))
                .contentType(ContentType.JSON);
    }

    /** Subscribes and returns {id, secret}. */
    private static Map<String, String> subscribe(String district, String path, String... types) {
        var answer = oa(district).body(Map.of("url", RECEIVER.url(path), "eventTypes", List.of(types),
                        "description", "区委 OA"))
                .post("/api/webhooks/subscriptions").then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("orgPath", equalTo("/city/" + district))
                .body("secret", startsWith("whsec_")).extract();
        return Map.of("id", answer.path("id"), "secret", answer.path("secret"));
    }

    private String itemEvent(Function<RectificationItemState, RectificationItemEvent> type, String unitPath) {
        String code = unitPath.substring(unitPath.lastIndexOf('/') + 1);
        var item = new RectificationItemState(UUID.randomUUID(), "ZG-2026-0001", code, unitPath, "INSPECTION", "FULL",
                "ISSUED", LocalDate.of(2026, 12, 31), null, null, null);
        return codec.write(codec.envelope(type.apply(item), "rectification-service", Instant.now()));
    }

    private String resultEvent(String unitPath) {
        String code = unitPath.substring(unitPath.lastIndexOf('/') + 1);
        var result = new AssessmentResultLocked(UUID.randomUUID(), 2026, "2026年度党建考核", code, unitPath, "district",
                new BigDecimal("91.5"), "好", 1);
        return codec.write(codec.envelope(result, "assessment-service", Instant.now()));
    }

    @Test
    void anOverdueTaskOfTheTaskListReachesItsSubscriber() {
        subscribe("district-q", "/hooks/q", "TaskOverdue");
        var task = new party.common.events.TaskState(UUID.randomUUID(), "RW2026-000007", 2026, "落实三会一课",
                "district-q", "/city/district-q", "/city", "IN_PROGRESS", "推进中",
                java.time.LocalDate.of(2026, 11, 30), null,
                null, "/city");
        String overdue = codec.write(codec.envelope(new party.common.events.TaskOverdue(task), "rectification-service",
                Instant.now()));
        messaging.source("tasks").send(codec.write(codec.envelope(new party.common.events.TaskIssued(task),
                "rectification-service", Instant.now()))); // not subscribed
        messaging.source("tasks").send(overdue);
        await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.at("/hooks/q").size() >= 1);
        assertThat(RECEIVER.at("/hooks/q")).extracting(Receiver.Received::body).containsExactly(overdue);
    }

    private static String idOf(String message) {
        return message.replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void anEventReachesItsSubscriberOnceSignedAndOnlyFromItsScope() {
        var subscription = subscribe("district-w", "/hooks/w", "RectificationItemIssued", "BallotResultsSealed");
        var rectification = messaging.source("rectification-events");
        String issued = itemEvent(RectificationItemIssued::new, "/city/district-w/town-1");
        rectification.send(issued);
        rectification.send(issued); // Kafka delivers again after a rebalance
        rectification.send(itemEvent(RectificationItemIssued::new, "/city/district-v")); // a sibling's
        rectification.send(itemEvent(RectificationItemOverdue::new, "/city/district-w")); // not subscribed
        rectification.send(codec.write(codec.envelope(new AccountabilityDecided(UUID.randomUUID(), UUID.randomUUID(),
                "district-w", "/city/district-w", "FIRST_FORM"), "rectification-service", Instant.now())));
        String last = itemEvent(RectificationItemIssued::new, "/city/district-w");
        rectification.send(last);

        await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.at("/hooks/w").size() >= 2);
        assertThat(RECEIVER.at("/hooks/w")).extracting(Receiver.Received::body).containsExactlyInAnyOrder(issued, last);
        for (var received : RECEIVER.at("/hooks/w")) {
            assertThat(received.id()).isEqualTo(idOf(received.body()));
            assertThat(Long.parseLong(received.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.api.Assertions.within(60L));
            assertThat(received.signature()).isEqualTo(WebhookSignature.sign(subscription.get("secret"), received.id(),
                    Long.parseLong(received.timestamp()), received.body()));
            assertThat(received.contentType()).isEqualTo("application/json");
        }
        // the log was written while consuming, in order: nothing else is on its way to this subscriber
        oa("district-w").get("/api/webhooks/subscriptions/" + subscription.get("id") + "/deliveries").then()
                .statusCode(200).body("total", equalTo(2))
                .body("items.state", equalTo(List.of("DELIVERED", "DELIVERED")))
                .body("items.attempts", equalTo(List.of(1, 1)))
                .body("items.lastStatus", equalTo(List.of(204, 204)));
        oa("district-w").get("/api/webhooks/subscriptions/" + subscription.get("id")).then().statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
    }

    @Test
    void aReceiverThatKeepsFailingIsParkedUntilAnAdminReplaysIt() {
        RECEIVER.answer("/hooks/x", 503);
        var subscription = subscribe("district-x", "/hooks/x", "AssessmentResultLocked");
        String result = resultEvent("/city/district-x");
        messaging.source("assessment-results").send(result);

        // three attempts: the first and one after each of the two test delays, then parked
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> admin("district-x")
                .get("/api/webhooks/deliveries").then().statusCode(200)
                .body("items.eventId", hasItem(idOf(result))));
        String delivery = admin("district-x").get("/api/webhooks/deliveries").then()
                .body("items[0].attempts", equalTo(3)).body("items[0].lastStatus", equalTo(503))
                .body("items[0].subscriptionId", equalTo(subscription.get("id")))
                .extract().path("items[0].id");
        assertThat(RECEIVER.at("/hooks/x")).hasSize(3).extracting(Receiver.Received::id).containsOnly(idOf(result));
        admin("district-y").get("/api/webhooks/deliveries").then().statusCode(200)
                .body("items.eventId", not(hasItem(idOf(result))));
        admin("district-y").post("/api/webhooks/deliveries/" + delivery + "/replay").then().statusCode(404);
        oa("district-x").post("/api/webhooks/deliveries/" + delivery + "/replay").then().statusCode(403);

        RECEIVER.answer("/hooks/x", 200);
        admin("district-x").post("/api/webhooks/deliveries/" + delivery + "/replay").then().statusCode(200)
                .body("state", equalTo("PENDING")).body("attempts", equalTo(0));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> oa("district-x")
                .get("/api/webhooks/subscriptions/" + subscription.get("id") + "/deliveries?state=DELIVERED").then()
                .body("total", equalTo(1)).body("items[0].attempts", equalTo(1)).body("items[0].lastStatus", equalTo(200)));
        assertThat(RECEIVER.at("/hooks/x")).hasSize(4);
    }

    @Test
    void oneItemsEventsReachTheReceiverInTheirOrderThroughRetries() {
        RECEIVER.answer("/hooks/v", 503);
        subscribe("district-v", "/hooks/v", "RectificationItemIssued", "RectificationItemClosed");
        var item = new RectificationItemState(UUID.randomUUID(), "ZG-2026-0002", "district-v", "/city/district-v",
                "INSPECTION", "FULL", "ISSUED", LocalDate.of(2026, 12, 31), null, null, null);
        String issued = codec.write(codec.envelope(new RectificationItemIssued(item), "rectification-service",
                Instant.now(), 1L));
        String closed = codec.write(codec.envelope(new RectificationItemClosed(item), "rectification-service",
                Instant.now(), 2L));
        messaging.source("rectification-events").send(issued);
        messaging.source("rectification-events").send(closed);

        // the issued event is retried; its item's next event waits behind it
        await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.at("/hooks/v").size() >= 2);
        RECEIVER.answer("/hooks/v", 200);
        await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.at("/hooks/v").stream()
                .anyMatch(received -> received.id().equals(idOf(closed))));
        List<String> ids = RECEIVER.at("/hooks/v").stream().map(Receiver.Received::id).toList();
        assertThat(ids.subList(0, 2)).containsOnly(idOf(issued));
        assertThat(ids.indexOf(idOf(closed))).isGreaterThan(ids.lastIndexOf(idOf(issued)));
        assertThat(RECEIVER.at("/hooks/v").get(0).body()).contains("\"subject\":\"" + item.itemId() + "\"")
                .contains("\"sequence\":1");
    }

    @Test
    void anEventThatArrivesAfterALaterOneOfItsSubjectIsCountedAndStillDelivered() {
        subscribe("district-s", "/hooks/s", "RectificationItemOverdue");
        var item = new RectificationItemState(UUID.randomUUID(), "ZG-2026-0003", "district-s", "/city/district-s",
                "INSPECTION", "FULL", "ISSUED", LocalDate.of(2026, 12, 31), null, null, null);
        double before = outOfOrder();
        String later = codec.write(codec.envelope(new RectificationItemOverdue(item), "rectification-service",
                Instant.now(), 5L));
        String earlier = codec.write(codec.envelope(new RectificationItemOverdue(item), "rectification-service",
                Instant.now(), 4L));
        messaging.source("rectification-events").send(later);
        messaging.source("rectification-events").send(earlier);
        messaging.source("rectification-events").send(earlier); // a redelivery is no disorder

        await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.at("/hooks/s").size() == 2);
        assertThat(outOfOrder()).isEqualTo(before + 1);
    }

    private static double outOfOrder() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("platform_events_consumed_total{")
                        && line.contains("consumer=\"webhooks\"") && line.contains("outcome=\"out-of-order\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anEndedSubscriptionIsSentNothingMore() {
        RECEIVER.answer("/hooks/z", 500);
        var ended = subscribe("district-z", "/hooks/z", "RectificationItemOverdue");
        var other = subscribe("district-z", "/hooks/z2", "RectificationItemOverdue");
        String before = itemEvent(RectificationItemOverdue::new, "/city/district-z");
        messaging.source("rectification-events").send(before);
        await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.at("/hooks/z2").size() == 1);

        oa("district-z").delete("/api/webhooks/subscriptions/" + ended.get("id")).then().statusCode(204);
        oa("district-z").get("/api/webhooks/subscriptions/" + ended.get("id")).then().statusCode(404);
        String cancelled = admin("district-z").get("/api/webhooks/deliveries?state=CANCELLED").then().statusCode(200)
                .body("items.eventId", hasItem(idOf(before))).extract().path("items[0].id");
        admin("district-z").post("/api/webhooks/deliveries/" + cancelled + "/replay").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:delivery-not-replayable"));

        String after = itemEvent(RectificationItemOverdue::new, "/city/district-z");
        messaging.source("rectification-events").send(after);
        await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.at("/hooks/z2").size() == 2);
        assertThat(RECEIVER.at("/hooks/z")).extracting(Receiver.Received::body).doesNotContain(after);
        oa("district-z").get("/api/webhooks/subscriptions/" + other.get("id") + "/deliveries").then()
                .body("total", equalTo(2));
    }

    @Test
    void aSubscriptionIsManagedByTheAccountThatMadeItAndByAdministrators() {
        var owned = subscribe("district-o", "/hooks/o", "RectificationItemIssued");
        var other = given().auth().oauth2(TestTokens.token("oa-other", "/city/district-o", "integration"))
                .contentType(ContentType.JSON);
        String id = owned.get("id");
        other.get("/api/webhooks/subscriptions").then().statusCode(200).body("items.id", not(hasItem(id)));
        for (String path : List.of("", "/deliveries")) {
            other.get("/api/webhooks/subscriptions/" + id + path).then().statusCode(404);
        }
        other.post("/api/webhooks/subscriptions/" + id + "/secret").then().statusCode(404);
        other.delete("/api/webhooks/subscriptions/" + id).then().statusCode(404);
        oa("district-o").get("/api/webhooks/subscriptions").then().body("items.id", hasItem(id));
        admin("district-o").get("/api/webhooks/subscriptions").then().body("items.id", hasItem(id));
        admin("district-o").post("/api/webhooks/subscriptions/" + id + "/secret").then().statusCode(200);
        oa("district-o").get("/api/webhooks/subscriptions/" + id).then().statusCode(200);
    }

    @Test
    void refusesWhatItCouldNotDeliverAndStoresNothing() {
        int before = oa("district-u").get("/api/webhooks/subscriptions").then().extract().path("total");
        oa("district-u").body(Map.of("url", "ftp://oa.example/hooks", "eventTypes", List.of("RectificationItemIssued")))
                .post("/api/webhooks/subscriptions").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:invalid-webhook-url"))
                .body("errors[0].field", equalTo("url"));
        oa("district-u").body(Map.of("url", RECEIVER.url("/u"), "eventTypes", List.of("AccountabilityDecided")))
                .post("/api/webhooks/subscriptions").then().statusCode(400);
        oa("district-u").body(Map.of("url", RECEIVER.url("/u"), "eventTypes", List.of()))
                .post("/api/webhooks/subscriptions").then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));
        oa("district-u").get("/api/webhooks/subscriptions").then().body("total", equalTo(before));
    }

    @Test
    void anOaSystemSubscribesToEveryEventTheCatalogueOffersIt() {
        var every = List.copyOf(party.common.events.EventCatalogue.forSubscribers());
        oa("district-u").body(Map.of("url", RECEIVER.url("/all"), "eventTypes", every))
                .post("/api/webhooks/subscriptions").then().statusCode(201)
                .body("eventTypes.size()", equalTo(every.size()));
    }
}
