package party.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A quantified indicator of a scheme.
 *
 * @param points     the most it scores; within a dimension the weighted indicators' points add up to its weight
 * @param department the department that owns and reviews it (organization, discipline, propaganda, united-front …)
 * @param categories the unit categories it applies to; empty for all
 * @param evidence   what a unit must show for it
 */
public record Indicator(String code, String name, BigDecimal points, String department, List<String> categories,
                        String evidence, Method method) {

    public boolean appliesTo(String category) {
        return categories == null || categories.isEmpty() || categories.contains(category);
    }
}
