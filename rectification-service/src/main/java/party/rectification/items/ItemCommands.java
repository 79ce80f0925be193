package party.rectification.items;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the item API. */
public final class ItemCommands {

    private ItemCommands() {
    }

    /**
     * @param unit          code of the responsible unit, within the caller's scope
     * @param foundOn       the day the problem was found (default today); the default deadline counts from it
     * @param deadline      default: foundOn plus the timing class's days
     * @param publicSummary wording for the public progress view; leave out to keep the item off it
     * @param responsibleLeaderId a person of the registry holding a post in the unit today, whose name the item
     *                            takes; without it, {@code responsibleLeader} names someone outside the registry
     */
    public record Issue(@NotNull Source source, @NotNull TimingClass timingClass,
                        @NotBlank @Size(max = 4000) String problem, @NotBlank @Size(max = 64) String unit,
                        @Size(max = 100) String responsibleLeader, UUID responsibleLeaderId,
                        @Size(max = 64) String supervisingUnit, LocalDate foundOn, LocalDate deadline,
                        @Size(max = 500) String publicSummary) {
    }

    public record Plan(@NotBlank @Size(max = 8000) String measures,
                       @Size(max = 50) List<@Valid @NotNull MilestoneInput> milestones,
                       @Size(max = 100) String responsibleLeader, UUID responsibleLeaderId) {

        List<Milestone> milestoneList() {
            return milestones == null ? List.of()
                    : milestones.stream().map(m -> new Milestone(m.title(), m.due(), null)).toList();
        }
    }

    public record MilestoneInput(@NotBlank @Size(max = 200) String title, @NotNull LocalDate due) {
    }

    public record Progress(@NotNull @Min(0) Integer milestone, @Size(max = 2000) String note) {
    }

    public record Report(@NotBlank @Size(max = 8000) String text) {
    }

    /** Why a plan or report goes back to the unit; required. */
    public record SendBack(@NotBlank @Size(max = 2000) String reason) {
    }

    /** Why an item issued in error is withdrawn; required, and kept in its history. */
    public record Withdraw(@NotBlank @Size(max = 2000) String reason) {
    }

    /** An optional remark on an approval, a verification or a sustained look-back. */
    public record Remark(@Size(max = 2000) String note) {
    }

    public record Reopen(@NotBlank @Size(max = 2000) String reason, @NotNull LocalDate deadline) {
    }
}
