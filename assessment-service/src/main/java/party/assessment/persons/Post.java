package party.assessment.persons;

/**
 * A leader's post in a unit's committee (班子), as the sources name them (docs/domain.md §8). The secretary is the
 * unit's 第一责任人, and there is one at a time; every member carries 一岗双责, business areas and party-building
 * duties both.
 */
public enum Post {
    SECRETARY("书记（第一责任人）"),
    DEPUTY_SECRETARY("副书记"),
    MEMBER("班子成员"),
    DISCIPLINE_SECRETARY("纪委书记（监督责任）"),
    ORGANIZATION_MEMBER("组织委员");

    private final String label;

    Post(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 第一责任人: one per unit at any one day (「强化第一责任人的唯一性」). */
    public boolean firstResponsible() {
        return this == SECRETARY;
    }
}
