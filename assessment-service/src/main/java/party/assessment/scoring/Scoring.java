package party.assessment.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Points from measures, and a unit's result from its points and the other four components. Pure arithmetic. */
public final class Scoring {

    private Scoring() {
    }

    /** The points an indicator earns from what was measured; nothing measured earns nothing. */
    public static BigDecimal points(Indicator indicator, Measure measure) {
        Method method = indicator.method();
        if (measure == null || (measure.value() == null && measure.grade() == null)) {
            return BigDecimal.ZERO;
        }
        BigDecimal value = measure.value() == null ? BigDecimal.ZERO : measure.value();
        BigDecimal full = indicator.points() == null ? BigDecimal.ZERO : indicator.points();
        BigDecimal earned = switch (method.kind()) {
            case THRESHOLD -> meets(value, method) ? full : BigDecimal.ZERO;
            case LINEAR -> method.comparison() == Method.Comparison.AT_LEAST
                    ? full.multiply(value.divide(method.target(), 6, RoundingMode.HALF_UP).min(BigDecimal.ONE))
                    : meets(value, method) ? full : full.multiply(method.target().divide(value, 6, RoundingMode.HALF_UP));
            case DEDUCTION -> full.subtract(method.perOccurrence().multiply(value))
                    .max(method.floor() == null ? BigDecimal.ZERO : method.floor());
            case QUALITATIVE -> method.gradePoints().getOrDefault(measure.grade(), BigDecimal.ZERO);
            case BONUS -> method.perOccurrence().multiply(value).min(method.cap());
            case VETO -> BigDecimal.ZERO;
        };
        return earned.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether a veto indicator applies: something happened at least once. */
    public static boolean vetoed(Indicator indicator, Measure measure) {
        return indicator.method().kind() == Method.Kind.VETO && measure != null && measure.value() != null
                && measure.value().signum() > 0;
    }

    private static boolean meets(BigDecimal value, Method method) {
        int compared = value.compareTo(method.target());
        return method.comparison() == Method.Comparison.AT_LEAST ? compared >= 0 : compared <= 0;
    }

    /**
     * One indicator's line in a unit's breakdown.
     *
     * @param share   earned / points for a weighted indicator; null for bonus and veto
     * @param finding scored under the scheme's finding share, or a veto that applies
     */
    public record Line(String dimension, String code, String name, String department, String kind, BigDecimal points,
                       Measure measure, BigDecimal earned, BigDecimal share, boolean finding) {
    }

    /**
     * A unit's result before grading.
     *
     * @param yearEnd    the indicator score: each dimension scaled to the indicators that apply to the unit's
     *                   category, plus bonus points
     * @param vetoGrade  the best grade a veto leaves the unit, or null
     * @param missing    weighted components with no input for this unit, counted by the scheme's rule
     * @param missingRule what the missing ones count as ({@link SchemeDefinition.MissingComponents})
     */
    public record Calculation(List<Line> lines, BigDecimal yearEnd, BigDecimal bonus, String vetoGrade,
                              Map<Component, BigDecimal> components, List<Component> missing,
                              SchemeDefinition.MissingComponents missingRule, BigDecimal total) {

        /** Everything but the lines: what ranking, grading and the lists read. */
        public Summary summary() {
            return new Summary(yearEnd, bonus, vetoGrade, components, missing, missingRule, total);
        }
    }

    /** A calculation without its lines (the same parameters). */
    public record Summary(BigDecimal yearEnd, BigDecimal bonus, String vetoGrade, Map<Component, BigDecimal> components,
                          List<Component> missing, SchemeDefinition.MissingComponents missingRule, BigDecimal total) {

        /** Left out of the ranking: the scheme excludes units that miss a component, and this one does. */
        public boolean excluded() {
            return missingRule == SchemeDefinition.MissingComponents.EXCLUDE && !missing.isEmpty();
        }
    }

    /**
     * @param category the unit's category, which decides the indicators that apply
     * @param measures what was measured, by indicator code
     * @param inputs   the other components' scores (0–100) the unit has; YEAR_END is computed here
     */
    public static Calculation calculate(SchemeDefinition scheme, String category, Map<String, Measure> measures,
                                        Map<Component, BigDecimal> inputs) {
        List<Line> lines = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal applicableWeight = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        String vetoGrade = null;
        for (Dimension dimension : scheme.dimensions()) {
            BigDecimal possible = BigDecimal.ZERO;
            BigDecimal earnedInDimension = BigDecimal.ZERO;
            for (Indicator indicator : dimension.indicators()) {
                if (!indicator.appliesTo(category)) {
                    continue;
                }
                Measure measure = measures.get(indicator.code());
                BigDecimal earned = points(indicator, measure);
                BigDecimal share = null;
                boolean finding;
                if (indicator.method().weighted()) {
                    possible = possible.add(indicator.points());
                    earnedInDimension = earnedInDimension.add(earned);
                    share = earned.divide(indicator.points(), 4, RoundingMode.HALF_UP);
                    finding = share.compareTo(scheme.findingShare()) < 0;
                } else if (indicator.method().kind() == Method.Kind.BONUS) {
                    bonus = bonus.add(earned);
                    finding = false;
                } else {
                    finding = vetoed(indicator, measure);
                    if (finding) {
                        vetoGrade = worse(scheme, vetoGrade, indicator.method().capGrade());
                    }
                }
                lines.add(new Line(dimension.code(), indicator.code(), indicator.name(), indicator.department(),
                        indicator.method().kind().name(), indicator.points(), measure, earned, share, finding));
            }
            if (possible.signum() > 0) {
                weighted = weighted.add(earnedInDimension.multiply(dimension.weight()).divide(possible, 6, RoundingMode.HALF_UP));
                applicableWeight = applicableWeight.add(dimension.weight());
            }
        }
        BigDecimal yearEnd = (applicableWeight.signum() == 0 ? BigDecimal.ZERO
                : weighted.multiply(SchemeDefinition.HUNDRED).divide(applicableWeight, 6, RoundingMode.HALF_UP))
                .add(bonus).setScale(2, RoundingMode.HALF_UP);

        Map<Component, BigDecimal> components = new EnumMap<>(Component.class);
        List<Component> missing = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Map.Entry<Component, BigDecimal> weight : new EnumMap<>(scheme.components()).entrySet()) {
            BigDecimal score = weight.getKey() == Component.YEAR_END ? yearEnd : inputs.get(weight.getKey());
            if (weight.getValue().signum() == 0) {
                continue;
            }
            if (score == null) {
                missing.add(weight.getKey());
                if (scheme.missingRule() == SchemeDefinition.MissingComponents.ZERO) {
                    weights = weights.add(weight.getValue()); // counts, as nothing
                }
                continue;
            }
            components.put(weight.getKey(), score.setScale(2, RoundingMode.HALF_UP));
            sum = sum.add(score.multiply(weight.getValue()));
            weights = weights.add(weight.getValue());
        }
        BigDecimal total = weights.signum() == 0 ? BigDecimal.ZERO : sum.divide(weights, 2, RoundingMode.HALF_UP);
        return new Calculation(lines, yearEnd, bonus.setScale(2, RoundingMode.HALF_UP), vetoGrade, components, missing,
                scheme.missingRule(), total);
    }

    /**
     * The rectification component from a unit's items of the year (see {@link SchemeDefinition.RectificationRule}).
     *
     * @param overdue items that went overdue or closed after their deadline
     * @param reopened items a look-back reopened
     */
    public static BigDecimal rectification(SchemeDefinition.RectificationRule rule, long items, long overdue,
                                           long reopened) {
        if (items == 0) {
            return rule.noItems().setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal count = BigDecimal.valueOf(items);
        return SchemeDefinition.HUNDRED
                .subtract(rule.overdue().multiply(BigDecimal.valueOf(overdue)).divide(count, 6, RoundingMode.HALF_UP))
                .subtract(rule.reopened().multiply(BigDecimal.valueOf(reopened)).divide(count, 6, RoundingMode.HALF_UP))
                .max(BigDecimal.ZERO).min(SchemeDefinition.HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    private static String worse(SchemeDefinition scheme, String current, String candidate) {
        if (current == null) {
            return candidate;
        }
        List<String> names = scheme.gradeScale().stream().map(SchemeDefinition.Grade::name).toList();
        return names.indexOf(candidate) > names.indexOf(current) ? candidate : current;
    }
}
