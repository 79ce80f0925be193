package party.assessment.scoring;

/** The five sources merged into one result 五位一体 (DOMAIN.md §3), each scored 0–100. */
public enum Component {
    /** 平时检查: the average of the routine checks of the year */
    ROUTINE,
    /** 年终考核: the indicator score */
    YEAR_END,
    /** 述职评议: the weighted total of the unit's latest sealed evaluation session of the year */
    EVALUATION,
    /** 民意调查: public satisfaction */
    OPINION,
    /** 整改成效: rectification performance, from the items' events */
    RECTIFICATION
}
