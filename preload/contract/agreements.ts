import { z } from 'zod';
import { mutation, query } from './define.ts';
import { date, id, input, int, optDate, optId, optText, pageOf, paging, text } from './fields.ts';

export const AGREEMENT_LEVELS = ['COMPANY_UNIT', 'UNIT_TEAM', 'TEAM_WORKER'] as const;
export const AgreementLevelLabel: Record<(typeof AGREEMENT_LEVELS)[number], string> = {
  COMPANY_UNIT: '公司—部门/车间',
  UNIT_TEAM: '部门/车间—班组',
  TEAM_WORKER: '班组—员工',
};

export const AgreementTemplate = z.object({
  year: z.number().int(),
  saved: z.boolean(),
  title: z.string(),
  preamble: z.string(),
  targetsCompanyUnit: z.string(),
  targetsUnitTeam: z.string(),
  targetsTeamWorker: z.string(),
  terms: z.string(),
  updatedAtMs: z.number().nullable(),
});
export type AgreementTemplate = z.infer<typeof AgreementTemplate>;

const PartySignature = z.object({ method: z.enum(['ON_SCREEN', 'WET_SCAN']), signerName: z.string(), signedOn: z.string() }).nullable();

export const AgreementRow = z.object({
  id: z.string(),
  year: z.number().int(),
  level: z.enum(AGREEMENT_LEVELS),
  unitId: z.string(),
  unitName: z.string(),
  partyAName: z.string(),
  partyAPerson: z.string().nullable(),
  partyBPersonId: z.string(),
  partyBName: z.string(),
  partyBStaffNo: z.string(),
  status: z.enum(['UNSIGNED', 'PARTIAL', 'SIGNED']),
  signatureA: PartySignature,
  signatureB: PartySignature,
  contentHash: z.string(),
});
export type AgreementRow = z.infer<typeof AgreementRow>;

export const AgreementDetail = AgreementRow.extend({ content: z.string(), title: z.string() });

export const AgreementProgress = z.object({
  year: z.number().int(),
  levels: z.array(z.object({ level: z.enum(AGREEMENT_LEVELS), total: z.number().int(), signed: z.number().int(), partial: z.number().int(), unsigned: z.number().int() })),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), total: z.number().int(), signed: z.number().int() })),
});

const TemplateFields = {
  title: text('标题', 100),
  preamble: text('总则', 5000),
  targetsCompanyUnit: text('公司—部门/车间目标', 5000),
  targetsUnitTeam: text('部门/车间—班组目标', 5000),
  targetsTeamWorker: text('班组—员工目标', 5000),
  terms: text('考核与奖惩条款', 5000),
};

const Level = z.enum(AGREEMENT_LEVELS, { error: '请选择有效的层级' });

export const agreementsContract = {
  'agreement.template': query('某年度目标责任书模板（未保存时为默认文本）', input({ year: int('年度', 2000, 2100) }), AgreementTemplate),
  'agreement.saveTemplate': mutation('保存某年度目标责任书模板（已生成未签署的责任书随之更新）', input({ year: int('年度', 2000, 2100), ...TemplateFields }), AgreementTemplate),
  'agreement.generate': mutation(
    '按组织机构逐级批量生成目标责任书（已签署的不变）',
    input({ year: int('年度', 2000, 2100), levels: z.array(Level).min(1, '至少选择一个层级').optional() }),
    z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      skipped: z.array(z.object({ unitName: z.string(), reason: z.string() })),
    }),
  ),
  'agreement.list': query(
    '目标责任书签订情况（谁已签、谁未签）',
    input({
      year: int('年度', 2000, 2100),
      level: Level.optional(),
      unitId: optId('单位'),
      status: z.enum(['UNSIGNED', 'PARTIAL', 'SIGNED']).optional(),
      search: optText('搜索词', 50),
      ...paging,
    }),
    pageOf(AgreementRow),
  ),
  'agreement.get': query('目标责任书详情', input({ id: id('责任书') }), AgreementDetail),
  'agreement.progress': query('目标责任书签订进度（按层级、按单位）', input({ year: int('年度', 2000, 2100) }), AgreementProgress),
  'agreement.sign': mutation(
    '一方在屏幕上手写签名（甲方或乙方）',
    input({ id: id('责任书'), party: z.enum(['A', 'B'], { error: '请选择甲方或乙方' }), signaturePngBase64: z.string({ error: '缺少签名' }).min(1, '签名是空的，请先手写签名'), signedOn: optDate('签署日期') }),
    AgreementDetail,
  ),
  'agreement.signWithScan': mutation(
    '登记线下双方签字的扫描件（尚未签署的一方或双方记为线下签署）',
    input({ id: id('责任书'), scanAttachmentId: id('扫描件'), signedOn: date('签署日期') }),
    AgreementDetail,
  ),
};
