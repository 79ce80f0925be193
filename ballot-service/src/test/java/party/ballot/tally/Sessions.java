package party.ballot.tally;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/** The session of the source text: 22 counties, districts, zones and organ systems; 5 universities. */
final class Sessions {

    static final String GOOD = "好";

    private Sessions() {
    }

    static SessionDefinition cityMeeting(SessionDefinition.BlankPolicy blanks) {
        return new SessionDefinition(SessionDefinition.UNIT_SCALE, SessionDefinition.A_AND_B, List.of(
                new SessionDefinition.Category("c1", "县区、开发区和市直系统", new BigDecimal("0.5"), 11, subjects("u", 22)),
                new SessionDefinition.Category("c2", "高校", null, 3, subjects("college", 5))), blanks);
    }

    static List<SessionDefinition.Subject> subjects(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new SessionDefinition.Subject(prefix + i, prefix + " " + i)).toList();
    }

    /** Marks the first {@code goods} subjects of the list 好 and the rest 较好. */
    static List<Mark> marks(List<SessionDefinition.Subject> subjects, int goods) {
        return IntStream.range(0, subjects.size())
                .mapToObj(i -> new Mark(subjects.get(i).id(), i < goods ? GOOD : "较好")).toList();
    }
}
