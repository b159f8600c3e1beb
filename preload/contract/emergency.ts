/**
 * 应急预案: plans (综合/专项/现场处置方案) with versions, review (评审/论证),
 * the principal's signature, issue, 告知性备案 within N working days, periodic
 * revision and the triggers that force one; 应急处置卡 for key posts generated
 * from the 现场处置方案. Settings: filing days, revision period, drill rules.
 */
import { z } from 'zod';
import { mutation, query } from './define.ts';
import { bool, date, id, input, int, none, oneOf, optDate, optId, optText, text } from './fields.ts';
import { ACCIDENT_TYPES, EmergencyPlanType, PlanReviewMethod, PlanTriggerKind, PlanVersionStatus } from './enums.ts';
import { CardScenario } from './cards.ts';

export const PlanContact = z.object({
  role: text('联系对象', 20),
  name: optText('联系人', 20),
  phone: text('联系电话', 30),
});
export type PlanContact = z.infer<typeof PlanContact>;

export const EmergencyPlanInput = {
  code: text('预案编号', 30),
  name: text('预案名称', 60),
  planType: oneOf('预案类型', EmergencyPlanType.values),
  parentId: optId('上级预案'),
  accidentTypes: z.array(z.enum(ACCIDENT_TYPES, { error: '请选择 GB 6441 规定的事故类型' })).max(20).default([]),
  unitId: optId('适用单位'),
  /** Key posts that carry the plan's 应急处置卡 (现场处置方案 only). */
  postIds: z.array(id('岗位')).max(100).default([]),
};

export const PlanVersionInput = {
  version: text('版本号', 20),
  reviewMethod: z.enum(PlanReviewMethod.values, { error: '请选择评审或论证' }).nullable().optional().transform((v) => v ?? null),
  reviewedOn: optDate('评审/论证日期'),
  reviewNote: optText('评审/论证意见', 1000),
  signedById: optId('签署人'),
  signedOn: optDate('主要负责人签署日期'),
  changeSummary: optText('修订说明', 1000),
  /** 现场处置方案: 事故风险描述. */
  riskDescription: optText('事故风险描述', 1000),
  /** 现场处置方案: scenarios with first actions and cautions (cards are generated from these). */
  scenarios: z.array(CardScenario).max(8).default([]),
  contacts: z.array(PlanContact).max(12).default([]),
  /** Blank: issue date + the configured revision period. */
  nextRevisionOn: optDate('下次修订（评估）日期'),
};

export const AttachmentRef = z.object({ attachmentId: z.string(), originalName: z.string(), mimeType: z.string(), sizeBytes: z.number().int() });
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const FilingState = z.object({
  state: z.enum(['FILED', 'FILED_LATE', 'PENDING', 'OVERDUE']),
  /** The last day for filing: issue date + N working days. */
  dueOn: z.string(),
  /** Working days late (FILED_LATE, OVERDUE) or left (PENDING). */
  workdays: z.number().int(),
});
export type FilingState = z.infer<typeof FilingState>;

export const RevisionState = z.object({
  state: z.enum(['OK', 'DUE_SOON', 'OVERDUE', 'TRIGGERED']),
  dueOn: z.string().nullable(),
});

export const PlanVersion = z.object({
  id: z.string(),
  planId: z.string(),
  version: z.string(),
  status: z.enum(PlanVersionStatus.values),
  reviewMethod: z.enum(PlanReviewMethod.values).nullable(),
  reviewedOn: z.string().nullable(),
  reviewNote: z.string().nullable(),
  signedById: z.string().nullable(),
  signedByName: z.string().nullable(),
  signedOn: z.string().nullable(),
  issuedOn: z.string().nullable(),
  filedOn: z.string().nullable(),
  filingAuthority: z.string().nullable(),
  filingReceiptNo: z.string().nullable(),
  nextRevisionOn: z.string().nullable(),
  changeSummary: z.string().nullable(),
  riskDescription: z.string().nullable(),
  scenarios: z.array(CardScenario),
  contacts: z.array(PlanContact),
  filing: FilingState.nullable(),
  /** 预案文本 (PDF/Word), 评审意见, 签发页 etc. */
  files: z.array(AttachmentRef),
  /** 备案回执. */
  receipts: z.array(AttachmentRef),
  updatedAtMs: z.number(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const PlanTrigger = z.object({
  id: z.string(),
  planId: z.string(),
  kind: z.enum(PlanTriggerKind.values),
  occurredOn: z.string(),
  description: z.string(),
  dueOn: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  drillId: z.string().nullable(),
  drillCode: z.string().nullable(),
  resolvedVersion: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type PlanTrigger = z.infer<typeof PlanTrigger>;

export const EmergencyPlanRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  planType: z.enum(EmergencyPlanType.values),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  accidentTypes: z.array(z.string()),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  postIds: z.array(z.string()),
  postNames: z.array(z.string()),
  /** The version in force, if any. */
  current: z.object({ id: z.string(), version: z.string(), issuedOn: z.string(), filedOn: z.string().nullable(), nextRevisionOn: z.string().nullable() }).nullable(),
  draftVersionId: z.string().nullable(),
  filing: FilingState.nullable(),
  revision: RevisionState.nullable(),
  openTriggers: z.number().int(),
  cardCount: z.number().int(),
  lastDrillOn: z.string().nullable(),
  archived: z.boolean(),
  /** What is wrong, in Chinese (empty when in order). */
  warnings: z.array(z.string()),
});
export type EmergencyPlanRow = z.infer<typeof EmergencyPlanRow>;

export const EmergencyPlan = EmergencyPlanRow.extend({
  versions: z.array(PlanVersion),
  triggers: z.array(PlanTrigger),
  drills: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), drillDate: z.string() })),
});
export type EmergencyPlan = z.infer<typeof EmergencyPlan>;

export const EmergencyCard = z.object({
  id: z.string(),
  postId: z.string(),
  postName: z.string(),
  unitName: z.string(),
  planId: z.string(),
  planCode: z.string(),
  planName: z.string(),
  title: z.string(),
  scenarios: z.array(CardScenario),
  contacts: z.array(PlanContact),
  revision: z.number().int(),
  /** The plan version it was generated from. */
  sourceVersion: z.string(),
  /** The plan has a newer version in force than the one the card came from. */
  stale: z.boolean(),
  /** The post's current 两单两卡 card set (its 岗位应急处置卡), when one exists. */
  linkedCardSet: z.object({ id: z.string(), version: z.number().int(), scenarioCount: z.number().int() }).nullable(),
  updatedAtMs: z.number(),
});
export type EmergencyCard = z.infer<typeof EmergencyCard>;

export const DrillRule = z.object({
  key: z.string(),
  label: z.string(),
  period: z.enum(['YEAR', 'HALF_YEAR']),
  minCount: z.number().int(),
  /** Drills of plans of these types count. */
  planTypes: z.array(z.enum(EmergencyPlanType.values)),
  /** The drill must also have been reported to the regulator to count. */
  requireReport: z.boolean(),
  /** ALL enterprises, or only those in the listed high-risk industries. */
  appliesTo: z.enum(['ALL', 'HIGH_RISK']),
  basis: z.string(),
  enabled: z.boolean(),
});
export type DrillRule = z.infer<typeof DrillRule>;

export const EmergencySettings = z.object({
  /** 告知性备案 is due within this many working days of issue (national rule: 20). */
  filingWorkdays: z.number().int(),
  /** Default period between revisions/evaluations, in years (3). */
  revisionYears: z.number().int(),
  /** Warn this many days before a revision falls due. */
  revisionDueSoonDays: z.number().int(),
  drillRules: z.array(DrillRule),
  /** Enterprise industries (Industry codes, or `SECTOR:<code>`) under 应急条例 第八条. */
  reportIndustries: z.array(z.string()),
  /** null: decided by the enterprise's industry; true/false: set by hand. */
  highRiskOverride: z.boolean().nullable(),
});
export type EmergencySettings = z.infer<typeof EmergencySettings>;

export const EmergencySettingsInput = input({
  filingWorkdays: int('备案期限（工作日）', 1, 60).optional(),
  revisionYears: int('修订（评估）周期（年）', 1, 10).optional(),
  revisionDueSoonDays: int('修订提前提醒天数', 1, 365).optional(),
  drillRules: z
    .array(
      DrillRule.extend({
        key: text('规则代码', 40),
        label: text('规则名称', 200),
        minCount: int('最少演练次数', 1, 12),
        planTypes: z.array(z.enum(EmergencyPlanType.values)).min(1, '请至少选择一种预案类型'),
        basis: text('依据', 200),
      }),
    )
    .max(10)
    .refine((l) => new Set(l.map((r) => r.key)).size === l.length, '规则代码不能重复')
    .optional(),
  reportIndustries: z.array(text('行业', 40)).max(20).optional(),
  highRiskOverride: z.boolean().nullable().optional(),
});

export const EmergencyDashboard = z.object({
  plans: z.object({ inForce: z.number().int(), drafts: z.number().int(), filingPending: z.number().int(), filingOverdue: z.number().int(), revisionDue: z.number().int() }),
  drills: z.object({
    year: z.number().int(),
    done: z.number().int(),
    planned: z.number().int(),
    missedItems: z.number().int(),
    /** Each applicable rule's state for the period that contains today. */
    rules: z.array(z.object({ label: z.string(), periodLabel: z.string(), state: z.string(), done: z.number().int(), required: z.number().int() })),
    next: z.object({ month: z.number().int(), scenario: z.string(), planName: z.string() }).nullable(),
  }),
  training: z.object({ sessions: z.number().int(), personHours: z.number(), inductionMissing: z.number().int(), postChangeMissing: z.number().int(), shortHours: z.number().int() }),
});

export const emergencyContract = {
  'emergency.dashboard': query('工作台：应急预案、演练和培训概况', none, EmergencyDashboard),
  'emergencyPlan.list': query(
    '应急预案清单：类型、现行版本、备案和修订状态、未处理的修订事项',
    input({ planType: z.enum(EmergencyPlanType.values).optional(), includeArchived: z.boolean().default(false), search: optText('关键词', 60) }),
    z.array(EmergencyPlanRow),
  ),
  'emergencyPlan.get': query('应急预案详情：各版本、备案、修订事项、应急处置卡、演练', input({ id: id('应急预案') }), EmergencyPlan),
  'emergencyPlan.create': mutation('新建应急预案（同时建立 V1.0 草稿）', input(EmergencyPlanInput), EmergencyPlan),
  'emergencyPlan.update': mutation('修改应急预案的编号、名称、类型、适用范围和岗位', input({ id: id('应急预案'), ...EmergencyPlanInput }), EmergencyPlan),
  'emergencyPlan.archive': mutation('废止应急预案（保留历史版本和演练记录）', input({ id: id('应急预案'), reason: text('废止原因', 200) }), EmergencyPlan),
  'planVersion.saveDraft': mutation('新建或修改预案的修订草稿（每个预案最多一份草稿）', input({ planId: id('应急预案'), ...PlanVersionInput }), EmergencyPlan),
  'planVersion.issue': mutation(
    '发布预案版本：须已评审或论证、由主要负责人签署；原现行版本被替代，已记录的修订事项随之关闭',
    input({ versionId: id('预案版本'), issuedOn: date('发布日期') }),
    EmergencyPlan,
  ),
  'planVersion.file': mutation(
    '登记告知性备案：备案日期、受理部门、回执编号和回执扫描件',
    input({
      versionId: id('预案版本'),
      filedOn: date('备案日期'),
      filingAuthority: text('受理部门', 60),
      filingReceiptNo: optText('备案回执编号', 40),
      receiptIds: z.array(id('回执')).max(10).default([]),
    }),
    EmergencyPlan,
  ),
  'planVersion.attach': mutation(
    '为预案版本添加文件（预案文本、评审意见、签发页等，PDF/Word/图片）',
    input({ versionId: id('预案版本'), attachmentIds: z.array(id('文件')).min(1, '请选择文件').max(20) }),
    EmergencyPlan,
  ),
  'planVersion.detach': mutation('从草稿版本中移除文件（已发布版本的文件不能移除）', input({ versionId: id('预案版本'), attachmentId: id('文件') }), EmergencyPlan),
  'planTrigger.create': mutation(
    '记录预案修订事项（法规变化、机构调整、风险或资源变化、演练或救援中发现问题）',
    input({
      planId: id('应急预案'),
      kind: oneOf('修订情形', PlanTriggerKind.values),
      occurredOn: date('发生日期'),
      description: text('情况说明', 500),
      dueOn: optDate('完成修订期限'),
      ownerId: optId('负责人'),
    }),
    EmergencyPlan,
  ),
  'emergencyCard.list': query('应急处置卡（按预案或岗位）', input({ planId: optId('应急预案'), postId: optId('岗位') }), z.array(EmergencyCard)),
  'emergencyCard.get': query('应急处置卡详情', input({ id: id('应急处置卡') }), EmergencyCard),
  'emergencyCard.generate': mutation(
    '由现场处置方案（现行版本）为关键岗位生成或更新应急处置卡',
    input({ planId: id('现场处置方案'), postIds: z.array(id('岗位')).min(1, '请至少选择一个岗位').max(100) }),
    z.array(EmergencyCard),
  ),
  'emergencyCard.update': mutation(
    '修改应急处置卡内容',
    input({ id: id('应急处置卡'), title: text('卡片标题', 40), scenarios: z.array(CardScenario).min(1, '至少要有一个事故情形').max(4, '一张卡片最多 4 个事故情形'), contacts: z.array(PlanContact).max(8, '卡片最多 8 个联系电话') }),
    EmergencyCard,
  ),
  'emergencyCard.remove': mutation('删除应急处置卡', input({ id: id('应急处置卡') }), z.object({ ok: z.literal(true) })),
  'emergencySettings.get': query('应急管理设置：备案期限、修订周期、演练频次规则（按行业）', none, EmergencySettings.extend({ highRisk: bool('高危行业'), highRiskBasis: z.string() })),
  'emergencySettings.update': mutation('修改应急管理设置', EmergencySettingsInput, EmergencySettings.extend({ highRisk: z.boolean(), highRiskBasis: z.string() })),
};
