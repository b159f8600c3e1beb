/**
 * 应急演练: the annual plan, frequency compliance, the calendar, drill records
 * (participants with sign-in, timeline, photos and video), the AQ/T 9009
 * evaluation with its problems, the summary report, and the follow-up of each
 * problem as a hazard (source 应急演练) or a plan-revision task.
 */
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { ParsedFields } from '../../../preload/contract/fields.ts';
import type { Drill, DrillCompliance, DrillInput, DrillPlanItem, DrillPlanItemInput, DrillRow, DrillYearPlan } from '../../../preload/contract/drills.ts';
import type { DrillCalendarEntry, EvaluationFunction } from '../../../preload/contract/drills.ts';
import { EmergencyPlanType } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { drillCompliance as computeCompliance, drillItemState, type DrillFact, type PlannedFact } from '../../domain/emergency.ts';
import { employedOn } from '../../domain/training.ts';
import { recordAudit } from '../audit/service.ts';
import { attachmentRefs, getAttachment, setLinkedAttachments } from '../attachments/service.ts';
import { today } from '../enterprise/service.ts';
import { getHazard, insertHazard } from '../hazards/service.ts';
import { emergencyHighRisk, emergencySettings } from '../emergency/settings.ts';
import { insertTrigger } from '../emergency/plans.ts';
import { readContent } from '../print/content.ts';
import { activePerson, requirePrincipal } from '../people/refs.ts';

export type DrillPlanItemValues = ParsedFields<typeof DrillPlanItemInput>;
export type DrillValues = ParsedFields<typeof DrillInput>;
type EvaluationFunctionDef = z.infer<typeof EvaluationFunction>;

const DRILL_ENTITY = 'drill';

// ---- the annual plan ----

type ItemDb = Omit<DrillPlanItem, 'state'>;

const ITEM_SELECT = `SELECT i.id, i.year, i.planId, p.code AS planCode, p.name AS planName, p.planType, i.scenario, i.scope, i.form, i.plannedMonth,
    i.organiserUnitId, u.name AS organiserUnitName, i.participants, i.budget, i.notes, i.cancelledReason,
    d.id AS drillId, d.code AS drillCode, d.drillDate
  FROM drill_plan_item i JOIN emergency_plan p ON p.id = i.planId JOIN unit u ON u.id = i.organiserUnitId LEFT JOIN drill d ON d.planItemId = i.id`;

function withState(r: ItemDb, t: string): DrillPlanItem {
  return { ...r, state: drillItemState(r.year, r.plannedMonth, r.drillDate, r.cancelledReason !== null, t) };
}

function items(app: AppContext, year: number): DrillPlanItem[] {
  const t = today(app);
  return (app.db.prepare(`${ITEM_SELECT} WHERE i.year = ? ORDER BY i.plannedMonth, p.code, i.createdAtMs`).all(year) as ItemDb[]).map((r) => withState(r, t));
}

export function getYearPlan(app: AppContext, year: number): DrillYearPlan {
  const list = items(app, year);
  const head = app.db
    .prepare('SELECT y.compiledBy, y.approvedById, p.name AS approvedByName, y.approvedOn FROM drill_year_plan y LEFT JOIN person p ON p.id = y.approvedById WHERE y.year = ?')
    .get(year) as { compiledBy: string | null; approvedById: string | null; approvedByName: string | null; approvedOn: string | null } | undefined;
  return {
    year,
    items: list,
    compiledBy: head?.compiledBy ?? null,
    approvedById: head?.approvedById ?? null,
    approvedByName: head?.approvedByName ?? null,
    approvedOn: head?.approvedOn ?? null,
    budgetTotal: Math.round(list.filter((i) => i.state !== 'CANCELLED').reduce((a, i) => a + (i.budget ?? 0), 0) * 100) / 100,
  };
}

function itemDb(app: AppContext, id: string): DrillPlanItem {
  const r = (app.db.prepare(`${ITEM_SELECT} WHERE i.id = ?`).get(id) as ItemDb | undefined) ?? fail.notFound('演练计划项');
  return withState(r, today(app));
}

function checkItem(app: AppContext, v: DrillPlanItemValues): void {
  const plan = app.db.prepare('SELECT name, archivedAtMs FROM emergency_plan WHERE id = ?').get(v.planId) as { name: string; archivedAtMs: number | null } | undefined;
  if (!plan) fail.field('planId', '应急预案不存在，请重新选择');
  if (plan.archivedAtMs !== null) fail.field('planId', `预案「${plan.name}」已废止，不能再安排演练`);
  if (!app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.organiserUnitId)) fail.field('organiserUnitId', '组织部门不存在，请重新选择');
}

export function createItem(app: AppContext, v: DrillPlanItemValues): DrillYearPlan {
  return inTransaction(app.db, () => {
    checkItem(app, v);
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO drill_plan_item (id, year, planId, scenario, scope, form, plannedMonth, organiserUnitId, participants, budget, notes, createdAtMs, updatedAtMs)
         VALUES (@id, @year, @planId, @scenario, @scope, @form, @plannedMonth, @organiserUnitId, @participants, @budget, @notes, @now, @now)`,
      )
      .run({ ...v, id, now });
    recordAudit(app, { action: 'CREATE', entityType: 'drillPlanItem', entityId: id, summary: `${v.year} 年演练计划新增：${v.plannedMonth} 月 ${v.scenario}`, after: itemDb(app, id) });
    return getYearPlan(app, v.year);
  });
}

export function updateItem(app: AppContext, id: string, v: DrillPlanItemValues): DrillYearPlan {
  return inTransaction(app.db, () => {
    const before = itemDb(app, id);
    checkItem(app, v);
    if (before.drillId && (v.planId !== before.planId || v.year !== before.year)) fail.rule('该计划项已演练，不能再修改预案或年度');
    app.db
      .prepare(
        `UPDATE drill_plan_item SET year = @year, planId = @planId, scenario = @scenario, scope = @scope, form = @form, plannedMonth = @plannedMonth,
           organiserUnitId = @organiserUnitId, participants = @participants, budget = @budget, notes = @notes, updatedAtMs = @now WHERE id = @id`,
      )
      .run({ ...v, id, now: app.clock.nowMs() });
    recordAudit(app, { action: 'UPDATE', entityType: 'drillPlanItem', entityId: id, summary: `修改 ${v.year} 年演练计划项：${v.scenario}`, before, after: itemDb(app, id) });
    return getYearPlan(app, v.year);
  });
}

export function cancelItem(app: AppContext, id: string, reason: string): DrillYearPlan {
  return inTransaction(app.db, () => {
    const before = itemDb(app, id);
    if (before.drillId) fail.rule('该计划项已演练，不能取消');
    if (before.cancelledReason) fail.rule('该计划项已取消');
    app.db.prepare('UPDATE drill_plan_item SET cancelledReason = ?, updatedAtMs = ? WHERE id = ?').run(reason, app.clock.nowMs(), id);
    recordAudit(app, { action: 'UPDATE', entityType: 'drillPlanItem', entityId: id, summary: `取消演练计划项「${before.scenario}」：${reason}`, before, after: itemDb(app, id) });
    return getYearPlan(app, before.year);
  });
}

export function removeItem(app: AppContext, id: string): DrillYearPlan {
  return inTransaction(app.db, () => {
    const before = itemDb(app, id);
    if (before.drillId) fail.rule('该计划项已有演练记录，不能删除；如计划调整请修改或取消');
    app.db.prepare('DELETE FROM drill_plan_item WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'drillPlanItem', entityId: id, summary: `删除演练计划项「${before.scenario}」`, before });
    return getYearPlan(app, before.year);
  });
}

export function approveYearPlan(app: AppContext, x: { year: number; compiledBy: string; approvedById: string; approvedOn: string }): DrillYearPlan {
  return inTransaction(app.db, () => {
    const before = getYearPlan(app, x.year);
    if (!before.items.length) fail.rule(`${x.year} 年演练计划还没有计划项，请先添加`);
    activePerson(app, x.approvedById, 'approvedById', '批准人');
    requirePrincipal(app, x.approvedById, 'approvedById', '年度应急演练计划');
    if (x.approvedOn > today(app)) fail.field('approvedOn', '批准日期不能晚于今天');
    app.db
      .prepare(
        `INSERT INTO drill_year_plan (year, compiledBy, approvedById, approvedOn, updatedAtMs) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(year) DO UPDATE SET compiledBy = excluded.compiledBy, approvedById = excluded.approvedById, approvedOn = excluded.approvedOn, updatedAtMs = excluded.updatedAtMs`,
      )
      .run(x.year, x.compiledBy, x.approvedById, x.approvedOn, app.clock.nowMs());
    const after = getYearPlan(app, x.year);
    recordAudit(app, { action: 'UPDATE', entityType: 'drillYearPlan', entityId: String(x.year), summary: `批准 ${x.year} 年应急演练计划（${after.approvedByName}，${x.approvedOn}）`, before, after });
    return after;
  });
}

// ---- compliance and calendar ----

export function drillCompliance(app: AppContext, year: number): DrillCompliance {
  const t = today(app);
  const settings = emergencySettings(app);
  const hr = emergencyHighRisk(app, settings);
  const drills = app.db
    .prepare(
      `SELECT d.id, d.code, d.title, d.drillDate, p.planType, d.reportedOn FROM drill d JOIN emergency_plan p ON p.id = d.planId
       WHERE d.drillDate BETWEEN ? AND ? ORDER BY d.drillDate`,
    )
    .all(`${year}-01-01`, `${year}-12-31`) as (DrillFact & { code: string; title: string })[];
  const nowMonth = t.slice(0, 4) === String(year) ? Number(t.slice(5, 7)) : t.slice(0, 4) < String(year) ? 1 : 13;
  const planned: PlannedFact[] = items(app, year).map((i) => ({ plannedMonth: i.plannedMonth, planType: i.planType, open: !i.drillId && !i.cancelledReason && i.plannedMonth >= nowMonth }));
  const byId = new Map(drills.map((d) => [d.id, d]));
  const rules = computeCompliance(settings.drillRules, hr.highRisk, drills, planned, year, t);
  const shortfalls: string[] = [];
  for (const r of rules) {
    for (const p of r.periods) {
      if (p.state === 'MISSED') shortfalls.push(`${p.label}未满足：${r.rule.label}（${r.rule.basis}）`);
      else if (p.state === 'NOT_REPORTED') shortfalls.push(`${p.label}已演练但未报送监管部门：${r.rule.label}`);
      else if (p.state === 'DUE' && p.planned === 0) shortfalls.push(`${p.label}尚未完成且计划中没有安排：${r.rule.label}`);
    }
  }
  return {
    year,
    highRisk: hr.highRisk,
    highRiskBasis: hr.highRiskBasis,
    rules: rules.map((r) => ({
      key: r.rule.key,
      label: r.rule.label,
      basis: r.rule.basis,
      requireReport: r.rule.requireReport,
      periods: r.periods.map((p) => ({
        key: p.key,
        label: p.label,
        from: p.from,
        to: p.to,
        required: p.required,
        done: p.done,
        state: p.state,
        planned: p.planned,
        drills: p.drillIds.map((id) => {
          const d = byId.get(id)!;
          return { id, code: d.code, title: d.title, drillDate: d.drillDate, planType: d.planType, reportedOn: d.reportedOn };
        }),
      })),
    })),
    shortfalls,
  };
}

export function drillCalendar(app: AppContext, year: number): z.infer<typeof DrillCalendarEntry>[] {
  const out: z.infer<typeof DrillCalendarEntry>[] = [];
  for (const i of items(app, year)) {
    const kind = i.state === 'DUE' ? 'PLANNED' : i.state;
    out.push({ month: i.plannedMonth, kind, title: i.scenario, planType: i.planType, itemId: i.id, drillId: i.drillId, date: i.drillDate });
  }
  const unplanned = app.db
    .prepare(`SELECT d.id, d.title, d.drillDate, p.planType FROM drill d JOIN emergency_plan p ON p.id = d.planId WHERE d.planItemId IS NULL AND d.drillDate BETWEEN ? AND ? ORDER BY d.drillDate`)
    .all(`${year}-01-01`, `${year}-12-31`) as { id: string; title: string; drillDate: string; planType: DrillRow['planType'] }[];
  for (const d of unplanned) out.push({ month: Number(d.drillDate.slice(5, 7)), kind: 'UNPLANNED', title: d.title, planType: d.planType, itemId: null, drillId: d.id, date: d.drillDate });
  return out.sort((a, b) => a.month - b.month);
}

// ---- drill records ----

const ROW_SELECT = `SELECT d.id, d.code, d.title, d.planItemId, d.planId, p.code AS planCode, p.name AS planName, p.planType, d.scope, d.form, d.drillDate, d.place,
    d.commanderName, u.name AS organiserUnitName, d.reportedOn,
    (SELECT count(*) FROM drill_participant x WHERE x.drillId = d.id) AS participantCount,
    (SELECT count(*) FROM drill_participant x WHERE x.drillId = d.id AND x.signMethod IS NOT NULL) AS signedCount,
    EXISTS (SELECT 1 FROM drill_evaluation e WHERE e.drillId = d.id) AS evaluated,
    EXISTS (SELECT 1 FROM drill_summary s WHERE s.drillId = d.id) AS summarised,
    (SELECT count(*) FROM drill_problem x WHERE x.drillId = d.id) AS problemCount,
    (SELECT count(*) FROM drill_problem x WHERE x.drillId = d.id AND x.hazardId IS NULL AND x.triggerId IS NULL) AS openProblemCount
  FROM drill d JOIN emergency_plan p ON p.id = d.planId JOIN unit u ON u.id = d.organiserUnitId`;

type RowDb = Omit<DrillRow, 'evaluated' | 'summarised' | 'needsReport'> & { evaluated: number; summarised: number };

function toRow(r: RowDb, needsReport: boolean): DrillRow {
  return { ...r, evaluated: r.evaluated === 1, summarised: r.summarised === 1, needsReport };
}

export function listDrills(app: AppContext, f: { year?: number | undefined; planId: string | null; search: string | null }): DrillRow[] {
  const needsReport = emergencyHighRisk(app).highRisk;
  const rows = app.db
    .prepare(
      `${ROW_SELECT} WHERE (@from IS NULL OR d.drillDate BETWEEN @from AND @to) AND (@planId IS NULL OR d.planId = @planId)
         AND (@q IS NULL OR instr(d.title, @q) > 0 OR instr(d.code, @q) > 0 OR instr(d.scenario, @q) > 0)
       ORDER BY d.drillDate DESC, d.code DESC`,
    )
    .all({ from: f.year ? `${f.year}-01-01` : null, to: f.year ? `${f.year}-12-31` : null, planId: f.planId, q: f.search }) as RowDb[];
  return rows.map((r) => toRow(r, needsReport));
}

function refs(app: AppContext, id: string, role: string) {
  return attachmentRefs(app, DRILL_ENTITY, id, role);
}

export function getDrill(app: AppContext, id: string): Drill {
  const r = (app.db.prepare(`${ROW_SELECT} WHERE d.id = ?`).get(id) as RowDb | undefined) ?? fail.notFound('演练记录');
  const d = app.db.prepare('SELECT * FROM drill WHERE id = ?').get(id) as Record<string, string | null>;
  const needsReport = emergencyHighRisk(app).highRisk;
  const participants = app.db
    .prepare(
      `SELECT x.personId, x.name, u.name AS unitName, x.role, x.signMethod, x.signatureAttachmentId FROM drill_participant x
       LEFT JOIN person p ON p.id = x.personId LEFT JOIN unit u ON u.id = p.unitId WHERE x.drillId = ? ORDER BY x.rowid`,
    )
    .all(id) as Drill['participants'];
  const steps = app.db.prepare('SELECT time, action, actor FROM drill_step WHERE drillId = ? ORDER BY seq').all(id) as Drill['steps'];
  const ev = app.db.prepare('SELECT * FROM drill_evaluation WHERE drillId = ?').get(id) as
    | { evaluatedOn: string; evaluators: string; onSiteComments: string | null; preparation: string | null; performance: string | null; pointsJson: string; objectivesMet: number; overall: NonNullable<Drill['evaluation']>['overall']; needsPlanRevision: number; revisionReason: string | null }
    | undefined;
  const problems = app.db
    .prepare(
      `SELECT x.id, x.seq, x.description, x.cause, x.suggestion, x.hazardId, h.code AS hazardCode, h.status AS hazardStatus, x.triggerId,
         (t.resolvedOn IS NOT NULL) AS triggerResolved
       FROM drill_problem x LEFT JOIN hazard h ON h.id = x.hazardId LEFT JOIN emergency_plan_trigger t ON t.id = x.triggerId
       WHERE x.drillId = ? ORDER BY x.seq`,
    )
    .all(id) as (Omit<Drill['problems'][number], 'triggerResolved'> & { triggerResolved: number | null })[];
  const summary = app.db.prepare('SELECT purpose, schemeSummary, lessons, improvements, writtenBy, writtenOn FROM drill_summary WHERE drillId = ?').get(id) as Drill['summary'] | undefined;
  const row = toRow(r, needsReport);
  const photos = refs(app, id, 'PHOTO');
  const missing: string[] = [];
  if (participants.length === 0) missing.push('参演人员签到');
  else if (participants.some((p) => !p.signMethod) && !d.signInAttachmentId) missing.push(`${participants.filter((p) => !p.signMethod).length} 名参演人员未签到`);
  if (steps.length === 0) missing.push('演练过程记录');
  if (row.form === 'LIVE' && photos.length === 0) missing.push('现场照片');
  if (!ev) missing.push('演练评估');
  if (!summary) missing.push('演练总结报告');
  if (row.openProblemCount > 0) missing.push(`${row.openProblemCount} 个问题尚未转为隐患或预案修订事项`);
  if (needsReport && !row.reportedOn) missing.push('向监管部门报送演练情况');
  return {
    ...row,
    purpose: d.purpose as Drill['purpose'],
    startTime: d.startTime!,
    endTime: d.endTime!,
    commanderId: d.commanderId ?? null,
    organiserUnitId: d.organiserUnitId!,
    scenario: d.scenario!,
    resourcesUsed: d.resourcesUsed ?? null,
    observers: d.observers ?? null,
    interruptions: d.interruptions ?? null,
    reportedTo: d.reportedTo ?? null,
    participants,
    steps,
    photos,
    videos: refs(app, id, 'VIDEO'),
    signInAttachmentId: d.signInAttachmentId ?? null,
    evaluation: ev
      ? {
          evaluatedOn: ev.evaluatedOn,
          evaluators: ev.evaluators,
          onSiteComments: ev.onSiteComments,
          preparation: ev.preparation,
          performance: ev.performance,
          points: JSON.parse(ev.pointsJson) as NonNullable<Drill['evaluation']>['points'],
          objectivesMet: ev.objectivesMet === 1,
          overall: ev.overall,
          needsPlanRevision: ev.needsPlanRevision === 1,
          revisionReason: ev.revisionReason,
        }
      : null,
    problems: problems.map((p) => ({ ...p, triggerResolved: p.triggerResolved === 1 })),
    summary: summary ?? null,
    missing,
  };
}

function nextCode(app: AppContext, drillDate: string): string {
  const prefix = `YL-${drillDate.slice(0, 4)}-`;
  const row = app.db.prepare(`SELECT max(CAST(substr(code, 9) AS INTEGER)) AS n FROM drill WHERE code LIKE ?`).get(`${prefix}%`) as { n: number | null };
  return `${prefix}${String((row.n ?? 0) + 1).padStart(3, '0')}`;
}

function checkDrill(app: AppContext, v: DrillValues, selfId: string | null): void {
  const t = today(app);
  if (v.drillDate > t) fail.field('drillDate', `演练日期（${v.drillDate}）晚于今天，不能登记为已完成；尚未进行的演练请列入年度演练计划`);
  if (v.endTime < v.startTime) fail.field('endTime', `结束时间（${v.endTime}）不能早于开始时间（${v.startTime}）`);
  const plan = app.db.prepare('SELECT name, archivedAtMs FROM emergency_plan WHERE id = ?').get(v.planId) as { name: string; archivedAtMs: number | null } | undefined;
  if (!plan) fail.field('planId', '应急预案不存在，请重新选择');
  if (!app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.organiserUnitId)) fail.field('organiserUnitId', '组织部门不存在，请重新选择');
  if (v.planItemId) {
    const item = app.db.prepare('SELECT year, planId, cancelledReason FROM drill_plan_item WHERE id = ?').get(v.planItemId) as { year: number; planId: string; cancelledReason: string | null } | undefined;
    if (!item) fail.field('planItemId', '年度计划项不存在，请重新选择');
    if (item.planId !== v.planId) fail.field('planItemId', '所选计划项演练的是另一个预案，请重新选择预案或计划项');
    if (item.cancelledReason) fail.field('planItemId', '所选计划项已取消');
    if (String(item.year) !== v.drillDate.slice(0, 4)) fail.field('planItemId', `所选计划项属于 ${item.year} 年计划，与演练日期不符`);
    const other = app.db.prepare('SELECT code FROM drill WHERE planItemId = ? AND id IS NOT ?').get(v.planItemId, selfId) as { code: string } | undefined;
    if (other) fail.field('planItemId', `该计划项已由演练 ${other.code} 完成`);
  }
  if (v.commanderId && !app.db.prepare('SELECT 1 FROM person WHERE id = ?').get(v.commanderId)) fail.field('commanderId', '总指挥不存在，请重新选择');
  const seen = new Set<string>();
  for (const [i, p] of v.participants.entries()) {
    if (!p.personId) continue;
    if (seen.has(p.personId)) fail.field(`participants.${i}.personId`, `参演人员「${p.name}」重复，请删除重复的一行`);
    seen.add(p.personId);
    const person = app.db.prepare('SELECT name, hireDate, leftDate, status FROM person WHERE id = ?').get(p.personId) as { name: string; hireDate: string | null; leftDate: string | null; status: string } | undefined;
    if (!person) fail.field(`participants.${i}.personId`, `参演人员「${p.name}」不存在，请重新选择`);
    if (!employedOn(person, v.drillDate)) {
      fail.field(`participants.${i}.personId`, person.hireDate && person.hireDate > v.drillDate ? `「${person.name}」${person.hireDate} 才入职，不能登记为 ${v.drillDate} 演练的参演人员` : `「${person.name}」已于 ${person.leftDate} 离职，不能登记为 ${v.drillDate} 演练的参演人员`);
    }
    if (p.signatureAttachmentId) getAttachment(app, p.signatureAttachmentId);
  }
  for (const [i, a] of v.photoIds.entries()) if (!getAttachment(app, a).mimeType.startsWith('image/')) fail.field(`photoIds.${i}`, '演练照片应为 PNG 或 JPEG 图片');
  for (const [i, a] of v.videoIds.entries()) if (getAttachment(app, a).mimeType !== 'video/mp4') fail.field(`videoIds.${i}`, '演练视频应为 MP4 文件');
  if (v.signInAttachmentId) getAttachment(app, v.signInAttachmentId);
}

function writeChildren(app: AppContext, id: string, v: DrillValues): void {
  app.db.prepare('DELETE FROM drill_participant WHERE drillId = ?').run(id);
  const insP = app.db.prepare('INSERT INTO drill_participant (id, drillId, personId, name, role, signMethod, signatureAttachmentId) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const p of v.participants) insP.run(app.newId(), id, p.personId, p.name, p.role, p.signMethod ?? (p.signatureAttachmentId ? 'ON_SCREEN' : null), p.signatureAttachmentId);
  app.db.prepare('DELETE FROM drill_step WHERE drillId = ?').run(id);
  const insS = app.db.prepare('INSERT INTO drill_step (drillId, seq, time, action, actor) VALUES (?, ?, ?, ?, ?)');
  for (const [i, s] of [...v.steps].sort((a, b) => a.time.localeCompare(b.time)).entries()) insS.run(id, i + 1, s.time, s.action, s.actor);
  setLinkedAttachments(app, DRILL_ENTITY, id, 'PHOTO', v.photoIds);
  setLinkedAttachments(app, DRILL_ENTITY, id, 'VIDEO', v.videoIds);
}

export function createDrill(app: AppContext, v: DrillValues): Drill {
  return inTransaction(app.db, () => {
    checkDrill(app, v, null);
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO drill (id, code, planItemId, planId, title, scope, form, purpose, drillDate, startTime, endTime, place, commanderId, commanderName,
           organiserUnitId, scenario, resourcesUsed, observers, interruptions, signInAttachmentId, createdAtMs, updatedAtMs)
         VALUES (@id, @code, @planItemId, @planId, @title, @scope, @form, @purpose, @drillDate, @startTime, @endTime, @place, @commanderId, @commanderName,
           @organiserUnitId, @scenario, @resourcesUsed, @observers, @interruptions, @signInAttachmentId, @now, @now)`,
      )
      .run({ ...v, participants: undefined, steps: undefined, photoIds: undefined, videoIds: undefined, id, code: nextCode(app, v.drillDate), now });
    writeChildren(app, id, v);
    const after = getDrill(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'drill', entityId: id, summary: `登记演练 ${after.code}：${v.title}（${v.drillDate}）`, after });
    return after;
  });
}

export function updateDrill(app: AppContext, id: string, v: DrillValues): Drill {
  return inTransaction(app.db, () => {
    const before = getDrill(app, id);
    checkDrill(app, v, id);
    if (before.summary && v.drillDate > before.summary.writtenOn) fail.field('drillDate', `演练日期不能晚于总结报告的编写日期（${before.summary.writtenOn}）`);
    if (before.evaluation && v.drillDate > before.evaluation.evaluatedOn) fail.field('drillDate', `演练日期不能晚于已登记的评估日期（${before.evaluation.evaluatedOn}）`);
    if (before.reportedOn && v.drillDate > before.reportedOn) fail.field('drillDate', `演练日期（${v.drillDate}）不能晚于已登记的报送日期（${before.reportedOn}）`);
    if (v.planId !== before.planId && before.problems.some((p) => p.triggerId)) fail.field('planId', '演练问题已转为该预案的修订事项，不能再更换预案');
    app.db
      .prepare(
        `UPDATE drill SET planItemId = @planItemId, planId = @planId, title = @title, scope = @scope, form = @form, purpose = @purpose, drillDate = @drillDate,
           startTime = @startTime, endTime = @endTime, place = @place, commanderId = @commanderId, commanderName = @commanderName, organiserUnitId = @organiserUnitId,
           scenario = @scenario, resourcesUsed = @resourcesUsed, observers = @observers, interruptions = @interruptions, signInAttachmentId = @signInAttachmentId,
           updatedAtMs = @now WHERE id = @id`,
      )
      .run({ ...v, participants: undefined, steps: undefined, photoIds: undefined, videoIds: undefined, id, now: app.clock.nowMs() });
    writeChildren(app, id, v);
    const after = getDrill(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'drill', entityId: id, summary: `修改演练记录 ${before.code}`, before, after });
    return after;
  });
}

export function removeDrill(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const before = getDrill(app, id);
    if (before.evaluation) fail.rule(`演练 ${before.code} 已评估，作为存档不能删除`);
    app.db.prepare(`DELETE FROM attachment_link WHERE entityType = ? AND entityId = ?`).run(DRILL_ENTITY, id);
    app.db.prepare('DELETE FROM drill WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'drill', entityId: id, summary: `删除演练记录 ${before.code}：${before.title}`, before });
  });
}

export function reportDrill(app: AppContext, id: string, reportedOn: string, reportedTo: string): Drill {
  return inTransaction(app.db, () => {
    const before = getDrill(app, id);
    if (reportedOn < before.drillDate) fail.field('reportedOn', `报送日期（${reportedOn}）不能早于演练日期（${before.drillDate}）`);
    if (reportedOn > today(app)) fail.field('reportedOn', '报送日期不能晚于今天');
    app.db.prepare('UPDATE drill SET reportedOn = ?, reportedTo = ?, updatedAtMs = ? WHERE id = ?').run(reportedOn, reportedTo, app.clock.nowMs(), id);
    const after = getDrill(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'drill', entityId: id, summary: `演练 ${before.code} 已报送 ${reportedTo}（${reportedOn}）`, before, after });
    return after;
  });
}

// ---- evaluation, summary, follow-up ----

export function evaluationPoints(app: AppContext): EvaluationFunctionDef[] {
  return readContent<{ functions: EvaluationFunctionDef[] }>(app, 'drill-evaluation.json').functions;
}

export interface EvaluationValues {
  evaluatedOn: string;
  evaluators: string;
  onSiteComments: string | null;
  preparation: string | null;
  performance: string | null;
  points: { code: string; rating: 'GOOD' | 'FAIR' | 'POOR' | 'NA'; comment: string | null }[];
  objectivesMet: boolean;
  overall: 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR';
  needsPlanRevision: boolean;
  revisionReason: string | null;
  problems: { id: string | null; description: string; cause: string | null; suggestion: string | null }[];
}

function drillForFollowUp(app: AppContext, drillId: string): Drill {
  if (!app.db.prepare('SELECT 1 FROM drill WHERE id = ?').get(drillId)) fail.rule('找不到对应的演练记录：评估和总结必须针对已登记的演练，请先登记演练', 'drillId');
  return getDrill(app, drillId);
}

export function evaluateDrill(app: AppContext, drillId: string, v: EvaluationValues): Drill {
  return inTransaction(app.db, () => {
    const before = drillForFollowUp(app, drillId);
    if (v.evaluatedOn < before.drillDate) fail.field('evaluatedOn', `评估日期（${v.evaluatedOn}）不能早于演练日期（${before.drillDate}）`);
    if (v.evaluatedOn > today(app)) fail.field('evaluatedOn', '评估日期不能晚于今天');
    const known = new Set(evaluationPoints(app).flatMap((f) => f.points.map((p) => p.code)));
    const seen = new Set<string>();
    for (const [i, p] of v.points.entries()) {
      if (!known.has(p.code)) fail.field(`points.${i}.code`, `评估要点「${p.code}」不在评估要点清单中`);
      if (seen.has(p.code)) fail.field(`points.${i}.code`, `评估要点「${p.code}」重复`);
      seen.add(p.code);
      if (p.rating === 'POOR' && !p.comment) fail.field(`points.${i}.comment`, '评价为「差」的要点请说明存在的问题');
    }
    if (v.needsPlanRevision && !v.revisionReason) fail.field('revisionReason', '需要修订预案时请写明修订理由');
    if (!v.objectivesMet && v.problems.length === 0) fail.field('problems', '演练目标未达成时，请列出发现的问题');
    // Problems already followed up cannot disappear from the evaluation.
    const keepIds = new Set(v.problems.map((p) => p.id).filter(Boolean));
    for (const p of before.problems) {
      if (!keepIds.has(p.id) && (p.hazardId || p.triggerId)) fail.field('problems', `问题「${p.description.slice(0, 20)}」已转为${p.hazardId ? `隐患 ${p.hazardCode}` : '预案修订事项'}，不能删除`);
      if (!keepIds.has(p.id)) app.db.prepare('DELETE FROM drill_problem WHERE id = ?').run(p.id);
    }
    // Renumber in the given order; seq is unique, so park the old numbers first.
    app.db.prepare('UPDATE drill_problem SET seq = seq + 1000 WHERE drillId = ?').run(drillId);
    for (const [i, p] of v.problems.entries()) {
      if (p.id) {
        const r = app.db.prepare('UPDATE drill_problem SET seq = ?, description = ?, cause = ?, suggestion = ? WHERE id = ? AND drillId = ?').run(i + 1, p.description, p.cause, p.suggestion, p.id, drillId);
        if (r.changes === 0) fail.field(`problems.${i}.id`, '该问题不属于本次演练，请刷新后重试');
      } else {
        app.db.prepare('INSERT INTO drill_problem (id, drillId, seq, description, cause, suggestion) VALUES (?, ?, ?, ?, ?, ?)').run(app.newId(), drillId, i + 1, p.description, p.cause, p.suggestion);
      }
    }
    const now = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO drill_evaluation (drillId, evaluatedOn, evaluators, onSiteComments, preparation, performance, pointsJson, objectivesMet, overall, needsPlanRevision, revisionReason, createdAtMs, updatedAtMs)
         VALUES (@drillId, @evaluatedOn, @evaluators, @onSiteComments, @preparation, @performance, @pointsJson, @objectivesMet, @overall, @needsPlanRevision, @revisionReason, @now, @now)
         ON CONFLICT(drillId) DO UPDATE SET evaluatedOn = excluded.evaluatedOn, evaluators = excluded.evaluators, onSiteComments = excluded.onSiteComments,
           preparation = excluded.preparation, performance = excluded.performance, pointsJson = excluded.pointsJson, objectivesMet = excluded.objectivesMet,
           overall = excluded.overall, needsPlanRevision = excluded.needsPlanRevision, revisionReason = excluded.revisionReason, updatedAtMs = excluded.updatedAtMs`,
      )
      .run({
        drillId,
        evaluatedOn: v.evaluatedOn,
        evaluators: v.evaluators,
        onSiteComments: v.onSiteComments,
        preparation: v.preparation,
        performance: v.performance,
        pointsJson: JSON.stringify(v.points),
        objectivesMet: v.objectivesMet ? 1 : 0,
        overall: v.overall,
        needsPlanRevision: v.needsPlanRevision ? 1 : 0,
        revisionReason: v.revisionReason,
        now,
      });
    const after = getDrill(app, drillId);
    recordAudit(app, { action: before.evaluation ? 'UPDATE' : 'CREATE', entityType: 'drillEvaluation', entityId: drillId, summary: `演练 ${before.code} 评估：${v.objectivesMet ? '目标达成' : '目标未达成'}，问题 ${v.problems.length} 个`, before: before.evaluation, after: after.evaluation });
    return after;
  });
}

export function summariseDrill(app: AppContext, drillId: string, v: { purpose: string; schemeSummary: string; lessons: string | null; improvements: string | null; writtenBy: string; writtenOn: string }): Drill {
  return inTransaction(app.db, () => {
    const before = drillForFollowUp(app, drillId);
    if (!before.evaluation) fail.rule(`演练 ${before.code} 还没有评估，请先完成演练评估再编写总结报告`);
    if (v.writtenOn < before.drillDate) fail.field('writtenOn', `编写日期不能早于演练日期（${before.drillDate}）`);
    if (v.writtenOn > today(app)) fail.field('writtenOn', '编写日期不能晚于今天');
    app.db
      .prepare(
        `INSERT INTO drill_summary (drillId, purpose, schemeSummary, lessons, improvements, writtenBy, writtenOn, updatedAtMs) VALUES (@drillId, @purpose, @schemeSummary, @lessons, @improvements, @writtenBy, @writtenOn, @now)
         ON CONFLICT(drillId) DO UPDATE SET purpose = excluded.purpose, schemeSummary = excluded.schemeSummary, lessons = excluded.lessons, improvements = excluded.improvements,
           writtenBy = excluded.writtenBy, writtenOn = excluded.writtenOn, updatedAtMs = excluded.updatedAtMs`,
      )
      .run({ ...v, drillId, now: app.clock.nowMs() });
    const after = getDrill(app, drillId);
    recordAudit(app, { action: before.summary ? 'UPDATE' : 'CREATE', entityType: 'drillSummary', entityId: drillId, summary: `演练 ${before.code} 总结报告`, before: before.summary, after: after.summary });
    return after;
  });
}

function problemOf(app: AppContext, problemId: string) {
  const p = app.db.prepare('SELECT id, drillId, seq, description, cause, suggestion, hazardId, triggerId FROM drill_problem WHERE id = ?').get(problemId) as
    | { id: string; drillId: string; seq: number; description: string; cause: string | null; suggestion: string | null; hazardId: string | null; triggerId: string | null }
    | undefined;
  return p ?? fail.notFound('演练问题');
}

export function problemToHazard(app: AppContext, x: { problemId: string; level: string; respUnitId: string | null; respPersonId: string | null; deadline: string | null }): Drill {
  return inTransaction(app.db, () => {
    const p = problemOf(app, x.problemId);
    const drill = getDrill(app, p.drillId);
    if (p.hazardId) fail.rule(`该问题已登记为隐患 ${getHazard(app, p.hazardId).code}`);
    const ev = drill.evaluation ?? fail.rule('演练尚未评估，问题须在评估中登记');
    const hazardId = insertHazard(app, {
      source: 'DRILL',
      unitId: x.respUnitId ?? drill.organiserUnitId,
      riskPointId: null,
      location: drill.place.slice(0, 100),
      description: `演练 ${drill.code} 发现：${p.description}${p.cause ? `（原因：${p.cause}）` : ''}`.slice(0, 500),
      kind: 'MANAGEMENT',
      scope: 'BASIC',
      level: x.level,
      criteriaCode: null,
      foundByName: ev.evaluators.slice(0, 60),
      foundOn: ev.evaluatedOn,
      photoIds: [],
      measures: p.suggestion,
      respUnitId: x.respUnitId ?? drill.organiserUnitId,
      respPersonId: x.respPersonId,
      funds: null,
      deadline: x.deadline,
      interimMeasures: null,
    });
    app.db.prepare('UPDATE drill_problem SET hazardId = ? WHERE id = ?').run(hazardId, p.id);
    const after = getDrill(app, p.drillId);
    recordAudit(app, { action: 'UPDATE', entityType: 'drill', entityId: p.drillId, summary: `演练 ${drill.code} 问题 ${p.seq} 登记为隐患 ${getHazard(app, hazardId).code}`, before: drill.problems, after: after.problems });
    return after;
  });
}

export function problemToRevision(app: AppContext, x: { problemId: string; dueOn: string | null; ownerId: string | null }): Drill {
  return inTransaction(app.db, () => {
    const p = problemOf(app, x.problemId);
    const drill = getDrill(app, p.drillId);
    if (p.triggerId) fail.rule('该问题已登记为预案修订事项');
    const ev = drill.evaluation ?? fail.rule('演练尚未评估，问题须在评估中登记');
    const triggerId = insertTrigger(app, {
      planId: drill.planId,
      kind: 'DRILL',
      occurredOn: ev.evaluatedOn,
      description: `演练 ${drill.code} 发现：${p.description}${p.suggestion ? `；建议：${p.suggestion}` : ''}`.slice(0, 500),
      dueOn: x.dueOn,
      ownerId: x.ownerId,
      drillId: drill.id,
    });
    app.db.prepare('UPDATE drill_problem SET triggerId = ? WHERE id = ?').run(triggerId, p.id);
    const after = getDrill(app, p.drillId);
    recordAudit(app, { action: 'UPDATE', entityType: 'drill', entityId: p.drillId, summary: `演练 ${drill.code} 问题 ${p.seq} 登记为预案「${drill.planCode}」修订事项（${EmergencyPlanType.label[drill.planType]}）`, before: drill.problems, after: after.problems });
    return after;
  });
}
