package party.assessment.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Grades and ranks the units of one category: grade by the scheme's thresholds, capped by a veto, then the quota on
 * the top grade, where the scheme's tie-breakers order units tied on their total; rank by total, ties sharing a rank
 * (1, 2, 2, 4).
 */
public final class Grading {

    private Grading() {
    }

    /**
     * @param vetoGrade  the best grade a veto leaves the unit, or null
     * @param components the unit's component scores, which the scheme's tie-breakers compare
     */
    public record Candidate(String unit, BigDecimal total, String vetoGrade, Map<Component, BigDecimal> components) {
    }

    /**
     * @param byThreshold the grade the thresholds alone give
     * @param rank        1 for the best total; null for a unit left out of the ranking
     * @param reason      why the grade is lower than that: "veto" or "quota"; or why there is none; else null
     */
    public record Graded(String unit, BigDecimal total, Integer rank, String byThreshold, String grade, String reason) {
    }

    public static List<Graded> grade(SchemeDefinition scheme, List<Candidate> category) {
        List<String> scale = scheme.gradeScale().stream().map(SchemeDefinition.Grade::name).toList();
        // the total, then each tie-breaker in turn (a unit without that component comes after those with it)
        Comparator<Candidate> standing = Comparator.comparing(Candidate::total);
        for (Component breaker : scheme.tieBreakers()) {
            standing = standing.thenComparing(c -> c.components().get(breaker),
                    Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()));
        }
        Comparator<Candidate> key = standing;
        List<Candidate> ordered = category.stream()
                .sorted(key.reversed().thenComparing(Candidate::unit)).toList();

        // thresholds, then veto caps
        List<String> grades = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<String> byThreshold = new ArrayList<>();
        for (Candidate candidate : ordered) {
            String threshold = scheme.gradeScale().stream().filter(g -> candidate.total().compareTo(g.min()) >= 0)
                    .findFirst().map(SchemeDefinition.Grade::name).orElse(scale.get(scale.size() - 1));
            byThreshold.add(threshold);
            boolean capped = candidate.vetoGrade() != null && scale.indexOf(candidate.vetoGrade()) > scale.indexOf(threshold);
            grades.add(capped ? candidate.vetoGrade() : threshold);
            reasons.add(capped ? "veto" : null);
        }

        // the quota on the top grade: a unit keeps it only if it and everyone still tied with it fit within the quota
        if (scheme.topQuota() != null) {
            String top = scale.get(0);
            int quota = scheme.topQuota().multiply(BigDecimal.valueOf(ordered.size())).setScale(0, RoundingMode.FLOOR)
                    .intValue();
            List<String> beforeQuota = List.copyOf(grades);
            for (int i = 0; i < ordered.size(); i++) {
                if (!grades.get(i).equals(top)) {
                    continue;
                }
                Candidate unit = ordered.get(i);
                long above = countTop(ordered, beforeQuota, top, other -> key.compare(other, unit) > 0);
                long tied = countTop(ordered, beforeQuota, top, other -> key.compare(other, unit) == 0);
                if (above + tied > quota) {
                    grades.set(i, scale.get(1));
                    reasons.set(i, "quota");
                }
            }
        }

        List<Graded> graded = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Candidate candidate = ordered.get(i);
            int rank = 1 + (int) ordered.stream().filter(c -> c.total().compareTo(candidate.total()) > 0).count();
            graded.add(new Graded(candidate.unit(), candidate.total(), rank, byThreshold.get(i), grades.get(i), reasons.get(i)));
        }
        return graded;
    }

    /** Units holding the top grade (before the quota) that pass the test. */
    private static long countTop(List<Candidate> ordered, List<String> grades, String top, Predicate<Candidate> test) {
        long count = 0;
        for (int i = 0; i < ordered.size(); i++) {
            if (grades.get(i).equals(top) && test.test(ordered.get(i))) {
                count++;
            }
        }
        return count;
    }
}
