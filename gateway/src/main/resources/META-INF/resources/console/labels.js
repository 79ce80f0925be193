// Chinese labels for the API's codes where an answer carries the code alone; answers that carry their own label
// (stateLabel, sourceLabel, timingLabel, postLabel) are shown as they come.
export const LEVEL = { city: '市级', county: '县（市、区）级', township: '乡镇（街道）级', grassroots: '村（社区）、支部' };
export const SCHEME_STATE = { DRAFT: '草稿', PUBLISHED: '已发布', LOCKED: '已锁定', ANNOUNCED: '已公布', SUPERSEDED: '已被修订' };
export const COMPONENT = { ROUTINE: '平时检查', YEAR_END: '年终考核', EVALUATION: '述职评议', OPINION: '民意调查',
  RECTIFICATION: '整改成效' };
/** why a unit's grade is below what its total earns */
export const METHOD = { THRESHOLD: '达标', LINEAR: '比例', DEDUCTION: '扣分', QUALITATIVE: '定性', BONUS: '加分', VETO: '一票否决' };
export const COMPARISON = { AT_LEAST: '不少于', AT_MOST: '不多于' };
/** the departments that own indicators; a scheme may name others */
export const DEPARTMENT = { organization: '组织部', discipline: '纪委监委', propaganda: '宣传部', 'united-front': '统战部' };
export const GRADE_REASON = { veto: '一票否决', quota: '“好”等次名额已满' };
export const WARNING = { GREEN: '绿色', YELLOW: '黄色', RED: '红色' };
export const SOURCE = { INSPECTION: '巡察', POLITICAL_TALK: '政治谈话', ASSESSMENT: '考核', EVALUATION_COMMENT: '述职评议点评',
  SELF_CHECK: '自查', LETTERS_AND_VISITS: '信访', AUDIT: '审计' };
export const TIMING = { IMMEDIATE: '即知即改', ON_THE_SPOT: '立行立改', FULL: '全面整改' };
export const ITEM_STATE = { ISSUED: '已交办', PLAN_SUBMITTED: '方案待审', PLAN_SENT_BACK: '方案退回', PLAN_APPROVED: '方案通过',
  IN_PROGRESS: '整改中', REPORT_SUBMITTED: '报告待验收', REPORT_SENT_BACK: '报告退回', CLOSED: '已销号',
  FOLLOW_UP_DUE: '待回头看', SUSTAINED: '巩固', REOPENED: '重新整改', WITHDRAWN: '已撤销' };
export const CLUE_STATUS = { TRANSFERRED: '已移交', VERIFYING: '初核中', CONCLUDED: '已办结' };
export const DISPOSITION = { FIRST_FORM: '第一种形态', SECOND_FORM: '第二种形态', THIRD_FORM: '第三种形态',
  FOURTH_FORM: '第四种形态', EXEMPTED: '容错免责', CLEARED: '澄清正名', NO_ISSUE: '予以了结' };
export const DELIVERY_STATE = { PENDING: '待投递', DELIVERED: '已送达', PARKED: '投递失败', CANCELLED: '已取消' };
/** the events an OA system may subscribe to (the event catalogue's, less the platform's internal ones) */
export const EVENT = { RectificationItemIssued: '整改事项交办', RectificationItemOverdue: '整改事项逾期',
  RectificationItemClosed: '整改事项销号', RectificationItemReopened: '整改事项重新整改', RectificationItemWithdrawn: '整改事项撤销',
  TaskIssued: '工作任务下达', TaskOverdue: '工作任务逾期', TaskCompleted: '工作任务完成', TaskWithdrawn: '工作任务撤销',
  AssessmentResultLocked: '考核结果锁定', BallotResultsSealed: '述职评议结果封存' };
/** each service keeps the audit trail of its own requests */
export const SERVICES = { assessment: '考核服务', rectification: '整改服务', ballots: '评议投票服务', webhooks: '推送服务' };
