package party.ballot.tally;

/** One grade given to one subject on a ballot. */
public record Mark(String subject, String grade) {
}
