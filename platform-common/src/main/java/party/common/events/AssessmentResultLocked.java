package party.common.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A unit's annual assessment result once its scheme is locked, on {@link Topics#ASSESSMENT_RESULTS}: what OA and
 * cadre systems apply to awards and appointments 与评先评优、提拔任用挂钩.
 *
 * @param orgUnit  code of the assessed unit
 * @param grade    null, like the rank, for a unit the scheme leaves out of the ranking for a missing component
 * @param rank     within the unit's category, ties sharing a rank
 */
public record AssessmentResultLocked(UUID schemeId, int year, String schemeTitle, String orgUnit, String orgPath,
                                     String category, BigDecimal total, String grade, Integer rank) implements PlatformEvent {

    @Override
    public String topic() {
        return Topics.ASSESSMENT_RESULTS;
    }

    @Override
    public String key() {
        return orgUnit;
    }
}
