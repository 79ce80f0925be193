package party.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;
import party.assessment.persons.Post;

/**
 * An indicator counted from duty records (履责纪实) instead of reported: the figure its THRESHOLD or LINEAR method
 * scores is how many records of {@code kind} the unit's leaders made in the scheme's year, or only those made in
 * {@code post} (e.g. 讲党课 by the secretary). Withdrawn records never count; late entries do, marked as such.
 *
 * @param post the post the record was made in, or null for any of the unit's leaders
 */
public record RecordCount(String kind, Post post) {

    /** How many records of a unit there are of one kind, made in one post: what a count is taken from. */
    public record Tally(String kind, Post post, long records) {
    }

    public boolean counts(String recordKind, Post recordPost) {
        return kind.equals(recordKind) && (post == null || post == recordPost);
    }

    /** The measured figure: the records of the unit's tallies that this rule counts. */
    public Measure measure(List<Tally> tallies) {
        long counted = tallies.stream().filter(tally -> counts(tally.kind(), tally.post())).mapToLong(Tally::records).sum();
        return new Measure(BigDecimal.valueOf(counted), null);
    }
}
