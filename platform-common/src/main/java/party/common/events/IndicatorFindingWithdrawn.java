package party.common.events;

import java.util.UUID;

/**
 * A finding raised in error: a corrected review, before the scheme is locked, put the indicator back above its
 * threshold; rectification-service withdraws (撤销) the item the finding raised.
 *
 * @param reason what changed, e.g. the corrected score, kept in the item's history
 */
@Internal("rectification-service withdraws the item, which OA systems follow instead")
public record IndicatorFindingWithdrawn(UUID schemeId, int year, String indicatorCode, String orgUnit, String orgPath,
                                        String reason) implements IndicatorFindingEvent {
}
