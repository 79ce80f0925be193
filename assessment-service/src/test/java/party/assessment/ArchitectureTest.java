package party.assessment;

import org.junit.jupiter.api.Test;
import party.testing.ArchitectureRules;

/**
 * gradient → results → entries, evaluation → inputs → schemes → orgunits, scoring: the results read what feeds
 * them, and what feeds them only says that it changed ({@code inputs.Rescoring}); scoring is a pure core. See
 * {@link ArchitectureRules}.
 */
class ArchitectureTest {

    private final ArchitectureRules rules = new ArchitectureRules("assessment");

    @Test
    void capabilitiesFormNoCycles() {
        rules.capabilitiesFormNoCycles();
    }

    @Test
    void scoringUsesNoFramework() {
        rules.coresUseNoFramework("scoring");
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
