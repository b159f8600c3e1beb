/** Enumerations with their Chinese labels. Stored values are the English codes. */

function labels<const K extends string>(map: Record<K, string>) {
  const values = Object.keys(map) as [K, ...K[]];
  return { values, label: map, options: values.map((value) => ({ value, label: map[value] })) };
}

export const Industry = labels({
  INDUSTRY_TRADE: '工贸',
  HAZARDOUS_CHEMICALS: '危险化学品',
  CONSTRUCTION: '建筑施工',
  MINING: '矿山',
  TRANSPORT: '交通运输',
  OTHER: '其他',
});
export type Industry = (typeof Industry.values)[number];

/** 工贸 sub-sectors (the 行业类 groups of 应急管理部令第10号), plus 商贸 and 其他. */
export const IndustrySector = labels({
  METALLURGY: '冶金',
  NONFERROUS: '有色',
  BUILDING_MATERIALS: '建材',
  MACHINERY: '机械',
  LIGHT_INDUSTRY: '轻工',
  TEXTILE: '纺织',
  TOBACCO: '烟草',
  COMMERCE: '商贸',
  OTHER: '其他',
});
export type IndustrySector = (typeof IndustrySector.values)[number];

export const UnitKind = labels({
  COMPANY: '公司',
  DEPARTMENT: '部门',
  WORKSHOP: '车间',
  TEAM: '班组',
});
export type UnitKind = (typeof UnitKind.values)[number];

export const PostCategory = labels({
  FRONTLINE: '一线岗位',
  MANAGEMENT: '管理岗位',
});
export type PostCategory = (typeof PostCategory.values)[number];

export const EmploymentType = labels({
  REGULAR: '正式',
  DISPATCHED: '劳务派遣',
  FLEXIBLE: '灵活用工',
  INTERN: '实习',
  CONTRACTOR: '外包/相关方',
});
export type EmploymentType = (typeof EmploymentType.values)[number];

export const PersonStatus = labels({
  ACTIVE: '在职',
  LEFT: '离职',
});
export type PersonStatus = (typeof PersonStatus.values)[number];

export const Gender = labels({ M: '男', F: '女' });
export type Gender = (typeof Gender.values)[number];

export const CertReviewResult = labels({ PASSED: '复审合格', FAILED: '复审不合格' });
export type CertReviewResult = (typeof CertReviewResult.values)[number];

export const CertStatus = labels({ VALID: '有效', REVOKED: '已注销' });
export type CertStatus = (typeof CertStatus.values)[number];

/** Computed state of a certificate on a given day. */
export const CertDueState = labels({
  EXPIRED: '已过期',
  REVIEW_OVERDUE: '复审逾期',
  DUE: '临期',
  VALID: '有效',
  REVOKED: '已注销',
});
export type CertDueState = (typeof CertDueState.values)[number];

export const AuditAction = labels({
  CREATE: '新增',
  UPDATE: '修改',
  DELETE: '删除',
  ARCHIVE: '归档',
  RESTORE: '恢复',
  REVEAL: '查看敏感信息',
  IMPORT: '批量导入',
  SYSTEM: '系统操作',
});
export type AuditAction = (typeof AuditAction.values)[number];

export const AuditChannel = labels({ UI: '界面', CLI: '命令行', SYSTEM: '系统' });
export type AuditChannel = (typeof AuditChannel.values)[number];

export const DutyCategory = labels({
  ORGANIZATION: '组织领导',
  RULES: '制度规程',
  TRAINING: '教育培训',
  INVESTMENT: '安全投入',
  RISK: '风险管控',
  HAZARD: '隐患排查',
  EMERGENCY: '应急管理',
  ACCIDENT: '事故报告',
  HEALTH: '职业健康',
  CONTRACTOR: '相关方管理',
});
export type DutyCategory = (typeof DutyCategory.values)[number];

/** GB 6441-1986 accident types (企业职工伤亡事故分类), used by risks and post cards. */
export const ACCIDENT_TYPES = [
  '物体打击', '车辆伤害', '机械伤害', '起重伤害', '触电', '淹溺', '灼烫', '火灾', '高处坠落', '坍塌',
  '冒顶片帮', '透水', '放炮', '火药爆炸', '瓦斯爆炸', '锅炉爆炸', '容器爆炸', '其它爆炸', '中毒和窒息', '其它伤害',
] as const;
export type AccidentType = (typeof ACCIDENT_TYPES)[number];

export const WorkPhase = labels({ BEFORE: '作业前', DURING: '作业中', AFTER: '作业后' });
export type WorkPhase = (typeof WorkPhase.values)[number];

export const RISK_STAGES = ['作业前', '作业中', '作业后', '检修时', '全过程'] as const;

export const AckMethod = labels({ ON_SCREEN: '屏幕签名', PAPER: '纸质签字录入' });
export type AckMethod = (typeof AckMethod.values)[number];

export const PeriodKind = labels({ MONTH: '月度', QUARTER: '季度', YEAR: '年度' });
export type PeriodKind = (typeof PeriodKind.values)[number];

export const RiskLevel = labels({ MAJOR: '重大风险', HIGH: '较大风险', MEDIUM: '一般风险', LOW: '低风险' });
export type RiskLevel = (typeof RiskLevel.values)[number];

/** The four colours of 风险分级 (红橙黄蓝), with their names: always shown with the text label too. */
export const RISK_COLORS: Record<RiskLevel, { hex: string; name: string; pale: string }> = {
  MAJOR: { hex: '#e02020', name: '红', pale: '#fde2e2' },
  HIGH: { hex: '#fa8c16', name: '橙', pale: '#ffe7cc' },
  MEDIUM: { hex: '#fadb14', name: '黄', pale: '#fff8c5' },
  LOW: { hex: '#1677ff', name: '蓝', pale: '#dbe9ff' },
};

/** Most severe first. */
export const RISK_LEVEL_ORDER: readonly RiskLevel[] = ['MAJOR', 'HIGH', 'MEDIUM', 'LOW'];

export const RiskKind = labels({ AREA: '场所/区域', EQUIPMENT: '设备设施', ACTIVITY: '作业活动' });
export type RiskKind = (typeof RiskKind.values)[number];

export const HazardCategory = labels({ PERSON: '人的因素', MATERIAL: '物的因素', ENVIRONMENT: '环境因素', MANAGEMENT: '管理因素' });
export type HazardCategory = (typeof HazardCategory.values)[number];

export const MeasureCategory = labels({ ENGINEERING: '工程技术', MANAGEMENT: '管理措施', TRAINING: '培训教育', PPE: '个体防护', EMERGENCY: '应急处置' });
export type MeasureCategory = (typeof MeasureCategory.values)[number];

export const ControlLevel = labels({ COMPANY: '公司级', DEPARTMENT: '部门（车间）级', TEAM: '班组级', POST: '岗位级' });
export type ControlLevel = (typeof ControlLevel.values)[number];

export const RiskMethod = labels({ LEC: '作业条件危险性评价法（LEC）', LS: '风险矩阵法（LS）', DIRECT: '直接判定为重大风险' });
export type RiskMethod = (typeof RiskMethod.values)[number];

// ---- 隐患排查治理 ----
export const CheckTier = labels({ DAY: '日检查', WEEK: '周检查', MONTH: '月检查', SPECIAL: '专项检查', SEASONAL: '季节性检查', HOLIDAY: '节假日前后检查', ADHOC: '临时检查' });
export const CheckFrequency = labels({ DAILY: '每天（每班）', WEEKLY: '每周', MONTHLY: '每月', QUARTERLY: '每季度', ONCE: '一次' });
export const CheckScopeKind = labels({ UNIT: '单位', AREA: '区域', RISK_POINT: '风险点' });
export const CheckItemCategory = labels({ BASIC: '基础管理类', SITE: '现场管理类' });
export const CheckMethod = labels({ DOC: '查资料', ASK: '询问', LOOK: '现场查看', TEST: '检测' });
export const CheckResult = labels({ PASS: '合格', FAIL: '不合格', NA: '不适用' });
export const CheckTaskState = labels({ DUE: '待检查', DONE: '已检查', LATE: '补做', MISSED: '漏检', UPCOMING: '未开始' });
export const HazardSource = labels({ DAY: '日检查', WEEK: '周检查', MONTH: '月检查', SPECIAL: '专项/季节性/节假日检查', ADHOC: '随机发现', DRILL: '应急演练', EXTERNAL: '外部检查', REPORT: '员工举报', STANDARD: '标准化自评' });
export const HazardKind = labels({ PERSON: '人的不安全行为', THING: '物的不安全状态', MANAGEMENT: '管理缺陷' });
export const HazardScope = labels({ BASIC: '基础管理', SITE: '现场管理' });
export const HazardStatus = labels({ PENDING: '待整改', IN_PROGRESS: '整改中', AWAITING_REVIEW: '待复查', CLOSED: '已销号' });
export const HazardPhotoStage = labels({ FOUND: '隐患照片', RECTIFIED: '整改后照片', REINSPECTED: '复查照片' });
export const HazardEventKind = labels({
  REGISTER: '登记',
  UPDATE: '修改',
  START: '下发整改通知',
  EXTEND: '延期',
  SUBMIT: '整改完成，申请复查',
  REINSPECT_PASS: '复查合格',
  REINSPECT_FAIL: '复查不合格，退回整改',
  CLOSE: '销号',
  REOPEN: '重新打开',
  PLAN: '编制治理方案',
  APPROVE: '主要负责人批准治理方案',
  REPORT: '报告监管部门',
});
export type CheckTier = (typeof CheckTier.values)[number];
export type CheckFrequency = (typeof CheckFrequency.values)[number];
export type HazardStatus = (typeof HazardStatus.values)[number];
export type HazardSource = (typeof HazardSource.values)[number];

// ---- 应急预案与演练 ----
export const EmergencyPlanType = labels({ COMPREHENSIVE: '综合应急预案', SPECIFIC: '专项应急预案', ONSITE: '现场处置方案' });
export const PlanReviewMethod = labels({ REVIEW: '评审', ARGUMENT: '论证' });
export const PlanVersionStatus = labels({ DRAFT: '草稿', IN_FORCE: '现行有效', SUPERSEDED: '已被替代' });
export const PlanTriggerKind = labels({
  LAW: '法律法规、标准发生变化',
  ORGANISATION: '应急指挥机构及其职责调整',
  RISK: '面临的安全风险发生重大变化',
  RESOURCE: '重要应急资源发生重大变化',
  DRILL: '演练中发现问题',
  INCIDENT: '应急救援中发现问题',
  OTHER: '其他情形',
});
export const DrillScope = labels({ FULL: '综合演练', SINGLE: '单项演练' });
export const DrillForm = labels({ LIVE: '实战演练', TABLETOP: '桌面演练' });
export const DrillPurpose = labels({ TEST: '检验性演练', DEMONSTRATION: '示范性演练', RESEARCH: '研究性演练' });
export const DrillItemState = labels({ PLANNED: '计划中', DUE: '本月应演练', DONE: '已演练', LATE: '延后完成', MISSED: '未按计划演练', CANCELLED: '已取消' });
export const DrillRating = labels({ GOOD: '好', FAIR: '一般', POOR: '差', NA: '不涉及' });
export const DrillOverall = labels({ EXCELLENT: '优秀', GOOD: '良好', FAIR: '一般', POOR: '较差' });
export const SignMethod = labels({ ON_SCREEN: '屏幕签名', PAPER: '纸质签到表' });
export const ComplianceState = labels({ MET: '已满足', DUE: '进行中', MISSED: '未满足', UPCOMING: '未开始', NOT_REPORTED: '已演练未报送' });

// ---- 教育培训 ----
export const TrainingType = labels({
  INDUCTION_COMPANY: '三级教育（厂级）',
  INDUCTION_WORKSHOP: '三级教育（车间级）',
  INDUCTION_TEAM: '三级教育（班组级）',
  ROUTINE: '日常培训',
  SPECIAL: '专项培训',
  REFRESHER: '再培训',
  SPECIAL_OPERATION: '特种作业培训',
  CARDS: '两单两卡培训',
  EMERGENCY: '应急培训',
});
export const ExamMethod = labels({ NONE: '不考核', WRITTEN: '笔试', ORAL: '口试', PRACTICAL: '实际操作' });
/** Whom the hour requirements of 生产经营单位安全培训规定 apply to. */
export const TraineeRole = labels({ PRINCIPAL: '主要负责人', SAFETY_MANAGER: '安全生产管理人员', STAFF: '从业人员' });
export type EmergencyPlanType = (typeof EmergencyPlanType.values)[number];
export type DrillScope = (typeof DrillScope.values)[number];
export type DrillForm = (typeof DrillForm.values)[number];
export type TrainingType = (typeof TrainingType.values)[number];
export type TraineeRole = (typeof TraineeRole.values)[number];
export type ComplianceState = (typeof ComplianceState.values)[number];

// ---- 安全生产标准化 ----
/** What an evidence link points at: a record in the app, a ledger period, or an attached file. */
export const EvidenceKind = labels({
  DUTY_LIST: '岗位责任清单',
  COMMITMENT: '安全生产承诺书',
  AGREEMENT: '目标责任书',
  RISK_REGISTER: '风险分级管控清单',
  HAZARD_LEDGER: '隐患排查治理台账（期间）',
  CHECK_RECORD: '检查记录',
  EMERGENCY_PLAN: '应急预案',
  DRILL: '应急演练记录',
  TRAINING_SESSION: '培训记录',
  DOCUMENT: '已打印文件（登记册）',
  ATTACHMENT: '附件',
});
export type EvidenceKind = (typeof EvidenceKind.values)[number];
export const StdSessionStatus = labels({ OPEN: '自评中', FINISHED: '已完成' });
