import { z } from 'zod';
import { mutation, query } from './define.ts';
import { date, id, input, int, none, optId, optText, text } from './fields.ts';
import { PeriodKind } from './enums.ts';

export const Period = z.object({
  id: z.string(),
  kind: z.enum(PeriodKind.values),
  year: z.number().int(),
  seq: z.number().int(),
  label: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(['OPEN', 'CLOSED']),
  assessed: z.number().int(),
});
export type Period = z.infer<typeof Period>;

export const AssessmentRow = z.object({
  personId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  postId: z.string(),
  postName: z.string(),
  listId: z.string().nullable(),
  listLabel: z.string().nullable(),
  maxScore: z.number(),
  score: z.number().nullable(),
  percent: z.number().nullable(),
  grade: z.string().nullable(),
  scoredItems: z.number().int(),
  totalItems: z.number().int(),
  /** 一票否决: the sheet fails whatever the points. */
  vetoReason: z.string().nullable(),
  assessorName: z.string().nullable(),
});
export type AssessmentRow = z.infer<typeof AssessmentRow>;

export const SheetItem = z.object({
  itemId: z.string(),
  itemNo: z.number().int(),
  content: z.string(),
  assessmentStandard: z.string().nullable(),
  weight: z.number(),
  score: z.number().nullable(),
  deductionReason: z.string().nullable(),
  evidence: z.string().nullable(),
});

export const Sheet = z.object({
  period: Period,
  row: AssessmentRow,
  assessedOn: z.string().nullable(),
  comment: z.string().nullable(),
  editable: z.boolean(),
  items: z.array(SheetItem),
});
export type Sheet = z.infer<typeof Sheet>;

export const UnitResult = z.object({
  unitId: z.string(),
  unitName: z.string(),
  people: z.number().int(),
  assessed: z.number().int(),
  averagePercent: z.number().nullable(),
  excellent: z.number().int(),
  pass: z.number().int(),
  fail: z.number().int(),
});

export const assessmentsContract = {
  'assessment.periods': query('考核周期', none, z.array(Period)),
  'assessment.createPeriod': mutation('新建考核周期（月度、季度或年度）', input({ kind: z.enum(PeriodKind.values, { error: '请选择周期类型' }), year: int('年度', 2000, 2100), seq: int('序号', 1, 12) }), Period),
  'assessment.closePeriod': mutation('结束考核周期（之后不能再改分）', input({ id: id('考核周期') }), Period),
  'assessment.people': query(
    '某周期应考核的人员（按其岗位当期现行的责任清单）及得分',
    input({ periodId: id('考核周期'), unitId: optId('单位'), search: optText('搜索词', 50) }),
    z.array(AssessmentRow),
  ),
  'assessment.sheet': query('某人某岗位的考核表', input({ periodId: id('考核周期'), personId: id('人员'), postId: id('岗位') }), Sheet),
  'assessment.saveSheet': mutation(
    '保存考核评分：每条职责的得分（不超过分值），扣分须写明原因',
    input({
      periodId: id('考核周期'),
      personId: id('人员'),
      postId: id('岗位'),
      assessorName: text('考核人', 30),
      assessedOn: date('考核日期'),
      vetoReason: optText('一票否决原因', 200),
      comment: optText('考核评语', 300),
      scores: z
        .array(input({ itemId: id('职责条目'), score: z.number({ error: '得分应为数字' }).min(0, '得分不能为负数'), deductionReason: optText('扣分原因', 300), evidence: optText('依据/证据', 300) }))
        .min(1, '请至少为一条职责评分'),
    }),
    Sheet,
  ),
  'assessment.results': query(
    '考核结果：按单位汇总',
    input({ periodId: id('考核周期') }),
    z.object({ period: Period, grades: z.object({ excellent: z.number(), pass: z.number() }), units: z.array(UnitResult), overall: UnitResult }),
  ),
};
