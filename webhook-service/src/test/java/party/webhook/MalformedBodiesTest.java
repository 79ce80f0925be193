package party.webhook;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import party.testing.MalformedBodiesAreRefused;
import party.testing.PostgresResource;

/** Seeded malformed bodies on every JSON operation of webhook-service: 4xx, never 5xx, nothing stored. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class MalformedBodiesTest extends MalformedBodiesAreRefused {
}
