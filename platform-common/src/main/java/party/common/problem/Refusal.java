package party.common.problem;

import java.util.List;

/**
 * The catalogue of refusals: every problem type any service or the gateway answers with, its HTTP status and its
 * Chinese title. Domain code throws {@link #because}; only {@link ProblemMappers} turns it into HTTP.
 * docs/problems.md lists exactly these (a test holds the two together).
 */
public enum Refusal {

    // any service
    VALIDATION(400, "请求参数不合法"),
    UNREADABLE_BODY(400, "请求体无法解析"),
    FORBIDDEN(403, "无权执行此操作"),
    NO_ORG_SCOPE(403, "账号未绑定组织"),
    NOT_FOUND(404, "未找到"),
    METHOD_NOT_ALLOWED(405, "不支持该方法"),
    NOT_ACCEPTABLE(406, "不支持请求的媒体类型"),
    UNSUPPORTED_MEDIA_TYPE(415, "不支持的媒体类型"),
    /** any other refusal by the HTTP layer; the status tells which */
    REQUEST_REFUSED(400, "请求被拒绝"),
    CONCURRENT_CHANGE(409, "数据已被他人修改"),
    IDEMPOTENCY_KEY(400, "Idempotency-Key 不合法"),
    REQUEST_IN_PROGRESS(409, "请求正在处理"),
    REQUEST_ANSWER_LOST(409, "请求已办理，应答未能保存"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key 已用于其他请求"),
    RATE_LIMITED(429, "请求过于频繁"),
    INTERNAL(500, "服务内部错误"),
    UNAVAILABLE(503, "服务暂不可用"),

    // org units and persons (assessment-service's registries, the replicas)
    UNKNOWN_PARENT(400, "上级组织不存在"),
    UNKNOWN_ORG_UNIT(400, "组织不存在"),
    OUTSIDE_SCOPE(403, "只能在本级及下级组织中创建"),
    DUPLICATE_CODE(409, "组织编码已存在"),
    STALE_VERSION(409, "数据已被他人修改"),
    MOVE_INTO_OWN_SUBTREE(409, "不能移动到自身或下级组织之下"),
    ORG_UNIT_DEACTIVATED(409, "组织已停用"),
    ACTIVE_SUBUNITS(409, "其下仍有在用的下级组织"),
    UNKNOWN_PERSON(400, "人员不在领导名册中或不在该组织任职"),

    // assessment 考责
    INVALID_SCHEME(400, "考核方案设置不合法"),
    SCHEME_FIXED(400, "方案的年度和组织不能修改"),
    UNKNOWN_INDICATOR(400, "指标不存在或不适用"),
    UNREADABLE_SHEET(400, "表格无法读取"),
    INVALID_SHEET_ROW(400, "表格有不合法的行"),
    SHEET_TOO_LARGE(413, "表格过大"),
    FIRST_RESPONSIBLE_TAKEN(409, "该组织此期间已有第一责任人"),
    INVALID_TERM(400, "任职期限不合法"),
    ACCOUNT_TAKEN(409, "该账号已属于他人"),
    UNKNOWN_RECORD_KIND(400, "纪实类型不存在"),
    RECORD_LOCKED(409, "纪实已过修改期限"),
    UNKNOWN_DUTY(400, "责任清单中没有该项职责"),
    OTHER_DEPARTMENT(403, "只能评本部门的指标"),
    WRONG_SCHEME_STATE(409, "考核方案当前状态不允许此操作"),
    ALREADY_REVIEWED(409, "部门已评分，不能再修改自评"),
    NOT_REVIEWED(409, "部门尚未评分"),
    OBJECTION_USED(409, "每项指标只能提出一次异议"),
    OBJECTION_PENDING(409, "异议待处理，暂不能改分"),
    NO_PENDING_OBJECTION(409, "没有待处理的异议"),
    NOT_COMPUTED(409, "该单位尚无计算结果"),
    INVALID_MEASURE(400, "指标值不符合评分方法"),
    RESULTS_NOT_ANNOUNCED(409, "考核结果尚未公布"),
    SESSION_NOT_COUNTABLE(400, "该评议会不能计入本方案"),

    // 述职评议 ballots
    INVALID_DEFINITION(400, "评议会设置不合法"),
    INVALID_SUBJECT(400, "评议对象须为组织或具名人员"),
    SUBJECT_NOT_BELOW(400, "评议对象须为本级以下的组织"),
    UNKNOWN_SCALE(400, "等次方案不存在"),
    ORG_UNIT_FIXED(400, "评议会所属组织不能修改"),
    UNKNOWN_BALLOT_TYPE(400, "票型不存在"),
    MALFORMED_BALLOT(400, "选票内容不合法"),
    UNKNOWN_CODE(404, "投票码无效"),
    CREDENTIAL_USED(409, "该投票凭证已使用"),
    TOO_MANY_PAPER_BALLOTS(409, "纸质票多于发出的选票张数"),
    WRONG_SESSION_STATE(409, "评议会当前状态不允许此操作"),

    // rectification 整改, clues and accountability
    FOUND_IN_FUTURE(400, "发现日期不能晚于今天"),
    DEADLINE_BEFORE_FOUND(400, "整改期限早于发现日期"),
    INVALID_DEADLINE(400, "重新整改须给出今后的期限"),
    UNKNOWN_MILESTONE(400, "节点不存在"),
    JUSTIFICATION_REQUIRED(400, "须书面说明理由"),
    DISPOSITION(400, "办结须给出处置方式，其他状态不给"),
    EARLY_LOOK_BACK(400, "提前回头看须说明理由"),
    EVIDENCE_MISSING(400, "缺少佐证材料"),
    EVIDENCE_NAME(400, "文件名过长"),
    EVIDENCE_SIZE(413, "佐证材料大小不符合要求"),
    EVIDENCE_TYPE(415, "佐证材料类型不支持"),
    /** the step belongs to the other side of the record (docs/domain.md §7): checking is done from above */
    WRONG_SIDE(403, "本单位不能办理此步骤"),
    ILLEGAL_STEP(409, "当前状态不能执行此操作"),

    // webhooks 事件推送
    INVALID_WEBHOOK_URL(400, "推送地址无效"),
    UNKNOWN_EVENT_TYPE(400, "不能订阅该事件类型"),
    DELIVERY_NOT_REPLAYABLE(409, "该推送不能重发");

    private final int status;
    private final String title;

    Refusal(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** Stable and machine-readable: the problem's {@code type} is {@code urn:party:problem:<slug>}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /**
     * This refusal on one occasion, to throw.
     *
     * @param detail what was wrong this time, for the caller to act on
     * @param field  the offending request field, or {@code null}
     */
    public Refused because(String detail, String field) {
        return new Refused(this, title, detail, field);
    }

    /** The same, with a title that says more than the catalogue's on this occasion, e.g. which state refused a step. */
    public Refused because(String title, String detail, String field) {
        return new Refused(this, title, detail, field);
    }

    /** A refusal with several things wrong, each where it is (the rows of an uploaded sheet). */
    public Refused becauseOfEach(String detail, List<Problem.FieldError> errors) {
        return new Refused(this, title, detail, null, errors);
    }

    /** The answer for a record that does not exist and for one outside the caller's scope: the two look alike. */
    public static Refused unknown() {
        return NOT_FOUND.because(null, null);
    }
}
