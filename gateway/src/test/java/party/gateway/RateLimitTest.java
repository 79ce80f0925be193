package party.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import party.testing.TestTokens;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@WithTestResource(FakeServices.class)
class RateLimitTest {

    private static final int BURST = 5;
    // signed once, at class load: signing inside a test method after this profile's restart fails on Quarkus's test
    // config class loading (ServiceConfigurationError: QuarkusConfigFactory not a subtype)
    private static final String SCRIPT = TestTokens.token("busy-script", "/city", "organizer");
    private static final String ORGANIZER = TestTokens.token("organizer", "/city", "organizer");

    @TestHTTPResource(value = "", management = true)
    URL management;

    /** Five requests at once, then one a second, for every kind of client. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.per-user.requests-per-second", "1",
                    "gateway.rate-limit.per-user.burst", String.valueOf(BURST),
                    "gateway.rate-limit.per-address.requests-per-second", "1",
                    "gateway.rate-limit.per-address.burst", String.valueOf(BURST),
                    // the tests call from 127.0.0.1: here it stands for the Ingress in front of the gateway
                    "gateway.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void aCallerOverItsLimitWaitsWhileAnotherCallerIsServed() {
        untilLimited(() -> given().auth().oauth2(SCRIPT).get("/api/assessment/org-units"))
                .then().statusCode(429)
                .header("Retry-After", "1")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:party:problem:rate-limited"))
                .body("title", equalTo("请求过于频繁"))
                .body("status", equalTo(429))
                .body("detail", equalTo("Too many requests from this client; retry after 1 s."))
                .body("instance", equalTo("/api/assessment/org-units"));

        given().auth().oauth2(ORGANIZER)
                .get("/api/assessment/org-units").then().statusCode(200);
    }

    @Test
    void votersWithoutATokenShareTheirAddressesLimitButTheHealthChecksAreNeverLimited() {
        untilLimited(() -> given().contentType("application/json").body("{\"code\":\"ABCD-EFGH-JKLM\",\"marks\":[]}")
                .post("/api/ballots/cast"))
                .then().statusCode(429).header("Retry-After", "1")
                .body("type", equalTo("urn:party:problem:rate-limited"));

        for (int i = 0; i < 4 * BURST; i++) {
            given().get(management + "health/ready").then().statusCode(200);
        }
    }

    @Test
    void behindTheProxyEachClientHasItsOwnLimitAndNamingAnotherInFrontEscapesNothing() {
        Supplier<Response> fromOneClient = () -> given().header("X-Forwarded-For", "203.0.113.7")
                .contentType("application/json").body("{}").post("/api/ballots/cast");
        untilLimited(fromOneClient).then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.8").contentType("application/json").body("{}")
                .post("/api/ballots/cast").then().statusCode(200)
                .body("forwardedFor", equalTo("203.0.113.8")); // and the service's audit trail keeps that one
        // the proxy appends the address it saw; whatever the client wrote before it is not believed
        given().header("X-Forwarded-For", "198.51.100.1, 203.0.113.7").contentType("application/json").body("{}")
                .post("/api/ballots/cast").then().statusCode(429);
        given().header("X-Forwarded-For", "198.51.100.1").header("X-Forwarded-For", "203.0.113.7") // a line per hop
                .contentType("application/json").body("{}").post("/api/ballots/cast").then().statusCode(429);
    }

    /** Sends the request until the gateway refuses it, after serving at least a full burst. */
    private static Response untilLimited(Supplier<Response> request) {
        for (int served = 0; served < 10 * BURST; served++) {
            Response response = request.get();
            if (response.statusCode() == 429) {
                assertThat(served).as("requests served before the limit").isGreaterThanOrEqualTo(BURST);
                return response;
            }
            response.then().statusCode(200);
        }
        return fail("never limited");
    }
}
