package party.ballot;

import org.junit.jupiter.api.Test;
import party.testing.ArchitectureRules;

/** casting → sessions → box → tally, the tally a pure core; see {@link ArchitectureRules}. */
class ArchitectureTest {

    private final ArchitectureRules rules = new ArchitectureRules("ballot");

    @Test
    void capabilitiesFormNoCycles() {
        rules.capabilitiesFormNoCycles();
    }

    @Test
    void theTallyUsesNoFramework() {
        rules.coresUseNoFramework("tally");
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
