package party.rectification;

import io.quarkus.test.junit.QuarkusMock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import party.rectification.items.CommitteeClock;

/** The service's calendar set to a chosen day, for the rest of the current test. */
final class MovedCalendar extends CommitteeClock {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final LocalDate today;

    private MovedCalendar(LocalDate today) {
        super(ZONE);
        this.today = today;
    }

    static void moveTo(LocalDate today) {
        QuarkusMock.installMockForType(new MovedCalendar(today), CommitteeClock.class);
    }

    @Override
    public LocalDate today() {
        return today;
    }

    @Override
    public Instant now() {
        return today.atTime(9, 0).atZone(ZONE).toInstant();
    }
}
