package party.rectification.clues;

/** Handling of a transferred clue: received by the discipline commission, verified (初核), concluded. */
public enum ClueStatus {
    TRANSFERRED("已移交"),
    VERIFYING("初核中"),
    CONCLUDED("已办结");

    private final String label;

    ClueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
