package party.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;
import party.common.events.PersonRecorded;
import party.common.events.PersonState;
import party.common.paging.Page;
import party.common.sheets.UploadedSheet;
import party.rectification.items.ItemState;
import party.rectification.items.RectificationItem;
import party.testing.PostgresResource;

/** An inspection's list of problems issued from a sheet: each row as POST /items issues one, every row or none. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ItemImportTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String IMPORT = "/api/rectification/items/import";
    private static final String HEADER = "责任单位编码,问题来源,整改类型,问题描述,公开摘要,责任人,发现日期,整改时限";

    @Inject
    @Any
    InMemoryConnector messaging;
    @Inject
    EventCodec codec;
    @Inject
    DataSource db;

    private String east;
    private String west;

    @BeforeEach
    void twoDistrictsOfTheirOwn() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        east = "district-e" + suffix;
        west = "district-w" + suffix;
        Fixtures.replicate(messaging, codec, east, west);
    }

    @Test
    void threeProblemsToTwoUnits_theLeaderByNameFromTheRegistryOrOutsideIt() throws Exception {
        UUID secretary = person("王建国", east);
        person("李同名", west);
        person("李同名", west); // two of that name: the sheet's 李同名 is nobody of the registry in particular
        byte[] sheet = csv(HEADER,
                east + ",巡察,全面整改,三会一课制度落实不到位,组织生活待规范,王建国," + TODAY.minusDays(3) + ",",
                east + ",INSPECTION,立行立改,\"会议记录缺失, 需补齐\",,外聘顾问,,",
                west + ",巡察,即知即改,发展党员程序不规范,,李同名,," + TODAY.plusDays(30));
        var issued = as(INSPECTOR).contentType("text/csv").body(sheet).post(IMPORT).then().statusCode(200)
                .body("issued.row", contains(2, 3, 4)).body("issued.number", everyItem(startsWith("ZG")))
                .body("refused", empty());
        List<String> ids = issued.extract().path("issued.id");

        item(ids.get(0)).body("item.source", equalTo("INSPECTION")).body("item.timingClass", equalTo("FULL"))
                .body("item.responsibleLeaderId", equalTo(secretary.toString()))
                .body("item.publicSummary", equalTo("组织生活待规范"))
                .body("item.foundOn", equalTo(TODAY.minusDays(3).toString()))
                .body("item.deadline", equalTo(TODAY.minusDays(3).plusDays(90).toString())) // the class's default
                .body("history[0].action", equalTo("issued"));
        item(ids.get(1)).body("item.problem", equalTo("会议记录缺失, 需补齐")).body("item.timingClass", equalTo("ON_THE_SPOT"))
                .body("item.responsibleLeader", equalTo("外聘顾问"))
                .body("item.responsibleLeaderOutsideRegistry", equalTo(true));
        item(ids.get(2)).body("item.unit", equalTo(west)).body("item.responsibleLeader", equalTo("李同名"))
                .body("item.responsibleLeaderOutsideRegistry", equalTo(true))
                .body("item.deadline", equalTo(TODAY.plusDays(30).toString()));
        assertThat(count("select count(*) from outbox_event where event_type = 'RectificationItemIssued' and "
                + "event_key in ('" + String.join("','", ids) + "')")).isEqualTo(3);
    }

    @Test
    void aWorkbookWithATitleAboveTheHeaderAndDateCells() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var workbook = new Workbook(bytes, "inspection", "1.0")) {
            var rows = workbook.newWorksheet("问题清单");
            rows.value(0, 0, "2026年第一轮巡察反馈问题清单");
            String[] header = {"序号", "问题描述", "责任单位编码", "问题来源", "整改类型", "发现日期", "整改时限"};
            for (int column = 0; column < header.length; column++) {
                rows.value(1, column, header[column]);
            }
            rows.value(2, 0, 1);
            rows.value(2, 1, "基层党组织换届未按期");
            rows.value(2, 2, east);
            rows.value(2, 3, "巡察");
            rows.value(2, 4, "全面整改");
            rows.value(2, 5, TODAY.minusDays(1));
            rows.style(2, 5).format("yyyy-mm-dd").set();
            rows.value(2, 6, TODAY.plusDays(60));
            rows.style(2, 6).format("yyyy-mm-dd").set();
        }
        String id = as(INSPECTOR).contentType(UploadedSheet.XLSX).body(bytes.toByteArray()).post(IMPORT).then()
                .statusCode(200).body("issued", hasSize(1)).extract().path("issued[0].id");
        item(id).body("item.foundOn", equalTo(TODAY.minusDays(1).toString()))
                .body("item.deadline", equalTo(TODAY.plusDays(60).toString()))
                .body("item.problem", equalTo("基层党组织换届未按期"));
    }

    @Test
    void refusedRowsIssueNothing_orWithRowsValidTheGoodOnes() throws Exception {
        String outside = "outside-" + UUID.randomUUID().toString().substring(0, 6);
        Fixtures.send(messaging, codec, new OrgUnitState(outside, "外市委", OrgLevel.CITY, "city", null,
                "/" + outside, false, 0));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                count("select count(*) from org_unit_replica where code = '" + outside + "'") == 1);
        byte[] sheet = csv(HEADER,
                east + ",巡察,全面整改,理论学习不深入,,,,",
                outside + ",巡察,全面整改,不归本委管,,,,",
                west + ",暗访,全面整改,来源不明,,,,",
                west + ",巡察,全面整改,发现于明天,,," + TODAY.plusDays(1) + ",");
        long events = count("select count(*) from outbox_event where event_type = 'RectificationItemIssued'");
        as(INSPECTOR).contentType("text/csv").body(sheet).post(IMPORT).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:party:problem:invalid-sheet-row"))
                .body("title", equalTo("表格有不合法的行"))
                .body("detail", startsWith("3 rows cannot be issued"))
                .body("errors.field", contains("row 3 责任单位编码", "row 4 问题来源", "row 5 发现日期"));
        ledger(east).body("total", equalTo(0));
        assertThat(count("select count(*) from outbox_event where event_type = 'RectificationItemIssued'"))
                .isEqualTo(events);

        as(INSPECTOR).contentType("text/csv").body(sheet).post(IMPORT + "?rows=valid").then().statusCode(200)
                .body("issued.row", contains(2))
                .body("refused.field", contains("row 3 责任单位编码", "row 4 问题来源", "row 5 发现日期"));
        ledger(east).body("total", equalTo(1)).body("items[0].problem", equalTo("理论学习不深入"));
        ledger(west).body("total", equalTo(0));
    }

    @Test
    void theLedgersCount_isExactWithinItsBound_andStopsAtIt() {
        byte[] sheet = csv(HEADER, east + ",巡察,全面整改,问题一,,,,", east + ",巡察,全面整改,问题二,,,,",
                east + ",巡察,全面整改,问题三,,,,");
        as(INSPECTOR).contentType("text/csv").body(sheet).post(IMPORT).then().statusCode(200);
        ledger(east).body("total", equalTo(3)).body("totalExact", equalTo(true));
        var open = Page.counting(RectificationItem.class, "orgCode = :unit and state in :open",
                Parameters.with("unit", east).and("open", ItemState.OPEN));
        assertThat(QuarkusTransaction.requiringNew().call(() -> open.upTo(2))).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> open.upTo(10))).isEqualTo(3);
    }

    @Test
    void theSameIdempotencyKeyTwiceIssuesOnce() {
        byte[] sheet = csv(HEADER, east + ",巡察,全面整改,重复提交的清单,,,,", west + ",巡察,全面整改,重复提交的清单,,,,");
        String key = UUID.randomUUID().toString();
        List<String> first = as(INSPECTOR).header("Idempotency-Key", key).contentType("text/csv").body(sheet)
                .post(IMPORT).then().statusCode(200).extract().path("issued.id");
        List<String> again = as(INSPECTOR).header("Idempotency-Key", key).contentType("text/csv").body(sheet)
                .post(IMPORT).then().statusCode(200).header("Idempotency-Replayed", "true")
                .extract().path("issued.id");
        assertThat(again).isEqualTo(first).hasSize(2);
        ledger(east).body("total", equalTo(1));
        ledger(west).body("total", equalTo(1));
    }

    @Test
    void theIssuingSideImports_notTheUnit() {
        byte[] sheet = csv(HEADER, east + ",巡察,全面整改,自己给自己交办,,,,");
        as(Fixtures.leaderOf(east)).contentType("text/csv").body(sheet).post(IMPORT).then().statusCode(403);
        as(Fixtures.DISCIPLINE).contentType("text/csv").body(sheet).post(IMPORT).then().statusCode(403);
        as(Fixtures.ORGANIZER).contentType("text/csv").body(csv("问题描述", "没有单位列")).post(IMPORT).then()
                .statusCode(400).body("type", equalTo("urn:party:problem:unreadable-sheet"));
        ledger(east).body("total", equalTo(0));
    }

    private ValidatableResponse item(String id) {
        return as(INSPECTOR).get("/api/rectification/items/" + id).then().statusCode(200);
    }

    private static ValidatableResponse ledger(String unit) {
        return as(INSPECTOR).get("/api/rectification/ledger?unit=" + unit).then().statusCode(200);
    }

    /** A person of the registry holding a post in the unit since last year, once the replica holds them. */
    private UUID person(String name, String unit) {
        UUID id = UUID.randomUUID();
        var post = new PersonState.Held(UUID.randomUUID(), unit, "/city/" + unit, "SECRETARY", "书记（第一责任人）",
                TODAY.minusYears(1), null);
        messaging.source("persons").send(codec.write(codec.envelope(new PersonRecorded(new PersonState(id, name, null,
                List.of(post), 0)), "assessment-service", Instant.now())));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                count("select count(*) from person_replica where id = '" + id + "'") == 1);
        return id;
    }

    private long count(String sql) throws SQLException {
        try (var connection = db.getConnection(); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static byte[] csv(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
}
