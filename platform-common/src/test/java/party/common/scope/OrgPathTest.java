package party.common.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgPathTest {

    @Test
    void aScopeCoversItselfAndEverythingBelow() {
        assertThat(OrgPath.isWithin("/city", "/city")).isTrue();
        assertThat(OrgPath.isWithin("/city/district-a", "/city")).isTrue();
        assertThat(OrgPath.isWithin("/city/district-a/street-1", "/city")).isTrue();
    }

    @Test
    void aParentIsOneLevelUpAndARootHasNone() {
        assertThat(OrgPath.parent("/city/district-a/street-1")).isEqualTo("/city/district-a");
        assertThat(OrgPath.parent("/city")).isNull();
    }

    @Test
    void siblingsAndParentsAreOutside() {
        assertThat(OrgPath.isWithin("/city/district-b", "/city/district-a")).isFalse();
        assertThat(OrgPath.isWithin("/city", "/city/district-a")).isFalse();
        // a shared name prefix is not a subtree
        assertThat(OrgPath.isWithin("/city/district-a2", "/city/district-a")).isFalse();
    }

    @Test
    void theRootScopeCoversEveryUnitAndNoScopeCoversNothing() {
        assertThat(OrgPath.isWithin("/province/city", OrgPath.ROOT)).isTrue();
        assertThat(OrgPath.isWithin("/city", null)).isFalse();
        assertThat(OrgPath.isWithin(null, "/city")).isFalse();
    }

    @Test
    void pathsAreBuiltFromCodes() {
        assertThat(OrgPath.child(null, "city")).isEqualTo("/city");
        assertThat(OrgPath.child("/city", "district-a")).isEqualTo("/city/district-a");
        assertThat(OrgPath.descendantsPattern("/city")).isEqualTo("/city/%");
        assertThat(OrgPath.descendantsPattern(OrgPath.ROOT)).isEqualTo("/%");
    }
}
