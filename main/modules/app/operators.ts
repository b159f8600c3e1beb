import type { AppContext } from '../../context.ts';
import type { Operator } from '../../../preload/contract/app.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { writeInternalSetting } from './settings.ts';

interface OperatorRow {
  id: string;
  name: string;
  title: string | null;
  active: number;
  createdAtMs: number;
}

const toOperator = (r: OperatorRow): Operator => ({ ...r, active: r.active === 1 });

export function listOperators(app: AppContext): Operator[] {
  return (app.db.prepare('SELECT * FROM operator ORDER BY active DESC, createdAtMs').all() as OperatorRow[]).map(toOperator);
}

export function getOperator(app: AppContext, id: string): Operator {
  const row = app.db.prepare('SELECT * FROM operator WHERE id = ?').get(id) as OperatorRow | undefined;
  if (!row) return fail.notFound('操作员');
  return toOperator(row);
}

function assertNameFree(app: AppContext, name: string, exceptId: string | null): void {
  const other = app.db.prepare('SELECT id FROM operator WHERE name = ? AND id IS NOT ?').get(name, exceptId);
  if (other) fail.conflict(`已有名为「${name}」的操作员，请换一个名字（可加部门区分）`, 'name');
}

export function createOperator(app: AppContext, input: { name: string; title: string | null }): Operator {
  return inTransaction(app.db, () => {
    assertNameFree(app, input.name, null);
    const id = app.newId();
    app.db
      .prepare('INSERT INTO operator (id, name, title, active, createdAtMs) VALUES (?, ?, ?, 1, ?)')
      .run(id, input.name, input.title, app.clock.nowMs());
    const op = getOperator(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'operator', entityId: id, summary: `新增操作员「${op.name}」`, after: op });
    return op;
  });
}

export function updateOperator(app: AppContext, input: { id: string; name: string; title: string | null; active: boolean }): Operator {
  return inTransaction(app.db, () => {
    const before = getOperator(app, input.id);
    assertNameFree(app, input.name, input.id);
    if (!input.active && app.session.operatorId === input.id) {
      fail.rule('不能停用当前正在使用的操作员，请先切换到其他操作员', 'active');
    }
    if (!input.active) {
      const others = app.db.prepare('SELECT count(*) AS n FROM operator WHERE active = 1 AND id <> ?').get(input.id) as { n: number };
      if (others.n === 0) fail.rule('至少需要保留一位启用的操作员', 'active');
    }
    app.db.prepare('UPDATE operator SET name = ?, title = ?, active = ? WHERE id = ?').run(input.name, input.title, input.active ? 1 : 0, input.id);
    const after = getOperator(app, input.id);
    recordAudit(app, { action: 'UPDATE', entityType: 'operator', entityId: input.id, summary: `修改操作员「${after.name}」`, before, after });
    return after;
  });
}

/** Makes `id` the current operator and remembers it for the next start. */
export function switchOperator(app: AppContext, id: string): void {
  const op = getOperator(app, id);
  if (!op.active) fail.rule(`操作员「${op.name}」已停用，不能切换为当前操作员`);
  inTransaction(app.db, () => writeInternalSetting(app, 'currentOperatorId', id));
  app.session.operatorId = id;
}
