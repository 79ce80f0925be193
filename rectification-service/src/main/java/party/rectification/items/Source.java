package party.rectification.items;

/** Where a problem was found (DOMAIN.md §4). */
public enum Source {
    INSPECTION("巡察"),
    POLITICAL_TALK("政治谈话"),
    ASSESSMENT("考核"),
    EVALUATION_COMMENT("述职评议点评"),
    SELF_CHECK("自查"),
    LETTERS_AND_VISITS("信访"),
    AUDIT("审计");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
