package party.webhook;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import party.testing.ForgedTokensAreRefused;
import party.testing.PostgresResource;

/** webhook-service refuses bad tokens itself, whatever the gateway let through. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ForgedTokensTest extends ForgedTokensAreRefused {

    @Override
    protected String readablePath() {
        return "/api/webhooks/subscriptions";
    }

    @Override
    protected String role() {
        return "integration";
    }
}
