package party.ballot.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a closed ballot box. Per subject and ballot type: the count of each grade over the valid
 * ballots, valid and void ballots, the share of the top grade (好票率) and the type score (grade values
 * averaged over the valid ballots that graded the subject). The weighted total combines the type scores
 * by the types' weights; subjects are ranked by it within their category, ties sharing a rank.
 */
public final class Tally {

    private static final int SCALE = 4;

    private Tally() {
    }

    /** A ballot as the box holds it: its type, its verdict and its marks, nothing else. */
    public record Ballot(String type, BallotCheck.Status status, String voidReason, List<Mark> marks) {
    }

    public record TypeResult(Map<String, Integer> counts, int valid, int invalid, BigDecimal topShare, BigDecimal score) {
    }

    public record SubjectResult(String subject, String name, Map<String, TypeResult> byType, BigDecimal weightedTotal,
                                Integer rank) {
    }

    public record CategoryResult(String code, String name, int topLimit, List<SubjectResult> subjects) {
    }

    public record Result(List<CategoryResult> categories, Map<String, Integer> validBallots,
                         Map<String, Integer> voidBallots) {
    }

    public static Result count(SessionDefinition session, List<Ballot> box) {
        var counter = new Counter(session);
        box.forEach(counter::add);
        return counter.result();
    }

    /** Counts ballots as they stream past, so a box of any size is counted in one pass and little memory. */
    public static final class Counter {

        private final SessionDefinition session;
        private final Map<String, Integer> valid = new LinkedHashMap<>();
        private final Map<String, Integer> invalid = new LinkedHashMap<>();
        private final Map<String, Integer> gradeIndex = new HashMap<>();
        /** ballot type → subject → votes per grade, in the order of the scale */
        private final Map<String, Map<String, int[]>> votes = new HashMap<>();

        public Counter(SessionDefinition session) {
            this.session = session;
            for (SessionDefinition.BallotType type : session.ballotTypes()) {
                valid.put(type.code(), 0);
                invalid.put(type.code(), 0);
                votes.put(type.code(), new HashMap<>());
            }
            for (int g = 0; g < session.scale().size(); g++) {
                gradeIndex.put(session.scale().get(g).label(), g);
            }
        }

        public void add(Ballot ballot) {
            if (ballot.status() != BallotCheck.Status.VALID) {
                invalid.merge(ballot.type(), 1, Integer::sum);
                return;
            }
            valid.merge(ballot.type(), 1, Integer::sum);
            Map<String, int[]> bySubject = votes.get(ballot.type());
            for (Mark mark : ballot.marks()) {
                bySubject.computeIfAbsent(mark.subject(), s -> new int[gradeIndex.size()])[gradeIndex.get(mark.grade())]++;
            }
        }

        /** Adds what another counter of the same session counted (a chunk counted on another thread). */
        public void merge(Counter other) {
            other.valid.forEach((type, n) -> valid.merge(type, n, Integer::sum));
            other.invalid.forEach((type, n) -> invalid.merge(type, n, Integer::sum));
            other.votes.forEach((type, bySubject) -> bySubject.forEach((subject, grades) -> {
                int[] mine = votes.get(type).computeIfAbsent(subject, s -> new int[grades.length]);
                for (int g = 0; g < grades.length; g++) {
                    mine[g] += grades[g];
                }
            }));
        }

        public Result result() {
            List<CategoryResult> categories = new ArrayList<>();
            for (SessionDefinition.Category category : session.categories()) {
                List<SubjectResult> subjects = new ArrayList<>();
                for (SessionDefinition.Subject subject : category.subjects()) {
                    Map<String, TypeResult> byType = new LinkedHashMap<>();
                    for (SessionDefinition.BallotType type : session.ballotTypes()) {
                        int[] grades = votes.get(type.code()).getOrDefault(subject.id(), new int[gradeIndex.size()]);
                        byType.put(type.code(), typeResult(session, grades, valid.get(type.code()), invalid.get(type.code())));
                    }
                    subjects.add(new SubjectResult(subject.id(), subject.name(), byType, weighted(session, byType), null));
                }
                categories.add(new CategoryResult(category.code(), category.name(), category.topLimit(), ranked(subjects)));
            }
            return new Result(categories, valid, invalid);
        }
    }

    private static TypeResult typeResult(SessionDefinition session, int[] grades, int valid, int invalid) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        BigDecimal points = BigDecimal.ZERO;
        int marks = 0;
        for (int g = 0; g < grades.length; g++) {
            SessionDefinition.Grade grade = session.scale().get(g);
            counts.put(grade.label(), grades[g]);
            points = points.add(grade.value().multiply(BigDecimal.valueOf(grades[g])));
            marks += grades[g];
        }
        BigDecimal topShare = valid == 0 ? null
                : BigDecimal.valueOf(grades[0]).divide(BigDecimal.valueOf(valid), SCALE, RoundingMode.HALF_UP);
        BigDecimal score = marks == 0 ? null : points.divide(BigDecimal.valueOf(marks), SCALE, RoundingMode.HALF_UP);
        return new TypeResult(counts, valid, invalid, topShare, score);
    }

    /** Σ weight × score / Σ weight over the types that produced a score. */
    private static BigDecimal weighted(SessionDefinition session, Map<String, TypeResult> byType) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (SessionDefinition.BallotType type : session.ballotTypes()) {
            BigDecimal score = byType.get(type.code()).score();
            if (score != null) {
                sum = sum.add(type.weight().multiply(score));
                weights = weights.add(type.weight());
            }
        }
        return weights.signum() == 0 ? null : sum.divide(weights, SCALE, RoundingMode.HALF_UP);
    }

    /** Highest total first; equal totals share a rank and the next rank skips (1, 2, 2, 4); no total, no rank. */
    private static List<SubjectResult> ranked(List<SubjectResult> subjects) {
        List<SubjectResult> sorted = subjects.stream()
                .sorted(Comparator.comparing(SubjectResult::weightedTotal, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        List<SubjectResult> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            SubjectResult s = sorted.get(i);
            Integer rank = null;
            if (s.weightedTotal() != null) {
                boolean tie = i > 0 && s.weightedTotal().equals(sorted.get(i - 1).weightedTotal());
                rank = tie ? ranked.get(i - 1).rank() : i + 1;
            }
            ranked.add(new SubjectResult(s.subject(), s.name(), s.byType(), s.weightedTotal(), rank));
        }
        return ranked;
    }
}
