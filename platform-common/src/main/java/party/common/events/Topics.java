package party.common.events;

/** Kafka topic names, defined once for producers and consumers. */
public final class Topics {

    /** Compacted, keyed by unit code: the latest state of every org unit. */
    public static final String ORG_UNITS = "org.units";

    /** Compacted, keyed by person id: the latest state of every person in the registry ({@link PersonRecorded}). */
    public static final String PERSONS = "org.persons";

    /** Keyed by session id: sealed 述职评议 tallies ({@link BallotResultsSealed}). */
    public static final String BALLOT_RESULTS = "ballot.results";

    /** Keyed by unit code: an indicator scored below its threshold ({@link IndicatorFindingRaised}). */
    public static final String ASSESSMENT_FINDINGS = "assessment.findings";

    /** Keyed by unit code: a unit's locked annual result ({@link AssessmentResultLocked}), for OA systems. */
    public static final String ASSESSMENT_RESULTS = "assessment.results";

    /**
     * Keyed by item id: rectification items issued, overdue, closed, reopened ({@link RectificationItemEvent}) and
     * accountability decided ({@link AccountabilityDecided}).
     */
    public static final String RECTIFICATION_EVENTS = "rectification.events";

    /** Keyed by task id: tasks of the task list issued, overdue, completed, withdrawn ({@link TaskEvent}). */
    public static final String TASKS = "rectification.tasks";

    private Topics() {
    }
}
