package party.rectification;

import party.testing.ServiceStructure;

/** intake, ledger, clues → accountability → items: the items' workflow at the bottom. */
class ArchitectureTest extends ServiceStructure {

    ArchitectureTest() {
        super("rectification");
    }
}
