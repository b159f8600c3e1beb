import { z } from 'zod';
import { mutation, query } from './define.ts';
import { bool, id, idInput, input, oneOf, optId, optText, pageOf, paging, text } from './fields.ts';
import { PostCategory } from './enums.ts';

export const PostInput = {
  name: text('岗位名称', 60),
  unitId: id('所属单位'),
  trade: optText('工种', 60),
  category: oneOf('岗位类别', PostCategory.values),
  isSpecialOperation: bool('是否特种作业岗位'),
  requiredCertTypeId: optId('所需证书类型'),
  requiredCertCategory: optText('所需作业类别', 60),
  notes: optText('备注', 1000),
};

export const PostHolder = z.object({
  personId: z.string(),
  name: z.string(),
  staffNo: z.string(),
  employmentType: z.string(),
  startDate: z.string(),
  /** For special-operation posts: whether this holder has a valid certificate today. */
  certified: z.boolean().nullable(),
});

export const Post = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitPath: z.string(),
  trade: z.string().nullable(),
  category: z.enum(PostCategory.values),
  isSpecialOperation: z.boolean(),
  requiredCertTypeId: z.string().nullable(),
  requiredCertTypeName: z.string().nullable(),
  requiredCertCategory: z.string().nullable(),
  notes: z.string().nullable(),
  archived: z.boolean(),
  holderCount: z.number().int(),
  /** Holders without a valid required certificate (special-operation posts only). */
  uncertifiedCount: z.number().int(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type Post = z.infer<typeof Post>;

export const PostDetail = Post.extend({ holders: z.array(PostHolder) });
export type PostDetail = z.infer<typeof PostDetail>;

export const PostListInput = input({
  search: optText('搜索词', 50),
  unitId: optId('单位'),
  includeSubunits: z.boolean().optional().default(true),
  category: z.enum(PostCategory.values).optional(),
  specialOnly: z.boolean().optional().default(false),
  withoutHolders: z.boolean().optional().default(false),
  includeArchived: z.boolean().optional().default(false),
  ...paging,
});

export const PostOption = z.object({ id: z.string(), name: z.string(), unitName: z.string(), isSpecialOperation: z.boolean() });

export const postsContract = {
  'post.list': query('岗位列表（可按单位、类别、特种作业、无人在岗筛选）', PostListInput, pageOf(Post)),
  'post.get': query('岗位详情（含在岗人员）', idInput('岗位'), PostDetail),
  'post.options': query('岗位下拉选项（不含已归档）', input({ unitId: optId('单位') }).optional().transform((v) => v ?? { unitId: null }), z.array(PostOption)),
  'post.create': mutation('新增岗位', input(PostInput), PostDetail),
  'post.update': mutation('修改岗位', input({ id: id('岗位'), ...PostInput }), PostDetail),
  'post.delete': mutation('删除岗位（有人在岗或有任职历史时不允许，可归档）', idInput('岗位'), z.object({ ok: z.literal(true) })),
  'post.archive': mutation('归档岗位（不再使用，保留历史）', idInput('岗位'), PostDetail),
  'post.restore': mutation('恢复已归档岗位', idInput('岗位'), PostDetail),
};
