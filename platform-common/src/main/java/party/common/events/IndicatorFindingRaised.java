package party.common.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An indicator of a unit scored below its threshold, on {@link Topics#ASSESSMENT_FINDINGS}; rectification-service
 * turns each one into a rectification item (source: assessment).
 *
 * @param orgUnit    code of the assessed unit
 * @param schemePath path of the unit whose scheme found it: the item's issuing unit, which checks the fix
 * @param department the indicator's owning department (organization, discipline, …), which supervises the fix
 */
@Internal("rectification-service turns it into an item, which OA systems follow instead")
public record IndicatorFindingRaised(UUID schemeId, int year, String indicatorCode, String indicatorName, String orgUnit,
                                     String orgPath, String schemePath, String department, BigDecimal score,
                                     BigDecimal threshold, String detail) implements IndicatorFindingEvent {
}
