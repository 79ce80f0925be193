package party.orgreplica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import party.common.events.OrgLevel;
import party.common.events.OrgUnitState;

class ReplicatedOrgUnitTest {

    private static OrgUnitState state(String name, long version) {
        return new OrgUnitState("district-a", name, OrgLevel.COUNTY, "district", "city", "/city/district-a", false, version);
    }

    @Test
    void aNewerStateReplacesTheReplica() {
        var unit = new ReplicatedOrgUnit();
        assertThat(unit.apply(state("A区委", 0))).isTrue();
        assertThat(unit.apply(state("A区委（新）", 1))).isTrue();
        assertThat(unit.view()).isEqualTo(state("A区委（新）", 1));
    }

    @Test
    void theSameOrAnOlderVersionIsIgnored() {
        var unit = new ReplicatedOrgUnit();
        unit.apply(state("A区委", 3));
        assertThat(unit.apply(state("重复", 3))).isFalse();
        assertThat(unit.apply(state("过期", 2))).isFalse();
        assertThat(unit.view().name()).isEqualTo("A区委");
    }
}
