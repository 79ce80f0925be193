package party.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo scheme the local stack publishes is sound, and scores the sources' examples as they say. */
class SampleSchemeFileTest {

    @Test
    void theLocalStacksSampleSchemeIsSound() throws Exception {
        JsonNode seed = new ObjectMapper().readTree(Path.of("../deploy/local/sample-scheme.json").toFile());
        SchemeDefinition scheme = new ObjectMapper().treeToValue(seed.get("definition"), SchemeDefinition.class);

        assertThat(scheme.problem()).isEmpty();
        // a community short of the 500 m² site loses those 8 points; a village at 15,000 yuan gets 3/4 of its 8
        Indicator site = scheme.indicator("ORG-2").orElseThrow();
        assertThat(Scoring.points(site, new Measure(new BigDecimal("320"), null))).isEqualByComparingTo("0");
        assertThat(site.appliesTo("community")).isTrue();
        assertThat(site.appliesTo("district")).isFalse();
        assertThat(Scoring.points(scheme.indicator("ORG-3").orElseThrow(), new Measure(new BigDecimal("15000"), null)))
                .isEqualByComparingTo("6");
        var everythingMet = Map.of("POL-1", new Measure(new BigDecimal("12"), null), "POL-2", new Measure(null, "A"),
                "IDE-1", new Measure(null, "A"), "ORG-1", new Measure(new BigDecimal("100"), null),
                "ORG-4", new Measure(BigDecimal.ZERO, null), "STY-1", new Measure(BigDecimal.ZERO, null),
                "INT-1", new Measure(null, "A"), "RESP-1", new Measure(new BigDecimal("4"), null),
                "RESP-2", new Measure(new BigDecimal("95"), null), "RESP-3", new Measure(BigDecimal.ONE, null));
        assertThat(Scoring.calculate(scheme, "district", everythingMet, Map.of()).yearEnd()).isEqualByComparingTo("100");
        // 专题研究党建 and 书记讲党课 are counted from the year's duty records, not reported
        assertThat(scheme.indicator("RESP-1").orElseThrow().method().records().kind()).isEqualTo("PARTY_BUILDING_MEETING");
        assertThat(scheme.indicator("RESP-3").orElseThrow().method().records())
                .isEqualTo(new RecordCount("PARTY_LECTURE", party.assessment.persons.Post.SECRETARY));
    }
}
