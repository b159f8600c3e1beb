import { z } from 'zod';
import { mutation, query } from './define.ts';
import { date, id, input, none, oneOf, optDate, optId, optText, text } from './fields.ts';
import { DutyCategory, EmploymentType } from './enums.ts';

export const DutyItemInput = input({
  content: text('职责内容', 200),
  category: oneOf('职责类别', DutyCategory.values),
  legalBasis: optText('依据', 200),
  scope: optText('范围', 200),
  assessmentStandard: optText('考核标准', 300),
  weight: z.number({ error: '分值应为数字' }).min(0, '分值不能为负数').max(100, '分值不能超过 100'),
});

export const DutyItem = z.object({
  id: z.string(),
  itemNo: z.number().int(),
  content: z.string(),
  category: z.enum(DutyCategory.values),
  legalBasis: z.string().nullable(),
  scope: z.string().nullable(),
  assessmentStandard: z.string().nullable(),
  weight: z.number(),
});
export type DutyItem = z.infer<typeof DutyItem>;

export const ItemChanges = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  modified: z.array(z.object({ before: z.string(), after: z.string() })),
});

export const DutyListSummary = z.object({
  id: z.string(),
  postId: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  label: z.string(),
  status: z.enum(['DRAFT', 'APPROVED']),
  /** APPROVED versions: in force today, superseded, or taking effect later. */
  state: z.enum(['DRAFT', 'IN_FORCE', 'SUPERSEDED', 'FUTURE']),
  reason: z.string(),
  templateKey: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  approverName: z.string().nullable(),
  approvedAtMs: z.number().nullable(),
  changes: ItemChanges.nullable(),
  changesText: z.string().nullable(),
  itemCount: z.number().int(),
  totalWeight: z.number(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type DutyListSummary = z.infer<typeof DutyListSummary>;

export const DutyList = DutyListSummary.extend({
  postName: z.string(),
  unitName: z.string(),
  unitPath: z.string(),
  items: z.array(DutyItem),
});
export type DutyList = z.infer<typeof DutyList>;

export const PostDutyStatus = z.object({
  postId: z.string(),
  postName: z.string(),
  unitId: z.string(),
  unitPath: z.string(),
  category: z.enum(['FRONTLINE', 'MANAGEMENT']),
  holderCount: z.number().int(),
  current: z.object({ id: z.string(), label: z.string(), effectiveFrom: z.string() }).nullable(),
  draft: z.object({ id: z.string(), label: z.string() }).nullable(),
  acknowledged: z.number().int(),
  suggestedTemplate: z.string().nullable(),
});
export type PostDutyStatus = z.infer<typeof PostDutyStatus>;

export const Holder = z.object({
  personId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  unitName: z.string(),
  employmentType: z.enum(EmploymentType.values),
  listAck: z.object({ signedOn: z.string(), method: z.enum(['ON_SCREEN', 'PAPER']), recordedBy: z.string() }).nullable(),
  cardAck: z.object({ signedOn: z.string(), method: z.enum(['ON_SCREEN', 'PAPER']), recordedBy: z.string() }).nullable(),
});
export type Holder = z.infer<typeof Holder>;

export const TemplateInfo = z.object({
  key: z.string(),
  name: z.string(),
  source: z.enum(['BUILTIN', 'IMPORTED', 'CUSTOM']),
  description: z.string().nullable(),
  match: z.array(z.string()),
  itemCount: z.number().int(),
});
export type TemplateInfo = z.infer<typeof TemplateInfo>;

const CoveragePerson = z.object({
  personId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  unitName: z.string(),
  employmentType: z.enum(EmploymentType.values),
  postId: z.string().nullable(),
  postName: z.string().nullable(),
  /** What this person still lacks, in words. */
  missing: z.string(),
});

export const Coverage = z.object({
  today: z.string(),
  summary: z.object({
    posts: z.number().int(),
    postsCovered: z.number().int(),
    people: z.number().int(),
    peopleCovered: z.number().int(),
  }),
  /** Per post: has an approved list in force (and, for front-line posts, approved cards), and every holder has signed. */
  posts: z.array(
    z.object({
      postId: z.string(),
      postName: z.string(),
      unitName: z.string(),
      frontline: z.boolean(),
      hasList: z.boolean(),
      hasDraft: z.boolean(),
      hasCards: z.boolean(),
      holders: z.number().int(),
      acknowledged: z.number().int(),
      ok: z.boolean(),
      problem: z.string().nullable(),
    }),
  ),
  postsWithoutList: z.array(z.object({ postId: z.string(), postName: z.string(), unitName: z.string(), hasDraft: z.boolean(), holders: z.number().int() })),
  frontlineWithoutCards: z.array(z.object({ postId: z.string(), postName: z.string(), unitName: z.string(), hasDraft: z.boolean(), holders: z.number().int() })),
  peopleWithoutList: z.array(CoveragePerson),
  peopleNotAcknowledged: z.array(CoveragePerson),
  /** 劳务派遣 and 灵活用工 people lacking a post, a list or a signature. */
  flexibleNotCovered: z.array(CoveragePerson),
});
export type Coverage = z.infer<typeof Coverage>;

const AckTargets = z.array(z.enum(['LIST', 'CARDS'])).min(1, '请选择要签字确认的内容（责任清单或两单两卡）');

export const dutiesContract = {
  'duty.posts': query('各岗位的责任清单状态（现行版本、草稿、签字确认人数）', input({ unitId: optId('单位'), search: optText('搜索词', 50) }), z.array(PostDutyStatus)),
  'duty.versions': query('某岗位责任清单的全部版本（修订记录）', input({ postId: id('岗位') }), z.array(DutyListSummary)),
  'duty.get': query('一个版本的责任清单及条目', input({ id: id('责任清单') }), DutyList),
  'duty.inForce': query('某日现行的责任清单版本', input({ postId: id('岗位'), date: date('日期') }), DutyList.nullable()),
  'duty.createDraft': mutation(
    '建立责任清单草稿：从模板（一键）、从现行版本修订，或空白',
    input({
      postId: id('岗位'),
      templateKey: optText('模板', 60),
      copyCurrent: z.boolean().optional().default(false),
      reason: text('编制/修订原因', 200),
    }),
    DutyList,
  ),
  'duty.saveDraft': mutation(
    '保存草稿的条目（按顺序编号）与修订原因',
    input({ id: id('责任清单'), reason: text('编制/修订原因', 200), items: z.array(DutyItemInput).min(1, '责任清单至少要有一条职责') }),
    DutyList,
  ),
  'duty.deleteDraft': mutation('删除未批准的草稿', input({ id: id('责任清单') }), z.object({ ok: z.literal(true) })),
  'duty.approve': mutation(
    '批准草稿：指定批准人和生效日期；此前的版本自该日起不再执行',
    input({ id: id('责任清单'), approverPersonId: id('批准人'), effectiveFrom: date('生效日期') }),
    DutyList,
  ),
  'duty.holders': query('岗位在岗人员及其对现行责任清单、两单两卡的签字确认情况', input({ postId: id('岗位') }), z.array(Holder)),
  'duty.acknowledge': mutation(
    '人员签字确认本岗位现行的责任清单和/或两单两卡（屏幕签名或纸质签字录入）',
    input({
      personId: id('人员'),
      postId: id('岗位'),
      targets: AckTargets,
      listId: optId('责任清单版本'),
      cardSetId: optId('两单两卡版本'),
      method: z.enum(['ON_SCREEN', 'PAPER'], { error: '请选择确认方式' }),
      signaturePngBase64: optText('签名', 3_000_000),
      signedOn: optDate('签字日期'),
    }),
    z.array(Holder),
  ),
  'duty.acknowledgeBatch': mutation(
    '按纸质签字确认表批量录入（全部成功或全部不录入）',
    input({
      entries: z.array(input({ personId: id('人员'), postId: id('岗位') })).min(1, '请选择已在纸上签字的人员').max(2000),
      targets: AckTargets,
      signedOn: date('签字日期'),
      sheetAttachmentId: optId('签字表扫描件'),
    }),
    z.object({ recorded: z.number().int(), alreadySigned: z.number().int() }),
  ),
  'duty.coverage': query('岗位全覆盖检查：无清单的岗位、无清单或未签字确认的人员、未覆盖的劳务派遣与灵活用工人员', input({ unitId: optId('单位') }), Coverage),
  'dutyTemplate.list': query('责任清单模板库（内置与导入）', none, z.array(TemplateInfo)),
  'dutyTemplate.get': query('模板的条目', input({ key: text('模板', 80) }), z.object({ template: TemplateInfo, items: z.array(DutyItemInput) })),
  'dutyTemplate.import': mutation(
    '导入模板（JSON 文本，格式同 resources/content/duty-templates.json）；有错误时不导入任何模板',
    input({ json: text('模板文件内容', 2_000_000) }),
    z.object({ imported: z.array(z.string()) }),
  ),
  'dutyTemplate.saveFromList': mutation('把某版责任清单另存为模板', input({ listId: id('责任清单'), name: text('模板名称', 60) }), TemplateInfo),
};
