package party.rectification.items;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** The configurable parts of the rectification rules (DOMAIN.md §4 says they must stay configurable). */
@ConfigMapping(prefix = "rectification")
public interface RectificationRules {

    /** Default deadline per timing class, in days from the day the problem was found. */
    DeadlineDays deadlineDays();

    WarningDays warning();

    /** Days after closing (销号) when the look-back 回头看 falls due. */
    @WithDefault("90")
    int followUpDays();

    /** Where the committees work: days are counted in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How often overdue items and due look-backs are looked for ({@code off} to stop). */
    @WithDefault("30s")
    String scanEvery();

    Evidence evidence();

    Clues clues();

    default int days(TimingClass timing) {
        return switch (timing) {
            case IMMEDIATE -> deadlineDays().immediate();
            case ON_THE_SPOT -> deadlineDays().onTheSpot();
            case FULL -> deadlineDays().full();
        };
    }

    interface DeadlineDays {
        @WithDefault("15")
        int immediate();

        @WithDefault("7")
        int onTheSpot();

        @WithDefault("90")
        int full();
    }

    interface Clues {
        /** Seals each clue's reporter at rest: 32 bytes in base64; no default, so production must give one. */
        String reporterKey();
    }

    interface Evidence {
        /** Largest evidence file accepted, in bytes. */
        @WithDefault("10485760")
        long maxBytes();
    }

    /** An open item turns yellow with this many days left or fewer, and red with {@code red} or fewer or overdue. */
    interface WarningDays {
        @WithDefault("7")
        int yellow();

        @WithDefault("3")
        int red();
    }
}
