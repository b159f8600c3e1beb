import { z } from 'zod';
import { mutation, query } from './define.ts';
import { id, idInput, input, int, none, okOutput, oneOf, optId, optPhone, optText, text } from './fields.ts';
import { UnitKind } from './enums.ts';

export const UnitInput = {
  name: text('单位名称', 60),
  kind: oneOf('单位类型', UnitKind.values),
  parentId: optId('上级单位'),
  headPersonId: optId('负责人'),
  phone: optPhone('联系电话'),
  sortOrder: int('排序号', 0, 9999).optional().default(0),
  notes: optText('备注', 500),
};

export const Unit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(UnitKind.values),
  headPersonId: z.string().nullable(),
  headName: z.string().nullable(),
  headPhone: z.string().nullable(),
  phone: z.string().nullable(),
  sortOrder: z.number().int(),
  notes: z.string().nullable(),
  /** Full path from the company, e.g. 重庆某公司 / 机加工车间 / 车工班. */
  path: z.string(),
  depth: z.number().int(),
  /** Active people directly in this unit. */
  peopleCount: z.number().int(),
  /** Active (non-archived) posts directly in this unit. */
  postCount: z.number().int(),
  childCount: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

export const orgContract = {
  'unit.list': query('组织机构（按树的先序排列，含路径与人数）', none, z.array(Unit)),
  'unit.create': mutation('新增单位（部门/车间/班组）', input(UnitInput), Unit),
  'unit.update': mutation('修改单位（可调整上级单位）', input({ id: id('单位'), ...UnitInput }), Unit),
  'unit.delete': mutation('删除单位（有下级单位、岗位或人员时不允许）', idInput('单位'), okOutput),
};
