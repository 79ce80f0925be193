package party.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The one shape of every event on every topic, CloudEvents-style.
 *
 * @param id      unique per event; consumers de-duplicate on it
 * @param type    past-tense name, e.g. {@code OrgUnitCreated}
 * @param source  the producing service, e.g. {@code assessment-service}
 * @param time    when the change was committed
 * @param orgUnit path of the org unit the event belongs to, e.g. {@code /city/district-a}
 * @param subject what the event is about, its Kafka key: an item's or a task's id, a session's id, a unit's code
 * @param sequence the event's place among its subject's events on its topic: 1, 2, 3 … in the order they happened;
 *                 a receiver that has taken a higher one is looking at a late event. None on an envelope that did
 *                 not come through the outbox (tests).
 * @param data    the event's payload, one of the records in this package
 */
public record EventEnvelope(UUID id, String type, String source, Instant time, String orgUnit, String subject,
                            Long sequence, JsonNode data) {
}
