package party.assessment.gradient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import party.assessment.scoring.Scoring;
import party.common.events.OrgLevel;
import party.common.scope.OrgPath;

/**
 * 温差效应 (热在上头、温在中间、冷在下头), committee by committee: each unit's indicator completion and rectification
 * on-time rate against the average of the units directly below it, and the committees under which the drop exceeds
 * the scheme's threshold. Units without data (nothing reported or scored, nothing closed) are left out and counted,
 * so missing data never fakes a drop nor hides one.
 */
public final class PressureGradient {

    private PressureGradient() {
    }

    /**
     * One unit: completion in percent, null without indicator data; on-time rate in percent, null when nothing of it
     * closed.
     */
    public record UnitFigures(String unit, String name, String path, OrgLevel level, BigDecimal completion,
                              BigDecimal onTimeRate) {
    }

    /**
     * A committee and the units directly below it.
     *
     * @param below              units directly below it, with data for completion
     * @param belowWithoutData   units directly below it without any indicator data, left out
     * @param completionDrop     its completion less its units' average, in percentage points
     * @param breaks             a drop exceeds the threshold: the pressure cools under this committee
     */
    public record CommitteeFigures(String unit, String name, String path, OrgLevel level, BigDecimal completion,
                                   BigDecimal onTimeRate, int below, int belowWithoutData, BigDecimal belowCompletion,
                                   BigDecimal belowOnTimeRate, BigDecimal completionDrop, BigDecimal onTimeDrop,
                                   boolean breaks) {
    }

    /**
     * @param breaking    the committees where it breaks, by path
     * @param withoutData units of the subtree without indicator data, left out
     */
    public record Gradient(String subtree, BigDecimal threshold, List<CommitteeFigures> committees,
                           List<String> breaking, int withoutData) {
    }

    /** A unit's figures from its result's lines, whether it has any indicator data, and its closings. */
    public static UnitFigures figures(String unit, String name, String path, OrgLevel level, List<Scoring.Line> lines,
                                      boolean hasData, int onTime, int late) {
        return new UnitFigures(unit, name, path, level, hasData ? completion(lines) : null, onTimeRate(onTime, late));
    }

    /** Every committee of the subtree that has units below it, top down. */
    public static Gradient of(String subtree, BigDecimal threshold, List<UnitFigures> units) {
        Map<String, List<UnitFigures>> byParent = units.stream()
                .collect(Collectors.groupingBy(unit -> Objects.requireNonNullElse(OrgPath.parent(unit.path()), "")));
        List<CommitteeFigures> committees = new ArrayList<>();
        for (UnitFigures committee : units.stream().sorted(Comparator.comparing(UnitFigures::path)).toList()) {
            List<UnitFigures> below = byParent.getOrDefault(committee.path(), List.of());
            if (below.isEmpty()) {
                continue;
            }
            BigDecimal completion = average(below.stream().map(UnitFigures::completion).toList());
            BigDecimal onTime = average(below.stream().map(UnitFigures::onTimeRate).toList());
            BigDecimal completionDrop = drop(committee.completion(), completion);
            BigDecimal onTimeDrop = drop(committee.onTimeRate(), onTime);
            long withData = below.stream().filter(unit -> unit.completion() != null).count();
            committees.add(new CommitteeFigures(committee.unit(), committee.name(), committee.path(), committee.level(),
                    committee.completion(), committee.onTimeRate(), (int) withData, below.size() - (int) withData,
                    completion, onTime, completionDrop, onTimeDrop,
                    exceeds(completionDrop, threshold) || exceeds(onTimeDrop, threshold)));
        }
        return new Gradient(subtree, threshold, committees,
                committees.stream().filter(CommitteeFigures::breaks).map(CommitteeFigures::path).toList(),
                (int) units.stream().filter(unit -> unit.completion() == null).count());
    }

    /** The share of the weighted indicators' points earned, in percent; null when no weighted indicator applies. */
    private static BigDecimal completion(List<Scoring.Line> lines) {
        BigDecimal possible = BigDecimal.ZERO;
        BigDecimal earned = BigDecimal.ZERO;
        for (Scoring.Line line : lines) {
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
