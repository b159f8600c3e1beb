import type { AppContext } from '../../context.ts';
import type { Unit } from '../../../preload/contract/org.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { unitPlacementError, wouldCreateCycle } from '../../domain/org.ts';
import { recordAudit } from '../audit/service.ts';
import { insertUnit, listUnits, unitKind, unitRows, updateUnitRow, type UnitValues } from './repo.ts';

export function getUnit(app: AppContext, id: string): Unit {
  return listUnits(app.db).find((u) => u.id === id) ?? fail.notFound('单位');
}

function validatePlacement(app: AppContext, v: UnitValues, selfId: string | null): void {
  let parentKind = null;
  if (v.parentId) {
    parentKind = unitKind(app.db, v.parentId);
    if (!parentKind) fail.field('parentId', '所选上级单位不存在，请重新选择');
  }
  const err = unitPlacementError(parentKind, v.kind);
  if (err) fail.field(v.kind === 'COMPANY' || !v.parentId ? 'parentId' : 'kind', err);
  if (selfId && wouldCreateCycle(unitRows(app.db), selfId, v.parentId)) {
    fail.field('parentId', '不能把单位移到它自己或它的下级单位之下');
  }
  const dup = app.db.prepare(`SELECT 1 FROM unit WHERE ifnull(parentId, '') = ifnull(?, '') AND name = ? AND id IS NOT ?`).get(v.parentId, v.name, selfId);
  if (dup) fail.field('name', `同一上级单位下已有名为「${v.name}」的单位`);
  if (v.headPersonId) {
    const p = app.db.prepare('SELECT status FROM person WHERE id = ?').get(v.headPersonId) as { status: string } | undefined;
    if (!p) fail.field('headPersonId', '所选负责人不存在，请重新选择');
    if (p.status !== 'ACTIVE') fail.field('headPersonId', '所选负责人已离职，请选择在职人员');
  }
}

export function createUnit(app: AppContext, v: UnitValues): Unit {
  return inTransaction(app.db, () => {
    if (v.kind === 'COMPANY') fail.field('kind', '公司（顶层单位）已存在，只能新增部门、车间或班组');
    validatePlacement(app, v, null);
    const id = app.newId();
    insertUnit(app.db, id, v, app.clock.nowMs());
    const unit = getUnit(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'unit', entityId: id, summary: `新增单位「${unit.path}」`, after: unit });
    return unit;
  });
}

export function updateUnit(app: AppContext, id: string, v: UnitValues): Unit {
  return inTransaction(app.db, () => {
    const before = getUnit(app, id);
    if ((before.kind === 'COMPANY') !== (v.kind === 'COMPANY')) {
      fail.field('kind', before.kind === 'COMPANY' ? '顶层公司的类型不能修改' : '只能有一个顶层公司');
    }
    if (v.kind === 'TEAM' && before.childCount > 0) fail.field('kind', '该单位下还有下级单位，不能改为班组');
    validatePlacement(app, v, id);
    updateUnitRow(app.db, id, v, app.clock.nowMs());
    const after = getUnit(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'unit', entityId: id, summary: `修改单位「${after.path}」`, before, after });
    return after;
  });
}

export function deleteUnit(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const unit = getUnit(app, id);
    if (unit.kind === 'COMPANY') fail.rule('顶层公司不能删除');
    if (unit.childCount > 0) fail.rule(`「${unit.name}」下还有 ${unit.childCount} 个下级单位，请先删除或移走下级单位`);
    const posts = app.db.prepare('SELECT count(*) AS n FROM post WHERE unitId = ?').get(id) as { n: number };
    if (posts.n > 0) fail.rule(`「${unit.name}」下还有 ${posts.n} 个岗位（含已归档），请先把岗位移到其他单位`);
    const people = app.db.prepare('SELECT count(*) AS n FROM person WHERE unitId = ?').get(id) as { n: number };
    if (people.n > 0) fail.rule(`「${unit.name}」下还有 ${people.n} 名人员（含离职），请先把人员调到其他单位`);
    const ent = app.db.prepare('SELECT 1 FROM enterprise WHERE safetyDeptUnitId = ?').get(id);
    if (ent) fail.rule(`「${unit.name}」是企业信息中登记的安全管理部门，请先在企业信息中改选`);
    app.db.prepare('DELETE FROM unit WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'unit', entityId: id, summary: `删除单位「${unit.path}」`, before: unit });
  });
}
