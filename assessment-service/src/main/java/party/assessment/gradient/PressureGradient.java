package party.assessment.gradient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import party.assessment.scoring.Scoring;
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

    /**
     * One level of the subtree in the pressure gradient 温差.
     *
     * @param completion      average share of indicator points earned, in percent
     * @param onTimeRate      average share of rectification items closed on time, in percent (units with closings)
     * @param completionDrop  how far completion fell from the level above, in percentage points
     * @param breaks          a drop from the level above exceeds the threshold
     */
    public record LevelFigures(OrgLevel level, int units, BigDecimal completion, BigDecimal onTimeRate,
                               BigDecimal completionDrop, BigDecimal onTimeDrop, boolean breaks) {
    }

    public record Gradient(String subtree, BigDecimal threshold, List<LevelFigures> levels, List<OrgLevel> breaking) {
    }

    /**
     * A unit's figures from its result's calculation and its rectification items of the year closed on time and late.
     */
    public static UnitFigures figures(OrgLevel level, Scoring.Calculation calculation, int onTime, int late) {
        return new UnitFigures(level, completion(calculation), onTimeRate(onTime, late));
    }

    /** The subtree's figures by level, and the levels whose drop from the level above exceeds the threshold. */
    public static Gradient of(String subtree, BigDecimal threshold, List<UnitFigures> units) {
        List<LevelFigures> levels = levels(units, threshold);
        return new Gradient(subtree, threshold, levels,
                levels.stream().filter(LevelFigures::breaks).map(LevelFigures::level).toList());
    }

    private static List<LevelFigures> levels(List<UnitFigures> units, BigDecimal threshold) {
        Map<OrgLevel, List<UnitFigures>> byLevel = new TreeMap<>();
        units.forEach(unit -> byLevel.computeIfAbsent(unit.level(), level -> new ArrayList<>()).add(unit));
        List<LevelFigures> levels = new ArrayList<>();
        LevelFigures above = null;
        for (var level : byLevel.entrySet()) {
            BigDecimal completion = average(level.getValue().stream().map(UnitFigures::completion).toList());
            BigDecimal onTime = average(level.getValue().stream().map(UnitFigures::onTimeRate).toList());
            BigDecimal completionDrop = above == null ? null : drop(above.completion(), completion);
            BigDecimal onTimeDrop = above == null ? null : drop(above.onTimeRate(), onTime);
            boolean breaks = exceeds(completionDrop, threshold) || exceeds(onTimeDrop, threshold);
            above = new LevelFigures(level.getKey(), level.getValue().size(), completion, onTime, completionDrop,
                    onTimeDrop, breaks);
            levels.add(above);
        }
        return levels;
    }

    /** The share of the weighted indicators' points earned, in percent; null when no weighted indicator applies. */
    private static BigDecimal completion(Scoring.Calculation calculation) {
        BigDecimal possible = BigDecimal.ZERO;
        BigDecimal earned = BigDecimal.ZERO;
        for (Scoring.Line line : calculation.lines()) {
            if (line.share() != null) {
                possible = possible.add(line.points());
                earned = earned.add(line.earned());
            }
        }
        return possible.signum() == 0 ? null
                : earned.multiply(BigDecimal.valueOf(100)).divide(possible, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal onTimeRate(int onTime, int late) {
        return onTime + late == 0 ? null : BigDecimal.valueOf(onTime * 100L)
                .divide(BigDecimal.valueOf(onTime + late), 2, RoundingMode.HALF_UP);
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
