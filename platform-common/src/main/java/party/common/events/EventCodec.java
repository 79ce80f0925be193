package party.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes envelopes with the application's ObjectMapper, so producers and consumers agree. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
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

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(envelope.type() + " " + envelope.id() + " has unreadable data", e);
        }
    }

    public JsonNode tree(Object data) {
        return mapper.valueToTree(data);
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
