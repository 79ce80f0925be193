package party.assessment.duties;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of the responsibility-list API. */
public final class DutyCommands {

    private DutyCommands() {
    }

    /** A duty the unit adds for the year, on a leader holding a post in it that year. */
    public record Add(@NotNull UUID personId, @NotNull @Min(2000) @Max(2100) Integer year,
                      @NotBlank @Size(max = 500) String title) {
    }

    /**
     * A duty reworded, or (a task's or the unit's own) given to another leader of the unit; {@code version} as read,
     * optionally.
     */
    public record Correct(@NotBlank @Size(max = 500) String title, @NotNull UUID personId, Long version) {
    }

    /** Why a duty comes off the list; it stays, marked removed, with the records that fulfilled it. */
    public record Remove(@NotBlank @Size(max = 2000) String reason) {
    }
}
