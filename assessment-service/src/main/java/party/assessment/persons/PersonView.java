package party.assessment.persons;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person as the caller may see them: only their appointments in units within the caller's scope. */
public record PersonView(UUID id, String name, String account, long version, List<Held> appointments) {

    /** One appointment, with the unit's name and the post's label, and whether it is held today. */
    public record Held(UUID id, String unit, String unitName, Post post, String postLabel, String businessAreas,
                       String partyDuties, LocalDate termStart, LocalDate termEnd, boolean current) {
    }
}
