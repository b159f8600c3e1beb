import { z } from 'zod';
import { mutation, query } from './define.ts';
import { date, id, input, optDate, optId, optText, text } from './fields.ts';
import { ACCIDENT_TYPES, EmploymentType, RISK_STAGES, WorkPhase } from './enums.ts';

const short = (label: string, max: number) => text(label, max);

export const RiskLevel = z.enum(['MAJOR', 'HIGH', 'MEDIUM', 'LOW']);

export const CardRiskItem = z.object({
  statement: short('风险描述', 60),
  accidentType: z.enum(ACCIDENT_TYPES, { error: '请选择 GB 6441 规定的事故类型' }),
  stage: z.enum(RISK_STAGES, { error: '请选择作业环节' }),
  /** Set when the item comes from the risk register. */
  riskPointId: z.string().nullable().optional().transform((v) => v ?? null),
  level: RiskLevel.nullable().optional().transform((v) => v ?? null),
});

export const CardStep = z.object({
  phase: z.enum(WorkPhase.values, { error: '请选择作业阶段' }),
  action: short('操作要点', 80),
  prohibitions: optText('禁止事项', 80),
  ppe: optText('防护用品', 60),
});

export const CardScenario = z.object({
  scenario: short('事故情形', 40),
  steps: z.array(short('处置步骤', 60)).min(1, '每个事故情形至少要有一个处置步骤').max(10),
  cautions: optText('注意事项', 100),
});

const mnemonic = optText('顺口溜', 80);

export const CardContent = z.object({
  applicable: z.array(z.enum(EmploymentType.values)).min(1, '请选择适用人员类型'),
  ppe: z.array(short('防护用品', 20)).max(12),
  risk: z.object({
    items: z.array(CardRiskItem).max(12),
    mnemonic,
    /** Drawn live from the risk register (the post's approved risk points); the items are then not edited by hand. */
    fromRegister: z.boolean().optional().default(false),
  }),
  duty: z.object({ items: z.array(short('职责', 80)).max(12), mnemonic }),
  operation: z.object({ steps: z.array(CardStep).max(15), mnemonic }),
  emergency: z.object({ scenarios: z.array(CardScenario).max(4), mnemonic }),
});
export type CardContent = z.infer<typeof CardContent>;

export const CardSet = CardContent.extend({
  id: z.string(),
  postId: z.string(),
  postName: z.string(),
  unitName: z.string(),
  trade: z.string().nullable(),
  version: z.number().int(),
  status: z.enum(['DRAFT', 'APPROVED']),
  /** APPROVED: the newest approved version is current; older ones are superseded. */
  state: z.enum(['DRAFT', 'CURRENT', 'SUPERSEDED']),
  libraryKey: z.string().nullable(),
  compiledBy: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  publishedOn: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  changeReason: z.string().nullable(),
  reviewOverdue: z.boolean(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type CardSet = z.infer<typeof CardSet>;

export const CardPostStatus = z.object({
  postId: z.string(),
  postName: z.string(),
  unitPath: z.string(),
  trade: z.string().nullable(),
  holderCount: z.number().int(),
  current: z.object({ id: z.string(), version: z.number().int(), publishedOn: z.string(), nextReviewOn: z.string().nullable(), reviewOverdue: z.boolean() }).nullable(),
  draftId: z.string().nullable(),
  acknowledged: z.number().int(),
  checks: z.object({ total: z.number().int(), passed: z.number().int() }),
  suggestedLibraryKey: z.string().nullable(),
});
export type CardPostStatus = z.infer<typeof CardPostStatus>;

export const CardCheck = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  checkedOn: z.string(),
  checkerName: z.string(),
  passed: z.boolean(),
  notes: z.string().nullable(),
  version: z.number().int(),
});

export const cardsContract = {
  'card.posts': query('一线岗位的两单两卡状态', input({ unitId: optId('单位') }), z.array(CardPostStatus)),
  'card.versions': query('某岗位两单两卡的全部版本', input({ postId: id('岗位') }), z.array(CardSet)),
  'card.get': query('一个版本的两单两卡', input({ id: id('两单两卡') }), CardSet),
  'card.library': query('两单两卡内容库（按工种）', z.preprocess((v) => v ?? {}, z.strictObject({})), z.array(z.object({ key: z.string(), name: z.string(), match: z.array(z.string()) }))),
  'card.createDraft': mutation(
    '建立两单两卡草稿：从内容库（按工种一键生成）、从现行版本修订，或空白',
    input({ postId: id('岗位'), libraryKey: optText('内容库条目', 60), copyCurrent: z.boolean().optional().default(false), reason: text('编制/修订原因', 200) }),
    CardSet,
  ),
  'card.saveDraft': mutation(
    '保存两单两卡草稿',
    input({ id: id('两单两卡'), content: CardContent, compiledBy: optText('编制人', 30), reviewedBy: optText('审核人', 30), changeReason: optText('修订原因', 200) }),
    CardSet,
  ),
  'card.dutiesFromList': mutation('用岗位现行责任清单生成岗位职责清单（草稿）', input({ id: id('两单两卡') }), CardSet),
  'card.riskFromRegister': mutation(
    '岗位风险清单改为由风险分级管控清单自动生成（风险变化时随之更新），或改回手工编辑（保留当前条目）',
    input({ id: id('两单两卡'), fromRegister: z.boolean({ error: '请选择是否由风险清单生成' }) }),
    CardSet,
  ),
  'card.deleteDraft': mutation('删除未批准的两单两卡草稿', input({ id: id('两单两卡') }), z.object({ ok: z.literal(true) })),
  'card.approve': mutation(
    '批准发布两单两卡（编制、审核、批准齐全）',
    input({
      id: id('两单两卡'),
      compiledBy: text('编制人', 30),
      reviewedBy: text('审核人', 30),
      approverPersonId: id('批准人'),
      publishedOn: date('发布日期'),
      nextReviewOn: optDate('下次复审日期'),
    }),
    CardSet,
  ),
  'card.checks': query('背诵抽查记录', input({ postId: id('岗位') }), z.array(CardCheck)),
  'card.recordCheck': mutation(
    '登记背诵抽查（知风险、明职责、会操作、能应急）',
    input({ postId: id('岗位'), personId: id('人员'), checkedOn: date('抽查日期'), checkerName: text('抽查人', 30), passed: z.boolean({ error: '请选择是否通过' }), notes: optText('抽查情况', 300) }),
    z.array(CardCheck),
  ),
};
