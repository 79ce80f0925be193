package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.LocalPlatform;

/**
 * A voter opens the QR link on a phone (headless chromium), marks the subjects, sees the quota on 好 counted as
 * they go, is warned before a ballot that would be void, and gets a receipt that shows nothing of the marks.
 */
@ExtendWith(RunningPlatform.class)
class VotingPageEndToEndTest {

    private static final List<String> LEADERS = List.of("王建国", "李红梅", "张志强", "刘海燕", "陈立新");
    private static final List<String> DEPARTMENTS = List.of("组织部", "宣传部", "统战部");

    private final LocalPlatform platform = RunningPlatform.platform();
    private final Keycloak keycloak = new Keycloak(platform);

    @Test
    void aVoterCastsFromAPhoneAndThePageWarnsBeforeAVoidBallot() {
        String organizer = keycloak.token("organizer");
        String session = as(organizer).contentType(ContentType.JSON).body(Map.of("orgUnit", "city",
                        "title", "2026年度基层党建述职评议", "date", LocalDate.now().toString(), "year", LocalDate.now().getYear(), "categories", List.of(
                                category("leaders", "区县党委书记", LEADERS, "p"),
                                category("departments", "市直部门", DEPARTMENTS, "d"))))
                .post("/api/ballots/sessions").then().statusCode(201).extract().path("id");
        var issued = as(organizer).contentType(ContentType.JSON).body(Map.of("ballotType", "A", "count", 2))
                .post("/api/ballots/sessions/" + session + "/codes").then().statusCode(200).extract();
        List<String> codes = issued.path("codes.code");
        List<String> qrLinks = issued.path("codes.qr"); // what the printed QR codes carry
        as(organizer).post("/api/ballots/sessions/" + session + "/open").then().statusCode(200);

        try (var phone = Browser.phone()) {
            assertThat(qrLinks.get(0)).isEqualTo(platform.gatewayUrl() + "/vote?code=" + codes.get(0));
            phone.open(qrLinks.get(0));
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.shows("#ballot"));
            assertThat(phone.currentUrl()).doesNotContain(codes.get(0)); // not left in the address bar or history
            assertThat(phone.one("#title").getText()).isEqualTo("2026年度基层党建述职评议");
            assertThat(phone.all("section[data-category] .subject")).hasSize(8);
            // five leaders: 好 for at most half, rounded down; three departments: at most one
            assertThat(phone.one("#quota-leaders").getText()).isEqualTo("好 已选 0/2");
            assertThat(phone.one("#quota-departments").getText()).isEqualTo("好 已选 0/1");

            mark(phone, "leaders", "p1", "好");
            mark(phone, "leaders", "p2", "好");
            mark(phone, "leaders", "p3", "好");
            assertThat(phone.one("#quota-leaders").getText()).isEqualTo("好 已选 3/2");
            assertThat(phone.one("#quota-leaders").getAttribute("class")).contains("over");
            mark(phone, "leaders", "p4", "较好");
            mark(phone, "leaders", "p5", "一般");
            mark(phone, "departments", "d1", "好");
            mark(phone, "departments", "d2", "较好");

            phone.one("#submit").click();
            assertThat(phone.shows("#warning")).isTrue();
            assertThat(phone.one("#warning").getText()).contains("废票").contains("「区县党委书记」评「好」3 个，超过限额 2 个")
                    .contains("1 个评议对象未评");
            phone.screenshot("vote-warning");

            mark(phone, "leaders", "p3", "较好");
            mark(phone, "departments", "d3", "一般");
            assertThat(phone.shows("#warning")).isFalse();
            assertThat(phone.one("#quota-leaders").getText()).isEqualTo("好 已选 2/2");
            phone.screenshot("vote-marked");
            phone.one("#submit").click();
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.shows("#receipt"));
            assertThat(phone.one("#receipt").getText()).contains("您的选票已投入票箱");
            // nothing of the marks is left to show anyone
            assertThat(phone.pageSource()).doesNotContain("王建国").doesNotContain("checked");
            phone.screenshot("vote-receipt");

            phone.open(qrLinks.get(0));
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.one("#message").getText().contains("已经投过票"));

            // the second voter insists on four 好 among five leaders: warned, then kept as a void ballot
            phone.open(qrLinks.get(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.shows("#ballot"));
            LEADERS.forEach(leader -> mark(phone, "leaders", "p" + (LEADERS.indexOf(leader) + 1),
                    leader.equals("陈立新") ? "差" : "好"));
            DEPARTMENTS.forEach(department -> mark(phone, "departments", "d" + (DEPARTMENTS.indexOf(department) + 1), "一般"));
            phone.one("#submit").click();
            assertThat(phone.one("#submit").getText()).isEqualTo("仍然提交（废票）");
            phone.one("#submit").click();
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.shows("#receipt"));
        }

        as(organizer).post("/api/ballots/sessions/" + session + "/close").then().statusCode(200);
        as(organizer).post("/api/ballots/sessions/" + session + "/seal").then().statusCode(200);
        as(organizer).get("/api/ballots/sessions/" + session + "/results").then().statusCode(200)
                .body("tally.validBallots.A", equalTo(1)).body("tally.voidBallots.A", equalTo(1))
                .body("tally.categories.find { it.code == 'leaders' }.subjects.find { it.subject == 'p1' }.byType.A.counts.'好'",
                        equalTo(1));
    }

    private static Map<String, Object> category(String code, String name, List<String> people, String idPrefix) {
        var subjects = people.stream().map(person -> Map.of("id", idPrefix + (people.indexOf(person) + 1), "name", person))
                .toList();
        return Map.of("code", code, "name", name, "topRatio", 0.5, "subjects", subjects);
    }

    /** Taps the grade's label, as a thumb would. */
    private static void mark(Browser phone, String category, String subject, String grade) {
        phone.all("input[name='" + category + "/" + subject + "']").stream()
                .filter(input -> grade.equals(input.getAttribute("value"))).findFirst().orElseThrow()
                .findElement(org.openqa.selenium.By.xpath("..")).click();
    }

    private RequestSpecification as(String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token);
    }
}
