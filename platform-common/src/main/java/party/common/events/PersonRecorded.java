package party.common.events;

/**
 * A person registered, or their name, account or posts changed, on the compacted {@link Topics#PERSONS}: each
 * carries the person's full state, so the topic alone rebuilds a replica. Belongs to the unit of their newest post.
 */
@Internal("the services' replicas of the person registry; persons stay inside the platform")
public record PersonRecorded(PersonState person) implements PlatformEvent {

    @Override
    public String topic() {
        return Topics.PERSONS;
    }

    @Override
    public String key() {
        return person.id().toString();
    }

    @Override
    public String orgPath() {
        return person.posts().get(0).orgPath();
    }
}
