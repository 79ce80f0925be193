package party.webhook;

import org.junit.jupiter.api.Test;
import party.testing.ArchitectureRules;

/** The structure webhook-service keeps; see {@link ArchitectureRules}. */
class ArchitectureTest {

    private final ArchitectureRules rules = new ArchitectureRules("webhook");

    @Test
    void capabilitiesFormNoCycles() {
        rules.capabilitiesFormNoCycles();
    }

    @Test
    void resourcesPersistNothing() {
        rules.resourcesPersistNothing();
    }

    @Test
    void noOtherServiceIsUsed() {
        rules.noOtherServiceIsUsed();
    }
}
