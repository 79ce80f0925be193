package party.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import party.local.LocalPlatform;

/**
 * An OA system subscribes through the gateway with its service account, an inspector issues an item, and the OA
 * system's endpoint receives the event from Kafka, signed so that it can check it the way docs/integration.md says.
 */
@ExtendWith(RunningPlatform.class)
class WebhooksEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalPlatform platform = RunningPlatform.platform();
    private final Keycloak keycloak = new Keycloak(platform);

    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @Test
    void anIssuedItemReachesTheOaSystemSigned() throws Exception {
        var received = new CopyOnWriteArrayList<Received>();
        HttpServer oaEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        oaEndpoint.createContext("/party-events", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        oaEndpoint.start();
        try {
            String oa = keycloak.oaSystemToken();
            String url = "http://127.0.0.1:" + oaEndpoint.getAddress().getPort() + "/party-events";
            as(keycloak.token("leader-a")).body(Map.of("url", url, "eventTypes", List.of("RectificationItemIssued")))
                    .post("/api/webhooks/subscriptions").then().statusCode(403);
            var subscription = as(oa).body(Map.of("url", url, "eventTypes", List.of("RectificationItemIssued"),
                            "description", "市委办公自动化系统"))
                    .post("/api/webhooks/subscriptions").then().statusCode(201)
                    .body("orgPath", equalTo("/city")).body("secret", startsWith("whsec_")).extract();
            String secret = subscription.path("secret");

            String item = as(keycloak.token("inspector")).body(Map.of("source", "INSPECTION", "timingClass", "FULL",
                            "problem", "三会一课记录不全", "unit", "district-a"))
                    .post("/api/rectification/items").then().statusCode(201).extract().path("id");

            Received delivery = await().atMost(Duration.ofSeconds(60)).until(() -> received.stream()
                    .filter(r -> r.body().contains(item)).findFirst().orElse(null), r -> r != null);
            JsonNode event = JSON.readTree(delivery.body());
            assertThat(event.path("type").asText()).isEqualTo("RectificationItemIssued");
            assertThat(event.path("orgUnit").asText()).isEqualTo("/city/district-a");
            assertThat(event.path("data").path("itemId").asText()).isEqualTo(item);
            assertThat(delivery.body()).doesNotContain("三会一课"); // events carry no problem text
            // what a receiver checks: the signature over id.timestamp.body with the secret, and a fresh timestamp
            String id = delivery.header("webhook-id");
            long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
            assertThat(id).isEqualTo(event.path("id").asText());
            assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
            assertThat(delivery.header("webhook-signature")).isEqualTo("v1," + hmac(secret, id + "." + timestamp + "." + delivery.body()));

            as(oa).get("/api/webhooks/subscriptions/" + subscription.path("id") + "/deliveries?state=DELIVERED").then()
                    .statusCode(200).body("items.find { it.eventId == '" + id + "' }.attempts", equalTo(1));
            as(oa).delete("/api/webhooks/subscriptions/" + subscription.path("id")).then().statusCode(204);
        } finally {
            oaEndpoint.stop(0);
        }
    }

    /** The receiver's side, written from the Standard Webhooks description rather than shared with the sender. */
    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private RequestSpecification as(String token) {
        return given().baseUri(platform.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
