package party.common.events;

/**
 * The full state of one org unit after a change. Each {@code org.units} event carries it whole, so the
 * compacted topic alone rebuilds a replica; the same record is the API's view of a unit.
 *
 * @param path        chain of unit codes from the root, e.g. {@code /city/district-a}
 * @param deactivated a unit created by mistake, taken out of use: its records stay, no new work reaches it
 * @param version     increases with every change; replicas ignore anything older than what they hold
 */
public record OrgUnitState(String code, String name, OrgLevel level, String category, String parentCode,
                           String path, boolean deactivated, long version) {
}
