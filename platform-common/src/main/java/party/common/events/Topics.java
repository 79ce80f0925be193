package party.common.events;

/** Kafka topic names, defined once for producers and consumers. */
public final class Topics {

    /** Compacted, keyed by unit code: the latest state of every org unit. */
    public static final String ORG_UNITS = "org.units";

    /** Keyed by session id: sealed 述职评议 tallies ({@link BallotResultsSealed}). */
    public static final String BALLOT_RESULTS = "ballot.results";

    private Topics() {
    }
}
