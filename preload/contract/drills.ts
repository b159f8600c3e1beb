/**
 * 应急演练: the annual drill plan, frequency compliance against the rules in the
 * emergency settings, the calendar, drill records (sign-in, timeline, photos,
 * video), the AQ/T 9009 evaluation, the summary report, and problems turned
 * into hazards or plan-revision tasks.
 */
import { z } from 'zod';
import { mutation, query } from './define.ts';
import { bool, date, id, input, int, none, oneOf, optDate, optId, optText, text } from './fields.ts';
import { ComplianceState, DrillForm, DrillItemState, DrillOverall, DrillPurpose, DrillRating, DrillScope, EmergencyPlanType, SignMethod } from './enums.ts';
import { AttachmentRef } from './emergency.ts';

const money = z
  .number({ error: '预算应为数字（元）' })
  .min(0, '预算不能为负数')
  .max(1e9, '预算过大，请以元为单位填写')
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const clock = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}应为 24 小时制时间，如 09:30`);

export const DrillPlanItemInput = {
  year: int('年度', 2000, 2100),
  planId: id('演练的应急预案'),
  scenario: text('演练情景', 200),
  scope: oneOf('演练内容（综合/单项）', DrillScope.values),
  form: oneOf('演练形式（实战/桌面）', DrillForm.values),
  plannedMonth: int('计划月份', 1, 12),
  organiserUnitId: id('组织部门'),
  participants: text('参演部门/人员', 200),
  budget: money,
  notes: optText('备注', 300),
};

export const DrillPlanItem = z.object({
  id: z.string(),
  year: z.number().int(),
  planId: z.string(),
  planCode: z.string(),
  planName: z.string(),
  planType: z.enum(EmergencyPlanType.values),
  scenario: z.string(),
  scope: z.enum(DrillScope.values),
  form: z.enum(DrillForm.values),
  plannedMonth: z.number().int(),
  organiserUnitId: z.string(),
  organiserUnitName: z.string(),
  participants: z.string(),
  budget: z.number().nullable(),
  notes: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  state: z.enum(DrillItemState.values),
  drillId: z.string().nullable(),
  drillCode: z.string().nullable(),
  drillDate: z.string().nullable(),
});
export type DrillPlanItem = z.infer<typeof DrillPlanItem>;

export const DrillYearPlan = z.object({
  year: z.number().int(),
  items: z.array(DrillPlanItem),
  compiledBy: z.string().nullable(),
  approvedById: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedOn: z.string().nullable(),
  budgetTotal: z.number(),
});
export type DrillYearPlan = z.infer<typeof DrillYearPlan>;

export const DrillRef = z.object({ id: z.string(), code: z.string(), title: z.string(), drillDate: z.string(), planType: z.enum(EmergencyPlanType.values), reportedOn: z.string().nullable() });

export const DrillCompliance = z.object({
  year: z.number().int(),
  highRisk: z.boolean(),
  highRiskBasis: z.string(),
  rules: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      basis: z.string(),
      requireReport: z.boolean(),
      periods: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          from: z.string(),
          to: z.string(),
          required: z.number().int(),
          /** Drills that count (reported ones when the rule requires a report). */
          done: z.number().int(),
          state: z.enum(ComplianceState.values),
          drills: z.array(DrillRef),
          /** Open plan items of the period that would satisfy the rule. */
          planned: z.number().int(),
        }),
      ),
    }),
  ),
  /** Plain-language shortfalls, most urgent first. */
  shortfalls: z.array(z.string()),
});
export type DrillCompliance = z.infer<typeof DrillCompliance>;

export const DrillCalendarEntry = z.object({
  month: z.number().int(),
  kind: z.enum(['PLANNED', 'DONE', 'LATE', 'MISSED', 'CANCELLED', 'UNPLANNED']),
  title: z.string(),
  planType: z.enum(EmergencyPlanType.values),
  itemId: z.string().nullable(),
  drillId: z.string().nullable(),
  date: z.string().nullable(),
});

export const DrillParticipantInput = z.object({
  personId: optId('参演人员'),
  name: text('参演人员姓名', 30),
  role: optText('演练角色', 30),
  signMethod: z.enum(SignMethod.values).nullable().optional().transform((v) => v ?? null),
  signatureAttachmentId: optId('签名'),
});

export const DrillStepInput = z.object({ time: clock('时间'), action: text('行动内容', 200), actor: optText('执行人', 40) });

export const DrillInput = {
  planItemId: optId('年度计划项'),
  planId: id('应急预案'),
  title: text('演练名称', 60),
  scope: oneOf('演练内容（综合/单项）', DrillScope.values),
  form: oneOf('演练形式（实战/桌面）', DrillForm.values),
  purpose: oneOf('演练目的', DrillPurpose.values),
  drillDate: date('演练日期'),
  startTime: clock('开始时间'),
  endTime: clock('结束时间'),
  place: text('演练地点', 100),
  commanderId: optId('总指挥'),
  commanderName: text('总指挥', 30),
  organiserUnitId: id('组织部门'),
  scenario: text('事故情景', 1000),
  resourcesUsed: optText('使用的应急资源（器材、物资、车辆）', 1000),
  observers: optText('观摩人员', 300),
  interruptions: optText('中断或异常情况', 500),
  participants: z.array(DrillParticipantInput).max(500).default([]),
  steps: z.array(DrillStepInput).max(60).default([]),
  photoIds: z.array(id('照片')).max(30).default([]),
  videoIds: z.array(id('视频')).max(10).default([]),
  signInAttachmentId: optId('签到表扫描件'),
};

export const EvaluationPoint = z.object({ code: z.string(), rating: z.enum(DrillRating.values), comment: z.string().nullable() });

export const DrillProblem = z.object({
  id: z.string(),
  seq: z.number().int(),
  description: z.string(),
  cause: z.string().nullable(),
  suggestion: z.string().nullable(),
  hazardId: z.string().nullable(),
  hazardCode: z.string().nullable(),
  hazardStatus: z.string().nullable(),
  triggerId: z.string().nullable(),
  triggerResolved: z.boolean(),
});

export const DrillEvaluation = z.object({
  evaluatedOn: z.string(),
  evaluators: z.string(),
  onSiteComments: z.string().nullable(),
  preparation: z.string().nullable(),
  performance: z.string().nullable(),
  points: z.array(EvaluationPoint),
  objectivesMet: z.boolean(),
  overall: z.enum(DrillOverall.values),
  needsPlanRevision: z.boolean(),
  revisionReason: z.string().nullable(),
});

export const DrillSummary = z.object({
  purpose: z.string(),
  schemeSummary: z.string(),
  lessons: z.string().nullable(),
  improvements: z.string().nullable(),
  writtenBy: z.string(),
  writtenOn: z.string(),
});

export const DrillRow = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  planItemId: z.string().nullable(),
  planId: z.string(),
  planCode: z.string(),
  planName: z.string(),
  planType: z.enum(EmergencyPlanType.values),
  scope: z.enum(DrillScope.values),
  form: z.enum(DrillForm.values),
  drillDate: z.string(),
  place: z.string(),
  commanderName: z.string(),
  organiserUnitName: z.string(),
  participantCount: z.number().int(),
  signedCount: z.number().int(),
  evaluated: z.boolean(),
  summarised: z.boolean(),
  problemCount: z.number().int(),
  /** Problems neither turned into a hazard nor a revision task. */
  openProblemCount: z.number().int(),
  reportedOn: z.string().nullable(),
  /** High-risk industry: the drill must be reported to the regulator. */
  needsReport: z.boolean(),
});
export type DrillRow = z.infer<typeof DrillRow>;

export const Drill = DrillRow.extend({
  purpose: z.enum(DrillPurpose.values),
  startTime: z.string(),
  endTime: z.string(),
  commanderId: z.string().nullable(),
  organiserUnitId: z.string(),
  scenario: z.string(),
  resourcesUsed: z.string().nullable(),
  observers: z.string().nullable(),
  interruptions: z.string().nullable(),
  reportedTo: z.string().nullable(),
  participants: z.array(
    z.object({
      personId: z.string().nullable(),
      name: z.string(),
      unitName: z.string().nullable(),
      role: z.string().nullable(),
      signMethod: z.enum(SignMethod.values).nullable(),
      signatureAttachmentId: z.string().nullable(),
    }),
  ),
  steps: z.array(z.object({ time: z.string(), action: z.string(), actor: z.string().nullable() })),
  photos: z.array(AttachmentRef),
  videos: z.array(AttachmentRef),
  signInAttachmentId: z.string().nullable(),
  evaluation: DrillEvaluation.nullable(),
  problems: z.array(DrillProblem),
  summary: DrillSummary.nullable(),
  /** What is still missing for a complete drill file, in Chinese. */
  missing: z.array(z.string()),
});
export type Drill = z.infer<typeof Drill>;

export const EvaluationFunction = z.object({
  code: z.string(),
  name: z.string(),
  points: z.array(z.object({ code: z.string(), text: z.string() })),
});

export const drillsContract = {
  'drillPlan.get': query('年度应急演练计划：计划项及其完成情况、编制和批准', input({ year: int('年度', 2000, 2100) }), DrillYearPlan),
  'drillPlan.createItem': mutation('新增年度演练计划项', input(DrillPlanItemInput), DrillYearPlan),
  'drillPlan.updateItem': mutation('修改演练计划项（已演练的不能改预案和年度）', input({ id: id('演练计划项'), ...DrillPlanItemInput }), DrillYearPlan),
  'drillPlan.cancelItem': mutation('取消演练计划项（须说明原因）', input({ id: id('演练计划项'), reason: text('取消原因', 200) }), DrillYearPlan),
  'drillPlan.removeItem': mutation('删除未演练的计划项', input({ id: id('演练计划项') }), DrillYearPlan),
  'drillPlan.approve': mutation(
    '登记年度演练计划的编制人和批准（主要负责人）',
    input({ year: int('年度', 2000, 2100), compiledBy: text('编制人', 30), approvedById: id('批准人'), approvedOn: date('批准日期') }),
    DrillYearPlan,
  ),
  'drill.compliance': query('演练频次合规：按规则（每年综合/专项、每半年现场处置方案、高危行业每半年并报送）逐期计算', input({ year: int('年度', 2000, 2100) }), DrillCompliance),
  'drill.calendar': query('演练日历：每月的计划、已完成、未完成和计划外演练', input({ year: int('年度', 2000, 2100) }), z.array(DrillCalendarEntry)),
  'drill.list': query('演练记录清单', input({ year: z.number().int().min(2000).max(2100).optional(), planId: optId('应急预案'), search: optText('关键词', 60) }), z.array(DrillRow)),
  'drill.get': query('演练记录详情：签到、过程、评估、问题、总结', input({ id: id('演练记录') }), Drill),
  'drill.create': mutation('登记已完成的演练（演练日期不能晚于今天）', input(DrillInput), Drill),
  'drill.update': mutation('修改演练记录', input({ id: id('演练记录'), ...DrillInput }), Drill),
  'drill.remove': mutation('删除演练记录（已评估或已有问题转为隐患的不能删除）', input({ id: id('演练记录') }), z.object({ ok: z.literal(true) })),
  'drill.report': mutation('登记演练情况已报送监管部门', input({ id: id('演练记录'), reportedOn: date('报送日期'), reportedTo: text('报送部门', 60) }), Drill),
  'drill.evaluationPoints': query('演练评估要点（依据 AQ/T 9009，按应急功能分组）', none, z.array(EvaluationFunction)),
  'drill.evaluate': mutation(
    '保存演练评估：各要点评价、目标是否达成、问题清单、是否需要修订预案',
    input({
      drillId: id('演练记录'),
      evaluatedOn: date('评估日期'),
      evaluators: text('评估人员', 200),
      onSiteComments: optText('现场点评', 1000),
      preparation: optText('演练准备情况', 1000),
      performance: optText('参演人员表现', 1000),
      points: z.array(z.object({ code: text('评估要点', 20), rating: z.enum(DrillRating.values, { error: '请选择评价：好/一般/差/不涉及' }), comment: optText('说明', 300) })).max(100),
      objectivesMet: bool('演练目标是否达成'),
      overall: oneOf('总体评价', DrillOverall.values),
      needsPlanRevision: bool('是否需要修订预案'),
      revisionReason: optText('修订理由', 500),
      problems: z
        .array(z.object({ id: optId('问题'), description: text('问题描述', 300), cause: optText('原因分析', 300), suggestion: optText('改进建议', 300) }))
        .max(50)
        .default([]),
    }),
    Drill,
  ),
  'drill.summarise': mutation(
    '保存演练总结报告',
    input({
      drillId: id('演练记录'),
      purpose: text('演练目的', 500),
      schemeSummary: text('演练方案概要', 2000),
      lessons: optText('经验教训', 1000),
      improvements: optText('改进有关工作的建议', 1000),
      writtenBy: text('编写人', 30),
      writtenOn: date('编写日期'),
    }),
    Drill,
  ),
  'drill.problemToHazard': mutation(
    '将演练发现的问题登记为隐患（来源：应急演练），进入整改闭环',
    input({ problemId: id('演练问题'), level: text('隐患等级', 20).default('GENERAL'), respUnitId: optId('责任单位'), respPersonId: optId('责任人'), deadline: optDate('整改期限') }),
    Drill,
  ),
  'drill.problemToRevision': mutation(
    '将演练发现的问题登记为预案修订事项',
    input({ problemId: id('演练问题'), dueOn: optDate('完成修订期限'), ownerId: optId('负责人') }),
    Drill,
  ),
};
