package party.assessment.scoring;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * How an indicator turns what was measured into points (DOMAIN.md §3). One flat record, so a scheme reads as plain
 * JSON; each kind uses its own fields and {@link SchemeDefinition#problem()} refuses missing ones.
 *
 * @param target       THRESHOLD, LINEAR: the figure to reach, e.g. 500 (m²) or 20000 (yuan)
 * @param comparison   THRESHOLD, LINEAR: how the measured figure must compare to the target
 * @param unit         THRESHOLD, LINEAR: the figure's unit, for people (m², 元, 次, %)
 * @param perOccurrence DEDUCTION: points off per occurrence; BONUS: points per occurrence
 * @param floor        DEDUCTION: the least the indicator can score (default 0)
 * @param gradePoints  QUALITATIVE: points per grade, e.g. A → 10, B → 8
 * @param cap          BONUS: the most the bonus can add
 * @param capGrade     VETO: the best grade a unit can get once the veto applies, e.g. 一般
 * @param records      THRESHOLD, LINEAR: the figure is counted from duty records, not reported; null otherwise
 */
public record Method(Kind kind, BigDecimal target, Comparison comparison, String unit, BigDecimal perOccurrence,
                     BigDecimal floor, Map<String, BigDecimal> gradePoints, BigDecimal cap, String capGrade,
                     RecordCount records) {

    public enum Kind {
        /** full points when the target is met, none otherwise */
        THRESHOLD("达标"),
        /** points in proportion to how much of the target is met */
        LINEAR("比例"),
        /** full points less a deduction per occurrence, not below the floor */
        DEDUCTION("扣分"),
        /** a grade mapped to points */
        QUALITATIVE("定性"),
        /** points on top of the weighted score, up to a cap */
        BONUS("加分"),
        /** 一票否决: no points; once it applies, the grade is capped */
        VETO("一票否决");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The method's name as the committees write it in their indicator sheets. */
        public String label() {
            return label;
        }
    }

    public enum Comparison {
        AT_LEAST("不少于"), AT_MOST("不多于");

        private final String label;

        Comparison(String label) {
            this.label = label;
        }

        /** As the committees write it in their indicator sheets. */
        public String label() {
            return label;
        }
    }

    /**
     * What is wrong with a figure or grade given for this method, as "field: message", or empty when it fits: a
     * qualitative indicator takes one of its grades and no figure; the others take a figure and no grade, never
     * negative, a whole number where they count occurrences, at most 100 for a percentage.
     */
    public Optional<String> problem(Measure measure) {
        if (records != null) {
            return Optional.of("value: counted from duty records (" + records.kind() + "), not reported");
        }
        if (kind == Kind.QUALITATIVE) {
            if (measure.value() != null) {
                return Optional.of("value: a qualitative indicator takes a grade, not a figure");
            }
            return measure.grade() == null || !gradePoints.containsKey(measure.grade())
                    ? Optional.of("grade: one of " + String.join(", ", gradePoints.keySet())) : Optional.empty();
        }
        if (measure.grade() != null) {
            return Optional.of("grade: a " + kind + " indicator takes a figure, not a grade");
        }
        if (measure.value() == null) {
            return Optional.of("value: a " + kind + " indicator needs a figure");
        }
        if (measure.value().signum() < 0) {
            return Optional.of("value: a figure cannot be negative");
        }
        boolean counts = kind == Kind.DEDUCTION || kind == Kind.BONUS || kind == Kind.VETO;
        if (counts && measure.value().stripTrailingZeros().scale() > 0) {
            return Optional.of("value: occurrences are counted in whole numbers");
        }
        if ("%".equals(unit) && measure.value().compareTo(new BigDecimal("100")) > 0) {
            return Optional.of("value: a percentage is at most 100");
        }
        return Optional.empty();
    }

    /** Whether this indicator's points count toward its dimension's weight (bonus and veto stand outside). */
    public boolean weighted() {
        return kind != Kind.BONUS && kind != Kind.VETO;
    }
}
