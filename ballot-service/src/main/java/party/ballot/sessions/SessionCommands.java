package party.ballot.sessions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import party.ballot.tally.Mark;
import party.ballot.tally.SessionDefinition;
import party.ballot.tally.SessionDefinition.BallotType;
import party.ballot.tally.SessionDefinition.Grade;

/** Request bodies of the ballot API. */
public final class SessionCommands {

    private SessionCommands() {
    }

    /**
     * @param year        the assessment year the results are for, e.g. 2026 for a January 2027 meeting about 2026
     * @param scale       {@code unit} (好/较好/一般/差, the default), {@code member} (优秀/合格/基本合格/不合格), or
     *                    left out when {@code grades} gives a custom scale, top grade first
     * @param ballotTypes default A and B with equal weights
     * @param blankPolicy what an unmarked subject means; default ABSTAIN
     */
    public record Define(
            @NotBlank String orgUnit,
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate date,
            @NotNull @Min(2000) @Max(2100) Integer year,
            String scale,
            @Size(max = 10) List<@Valid Grade> grades,
            @Size(max = 10) List<@Valid BallotType> ballotTypes,
            @NotEmpty @Size(max = 50) List<@Valid CategoryInput> categories,
            SessionDefinition.BlankPolicy blankPolicy) {
    }

    /** A category; its quota on the top grade is the smaller of ratio × subjects and cap. */
    public record CategoryInput(
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 100) String name,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal topRatio,
            @Min(0) Integer topCap,
            @NotEmpty @Size(max = SessionDefinition.MAX_SUBJECTS) List<@Valid SubjectInput> subjects) {
    }

    /**
     * An org unit strictly below the session's unit, from the replica ({@code unit}); a person of the registry who held
     * a post below it in the session's year ({@code person}, their name from the registry); or someone outside the
     * registry ({@code id}, never a unit's code, and {@code name}).
     */
    public record SubjectInput(String unit, UUID person, @Size(max = 64) String id, @Size(max = 100) String name) {
    }

    public record IssueCodes(@NotBlank String ballotType, @Min(1) @Max(5000) int count) {
    }

    public record BindVoters(@NotBlank String ballotType, @NotEmpty @Size(max = 5000) List<@NotBlank String> accounts) {
    }

    /*
     * A ballot's marks are checked against its session by BallotCheck, which names the field of the first wrong one;
     * Bean Validation cascading into each of a meeting's many marks would only repeat the blank checks, at a cost
     * every cast pays (8 % of ballot-service's CPU in a profile of casting).
     */
    public record Cast(@NotNull @Size(max = SessionDefinition.MAX_SUBJECTS) List<@NotNull Mark> marks) {
    }

    /** @param sessionId the session whose ballot form the code opened; casting refuses a code of another session */
    public record CastWithCode(@NotNull UUID sessionId, @NotBlank String code,
                               @NotNull @Size(max = SessionDefinition.MAX_SUBJECTS) List<@NotNull Mark> marks) {
    }

    /** @param count the sheets of this type handed out, replacing any count recorded before */
    public record PaperSheets(@NotBlank String ballotType, @NotNull @Min(0) @Max(5000) Integer count) {
    }

    public record PaperBallot(@NotBlank String ballotType,
                              @NotNull @Size(max = SessionDefinition.MAX_SUBJECTS) List<@NotNull Mark> marks) {
    }
}
