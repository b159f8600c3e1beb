/**
 * 教育培训: the annual training plan, sessions (三级教育, 日常, 专项, 再培训,
 * 特种作业, 两单两卡, 应急) with materials and photos, attendance (on-screen
 * signature or batch entry from the paper sheet) with exam scores, the
 * per-person archive (一人一档) against the required hours, and the flags for
 * new hires without complete 三级教育 and people who changed post.
 */
import { z } from 'zod';
import { mutation, query } from './define.ts';
import { bool, date, id, input, int, none, oneOf, optId, optText, pageOf, paging, text } from './fields.ts';
import { CertDueState, ExamMethod, SignMethod, TraineeRole, TrainingType } from './enums.ts';
import { AttachmentRef } from './emergency.ts';

const hours = (label: string) =>
  z.number({ error: `${label}应为数字` }).superRefine((v, ctx) => {
    const problem = v < 0 ? '不能为负数' : v === 0 ? '应大于 0' : v > 200 ? '不能超过 200 学时' : Math.round(v * 2) !== v * 2 ? '以 0.5 学时为单位' : null;
    if (problem) ctx.addIssue({ code: 'custom', message: `${label}${problem}` });
  });

const score = z
  .number({ error: '考试成绩应为数字' })
  .min(0, '考试成绩不能为负数')
  .max(100, '考试成绩不能超过 100 分')
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const HourRule = z.object({
  role: z.enum(TraineeRole.values),
  /** The rule of the high-risk industries (煤矿/非煤矿山/危化/烟花爆竹/金属冶炼) or the general one. */
  highRisk: z.boolean(),
  /** Initial (上岗前/初次) hours; null: no requirement. */
  initialHours: z.number().nullable(),
  /** Yearly refresher (每年再培训) hours; null: no requirement. */
  yearlyHours: z.number().nullable(),
  basis: z.string(),
});
export type HourRule = z.infer<typeof HourRule>;

export const TrainingSettings = z.object({
  hourRules: z.array(HourRule),
  /** Industry codes (or `SECTOR:<code>`) that take the high-risk hours. */
  highRiskIndustries: z.array(z.string()),
  /** null: decided by the enterprise's industry. */
  highRiskOverride: z.boolean().nullable(),
  /** People hired within this many days must have complete 三级教育 on record. */
  inductionLookbackDays: z.number().int(),
  /** People whose post changed within this many days must have 车间级 and 班组级 training since. */
  postChangeLookbackDays: z.number().int(),
  /** Regional rule: all staff trained every month (or quarter). */
  periodicRule: z.object({
    enabled: z.boolean(),
    period: z.enum(['MONTH', 'QUARTER']),
    /** Hours a person needs in the period to count as trained. */
    minHours: z.number(),
    /** Share of active staff (%) that must be trained for the period to pass. */
    attendanceTarget: z.number(),
  }),
  /** Default pass mark for exams. */
  passScore: z.number(),
});
export type TrainingSettings = z.infer<typeof TrainingSettings>;

export const TrainingSettingsInput = input({
  hourRules: z
    .array(
      HourRule.extend({
        initialHours: z.number().min(0, '学时不能为负数').max(500).nullable(),
        yearlyHours: z.number().min(0, '学时不能为负数').max(500).nullable(),
        basis: text('依据', 200),
      }),
    )
    .max(12)
    .optional(),
  highRiskIndustries: z.array(text('行业', 40)).max(20).optional(),
  highRiskOverride: z.boolean().nullable().optional(),
  inductionLookbackDays: int('新员工三级教育核查范围（天）', 30, 3650).optional(),
  postChangeLookbackDays: int('转岗培训核查范围（天）', 30, 3650).optional(),
  periodicRule: z
    .object({
      enabled: bool('是否启用全员定期培训规则'),
      period: z.enum(['MONTH', 'QUARTER'], { error: '周期应为每月或每季度' }),
      minHours: z.number({ error: '最少学时应为数字' }).min(0.5, '最少学时不能小于 0.5').max(40, '最少学时不能超过 40'),
      attendanceTarget: z.number({ error: '参训率目标应为数字' }).min(1, '参训率目标不能小于 1%').max(100, '参训率目标不能超过 100%'),
    })
    .optional(),
  passScore: z.number({ error: '及格分应为数字' }).min(0, '及格分不能为负数').max(100, '及格分不能超过 100').optional(),
});

export const TrainingPlanItemInput = {
  year: int('年度', 2000, 2100),
  title: text('培训项目', 60),
  type: oneOf('培训类型', TrainingType.values),
  audience: text('培训对象', 100),
  plannedMonth: int('计划月份', 1, 12),
  hours: hours('计划学时'),
  organiserUnitId: optId('组织部门'),
  notes: optText('备注', 300),
};

export const TrainingPlanItem = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  type: z.enum(TrainingType.values),
  audience: z.string(),
  plannedMonth: z.number().int(),
  hours: z.number(),
  organiserUnitId: z.string().nullable(),
  organiserUnitName: z.string().nullable(),
  notes: z.string().nullable(),
  sessionCount: z.number().int(),
  state: z.enum(['PLANNED', 'DONE', 'MISSED']),
});
export type TrainingPlanItem = z.infer<typeof TrainingPlanItem>;

export const TrainingSessionInput = {
  planItemId: optId('年度培训计划项'),
  title: text('培训名称', 60),
  type: oneOf('培训类型', TrainingType.values),
  sessionDate: date('培训日期'),
  hours: hours('学时'),
  trainer: text('授课人', 30),
  location: optText('培训地点', 60),
  organiserUnitId: optId('组织部门'),
  content: optText('培训内容', 2000),
  examMethod: oneOf('考核方式', ExamMethod.values).default('NONE'),
  passScore: z.number({ error: '及格分应为数字' }).min(0, '及格分不能为负数').max(100, '及格分不能超过 100').nullable().optional().transform((v) => v ?? null),
  audienceUnitIds: z.array(id('参训单位')).max(50).default([]),
  materialIds: z.array(id('培训材料')).max(20).default([]),
  photoIds: z.array(id('照片')).max(20).default([]),
  signInAttachmentId: optId('签到表扫描件'),
  effectNote: optText('培训效果评估', 1000),
};

export const TrainingSessionRow = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  type: z.enum(TrainingType.values),
  sessionDate: z.string(),
  hours: z.number(),
  trainer: z.string(),
  location: z.string().nullable(),
  organiserUnitName: z.string().nullable(),
  examMethod: z.enum(ExamMethod.values),
  attendeeCount: z.number().int(),
  passedCount: z.number().int(),
  failedCount: z.number().int(),
  planItemId: z.string().nullable(),
  planItemTitle: z.string().nullable(),
});
export type TrainingSessionRow = z.infer<typeof TrainingSessionRow>;

export const TrainingAttendee = z.object({
  personId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  unitName: z.string(),
  postNames: z.string(),
  signMethod: z.enum(SignMethod.values),
  signatureAttachmentId: z.string().nullable(),
  examScore: z.number().nullable(),
  passed: z.boolean().nullable(),
});

export const TrainingSession = TrainingSessionRow.extend({
  organiserUnitId: z.string().nullable(),
  content: z.string().nullable(),
  passScore: z.number().nullable(),
  audienceUnitIds: z.array(z.string()),
  audienceUnitNames: z.array(z.string()),
  materials: z.array(AttachmentRef),
  photos: z.array(AttachmentRef),
  signInAttachmentId: z.string().nullable(),
  effectNote: z.string().nullable(),
  attendees: z.array(TrainingAttendee),
});
export type TrainingSession = z.infer<typeof TrainingSession>;

export const AttendanceEntry = z.object({
  personId: id('参训人员'),
  signMethod: oneOf('签到方式', SignMethod.values),
  signatureAttachmentId: optId('签名'),
  examScore: score,
  /** Blank: decided by the score against the pass mark (or unknown without an exam). */
  passed: z.boolean().nullable().optional().transform((v) => v ?? null),
});

export const TrainingCandidate = z.object({
  personId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  unitName: z.string(),
  postNames: z.string(),
  attended: z.boolean(),
});

export const InductionLevel = z.object({ sessionId: z.string(), code: z.string(), date: z.string(), hours: z.number(), trainer: z.string() }).nullable();

export const TrainingArchive = z.object({
  person: z.object({
    id: z.string(),
    name: z.string(),
    staffNo: z.string(),
    unitName: z.string(),
    postNames: z.string(),
    employmentType: z.string(),
    employerName: z.string().nullable(),
    hireDate: z.string().nullable(),
    status: z.string(),
    leftDate: z.string().nullable(),
    idNumberMasked: z.string().nullable(),
  }),
  role: z.enum(TraineeRole.values),
  rule: HourRule.nullable(),
  years: z.array(z.object({ year: z.number().int(), hours: z.number(), required: z.number().nullable(), kind: z.enum(['INITIAL', 'YEARLY']).nullable(), met: z.boolean().nullable() })),
  induction: z.object({ company: InductionLevel, workshop: InductionLevel, team: InductionLevel, complete: z.boolean() }),
  postChanges: z.array(z.object({ postName: z.string(), unitName: z.string(), startDate: z.string(), retrained: z.boolean() })),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      code: z.string(),
      sessionDate: z.string(),
      title: z.string(),
      type: z.enum(TrainingType.values),
      hours: z.number(),
      trainer: z.string(),
      examScore: z.number().nullable(),
      passed: z.boolean().nullable(),
      signMethod: z.enum(SignMethod.values),
    }),
  ),
  drills: z.array(z.object({ drillId: z.string(), code: z.string(), drillDate: z.string(), title: z.string(), role: z.string().nullable() })),
  certificates: z.array(z.object({ id: z.string(), certTypeName: z.string(), category: z.string().nullable(), number: z.string(), dueDate: z.string().nullable(), dueState: z.enum(CertDueState.values) })),
  /** What an inspector would find missing, in Chinese. */
  flags: z.array(z.string()),
});
export type TrainingArchive = z.infer<typeof TrainingArchive>;

export const TrainingComplianceRow = z.object({
  personId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  unitName: z.string(),
  role: z.enum(TraineeRole.values),
  hireDate: z.string().nullable(),
  hours: z.number(),
  required: z.number().nullable(),
  met: z.boolean().nullable(),
  inductionComplete: z.boolean(),
  flags: z.array(z.string()),
});

export const TrainingCompliance = z.object({
  year: z.number().int(),
  highRisk: z.boolean(),
  summary: z.object({
    people: z.number().int(),
    withRequirement: z.number().int(),
    metHours: z.number().int(),
    shortHours: z.number().int(),
    inductionMissing: z.number().int(),
    postChangeMissing: z.number().int(),
    totalHours: z.number(),
    sessions: z.number().int(),
  }),
  people: z.array(TrainingComplianceRow),
  /** The all-staff periodic rule per month/quarter (empty when disabled). */
  periods: z.array(z.object({ key: z.string(), label: z.string(), activeStaff: z.number().int(), trained: z.number().int(), rate: z.number(), state: z.enum(['MET', 'MISSED', 'DUE', 'UPCOMING']) })),
  plan: z.object({ planned: z.number().int(), done: z.number().int(), missed: z.number().int() }),
});
export type TrainingCompliance = z.infer<typeof TrainingCompliance>;

export const trainingContract = {
  'trainingPlan.list': query('年度培训计划及完成情况', input({ year: int('年度', 2000, 2100) }), z.array(TrainingPlanItem)),
  'trainingPlan.create': mutation('新增年度培训计划项', input(TrainingPlanItemInput), TrainingPlanItem),
  'trainingPlan.update': mutation('修改年度培训计划项', input({ id: id('培训计划项'), ...TrainingPlanItemInput }), TrainingPlanItem),
  'trainingPlan.remove': mutation('删除尚无培训记录的计划项', input({ id: id('培训计划项') }), z.object({ ok: z.literal(true) })),
  'trainingSession.list': query(
    '培训记录台账（按期间、类型、单位、关键词）',
    input({ from: z.string().optional(), to: z.string().optional(), type: z.enum(TrainingType.values).optional(), unitId: optId('单位'), search: optText('关键词', 60), ...paging }),
    pageOf(TrainingSessionRow),
  ),
  'trainingSession.get': query('培训记录详情：内容、材料、照片、签到和考试成绩', input({ id: id('培训记录') }), TrainingSession),
  'trainingSession.create': mutation('登记培训（日期、学时、授课人、内容、材料、照片）', input(TrainingSessionInput), TrainingSession),
  'trainingSession.update': mutation('修改培训记录', input({ id: id('培训记录'), ...TrainingSessionInput }), TrainingSession),
  'trainingSession.remove': mutation('删除尚无签到的培训记录', input({ id: id('培训记录') }), z.object({ ok: z.literal(true) })),
  'trainingAttendance.candidates': query('可签到人员：参训单位中培训当日在职的人员，及是否已签到', input({ sessionId: id('培训记录'), search: optText('关键词', 30) }), z.array(TrainingCandidate)),
  'trainingAttendance.record': mutation(
    '登记签到和考试成绩（屏幕签名或按纸质签到表批量录入）；培训日已离职或尚未入职的人员不能登记',
    input({ sessionId: id('培训记录'), entries: z.array(AttendanceEntry).min(1, '请至少选择一名参训人员').max(2000, '一次最多登记 2000 人') }),
    TrainingSession,
  ),
  'trainingAttendance.remove': mutation('撤销一名人员的签到', input({ sessionId: id('培训记录'), personId: id('参训人员') }), TrainingSession),
  'training.archive': query('个人安全培训档案（一人一档）：学时与要求、三级教育、转岗培训、培训和演练经历、证书', input({ personId: id('人员') }), TrainingArchive),
  'training.compliance': query(
    '培训合规：年度学时是否达标、新员工三级教育、转岗培训、全员定期培训规则、年度计划完成情况',
    input({ year: int('年度', 2000, 2100), unitId: optId('单位'), onlyGaps: z.boolean().default(false) }),
    TrainingCompliance,
  ),
  'trainingSettings.get': query('培训设置：学时要求（按人员类别和行业）、三级教育和转岗核查范围、全员定期培训规则', none, TrainingSettings.extend({ highRisk: z.boolean(), highRiskBasis: z.string() })),
  'trainingSettings.update': mutation('修改培训设置', TrainingSettingsInput, TrainingSettings.extend({ highRisk: z.boolean(), highRiskBasis: z.string() })),
};
