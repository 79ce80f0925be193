package party.common.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitMovedTest {

    @Test
    void theNewCommitteeIsWhereTheMovedSubtreeNowHangs() {
        assertThat(new UnitMoved("town-1", "/city/district-a/town-1", "/city/district-b/town-1").newCommittee())
                .isEqualTo("/city/district-b");
        assertThat(new UnitMoved("village-1", "/city/district-a/town-1/village-1",
                "/city/district-b/town-1/village-1").newCommittee()).isEqualTo("/city/district-b");
        // one level up: the town now answers to the city itself
        assertThat(new UnitMoved("town-1", "/city/district-a/town-1", "/city/town-1").newCommittee())
                .isEqualTo("/city");
        assertThat(new UnitMoved("town-1", "/city/town-1", "/city/district-a/sub/town-1").newCommittee())
                .isEqualTo("/city/district-a/sub");
        assertThat(new UnitMoved("village-1", "/city/district-a/town-1/village-1",
                "/city/district-b/town-1/village-1").oldCommittee()).isEqualTo("/city/district-a");
    }
}
