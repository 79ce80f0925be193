package party.webhook.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The test vector published with the Standard Webhooks specification: receivers' libraries agree with it. */
    @Test
    void signsLikeTheStandardWebhooksReference() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aChangedBodyTimestampOrIdChangesTheSignature() {
        String secret = WebhookSignature.newSecret();
        String signature = WebhookSignature.sign(secret, "e1", 1700000000, "{}");
        assertThat(WebhookSignature.sign(secret, "e1", 1700000000, "{ }")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "e1", 1700000001, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "e2", 1700000000, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(WebhookSignature.newSecret(), "e1", 1700000000, "{}")).isNotEqualTo(signature);
    }

    @Test
    void secretsAre32RandomBytes() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
    }
}
