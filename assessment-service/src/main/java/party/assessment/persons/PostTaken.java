package party.assessment.persons;

import java.util.UUID;

/**
 * An appointment was made, or corrected: fired inside the transaction that wrote it, so what the post draws (its
 * duties on the responsibility list) is written with it. For a correction, the post, business areas and party duties
 * it had before; all null for a new appointment.
 */
public record PostTaken(UUID appointment, Post postBefore, String businessAreasBefore, String partyDutiesBefore) {
}
