package party.webhook;

import party.testing.ServiceStructure;

/** delivery → subscriptions: deliveries follow the standing orders, never the other way. */
class ArchitectureTest extends ServiceStructure {

    ArchitectureTest() {
        super("webhook");
    }
}
