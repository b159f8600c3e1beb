import { z } from 'zod';
import { query } from './define.ts';
import { input, none, optDate, optId, optText, pageOf, paging } from './fields.ts';
import { AuditAction, AuditChannel } from './enums.ts';

export const AuditEntry = z.object({
  seq: z.number().int(),
  atMs: z.number(),
  operatorId: z.string().nullable(),
  operatorName: z.string(),
  channel: z.enum(AuditChannel.values),
  action: z.enum(AuditAction.values),
  entityType: z.string(),
  entityTypeLabel: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListInput = input({
  search: optText('搜索词', 50),
  entityType: optText('对象类型', 40),
  entityId: optId('对象'),
  operatorId: optId('操作员'),
  action: z.enum(AuditAction.values).optional(),
  from: optDate('开始日期'),
  to: optDate('结束日期'),
  ...paging,
});

export const auditContract = {
  'audit.list': query('操作日志（只读，按时间倒序）', AuditListInput, pageOf(AuditEntry)),
  'audit.entityTypes': query('操作日志中出现的对象类型', none, z.array(z.object({ value: z.string(), label: z.string() }))),
};

/** Chinese names of the record types that appear in the audit log. Later modules add theirs. */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  enterprise: '企业信息',
  unit: '组织机构',
  post: '岗位',
  person: '人员',
  certificate: '证书',
  cert_type: '证书类型',
  operator: '操作员',
  setting: '系统设置',
  system: '系统',
  commitment_letter: '安全承诺书',
  target_agreement: '目标责任书',
  board_member: '公示牌负责人',
  duty_list: '责任清单',
  duty_template: '责任清单模板',
  card_set: '两单两卡',
  risk_profile: '风险评价方法',
  risk_point: '风险点',
  risk_assessment: '风险评价',
  site_plan: '四色分布图',
  assessment_period: '考核周期',
  assessment_sheet: '责任制考核',
};
