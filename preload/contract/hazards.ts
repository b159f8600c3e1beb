/**
 * 隐患 and the rectification closed loop: 登记 → 下发整改(五落实) → [延期] →
 * 整改完成申请复查 → 复查验收(整改人以外) → 销号; 重大 hazards need a treatment
 * plan approved by the principal and a report to the regulator.
 */
import { z } from 'zod';
import { mutation, query } from './define.ts';
import { bool, date, id, input, int, none, oneOf, optDate, optId, optText, pageOf, paging, text } from './fields.ts';
import { CheckTier, HazardEventKind, HazardKind, HazardPhotoStage, HazardScope, HazardSource, HazardStatus } from './enums.ts';

const funds = z
  .number({ error: '整改资金应为数字（元）' })
  .min(0, '整改资金不能为负数')
  .max(1e10, '整改资金过大，请以元为单位填写')
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const HazardInput = {
  source: oneOf('隐患来源', HazardSource.values),
  unitId: id('所在单位'),
  riskPointId: optId('风险点'),
  location: optText('隐患部位', 100),
  description: text('隐患描述', 500),
  kind: oneOf('隐患类别', HazardKind.values),
  scope: oneOf('基础/现场', HazardScope.values),
  level: text('隐患等级', 20),
  criteriaCode: optText('重大隐患判定标准条目', 20),
  foundByName: text('排查人', 60),
  foundOn: date('发现日期'),
  photoIds: z.array(id('照片')).max(9, '最多 9 张照片').default([]),
  // 五落实
  measures: optText('整改措施', 1000),
  respUnitId: optId('责任单位'),
  respPersonId: optId('责任人'),
  funds,
  /** Blank: the default period for a 一般 hazard (settings). */
  deadline: optDate('整改期限'),
  interimMeasures: optText('临时管控措施/应急预案', 500),
};

export const TreatmentInput = input({
  presentState: text('隐患现状及其产生原因', 1000),
  harm: text('隐患的危害程度和整改难易程度分析', 1000),
  goals: text('治理的目标和任务', 1000),
  methods: text('采取的方法和措施', 1000),
  fundsMaterials: text('经费和物资的落实', 500),
  organisation: text('负责治理的机构和人员', 500),
  timeLimit: text('治理的时限和要求', 500),
  safetyMeasures: text('安全措施和应急预案', 1000),
});
export type TreatmentInput = z.infer<typeof TreatmentInput>;

export const HazardRow = z.object({
  id: z.string(),
  code: z.string(),
  source: z.enum(HazardSource.values),
  sourceTier: z.enum(CheckTier.values).nullable(),
  unitId: z.string(),
  unitName: z.string(),
  riskPointId: z.string().nullable(),
  riskPointCode: z.string().nullable(),
  riskPointName: z.string().nullable(),
  location: z.string().nullable(),
  description: z.string(),
  kind: z.enum(HazardKind.values),
  scope: z.enum(HazardScope.values),
  level: z.string(),
  levelLabel: z.string(),
  major: z.boolean(),
  criteriaCode: z.string().nullable(),
  foundByName: z.string(),
  foundOn: z.string(),
  measures: z.string().nullable(),
  respUnitId: z.string().nullable(),
  respUnitName: z.string().nullable(),
  respPersonId: z.string().nullable(),
  respPersonName: z.string().nullable(),
  funds: z.number().nullable(),
  deadline: z.string(),
  interimMeasures: z.string().nullable(),
  status: z.enum(HazardStatus.values),
  /** Past its deadline and not closed. */
  overdue: z.boolean(),
  overdueDays: z.number().int(),
  /** Due within the settings' 临期 days. */
  dueSoon: z.boolean(),
  /** Who an overdue hazard has been escalated to. */
  escalatedTo: z.enum(['UNIT_HEAD', 'PRINCIPAL']).nullable(),
  extensionCount: z.number().int(),
  rectifierName: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  reinspectorName: z.string().nullable(),
  reinspectionOpinion: z.string().nullable(),
  closedOn: z.string().nullable(),
  checkRecordId: z.string().nullable(),
  photoCount: z.number().int(),
});
export type HazardRow = z.infer<typeof HazardRow>;

export const Hazard = HazardRow.extend({
  unitPath: z.string(),
  criteriaText: z.string().nullable(),
  rectifierId: z.string().nullable(),
  rectifyNote: z.string().nullable(),
  reportedOn: z.string().nullable(),
  reportedTo: z.string().nullable(),
  photos: z.array(z.object({ attachmentId: z.string(), stage: z.enum(HazardPhotoStage.values) })),
  treatment: TreatmentInput.extend({ approvedById: z.string().nullable(), approvedByName: z.string().nullable(), approvedOn: z.string().nullable() }).nullable(),
  extensions: z.array(
    z.object({ id: z.string(), reason: z.string(), oldDeadline: z.string(), newDeadline: z.string(), interimMeasures: z.string(), requestedByName: z.string(), approvedByName: z.string(), approvedOn: z.string() }),
  ),
  reinspections: z.array(z.object({ id: z.string(), inspectorId: z.string(), inspectorName: z.string(), inspectedOn: z.string(), passed: z.boolean(), opinion: z.string() })),
  events: z.array(z.object({ atMs: z.number(), kind: z.enum(HazardEventKind.values), fromStatus: z.string().nullable(), toStatus: z.string().nullable(), byName: z.string(), note: z.string().nullable() })),
  checkRecord: z.object({ id: z.string(), planName: z.string(), checkedOn: z.string(), periodLabel: z.string() }).nullable(),
  /** What must still happen before the next step, in Chinese (empty when nothing is missing). */
  missing: z.array(z.string()),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type Hazard = z.infer<typeof Hazard>;

export const HazardFilter = {
  from: optDate('发现日期起'),
  to: optDate('发现日期止'),
  unitId: optId('单位'),
  level: optText('隐患等级', 20),
  status: z.enum([...HazardStatus.values, 'OPEN', 'OVERDUE', 'DUE_SOON'] as const, { error: '状态不正确' }).optional(),
  source: z.enum(HazardSource.values).optional(),
  riskPointId: optId('风险点'),
  search: optText('关键词', 60),
};

const countsBy = z.record(z.string(), z.number().int());
export const HazardStats = z.object({
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  found: z.number().int(),
  foundMajor: z.number().int(),
  closed: z.number().int(),
  closedMajor: z.number().int(),
  /** Closed ÷ found in the period, in %. */
  closureRate: z.number().nullable(),
  open: z.number().int(),
  overdue: z.number().int(),
  funds: z.number(),
  byLevel: countsBy,
  bySource: countsBy,
  byKind: countsBy,
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), found: z.number().int(), closed: z.number().int(), open: z.number().int(), overdue: z.number().int() })),
  majors: z.array(z.object({ code: z.string(), description: z.string(), status: z.enum(HazardStatus.values), deadline: z.string(), reportedOn: z.string().nullable() })),
});
export type HazardStats = z.infer<typeof HazardStats>;

export const HazardDashboard = z.object({
  checksDueToday: z.number().int(),
  checksDueThisWeek: z.number().int(),
  missedThisMonth: z.number().int(),
  open: z.number().int(),
  openMajor: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  escalatedToPrincipal: z.number().int(),
  awaitingReview: z.number().int(),
  closedThisMonth: z.number().int(),
  urgent: z.array(HazardRow),
});

export const Notice = z.object({
  key: z.string(),
  severity: z.enum(['danger', 'warning', 'info']),
  module: z.string(),
  title: z.string(),
  detail: z.string(),
  /** In-app route to fix it. */
  link: z.string(),
  dueOn: z.string().nullable(),
});
export type Notice = z.infer<typeof Notice>;

export const hazardsContract = {
  'hazard.list': query('隐患排查治理台账（按期间、单位、等级、状态、来源筛选）', input({ ...HazardFilter, ...paging }), pageOf(HazardRow).extend({ counts: countsBy })),
  'hazard.get': query('隐患详情：五落实、治理方案、延期、复查、全过程记录', input({ id: id('隐患') }), Hazard),
  'hazard.create': mutation('登记隐患（随机发现、演练、外部检查、员工举报等）', input(HazardInput), Hazard),
  'hazard.update': mutation('修改隐患信息和五落实（已销号的不能修改）', input({ id: id('隐患'), ...HazardInput }), Hazard),
  'hazard.start': mutation('下发整改通知，开始整改（五落实须齐全；重大隐患须有经批准的治理方案）', input({ id: id('隐患') }), Hazard),
  'hazard.saveTreatment': mutation('编制或修改重大隐患治理方案（修改后须重新批准）', input({ id: id('隐患'), treatment: TreatmentInput }), Hazard),
  'hazard.approveTreatment': mutation('主要负责人批准重大隐患治理方案', input({ id: id('隐患'), approvedById: id('批准人'), approvedOn: date('批准日期') }), Hazard),
  'hazard.report': mutation('登记重大隐患向负有安全生产监督管理职责的部门和职工代表大会报告', input({ id: id('隐患'), reportedOn: date('报告日期'), reportedTo: text('报告对象', 100) }), Hazard),
  'hazard.extend': mutation(
    '延期：原因、新期限、临时措施和批准人（重大隐患须主要负责人批准；次数有上限）',
    input({ id: id('隐患'), reason: text('延期原因', 300), newDeadline: date('新的整改期限'), interimMeasures: text('延期期间的临时管控措施', 300), requestedByName: text('申请人', 30), approvedById: id('批准人'), approvedOn: date('批准日期') }),
    Hazard,
  ),
  'hazard.submit': mutation(
    '整改完成，申请复查',
    input({ id: id('隐患'), rectifierId: id('整改人'), rectifiedOn: date('整改完成日期'), rectifyNote: text('整改情况', 500), photoIds: z.array(id('照片')).max(9).default([]) }),
    Hazard,
  ),
  'hazard.reinspect': mutation(
    '复查验收（复查人不能是整改人）；合格可同时销号，不合格退回整改',
    input({ id: id('隐患'), inspectorId: id('复查人'), inspectedOn: date('复查日期'), passed: bool('复查结论'), opinion: text('复查意见', 500), photoIds: z.array(id('照片')).max(9).default([]), close: z.boolean().default(true) }),
    Hazard,
  ),
  'hazard.close': mutation('销号（须复查验收合格）', input({ id: id('隐患'), closedOn: date('销号日期') }), Hazard),
  'hazard.reopen': mutation('重新打开已销号的隐患（记录原因）', input({ id: id('隐患'), reason: text('重新打开的原因', 300) }), Hazard),
  'hazard.stats': query('隐患排查治理统计（季度或年度）', input({ year: int('年份', 2000, 2100), quarter: int('季度', 1, 4).optional(), unitId: optId('单位') }), HazardStats),
  'hazard.dashboard': query('工作台：应检、临期、逾期（逐级上报）、漏检', none, HazardDashboard),
  'hazard.exportLedger': mutation('导出隐患排查治理台账为 Excel（按当前筛选）', input(HazardFilter), z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), file: z.string(), rows: z.number().int() })])),
  'notice.list': query('消息中心：各模块到期、逾期和待办事项', none, z.array(Notice)),
};

