package party.assessment.persons;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import party.assessment.orgunits.OrgUnitCommands;

/** Request bodies of the persons API. */
public final class PersonCommands {

    private static final String ACCOUNT = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";

    private PersonCommands() {
    }

    /** A post in a unit for a term; {@code termEnd} empty while it runs. */
    public record Appoint(
            @NotBlank @Pattern(regexp = OrgUnitCommands.CODE, message = "组织编码不合法") String unit,
            @NotNull Post post,
            @Size(max = 500) String businessAreas,
            @Size(max = 1000) String partyDuties,
            @NotNull LocalDate termStart,
            LocalDate termEnd) {

        Term term() {
            return new Term(termStart, termEnd);
        }
    }

    /** A person new to the registry, with the post they hold. */
    public record Register(
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = ACCOUNT, message = "账号为 Keycloak 用户名") String account,
            @NotNull @Valid Appoint appointment) {
    }

    /** A mistake in the name or account put right; {@code version} as read (409 when someone changed it since). */
    public record Correct(
            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = ACCOUNT, message = "账号为 Keycloak 用户名") String account,
            Long version) {
    }

    /** An appointment as it should have been entered (its unit stays). */
    public record CorrectAppointment(
            @NotNull Post post,
            @Size(max = 500) String businessAreas,
            @Size(max = 1000) String partyDuties,
            @NotNull LocalDate termStart,
            LocalDate termEnd) {

        Term term() {
            return new Term(termStart, termEnd);
        }
    }

    /** The last day of a term. */
    public record EndTerm(@NotNull LocalDate termEnd) {
    }
}
