package party.assessment.persons;

import java.util.UUID;

/**
 * An appointment was made, or corrected: fired inside the transaction that wrote it, so what the post draws (its
 * duties on the responsibility list) is written with it.
 */
public record PostTaken(UUID appointment) {
}
