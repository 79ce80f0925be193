package party.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.EventEnvelope;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitRenamed;
import party.common.events.OrgUnitState;
import party.common.outbox.Outbox;
import party.common.outbox.OutboxRelay;
import party.rectification.items.DeadlineScan;
import party.testing.PostgresResource;

/**
 * Two replicas run the same scheduled jobs against one database (decision 025): here two threads stand in for them,
 * started at the same instant. Each subject's events still reach Kafka in their order, and each item raises its
 * overdue event once.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class TwoCopiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    DeadlineScan scan;
    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DataSource db;

    @BeforeEach
    void setUp() {
        Fixtures.replicate(messaging, codec, "district-a");
        MovedCalendar.moveTo(TODAY);
    }

    @Test
    void twoRelaysKeepEachSubjectsOrder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> subjects = IntStream.range(0, 20).mapToObj(i -> "order-" + run + "-" + i).toList();
        // 60 events a subject, written interleaved in transactions of 40: 1,200 events, 12 batches of the relay
        for (int round = 0; round < 30; round++) {
            int version = round;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int twice = 0; twice < 2; twice++) {
                    for (String subject : subjects) {
                        outbox.publish(new OrgUnitRenamed(new OrgUnitState(subject, subject, OrgLevel.TOWNSHIP,
                                "township", "city", "/city/" + subject, false, version)));
                    }
                }
            });
        }

        inTwoCopies(relay::relay);

        // whatever a copy left when the other held the lock: relayed by a next relay, this test's or the schedule's
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            relay.relay();
            Map<String, List<Long>> received = new HashMap<>();
            for (Message<?> message : messaging.sink("outbox").received()) {
                EventEnvelope event = codec.read((String) message.getPayload());
                if (subjects.contains(event.subject())) {
                    received.computeIfAbsent(event.subject(), key -> new ArrayList<>()).add(event.sequence());
                }
            }
            assertThat(received).hasSize(20);
            received.forEach((subject, sequences) -> assertThat(sequences).as(subject)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 60).mapToObj(Long::valueOf).toList()));
        });
    }

    @Test
    void twoDeadlineScansRaiseEachOverdueItemOnce() throws Exception {
        String tag = "两份扫描-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 40; i++) {
            as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("source", "INSPECTION", "timingClass",
                    "ON_THE_SPOT", "problem", tag + " 问题" + i, "unit", "district-a")).post("/api/rectification/items")
                    .then().statusCode(201);
        }
        MovedCalendar.moveTo(TODAY.plusDays(30));

        inTwoCopies(scan::scan);

        assertThat(count("""
                select count(*) from outbox_event e join rectification_item i on e.event_key = i.id::text
                where i.problem like '%s%%' and e.event_type = 'RectificationItemOverdue'""".formatted(tag)))
                .isEqualTo(40);
        assertThat(count("""
                select count(*) from item_history h join rectification_item i on h.item_id = i.id
                where i.problem like '%s%%' and h.action = 'overdue'""".formatted(tag))).isEqualTo(40);
    }

    /** Runs the job on two threads released at the same instant, as two replicas' schedulers would. */
    private static void inTwoCopies(Runnable job) throws Exception {
        var start = new CyclicBarrier(2);
        var copies = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.runAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            job.run();
        })).toList();
        CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).get();
    }

    private long count(String sql) throws SQLException {
        try (var connection = db.getConnection(); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
