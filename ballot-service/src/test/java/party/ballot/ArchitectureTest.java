package party.ballot;

import org.junit.jupiter.api.Test;
import party.testing.ServiceStructure;

/** casting → sessions → box → tally, the tally a pure core. */
class ArchitectureTest extends ServiceStructure {

    ArchitectureTest() {
        super("ballot");
    }

    @Test
    void theTallyUsesNoFramework() {
        coresUseNoFramework("tally");
    }
}
