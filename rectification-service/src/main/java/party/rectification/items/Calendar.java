package party.rectification.items;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Today's date where the committees work: deadlines, warnings and overdue count in whole days of this zone. */
@ApplicationScoped
public class Calendar {

    private final Clock clock;

    @Inject
    public Calendar(RectificationRules rules) {
        this(rules.zone());
    }

    protected Calendar(ZoneId zone) {
        this.clock = Clock.system(zone);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }
}
