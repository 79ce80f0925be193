package party.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static party.rectification.Fixtures.INSPECTOR;
import static party.rectification.Fixtures.ORGANIZER;
import static party.rectification.Fixtures.as;
import static party.rectification.Fixtures.leaderOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.apache.http.entity.mime.HttpMultipartMode;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import party.common.events.EventCodec;
import party.rectification.items.DeadlineScan;
import party.testing.PostgresResource;
import party.testing.PrintedSheets;

/**
 * An inspection finds three problems for district-a; a plan is sent back then approved, a report sent back then
 * verified; one item goes overdue and escalates; the look-back reopens the closed one; district-b sees none of it.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RectificationFlowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String LEADER_A = leaderOf("district-a");
    private static final String LEADER_B = leaderOf("district-b");
    private static final String LEADER_C = leaderOf("district-c");
    /** file names as a browser sends them, in UTF-8 */
    private static final RestAssuredConfig UTF8_MULTIPART = RestAssured.config()
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8))
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE));

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
        Fixtures.replicate(messaging, codec, "district-a", "district-b", "district-c");
        MovedCalendar.moveTo(TODAY);
    }

    @Test
    void anInspectionsProblemsRunTheirCourse() throws Exception {
        String a = issue(Map.of("source", "INSPECTION", "timingClass", "FULL", "problem", "三会一课制度落实不到位",
                "unit", "district-a", "responsibleLeader", "张书记", "supervisingUnit", "city",
                "publicSummary", "落实三会一课制度"), TODAY.plusDays(90));
        String b = issue(Map.of("source", "INSPECTION", "timingClass", "ON_THE_SPOT", "problem", "公车私用（四风问题）",
                "unit", "district-a", "responsibleLeader", "王主任"), TODAY.plusDays(7));
        String c = issue(Map.of("source", "SELF_CHECK", "timingClass", "IMMEDIATE", "problem", "党费收缴台账缺失",
                "unit", "district-a", "foundOn", TODAY.minusDays(20).toString()), TODAY.minusDays(5));

        // the unit cannot report before it has a plan, nor review its own plan
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("text", "已整改")).post(item(a) + "/report").then()
                .statusCode(409).body("type", equalTo("urn:party:problem:illegal-step"))
                .body("detail", equalTo("step submit-report is not allowed in state ISSUED; allowed: submit-plan, withdraw"));
        as(LEADER_A).contentType(ContentType.JSON).post(item(a) + "/plan/approve").then().statusCode(403);

        // a plan sent back, then approved
        plan(a, "召开专题会议");
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of()).post(item(a) + "/plan/send-back").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("reason", "措施不具体，缺少时间节点"))
                .post(item(a) + "/plan/send-back").then().statusCode(200).body("state", equalTo("PLAN_SENT_BACK"));
        plan(a, "制定三会一课计划，每月检查落实，12月底前完成整改");
        as(INSPECTOR).contentType(ContentType.JSON).post(item(a) + "/plan/approve").then().statusCode(200).body("state", equalTo("PLAN_APPROVED"));
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("milestone", 0, "note", "计划已印发"))
                .post(item(a) + "/progress").then().statusCode(200).body("state", equalTo("IN_PROGRESS"))
                .body("milestones[0].doneOn", equalTo(TODAY.toString()));

        // a report sent back to redo, then verified: closed (销号) on time
        report(a);
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("reason", "未见会议记录"))
                .post(item(a) + "/report/send-back").then().statusCode(200).body("state", equalTo("REPORT_SENT_BACK"));
        report(a);
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("note", "资料齐全，同意销号"))
                .post(item(a) + "/report/verify").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("onTime", equalTo(true))
                .body("followUpDue", equalTo(TODAY.plusDays(90).toString())).body("warning", nullValue());
        assertThat(events(a, "RectificationItemClosed")).isEqualTo(1);
        as(INSPECTOR).get(item(a)).then().statusCode(200)
                .body("item.unitName", equalTo(nameOf("district-a"))) // the console shows names, not codes
                .body("history.action", contains("issued", "submit-plan", "send-back-plan", "submit-plan", "approve-plan",
                        "record-progress", "submit-report", "send-back-report", "submit-report", "verify"))
                .body("history[2].note", equalTo("措施不具体，缺少时间节点"))
                .body("history[2].actor", equalTo("inspector"));

        // eight days on: the on-the-spot item is overdue; both overdue items raise the event once and escalate to /city
        MovedCalendar.moveTo(TODAY.plusDays(8));
        scan.scan();
        scan.scan();
        assertThat(events(b, "RectificationItemOverdue")).isEqualTo(1);
        assertThat(events(c, "RectificationItemOverdue")).isEqualTo(1);
        assertThat(events(a, "RectificationItemOverdue")).isZero();
        as(ORGANIZER).get("/api/rectification/ledger/escalated").then().statusCode(200)
                .body("items.findAll { it.unit == 'district-a' }.id", containsInAnyOrder(b, c))
                .body("items[0].escalatedTo", equalTo("/city"));
        as(LEADER_A).get("/api/rectification/ledger/escalated").then().statusCode(200).body("items", empty());
        as(LEADER_A).get("/api/rectification/ledger?overdue=true").then().statusCode(200)
                .body("items.id", contains(c, b)).body("items.warning", contains("RED", "RED"));
        as(LEADER_A).get("/api/rectification/ledger?warning=GREEN").then().statusCode(200).body("total", equalTo(0));
        as(INSPECTOR).get(item(b)).then().body("history.action", contains("issued", "overdue"))
                .body("item.overdue", equalTo(true)).body("item.daysLeft", equalTo(-1));
        as(ORGANIZER).get("/api/rectification/ledger/figures?unit=district-a").then().statusCode(200)
                .body("unit", contains("district-a")).body("[0].items", equalTo(3)).body("[0].overdue", equalTo(2))
                .body("[0].closed", equalTo(1)).body("[0].onTimeRate", equalTo(1.0f)).body("[0].reopenRate", equalTo(0.0f));

        // the look-back falls due 90 days after closing and finds the problem back
        MovedCalendar.moveTo(TODAY.plusDays(90));
        scan.scan();
        as(INSPECTOR).get(item(a)).then().body("item.state", equalTo("FOLLOW_UP_DUE"))
                .body("item.allowedSteps", contains("SUSTAIN", "REOPEN", "WITHDRAW"));
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("reason", "回头看发现问题反弹"))
                .post(item(a) + "/follow-up/reopen").then().statusCode(400).body("errors[0].field", equalTo("deadline"));
        as(INSPECTOR).contentType(ContentType.JSON)
                .body(Map.of("reason", "回头看发现问题反弹", "deadline", TODAY.plusDays(120).toString()))
                .post(item(a) + "/follow-up/reopen").then().statusCode(200)
                .body("state", equalTo("REOPENED")).body("reopenCount", equalTo(1));
        assertThat(events(a, "RectificationItemReopened")).isEqualTo(1);
        as(ORGANIZER).get("/api/rectification/ledger/figures").then().statusCode(200)
                .body("find { it.unit == 'district-a' }.reopenRate", equalTo(1.0f))
                .body("find { it.unit == 'district-a' }.closed", equalTo(0));

        // district-b sees none of it: not the item, not its steps, not the ledger, not the figures
        as(LEADER_B).get(item(a)).then().statusCode(404);
        as(LEADER_B).contentType(ContentType.JSON).body(Map.of("measures", "x")).post(item(a) + "/plan").then()
                .statusCode(404);
        as(LEADER_B).get("/api/rectification/ledger").then().statusCode(200).body("total", equalTo(0));
        as(LEADER_B).get("/api/rectification/ledger?unit=district-a").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-org-unit"));
        as(LEADER_B).get("/api/rectification/ledger/figures").then().statusCode(200).body("$", empty());

        // the ledger exported: a title, a header and the three items, with the units' names, ready to print
        // (another test may have renamed them: the replica's names, as they stand)
        String unitName = as(LEADER_A).get("/api/rectification/org-units/district-a").then().statusCode(200)
                .extract().path("name");
        String cityName = as(ORGANIZER).get("/api/rectification/org-units/city").then().statusCode(200)
                .extract().path("name");
        byte[] xlsx = as(ORGANIZER).get("/api/rectification/ledger/export.xlsx?unit=district-a").then().statusCode(200)
                .extract().asByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(5);
            assertThat(rows.get(0).getCellText(0)).isEqualTo(unitName + "整改台账 · 导出于 " + TODAY.plusDays(90));
            assertThat(rows.get(1).getCellText(0)).isEqualTo("编号");
            assertThat(rows.stream().skip(2).map(r -> r.getCellText(3)))
                    .containsExactlyInAnyOrder("三会一课制度落实不到位", "公车私用（四风问题）", "党费收缴台账缺失");
            assertThat(rows.stream().skip(2).map(r -> r.getCellText(1))).containsOnly(unitName);
            assertThat(rows.stream().skip(2).filter(r -> r.getCellText(3).equals("三会一课制度落实不到位"))
                    .map(r -> r.getCellText(6))).containsExactly(cityName);
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("整改台账");
            PrintedSheets.assertPrintable(sheet, true);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith(unitName);
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(2).getCell(9))).isTrue(); // 整改期限
            assertThat(sheet.getRow(2).getCell(12).getCellStyle().getBorderLeft()).isEqualTo(BorderStyle.THIN);
        }

        // the public view: only what was published, without token, without problem text or persons
        String progress = RestAssured.given().get("/api/rectification/public/progress?unit=district-a").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].summary", equalTo("落实三会一课制度"))
                .body("items[0].unitName", equalTo(unitName)).extract().asString();
        assertThat(progress).doesNotContain("张书记", "三会一课制度落实不到位", "措施");
    }

    @Test
    void anItemIssuedInErrorIsWithdrawnKeepsItsHistoryAndCountsNowhere() throws Exception {
        String wrong = issue(Map.of("source", "INSPECTION", "timingClass", "FULL", "problem", "组织生活会未召开",
                "unit", "district-c", "publicSummary", "按期召开组织生活会"), TODAY.plusDays(90));
        String right = issue(Map.of("source", "INSPECTION", "timingClass", "FULL", "problem", "发展党员程序不规范",
                "unit", "district-c"), TODAY.plusDays(90));
        as(ORGANIZER).get("/api/rectification/ledger/figures?unit=district-c").then().body("[0].items", equalTo(2));

        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of()).post(item(wrong) + "/withdraw").then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        as(LEADER_C).contentType(ContentType.JSON).body(Map.of("reason", "不是我们的问题"))
                .post(item(wrong) + "/withdraw").then().statusCode(403);
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("reason", "交办对象有误，应为其他单位"))
                .post(item(wrong) + "/withdraw").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN")).body("stateLabel", equalTo("已撤销"))
                .body("allowedSteps", empty()).body("warning", nullValue());
        as(INSPECTOR).contentType(ContentType.JSON).body(Map.of("reason", "再次撤销"))
                .post(item(wrong) + "/withdraw").then().statusCode(409).body("type", equalTo("urn:party:problem:illegal-step"));
        assertThat(events(wrong, "RectificationItemWithdrawn")).isEqualTo(1);
        as(LEADER_C).get(item(wrong)).then().statusCode(200)
                .body("history.action", contains("issued", "withdraw"))
                .body("history[1].note", equalTo("交办对象有误，应为其他单位"));

        // out of the figures, the open lists and the public view; in the ledger, marked; never overdue
        as(ORGANIZER).get("/api/rectification/ledger/figures?unit=district-c").then()
                .body("[0].items", equalTo(1)).body("[0].open", equalTo(1));
        as(LEADER_C).get("/api/rectification/ledger?warning=GREEN").then().body("items.id", contains(right));
        as(LEADER_C).get("/api/rectification/ledger").then().body("items.id", containsInAnyOrder(wrong, right));
        RestAssured.given().get("/api/rectification/public/progress?unit=district-c").then().statusCode(200)
                .body("total", equalTo(0));
        MovedCalendar.moveTo(TODAY.plusDays(91));
        scan.scan();
        assertThat(events(wrong, "RectificationItemOverdue")).isZero();
        assertThat(events(right, "RectificationItemOverdue")).isEqualTo(1);
        // the trend: twelve months to today's; the item still open fell overdue this month; the withdrawn one nowhere
        as(ORGANIZER).get("/api/rectification/ledger/trend?unit=district-c").then().statusCode(200)
                .body("months.size()", equalTo(12)).body("months[-1].month", equalTo("2027-02"))
                .body("months[-1].overdue", equalTo(1)).body("months.issued.sum()", equalTo(1))
                .body("sources.size()", equalTo(1)).body("sources[0].sourceLabel", equalTo("巡察"))
                .body("sources[0].items", equalTo(1)).body("sources[0].overdue", equalTo(1))
                .body("sources[0].onTimeRate", nullValue());
        as(LEADER_C).get("/api/rectification/ledger/trend?unit=district-a").then().statusCode(400);
        byte[] xlsx = as(ORGANIZER).get("/api/rectification/ledger/export.xlsx?unit=district-c").then().statusCode(200)
                .extract().asByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getFirstSheet().read().stream().skip(2)
                    .filter(r -> r.getCellText(3).equals("组织生活会未召开")).map(r -> r.getCellText(10)))
                    .containsExactly("已撤销");
        }
    }

    @Test
    void badRequestsAreRefusedWithTheFieldAndStoreNothing() throws SQLException {
        long before = count("select count(*) from rectification_item");
        var base = new HashMap<String, Object>(Map.of("source", "AUDIT", "timingClass", "FULL", "problem", "x",
                "unit", "district-a"));
        base.remove("problem");
        as(INSPECTOR).contentType(ContentType.JSON).body(base).post("/api/rectification/items").then()
                .statusCode(400).body("errors.field", contains("problem"));
        base.put("problem", "审计发现问题");
        base.put("source", "RUMOUR");
        as(INSPECTOR).contentType(ContentType.JSON).body(base).post("/api/rectification/items").then()
                .statusCode(400).body("errors[0].field", equalTo("source"));
        base.put("source", "AUDIT");
        base.put("foundOn", TODAY.plusDays(1).toString());
        as(INSPECTOR).contentType(ContentType.JSON).body(base).post("/api/rectification/items").then()
                .statusCode(400).body("errors[0].field", equalTo("foundOn"));
        base.remove("foundOn");
        base.put("deadline", TODAY.minusDays(1).toString());
        as(INSPECTOR).contentType(ContentType.JSON).body(base).post("/api/rectification/items").then()
                .statusCode(400).body("errors[0].field", equalTo("deadline"));
        base.remove("deadline");
        base.put("unit", "district-b");
        as(Fixtures.leaderOf("x")).contentType(ContentType.JSON).body(base).post("/api/rectification/items").then()
                .statusCode(403);
        as(party.testing.TestTokens.token("inspector-a", "/city/district-a", "inspector")).contentType(ContentType.JSON)
                .body(base).post("/api/rectification/items").then().statusCode(400)
                .body("type", equalTo("urn:party:problem:unknown-org-unit")).body("errors[0].field", equalTo("unit"));
        RestAssured.given().contentType(ContentType.JSON).body(base).post("/api/rectification/items").then()
                .statusCode(401);
        RestAssured.given().get("/api/rectification/ledger").then().statusCode(401);
        assertThat(count("select count(*) from rectification_item")).isEqualTo(before);
    }

    @Test
    void evidenceIsCheckedForTypeAndSizeAndServedBack() {
        String id = issue(Map.of("source", "INSPECTION", "timingClass", "FULL", "problem", "阵地建设不达标",
                "unit", "district-c"), TODAY.plusDays(90));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
        String evidence = as(LEADER_C).config(UTF8_MULTIPART).multiPart("file", "整改照片.png", png, "image/png").post(item(id) + "/evidence")
                .then().statusCode(201).body("mediaType", equalTo("image/png")).body("size", equalTo(png.length))
                .body("sha256", matchesPattern("[0-9a-f]{64}")).extract().path("id");
        byte[] back = as(INSPECTOR).get(item(id) + "/evidence/" + evidence).then().statusCode(200)
                .contentType("image/png").header("Content-Disposition", containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        assertThat(back).isEqualTo(png);

        // a script renamed to .png is refused by its content; an oversized file by its size (limit 4 KiB in tests)
        as(LEADER_C).multiPart("file", "x.png", "<script>".getBytes(), "image/png").post(item(id) + "/evidence")
                .then().statusCode(415).body("type", equalTo("urn:party:problem:evidence-type"));
        byte[] big = new byte[5000];
        System.arraycopy(png, 0, big, 0, png.length);
        as(LEADER_C).multiPart("file", "big.png", big, "image/png").post(item(id) + "/evidence")
                .then().statusCode(413);
        as(LEADER_B).multiPart("file", "x.png", png, "image/png").post(item(id) + "/evidence").then().statusCode(404);
        as(LEADER_B).get(item(id) + "/evidence/" + evidence).then().statusCode(404);
        as(INSPECTOR).get(item(id)).then().body("evidence", hasSize(1)).body("evidence[0].fileName", equalTo("整改照片.png"))
                .body("history.action", contains("issued", "evidence-added"));
    }

    private static String issue(Map<String, Object> body, LocalDate expectedDeadline) {
        return as(INSPECTOR).contentType(ContentType.JSON).body(body).post("/api/rectification/items").then()
                .statusCode(201).body("state", equalTo("ISSUED"))
                .body("number", matchesPattern("ZG2026-\\d{6}"))
                .body("deadline", equalTo(expectedDeadline.toString()))
                .body("issuedBy", not(equalTo(""))).body("unitName", equalTo(nameOf((String) body.get("unit"))))
                .extract().path("id");
    }

    /** The unit's name as the replica holds it (another test in the shared database may have renamed it). */
    private static String nameOf(String unit) {
        return as(INSPECTOR).get("/api/rectification/org-units/" + unit).then().statusCode(200).extract().path("name");
    }

    private static void plan(String id, String measures) {
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("measures", measures,
                        "milestones", List.of(Map.of("title", "印发计划", "due", TODAY.plusDays(10).toString()))))
                .post(item(id) + "/plan").then().statusCode(200).body("state", equalTo("PLAN_SUBMITTED"));
    }

    private static void report(String id) {
        as(LEADER_A).contentType(ContentType.JSON).body(Map.of("text", "已按计划完成整改")).post(item(id) + "/report")
                .then().statusCode(200).body("state", equalTo("REPORT_SUBMITTED"));
    }

    private static String item(String id) {
        return "/api/rectification/items/" + id;
    }

    private long events(String itemId, String type) throws SQLException {
        return count("select count(*) from outbox_event where event_key = '" + itemId + "' and event_type = '" + type + "'");
    }

    private long count(String sql) throws SQLException {
        try (var connection = db.getConnection(); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
