package party.assessment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import party.testing.EveryEndpointHasItsRoles;
import party.testing.PostgresResource;

/** The role × endpoint matrix of assessment-service; the rules are in access-rules.txt. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SecurityMatrixTest extends EveryEndpointHasItsRoles {
}
