package party.assessment.scoring;

/** The five sources merged into one result 五位一体 (DOMAIN.md §3), each scored 0–100. */
public enum Component {
    /** 平时检查: the average of the routine checks of the year */
    ROUTINE("平时检查"),
    /** 年终考核: the indicator score */
    YEAR_END("年终考核"),
    /** 述职评议: the weighted total of the unit's latest sealed evaluation session of the year */
    EVALUATION("述职评议"),
    /** 民意调查: public satisfaction */
    OPINION("民意调查"),
    /** 整改成效: rectification performance, from the items' events */
    RECTIFICATION("整改成效");

    private final String label;

    Component(String label) {
        this.label = label;
    }

    /** The component's name as the committees write it, e.g. in an export's header. */
    public String label() {
        return label;
    }
}
