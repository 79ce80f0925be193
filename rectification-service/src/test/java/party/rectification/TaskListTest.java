package party.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.ORGANIZER;
import static party.rectification.Fixtures.as;
import static party.rectification.Fixtures.leaderOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.rectification.items.DeadlineScan;
import party.testing.PostgresResource;
import party.testing.TestTokens;

/**
 * The task list 任务清单: the city issues the year's tasks to its districts; each district acknowledges, reports
 * progress and submits with evidence; the city checks it, never the district itself. Warnings and overdue come
 * from the scan that serves rectification items.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class TaskListTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String TASKS = "/api/rectification/tasks";
    private static final String LEADER_T = leaderOf("district-t");
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DeadlineScan scan;
    @Inject
    DataSource db;

    @BeforeEach
    void setUp() {
        Fixtures.replicate(messaging, codec, "district-t", "district-u", "district-b");
        MovedCalendar.moveTo(TODAY);
    }

    @Test
    void aTaskIsIssuedAnsweredByTheUnitAndCheckedByTheCommitteeAbove() throws SQLException {
        List<String> ids = issue(Map.of("title", "落实基层党建述职评议问题整改", "units", List.of("district-t", "district-u"),
                "deadline", TODAY.plusDays(30).toString(), "supervisingDepartment", "organization",
                "evidenceRequired", "整改报告及照片", "indicator", "RESP-2")).statusCode(201)
                .body("number", contains(startsWith("RW2026-"), startsWith("RW2026-")))
                .body("stateLabel", contains("已下达", "已下达")).body("warning", contains("GREEN", "GREEN"))
                .extract().path("id");
        String task = TASKS + "/" + ids.get(0);

        as(leaderOf("district-u")).get(task).then().statusCode(404); // a sibling's task
        as(LEADER_T).contentType(ContentType.JSON).post(task + "/acknowledge").then().statusCode(200)
                .body("state", equalTo("ACKNOWLEDGED"));
        as(LEADER_T).contentType(ContentType.JSON).body(Map.of("note", "已部署到各支部")).post(task + "/progress")
                .then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        as(LEADER_T).contentType(ContentType.JSON).body(Map.of("text", "已完成")).post(task + "/submit").then()
                .statusCode(400).body("type", equalTo("urn:party:problem:evidence-missing"));
        as(LEADER_T).multiPart("file", "report.png", PNG, "image/png").post(task + "/evidence").then().statusCode(201);
        as(LEADER_T).contentType(ContentType.JSON).body(Map.of("text", "已完成整改")).post(task + "/submit").then()
                .statusCode(200).body("state", equalTo("SUBMITTED"));

        // the unit never checks its own task: not its leader, not its own organizer
        as(LEADER_T).contentType(ContentType.JSON).post(task + "/accept").then().statusCode(403);
        as(TestTokens.token("organizer-t", "/city/district-t", "organizer")).contentType(ContentType.JSON)
                .post(task + "/accept").then().statusCode(403).body("type", equalTo("urn:party:problem:wrong-side"));
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("reason", "照片不清晰")).post(task + "/send-back")
                .then().statusCode(200).body("state", equalTo("SENT_BACK"));
        as(LEADER_T).contentType(ContentType.JSON).body(Map.of("text", "补充材料")).post(task + "/submit").then()
                .statusCode(200);
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("note", "验收通过")).post(task + "/accept").then()
                .statusCode(200).body("state", equalTo("COMPLETED")).body("onTime", equalTo(true))
                .body("allowedSteps", hasSize(0));
        as(ORGANIZER).get(task).then().statusCode(200)
                .body("history.action", contains("issued", "acknowledge", "record-progress", "evidence-added",
                        "submit", "send-back", "submit", "accept"))
                .body("evidence.fileName", contains("report.png"));
        assertThat(events(ids.get(0))).containsExactly("TaskIssued", "TaskCompleted");
    }

    @Test
    void aCommitteeIssuesOnlyBelowItselfAndABadTaskStoresNothing() {
        issue(Map.of("title", "x", "units", List.of("city"), "deadline", TODAY.plusDays(5).toString()))
                .statusCode(403).body("type", equalTo("urn:party:problem:wrong-side"));
        issue(Map.of("title", "x", "units", List.of("district-t", "nowhere"), "deadline", TODAY.plusDays(5).toString()))
                .statusCode(400).body("type", equalTo("urn:party:problem:unknown-org-unit"));
        issue(Map.of("title", "x", "units", List.of("district-t"), "deadline", TODAY.minusDays(1).toString()))
                .statusCode(400).body("errors[0].field", equalTo("deadline"));
        as(LEADER_T).contentType(ContentType.JSON).body(Map.of("title", "x", "units", List.of("district-t"),
                "deadline", TODAY.plusDays(5).toString())).post(TASKS).then().statusCode(403);
        as(ORGANIZER).get(TASKS + "?unit=district-t").then().statusCode(200)
                .body("items.title", not(hasItem("x")));
    }

    @Test
    void warningsAndOverdueComeFromTheScanOfRectificationItems() throws SQLException {
        String soon = issue(Map.of("title", "召开专题组织生活会", "units", List.of("district-b"),
                "deadline", TODAY.plusDays(2).toString())).statusCode(201).body("[0].warning", equalTo("RED"))
                .body("[0].daysLeft", equalTo(2)).extract().path("[0].id");
        as(INSPECTOR).get(TASKS + "?warning=RED&unit=district-b").then().statusCode(200)
                .body("items.id", hasItem(soon));

        MovedCalendar.moveTo(TODAY.plusDays(3));
        scan.scan();
        scan.scan(); // once per deadline
        as(INSPECTOR).get(TASKS + "/" + soon).then().statusCode(200).body("task.overdue", equalTo(true))
                .body("task.escalatedTo", equalTo("/city"))
                .body("history.action", hasItem("overdue"));
        as(INSPECTOR).get(TASKS + "?overdue=true").then().body("items.id", hasItem(soon));
        assertThat(events(soon)).containsExactly("TaskIssued", "TaskOverdue");
        as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("reason", "重复下达")).post(TASKS + "/" + soon
                + "/withdraw").then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        assertThat(events(soon)).containsExactlyInAnyOrder("TaskIssued", "TaskOverdue", "TaskWithdrawn");
    }

    private static io.restassured.response.ValidatableResponse issue(Map<String, Object> body) {
        return as(ORGANIZER).contentType(ContentType.JSON).body(new HashMap<>(body)).post(TASKS).then();
    }

    private List<String> events(String taskId) throws SQLException {
        try (var connection = db.getConnection(); var rs = connection.createStatement().executeQuery(
                "select event_type from outbox_event where event_key = '" + taskId + "' order by created_at, event_type")) {
            var types = new java.util.ArrayList<String>();
            while (rs.next()) {
                types.add(rs.getString(1));
            }
            return types;
        }
    }
}
