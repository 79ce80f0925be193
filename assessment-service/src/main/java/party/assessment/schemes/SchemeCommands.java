package party.assessment.schemes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import party.assessment.scoring.SchemeDefinition;

/** Request and response bodies of the scheme API. */
public final class SchemeCommands {

    private SchemeCommands() {
    }

    /** @param orgUnit code of the unit whose scheme it is; it assesses the units below it */
    public record Define(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 64) String orgUnit,
                         @NotBlank @Size(max = 200) String title, @NotNull SchemeDefinition definition) {
    }

    public record SchemeView(UUID id, int year, String orgUnit, String orgPath, String title, SchemeState state,
                             int revision, UUID supersedes, SchemeDefinition definition, Instant publishedAt,
                             Instant lockedAt, long version) {

        public static SchemeView of(Scheme s) {
            return new SchemeView(s.id, s.year, s.orgCode, s.orgPath, s.title, s.state, s.revision, s.supersedes,
                    s.definition, s.publishedAt, s.lockedAt, s.version);
        }
    }
}
