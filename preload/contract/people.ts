import { z } from 'zod';
import { mutation, query } from './define.ts';
import { date, id, idInput, idNumberChange, input, oneOf, optDate, optId, optIdNumber, optOneOf, optPhone, optText, pageOf, paging, text } from './fields.ts';
import { EmploymentType, Gender, PersonStatus } from './enums.ts';

export const PersonFields = {
  name: text('姓名', 30),
  staffNo: text('工号', 30),
  unitId: id('所属单位'),
  employmentType: oneOf('用工类型', EmploymentType.values),
  employerName: optText('派遣/外包单位', 100),
  gender: optOneOf('性别', Gender.values),
  jobTitle: optText('职务', 30),
  phone: optPhone('手机号'),
  hireDate: optDate('入职日期'),
  notes: optText('备注', 1000),
};

export const PersonCreateInput = input({
  ...PersonFields,
  idNumber: optIdNumber(),
  /** Posts held from the hire date (or today). */
  postIds: z.array(id('岗位')).max(10, '一人最多同时任 10 个岗位').optional().default([]),
});

export const PersonRow = z.object({
  id: z.string(),
  name: z.string(),
  staffNo: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitPath: z.string(),
  employmentType: z.enum(EmploymentType.values),
  employerName: z.string().nullable(),
  gender: z.enum(Gender.values).nullable(),
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  hireDate: z.string().nullable(),
  status: z.enum(PersonStatus.values),
  leftDate: z.string().nullable(),
  /** Always masked, e.g. 5001**********1234. */
  idNumberMasked: z.string().nullable(),
  /** Names of the current posts. */
  postNames: z.array(z.string()),
  certificateCount: z.number().int(),
});
export type PersonRow = z.infer<typeof PersonRow>;

export const PostAssignment = z.object({
  id: z.string(),
  postId: z.string(),
  postName: z.string(),
  unitName: z.string(),
  isSpecialOperation: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

export const StatusEvent = z.object({
  id: z.string(),
  status: z.enum(PersonStatus.values),
  date: z.string(),
  reason: z.string().nullable(),
  createdAtMs: z.number(),
});

export const PersonDetail = PersonRow.extend({
  notes: z.string().nullable(),
  photoAttachmentId: z.string().nullable(),
  posts: z.array(PostAssignment),
  statusHistory: z.array(StatusEvent),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const PersonListInput = input({
  search: optText('搜索词', 50),
  unitId: optId('单位'),
  includeSubunits: z.boolean().optional().default(true),
  employmentType: z.enum(EmploymentType.values).optional(),
  status: z.enum(PersonStatus.values).optional(),
  postId: optId('岗位'),
  withoutPost: z.boolean().optional().default(false),
  sort: z.enum(['staffNo', 'name', 'hireDate', 'unit']).optional().default('staffNo'),
  ...paging,
});

export const PersonOption = z.object({ id: z.string(), name: z.string(), staffNo: z.string(), unitName: z.string(), phone: z.string().nullable() });

export const peopleContract = {
  'person.list': query('从业人员列表（分页，可搜索姓名/工号/电话，身份证号脱敏）', PersonListInput, pageOf(PersonRow)),
  'person.get': query('人员详情（岗位历史、在离职记录）', idInput('人员'), PersonDetail),
  'person.options': query(
    '人员下拉选项（按姓名/工号搜索，最多 50 条，仅在职）',
    input({ search: optText('搜索词', 50), ids: z.array(z.string()).max(50).optional().default([]) }),
    z.array(PersonOption),
  ),
  'person.create': mutation('新增人员（可同时指定岗位）', PersonCreateInput, PersonDetail),
  'person.update': mutation(
    '修改人员基本信息（idNumber 不传则保持不变，传空值则清除）',
    input({ id: id('人员'), ...PersonFields, idNumber: idNumberChange() }),
    PersonDetail,
  ),
  'person.setPosts': mutation(
    '调整人员岗位：未选中的现任岗位在生效日结束，新岗位自生效日开始',
    input({ id: id('人员'), postIds: z.array(id('岗位')).max(10, '一人最多同时任 10 个岗位'), effectiveDate: date('生效日期') }),
    PersonDetail,
  ),
  'person.leave': mutation(
    '办理离职（结束所有现任岗位，保留历史）',
    input({ id: id('人员'), date: date('离职日期'), reason: optText('离职原因', 200) }),
    PersonDetail,
  ),
  'person.rejoin': mutation(
    '重新入职',
    input({ id: id('人员'), date: date('入职日期'), reason: optText('说明', 200) }),
    PersonDetail,
  ),
  'person.delete': mutation('删除人员（仅限误录且无证书等关联记录的人员）', idInput('人员'), z.object({ ok: z.literal(true) })),
  'person.revealIdNumber': mutation('查看完整身份证号（记入操作日志）', idInput('人员'), z.object({ idNumber: z.string().nullable() })),
};
