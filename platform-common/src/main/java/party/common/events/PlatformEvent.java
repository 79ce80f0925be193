package party.common.events;

/**
 * The event catalogue: every event the platform publishes is one record below this interface, and each declares
 * where it goes, so no publish site or consumer names a topic or a type by hand. The type on the wire is the
 * record's simple name; its {@code data} is the record as JSON.
 */
public sealed interface PlatformEvent permits OrgUnitEvent, PersonRecorded, RectificationEvent, TaskEvent,
        IndicatorFindingEvent, AssessmentResultLocked, BallotResultsSealed {

    /** One of {@link Topics}. */
    String topic();

    /** The Kafka key: events with one key keep their order. */
    String key();

    /** Path of the org unit the event belongs to, e.g. {@code /city/district-a}: what scope checks use. */
    String orgPath();

    default String type() {
        return getClass().getSimpleName();
    }
}
