package party.ballot.tally;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * What is voted on in one 述职评议 session, fixed once the session opens: the grade scale, the ballot
 * types with their weights, the categories of subjects with their quota on the top grade, and what a
 * blank subject means.
 */
public record SessionDefinition(List<Grade> scale, List<BallotType> ballotTypes, List<Category> categories,
                                BlankPolicy blankPolicy) {

    /** The most subjects one session evaluates, over all its categories: a meeting's ballot, not a census. */
    public static final int MAX_SUBJECTS = 500;

    /** 好 / 较好 / 一般 / 差, the scale of the source texts. */
    public static final List<Grade> UNIT_SCALE = List.of(new Grade("好", new BigDecimal("100")),
            new Grade("较好", new BigDecimal("80")), new Grade("一般", new BigDecimal("60")),
            new Grade("差", new BigDecimal("40")));
    /** 优秀 / 合格 / 基本合格 / 不合格, for the democratic evaluation of members 民主评议党员. */
    public static final List<Grade> MEMBER_SCALE = List.of(new Grade("优秀", new BigDecimal("100")),
            new Grade("合格", new BigDecimal("80")), new Grade("基本合格", new BigDecimal("60")),
            new Grade("不合格", new BigDecimal("40")));
    /** A for the standing committee and the leading group, B for everyone else present; equal weights. */
    public static final List<BallotType> A_AND_B = List.of(new BallotType("A", "A票（常委、领导小组成员）", BigDecimal.ONE),
            new BallotType("B", "B票（其他参会人员）", BigDecimal.ONE));

    /** A grade and the points it is worth in the type score. The first grade of a scale is the top one. */
    public record Grade(String label, BigDecimal value) {
    }

    public record BallotType(String code, String name, BigDecimal weight) {
    }

    /**
     * A unit (its code), a person of the registry (their id) or someone outside it (an id of the organizer's choosing,
     * {@code outsideRegistry}).
     */
    public record Subject(String id, String name, boolean outsideRegistry) {

        public Subject(String id, String name) {
            this(id, name, false);
        }
    }

    /**
     * @param topRatio share of the subjects that may get the top grade on one ballot, or null
     * @param topCap   absolute number that may get the top grade, or null
     */
    public record Category(String code, String name, BigDecimal topRatio, Integer topCap, List<Subject> subjects) {

        public int topLimit() {
            return Quota.limit(subjects.size(), topRatio, topCap);
        }
    }

    /** A subject left unmarked: abstention for that subject, or the whole ballot void (漏评). */
    public enum BlankPolicy {
        ABSTAIN, INVALID
    }

    public Grade top() {
        return scale.get(0);
    }

    public Optional<BallotType> ballotType(String code) {
        return ballotTypes.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The first rule this definition breaks, as {@code field: message}, or empty when it is sound. */
    public Optional<String> problem() {
        if (scale == null || scale.size() < 2) {
            return Optional.of("scale: 至少需要两个等次");
        }
        if (scale.stream().anyMatch(g -> g == null || g.label() == null || g.label().isBlank() || g.value() == null)) {
            return Optional.of("grades: 每个等次须有名称和分值");
        }
        if (new HashSet<>(scale.stream().map(Grade::label).toList()).size() != scale.size()) {
            return Optional.of("scale: 等次名称不能重复");
        }
        if (scale.stream().anyMatch(g -> g.value().signum() < 0)) {
            return Optional.of("grades: 分值不能为负数");
        }
        // the first grade is the top one the quota limits, so it must also be worth the most
        for (int i = 1; i < scale.size(); i++) {
            if (scale.get(i).value().compareTo(scale.get(i - 1).value()) >= 0) {
                return Optional.of("grades: 分值须从第一个（最高）等次起逐级递减");
            }
        }
        if (ballotTypes == null || ballotTypes.isEmpty()) {
            return Optional.of("ballotTypes: 至少需要一种票型");
        }
        if (new HashSet<>(ballotTypes.stream().map(BallotType::code).toList()).size() != ballotTypes.size()) {
            return Optional.of("ballotTypes: 票型代码不能重复");
        }
        if (ballotTypes.stream().anyMatch(t -> t.weight() == null || t.weight().signum() <= 0)) {
            return Optional.of("ballotTypes: 权重必须为正数");
        }
        if (categories == null || categories.isEmpty() || categories.stream().anyMatch(c -> c.subjects().isEmpty())) {
            return Optional.of("categories: 每个类别至少需要一个评议对象");
        }
        if (categories.stream().anyMatch(c -> c.topRatio() != null
                && (c.topRatio().signum() <= 0 || c.topRatio().compareTo(BigDecimal.ONE) > 0))) {
            return Optional.of("categories: 好票比例须在 0 到 1 之间");
        }
        if (categories.stream().anyMatch(c -> c.topCap() != null && c.topCap() < 0)) {
            return Optional.of("categories: 好票上限不能为负数");
        }
        var ids = categories.stream().flatMap(c -> c.subjects().stream()).map(Subject::id).toList();
        if (ids.size() > MAX_SUBJECTS) {
            return Optional.of("categories: 一次评议最多 " + MAX_SUBJECTS + " 个评议对象，现有 " + ids.size() + " 个");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            return Optional.of("categories: 同一评议对象不能出现两次");
        }
        return Optional.empty();
    }
}
