/**
 * Hazards (隐患) and the rectification closed loop. Every step goes through the
 * state machine in domain/hazardFlow.ts, writes a timeline event and the audit
 * log, and runs in one transaction.
 */
import type { AppContext } from '../../context.ts';
import type { Hazard, HazardRow, TreatmentInput } from '../../../preload/contract/hazards.ts';
import type { CheckTier, HazardSource, HazardStatus } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction, likePattern } from '../../db/sql.ts';
import { addDays, diffDays } from '../../domain/dates.ts';
import { escalation, transition, type HazardAction } from '../../domain/hazardFlow.ts';
import { periodLabel } from '../../domain/schedule.ts';
import { currentOperator, recordAudit } from '../audit/service.ts';
import { activePerson, requirePrincipal } from '../people/refs.ts';
import { today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { criterion } from '../checks/library.ts';
import { hazardSettings, levelDef } from '../checks/settings.ts';

export interface HazardValues {
  source: HazardSource;
  unitId: string;
  riskPointId: string | null;
  location: string | null;
  description: string;
  kind: 'PERSON' | 'THING' | 'MANAGEMENT';
  scope: 'BASIC' | 'SITE';
  level: string;
  criteriaCode: string | null;
  foundByName: string;
  foundOn: string;
  photoIds: string[];
  measures: string | null;
  respUnitId: string | null;
  respPersonId: string | null;
  funds: number | null;
  deadline: string | null;
  interimMeasures: string | null;
}

export interface HazardFilter {
  from: string | null;
  to: string | null;
  unitId: string | null;
  level: string | null;
  status?: HazardStatus | 'OPEN' | 'OVERDUE' | 'DUE_SOON';
  source?: HazardSource;
  riskPointId: string | null;
  search: string | null;
}

// ---- reading ----

/** A hazard of a level the settings manage as 重大; bind `@majorLevels` with `majorLevels(app)`. */
export const IS_MAJOR = `h.level IN (SELECT value FROM json_each(@majorLevels))`;
export function majorLevels(app: AppContext): string {
  return JSON.stringify(hazardSettings(app).levels.filter((l) => l.major).map((l) => l.code));
}

/** Still being fixed: the deadline applies (逾期 when past it). */
export const FIXING = `h.status IN ('PENDING', 'IN_PROGRESS')`;

interface HazardDb {
  id: string;
  code: string;
  source: HazardSource;
  sourceTier: CheckTier | null;
  unitId: string;
  unitName: string;
  riskPointId: string | null;
  riskPointCode: string | null;
  riskPointName: string | null;
  location: string | null;
  description: string;
  kind: 'PERSON' | 'THING' | 'MANAGEMENT';
  scope: 'BASIC' | 'SITE';
  level: string;
  criteriaCode: string | null;
  foundByName: string;
  foundOn: string;
  measures: string | null;
  respUnitId: string | null;
  respUnitName: string | null;
  respPersonId: string | null;
  respPersonName: string | null;
  funds: number | null;
  deadline: string;
  interimMeasures: string | null;
  status: HazardStatus;
  extensionCount: number;
  rectifierId: string | null;
  rectifierName: string | null;
  rectifiedOn: string | null;
  rectifyNote: string | null;
  reinspectorName: string | null;
  reinspectionOpinion: string | null;
  closedOn: string | null;
  checkRecordId: string | null;
  reportedOn: string | null;
  reportedTo: string | null;
  photoCount: number;
  createdAtMs: number;
  updatedAtMs: number;
}

const HAZARD_SELECT = `
  SELECT h.*, u.name AS unitName, r.code AS riskPointCode, r.name AS riskPointName, ru.name AS respUnitName, rp.name AS respPersonName,
         rf.name AS rectifierName, cp.tier AS sourceTier,
         (SELECT pe.name FROM hazard_reinspection x JOIN person pe ON pe.id = x.inspectorId WHERE x.hazardId = h.id ORDER BY x.createdAtMs DESC LIMIT 1) AS reinspectorName,
         (SELECT x.opinion FROM hazard_reinspection x WHERE x.hazardId = h.id ORDER BY x.createdAtMs DESC LIMIT 1) AS reinspectionOpinion,
         (SELECT count(*) FROM hazard_photo f WHERE f.hazardId = h.id) AS photoCount
  FROM hazard h
  JOIN unit u ON u.id = h.unitId
  LEFT JOIN risk_point r ON r.id = h.riskPointId
  LEFT JOIN unit ru ON ru.id = h.respUnitId
  LEFT JOIN person rp ON rp.id = h.respPersonId
  LEFT JOIN person rf ON rf.id = h.rectifierId
  LEFT JOIN check_record cr ON cr.id = h.checkRecordId
  LEFT JOIN check_plan cp ON cp.id = cr.planId`;

function toRow(app: AppContext, h: HazardDb, t: string, s = hazardSettings(app)): HazardRow {
  const def = s.levels.find((l) => l.code === h.level);
  // The deadline binds the rectification: once submitted for re-inspection the hazard is no longer overdue.
  const fixing = h.status === 'PENDING' || h.status === 'IN_PROGRESS';
  const overdueDays = fixing ? Math.max(0, diffDays(h.deadline, t)) : 0;
  return {
    id: h.id,
    code: h.code,
    source: h.source,
    sourceTier: h.sourceTier,
    unitId: h.unitId,
    unitName: h.unitName,
    riskPointId: h.riskPointId,
    riskPointCode: h.riskPointCode,
    riskPointName: h.riskPointName,
    location: h.location,
    description: h.description,
    kind: h.kind,
    scope: h.scope,
    level: h.level,
    levelLabel: def?.label ?? h.level,
    major: def?.major ?? h.level === 'MAJOR',
    criteriaCode: h.criteriaCode,
    foundByName: h.foundByName,
    foundOn: h.foundOn,
    measures: h.measures,
    respUnitId: h.respUnitId,
    respUnitName: h.respUnitName,
    respPersonId: h.respPersonId,
    respPersonName: h.respPersonName,
    funds: h.funds,
    deadline: h.deadline,
    interimMeasures: h.interimMeasures,
    status: h.status,
    overdue: overdueDays > 0,
    overdueDays,
    dueSoon: fixing && overdueDays === 0 && h.deadline <= addDays(t, s.dueSoonDays),
    escalatedTo: escalation(overdueDays, s.escalatePrincipalDays),
    extensionCount: h.extensionCount,
    rectifierName: h.rectifierName,
    rectifiedOn: h.rectifiedOn,
    reinspectorName: h.reinspectorName,
    reinspectionOpinion: h.reinspectionOpinion,
    closedOn: h.closedOn,
    checkRecordId: h.checkRecordId,
    photoCount: h.photoCount,
  };
}

/** The WHERE clause of a ledger filter, its parameters, and the CTE of the unit's subtree when filtering by unit. */
function filterSql(f: HazardFilter, t: string, soonDays: number): { prefix: string; where: string; params: Record<string, unknown> } {
  const w: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.from) {
    w.push('h.foundOn >= @from');
    params.from = f.from;
  }
  if (f.to) {
    w.push('h.foundOn <= @to');
    params.to = f.to;
  }
  if (f.unitId) {
    w.push('(h.unitId IN (SELECT id FROM sub) OR h.respUnitId IN (SELECT id FROM sub))');
    params.unitId = f.unitId;
  }
  if (f.level) {
    w.push('h.level = @level');
    params.level = f.level;
  }
  if (f.source) {
    w.push('h.source = @source');
    params.source = f.source;
  }
  if (f.riskPointId) {
    w.push('h.riskPointId = @riskPointId');
    params.riskPointId = f.riskPointId;
  }
  if (f.search) {
    w.push(`(h.code LIKE @q ESCAPE '\\' OR h.description LIKE @q ESCAPE '\\' OR h.location LIKE @q ESCAPE '\\')`);
    params.q = likePattern(f.search);
  }
  if (f.status === 'OPEN') w.push(`h.status <> 'CLOSED'`);
  else if (f.status === 'OVERDUE') {
    w.push(`${FIXING} AND h.deadline < @today`);
    params.today = t;
  } else if (f.status === 'DUE_SOON') {
    w.push(`${FIXING} AND h.deadline >= @today AND h.deadline <= @soon`);
    params.today = t;
    params.soon = addDays(t, soonDays);
  } else if (f.status) {
    w.push('h.status = @status');
    params.status = f.status;
  }
  const withSub = f.unitId ? 'WITH RECURSIVE sub(id) AS (SELECT @unitId UNION SELECT unit.id FROM unit JOIN sub ON unit.parentId = sub.id) ' : '';
  return { prefix: withSub, where: w.length ? `WHERE ${w.join(' AND ')}` : '', params };
}

export function listHazards(app: AppContext, f: HazardFilter, page: number, pageSize: number) {
  const t = today(app);
  const q = filterSql(f, t, hazardSettings(app).dueSoonDays);
  const rows = app.db.prepare(`${q.prefix}${HAZARD_SELECT} ${q.where} ORDER BY h.foundOn DESC, h.code DESC LIMIT @limit OFFSET @offset`).all({ ...q.params, limit: pageSize, offset: (page - 1) * pageSize }) as HazardDb[];
  // Counts by status for the same filter without the status itself.
  const c = filterSql({ ...f, status: undefined }, t, 0);
  const soon = addDays(t, hazardSettings(app).dueSoonDays);
  const counts: Record<string, number> = { ALL: 0, OPEN: 0, OVERDUE: 0, DUE_SOON: 0, PENDING: 0, IN_PROGRESS: 0, AWAITING_REVIEW: 0, CLOSED: 0 };
  for (const r of app.db.prepare(`${c.prefix}SELECT h.status, count(*) AS n, sum(CASE WHEN ${FIXING} AND h.deadline < @today THEN 1 ELSE 0 END) AS overdue, sum(CASE WHEN ${FIXING} AND h.deadline BETWEEN @today AND @soon THEN 1 ELSE 0 END) AS dueSoon FROM hazard h ${c.where} GROUP BY h.status`).all({ ...c.params, today: t, soon }) as {
    status: HazardStatus;
    n: number;
    overdue: number;
    dueSoon: number;
  }[]) {
    counts[r.status] = r.n;
    counts.ALL! += r.n;
    if (r.status !== 'CLOSED') counts.OPEN! += r.n;
    counts.OVERDUE! += r.overdue;
    counts.DUE_SOON! += r.dueSoon;
  }
  // The total follows from the counts by status (one scan fewer).
  const total = f.status ? counts[f.status]! : counts.ALL!;
  const s = hazardSettings(app);
  return { items: rows.map((r) => toRow(app, r, t, s)), total, counts };
}

/** Open hazards that need attention first: major, overdue (longest first), then due soonest. */
export function urgentHazards(app: AppContext, limit: number): HazardRow[] {
  const t = today(app);
  const s = hazardSettings(app);
  const rows = app.db
    .prepare(`${HAZARD_SELECT} WHERE h.status <> 'CLOSED' AND (${IS_MAJOR} OR (${FIXING} AND h.deadline <= @soon)) ORDER BY ${IS_MAJOR} DESC, h.deadline LIMIT @limit`)
    .all({ majorLevels: majorLevels(app), soon: addDays(t, s.dueSoonDays), limit }) as HazardDb[];
  return rows.map((r) => toRow(app, r, t, s));
}

/** Every hazard of a filter, oldest first (the ledger documents and the Excel export). */
export function ledgerRows(app: AppContext, f: HazardFilter): HazardRow[] {
  const t = today(app);
  const q = filterSql(f, t, hazardSettings(app).dueSoonDays);
  const s = hazardSettings(app);
  return (app.db.prepare(`${q.prefix}${HAZARD_SELECT} ${q.where} ORDER BY h.foundOn, h.code`).all(q.params) as HazardDb[]).map((r) => toRow(app, r, t, s));
}

function missingFor(app: AppContext, h: HazardRow, treatment: Hazard['treatment']): string[] {
  const out: string[] = [];
  if (h.status === 'PENDING') {
    if (!h.measures) out.push('整改措施');
    if (!h.respUnitId) out.push('责任单位');
    if (!h.respPersonId) out.push('责任人');
    if (h.major) {
      if (h.funds === null) out.push('整改资金');
      if (!h.interimMeasures) out.push('临时管控措施/应急预案');
      if (!treatment) out.push('重大隐患治理方案');
      else if (!treatment.approvedOn) out.push('主要负责人批准治理方案');
    }
  }
  if (h.major && h.status !== 'CLOSED' && !app.db.prepare('SELECT reportedOn FROM hazard WHERE id = ? AND reportedOn IS NOT NULL').get(h.id)) out.push('向监管部门和职工代表大会报告（重大隐患）');
  return out;
}

export function getHazard(app: AppContext, id: string): Hazard {
  const h = app.db.prepare(`${HAZARD_SELECT} WHERE h.id = ?`).get(id) as HazardDb | undefined;
  if (!h) return fail.notFound('隐患');
  const row = toRow(app, h, today(app));
  const tr = app.db.prepare('SELECT t.*, p.name AS approvedByName FROM hazard_treatment t LEFT JOIN person p ON p.id = t.approvedById WHERE t.hazardId = ?').get(id) as
    | (TreatmentInput & { approvedById: string | null; approvedByName: string | null; approvedOn: string | null })
    | undefined;
  const treatment = tr
    ? {
        presentState: tr.presentState,
        harm: tr.harm,
        goals: tr.goals,
        methods: tr.methods,
        fundsMaterials: tr.fundsMaterials,
        organisation: tr.organisation,
        timeLimit: tr.timeLimit,
        safetyMeasures: tr.safetyMeasures,
        approvedById: tr.approvedById,
        approvedByName: tr.approvedByName,
        approvedOn: tr.approvedOn,
      }
    : null;
  const rec = h.checkRecordId
    ? (app.db.prepare('SELECT r.id, p.name AS planName, p.frequency, r.checkedOn, t.periodKey, t.periodStart, t.dueOn FROM check_record r JOIN check_plan p ON p.id = r.planId JOIN check_task t ON t.id = r.taskId WHERE r.id = ?').get(h.checkRecordId) as
        | { id: string; planName: string; frequency: 'DAILY'; checkedOn: string; periodKey: string; periodStart: string; dueOn: string }
        | undefined)
    : undefined;
  return {
    ...row,
    unitPath: unitPaths(app.db).get(h.unitId) ?? h.unitName,
    criteriaText: criterion(app, h.criteriaCode)?.text ?? null,
    rectifierId: h.rectifierId,
    rectifyNote: h.rectifyNote,
    reportedOn: h.reportedOn,
    reportedTo: h.reportedTo,
    photos: app.db.prepare(`SELECT attachmentId, stage FROM hazard_photo WHERE hazardId = ? ORDER BY CASE stage WHEN 'FOUND' THEN 0 WHEN 'RECTIFIED' THEN 1 ELSE 2 END, seq`).all(id) as Hazard['photos'],
    treatment,
    extensions: app.db
      .prepare('SELECT e.id, e.reason, e.oldDeadline, e.newDeadline, e.interimMeasures, e.requestedByName, p.name AS approvedByName, e.approvedOn FROM hazard_extension e JOIN person p ON p.id = e.approvedById WHERE e.hazardId = ? ORDER BY e.createdAtMs')
      .all(id) as Hazard['extensions'],
    reinspections: (
      app.db
        .prepare('SELECT x.id, x.inspectorId, p.name AS inspectorName, x.inspectedOn, x.passed, x.opinion FROM hazard_reinspection x JOIN person p ON p.id = x.inspectorId WHERE x.hazardId = ? ORDER BY x.createdAtMs')
        .all(id) as (Omit<Hazard['reinspections'][number], 'passed'> & { passed: number })[]
    ).map((x) => ({ ...x, passed: x.passed === 1 })),
    events: app.db.prepare('SELECT atMs, kind, fromStatus, toStatus, byName, note FROM hazard_event WHERE hazardId = ? ORDER BY atMs, rowid').all(id) as Hazard['events'],
    checkRecord: rec ? { id: rec.id, planName: rec.planName, checkedOn: rec.checkedOn, periodLabel: periodLabel(rec.frequency, { key: rec.periodKey, start: rec.periodStart, end: rec.dueOn }) } : null,
    missing: missingFor(app, row, treatment),
    createdAtMs: h.createdAtMs,
    updatedAtMs: h.updatedAtMs,
  };
}

// ---- writing ----

function event(app: AppContext, hazardId: string, kind: string, from: string | null, to: string | null, note: string | null = null): void {
  app.db
    .prepare('INSERT INTO hazard_event (id, hazardId, atMs, kind, fromStatus, toStatus, byName, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(app.newId(), hazardId, app.clock.nowMs(), kind, from, to, currentOperator(app).name, note);
}

function addPhotos(app: AppContext, hazardId: string, stage: 'FOUND' | 'RECTIFIED' | 'REINSPECTED', ids: string[], field: string): void {
  const base = (app.db.prepare('SELECT ifnull(max(seq), 0) AS n FROM hazard_photo WHERE hazardId = ? AND stage = ?').get(hazardId, stage) as { n: number }).n;
  ids.forEach((aid, i) => {
    if (!app.db.prepare('SELECT 1 FROM attachment WHERE id = ?').get(aid)) fail.field(`${field}.${i}`, '照片不存在，请重新上传');
    app.db.prepare('INSERT OR IGNORE INTO hazard_photo (hazardId, stage, attachmentId, seq) VALUES (?, ?, ?, ?)').run(hazardId, stage, aid, base + i + 1);
  });
}

/** Checks the values and settles level (a criterion makes it 重大) and deadline (default period). */
function settle(app: AppContext, v: HazardValues): HazardValues & { deadline: string } {
  const t = today(app);
  if (!app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.unitId)) fail.field('unitId', '所在单位不存在，请重新选择');
  if (v.riskPointId && !app.db.prepare('SELECT 1 FROM risk_point WHERE id = ?').get(v.riskPointId)) fail.field('riskPointId', '风险点不存在，请重新选择');
  if (v.respUnitId && !app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.respUnitId)) fail.field('respUnitId', '责任单位不存在，请重新选择');
  if (v.respPersonId) activePerson(app, v.respPersonId, 'respPersonId', '责任人');
  if (v.foundOn > t) fail.field('foundOn', '发现日期不能晚于今天');
  let level = v.level;
  if (v.criteriaCode) {
    if (!criterion(app, v.criteriaCode)) fail.field('criteriaCode', `重大隐患判定标准中没有条目「${v.criteriaCode}」`);
    level = 'MAJOR';
  }
  if (!levelDef(app, level)) fail.field('level', `隐患等级「${level}」不在设置的等级中，请重新选择`);
  const deadline = v.deadline ?? addDays(v.foundOn, hazardSettings(app).defaultDeadlineDays);
  if (deadline < v.foundOn) fail.field('deadline', `整改期限（${deadline}）不能早于发现日期（${v.foundOn}）`);
  return { ...v, level, deadline };
}

function nextCode(app: AppContext, foundOn: string): string {
  const year = foundOn.slice(0, 4);
  const prefix = `YH-${year}-`;
  const row = app.db.prepare(`SELECT max(CAST(substr(code, 9) AS INTEGER)) AS n FROM hazard WHERE code LIKE ?`).get(`${prefix}%`) as { n: number | null };
  return `${prefix}${String((row.n ?? 0) + 1).padStart(4, '0')}`;
}

/** Inserts a hazard (inside the caller's transaction); returns its id. */
export function insertHazard(app: AppContext, raw: HazardValues & { checkRecordId?: string | null; checkItemId?: number | null }): string {
  const v = settle(app, raw);
  const id = app.newId();
  const now = app.clock.nowMs();
  app.db
    .prepare(
      `INSERT INTO hazard (id, code, source, checkRecordId, checkItemId, unitId, riskPointId, location, description, kind, scope, level, criteriaCode, foundByName, foundOn,
         measures, respUnitId, respPersonId, funds, deadline, interimMeasures, status, createdAtMs, updatedAtMs)
       VALUES (@id, @code, @source, @checkRecordId, @checkItemId, @unitId, @riskPointId, @location, @description, @kind, @scope, @level, @criteriaCode, @foundByName, @foundOn,
         @measures, @respUnitId, @respPersonId, @funds, @deadline, @interimMeasures, 'PENDING', @now, @now)`,
    )
    .run({ ...v, photoIds: undefined, id, code: nextCode(app, v.foundOn), checkRecordId: raw.checkRecordId ?? null, checkItemId: raw.checkItemId ?? null, now });
  addPhotos(app, id, 'FOUND', v.photoIds, 'photoIds');
  event(app, id, 'REGISTER', null, 'PENDING', raw.checkRecordId ? '检查不合格项自动生成' : null);
  const after = getHazard(app, id);
  recordAudit(app, { action: 'CREATE', entityType: 'hazard', entityId: id, summary: `登记隐患 ${after.code}（${after.levelLabel}）：${after.description.slice(0, 40)}`, after });
  return id;
}

export function createHazard(app: AppContext, v: HazardValues): Hazard {
  return inTransaction(app.db, () => getHazard(app, insertHazard(app, v)));
}

function load(app: AppContext, id: string, action: HazardAction): { before: Hazard; to: HazardStatus } {
  const before = getHazard(app, id);
  const tr = transition(before.status, action);
  if (!tr.ok) return fail.rule(`隐患 ${before.code}：${tr.reason}`);
  return { before, to: tr.to };
}

function audit(app: AppContext, before: Hazard, summary: string): Hazard {
  const after = getHazard(app, before.id);
  recordAudit(app, { action: 'UPDATE', entityType: 'hazard', entityId: before.id, summary: `隐患 ${before.code}：${summary}`, before, after });
  return after;
}

export function updateHazard(app: AppContext, id: string, raw: HazardValues): Hazard {
  return inTransaction(app.db, () => {
    const { before } = load(app, id, 'update');
    const v = settle(app, raw);
    if (before.checkRecordId && v.foundOn !== before.foundOn) fail.field('foundOn', '由检查记录生成的隐患，发现日期即检查日期，不能修改');
    if (before.extensionCount > 0 && v.deadline !== before.deadline) fail.field('deadline', '该隐患已延期，整改期限只能通过「申请延期」调整');
    if (before.status !== 'PENDING' && before.major !== !!levelDef(app, v.level)?.major) fail.field('level', '已下发整改的隐患不能在一般和重大之间改级；如确需改级请先说明并重新登记');
    app.db
      .prepare(
        `UPDATE hazard SET source = @source, unitId = @unitId, riskPointId = @riskPointId, location = @location, description = @description, kind = @kind, scope = @scope,
           level = @level, criteriaCode = @criteriaCode, foundByName = @foundByName, foundOn = @foundOn, measures = @measures, respUnitId = @respUnitId,
           respPersonId = @respPersonId, funds = @funds, deadline = @deadline, interimMeasures = @interimMeasures, updatedAtMs = @now WHERE id = @id`,
      )
      .run({ ...v, photoIds: undefined, id, now: app.clock.nowMs() });
    addPhotos(app, id, 'FOUND', v.photoIds, 'photoIds');
    event(app, id, 'UPDATE', before.status, before.status);
    return audit(app, before, '修改隐患信息');
  });
}

export function startRectification(app: AppContext, id: string): Hazard {
  return inTransaction(app.db, () => {
    const { before, to } = load(app, id, 'start');
    const missing = before.missing.filter((m) => !m.startsWith('向监管部门'));
    if (missing.length) fail.rule(`隐患 ${before.code} 不能下发整改通知，五落实${before.major ? '和治理方案' : ''}尚缺：${missing.join('、')}`);
    app.db.prepare(`UPDATE hazard SET status = ?, updatedAtMs = ? WHERE id = ?`).run(to, app.clock.nowMs(), id);
    event(app, id, 'START', before.status, to, `整改期限 ${before.deadline}`);
    return audit(app, before, '下发整改通知');
  });
}

export function saveTreatment(app: AppContext, id: string, t: TreatmentInput): Hazard {
  return inTransaction(app.db, () => {
    const { before } = load(app, id, 'saveTreatment');
    if (!before.major) fail.rule(`隐患 ${before.code} 为${before.levelLabel}，不需要重大隐患治理方案`);
    // A changed plan needs approving again.
    app.db
      .prepare(
        `INSERT INTO hazard_treatment (hazardId, presentState, harm, goals, methods, fundsMaterials, organisation, timeLimit, safetyMeasures, approvedById, approvedOn, updatedAtMs)
         VALUES (@id, @presentState, @harm, @goals, @methods, @fundsMaterials, @organisation, @timeLimit, @safetyMeasures, NULL, NULL, @now)
         ON CONFLICT(hazardId) DO UPDATE SET presentState = excluded.presentState, harm = excluded.harm, goals = excluded.goals, methods = excluded.methods,
           fundsMaterials = excluded.fundsMaterials, organisation = excluded.organisation, timeLimit = excluded.timeLimit, safetyMeasures = excluded.safetyMeasures,
           approvedById = NULL, approvedOn = NULL, updatedAtMs = excluded.updatedAtMs`,
      )
      .run({ ...t, id, now: app.clock.nowMs() });
    event(app, id, 'PLAN', before.status, before.status, before.treatment?.approvedOn ? '方案已修改，须重新批准' : null);
    return audit(app, before, '编制重大隐患治理方案');
  });
}

export function approveTreatment(app: AppContext, id: string, approvedById: string, approvedOn: string): Hazard {
  return inTransaction(app.db, () => {
    const { before } = load(app, id, 'approveTreatment');
    if (!before.treatment) fail.rule(`隐患 ${before.code} 还没有治理方案，请先编制治理方案`);
    activePerson(app, approvedById, 'approvedById', '批准人');
    requirePrincipal(app, approvedById, 'approvedById', '重大隐患治理方案');
    if (approvedOn < before.foundOn) fail.field('approvedOn', `批准日期不能早于发现日期（${before.foundOn}）`);
    if (approvedOn > today(app)) fail.field('approvedOn', '批准日期不能晚于今天');
    app.db.prepare('UPDATE hazard_treatment SET approvedById = ?, approvedOn = ?, updatedAtMs = ? WHERE hazardId = ?').run(approvedById, approvedOn, app.clock.nowMs(), id);
    event(app, id, 'APPROVE', before.status, before.status, approvedOn);
    return audit(app, before, '主要负责人批准治理方案');
  });
}

export function reportHazard(app: AppContext, id: string, reportedOn: string, reportedTo: string): Hazard {
  return inTransaction(app.db, () => {
    const { before } = load(app, id, 'report');
    if (!before.major) fail.rule(`隐患 ${before.code} 为${before.levelLabel}，只有重大事故隐患需要报告监管部门`);
    if (reportedOn < before.foundOn) fail.field('reportedOn', `报告日期不能早于发现日期（${before.foundOn}）`);
    if (reportedOn > today(app)) fail.field('reportedOn', '报告日期不能晚于今天');
    app.db.prepare('UPDATE hazard SET reportedOn = ?, reportedTo = ?, updatedAtMs = ? WHERE id = ?').run(reportedOn, reportedTo, app.clock.nowMs(), id);
    event(app, id, 'REPORT', before.status, before.status, `${reportedOn} 报告${reportedTo}`);
    return audit(app, before, `报告${reportedTo}`);
  });
}

export function extendDeadline(
  app: AppContext,
  id: string,
  x: { reason: string; newDeadline: string; interimMeasures: string; requestedByName: string; approvedById: string; approvedOn: string },
): Hazard {
  return inTransaction(app.db, () => {
    const { before } = load(app, id, 'extend');
    const max = hazardSettings(app).maxExtensions;
    if (before.extensionCount >= max) fail.rule(`隐患 ${before.code} 已延期 ${before.extensionCount} 次，达到上限（${max} 次），不能再延期；请督促整改或在「排查治理设置」中调整上限`);
    if (x.newDeadline <= before.deadline) fail.field('newDeadline', `新的整改期限应晚于当前期限 ${before.deadline}`);
    activePerson(app, x.approvedById, 'approvedById', '批准人');
    if (before.major) requirePrincipal(app, x.approvedById, 'approvedById', '重大隐患延期');
    if (x.approvedOn > today(app)) fail.field('approvedOn', '批准日期不能晚于今天');
    if (x.approvedOn < before.foundOn) fail.field('approvedOn', `批准日期不能早于发现日期（${before.foundOn}）`);
    app.db
      .prepare(
        'INSERT INTO hazard_extension (id, hazardId, reason, oldDeadline, newDeadline, interimMeasures, requestedByName, approvedById, approvedOn, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(app.newId(), id, x.reason, before.deadline, x.newDeadline, x.interimMeasures, x.requestedByName, x.approvedById, x.approvedOn, app.clock.nowMs());
    app.db.prepare('UPDATE hazard SET deadline = ?, extensionCount = extensionCount + 1, interimMeasures = ?, updatedAtMs = ? WHERE id = ?').run(x.newDeadline, x.interimMeasures, app.clock.nowMs(), id);
    event(app, id, 'EXTEND', before.status, before.status, `${before.deadline} → ${x.newDeadline}：${x.reason}`);
    return audit(app, before, `延期至 ${x.newDeadline}`);
  });
}

export function submitRectification(app: AppContext, id: string, x: { rectifierId: string; rectifiedOn: string; rectifyNote: string; photoIds: string[] }): Hazard {
  return inTransaction(app.db, () => {
    const { before, to } = load(app, id, 'submit');
    if (before.status === 'PENDING' && before.major) fail.rule(`隐患 ${before.code} 是重大事故隐患：须按经主要负责人批准的治理方案下发整改，不能立即整改`);
    activePerson(app, x.rectifierId, 'rectifierId', '整改人');
    if (x.rectifiedOn < before.foundOn) fail.field('rectifiedOn', `整改完成日期不能早于发现日期（${before.foundOn}）`);
    if (x.rectifiedOn > today(app)) fail.field('rectifiedOn', '整改完成日期不能晚于今天');
    addPhotos(app, id, 'RECTIFIED', x.photoIds, 'photoIds');
    app.db.prepare('UPDATE hazard SET status = ?, rectifierId = ?, rectifiedOn = ?, rectifyNote = ?, updatedAtMs = ? WHERE id = ?').run(to, x.rectifierId, x.rectifiedOn, x.rectifyNote, app.clock.nowMs(), id);
    event(app, id, 'SUBMIT', before.status, to, before.status === 'PENDING' ? `立即整改：${x.rectifyNote}` : x.rectifyNote);
    return audit(app, before, '整改完成，申请复查');
  });
}

export function reinspect(app: AppContext, id: string, x: { inspectorId: string; inspectedOn: string; passed: boolean; opinion: string; photoIds: string[]; close: boolean }): Hazard {
  return inTransaction(app.db, () => {
    const { before, to } = load(app, id, x.passed ? 'reinspectPass' : 'reinspectFail');
    const inspector = activePerson(app, x.inspectorId, 'inspectorId', '复查人');
    if (x.inspectorId === before.rectifierId) fail.field('inspectorId', `复查人不能是整改人本人（${inspector.name}）：请由整改人以外的人员复查验收`);
    if (before.rectifiedOn && x.inspectedOn < before.rectifiedOn) fail.field('inspectedOn', `复查日期不能早于整改完成日期（${before.rectifiedOn}）`);
    if (x.inspectedOn > today(app)) fail.field('inspectedOn', '复查日期不能晚于今天');
    addPhotos(app, id, 'REINSPECTED', x.photoIds, 'photoIds');
    if (x.passed) {
      const after = (app.db.prepare(`SELECT count(*) AS n FROM hazard_photo WHERE hazardId = ? AND stage IN ('RECTIFIED', 'REINSPECTED')`).get(id) as { n: number }).n;
      if (!after) fail.field('photoIds', '复查验收合格须留存整改后的照片：请上传整改后或复查时的照片');
    }
    app.db.prepare('INSERT INTO hazard_reinspection (id, hazardId, inspectorId, inspectedOn, passed, opinion, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      app.newId(),
      id,
      x.inspectorId,
      x.inspectedOn,
      x.passed ? 1 : 0,
      x.opinion,
      app.clock.nowMs(),
    );
    app.db.prepare('UPDATE hazard SET status = ?, updatedAtMs = ? WHERE id = ?').run(to, app.clock.nowMs(), id);
    event(app, id, x.passed ? 'REINSPECT_PASS' : 'REINSPECT_FAIL', before.status, to, `${inspector.name}：${x.opinion}`);
    if (x.passed && x.close) closeInside(app, id, x.inspectedOn);
    return audit(app, before, x.passed ? (x.close ? '复查验收合格，销号' : '复查验收合格') : '复查不合格，退回整改');
  });
}

function closeInside(app: AppContext, id: string, closedOn: string): void {
  const h = getHazard(app, id);
  const tr = transition(h.status, 'close');
  if (!tr.ok) fail.rule(`隐患 ${h.code}：${tr.reason}`);
  const submitted = (app.db.prepare(`SELECT max(atMs) AS t FROM hazard_event WHERE hazardId = ? AND kind = 'SUBMIT'`).get(id) as { t: number | null }).t ?? 0;
  const last = app.db.prepare('SELECT passed, inspectedOn, createdAtMs FROM hazard_reinspection WHERE hazardId = ? ORDER BY createdAtMs DESC, rowid DESC LIMIT 1').get(id) as
    | { passed: number; inspectedOn: string; createdAtMs: number }
    | undefined;
  if (!last || last.passed !== 1 || last.createdAtMs < submitted) fail.rule(`隐患 ${h.code} 尚未复查验收合格，不能销号：请由整改人以外的人员复查验收后再销号`);
  if (closedOn < last.inspectedOn) fail.field('closedOn', `销号日期不能早于复查日期（${last.inspectedOn}）`);
  if (closedOn > today(app)) fail.field('closedOn', '销号日期不能晚于今天');
  app.db.prepare(`UPDATE hazard SET status = 'CLOSED', closedOn = ?, updatedAtMs = ? WHERE id = ?`).run(closedOn, app.clock.nowMs(), id);
  event(app, id, 'CLOSE', h.status, 'CLOSED', closedOn);
}

export function closeHazard(app: AppContext, id: string, closedOn: string): Hazard {
  return inTransaction(app.db, () => {
    const before = getHazard(app, id);
    closeInside(app, id, closedOn);
    return audit(app, before, '销号');
  });
}

export function reopenHazard(app: AppContext, id: string, reason: string): Hazard {
  return inTransaction(app.db, () => {
    const { before, to } = load(app, id, 'reopen');
    app.db.prepare('UPDATE hazard SET status = ?, closedOn = NULL, updatedAtMs = ? WHERE id = ?').run(to, app.clock.nowMs(), id);
    event(app, id, 'REOPEN', before.status, to, reason);
    return audit(app, before, `重新打开：${reason}`);
  });
}

