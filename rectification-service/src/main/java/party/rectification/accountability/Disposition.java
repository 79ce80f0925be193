package party.rectification.accountability;

import java.util.EnumSet;
import java.util.Set;
import party.common.problem.Refusal;

/** How a person's responsibility is disposed of: the four forms 四种形态, or no sanction for a stated reason. */
public enum Disposition {
    FIRST_FORM("第一种形态：批评教育、谈话提醒"),
    SECOND_FORM("第二种形态：轻处分、组织调整"),
    THIRD_FORM("第三种形态：重处分、重大职务调整"),
    FOURTH_FORM("第四种形态：严重违纪立案审查"),
    /** 容错纠错, 三个区分开来 */
    EXEMPTED("容错免责"),
    CLEARED("澄清正名"),
    NO_ISSUE("予以了结");

    /** Dispositions that impose nothing must say why in writing. */
    private static final Set<Disposition> NEED_JUSTIFICATION = EnumSet.of(EXEMPTED, CLEARED, NO_ISSUE);

    private final String label;

    Disposition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Refuses a disposition that imposes nothing without a written justification (given in {@code field}). */
    public void requireJustification(String text, String field) {
        if (NEED_JUSTIFICATION.contains(this) && (text == null || text.isBlank())) {
            throw Refusal.JUSTIFICATION_REQUIRED.because(this + " (" + label + ") needs a written justification",
                    field);
        }
    }
}
