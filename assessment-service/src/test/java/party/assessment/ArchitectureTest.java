package party.assessment;

import org.junit.jupiter.api.Test;
import party.testing.ServiceStructure;

/**
 * gradient → results → entries, evaluation → inputs → schemes → orgunits, scoring: the results read what feeds
 * them, and what feeds them only says that it changed ({@code inputs.Rescoring}); scoring is a pure core.
 */
class ArchitectureTest extends ServiceStructure {

    ArchitectureTest() {
        super("assessment");
    }

    @Test
    void scoringUsesNoFramework() {
        coresUseNoFramework("scoring");
    }
}
