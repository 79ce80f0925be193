package party.ballot.tally;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Map<String, Integer> marksPerSubject = new HashMap<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            if (session.categoryOf(mark.subject()).isEmpty()) {
                throw new MalformedBallot("marks[" + i + "].subject", "评议对象不存在: " + mark.subject());
            }
            if (session.grade(mark.grade()).isEmpty()) {
                throw new MalformedBallot("marks[" + i + "].grade", "等次不存在: " + mark.grade());
            }
            if (marksPerSubject.merge(mark.subject(), 1, Integer::sum) > 1 && entry == Entry.ELECTRONIC) {
                throw new MalformedBallot("marks[" + i + "].subject", "同一评议对象只能评一个等次: " + mark.subject());
            }
        }
        Set<String> multiplyMarked = new HashSet<>();
        marksPerSubject.forEach((subject, count) -> {
            if (count > 1) {
                multiplyMarked.add(subject);
            }
        });
        if (!multiplyMarked.isEmpty()) {
            return Verdict.voided("多选: " + String.join(", ", multiplyMarked.stream().sorted().toList()) + " 标记了多个等次");
        }
        int blanks = session.subjectCount() - marksPerSubject.size();
        if (blanks > 0 && session.blankPolicy() == SessionDefinition.BlankPolicy.INVALID) {
            return Verdict.voided("漏评: " + blanks + " 个评议对象未评");
        }
        String top = session.top().label();
        for (SessionDefinition.Category category : session.categories()) {
            long tops = marks.stream().filter(m -> m.grade().equals(top))
                    .filter(m -> category.subjects().stream().anyMatch(s -> s.id().equals(m.subject())))
                    .count();
            if (tops > category.topLimit()) {
                return Verdict.voided("超过限额: " + category.name() + " 评" + top + " " + tops + " 个，限 "
                        + category.topLimit() + " 个");
            }
        }
        return Verdict.VALID;
    }
}
