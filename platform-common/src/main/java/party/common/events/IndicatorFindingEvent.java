package party.common.events;

import java.util.UUID;

/**
 * A finding of one indicator of one unit under one scheme, on {@link Topics#ASSESSMENT_FINDINGS}, keyed by the unit
 * so that a finding and its withdrawal arrive in order.
 */
public sealed interface IndicatorFindingEvent extends PlatformEvent permits IndicatorFindingRaised,
        IndicatorFindingWithdrawn {

    UUID schemeId();

    String indicatorCode();

    /** code of the assessed unit */
    String orgUnit();

    @Override
    default String topic() {
        return Topics.ASSESSMENT_FINDINGS;
    }

    @Override
    default String key() {
        return orgUnit();
    }
}
