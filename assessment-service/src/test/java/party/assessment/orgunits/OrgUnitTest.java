package party.assessment.orgunits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import party.common.events.OrgLevel;
import party.common.problem.Refusal;
import party.common.problem.Refused;

class OrgUnitTest {

    private final OrgUnit city = OrgUnit.create("city", "市委", OrgLevel.CITY, "city", null);
    private final OrgUnit districtA = OrgUnit.create("district-a", "A区委", OrgLevel.COUNTY, "district", city);
    private final OrgUnit districtB = OrgUnit.create("district-b", "B区委", OrgLevel.COUNTY, "district", city);

    @Test
    void aUnitsPathIsItsParentsPathAndItsCode() {
        assertThat(city.path).isEqualTo("/city");
        assertThat(districtA.path).isEqualTo("/city/district-a");
        assertThat(districtA.parentCode).isEqualTo("city");
    }

    @Test
    void movingTakesTheWholeSubtreeAlong() {
        OrgUnit street = OrgUnit.create("street-1", "一街道", OrgLevel.TOWNSHIP, "street", districtA);
        OrgUnit village = OrgUnit.create("village-1", "一村", OrgLevel.GRASSROOTS, "village", street);

        street.moveUnder(districtB, List.of(village));

        assertThat(street.path).isEqualTo("/city/district-b/street-1");
        assertThat(street.parentCode).isEqualTo("district-b");
        assertThat(village.path).isEqualTo("/city/district-b/street-1/village-1");
        assertThat(village.parentCode).isEqualTo("street-1");
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsDescendants() {
        OrgUnit street = OrgUnit.create("street-1", "一街道", OrgLevel.TOWNSHIP, "street", districtA);

        assertThatThrownBy(() -> districtA.moveUnder(street, List.of(street)))
                .isInstanceOf(Refused.class).hasMessageContaining("street-1");
        assertThatThrownBy(() -> districtA.moveUnder(districtA, List.of()))
                .isInstanceOf(Refused.class);
        assertThat(districtA.path).isEqualTo("/city/district-a");
    }

    @Test
    void aUnitIsDeactivatedOnlyOnceEveryUnitBelowItIs() {
        OrgUnit street = OrgUnit.create("street-1", "一街道", OrgLevel.TOWNSHIP, "street", districtA);
        OrgUnit village = OrgUnit.create("village-1", "一村", OrgLevel.GRASSROOTS, "village", street);

        assertThatThrownBy(() -> street.deactivate(List.of(village)))
                .isInstanceOf(Refused.class).hasMessageContaining("village-1");
        assertThat(street.deactivated).isFalse();

        village.deactivate(List.of());
        street.deactivate(List.of(village));
        assertThat(street.state().deactivated()).isTrue();
    }

    @Test
    void aUnitComesBackIntoUseOnlyUnderAParentInUse() {
        OrgUnit street = OrgUnit.create("street-1", "一街道", OrgLevel.TOWNSHIP, "street", districtA);
        OrgUnit village = OrgUnit.create("village-1", "一村", OrgLevel.GRASSROOTS, "village", street);
        village.deactivate(List.of());
        street.deactivate(List.of(village));

        assertThatThrownBy(() -> village.reactivate(street)).isInstanceOf(Refused.class)
                .satisfies(refused -> assertThat(((Refused) refused).refusal()).isEqualTo(Refusal.ORG_UNIT_DEACTIVATED));
        street.reactivate(districtA);
        village.reactivate(street);
        assertThat(village.deactivated).isFalse();
    }
}
