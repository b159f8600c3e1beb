import type { HandlersFor } from '../../ipc/types.ts';
import { AppError, fail } from '../../errors.ts';
import { backupIntoDataDir, listBackups } from '../backup/service.ts';
import { seedDemo } from '../demo/seed.ts';
import { createOperator, listOperators, switchOperator, updateOperator } from './operators.ts';
import { setupEnterprise } from './service.ts';
import { getSettings, updateSettings } from './settings.ts';
import { recordAudit } from '../audit/service.ts';
import { inTransaction } from '../../db/sql.ts';

export const appHandlers: HandlersFor<
  | 'app.status'
  | 'app.setup'
  | 'app.restoreBackup'
  | 'app.ping'
  | 'demo.load'
  | 'demo.remove'
  | 'backup.create'
  | 'backup.list'
  | 'settings.get'
  | 'settings.update'
  | 'operator.list'
  | 'operator.create'
  | 'operator.update'
  | 'session.switchOperator'
> = {
  'app.status': (_input, rt) => rt.status(),
  'app.ping': () => ({ ok: true }),
  'app.setup': (input, rt) => {
    const app = rt.app();
    setupEnterprise(app, input.enterprise, input.operator);
    rt.refreshState();
    return rt.status();
  },
  'app.restoreBackup': async (input, rt) => {
    await rt.restoreFromBackup(input.fileName);
    return rt.status();
  },
  'demo.load': (input, rt) => {
    const app = rt.app();
    seedDemo(app, input.operatorName ?? undefined);
    rt.refreshState();
    return rt.status();
  },
  'demo.remove': async (_input, rt) => {
    const app = rt.app();
    const demo = app.db.prepare('SELECT isDemo FROM enterprise').get() as { isDemo: number } | undefined;
    if (!demo) fail.rule('当前没有企业数据');
    if (demo.isDemo !== 1) fail.rule('当前数据不是演示数据，不能用「移除演示数据」清空；如需重新开始请使用新的数据目录');
    inTransaction(app.db, () => recordAudit(app, { action: 'SYSTEM', entityType: 'system', entityId: null, summary: '移除演示数据（已先行备份）' }));
    await rt.resetData('before-demo-removal');
    return rt.status();
  },
  'backup.create': async (_input, rt) => {
    const app = rt.app();
    const info = await backupIntoDataDir(app.db, app.paths, app.clock.nowMs(), 'manual');
    inTransaction(app.db, () => recordAudit(app, { action: 'SYSTEM', entityType: 'system', entityId: null, summary: `手动备份数据库：${info.fileName}` }));
    return info;
  },
  'backup.list': (_input, rt) => listBackups(rt.paths),
  'settings.get': (_input, rt) => getSettings(rt.app()),
  'settings.update': (input, rt) => updateSettings(rt.app(), input),
  'operator.list': (_input, rt) => listOperators(rt.app()),
  'operator.create': (input, rt) => createOperator(rt.app(), input),
  'operator.update': (input, rt) => updateOperator(rt.app(), input),
  'session.switchOperator': (input, rt) => {
    const app = rt.app();
    if (app.session.channel !== 'UI') throw new AppError('RULE', '命令行请用 --operator 指定操作员');
    switchOperator(app, input.id);
    return rt.status();
  },
};
