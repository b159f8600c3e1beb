/**
 * Check plans: tier, frequency, scope (units, map areas, risk points), a
 * responsible person and the checklist. Checklist items can be drafted from
 * the control measures of the approved risk points in scope; such an item keeps
 * its measure id, so the register cannot drop a measure a plan still checks.
 */
import type { AppContext } from '../../context.ts';
import type { CheckPlan, CheckPlanRow, DraftItem } from '../../../preload/contract/checks.ts';
import type { CheckFrequency, CheckTier, RiskLevel } from '../../../preload/contract/enums.ts';
import { CheckTier as TierEnum, MeasureCategory } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { bit, inList, inTransaction } from '../../db/sql.ts';
import { addDays } from '../../domain/dates.ts';
import { recordAudit } from '../audit/service.ts';
import { today } from '../enterprise/service.ts';
import { onMeasureReferenced, onRiskPointReferenced } from '../risk/service.ts';
import { criterion } from './library.ts';
import { generateForPlan, taskState } from './tasks.ts';

export interface PlanValues {
  name: string;
  tier: CheckTier;
  frequency: CheckFrequency;
  skipNonWorkdays: boolean;
  unitId: string;
  responsiblePersonId: string;
  ledByPrincipal: boolean;
  startsOn: string;
  endsOn: string | null;
  notes: string | null;
  scope: { unitIds: string[]; areaIds: string[]; riskPointIds: string[] };
  items: {
    id: string | null;
    category: 'BASIC' | 'SITE';
    content: string;
    standard: string | null;
    basis: string | null;
    method: 'DOC' | 'ASK' | 'LOOK' | 'TEST';
    measureId: string | null;
    riskPointId: string | null;
    criteriaCode: string | null;
    libraryKey: string | null;
  }[];
}

// A measure or risk point a plan's checklist verifies cannot be deleted from the register.
onMeasureReferenced((app, id) => {
  const r = app.db.prepare('SELECT p.name FROM check_item i JOIN check_plan p ON p.id = i.planId WHERE i.measureId = ? AND i.retired = 0 LIMIT 1').get(id) as { name: string } | undefined;
  return r ? `正被检查计划「${r.name}」的检查项引用` : null;
});
onRiskPointReferenced((app, id) => {
  const r = app.db.prepare('SELECT p.name FROM check_item i JOIN check_plan p ON p.id = i.planId WHERE i.riskPointId = ? LIMIT 1').get(id) as { name: string } | undefined;
  if (r) return `正被检查计划「${r.name}」的检查项引用`;
  const h = app.db.prepare('SELECT code FROM hazard WHERE riskPointId = ? LIMIT 1').get(id) as { code: string } | undefined;
  return h ? `已有隐患 ${h.code} 登记在该风险点` : null;
});

interface PlanRowDb {
  id: string;
  name: string;
  tier: CheckTier;
  frequency: CheckFrequency;
  skipNonWorkdays: number;
  unitId: string;
  unitName: string;
  responsiblePersonId: string;
  responsiblePersonName: string;
  ledByPrincipal: number;
  startsOn: string;
  endsOn: string | null;
  status: 'ACTIVE' | 'PAUSED' | 'ARCHIVED';
  notes: string | null;
  itemCount: number;
  createdAtMs: number;
  updatedAtMs: number;
}

const PLAN_SELECT = `
  SELECT p.*, u.name AS unitName, pe.name AS responsiblePersonName,
         (SELECT count(*) FROM check_item i WHERE i.planId = p.id AND i.retired = 0) AS itemCount
  FROM check_plan p JOIN unit u ON u.id = p.unitId JOIN person pe ON pe.id = p.responsiblePersonId`;

function toRow(app: AppContext, r: PlanRowDb, t: string): CheckPlanRow {
  const current = app.db
    .prepare(
      `SELECT t.id, t.periodKey, t.periodStart, t.dueOn, t.missed, t.recordId, r.late FROM check_task t LEFT JOIN check_record r ON r.id = t.recordId
       WHERE t.planId = ? AND t.periodStart <= ? ORDER BY t.periodStart DESC LIMIT 1`,
    )
    .get(r.id, t) as { id: string; periodKey: string; periodStart: string; dueOn: string; missed: number; recordId: string | null; late: number | null } | undefined;
  const since = addDays(t, -90);
  const recent = app.db
    .prepare(
      `SELECT count(*) AS due, sum(CASE WHEN r.id IS NOT NULL AND r.late = 0 THEN 1 ELSE 0 END) AS onTime, sum(t.missed) AS missed
       FROM check_task t LEFT JOIN check_record r ON r.id = t.recordId WHERE t.planId = ? AND t.dueOn >= ? AND t.dueOn < ?`,
    )
    .get(r.id, since, t) as { due: number; onTime: number | null; missed: number | null };
  const missedCount = (app.db.prepare('SELECT count(*) AS n FROM check_task WHERE planId = ? AND missed = 1').get(r.id) as { n: number }).n;
  return {
    id: r.id,
    name: r.name,
    tier: r.tier,
    frequency: r.frequency,
    skipNonWorkdays: r.skipNonWorkdays === 1,
    unitId: r.unitId,
    unitName: r.unitName,
    responsiblePersonId: r.responsiblePersonId,
    responsiblePersonName: r.responsiblePersonName,
    ledByPrincipal: r.ledByPrincipal === 1,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    status: r.status,
    itemCount: r.itemCount,
    current: current ? { taskId: current.id, periodKey: current.periodKey, dueOn: current.dueOn, state: taskState(current, t) } : null,
    recentCompliance: recent.due ? Math.round(((recent.onTime ?? 0) / recent.due) * 1000) / 10 : null,
    missedCount,
  };
}

export function listPlans(app: AppContext, f: { status: 'ACTIVE' | 'PAUSED' | 'ARCHIVED' | 'ALL'; tier?: CheckTier; unitId: string | null }): CheckPlanRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.status !== 'ALL') {
    where.push('p.status = @status');
    params.status = f.status;
  }
  if (f.tier) {
    where.push('p.tier = @tier');
    params.tier = f.tier;
  }
  if (f.unitId) {
    where.push('p.unitId = @unitId');
    params.unitId = f.unitId;
  }
  const order = TierEnum.values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ');
  const rows = app.db.prepare(`${PLAN_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY CASE p.tier ${order} END, u.name, p.name`).all(params) as PlanRowDb[];
  const t = today(app);
  return rows.map((r) => toRow(app, r, t));
}

export function getPlan(app: AppContext, id: string): CheckPlan {
  const r = app.db.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(id) as PlanRowDb | undefined;
  if (!r) return fail.notFound('检查计划');
  const scope = app.db.prepare('SELECT kind, refId FROM check_plan_scope WHERE planId = ?').all(id) as { kind: string; refId: string }[];
  const ids = (kind: string) => scope.filter((s) => s.kind === kind).map((s) => s.refId);
  const units = ids('UNIT');
  const areas = ids('AREA');
  const points = ids('RISK_POINT');
  const u = inList('u', units);
  const a = inList('a', areas);
  const p = inList('p', points);
  return {
    ...toRow(app, r, today(app)),
    notes: r.notes,
    scope: {
      units: app.db.prepare(`SELECT id, name FROM unit WHERE id IN ${u.sql} ORDER BY name`).all(u.params) as { id: string; name: string }[],
      areas: app.db.prepare(`SELECT a.id, a.label AS name, s.name AS planName FROM risk_area a JOIN site_plan s ON s.id = a.planId WHERE a.id IN ${a.sql} ORDER BY s.name, a.seq`).all(a.params) as {
        id: string;
        name: string;
        planName: string;
      }[],
      riskPoints: app.db.prepare(`SELECT id, code, name, level FROM risk_point WHERE id IN ${p.sql} ORDER BY code`).all(p.params) as { id: string; code: string; name: string; level: RiskLevel | null }[],
    },
    items: planItems(app, id),
    recordCount: (app.db.prepare('SELECT count(*) AS n FROM check_record WHERE planId = ?').get(id) as { n: number }).n,
    createdAtMs: r.createdAtMs,
    updatedAtMs: r.updatedAtMs,
  };
}

export function planItems(app: AppContext, planId: string): CheckPlan['items'] {
  return app.db
    .prepare(
      `SELECT CAST(i.id AS TEXT) AS id, i.seq, i.category, i.content, i.standard, i.basis, i.method, i.measureId, i.riskPointId, r.code AS riskPointCode, r.name AS riskPointName, r.level AS riskLevel, i.criteriaCode, i.libraryKey
       FROM check_item i LEFT JOIN risk_point r ON r.id = i.riskPointId WHERE i.planId = ? AND i.retired = 0 ORDER BY i.seq`,
    )
    .all(planId) as CheckPlan['items'];
}

function checkValues(app: AppContext, v: PlanValues): void {
  const unit = app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.unitId);
  if (!unit) fail.field('unitId', '负责单位不存在，请重新选择');
  const person = app.db.prepare('SELECT name, status FROM person WHERE id = ?').get(v.responsiblePersonId) as { name: string; status: string } | undefined;
  if (!person) fail.field('responsiblePersonId', '负责人不存在，请重新选择');
  if (person.status !== 'ACTIVE') fail.field('responsiblePersonId', `负责人「${person.name}」已离职，请选择在职人员`);
  if (v.endsOn && v.endsOn < v.startsOn) fail.field('endsOn', '结束日期不能早于开始日期');
  if (v.frequency === 'ONCE' && !v.endsOn) fail.field('endsOn', '一次性检查请填写结束日期（检查须在此日期前完成）');
  if (v.frequency === 'DAILY' && v.tier === 'MONTH') fail.field('frequency', '月检查的频次不能是每天；日检查请选择「日检查」层级');
  v.scope.unitIds.forEach((id, i) => {
    if (!app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(id)) fail.field(`scope.unitIds.${i}`, '范围中的单位不存在，请重新选择');
  });
  v.scope.areaIds.forEach((id, i) => {
    if (!app.db.prepare('SELECT 1 FROM risk_area WHERE id = ?').get(id)) fail.field(`scope.areaIds.${i}`, '范围中的区域不存在，请重新选择');
  });
  v.scope.riskPointIds.forEach((id, i) => {
    if (!app.db.prepare('SELECT 1 FROM risk_point WHERE id = ?').get(id)) fail.field(`scope.riskPointIds.${i}`, '范围中的风险点不存在，请重新选择');
  });
  if (!v.items.length) fail.field('items', '检查表至少要有一个检查项；可由风险点管控措施生成，或从检查项库添加');
  v.items.forEach((it, i) => {
    if (it.measureId) {
      const m = app.db.prepare('SELECT riskPointId FROM control_measure WHERE id = ?').get(it.measureId) as { riskPointId: string } | undefined;
      if (!m) fail.field(`items.${i}.measureId`, `第 ${i + 1} 项引用的管控措施已不存在，请删除该项或重新生成`);
      it.riskPointId ??= m.riskPointId;
    }
    if (it.riskPointId && !app.db.prepare('SELECT 1 FROM risk_point WHERE id = ?').get(it.riskPointId)) fail.field(`items.${i}.riskPointId`, `第 ${i + 1} 项的风险点不存在`);
    if (it.criteriaCode && !criterion(app, it.criteriaCode)) fail.field(`items.${i}.criteriaCode`, `第 ${i + 1} 项的重大隐患判定标准条目「${it.criteriaCode}」不存在`);
  });
}

function writePlanChildren(app: AppContext, id: string, v: PlanValues): void {
  const db = app.db;
  db.prepare('DELETE FROM check_plan_scope WHERE planId = ?').run(id);
  const sc = db.prepare('INSERT OR IGNORE INTO check_plan_scope (planId, kind, refId) VALUES (?, ?, ?)');
  for (const u of v.scope.unitIds) sc.run(id, 'UNIT', u);
  for (const a of v.scope.areaIds) sc.run(id, 'AREA', a);
  for (const p of v.scope.riskPointIds) sc.run(id, 'RISK_POINT', p);

  // Items keep their ids. One that records have used is never rewritten: a changed
  // wording retires it and adds a new item, so each record keeps what it was checked against.
  type ItemDb = PlanValues['items'][number] & { id: number; used: number };
  const existing = new Map((db.prepare('SELECT * FROM check_item WHERE planId = ? AND retired = 0').all(id) as ItemDb[]).map((r) => [String(r.id), r]));
  const kept = new Set(v.items.map((i) => i.id).filter((x): x is string => !!x));
  const retire = db.prepare('UPDATE check_item SET retired = 1, measureId = NULL WHERE id = ?');
  for (const [key, old] of existing) {
    if (kept.has(key)) continue;
    if (old.used) retire.run(old.id);
    else db.prepare('DELETE FROM check_item WHERE id = ?').run(old.id);
  }
  db.prepare('UPDATE check_item SET seq = seq + 100000 WHERE planId = ? AND retired = 0').run(id);
  const upd = db.prepare(
    'UPDATE check_item SET seq = @seq, category = @category, content = @content, standard = @standard, basis = @basis, method = @method, measureId = @measureId, riskPointId = @riskPointId, criteriaCode = @criteriaCode, libraryKey = @libraryKey WHERE id = @id',
  );
  const ins = db.prepare(
    'INSERT INTO check_item (planId, seq, category, content, standard, basis, method, measureId, riskPointId, criteriaCode, libraryKey) VALUES (@planId, @seq, @category, @content, @standard, @basis, @method, @measureId, @riskPointId, @criteriaCode, @libraryKey)',
  );
  const WORDING = ['category', 'content', 'standard', 'basis', 'method', 'criteriaCode'] as const;
  v.items.forEach((it, i) => {
    const row = { ...it, planId: id, seq: i + 1 };
    const old = it.id ? existing.get(it.id) : undefined;
    if (it.id && !old) fail.field(`items.${i}.id`, '该检查项不属于本计划，请刷新后重试');
    if (old && (!old.used || WORDING.every((k) => old[k] === it[k]))) upd.run({ ...row, id: old.id });
    else {
      if (old) retire.run(old.id);
      ins.run(row);
    }
  });
}

export function createPlan(app: AppContext, v: PlanValues): CheckPlan {
  return inTransaction(app.db, () => {
    checkValues(app, v);
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO check_plan (id, name, tier, frequency, skipNonWorkdays, unitId, responsiblePersonId, ledByPrincipal, startsOn, endsOn, status, notes, createdAtMs, updatedAtMs)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)`,
      )
      .run(id, v.name, v.tier, v.frequency, bit(v.skipNonWorkdays), v.unitId, v.responsiblePersonId, bit(v.ledByPrincipal), v.startsOn, v.endsOn, v.notes, now, now);
    writePlanChildren(app, id, v);
    generateForPlan(app, id);
    const after = getPlan(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'checkPlan', entityId: id, summary: `新建检查计划「${v.name}」`, after });
    return after;
  });
}

export function updatePlan(app: AppContext, id: string, v: PlanValues): CheckPlan {
  return inTransaction(app.db, () => {
    const before = getPlan(app, id);
    checkValues(app, v);
    if (before.recordCount > 0 && (before.frequency !== v.frequency || before.startsOn !== v.startsOn)) {
      fail.rule(`该计划已有 ${before.recordCount} 条检查记录，不能再修改频次或开始日期；如需调整请归档本计划并新建计划`, 'frequency');
    }
    app.db
      .prepare(
        `UPDATE check_plan SET name = ?, tier = ?, frequency = ?, skipNonWorkdays = ?, unitId = ?, responsiblePersonId = ?, ledByPrincipal = ?, startsOn = ?, endsOn = ?, notes = ?, updatedAtMs = ? WHERE id = ?`,
      )
      .run(v.name, v.tier, v.frequency, bit(v.skipNonWorkdays), v.unitId, v.responsiblePersonId, bit(v.ledByPrincipal), v.startsOn, v.endsOn, v.notes, app.clock.nowMs(), id);
    writePlanChildren(app, id, v);
    // Tasks not yet checked are re-planned from the new schedule; done and missed ones stay.
    app.db.prepare('DELETE FROM check_task WHERE planId = ? AND recordId IS NULL AND missed = 0').run(id);
    generateForPlan(app, id);
    const after = getPlan(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'checkPlan', entityId: id, summary: `修改检查计划「${v.name}」`, before, after });
    return after;
  });
}

export function setPlanStatus(app: AppContext, id: string, status: 'ACTIVE' | 'PAUSED' | 'ARCHIVED'): CheckPlan {
  return inTransaction(app.db, () => {
    const before = getPlan(app, id);
    if (before.status === status) return before;
    app.db.prepare('UPDATE check_plan SET status = ?, updatedAtMs = ? WHERE id = ?').run(status, app.clock.nowMs(), id);
    // A paused or archived plan has no open tasks from now on.
    if (status !== 'ACTIVE') app.db.prepare('DELETE FROM check_task WHERE planId = ? AND recordId IS NULL AND missed = 0 AND periodStart > ?').run(id, today(app));
    else generateForPlan(app, id);
    const after = getPlan(app, id);
    const word = { ACTIVE: '启用', PAUSED: '暂停', ARCHIVED: '归档' }[status];
    recordAudit(app, { action: 'UPDATE', entityType: 'checkPlan', entityId: id, summary: `${word}检查计划「${before.name}」`, before: { status: before.status }, after: { status } });
    return after;
  });
}

export function deletePlan(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const before = getPlan(app, id);
    if (before.recordCount > 0) fail.conflict(`检查计划「${before.name}」已有 ${before.recordCount} 条检查记录，不能删除；可以归档`);
    const missed = (app.db.prepare('SELECT count(*) AS n FROM check_task WHERE planId = ? AND missed = 1').get(id) as { n: number }).n;
    if (missed > 0) fail.conflict(`检查计划「${before.name}」有 ${missed} 次漏检记录，不能删除（漏检须留痕）；可以归档`);
    app.db.prepare('DELETE FROM check_plan WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'checkPlan', entityId: id, summary: `删除检查计划「${before.name}」`, before });
  });
}

/** Approved risk points in scope: listed points, points on listed areas, points of listed units and their sub-units. */
export function riskPointsInScope(app: AppContext, scope: { unitIds: string[]; areaIds: string[]; riskPointIds: string[] }): string[] {
  const u = inList('u', scope.unitIds);
  const a = inList('a', scope.areaIds);
  const p = inList('p', scope.riskPointIds);
  const rows = app.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT id FROM unit WHERE id IN ${u.sql} UNION SELECT unit.id FROM unit JOIN sub ON unit.parentId = sub.id)
       SELECT r.id FROM risk_point r WHERE r.status = 'ACTIVE' AND (
         r.id IN ${p.sql} OR r.unitId IN (SELECT id FROM sub) OR r.id IN (SELECT riskPointId FROM risk_area_point WHERE areaId IN ${a.sql}))
       ORDER BY CASE r.level WHEN 'MAJOR' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END, r.code`,
    )
    .all({ ...u.params, ...a.params, ...p.params }) as { id: string }[];
  return rows.map((r) => r.id);
}

/** One check item per control measure of the approved risk points in scope, with its basis. */
export function draftItems(app: AppContext, scope: { unitIds: string[]; areaIds: string[]; riskPointIds: string[] }): { items: DraftItem[]; riskPoints: number } {
  const ids = riskPointsInScope(app, scope);
  const items: DraftItem[] = [];
  const measure = app.db.prepare(
    `SELECT m.id, m.category, m.content, r.id AS riskPointId, r.code, r.name, r.level FROM control_measure m JOIN risk_point r ON r.id = m.riskPointId WHERE m.riskPointId = ? ORDER BY m.seq`,
  );
  for (const id of ids) {
    for (const m of measure.all(id) as { id: string; category: keyof typeof MeasureCategory.label; content: string; riskPointId: string; code: string; name: string; level: RiskLevel | null }[]) {
      items.push({
        category: m.category === 'MANAGEMENT' || m.category === 'TRAINING' ? 'BASIC' : 'SITE',
        content: `${m.name}：${m.content}`,
        standard: `${MeasureCategory.label[m.category]}措施落实，现场查证有效`,
        basis: `风险分级管控清单 ${m.code}「${m.name}」`,
        method: m.category === 'MANAGEMENT' || m.category === 'TRAINING' ? 'DOC' : 'LOOK',
        measureId: m.id,
        riskPointId: m.riskPointId,
        riskPointCode: m.code,
        riskPointName: m.name,
        riskLevel: m.level,
        criteriaCode: null,
        libraryKey: null,
      });
    }
  }
  return { items, riskPoints: ids.length };
}
