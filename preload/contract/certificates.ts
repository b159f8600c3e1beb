import { z } from 'zod';
import { mutation, query } from './define.ts';
import { date, id, idInput, input, int, none, optDate, optId, optInt, optText, pageOf, paging, text } from './fields.ts';
import { CertDueState, CertReviewResult, CertStatus } from './enums.ts';

export const CertTypeFields = {
  name: text('证书类型名称', 60),
  validityYears: optInt('有效期（年）', 1, 50),
  reviewIntervalYears: optInt('复审周期（年）', 1, 50),
  reviewWindowDays: int('提前申请复审天数', 0, 365),
  authority: optText('发证机关', 100),
  notes: optText('说明', 500),
};

export const CertType = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  validityYears: z.number().int().nullable(),
  reviewIntervalYears: z.number().int().nullable(),
  reviewWindowDays: z.number().int(),
  authority: z.string().nullable(),
  notes: z.string().nullable(),
  builtin: z.boolean(),
  certificateCount: z.number().int(),
});
export type CertType = z.infer<typeof CertType>;

export const CertificateFields = {
  personId: id('持证人'),
  certTypeId: id('证书类型'),
  category: optText('作业类别/操作项目', 60),
  number: text('证书编号', 50),
  issuer: optText('发证机关', 100),
  issueDate: date('初领/发证日期'),
  expiryDate: optDate('有效期至'),
  lastReviewDate: optDate('最近复审日期'),
  notes: optText('备注', 500),
};

export const CertReview = z.object({
  id: z.string(),
  reviewDate: z.string(),
  result: z.enum(CertReviewResult.values),
  notes: z.string().nullable(),
  createdAtMs: z.number(),
});

export const Certificate = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  staffNo: z.string(),
  personStatus: z.string(),
  unitName: z.string(),
  certTypeId: z.string(),
  certTypeName: z.string(),
  category: z.string().nullable(),
  number: z.string(),
  issuer: z.string().nullable(),
  issueDate: z.string(),
  /** As entered (printed on the card) or null to use the type's rule. */
  expiryDate: z.string().nullable(),
  /** The expiry actually in force: entered, or issue date + validity years. */
  effectiveExpiryDate: z.string().nullable(),
  lastReviewDate: z.string().nullable(),
  nextReviewDate: z.string().nullable(),
  /** Earliest of next review and expiry. */
  dueDate: z.string().nullable(),
  /** Opening of the review application window (dueDate − window days). */
  reviewWindowStart: z.string().nullable(),
  status: z.enum(CertStatus.values),
  dueState: z.enum(CertDueState.values),
  /** Days until the due date (negative when expired / overdue); null without a due date. */
  daysLeft: z.number().int().nullable(),
  /** For DUE: the alert threshold reached, e.g. 30 for "30 天内到期". */
  alertBucket: z.number().int().nullable(),
  notes: z.string().nullable(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type Certificate = z.infer<typeof Certificate>;

export const CertificateDetail = Certificate.extend({ reviews: z.array(CertReview) });

export const CertificateListInput = input({
  search: optText('搜索词', 50),
  personId: optId('持证人'),
  certTypeId: optId('证书类型'),
  unitId: optId('单位'),
  /** `ATTENTION` = expired, review overdue or due within the largest alert window. */
  dueState: z.enum([...CertDueState.values, 'ATTENTION']).optional(),
  /** With DUE or ATTENTION: only those due within this many days. */
  dueWithinDays: z.number().int().min(1).max(730).optional(),
  includeLeft: z.boolean().optional().default(false),
  ...paging,
});

export const certificatesContract = {
  'certType.list': query('证书类型及其有效期、复审规则', none, z.array(CertType)),
  'certType.create': mutation('新增证书类型', input(CertTypeFields), CertType),
  'certType.update': mutation('修改证书类型规则（同时重算该类型全部证书的到期日）', input({ id: id('证书类型'), ...CertTypeFields }), CertType),
  'certType.delete': mutation('删除证书类型（内置类型或已有证书时不允许）', idInput('证书类型'), z.object({ ok: z.literal(true) })),
  'certificate.list': query('证书列表（按到期状态筛选，按到期日排序）', CertificateListInput, pageOf(Certificate)),
  'certificate.get': query('证书详情（含复审记录）', idInput('证书'), CertificateDetail),
  'certificate.create': mutation('登记证书', input(CertificateFields), CertificateDetail),
  'certificate.update': mutation('修改证书', input({ id: id('证书'), ...CertificateFields }), CertificateDetail),
  'certificate.delete': mutation('删除证书', idInput('证书'), z.object({ ok: z.literal(true) })),
  'certificate.recordReview': mutation(
    '登记复审结果（合格则顺延下次复审日期）',
    input({ id: id('证书'), reviewDate: date('复审日期'), result: z.enum(CertReviewResult.values, { error: '请选择复审结果' }), notes: optText('备注', 500) }),
    CertificateDetail,
  ),
  'certificate.revoke': mutation('注销证书', input({ id: id('证书'), reason: text('注销原因', 200) }), CertificateDetail),
};
