package party.assessment.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import party.common.events.OrgLevel;

/**
 * 温差效应 (热在上头、温在中间、冷在下头): average indicator completion and rectification on-time rate per level of a
 * subtree, the drop from each level to the next, and the levels where the drop exceeds the threshold.
 */
public final class PressureGradient {

    private PressureGradient() {
    }

    /** One unit: its level, its completion in percent, its on-time rate in percent (null when nothing closed). */
    public record UnitFigures(OrgLevel level, BigDecimal completion, BigDecimal onTimeRate) {
    }

    public static List<ResultViews.LevelFigures> levels(List<UnitFigures> units, BigDecimal threshold) {
        Map<OrgLevel, List<UnitFigures>> byLevel = new TreeMap<>();
        units.forEach(unit -> byLevel.computeIfAbsent(unit.level(), level -> new ArrayList<>()).add(unit));
        List<ResultViews.LevelFigures> levels = new ArrayList<>();
        ResultViews.LevelFigures above = null;
        for (var level : byLevel.entrySet()) {
            BigDecimal completion = average(level.getValue().stream().map(UnitFigures::completion).toList());
            BigDecimal onTime = average(level.getValue().stream().map(UnitFigures::onTimeRate).toList());
            BigDecimal completionDrop = above == null ? null : drop(above.completion(), completion);
            BigDecimal onTimeDrop = above == null ? null : drop(above.onTimeRate(), onTime);
            boolean breaks = exceeds(completionDrop, threshold) || exceeds(onTimeDrop, threshold);
            above = new ResultViews.LevelFigures(level.getKey(), level.getValue().size(), completion, onTime,
                    completionDrop, onTimeDrop, breaks);
            levels.add(above);
        }
        return levels;
    }

    private static BigDecimal average(List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(Objects::nonNull).toList();
        return present.isEmpty() ? null : present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(present.size()), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal drop(BigDecimal upper, BigDecimal lower) {
        return upper == null || lower == null ? null : upper.subtract(lower);
    }

    private static boolean exceeds(BigDecimal drop, BigDecimal threshold) {
        return drop != null && drop.compareTo(threshold) > 0;
    }
}
