package party.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;

/** A dimension of a scheme (政治建设, 组织建设 …); the dimensions' weights add up to 100. */
public record Dimension(String code, String name, BigDecimal weight, List<Indicator> indicators) {
}
