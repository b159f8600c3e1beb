import { z } from 'zod';
import { mutation, query } from './define.ts';
import { date, id, input, int, optDate, optText, text } from './fields.ts';
import { AttachmentInfo } from './attachments.ts';

export const SignatureInfo = z.object({
  method: z.enum(['ON_SCREEN', 'WET_SCAN']),
  signerName: z.string(),
  signedOn: z.string(),
  signedAtMs: z.number(),
  /** SHA-256 of the exact text that was signed. */
  contentHash: z.string(),
  recordedByOperator: z.string(),
  signatureAttachmentId: z.string().nullable(),
  scan: AttachmentInfo.nullable(),
});

export const LetterVersion = z.object({
  id: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  recipient: z.string().nullable(),
  content: z.string(),
  contentHash: z.string(),
  changeReason: z.string().nullable(),
  signer: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(['DRAFT', 'SIGNED']),
  signature: SignatureInfo.nullable(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type LetterVersion = z.infer<typeof LetterVersion>;

export const Publicity = z.object({
  postedOn: z.string().nullable(),
  postedWhere: z.string().nullable(),
  reportedOn: z.string().nullable(),
  reportedTo: z.string().nullable(),
  notes: z.string().nullable(),
  evidence: z.array(z.object({ linkId: z.string(), note: z.string().nullable(), attachment: AttachmentInfo })),
});

export const CommitmentOverview = z.object({
  year: z.number().int(),
  /** Years that have letters, newest first. */
  years: z.array(z.number().int()),
  principal: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The newest version of the year's letter. */
  current: LetterVersion.nullable(),
  versions: z.array(LetterVersion),
  publicity: Publicity.nullable(),
  /** A reason the letter must be (re)signed now, or null when it is in order. */
  attention: z.string().nullable(),
  defaultTitle: z.string(),
  defaultRecipient: z.string(),
  defaultContent: z.string(),
});
export type CommitmentOverview = z.infer<typeof CommitmentOverview>;

const LetterFields = {
  title: text('标题', 100),
  recipient: optText('承诺对象', 200),
  content: text('承诺书正文', 20000),
};

export const commitmentsContract = {
  'commitment.overview': query('某年度主要负责人安全生产承诺书：当前版本、历史版本、签署与公示情况', input({ year: int('年度', 2000, 2100).optional() }), CommitmentOverview),
  'commitment.createDraft': mutation('建立某年度的承诺书（第 1 版，由当前主要负责人签署）', input({ year: int('年度', 2000, 2100), ...LetterFields }), LetterVersion),
  'commitment.updateDraft': mutation('修改尚未签署的承诺书', input({ id: id('承诺书'), ...LetterFields }), LetterVersion),
  'commitment.newVersion': mutation(
    '已签署的承诺书修改正文或更换签署人时，建立新版本（需重新签署，旧版本存档）',
    input({ year: int('年度', 2000, 2100), ...LetterFields, changeReason: text('修订原因', 200) }),
    LetterVersion,
  ),
  'commitment.signOnScreen': mutation(
    '主要负责人在屏幕上手写签名签署（签名图片以 PNG base64 提交）',
    input({ id: id('承诺书'), signaturePngBase64: z.string({ error: '缺少签名' }).min(1, '签名是空的，请先在签名框内手写签名'), signedOn: optDate('签署日期') }),
    LetterVersion,
  ),
  'commitment.signWithScan': mutation(
    '登记线下手写签署：上传签字盖章后的扫描件或照片',
    input({ id: id('承诺书'), scanAttachmentId: id('扫描件'), signedOn: date('签署日期') }),
    LetterVersion,
  ),
  'commitment.setPublicity': mutation(
    '登记公示与报送情况（张贴日期、地点，报送监管部门日期）',
    input({ letterId: id('承诺书'), postedOn: optDate('公示日期'), postedWhere: optText('公示地点', 200), reportedOn: optDate('报送日期'), reportedTo: optText('报送单位', 100), notes: optText('备注', 500) }),
    Publicity,
  ),
  'commitment.addEvidence': mutation(
    '添加公示证明材料（公示照片、报送回执等）',
    input({ letterId: id('承诺书'), attachmentId: id('附件'), note: optText('说明', 200) }),
    Publicity,
  ),
};
