package party.assessment.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.common.events.OrgLevel;

/** 热在上头、温在中间、冷在下头, committee by committee, with units that have no data left out. */
class PressureGradientTest {

    private static PressureGradient.UnitFigures unit(String path, OrgLevel level, String completion, String onTime) {
        return new PressureGradient.UnitFigures(path.substring(path.lastIndexOf('/') + 1), "单位", path, level,
                completion == null ? null : new BigDecimal(completion), onTime == null ? null : new BigDecimal(onTime));
    }

    @Test
    void eachCommitteeIsComparedWithItsOwnUnitsAndMissingDataFakesNoDrop() {
        var gradient = PressureGradient.of("/city", BigDecimal.TEN, List.of(
                unit("/city/d1", OrgLevel.COUNTY, "90", "95"),
                unit("/city/d1/t1", OrgLevel.TOWNSHIP, "88", "90"),
                unit("/city/d1/t2", OrgLevel.TOWNSHIP, "84", null),      // closed nothing: no on-time rate
                unit("/city/d1/t2/v1", OrgLevel.GRASSROOTS, "60", "50"), // cold below t2: 84 → 60
                unit("/city/d2", OrgLevel.COUNTY, "85", "90"),
                unit("/city/d2/t3", OrgLevel.TOWNSHIP, null, null),       // reported nothing: left out, not 0
                unit("/city/d2/t4", OrgLevel.TOWNSHIP, "80", "85")));

        assertThat(gradient.committees()).extracting(PressureGradient.CommitteeFigures::path)
                .containsExactly("/city/d1", "/city/d1/t2", "/city/d2");
        var d1 = gradient.committees().get(0);
        assertThat(d1.belowCompletion()).isEqualByComparingTo("86");  // (88 + 84) / 2
        assertThat(d1.completionDrop()).isEqualByComparingTo("4");
        assertThat(d1.belowOnTimeRate()).isEqualByComparingTo("90");  // t2 has none, so t1's alone
        var d2 = gradient.committees().get(2);
        assertThat(d2.below()).isEqualTo(1);
        assertThat(d2.belowWithoutData()).isEqualTo(1);
        assertThat(d2.completionDrop()).isEqualByComparingTo("5");    // 85 against t4's 80, not against 40
        assertThat(gradient.breaking()).containsExactly("/city/d1/t2"); // 84 → 60 and a village's 50 % on time
        assertThat(gradient.withoutData()).isEqualTo(1);
    }
}
