import { z } from 'zod';
import { mutation, query } from './define.ts';
import { id, input, none, text } from './fields.ts';

export const BoardMember = z.object({ personId: z.string(), name: z.string(), role: z.string(), phone: z.string().nullable(), hasPhoto: z.boolean() });

export const boardContract = {
  'board.members': query('公示牌上除主要负责人、分管安全负责人外的其他负责人', none, z.array(BoardMember)),
  'board.setMembers': mutation(
    '设置公示牌上的其他负责人（按顺序）',
    input({ members: z.array(input({ personId: id('人员'), role: text('职务/分工', 30) })).max(8, '公示牌最多列 8 位其他负责人') }),
    z.array(BoardMember),
  ),
};
