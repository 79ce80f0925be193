package party.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.as;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.testing.PostgresResource;

/** A client that retries a POST with the same Idempotency-Key changes things once and gets the first answer. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class IdempotentRetryTest {

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DataSource db;

    @Test
    void aRetriedPostIssuesOneItemAndAnswersAsTheFirstTime() throws Exception {
        Fixtures.replicate(messaging, codec, "district-i");
        String key = UUID.randomUUID().toString();
        var item = Map.of("source", "AUDIT", "timingClass", "FULL", "problem", "重试不应重复立项", "unit", "district-i");

        String first = as(INSPECTOR).header("Idempotency-Key", key).contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
        String again = as(INSPECTOR).header("Idempotency-Key", key).contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(201).header("Idempotency-Replayed", "true")
                .extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(items("重试不应重复立项")).isEqualTo(1);

        // the same key elsewhere is a mistake; another caller's same key is their own
        as(INSPECTOR).header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/rectification/items/" + first + "/plan/approve").then().statusCode(422)
                .body("type", equalTo("urn:party:problem:idempotency-key-reused"));
        as(Fixtures.ORGANIZER).header("Idempotency-Key", key).contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(201);
        assertThat(items("重试不应重复立项")).isEqualTo(2);
    }

    @Test
    void aRefusedRequestReleasesItsKeyAndConcurrentRetriesChangeThingsOnce() throws Exception {
        Fixtures.replicate(messaging, codec, "district-j");
        String key = UUID.randomUUID().toString();
        as(INSPECTOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("source", "AUDIT", "timingClass", "FULL", "unit", "district-j"))
                .post("/api/rectification/items").then().statusCode(400);
        var item = Map.of("source", "AUDIT", "timingClass", "FULL", "problem", "并发重试", "unit", "district-j");
        as(INSPECTOR).header("Idempotency-Key", key).contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(201);

        String concurrent = UUID.randomUUID().toString();
        var calls = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> as(INSPECTOR).header("Idempotency-Key", concurrent).contentType(ContentType.JSON)
                    .body(Map.of("source", "AUDIT", "timingClass", "FULL", "problem", "并发重试二", "unit", "district-j"))
                    .post("/api/rectification/items").statusCode());
        }
        var pool = Executors.newFixedThreadPool(10);
        try {
            for (var status : pool.invokeAll(calls)) {
                assertThat(status.get()).isIn(201, 409);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(items("并发重试二")).isEqualTo(1);
    }

    @Test
    void aKeyWhoseFirstRequestDiedWithItsServiceBeforeCommittingIsFreeAfterTwoMinutes() throws Exception {
        Fixtures.replicate(messaging, codec, "district-k");
        var item = Map.of("source", "AUDIT", "timingClass", "FULL", "problem", "服务被杀后重试", "unit", "district-k");
        String fresh = UUID.randomUUID().toString();
        String old = UUID.randomUUID().toString();
        claimedAndNeverAnswered(fresh, "1 minute", false);
        claimedAndNeverAnswered(old, "3 minutes", false);

        as(INSPECTOR).header("Idempotency-Key", fresh).contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(409).header("Retry-After", "1")
                .body("type", equalTo("urn:party:problem:request-in-progress"));
        as(INSPECTOR).header("Idempotency-Key", old).contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(201);
        assertThat(items("服务被杀后重试")).isEqualTo(1);
    }

    @Test
    void aRequestWhoseWorkCommittedIsNeverRunAgainThoughItsAnswerWasLost() throws Exception {
        Fixtures.replicate(messaging, codec, "district-l");
        var item = Map.of("source", "AUDIT", "timingClass", "FULL", "problem", "提交后服务被杀", "unit", "district-l");
        // the work's own transaction marks the claim: a kill after its commit leaves the mark
        String answered = UUID.randomUUID().toString();
        as(INSPECTOR).header("Idempotency-Key", answered).contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(201);
        assertThat(carriedOut(answered)).isTrue();

        String committed = UUID.randomUUID().toString();
        String committing = UUID.randomUUID().toString();
        claimedAndNeverAnswered(committed, "20 seconds", true);
        claimedAndNeverAnswered(committing, "1 second", true);
        as(INSPECTOR).header("Idempotency-Key", committed).contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:request-answer-lost"));
        as(INSPECTOR).header("Idempotency-Key", committing).contentType(ContentType.JSON).body(item)
                .post("/api/rectification/items").then().statusCode(409)
                .body("type", equalTo("urn:party:problem:request-in-progress"));
        assertThat(items("提交后服务被杀")).isEqualTo(1);
    }

    /** What a service killed while running a request leaves: the key claimed, no answer, the work done or not. */
    private void claimedAndNeverAnswered(String key, String ago, boolean carriedOut) throws SQLException {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement("""
                insert into idempotent_request (actor, request_key, method, path, created_at, carried_out)
                values ('inspector', ?, 'POST', '/api/rectification/items', now() - cast(? as interval), ?)""")) {
            statement.setString(1, key);
            statement.setString(2, ago);
            statement.setBoolean(3, carriedOut);
            statement.executeUpdate();
        }
    }

    private boolean carriedOut(String key) throws SQLException {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(
                "select carried_out from idempotent_request where request_key = ?")) {
            statement.setString(1, key);
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private long items(String problem) throws SQLException {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(
                "select count(*) from rectification_item where problem = ?")) {
            statement.setString(1, problem);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
