import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { insertEnterprise, type EnterpriseProfile } from '../enterprise/repo.ts';
import { assertProfileReferences } from '../enterprise/service.ts';
import { insertUnit } from '../org/repo.ts';
import { writeInternalSetting } from './settings.ts';

/**
 * First run: the enterprise, its top unit (the company) and the first operator,
 * who becomes the current operator.
 */
export function setupEnterprise(app: AppContext, profile: EnterpriseProfile, operator: { name: string; title: string | null }, isDemo = false): void {
  inTransaction(app.db, () => {
    if (app.db.prepare('SELECT 1 FROM enterprise').get()) fail.rule('企业档案已经建立，不能重复初始化');
    assertProfileReferences(app, profile);
    const nowMs = app.clock.nowMs();
    const operatorId = app.newId();
    app.db.prepare('INSERT INTO operator (id, name, title, active, createdAtMs) VALUES (?, ?, ?, 1, ?)').run(operatorId, operator.name, operator.title, nowMs);
    writeInternalSetting(app, 'currentOperatorId', operatorId);
    app.session.operatorId = operatorId;
    const enterpriseId = app.newId();
    insertEnterprise(app.db, enterpriseId, profile, nowMs, isDemo);
    insertUnit(app.db, app.newId(), { name: profile.name, kind: 'COMPANY', parentId: null, headPersonId: null, phone: profile.dutyPhone, sortOrder: 0, notes: null }, nowMs);
    recordAudit(app, {
      action: 'CREATE',
      entityType: 'enterprise',
      entityId: enterpriseId,
      summary: `${isDemo ? '载入演示企业' : '建立企业档案'}「${profile.name}」，首位操作员「${operator.name}」`,
      after: profile,
    });
  });
}
