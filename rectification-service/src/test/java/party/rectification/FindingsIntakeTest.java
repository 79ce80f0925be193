package party.rectification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static party.rectification.Fixtures.ORGANIZER;
import static party.rectification.Fixtures.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.IndicatorFindingEvent;
import party.common.events.IndicatorFindingRaised;
import party.common.events.IndicatorFindingWithdrawn;
import party.testing.PostgresResource;

/** An assessment finding becomes one rectification item, however often Kafka delivers it; its withdrawal withdraws it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class FindingsIntakeTest {

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;

    @Test
    void aFindingDeliveredTwiceBecomesOneItem() {
        Fixtures.replicate(messaging, codec, "district-f");
        var finding = new IndicatorFindingRaised(UUID.randomUUID(), 2026, "A1.2", "党群服务中心面积不低于500平方米",
                "district-f", "/city/district-f", "/city", "organization", new BigDecimal("2.0"), new BigDecimal("6.0"), "实测 320 平方米");
        String message = codec.write(codec.envelope(finding, "assessment-service", Instant.now()));
        messaging.source("assessment-findings").send(message);
        messaging.source("assessment-findings").send(message);
        // a second, different finding proves the consumer went on after the duplicate
        var other = new IndicatorFindingRaised(finding.schemeId(), 2026, "A2.1", "村集体经济收入不低于2万元",
                "district-f", "/city/district-f", "/city", "organization", BigDecimal.ONE, new BigDecimal("5"), null);
        messaging.source("assessment-findings").send(codec.write(codec.envelope(other, "assessment-service", Instant.now())));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(ORGANIZER)
                .get("/api/rectification/ledger?unit=district-f&source=ASSESSMENT").then().statusCode(200)
                .body("total", equalTo(2)));
        as(ORGANIZER).get("/api/rectification/ledger?unit=district-f").then()
                .body("items.problem", contains(
                        "2026年度考核指标「党群服务中心面积不低于500平方米」(A1.2) 得分 2，低于 6：实测 320 平方米",
                        "2026年度考核指标「村集体经济收入不低于2万元」(A2.1) 得分 1，低于 5"))
                .body("items.issuedBy", contains("assessment-service", "assessment-service"))
                .body("items.timingClass", contains("FULL", "FULL"));
    }

    @Test
    void aWithdrawnFindingWithdrawsItsItemWithTheReason() {
        Fixtures.replicate(messaging, codec, "district-g");
        UUID scheme = UUID.randomUUID();
        send(new IndicatorFindingRaised(scheme, 2026, "A1.2", "党群服务中心面积不低于500平方米", "district-g",
                "/city/district-g", "/city", "organization", new BigDecimal("2.0"), new BigDecimal("6.0"), null));
        send(new IndicatorFindingRaised(scheme, 2026, "A2.1", "村集体经济收入不低于2万元", "district-g",
                "/city/district-g", "/city", "organization", BigDecimal.ONE, new BigDecimal("5"), null));
        send(new IndicatorFindingWithdrawn(scheme, 2026, "A1.2", "district-g", "/city/district-g", "部门评分更正为 8 分"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(ORGANIZER)
                .get("/api/rectification/ledger?unit=district-g&state=WITHDRAWN").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].problem", containsString("(A1.2)")));
        String withdrawn = as(ORGANIZER).get("/api/rectification/ledger?unit=district-g&state=WITHDRAWN").then()
                .extract().path("items[0].id");
        as(ORGANIZER).get("/api/rectification/items/" + withdrawn).then().statusCode(200)
                .body("history.action", contains("issued", "withdraw"))
                .body("history[1].actor", equalTo("assessment-service"))
                .body("history[1].note", equalTo("考核发现已撤回：部门评分更正为 8 分"));
        as(ORGANIZER).get("/api/rectification/ledger?unit=district-g&state=ISSUED").then()
                .body("items.problem", contains(containsString("(A2.1)")));
    }

    private void send(IndicatorFindingEvent event) {
        messaging.source("assessment-findings").send(codec.write(codec.envelope(event, "assessment-service",
                Instant.now())));
    }
}
