package party.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of org.units: what assessment-service writes is what the replicas read. */
class EventCodecTest {

    private final EventCodec codec = new EventCodec(new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Test
    void anEnvelopeSurvivesTheWire() {
        var state = new OrgUnitState("district-a", "A区委", OrgLevel.COUNTY, "district", "city", "/city/district-a", 3);
        var sent = new EventEnvelope(UUID.randomUUID(), "OrgUnitRenamed", "assessment-service",
                Instant.parse("2026-11-22T10:15:30Z"), state.path(), codec.tree(state));

        String json = codec.write(sent);
        EventEnvelope received = codec.read(json);

        assertThat(json).contains("\"level\":\"county\"").contains("\"time\":\"2026-11-22T10:15:30Z\"");
        assertThat(received).usingRecursiveComparison().ignoringFields("data").isEqualTo(sent);
        assertThat(codec.data(received, OrgUnitState.class)).isEqualTo(state);
    }

    @Test
    void garbageIsRefusedNotSkipped() {
        assertThatThrownBy(() -> codec.read("{not json")).isInstanceOf(EventCodec.MalformedEventException.class);
        var envelope = new EventEnvelope(UUID.randomUUID(), "OrgUnitCreated", "x", Instant.now(), "/city",
                codec.tree(java.util.Map.of("level", "galaxy")));
        assertThatThrownBy(() -> codec.data(envelope, OrgUnitState.class))
                .isInstanceOf(EventCodec.MalformedEventException.class);
    }
}
