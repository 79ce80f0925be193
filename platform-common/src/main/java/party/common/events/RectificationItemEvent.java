package party.common.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A rectification item at one point of its life, on {@link Topics#RECTIFICATION_EVENTS} under the types
 * {@code RectificationItemIssued}, {@code RectificationItemOverdue}, {@code RectificationItemClosed} and
 * {@code RectificationItemReopened}. Carries no problem text, person or clue: what assessment-service scores.
 *
 * @param orgUnit     code of the responsible unit; the envelope's {@code orgUnit} carries its path
 * @param onTime      for a closed item, whether it closed by its deadline; otherwise {@code null}
 * @param escalatedTo for an overdue item, the path of the unit one level up whose leaders it is escalated to
 */
public record RectificationItemEvent(UUID itemId, String number, String orgUnit, String source, String timingClass,
                                     String state, LocalDate deadline, LocalDate closedOn, Boolean onTime,
                                     String escalatedTo) {
}
