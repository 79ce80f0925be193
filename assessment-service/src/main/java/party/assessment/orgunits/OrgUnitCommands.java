package party.assessment.orgunits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import party.common.events.OrgLevel;

/** Request bodies of the org-unit API. */
public final class OrgUnitCommands {

    /** Letters, digits and hyphens: codes make up paths, so they carry no '/' and no SQL LIKE wildcard. */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";
    static final String CODE_MESSAGE = "编码只能包含字母、数字和连字符，且以字母或数字开头（最长64位）";

    private OrgUnitCommands() {
    }

    public record Create(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull OrgLevel level,
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,49}", message = "类别须为小写英文代码，如 county、district、university") String category,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String parentCode) {
    }

    /** @param version the version the caller read; a newer one on the server answers 409 */
    public record Rename(@NotBlank @Size(max = 200) String name, Long version) {
    }

    /** Deactivation or reactivation: nothing but the version the caller read. */
    public record Change(Long version) {
    }

    public record Move(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String parentCode, Long version) {
    }
}
