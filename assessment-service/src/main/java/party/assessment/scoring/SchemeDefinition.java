package party.assessment.scoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A yearly assessment scheme's content: the indicator tree, how the five components weigh, the grade thresholds
 * with an optional quota on the top grade, how rectification performance scores, and below which share of its
 * points an indicator becomes a finding for rectification.
 *
 * @param grades            best first, each with the least total it needs; the last one takes everything below
 * @param topQuota          at most this share of a category's units may hold the top grade (e.g. 0.3); null for none
 * @param findingBelow      an indicator scoring under this share of its points raises a finding (e.g. 0.6)
 * @param missingComponents what a weighted component a unit has no input for counts as (default {@code REWEIGHT})
 * @param tieBreak          components that order units tied on their total at the top grade's quota, in turn;
 *                          none (the default): tied units keep the top grade only if all of them fit the quota
 * @param gradientDrop      the drop in percentage points from a committee to its units that flags the pressure
 *                          gradient as broken under it (default 10)
 * @param recordKinds       kinds of duty record of the scheme's own beside the {@link DutyKind}s, e.g. 入户走访
 */
public record SchemeDefinition(List<Dimension> dimensions, Map<Component, BigDecimal> components, List<Grade> grades,
                               BigDecimal topQuota, RectificationRule rectification, BigDecimal findingBelow,
                               MissingComponents missingComponents, List<Component> tieBreak,
                               BigDecimal gradientDrop, List<RecordKind> recordKinds) {

    /**
     * One basis per ranking: a missing component counts as 0 ({@code ZERO}); or the unit stays out of the ranking,
     * without grade or rank, until it has every component ({@code EXCLUDE}); or the total is the weighted mean of the
     * components the unit has ({@code REWEIGHT}). The breakdown names the missing components and the rule.
     */
    public enum MissingComponents { ZERO, EXCLUDE, REWEIGHT }

    public static final BigDecimal HUNDRED = new BigDecimal("100");
    public static final List<Grade> DEFAULT_GRADES = List.of(new Grade("好", new BigDecimal("90")),
            new Grade("较好", new BigDecimal("80")), new Grade("一般", new BigDecimal("60")), new Grade("差", BigDecimal.ZERO));

    public record Grade(String name, BigDecimal min) {
    }

    /** A kind of duty record a scheme defines: a code like the {@link DutyKind}s' and the name people read. */
    public record RecordKind(String code, String name) {
    }

    /**
     * Rectification performance as rates over the unit's items of the year, each item once whatever its history and
     * a withdrawn one not at all: 100, less {@code overdue} points times the share of items that went overdue or
     * closed late, less {@code reopened} points times the share a look-back reopened, within 0–100. A unit with no
     * items scores {@code noItems}: having problems earns nothing, and neither does having none.
     */
    @JsonIgnoreProperties(ignoreUnknown = true) // the per-item counts of earlier schemes
    public record RectificationRule(BigDecimal noItems, BigDecimal overdue, BigDecimal reopened) {
        public static final RectificationRule DEFAULT = new RectificationRule(new BigDecimal("100"), new BigDecimal("50"),
                new BigDecimal("30"));
    }

    /** The same definition with another indicator tree: what an indicator sheet changes, and all it changes. */
    public SchemeDefinition withDimensions(List<Dimension> tree) {
        return new SchemeDefinition(tree, components, grades, topQuota, rectification, findingBelow, missingComponents,
                tieBreak, gradientDrop, recordKinds);
    }

    public List<Grade> gradeScale() {
        return grades == null || grades.isEmpty() ? DEFAULT_GRADES : grades;
    }

    /** The scheme's rule, each weight it leaves out taken from the default one. */
    public RectificationRule rectificationRule() {
        if (rectification == null) {
            return RectificationRule.DEFAULT;
        }
        RectificationRule d = RectificationRule.DEFAULT;
        return new RectificationRule(Objects.requireNonNullElse(rectification.noItems(), d.noItems()),
                Objects.requireNonNullElse(rectification.overdue(), d.overdue()),
                Objects.requireNonNullElse(rectification.reopened(), d.reopened()));
    }

    public MissingComponents missingRule() {
        return missingComponents == null ? MissingComponents.REWEIGHT : missingComponents;
    }

    public List<Component> tieBreakers() {
        return tieBreak == null ? List.of() : tieBreak;
    }

    public BigDecimal gradientThreshold() {
        return gradientDrop == null ? BigDecimal.TEN : gradientDrop;
    }

    /** The indicators counted from duty records, in the scheme's order. */
    public List<Indicator> countedIndicators() {
        return dimensions.stream().flatMap(d -> d.indicators().stream())
                .filter(indicator -> indicator.method().records() != null).toList();
    }

    public List<RecordKind> ownRecordKinds() {
        return recordKinds == null ? List.of() : recordKinds;
    }

    /** The name of a kind of duty record, built in or the scheme's own; empty for a kind neither knows. */
    public Optional<String> recordKindName(String code) {
        if (DutyKind.known(code)) {
            return Optional.of(DutyKind.valueOf(code).label());
        }
        return ownRecordKinds().stream().filter(kind -> kind.code().equals(code)).map(RecordKind::name).findFirst();
    }

    public BigDecimal findingShare() {
        return findingBelow == null ? new BigDecimal("0.6") : findingBelow;
    }

    public Optional<Indicator> indicator(String code) {
        return dimensions.stream().flatMap(d -> d.indicators().stream()).filter(i -> i.code().equals(code)).findFirst();
    }

    /** What makes this definition unusable, as "field: message", or empty when it is sound. */
    public Optional<String> problem() {
        if (dimensions == null || dimensions.isEmpty()) {
            return Optional.of("dimensions: a scheme needs at least one dimension");
        }
        if (dimensions.size() > 20 || dimensions.stream().anyMatch(d -> d.indicators() != null && d.indicators().size() > 100)
                || grades != null && grades.size() > 10) {
            return Optional.of("dimensions: at most 20 dimensions of at most 100 indicators each, and 10 grades");
        }
        Optional<String> kinds = recordKindsProblem();
        if (kinds.isPresent()) {
            return kinds;
        }
        BigDecimal dimensionWeights = dimensions.stream().map(d -> nonNull(d.weight())).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (dimensionWeights.compareTo(HUNDRED) != 0) {
            return Optional.of("dimensions: the dimensions' weights add up to " + dimensionWeights.toPlainString()
                    + ", not 100");
        }
        Set<String> codes = new HashSet<>();
        for (int d = 0; d < dimensions.size(); d++) {
            Dimension dimension = dimensions.get(d);
            String at = "dimensions[" + d + "]";
            if (dimension.indicators() == null || dimension.indicators().isEmpty()) {
                return Optional.of(at + ".indicators: dimension " + dimension.code() + " has no indicator");
            }
            BigDecimal points = BigDecimal.ZERO;
            for (int i = 0; i < dimension.indicators().size(); i++) {
                Indicator indicator = dimension.indicators().get(i);
                String field = at + ".indicators[" + i + "]";
                if (indicator.code() == null || !codes.add(indicator.code())) {
                    return Optional.of(field + ".code: indicator codes must be present and unique: " + indicator.code());
                }
                Optional<String> method = methodProblem(indicator, field);
                if (method.isPresent()) {
                    return method;
                }
                if (indicator.method().weighted()) {
                    points = points.add(nonNull(indicator.points()));
                }
            }
            if (points.compareTo(nonNull(dimension.weight())) != 0) {
                return Optional.of(at + ".indicators: the points of dimension " + dimension.code() + " add up to "
                        + points.toPlainString() + ", not its weight " + nonNull(dimension.weight()).toPlainString());
            }
        }
        BigDecimal componentWeights = components == null ? BigDecimal.ZERO
                : components.values().stream().map(SchemeDefinition::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (componentWeights.compareTo(HUNDRED) != 0) {
            return Optional.of("components: the five components' weights add up to " + componentWeights.toPlainString()
                    + ", not 100");
        }
        List<Grade> scale = gradeScale();
        for (int g = 1; g < scale.size(); g++) {
            if (scale.get(g).min().compareTo(scale.get(g - 1).min()) >= 0) {
                return Optional.of("grades: thresholds must fall from the best grade to the worst");
            }
        }
        if (topQuota != null && (topQuota.signum() <= 0 || topQuota.compareTo(BigDecimal.ONE) > 0)) {
            return Optional.of("topQuota: a share above 0 and at most 1");
        }
        if (tieBreakers().stream().anyMatch(component -> !components.containsKey(component))
                || new HashSet<>(tieBreakers()).size() != tieBreakers().size()) {
            return Optional.of("tieBreak: each of the scheme's weighted components, once");
        }
        RectificationRule rule = rectificationRule();
        if (java.util.stream.Stream.of(rule.noItems(), rule.overdue(), rule.reopened())
                .anyMatch(weight -> weight.signum() < 0 || weight.compareTo(HUNDRED) > 0)) {
            return Optional.of("rectification: noItems, overdue and reopened are points from 0 to 100");
        }
        if (gradientDrop != null && gradientDrop.signum() <= 0) {
            return Optional.of("gradientDrop: a drop above 0 percentage points");
        }
        return Optional.empty();
    }

    private Optional<String> methodProblem(Indicator indicator, String field) {
        Method method = indicator.method();
        if (method == null || method.kind() == null) {
            return Optional.of(field + ".method.kind: every indicator needs a scoring method");
        }
        if (method.weighted() && (indicator.points() == null || indicator.points().signum() <= 0)) {
            return Optional.of(field + ".points: a scored indicator needs its points");
        }
        if (method.records() != null) {
            if (method.kind() != Method.Kind.THRESHOLD && method.kind() != Method.Kind.LINEAR) {
                return Optional.of(field + ".method.records: only a THRESHOLD or LINEAR indicator is counted from records");
            }
            if (method.records().kind() == null || recordKindName(method.records().kind()).isEmpty()) {
                return Optional.of(field + ".method.records.kind: one of " + String.join(", ", recordKindCodes()));
            }
        }
        String missing = switch (method.kind()) {
            case THRESHOLD, LINEAR -> method.target() == null || method.target().signum() <= 0 || method.comparison() == null
                    ? "target and comparison" : null;
            case DEDUCTION -> method.perOccurrence() == null || method.perOccurrence().signum() <= 0 ? "perOccurrence" : null;
            case QUALITATIVE -> method.gradePoints() == null || method.gradePoints().isEmpty()
                    || method.gradePoints().values().stream().anyMatch(p -> p.compareTo(indicator.points()) > 0)
                    ? "gradePoints, none above the indicator's points" : null;
            case BONUS -> method.perOccurrence() == null || method.cap() == null ? "perOccurrence and cap" : null;
            case VETO -> method.capGrade() == null || gradeScale().stream().noneMatch(g -> g.name().equals(method.capGrade()))
                    ? "capGrade, one of the grades" : null;
        };
        return missing == null ? Optional.empty()
                : Optional.of(field + ".method: a " + method.kind() + " indicator needs " + missing);
    }

    private Optional<String> recordKindsProblem() {
        List<RecordKind> own = ownRecordKinds();
        if (own.size() > 20) {
            return Optional.of("recordKinds: at most 20 kinds of the scheme's own");
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < own.size(); k++) {
            RecordKind kind = own.get(k);
            if (kind == null || kind.code() == null || !kind.code().matches("[A-Z][A-Z0-9_]{1,39}")
                    || DutyKind.known(kind.code()) || !seen.add(kind.code())) {
                return Optional.of("recordKinds[" + k + "].code: 2–40 capitals, digits or _, unique, and none of "
                        + "the built-in kinds");
            }
            if (kind.name() == null || kind.name().isBlank() || kind.name().length() > 40) {
                return Optional.of("recordKinds[" + k + "].name: 1–40 characters");
            }
        }
        return Optional.empty();
    }

    private List<String> recordKindCodes() {
        var codes = new java.util.ArrayList<String>();
        for (DutyKind kind : DutyKind.values()) {
            codes.add(kind.name());
        }
        ownRecordKinds().forEach(kind -> codes.add(kind.code()));
        return codes;
    }

    private static BigDecimal nonNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
