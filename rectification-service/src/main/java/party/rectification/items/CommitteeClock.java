package party.rectification.items;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock of the service: today's date where the committees work (deadlines, warnings and overdue count in
 * whole days of this zone) and the instant every record is stamped with, so tests can move both at once.
 */
@ApplicationScoped
public class CommitteeClock {

    private final Clock clock;

    @Inject
    public CommitteeClock(RectificationRules rules) {
        this(rules.zone());
    }

    protected CommitteeClock(ZoneId zone) {
        this.clock = Clock.system(zone);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The year an instant falls in, where the committees work. */
    public int yearOf(Instant instant) {
        return instant.atZone(clock.getZone()).getYear();
    }
}
