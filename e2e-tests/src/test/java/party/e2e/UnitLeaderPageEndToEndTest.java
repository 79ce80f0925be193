package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.LocalPlatform;

/**
 * A unit leader signs in on a phone through Keycloak (authorization code with PKCE), finds the item issued to the
 * unit in the to-do list with its warning colour, submits the rectification plan with a photo, and looks at the
 * unit's dashboard.
 */
@ExtendWith(RunningPlatform.class)
class UnitLeaderPageEndToEndTest {

    /** A PNG's signature and a few bytes: what the evidence check looks at. */
    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final LocalPlatform platform = RunningPlatform.platform();
    private final Keycloak keycloak = new Keycloak(platform);

    @Test
    void aUnitLeaderSignsInAndReportsAnOnTheSpotFixWithAPhoto() throws Exception {
        String item = as(keycloak.token("inspector")).contentType(ContentType.JSON).body(Map.of("source", "INSPECTION",
                        "timingClass", "ON_THE_SPOT", "problem", "党员活动室制度未上墙", "unit", "district-a"))
                .post("/api/rectification/items").then().statusCode(201).extract().path("id");
        Path photo = Files.createTempFile("制度上墙", ".png");
        Files.write(photo, PHOTO);

        try (var phone = Browser.phone()) {
            // Keycloak's own login page, then back to the page with a one-time code it trades for tokens
            phone.signIn(platform.gatewayUrl(), "leader-a");

            String card = "section[data-item='" + item + "']";
            await().atMost(Duration.ofSeconds(30)).until(() -> phone.shows(card));
            assertThat(phone.currentUrl()).isEqualTo(platform.gatewayUrl() + "/m"); // the code is gone from the history
            assertThat(phone.one("#who").getText()).contains("district-a");
            assertThat(phone.one(card + " .problem").getText()).isEqualTo("党员活动室制度未上墙");
            // 立行立改: seven days to go, which is where the yellow warning starts
            assertThat(phone.one(card + " .badge").getText()).isEqualTo("黄色预警");
            assertThat(phone.one(card).getAttribute("class")).contains("warning-yellow");
            // 立行立改 needs no plan: the page offers the report at once
            assertThat(phone.one(card + " button[type=submit]").getText()).isEqualTo("提交整改报告");

            phone.one(card + " textarea").sendKeys("制度已当场上墙，支部书记负责");
            phone.one(card + " input[type=file]").sendKeys(photo.toString());
            phone.screenshot("leader-todo");
            phone.one(card + " button[type=submit]").click();
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.one("#message").getText().contains("已提交"));
            phone.screenshot("leader-report-submitted");

            phone.one("#tabs button[data-tab=dashboard]").click();
            String open = as(keycloak.token("leader-a")).get("/api/rectification/ledger/figures?unit=district-a").then()
                    .statusCode(200).extract().path("find { it.unit == 'district-a' }.open").toString();
            await().atMost(Duration.ofSeconds(20)).until(() -> phone.one("#figures").getText()
                    .contains("未完成 " + open + " 项"));
            assertThat(phone.one("#result").getText()).isEqualTo(latestResult());
            phone.screenshot("leader-dashboard");
        }

        as(keycloak.token("leader-a")).get("/api/rectification/items/" + item).then().statusCode(200)
                .body("item.state", equalTo("REPORT_SUBMITTED"))
                .body("item.report", equalTo("制度已当场上墙，支部书记负责"))
                .body("evidence.uploadedBy", contains("leader-a"))
                .body("evidence.mediaType", contains("image/png"));
    }

    /** What the dashboard must say of district-a's result: the newest announced one, as the API gives it. */
    private String latestResult() {
        String leader = keycloak.token("leader-a");
        List<Map<String, Object>> schemes = as(leader).get("/api/assessment/schemes?size=10").then().statusCode(200)
                .extract().path("items");
        for (Map<String, Object> scheme : schemes) {
            var answer = as(leader).get("/api/assessment/schemes/" + scheme.get("id") + "/results/district-a");
            if (answer.statusCode() == 200) {
                return scheme.get("year") + " 年度：" + answer.path("result.total") + " 分，" + answer.path("result.grade")
                        + "，排名第 " + answer.path("result.rank");
            }
        }
        return "本年度考核结果尚未公布。";
    }

    private RequestSpecification as(String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token);
    }
}
