package party.assessment.records;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the duty-record API. */
public final class DutyRecordCommands {

    private DutyRecordCommands() {
    }

    /**
     * @param personId     a leader holding a post in the caller's unit on {@code happenedOn}
     * @param kind         a built-in kind ({@code PARTY_BUILDING_MEETING}, {@code PARTY_LECTURE} …) or one of the
     *                     unit's scheme for that year
     * @param participants how many took part, when it matters (a meeting, a lecture)
     * @param lateReason   required when the record's period has locked: why it is entered late (补录说明)
     * @param dutyId       optionally, the duty of the unit's responsibility list it fulfils (a task's, the post's)
     */
    public record Record(@NotNull UUID personId, @NotBlank @Size(max = 40) String kind, @NotNull LocalDate happenedOn,
                         @Min(0) @Max(100000) Integer participants, @NotBlank @Size(max = 2000) String summary,
                         @Size(max = 2000) String lateReason, UUID dutyId) {
    }

    /** A record as it should have been entered, while its period is open; {@code version} as read, optionally. */
    public record Correct(@NotBlank @Size(max = 40) String kind, @NotNull LocalDate happenedOn,
                          @Min(0) @Max(100000) Integer participants, @NotBlank @Size(max = 2000) String summary,
                          @Size(max = 2000) String lateReason, UUID dutyId, Long version) {
    }

    /** Why a record made in error is withdrawn; it stays, counting for nothing. */
    public record Withdraw(@NotBlank @Size(max = 2000) String reason) {
    }
}
