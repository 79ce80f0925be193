package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.LocalPlatform;

/**
 * 明责 to 结果运用 on the running stack: the city issues a task to district-a, which acknowledges it; district-a's
 * clerk records a leader's 专题研究党建会议 on the phone page with a photo; the sample scheme's RESP-1, counted from
 * records, counts it in district-a's result and lists it in the breakdown; on a scheme announced, a talk with that
 * leader is recorded as a use of the result, and exported.
 */
@ExtendWith(RunningPlatform.class)
class DutyRecordsEndToEndTest {

    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final LocalPlatform platform = RunningPlatform.platform();
    private final Keycloak keycloak = new Keycloak(platform);

    @Test
    void aTaskIssuedARecordMadeOnThePhoneWithAPhotoAndTheIndicatorCountedInTheDistrictsResult() throws Exception {
        String task = as(keycloak.token("organizer")).contentType(ContentType.JSON).body(Map.of(
                        "title", "每季度专题研究基层党建工作", "units", List.of("district-a"),
                        "deadline", TODAY.plusDays(20).toString(), "evidenceRequired", "会议纪要",
                        "supervisingDepartment", "organization", "indicator", "RESP-1"))
                .post("/api/rectification/tasks").then().statusCode(201).extract().path("[0].id");
        as(keycloak.token("leader-a")).contentType(ContentType.JSON).post("/api/rectification/tasks/" + task
                + "/acknowledge").then().statusCode(200).body("state", equalTo("ACKNOWLEDGED"));

        String name = "孙委员" + UUID.randomUUID().toString().substring(0, 4);
        String member = as(keycloak.token("organizer")).contentType(ContentType.JSON).body(Map.of("name", name,
                        "appointment", Map.of("unit", "district-a", "post", "MEMBER",
                                "termStart", TODAY.minusYears(1).toString(), "partyDuties", "分管组织工作")))
                .post("/api/assessment/persons").then().statusCode(201).extract().path("id");
        String summary = "专题研究基层党建工作 " + UUID.randomUUID().toString().substring(0, 6);
        Path photo = Files.createTempFile("会议现场", ".png");
        Files.write(photo, PHOTO);

        try (var phone = Browser.phone()) {
            phone.signIn(platform.gatewayUrl(), "leader-a");
            await().atMost(Duration.ofSeconds(30)).until(() -> phone.shows("#tabs"));

            phone.one("#tabs button[data-tab=records]").click();
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.all("#record select[name=personId] option")
                    .stream().anyMatch(option -> option.getText().equals(name + "（班子成员）")));
            phone.one("#record select[name=personId] option[value='" + member + "']").click();
            phone.one("#record select[name=kind] option[value=PARTY_BUILDING_MEETING]").click();
            // the member's responsibility list, drawn from the post: the record names the duty it fulfils
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.all("#record select[name=dutyId] option")
                    .stream().anyMatch(option -> option.getText().equals("分管组织工作")));
            phone.all("#record select[name=dutyId] option").stream()
                    .filter(option -> option.getText().equals("分管组织工作")).findFirst().orElseThrow().click();
            assertThat(phone.one("#record select[name=kind] option[value=PARTY_BUILDING_MEETING]").getText())
                    .isEqualTo("专题研究党建会议");
            assertThat(phone.one("#record input[name=happenedOn]").getAttribute("value")).isEqualTo(TODAY.toString());
            phone.one("#record input[name=participants]").sendKeys("9");
            phone.one("#record textarea[name=summary]").sendKeys(summary);
            phone.one("#record input[type=file]").sendKeys(photo.toString());
            phone.screenshot("leader-duty-record");
            phone.one("#record button[type=submit]").click();
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.one("#message").getText()
                    .equals("纪实已保存：专题研究党建会议"));
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.all("#record-list li").stream()
                    .anyMatch(li -> li.getText().contains(summary) && li.getText().contains("照片 1")
                            && li.getText().contains("履行：分管组织工作")));
            phone.screenshot("leader-duty-records");
        }

        String organizer = keycloak.token("organizer");
        Map<String, Object> record = as(organizer).get("/api/assessment/duty-records?person=" + member).then()
                .statusCode(200).body("items.summary", hasItem(summary)).extract().path("items[0]");
        assertThat(record).containsEntry("postLabel", "班子成员").containsEntry("late", false)
                .containsEntry("recordedBy", "leader-a");
        assertThat((List<?>) record.get("evidence")).hasSize(1);
        // the task went from rectification-service over Kafka onto district-a's responsibility list
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as(organizer).get("/api/assessment/duties?unit="
                + "district-a&year=" + TODAY.getYear() + "&size=500").then().statusCode(200)
                .body("items.task.id", hasItem(task)));
        as(organizer).get("/api/assessment/persons/" + member + "/years/" + TODAY.getYear()).then().statusCode(200)
                .body("duties.find { it.duty.title == '分管组织工作' }.records", equalTo(1));

        // the city's sample scheme counts district-a's 专题研究党建 meetings from the records, this one included
        String scheme = as(organizer).get("/api/assessment/schemes?year=" + TODAY.getYear() + "&size=50").then()
                .statusCode(200).extract().path("items.find { it.title.contains('示例方案') && it.state == 'PUBLISHED' }.id");
        assertThat(scheme).as("the local stack's sample scheme, published").isNotNull();
        as(organizer).post("/api/assessment/schemes/" + scheme + "/compute").then().statusCode(200);
        int meetings = as(organizer).get("/api/assessment/duty-records?unit=district-a&kind=PARTY_BUILDING_MEETING&year="
                + TODAY.getYear()).then().statusCode(200).extract().path("total");
        as(organizer).get("/api/assessment/schemes/" + scheme + "/results/district-a").then().statusCode(200)
                .body("indicators.find { it.code == 'RESP-1' }.measure.value", equalTo(meetings))
                .body("countedRecords.findAll { it.indicator == 'RESP-1' }.record", hasItem(record.get("id")))
                .body("countedRecords.find { it.record == '" + record.get("id") + "' }.href",
                        equalTo("/api/assessment/duty-records/" + record.get("id")));

        // results applied: a scheme of the city's counted indicator, announced; district-a's leader talked to
        String applied = as(organizer).contentType(ContentType.JSON).body(Map.of("year", TODAY.getYear(),
                        "orgUnit", "city", "title", "端到端结果运用方案", "definition", Map.of("dimensions", List.of(Map.of(
                                "code", "RESP", "name", "党建责任落实", "weight", 100, "indicators", List.of(Map.of(
                                        "code", "RESP-1", "name", "专题研究党建工作", "points", 100,
                                        "department", "organization", "method", Map.of("kind", "LINEAR", "target", 4,
                                                "comparison", "AT_LEAST", "unit", "次",
                                                "records", Map.of("kind", "PARTY_BUILDING_MEETING")))))),
                                "components", Map.of("YEAR_END", 100),
                                "findingBelow", 0))) // raises no finding: the other tests' ledgers stay as they are
                .post("/api/assessment/schemes").then().statusCode(201).extract().path("id");
        for (String step : List.of("publish", "lock", "announce")) {
            as(organizer).post("/api/assessment/schemes/" + applied + "/" + step).then().statusCode(200);
        }
        String uses = "/api/assessment/schemes/" + applied + "/uses";
        as(organizer).contentType(ContentType.JSON).body(Map.of("unit", "district-a", "kind", "TALK",
                        "personId", member, "decision", "约谈分管组织工作的班子成员", "decidedOn", TODAY.toString()))
                .post(uses).then().statusCode(201).body("personName", equalTo(name)).body("kindLabel", equalTo("约谈"));
        byte[] workbook = as(organizer).get(uses + "/export.xlsx").then().statusCode(200).extract().asByteArray();
        assertThat(sharedStrings(workbook)).contains("约谈分管组织工作的班子成员", name);
    }

    /** The text of an .xlsx workbook's cells, from its shared strings (read through the zip's directory). */
    private static String sharedStrings(byte[] workbook) throws java.io.IOException {
        Path file = Files.createTempFile("uses", ".xlsx");
        Files.write(file, workbook);
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            var entry = zip.getEntry("xl/sharedStrings.xml");
            String xml = entry == null ? "" : new String(zip.getInputStream(entry).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            // fastexcel writes characters beyond ASCII as references: &#x7ea6;
            return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                    .replaceAll(reference -> new String(Character.toChars(Integer.parseInt(reference.group(1), 16))));
        } finally {
            Files.delete(file);
        }
    }

    private RequestSpecification as(String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token);
    }
}
