package party.assessment.uses;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Request bodies of the result-use API. */
public final class ResultUseCommands {

    private ResultUseCommands() {
    }

    /**
     * @param personId the leader the use concerns: required for a talk (约谈 with the unit's leader), optional else
     * @param decidedOn the day of the decision, not in the future
     */
    public record Record(@NotBlank @Size(max = 64) String unit, @NotNull UseKind kind, UUID personId,
                         @NotBlank @Size(max = 2000) String decision, @NotNull LocalDate decidedOn,
                         @Size(max = 100) String documentRef) {
    }

    public record Withdraw(@NotBlank @Size(max = 2000) String reason) {
    }
}
