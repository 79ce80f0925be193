package party.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static party.rectification.Fixtures.DISCIPLINE;
import static party.rectification.Fixtures.DISCIPLINE_B;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.ORGANIZER;
import static party.rectification.Fixtures.as;
import static party.rectification.Fixtures.leaderOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.rectification.clues.ReporterSeal;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/** Clues reach the discipline commission alone; accountability decisions are theirs to record and nobody's to edit. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class CluesAndAccountabilityTest {

    private static final String LEADER = leaderOf("district-e");
    private static final String SECRET = "举报人：李某，电话 13800000000";
    private static final String DETAILS = "某领导违规收受礼金";

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DataSource db;
    @Inject
    ReporterSeal seal;

    @BeforeEach
    void orgUnits() {
        Fixtures.replicate(messaging, codec, "district-e", "district-b");
    }

    @Test
    void aClueIsReadOnlyByTheDisciplineCommissionInScope() throws SQLException {
        var logged = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord entry) {
                logged.add(entry.getMessage() + " " + java.util.Arrays.toString(entry.getParameters())
                        + (entry.getThrown() == null ? "" : " " + entry.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger("").addHandler(handler);
        try {
            readOnlyByDisciplineInScope();
            org.jboss.logging.Logger.getLogger("party.rectification").info("log capture probe");
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(handler);
        }
        // nor in any log line of the service while it was registered, listed, read and handled (the probe shows the
        // capture saw the service's loggers)
        assertThat(logged).anyMatch(line -> line.contains("log capture probe"))
                .noneMatch(line -> line.contains("李某") || line.contains("13800000000"));
    }

    private void readOnlyByDisciplineInScope() throws SQLException {
        String clue = as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("unit", "district-e",
                        "summary", "干部作风问题线索", "details", DETAILS, "reporter", SECRET))
                .post("/api/rectification/clues").then().statusCode(201)
                .body("status", equalTo("TRANSFERRED")).body("$", not(hasKey("reporter")))
                .extract().path("id");

        // the inspector who transferred it, the unit, the organizer, the public: nobody reads it back
        for (String token : new String[] {INSPECTOR, LEADER, ORGANIZER,
                TestTokens.token("oa", "/city", "integration"), TestTokens.token("admin", "/", "admin")}) {
            as(token).get("/api/rectification/clues/" + clue).then().statusCode(403);
            as(token).get("/api/rectification/clues").then().statusCode(403);
        }
        RestAssured.given().get("/api/rectification/clues/" + clue).then().statusCode(401);
        // discipline of another district, and of the accused unit itself: as if it did not exist
        String unknown = as(DISCIPLINE_B).get("/api/rectification/clues/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).extract().asString();
        String ownUnit = TestTokens.token("discipline-e", "/city/district-e", "discipline");
        for (String token : new String[] {DISCIPLINE_B, ownUnit}) {
            assertThat(as(token).get("/api/rectification/clues/" + clue).then().statusCode(404).extract().asString())
                    .isEqualTo(unknown.replaceAll("clues/[0-9a-f-]{36}", "clues/" + clue));
            as(token).get("/api/rectification/clues").then().statusCode(200).body("total", equalTo(0));
            as(token).get("/api/rectification/clues/" + clue + "/reads").then().statusCode(404);
            as(token).contentType(ContentType.JSON).body(Map.of("status", "VERIFYING"))
                    .post("/api/rectification/clues/" + clue + "/handling").then().statusCode(404);
        }

        // the list shows no details and no reporter; the detail does, to the discipline commission only
        String list = as(DISCIPLINE).get("/api/rectification/clues").then().statusCode(200)
                .body("items.id", contains(clue)).body("items[0].unitName", not(equalTo(null)))
                .extract().asString();
        assertThat(list).doesNotContain(SECRET, DETAILS);
        as(DISCIPLINE).get("/api/rectification/clues/" + clue).then().statusCode(200)
                .body("reporter", equalTo(SECRET)).body("details", equalTo(DETAILS))
                .body("handling.status", contains("TRANSFERRED"))
                .body("clue.unitName", equalTo(as(INSPECTOR).get("/api/rectification/org-units/district-e").then()
                        .extract().path("name")));

        // sealed at rest: the database holds no name, and a clue stored before sealing is sealed at the next start
        assertThat(count("select count(*) from clue where reporter like '%李某%' or reporter like '%13800000000%'")).isZero();
        String legacy = java.util.UUID.randomUUID().toString();
        count("with added as (insert into clue (id, org_code, org_path, summary, details, reporter, registered_by,"
                + " registered_at, status, version) values ('" + legacy + "', 'district-e', '/city/district-e', '旧线索',"
                + " '旧细节', '赵某', 'inspector', now(), 'TRANSFERRED', 0) returning 1) select count(*) from added");
        seal.sealPlainReporters(null);
        assertThat(count("select count(*) from clue where reporter like 'v1:%' and id = '" + legacy + "'")).isOne();
        as(DISCIPLINE).get("/api/rectification/clues/" + legacy).then().statusCode(200).body("reporter", equalTo("赵某"));

        // every read left a trace: the list's summary, then the whole clue with its reporter
        as(DISCIPLINE).get("/api/rectification/clues/" + clue + "/reads").then().statusCode(200)
                .body("reader", contains("discipline", "discipline")).body("whole", contains(false, true));
        assertThatThrownBy(() -> count("with gone as (delete from clue_read returning 1) select count(*) from gone"))
                .hasMessageContaining("append-only");

        // handling: verify, then conclude with a disposition; a clearing needs a written reason
        handle(clue, Map.of("status", "VERIFYING", "disposition", "FIRST_FORM")).statusCode(400);
        handle(clue, Map.of("status", "VERIFYING")).statusCode(200).body("status", equalTo("VERIFYING"));
        handle(clue, Map.of("status", "TRANSFERRED")).statusCode(409).body("type", equalTo("urn:party:problem:illegal-step"));
        handle(clue, Map.of("status", "CONCLUDED")).statusCode(400).body("errors[0].field", equalTo("disposition"));
        handle(clue, Map.of("status", "CONCLUDED", "disposition", "CLEARED")).statusCode(400)
                .body("errors[0].field", equalTo("note"));
        handle(clue, Map.of("status", "CONCLUDED", "disposition", "CLEARED", "note", "经核查，反映问题不属实，予以澄清正名"))
                .statusCode(200).body("disposition", equalTo("CLEARED"));
        handle(clue, Map.of("status", "CONCLUDED", "disposition", "FIRST_FORM")).statusCode(409);

        // the audit trail records the handling, never on which clue, nor by whom it was reported
        assertThat(count("select count(*) from audit_entry where path like '%" + clue + "%'")).isZero();
        assertThat(count("select count(*) from audit_entry a where a::text like '%李某%'")).isZero();
        assertThat(count("select count(*) from audit_entry where path = '/api/rectification/clues/{id}/handling'"))
                .isPositive();

        // nothing of it left the discipline commission's API: no event, no ledger entry
        assertThat(count("select count(*) from outbox_event where envelope like '%" + DETAILS + "%'"
                + " or envelope like '%李某%' or envelope like '%" + clue + "%'")).isZero();
        as(ORGANIZER).get("/api/rectification/ledger?unit=district-e").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void accountabilityIsRecordedByDisciplineAndNeverEdited() throws SQLException {
        String item = as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("source", "INSPECTION",
                        "timingClass", "FULL", "problem", "整改敷衍", "unit", "district-e"))
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
        String decisions = "/api/rectification/items/" + item + "/accountability";

        as(LEADER).contentType(ContentType.JSON).body(Map.of("person", "张某", "disposition", "FIRST_FORM"))
                .post(decisions).then().statusCode(403);
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("person", "张某", "disposition", "FIRST_FORM"))
                .post(decisions).then().statusCode(403);
        as(DISCIPLINE_B).contentType(ContentType.JSON).body(Map.of("person", "张某", "disposition", "FIRST_FORM"))
                .post(decisions).then().statusCode(404);
        // the unit's own discipline commission never decides on its own leaders
        as(TestTokens.token("discipline-e", "/city/district-e", "discipline")).contentType(ContentType.JSON)
                .body(Map.of("person", "张某", "disposition", "CLEARED", "justification", "查无实据"))
                .post(decisions).then().statusCode(403).body("type", equalTo("urn:party:problem:wrong-side"));
        as(DISCIPLINE).contentType(ContentType.JSON).body(Map.of("person", "张某", "disposition", "EXEMPTED"))
                .post(decisions).then().statusCode(400).body("errors[0].field", equalTo("justification"));
        as(DISCIPLINE).contentType(ContentType.JSON).body(Map.of("person", "张某", "disposition", "FOURTH_FORM_PLUS"))
                .post(decisions).then().statusCode(400).body("errors[0].field", equalTo("disposition"));

        as(DISCIPLINE).contentType(ContentType.JSON).body(Map.of("person", "张某", "post", "副书记",
                "disposition", "FIRST_FORM")).post(decisions).then().statusCode(201)
                .body("dispositionLabel", equalTo("第一种形态：批评教育、谈话提醒"));
        as(DISCIPLINE).contentType(ContentType.JSON).body(Map.of("person", "王某", "disposition", "EXEMPTED",
                "justification", "先行先试中出现失误，符合三个区分开来，予以容错")).post(decisions).then().statusCode(201);
        as(ORGANIZER).get(decisions).then().statusCode(200).body("disposition", contains("FIRST_FORM", "EXEMPTED"));
        as(LEADER).get(decisions).then().statusCode(403);

        // nor does the city's on the city's own: a decision comes from above the person's unit
        String cityItem = as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("source", "INSPECTION",
                        "timingClass", "FULL", "problem", "市委班子成员履责不到位", "unit", "city"))
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
        as(DISCIPLINE).contentType(ContentType.JSON).body(Map.of("person", "赵某", "disposition", "FIRST_FORM"))
                .post("/api/rectification/items/" + cityItem + "/accountability").then().statusCode(403);
        as(ORGANIZER).get(decisions).then().statusCode(200).body("disposition", contains("FIRST_FORM", "EXEMPTED"));

        // announced without names; and append-only even to the service's own database account
        assertThat(count("select count(*) from outbox_event where event_type = 'AccountabilityDecided' and event_key = '"
                + item + "' and envelope not like '%张某%' and envelope not like '%王某%'")).isEqualTo(2);
        assertThatThrownBy(() -> count("with changed as (update accountability_decision set disposition = 'NO_ISSUE'"
                + " returning 1) select count(*) from changed")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> count("with gone as (delete from item_history returning 1) select count(*) from gone"))
                .hasMessageContaining("append-only");
    }

    private static io.restassured.response.ValidatableResponse handle(String clue, Map<String, String> body) {
        return as(DISCIPLINE).contentType(ContentType.JSON).body(body)
                .post("/api/rectification/clues/" + clue + "/handling").then();
    }

    private long count(String sql) throws SQLException {
        try (var connection = db.getConnection(); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
