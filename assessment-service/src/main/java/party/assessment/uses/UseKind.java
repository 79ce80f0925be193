package party.assessment.uses;

/** How an announced result is used (结果运用, docs/domain.md §9). */
public enum UseKind {
    AWARD("评先评优"),
    CADRE_REFERENCE("干部选拔任用参考"),
    TALK("约谈"),
    RECTIFICATION("整改督办");

    private final String label;

    UseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
