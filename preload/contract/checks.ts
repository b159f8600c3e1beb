/**
 * 日周月 hazard checks: plans with scope and checklist, generated tasks,
 * check records, compliance, and the settings the scheme runs on (frequencies,
 * working calendar, hazard levels and deadlines are data, not code).
 */
import { z } from 'zod';
import { mutation, query } from './define.ts';
import { bool, date, id, input, int, none, oneOf, optDate, optId, optText, pageOf, paging, text } from './fields.ts';
import { CheckFrequency, CheckItemCategory, CheckMethod, CheckResult, CheckTaskState, CheckTier, RiskLevel } from './enums.ts';

// ---- Settings (data with defaults) ----

export const HazardLevelDef = z.strictObject({
  code: z.string().trim().regex(/^[A-Z][A-Z_]{1,19}$/, '等级代码应为 2–20 位大写英文字母'),
  label: text('等级名称', 20),
  /** Needs the full treatment plan, the principal's approval and a report to the regulator. */
  major: bool('是否按重大隐患管理'),
});
export type HazardLevelDef = z.infer<typeof HazardLevelDef>;

export const HazardSettings = z.object({
  /** The configurable set of hazard levels (default 一般/重大; some groups add 较大). */
  levels: z.array(HazardLevelDef),
  /** Default deadline for a 一般 hazard, in days from discovery (regional default 15). */
  defaultDeadlineDays: z.number().int(),
  /** How many times a hazard's deadline may be extended. */
  maxExtensions: z.number().int(),
  /** A hazard is 临期 this many days before its deadline (dashboard, notices). */
  dueSoonDays: z.number().int(),
  /** Overdue hazards escalate to the unit head at once, and to the principal after this many days. */
  escalatePrincipalDays: z.number().int(),
  /** Default frequency per tier when a plan is created (team daily, unit weekly, enterprise monthly). */
  tierFrequency: z.record(z.string(), z.enum(CheckFrequency.values)),
  /** The principal personally leads at least one check every this many months. */
  principalCheckMonths: z.number().int(),
});
export type HazardSettings = z.infer<typeof HazardSettings>;

export const HazardSettingsInput = input({
  levels: z
    .array(HazardLevelDef)
    .min(2, '至少要有两个隐患等级')
    .max(5, '最多 5 个隐患等级')
    .refine((l) => new Set(l.map((x) => x.code)).size === l.length, '等级代码不能重复')
    .refine((l) => l.some((x) => x.code === 'GENERAL') && l.some((x) => x.code === 'MAJOR'), '必须保留「一般事故隐患」(GENERAL) 和「重大事故隐患」(MAJOR) 两个等级')
    .optional(),
  defaultDeadlineDays: int('一般隐患默认整改期限（天）', 1, 365).optional(),
  maxExtensions: int('最多延期次数', 0, 10).optional(),
  dueSoonDays: int('临期提醒天数', 1, 30).optional(),
  escalatePrincipalDays: int('逾期上报主要负责人天数', 0, 90).optional(),
  tierFrequency: z.record(z.enum(CheckTier.values), z.enum(CheckFrequency.values)).optional(),
  principalCheckMonths: int('主要负责人带队检查间隔（月）', 1, 12).optional(),
});

export const CalendarDay = z.object({ day: z.string(), isWorkday: z.boolean(), name: z.string() });
export const CalendarDayInput = input({ day: date('日期'), isWorkday: bool('是否上班'), name: text('名称', 20) });

// ---- Plans ----

export const CheckItemInput = input({
  /** Kept when an item is edited, so earlier records still point at it. */
  id: optId('检查项'),
  category: oneOf('检查项类别', CheckItemCategory.values),
  content: text('检查内容', 300),
  standard: optText('检查标准', 300),
  basis: optText('依据', 200),
  method: oneOf('检查方法', CheckMethod.values),
  measureId: optId('管控措施'),
  riskPointId: optId('风险点'),
  criteriaCode: optText('重大隐患判定标准条目', 20),
  libraryKey: optText('检查项库条目', 60),
});

export const CheckPlanInput = {
  name: text('计划名称', 60),
  tier: oneOf('检查层级', CheckTier.values),
  frequency: oneOf('检查频次', CheckFrequency.values),
  skipNonWorkdays: bool('节假日是否跳过'),
  unitId: id('负责单位'),
  responsiblePersonId: id('负责人'),
  ledByPrincipal: bool('主要负责人带队'),
  startsOn: date('开始日期'),
  endsOn: optDate('结束日期'),
  notes: optText('备注', 300),
  scope: input({
    unitIds: z.array(id('单位')).max(200).default([]),
    areaIds: z.array(id('区域')).max(500).default([]),
    riskPointIds: z.array(id('风险点')).max(2000).default([]),
  }),
  items: z.array(CheckItemInput).max(300, '一个检查表最多 300 项'),
};

export const CheckItem = z.object({
  id: z.string(),
  seq: z.number().int(),
  category: z.enum(CheckItemCategory.values),
  content: z.string(),
  standard: z.string().nullable(),
  basis: z.string().nullable(),
  method: z.enum(CheckMethod.values),
  measureId: z.string().nullable(),
  riskPointId: z.string().nullable(),
  riskPointCode: z.string().nullable(),
  riskPointName: z.string().nullable(),
  riskLevel: z.enum(RiskLevel.values).nullable(),
  criteriaCode: z.string().nullable(),
  libraryKey: z.string().nullable(),
});
export type CheckItem = z.infer<typeof CheckItem>;

/** A check item proposed from a control measure or a library (not saved yet). */
export const DraftItem = CheckItem.omit({ id: true, seq: true });
export type DraftItem = z.infer<typeof DraftItem>;

export const CheckPlanRow = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.enum(CheckTier.values),
  frequency: z.enum(CheckFrequency.values),
  skipNonWorkdays: z.boolean(),
  unitId: z.string(),
  unitName: z.string(),
  responsiblePersonId: z.string(),
  responsiblePersonName: z.string(),
  ledByPrincipal: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(['ACTIVE', 'PAUSED', 'ARCHIVED']),
  itemCount: z.number().int(),
  /** The task of the current period, if any. */
  current: z.object({ taskId: z.string(), periodKey: z.string(), dueOn: z.string(), state: z.enum(CheckTaskState.values) }).nullable(),
  /** Percentage (0–100, one decimal) of the last 90 days' periods checked on time (null when none were due). */
  recentCompliance: z.number().nullable(),
  missedCount: z.number().int(),
});
export type CheckPlanRow = z.infer<typeof CheckPlanRow>;

export const CheckPlan = CheckPlanRow.extend({
  notes: z.string().nullable(),
  scope: z.object({
    units: z.array(z.object({ id: z.string(), name: z.string() })),
    areas: z.array(z.object({ id: z.string(), name: z.string(), planName: z.string() })),
    riskPoints: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), level: z.enum(RiskLevel.values).nullable() })),
  }),
  items: z.array(CheckItem),
  recordCount: z.number().int(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type CheckPlan = z.infer<typeof CheckPlan>;

export const LibraryItem = z.object({
  key: z.string(),
  group: z.string(),
  category: z.enum(CheckItemCategory.values),
  content: z.string(),
  standard: z.string().nullable(),
  basis: z.string().nullable(),
  method: z.enum(CheckMethod.values),
});
export const MajorHazardCriterion = z.object({
  code: z.string(),
  group: z.enum(['MANAGEMENT', 'INDUSTRY', 'SPECIAL']),
  groupLabel: z.string(),
  industry: z.string().nullable(),
  text: z.string(),
  basis: z.string(),
});
export type MajorHazardCriterion = z.infer<typeof MajorHazardCriterion>;

// ---- Tasks and records ----

export const CheckTaskRow = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  tier: z.enum(CheckTier.values),
  unitName: z.string(),
  responsiblePersonName: z.string(),
  periodKey: z.string(),
  /** Chinese period label, e.g. 2026年11月22日, 2026年第47周, 2026年11月. */
  periodLabel: z.string(),
  periodStart: z.string(),
  dueOn: z.string(),
  state: z.enum(CheckTaskState.values),
  /** 漏检 was flagged for this task (stays even when done later). */
  missed: z.boolean(),
  recordId: z.string().nullable(),
  checkedOn: z.string().nullable(),
  failCount: z.number().int().nullable(),
  itemCount: z.number().int(),
});
export type CheckTaskRow = z.infer<typeof CheckTaskRow>;

export const CheckBoard = z.object({
  today: z.string(),
  dueToday: z.array(CheckTaskRow),
  dueThisWeek: z.array(CheckTaskRow),
  dueThisMonth: z.array(CheckTaskRow),
  /** Missed in the last 31 days and not yet made up. */
  missed: z.array(CheckTaskRow),
  doneToday: z.number().int(),
});

export const CheckTaskDetail = CheckTaskRow.extend({
  plan: CheckPlan,
  /** The code printed as QR on the blank sheet (the task id). */
  sheetCode: z.string(),
});

export const ResultInput = input({
  itemId: id('检查项'),
  result: z.enum(CheckResult.values, { error: '请选择检查结果（合格、不合格或不适用）' }),
  remark: optText('情况说明', 300),
  photoIds: z.array(id('照片')).max(9, '每项最多 9 张照片').default([]),
  /** For a 不合格 item: overrides of the hazard created from it. */
  hazardLevel: optText('隐患等级', 20),
  hazardDeadline: optDate('整改期限'),
});

export const CheckRecordInput = input({
  taskId: id('检查任务'),
  checkedOn: date('检查日期'),
  checkerIds: z.array(id('检查人')).min(1, '请至少选择一名检查人').max(20),
  results: z.array(ResultInput).max(300),
  signatureAttachmentId: optId('签名'),
  summary: optText('检查小结', 500),
});

export const CheckResultRow = z.object({
  seq: z.number().int(),
  itemId: z.string().nullable(),
  content: z.string(),
  result: z.enum(CheckResult.values),
  remark: z.string().nullable(),
  photoIds: z.array(z.string()),
  hazardId: z.string().nullable(),
  hazardCode: z.string().nullable(),
  hazardStatus: z.string().nullable(),
});

export const CheckRecord = z.object({
  id: z.string(),
  taskId: z.string(),
  planId: z.string(),
  planName: z.string(),
  tier: z.enum(CheckTier.values),
  unitName: z.string(),
  periodLabel: z.string(),
  checkedOn: z.string(),
  late: z.boolean(),
  checkers: z.array(z.object({ id: z.string(), name: z.string() })),
  checkerNames: z.string(),
  signatureAttachmentId: z.string().nullable(),
  summary: z.string().nullable(),
  passCount: z.number().int(),
  failCount: z.number().int(),
  naCount: z.number().int(),
  /** Open until every hazard it found is closed. */
  open: z.boolean(),
  openHazards: z.number().int(),
  results: z.array(CheckResultRow),
  createdAtMs: z.number(),
});
export type CheckRecord = z.infer<typeof CheckRecord>;

export const CheckRecordRow = CheckRecord.omit({ results: true, checkers: true });

/** Periods due in a month (due date passed, or already checked); `share` is the on-time percentage 0–100 (one decimal). */
export const ComplianceCell = z.object({ month: z.number().int(), due: z.number().int(), onTime: z.number().int(), late: z.number().int(), missed: z.number().int(), share: z.number().nullable() });
export const Compliance = z.object({
  year: z.number().int(),
  plans: z.array(z.object({ planId: z.string(), planName: z.string(), tier: z.enum(CheckTier.values), unitName: z.string(), months: z.array(ComplianceCell), total: ComplianceCell })),
  months: z.array(ComplianceCell),
  /** Months (1–12, up to now) in which no principal-led check was recorded. */
  principalMissingMonths: z.array(z.number().int()),
});

export const checksContract = {
  'hazardSettings.get': query('隐患排查治理设置：隐患等级、期限、延期次数、提醒与上报、各层级默认频次', none, HazardSettings),
  'hazardSettings.update': mutation('修改隐患排查治理设置', HazardSettingsInput, HazardSettings),
  'workCalendar.list': query('工作日历：节假日和调休上班日', input({ year: int('年份', 2000, 2100) }), z.array(CalendarDay)),
  'workCalendar.save': mutation(
    '保存一年的节假日和调休上班日（整年替换）',
    input({ year: int('年份', 2000, 2100), days: z.array(CalendarDayInput).max(120) }),
    z.array(CalendarDay),
  ),
  'workCalendar.defaults': query('内置的法定节假日安排（可载入后修改）', input({ year: int('年份', 2000, 2100) }), z.array(CalendarDay)),

  'checkPlan.list': query('检查计划', input({ status: z.enum(['ACTIVE', 'PAUSED', 'ARCHIVED', 'ALL']).default('ACTIVE'), tier: z.enum(CheckTier.values).optional(), unitId: optId('单位') }), z.array(CheckPlanRow)),
  'checkPlan.get': query('检查计划详情：范围和检查表', input({ id: id('检查计划') }), CheckPlan),
  'checkPlan.create': mutation('新建检查计划', input(CheckPlanInput), CheckPlan),
  'checkPlan.update': mutation('修改检查计划；检查项按编号保留', input({ id: id('检查计划'), ...CheckPlanInput }), CheckPlan),
  'checkPlan.setStatus': mutation('启用、暂停或归档检查计划', input({ id: id('检查计划'), status: z.enum(['ACTIVE', 'PAUSED', 'ARCHIVED']) }), CheckPlan),
  'checkPlan.delete': mutation('删除检查计划（仅限还没有检查记录的）', input({ id: id('检查计划') }), z.object({ ok: z.literal(true) })),
  'checkPlan.draftItems': query(
    '由范围内已批准风险点的管控措施生成检查项（每条措施一项，附依据）',
    input({ unitIds: z.array(id('单位')).default([]), areaIds: z.array(id('区域')).default([]), riskPointIds: z.array(id('风险点')).default([]) }),
    z.object({ items: z.array(DraftItem), riskPoints: z.number().int() }),
  ),
  'checkLibrary.get': query('检查项库（基础管理类、现场管理类）和工贸企业重大事故隐患判定标准', none, z.object({ items: z.array(LibraryItem), criteria: z.array(MajorHazardCriterion) })),

  'checkTask.board': query('今天、本周、本月应做的检查和漏检（按计划生成当期任务）', input({ unitId: optId('单位') }), CheckBoard),
  'checkTask.list': query(
    '检查任务（按期间、计划、状态）',
    input({ from: optDate('开始日期'), to: optDate('结束日期'), planId: optId('检查计划'), unitId: optId('单位'), state: z.enum(CheckTaskState.values).optional(), ...paging }),
    pageOf(CheckTaskRow),
  ),
  'checkTask.get': query('检查任务详情（含检查表），也可用纸质检查表上的任务码查找', input({ id: text('任务码', 64) }), CheckTaskDetail),
  'checkTask.generate': mutation('按计划生成到今天为止的检查任务，并标记漏检', none, z.object({ created: z.number().int(), missed: z.number().int() })),

  'checkRecord.create': mutation('登记检查记录；每个不合格项自动生成一条隐患', CheckRecordInput, z.object({ record: CheckRecord, hazardIds: z.array(z.string()) })),
  'checkRecord.get': query('检查记录详情', input({ id: id('检查记录') }), CheckRecord),
  'checkRecord.list': query(
    '检查记录',
    input({ from: optDate('开始日期'), to: optDate('结束日期'), planId: optId('检查计划'), unitId: optId('单位'), openOnly: z.boolean().optional(), ...paging }),
    pageOf(CheckRecordRow),
  ),
  'checkCompliance.get': query('检查执行率：每个计划每月按期完成的比例', input({ year: int('年份', 2000, 2100), unitId: optId('单位') }), Compliance),
};
