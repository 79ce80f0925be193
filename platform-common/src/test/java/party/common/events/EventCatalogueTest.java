package party.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event of the catalogue survives the wire: what a producer writes is what a consumer reads. */
class EventCatalogueTest {

    private static final Instant TIME = Instant.parse("2026-11-22T10:15:30Z");
    private static final OrgUnitState UNIT = new OrgUnitState("district-a", "A区委", OrgLevel.COUNTY, "district", "city",
            "/city/district-a", false, 3);
    private static final RectificationItemState ITEM = new RectificationItemState(UUID.randomUUID(), "ZG2026-000001",
            "district-a", "/city/district-a", "INSPECTION", "FULL", "CLOSED", LocalDate.of(2026, 12, 31),
            LocalDate.of(2026, 12, 1), true, null);
    private static final TaskState TASK = new TaskState(UUID.randomUUID(), "RW2026-000001", 2026,
            "落实基层党建述职评议问题整改", "district-a", "/city/district-a", "/city", "COMPLETED", "已完成",
            LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 20), true, null);
    private static final AccountabilityDecided DECIDED = new AccountabilityDecided(UUID.randomUUID(), ITEM.itemId(),
            "district-a", "/city/district-a", "FIRST_FORM");

    private final EventCodec codec = new EventCodec(new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    /** One of each record in the catalogue; {@link #everyEventHasAnExample()} keeps the list whole. */
    static List<PlatformEvent> examples() {
        var type = new BallotResultsSealed.TypeResult(Map.of("好", 3, "较好", 1), 4, 1, new BigDecimal("0.75"),
                new BigDecimal("95"));
        return List.of(new OrgUnitCreated(UNIT), new OrgUnitRenamed(UNIT), new OrgUnitMoved(UNIT),
                new OrgUnitDeactivated(UNIT), new OrgUnitReactivated(UNIT),
                new PersonRecorded(new PersonState(UUID.randomUUID(), "张伟", "zhang.wei", List.of(
                        new PersonState.Held(UUID.randomUUID(), "district-a", "/city/district-a", "SECRETARY",
                                "书记（第一责任人）", LocalDate.of(2024, 3, 1), null)), 2)),
                new RectificationItemIssued(ITEM), new RectificationItemOverdue(ITEM), new RectificationItemClosed(ITEM),
                new RectificationItemReopened(ITEM), new RectificationItemWithdrawn(ITEM), DECIDED,
                new TaskIssued(TASK), new TaskOverdue(TASK), new TaskCompleted(TASK), new TaskWithdrawn(TASK),
                new IndicatorFindingRaised(UUID.randomUUID(), 2026, "A1.2", "党群服务中心面积", "district-a",
                        "/city/district-a", "/city", "organization", new BigDecimal("2.5"), new BigDecimal("6"), "实测 320 平方米"),
                new IndicatorFindingWithdrawn(UUID.randomUUID(), 2026, "A1.2", "district-a", "/city/district-a",
                        "复核更正为 8 分"),
                new AssessmentResultLocked(UUID.randomUUID(), 2026, "2026年度党建考核", "district-a", "/city/district-a",
                        "district", new BigDecimal("91.5"), "好", 1),
                new BallotResultsSealed(UUID.randomUUID(), "city", "/city", "2026年度述职评议", LocalDate.of(2026, 12, 20),
                        2026, List.of(new BallotResultsSealed.GradeValue("好",
                        new BigDecimal("95")), new BallotResultsSealed.GradeValue("较好", new BigDecimal("85"))),
                        "ab".repeat(32), List.of(new BallotResultsSealed.SubjectResult("c1", "district-a", BallotResultsSealed.SubjectKind.UNIT, "A区委",
                        new BigDecimal("95"), 1, Map.of("A", type)))));
    }

    @Test
    void everyEventHasAnExample() {
        assertThat(examples().stream().map(PlatformEvent::type).collect(Collectors.toSet()))
                .isEqualTo(EventCatalogue.types());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void anEventSurvivesTheWire(PlatformEvent event) {
        EventEnvelope sent = codec.envelope(event, "a-service", TIME);
        String json = codec.write(sent);
        EventEnvelope received = codec.read(json);

        assertThat(received).usingRecursiveComparison().ignoringFields("data").isEqualTo(sent);
        assertThat(received.type()).isEqualTo(event.getClass().getSimpleName());
        assertThat(received.orgUnit()).isEqualTo(event.orgPath()).startsWith("/city");
        assertThat(json).contains("\"time\":\"2026-11-22T10:15:30Z\"");
        assertThat(codec.event(received)).isEqualTo(event);
        assertThat(List.of(Topics.ORG_UNITS, Topics.PERSONS, Topics.BALLOT_RESULTS, Topics.ASSESSMENT_FINDINGS,
                Topics.ASSESSMENT_RESULTS, Topics.RECTIFICATION_EVENTS, Topics.TASKS)).contains(event.topic());
    }

    @Test
    void aStateCarriedWholeIsTheDataItself() {
        assertThat(codec.write(codec.envelope(new OrgUnitMoved(UNIT), "a-service", TIME)))
                .contains("\"data\":{\"code\":\"district-a\"").contains("\"level\":\"county\"");
        assertThat(codec.write(codec.envelope(new RectificationItemClosed(ITEM), "a-service", TIME)))
                .contains("\"data\":{\"itemId\":\"" + ITEM.itemId() + "\"");
    }

    @Test
    void eventsOfOneAggregateShareTheirKey() {
        assertThat(new RectificationItemIssued(ITEM).key()).isEqualTo(DECIDED.key()).isEqualTo(ITEM.itemId().toString());
        assertThat(new OrgUnitCreated(UNIT).key()).isEqualTo(new OrgUnitMoved(UNIT).key()).isEqualTo("district-a");
    }

    @Test
    void subscribersAreOfferedNeitherPersonsNorInternals() {
        assertThat(EventCatalogue.forSubscribers()).containsExactlyInAnyOrder("AssessmentResultLocked",
                "RectificationItemIssued", "RectificationItemOverdue", "RectificationItemClosed",
                "RectificationItemReopened", "RectificationItemWithdrawn", "BallotResultsSealed", "TaskIssued",
                "TaskOverdue", "TaskCompleted", "TaskWithdrawn");
    }

    @Test
    void garbageIsRefusedNotSkipped() {
        assertThatThrownBy(() -> codec.read("{not json")).isInstanceOf(EventCodec.MalformedEventException.class);
        var moved = codec.envelope(new OrgUnitMoved(UNIT), "x", TIME);
        var unknown = new EventEnvelope(moved.id(), "OrgUnitDissolved", "x", TIME, "/city", moved.subject(), null, moved.data());
        assertThatThrownBy(() -> codec.event(unknown)).isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("OrgUnitDissolved");
        var galaxy = codec.read(codec.write(moved).replace("\"county\"", "\"galaxy\""));
        assertThatThrownBy(() -> codec.event(galaxy)).isInstanceOf(EventCodec.MalformedEventException.class);
    }
}
