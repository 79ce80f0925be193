package party.ballot.tally;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a ballot counts. Marks that name no subject or grade of the session are a malformed
 * request and are refused; a ballot that breaks a voting rule is kept and counted void (废票) with its reason.
 */
public final class BallotCheck {

    private BallotCheck() {
    }

    /** How the ballot reached the box: a paper form may carry several marks on one subject, a screen may not. */
    public enum Entry {
        ELECTRONIC, PAPER
    }

    public enum Status {
        VALID, VOID
    }

    public record Verdict(Status status, String voidReason) {

        static final Verdict VALID = new Verdict(Status.VALID, null);

        static Verdict voided(String reason) {
            return new Verdict(Status.VOID, reason);
        }
    }

    /** The request cannot be a ballot of this session at all; nothing is stored. */
    public static class MalformedBallot extends RuntimeException {

        private final String field;

        MalformedBallot(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static Verdict check(SessionDefinition session, List<Mark> marks, Entry entry) {
        // one pass over the marks: every electronic ballot of a meeting goes through here
        List<SessionDefinition.Category> categories = session.categories();
        Map<String, Integer> categoryOf = new HashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            for (SessionDefinition.Subject subject : categories.get(c).subjects()) {
                categoryOf.put(subject.id(), c);
            }
        }
        Set<String> grades = new HashSet<>();
        session.scale().forEach(grade -> grades.add(grade.label()));
        String top = session.top().label();
        int[] tops = new int[categories.size()];
        Map<String, Integer> marksPerSubject = new HashMap<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            Integer category = categoryOf.get(mark.subject());
            if (category == null) {
                throw new MalformedBallot("marks[" + i + "].subject",
                        mark.subject() == null ? "缺少评议对象" : "评议对象不存在: " + mark.subject());
            }
            if (!grades.contains(mark.grade())) {
                throw new MalformedBallot("marks[" + i + "].grade",
                        mark.grade() == null ? "缺少等次" : "等次不存在: " + mark.grade());
            }
            if (marksPerSubject.merge(mark.subject(), 1, Integer::sum) > 1 && entry == Entry.ELECTRONIC) {
                throw new MalformedBallot("marks[" + i + "].subject", "同一评议对象只能评一个等次: " + mark.subject());
            }
            if (mark.grade().equals(top)) {
                tops[category]++;
            }
        }
        Set<String> multiplyMarked = new TreeSet<>();
        marksPerSubject.forEach((subject, count) -> {
            if (count > 1) {
                multiplyMarked.add(subject);
            }
        });
        if (!multiplyMarked.isEmpty()) {
            return Verdict.voided("多选: " + String.join(", ", multiplyMarked) + " 标记了多个等次");
        }
        int blanks = categoryOf.size() - marksPerSubject.size();
        if (blanks > 0 && session.blankPolicy() == SessionDefinition.BlankPolicy.INVALID) {
            return Verdict.voided("漏评: " + blanks + " 个评议对象未评");
        }
        for (int c = 0; c < categories.size(); c++) {
            SessionDefinition.Category category = categories.get(c);
            if (tops[c] > category.topLimit()) {
                return Verdict.voided("超过限额: " + category.name() + " 评" + top + " " + tops[c] + " 个，限 "
                        + category.topLimit() + " 个");
            }
        }
        return Verdict.VALID;
    }
}
