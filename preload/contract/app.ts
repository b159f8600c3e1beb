import { z } from 'zod';
import { mutation, query } from './define.ts';
import { id, input, none, okOutput, text, optText } from './fields.ts';
import { EnterpriseProfileInput } from './enterprise.ts';

export const AppState = z.enum(['ready', 'setup', 'corrupt', 'tooNew']);

export const BackupInfo = z.object({
  fileName: z.string(),
  sizeBytes: z.number(),
  createdAtMs: z.number(),
  reason: z.string(),
});

export const AppStatus = z.object({
  state: AppState,
  /** Chinese explanation for the non-ready states. */
  message: z.string().nullable(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  supportedSchemaVersion: z.number().int(),
  dataDir: z.string(),
  isDemo: z.boolean(),
  enterpriseName: z.string().nullable(),
  operator: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Backups that can be restored (offered when the database is corrupt). */
  backups: z.array(BackupInfo),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const Operator = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  active: z.boolean(),
  createdAtMs: z.number(),
});
export type Operator = z.infer<typeof Operator>;

export const OperatorInput = input({
  name: text('操作员姓名', 30),
  title: optText('职务', 30),
});

export const Settings = z.object({
  /** Certificate alert thresholds in days, largest first (default 90/60/30). */
  certAlertDays: z.array(z.number().int()),
  /** 考核 grades: lowest percentage for 优秀 and for 合格 (default 90 / 70). */
  assessmentGrades: z.object({ excellent: z.number(), pass: z.number() }),
  /** Months from a risk point's approval to its next review (default 12: at least yearly). */
  riskReviewMonths: z.number().int(),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsInput = input({
  certAlertDays: z
    .array(z.number({ error: '提醒天数应为数字' }).int('提醒天数应为整数').min(1, '提醒天数至少 1 天').max(730, '提醒天数不能超过 730 天'))
    .min(1, '至少设置一个提醒天数')
    .max(5, '最多设置 5 个提醒天数')
    .refine((a) => new Set(a).size === a.length, '提醒天数不能重复')
    .optional(),
  assessmentGrades: input({
    excellent: z.number({ error: '优秀分数线应为数字' }).min(1, '优秀分数线应在 1–100 之间').max(100, '优秀分数线应在 1–100 之间'),
    pass: z.number({ error: '合格分数线应为数字' }).min(1, '合格分数线应在 1–100 之间').max(100, '合格分数线应在 1–100 之间'),
  }).refine((g) => g.pass < g.excellent, { message: '合格分数线应低于优秀分数线', path: ['pass'] })
    .optional(),
});

export const appContract = {
  'app.status': query('程序与数据状态（就绪、待初始化、数据库损坏、版本过新）', none, AppStatus),
  'app.setup': mutation(
    '首次启动：建立企业档案和第一位操作员',
    input({ enterprise: EnterpriseProfileInput, operator: OperatorInput }),
    AppStatus,
  ),
  'app.restoreBackup': mutation(
    '数据库损坏时，从备份恢复（按备份文件名，仅限数据目录内的备份）',
    input({ fileName: text('备份文件名', 200) }),
    AppStatus,
  ),
  'demo.load': mutation('载入演示企业（仅限尚未建立企业时）', input({ operatorName: optText('操作员姓名', 30) }), AppStatus),
  'demo.remove': mutation('移除演示数据：先备份，再清空数据并回到首次启动向导', none, AppStatus),
  'backup.create': mutation('立即备份数据库到数据目录的 backups 文件夹', none, BackupInfo),
  'backup.list': query('数据目录中的备份文件', none, z.array(BackupInfo)),
  'settings.get': query('系统设置', none, Settings),
  'settings.update': mutation('修改系统设置', SettingsInput, Settings),
  'operator.list': query('操作员列表', none, z.array(Operator)),
  'operator.create': mutation('新增操作员', OperatorInput, Operator),
  'operator.update': mutation(
    '修改操作员',
    input({ id: id('操作员'), name: text('操作员姓名', 30), title: optText('职务', 30), active: z.boolean() }),
    Operator,
  ),
  'session.switchOperator': mutation('切换当前操作员', input({ id: id('操作员') }), AppStatus),
  'app.ping': query('连通性检查', none, okOutput),
};
