package party.assessment.scoring;

/**
 * The kinds of duty record (履责纪实) every scheme knows, as the sources name them (docs/domain.md §8); a scheme adds
 * its own ({@link SchemeDefinition.RecordKind}).
 */
public enum DutyKind {
    PARTY_BUILDING_MEETING("专题研究党建会议"),
    PARTY_LECTURE("讲党课"),
    HEART_TO_HEART_TALK("谈心谈话"),
    REMINDER_TALK("提醒谈话"),
    ADMONITORY_TALK("约谈"),
    CONTACT_POINT_VISIT("联系点调研"),
    SUPERVISION("督办"),
    DUAL_ORGANIZATIONAL_LIFE("双重组织生活");

    private final String label;

    DutyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static boolean known(String code) {
        for (DutyKind kind : values()) {
            if (kind.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
