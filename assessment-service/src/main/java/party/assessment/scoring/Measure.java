package party.assessment.scoring;

import java.math.BigDecimal;

/**
 * What was found for one indicator of one unit: a figure (the area, the income, the number of meetings, of
 * occurrences for a deduction, bonus or veto) or a grade for a qualitative indicator.
 */
public record Measure(BigDecimal value, String grade) {
}
