/**
 * 安全生产标准化自评: standards as data (element tree + scoring sheet; the
 * GB/T 33000-2016 generic sheet built in, others imported from JSON or Excel),
 * grade profiles as data, yearly sessions scored item by item with deductions,
 * N/A items and evidence links to records in the app, the grade, progress and
 * results per element, deductions followed up as hazards or to-dos, and the
 * year-on-year comparison.
 */
import { z } from 'zod';
import { mutation, query } from './define.ts';
import { date, id, input, int, none, optDate, optId, optText, text } from './fields.ts';
import { EvidenceKind, StdSessionStatus } from './enums.ts';

export const GradeProfile = z.object({
  key: z.string(),
  name: z.string(),
  basis: z.string(),
  /** Highest first: 一级, 二级, 三级 with their minimum score and accident-free years. */
  grades: z.array(z.object({ code: z.string(), label: z.string(), minScore: z.number(), accidentFreeYears: z.number() })),
});
export type GradeProfile = z.infer<typeof GradeProfile>;

export const StandardSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  edition: z.string().nullable(),
  note: z.string().nullable(),
  builtin: z.boolean(),
  elementCount: z.number().int(),
  itemCount: z.number().int(),
  totalPoints: z.number(),
  sessionCount: z.number().int(),
});

export const StdElement = z.object({ id: z.number().int(), code: z.string(), name: z.string(), parentId: z.number().int().nullable(), level: z.number().int() });
export const StdItem = z.object({ id: z.number().int(), elementId: z.number().int(), code: z.string(), content: z.string(), points: z.number(), method: z.string().nullable(), evidence: z.string().nullable() });

export const Standard = StandardSummary.extend({ elements: z.array(StdElement), items: z.array(StdItem) });
export type Standard = z.infer<typeof Standard>;

/** The import format (JSON file, or the rows of the Excel template). */
export const StandardFile = z.object({
  code: text('标准代码', 40),
  name: text('标准名称', 100),
  edition: optText('版本', 20),
  note: optText('说明', 1000),
  elements: z.array(z.object({ code: text('要素编号', 20), name: text('要素名称', 60), parent: z.string().nullable().optional() })).min(1, '至少要有一个要素').max(500),
  items: z
    .array(
      z.object({
        code: text('项目编号', 30),
        element: text('所属要素编号', 20),
        content: text('考评内容', 1000),
        points: z.number({ error: '标准分值应为数字' }),
        method: optText('评分标准', 2000),
        evidence: optText('证据', 500),
      }),
    )
    .min(1, '至少要有一个考评项目')
    .max(5000),
});

export const ImportProblem = z.object({ row: z.number().int().nullable(), field: z.string(), message: z.string() });

export const EvidenceRef = z.object({
  id: z.string(),
  kind: z.enum(EvidenceKind.values),
  refId: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  label: z.string(),
  /** In-app route that opens the record (null for attachments: opened with attachment.open). */
  link: z.string().nullable(),
  /** The record no longer exists. */
  broken: z.boolean(),
});

export const Deduction = z.object({
  id: z.string(),
  points: z.number(),
  reason: z.string(),
  hazardId: z.string().nullable(),
  hazardCode: z.string().nullable(),
  hazardStatus: z.string().nullable(),
  todoOwnerId: z.string().nullable(),
  todoOwnerName: z.string().nullable(),
  todoDueOn: z.string().nullable(),
  todoDoneOn: z.string().nullable(),
  todoNote: z.string().nullable(),
  /** Rectified: the hazard is closed or the to-do done. */
  closed: z.boolean(),
});

export const ItemResult = z.object({
  itemId: z.number().int(),
  answered: z.boolean(),
  applicable: z.boolean(),
  naReason: z.string().nullable(),
  description: z.string().nullable(),
  score: z.number().nullable(),
  deductions: z.array(Deduction),
  evidence: z.array(EvidenceRef),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const ElementScore = z.object({
  elementId: z.number().int(),
  code: z.string(),
  name: z.string(),
  items: z.number().int(),
  answered: z.number().int(),
  points: z.number(),
  naPoints: z.number(),
  earned: z.number(),
  /** earned ÷ (points − naPoints) × 100, one decimal; null before anything applicable is scored. */
  score: z.number().nullable(),
});

export const SessionTotals = z.object({
  items: z.number().int(),
  answered: z.number().int(),
  totalPoints: z.number(),
  naPoints: z.number(),
  earned: z.number(),
  score: z.number().nullable(),
  scoreGrade: z.string().nullable(),
  performanceGrade: z.string().nullable(),
  /** The lower of the score grade and the accident-free condition; null when neither reaches 三级. */
  grade: z.string().nullable(),
  gradeLabel: z.string(),
  gradeExplanation: z.string(),
  elements: z.array(ElementScore),
  deductionCount: z.number().int(),
  deductionsClosed: z.number().int(),
});
export type SessionTotals = z.infer<typeof SessionTotals>;

export const SessionRow = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  standardId: z.string(),
  standardName: z.string(),
  gradeProfile: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(StdSessionStatus.values),
  finishedOn: z.string().nullable(),
  answered: z.number().int(),
  items: z.number().int(),
  score: z.number().nullable(),
  grade: z.string().nullable(),
  gradeLabel: z.string(),
});

export const TeamMember = z.object({ name: text('组员姓名', 30), role: text('职责', 40), personId: optId('人员') });

export const SessionInput = {
  year: int('自评年度', 2000, 2100),
  title: text('自评名称', 60),
  standardId: id('评分标准'),
  gradeProfile: text('定级标准', 40),
  team: z.array(TeamMember).min(1, '请至少登记一名自评小组成员').max(30),
  startsOn: date('开始日期'),
  endsOn: date('结束日期'),
  accidentFreeYears: z.number({ error: '无事故年数应为数字' }).min(0, '无事故年数不能为负数').max(100).nullable().optional().transform((v) => v ?? null),
  overview: optText('企业概况', 3000),
  process: optText('自评过程', 3000),
};

export const Session = SessionRow.extend({
  team: z.array(z.object({ name: z.string(), role: z.string(), personId: z.string().nullable() })),
  accidentFreeYears: z.number().nullable(),
  overview: z.string().nullable(),
  process: z.string().nullable(),
  totals: SessionTotals,
  results: z.array(ItemResult),
});
export type Session = z.infer<typeof Session>;

export const EvidenceInput = z.object({
  kind: z.enum(EvidenceKind.values, { error: '请选择证据类型' }),
  refId: optId('证据记录'),
  periodFrom: optDate('期间起'),
  periodTo: optDate('期间止'),
});

export const EvidenceOption = z.object({ kind: z.enum(EvidenceKind.values), refId: z.string().nullable(), periodFrom: z.string().nullable(), periodTo: z.string().nullable(), label: z.string(), detail: z.string() });

export const standardsContract = {
  'standard.list': query('评分标准库（内置 GB/T 33000-2016 通用评分表和导入的行业评分细则）', none, z.array(StandardSummary)),
  'standard.get': query('评分标准：要素树和考评项目', input({ id: id('评分标准') }), Standard),
  'standard.gradeProfiles': query('定级标准（数据）：现行 90/80/70 和旧版 90/75/60', none, z.array(GradeProfile)),
  'standard.validateImport': query(
    '检查导入文件（JSON 或 Excel 模板，base64）：逐行列出问题，不写入',
    input({ fileName: text('文件名', 255), dataBase64: z.string().min(1, '文件是空的').max(30_000_000, '文件过大') }),
    z.object({ ok: z.boolean(), problems: z.array(ImportProblem), elementCount: z.number().int(), itemCount: z.number().int(), totalPoints: z.number() }),
  ),
  'standard.import': mutation(
    '导入评分标准（全部通过检查才写入，否则一项也不导入）',
    input({ fileName: text('文件名', 255), dataBase64: z.string().min(1, '文件是空的').max(30_000_000, '文件过大') }),
    StandardSummary,
  ),
  'standard.saveTemplate': mutation(
    '保存 Excel 导入模板（工作表 说明、要素、考评项目；以内置通用评分表为示例）',
    none,
    z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), path: z.string() })]),
  ),
  'standard.remove': mutation('删除未被自评使用的导入标准', input({ id: id('评分标准') }), z.object({ ok: z.literal(true) })),
  'stdSession.list': query('标准化自评清单', none, z.array(SessionRow)),
  'stdSession.get': query('自评详情：各项结果、扣分、证据、得分和等级', input({ id: id('自评') }), Session),
  'stdSession.create': mutation('新建年度自评（年度、小组、日期、标准版本）', input(SessionInput), Session),
  'stdSession.update': mutation('修改自评的基本信息', input({ id: id('自评'), ...SessionInput }), Session),
  'stdSession.scoreItem': mutation(
    '为一个考评项目打分：是否适用（不适用须说明理由）、情况描述、扣分及原因（得分最低为 0）',
    input({
      sessionId: id('自评'),
      itemId: z.number({ error: '请选择考评项目' }).int(),
      applicable: z.boolean({ error: '请选择是否适用' }),
      naReason: optText('不适用理由', 300),
      description: optText('自评情况描述', 2000),
      /** Blank: the full points less the deductions (never below 0). */
      score: z.number({ error: '实得分应为数字' }).nullable().optional().transform((v) => v ?? null),
      deductions: z
        .array(z.object({ id: optId('扣分项'), points: z.number({ error: '扣分应为数字' }), reason: text('扣分原因', 300) }))
        .max(20)
        .default([]),
      evidence: z.array(EvidenceInput).max(30).default([]),
      attachmentIds: z.array(id('证据文件')).max(20).default([]),
    }),
    z.object({ result: ItemResult, totals: SessionTotals }),
  ),
  'stdSession.evidenceOptions': query(
    '可作为证据的系统内记录（按类型搜索）',
    input({ kind: z.enum(EvidenceKind.values, { error: '请选择证据类型' }), search: optText('关键词', 60), year: z.number().int().optional() }),
    z.array(EvidenceOption),
  ),
  'stdSession.finish': mutation('完成自评（所有项目须已评分），确定得分和等级', input({ id: id('自评'), finishedOn: date('完成日期') }), Session),
  'stdSession.reopen': mutation('重新打开已完成的自评', input({ id: id('自评'), reason: text('原因', 200) }), Session),
  'stdDeduction.toHazard': mutation(
    '将扣分点登记为隐患（来源：标准化自评），进入整改闭环',
    input({ deductionId: id('扣分点'), unitId: id('责任单位'), respPersonId: optId('责任人'), level: text('隐患等级', 20).default('GENERAL'), deadline: optDate('整改期限') }),
    Session,
  ),
  'stdDeduction.toTodo': mutation('将扣分点列为整改待办（责任人、期限）', input({ deductionId: id('扣分点'), ownerId: id('责任人'), dueOn: date('整改期限') }), Session),
  'stdDeduction.completeTodo': mutation('整改待办完成', input({ deductionId: id('扣分点'), doneOn: date('完成日期'), note: text('完成情况', 300) }), Session),
  'stdSession.compare': query(
    '历年自评对比：各要素得分',
    none,
    z.array(z.object({ sessionId: z.string(), year: z.number().int(), title: z.string(), score: z.number().nullable(), grade: z.string().nullable(), elements: z.array(z.object({ code: z.string(), name: z.string(), score: z.number().nullable() })) })),
  ),
};
