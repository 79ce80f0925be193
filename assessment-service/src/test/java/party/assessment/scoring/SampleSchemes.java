package party.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Indicators from the sources' own examples (DOMAIN.md §3), for the scoring tests. */
final class SampleSchemes {

    static final Indicator BRANCHES_UP_TO_STANDARD = new Indicator("ORG-1", "支部建设达标率100%", d("20"),
            "organization", List.of(), "达标验收表", threshold("100", Method.Comparison.AT_LEAST, "%"));
    static final Indicator SERVICE_SITE = new Indicator("ORG-2", "社区党群服务场所面积不低于500平方米", d("20"),
            "organization", List.of("community"), "场所照片与产权证明", threshold("500", Method.Comparison.AT_LEAST, "m²"));
    static final Indicator VILLAGE_INCOME = new Indicator("ORG-3", "村集体经济收入不低于2万元", d("20"),
            "organization", List.of("village"), "村集体账目", linear("20000", Method.Comparison.AT_LEAST, "元"));
    static final Indicator DEDICATED_MEETINGS = new Indicator("RESP-1", "党委专题研究党建工作每年不少于4次", d("20"),
            "organization", List.of(), "会议纪要", linear("4", Method.Comparison.AT_LEAST, "次"));
    static final Indicator THREE_MEETINGS_ONE_LESSON = new Indicator("RESP-2", "三会一课按期开展", d("20"),
            "organization", List.of(), "会议记录",
            new Method(Method.Kind.DEDUCTION, null, null, "次", d("2"), BigDecimal.ZERO, null, null, null, null));
    static final Indicator AWARDS = new Indicator("BONUS-1", "获市级以上党建表彰", null, "organization", List.of(),
            "表彰文件", new Method(Method.Kind.BONUS, null, null, "项", d("2"), null, null, d("5"), null, null));
    static final Indicator MAJOR_VIOLATION = new Indicator("VETO-1", "发生严重违纪违法案件", null, "discipline", List.of(),
            "纪委通报", new Method(Method.Kind.VETO, null, null, null, null, null, null, null, "一般", null));

    static final Map<Component, BigDecimal> COMPONENTS = Map.of(Component.ROUTINE, d("10"), Component.YEAR_END, d("50"),
            Component.EVALUATION, d("20"), Component.OPINION, d("10"), Component.RECTIFICATION, d("10"));

    /** 组织建设 60 (two of its three indicators apply to any one unit), 党建责任落实 40, a bonus and a veto. */
    static SchemeDefinition scheme(BigDecimal topQuota) {
        return new SchemeDefinition(List.of(
                new Dimension("ORG", "组织建设", d("60"), List.of(BRANCHES_UP_TO_STANDARD, SERVICE_SITE, VILLAGE_INCOME)),
                new Dimension("RESP", "党建责任落实", d("40"),
                        List.of(DEDICATED_MEETINGS, THREE_MEETINGS_ONE_LESSON, AWARDS, MAJOR_VIOLATION))),
                COMPONENTS, null, topQuota, null, null, null, null, null, null);
    }

    static Method threshold(String target, Method.Comparison comparison, String unit) {
        return new Method(Method.Kind.THRESHOLD, d(target), comparison, unit, null, null, null, null, null, null);
    }

    static Method linear(String target, Method.Comparison comparison, String unit) {
        return new Method(Method.Kind.LINEAR, d(target), comparison, unit, null, null, null, null, null, null);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static Measure value(String value) {
        return new Measure(d(value), null);
    }

    private SampleSchemes() {
    }
}
