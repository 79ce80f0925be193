package party.common.events;

import java.util.UUID;

/**
 * An accountability decision 追责 on a rectification item, on {@link Topics#RECTIFICATION_EVENTS}. Names no person:
 * the form (四种形态, exemption or clearing) is what the responsible unit's result takes into account.
 */
public record AccountabilityDecided(UUID decisionId, UUID itemId, String orgUnit, String disposition) {
}
