package party.common.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a {@link RectificationItemEvent} tells of its item. Carries no problem text, person or clue: what
 * assessment-service scores and OA systems track.
 *
 * @param orgUnit     code of the responsible unit
 * @param orgPath     its path
 * @param onTime      for a closed item, whether it closed by its deadline; otherwise {@code null}
 * @param escalatedTo for an overdue item, the path of the unit one level up whose leaders it is escalated to
 */
public record RectificationItemState(UUID itemId, String number, String orgUnit, String orgPath, String source,
                                     String timingClass, String state, LocalDate deadline, LocalDate closedOn,
                                     Boolean onTime, String escalatedTo) {
}
