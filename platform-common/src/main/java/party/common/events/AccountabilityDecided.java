package party.common.events;

import java.util.UUID;

/**
 * An accountability decision 追责 on a rectification item. Names no person: the form (四种形态, exemption or
 * clearing) is what the responsible unit's result takes into account.
 *
 * @param orgUnit code of the item's responsible unit
 */
@Internal("decisions about persons stay with the discipline commission")
public record AccountabilityDecided(UUID decisionId, UUID itemId, String orgUnit, String orgPath, String disposition)
        implements RectificationEvent {
}
