package party.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Reads and writes envelopes with the application's ObjectMapper, so producers and consumers agree. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The event in its envelope, as it leaves the service that publishes it, the {@code sequence}-th of its subject. */
    public EventEnvelope envelope(PlatformEvent event, String source, Instant time, Long sequence) {
        return new EventEnvelope(UUID.randomUUID(), event.type(), source, time, event.orgPath(), event.key(), sequence,
                tree(event));
    }

    /** An envelope with no sequence, as a test writes one straight onto a channel. */
    public EventEnvelope envelope(PlatformEvent event, String source, Instant time) {
        return envelope(event, source, time, null);
    }

    public String write(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialized: " + envelope.type(), e);
        }
    }

    public EventEnvelope read(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not an event envelope: " + e.getOriginalMessage(), e);
        }
    }

    /** The envelope's data as the catalogue's record for its type. */
    public PlatformEvent event(EventEnvelope envelope) {
        Class<? extends PlatformEvent> type = EventCatalogue.named(envelope.type()).orElseThrow(
                () -> new MalformedEventException("not in the event catalogue: " + envelope.type()));
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(envelope.type() + " " + envelope.id() + " has unreadable data", e);
        }
    }

    private JsonNode tree(PlatformEvent event) {
        return mapper.valueToTree(event);
    }

    /** A consumer cannot apply this event; the messaging failure strategy routes it to the dead-letter topic. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
