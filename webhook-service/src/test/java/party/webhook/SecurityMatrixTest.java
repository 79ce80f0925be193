package party.webhook;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import party.testing.EveryEndpointHasItsRoles;
import party.testing.PostgresResource;

/** The role × endpoint matrix of webhook-service; the rules are in access-rules.txt. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SecurityMatrixTest extends EveryEndpointHasItsRoles {
}
