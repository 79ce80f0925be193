package party.rectification.tasks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the task-list API. */
public final class TaskCommands {

    private TaskCommands() {
    }

    /**
     * One task to each of {@code units}, all below the caller's unit.
     *
     * @param year                  the year's task list it belongs to (default: the deadline's year)
     * @param supervisingDepartment the issuing committee's department that supervises it (督办), e.g. organization
     * @param evidenceRequired      what completion must show; when given, completion needs an evidence file
     * @param indicator             the code of the indicator of the year's scheme the task serves, if any
     */
    public record Issue(@NotBlank @Size(max = 200) String title, @Size(max = 4000) String description,
                       @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 64) String> units,
                       @NotNull LocalDate deadline, @Min(2000) @Max(2100) Integer year,
                       @Size(max = 40) @Pattern(regexp = "[a-z][a-z-]*") String supervisingDepartment,
                       @Size(max = 500) String evidenceRequired,
                       @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+") String indicator) {
    }

    public record Note(@Size(max = 2000) String note) {
    }

    public record Progress(@NotBlank @Size(max = 2000) String note) {
    }

    public record Completion(@NotBlank @Size(max = 8000) String text) {
    }

    /** Why a completion goes back, or why a task issued in error is withdrawn; required. */
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }
}
