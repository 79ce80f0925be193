package party.common.events;

/**
 * A change of an org unit, on the compacted {@link Topics#ORG_UNITS}. Each carries the unit's full state, so the
 * topic alone rebuilds a replica; {@code data} is that state.
 */
public sealed interface OrgUnitEvent extends PlatformEvent permits OrgUnitCreated, OrgUnitRenamed, OrgUnitMoved,
        OrgUnitDeactivated, OrgUnitReactivated {

    OrgUnitState unit();

    @Override
    default String topic() {
        return Topics.ORG_UNITS;
    }

    @Override
    default String key() {
        return unit().code();
    }

    @Override
    default String orgPath() {
        return unit().path();
    }
}
