import type { AppContext } from '../../context.ts';
import type { Enterprise } from '../../../preload/contract/enterprise.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { dateInZone } from '../../domain/dates.ts';
import { recordAudit } from '../audit/service.ts';
import { enterpriseTimeZone, findEnterprise, updateEnterpriseRow, type EnterpriseProfile } from './repo.ts';

export function getEnterprise(app: AppContext): Enterprise {
  return findEnterprise(app.db) ?? fail.rule('尚未建立企业档案，请先完成首次启动向导');
}

/** Today's calendar date in the enterprise's time zone. */
export function today(app: AppContext): string {
  return dateInZone(app.clock.nowMs(), enterpriseTimeZone(app.db));
}

/** The people and unit an enterprise profile points at must exist; people must still be employed. */
export function assertProfileReferences(app: AppContext, p: EnterpriseProfile): void {
  const checkPerson = (id: string | null, path: string, label: string) => {
    if (!id) return;
    const row = app.db.prepare('SELECT status FROM person WHERE id = ?').get(id) as { status: string } | undefined;
    if (!row) fail.field(path, `所选${label}不存在，请重新选择`);
    if (row.status !== 'ACTIVE') fail.field(path, `所选${label}已离职，请选择在职人员`);
  };
  checkPerson(p.principalPersonId, 'principalPersonId', '主要负责人');
  checkPerson(p.safetyDeputyPersonId, 'safetyDeputyPersonId', '分管安全负责人');
  if (p.safetyDeptUnitId && !app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(p.safetyDeptUnitId)) {
    fail.field('safetyDeptUnitId', '所选安全管理部门不存在，请重新选择');
  }
}

export function updateEnterprise(app: AppContext, p: EnterpriseProfile): Enterprise {
  return inTransaction(app.db, () => {
    const before = getEnterprise(app);
    assertProfileReferences(app, p);
    updateEnterpriseRow(app.db, p, app.clock.nowMs());
    // The company unit carries the enterprise's name unless the user renamed it on purpose.
    if (before.name !== p.name) {
      app.db.prepare(`UPDATE unit SET name = ?, updatedAtMs = ? WHERE kind = 'COMPANY' AND name = ?`).run(p.name, app.clock.nowMs(), before.name);
    }
    const after = getEnterprise(app);
    recordAudit(app, { action: 'UPDATE', entityType: 'enterprise', entityId: after.id, summary: '修改企业基本信息', before, after });
    return after;
  });
}
