package party.assessment.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Grades and ranks the units of one category: grade by the scheme's thresholds, capped by a veto, then the quota on
 * the top grade; rank by total, ties sharing a rank (1, 2, 2, 4).
 */
public final class Grading {

    private Grading() {
    }

    /** @param vetoGrade the best grade a veto leaves the unit, or null */
    public record Candidate(String unit, BigDecimal total, String vetoGrade) {
    }

    /**
     * @param byThreshold the grade the thresholds alone give
     * @param reason      why the grade is lower than that: "veto" or "quota", else null
     */
    public record Graded(String unit, BigDecimal total, int rank, String byThreshold, String grade, String reason) {
    }

    public static List<Graded> grade(SchemeDefinition scheme, List<Candidate> category) {
        List<String> scale = scheme.gradeScale().stream().map(SchemeDefinition.Grade::name).toList();
        List<Candidate> ordered = category.stream()
                .sorted(Comparator.comparing(Candidate::total).reversed().thenComparing(Candidate::unit)).toList();

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

        // the quota on the top grade: a unit keeps it only if it and everyone tied with it fit within the quota
        if (scheme.topQuota() != null) {
            String top = scale.get(0);
            int quota = scheme.topQuota().multiply(BigDecimal.valueOf(ordered.size())).setScale(0, RoundingMode.FLOOR)
                    .intValue();
            List<String> beforeQuota = List.copyOf(grades);
            for (int i = 0; i < ordered.size(); i++) {
                if (!grades.get(i).equals(top)) {
                    continue;
                }
                BigDecimal total = ordered.get(i).total();
                long above = countTop(ordered, beforeQuota, top, t -> t.compareTo(total) > 0);
                long tied = countTop(ordered, beforeQuota, top, t -> t.compareTo(total) == 0);
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

    /** Units holding the top grade (before the quota) whose total passes the test. */
    private static long countTop(List<Candidate> ordered, List<String> grades, String top, Predicate<BigDecimal> total) {
        long count = 0;
        for (int i = 0; i < ordered.size(); i++) {
            if (grades.get(i).equals(top) && total.test(ordered.get(i).total())) {
                count++;
            }
        }
        return count;
    }
}
