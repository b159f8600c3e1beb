/**
 * Check records: who checked, when, every item's result. Each 不合格 item
 * becomes a hazard, prefilled from the item, its risk point and the plan. A
 * record stays open until every hazard it found is closed.
 */
import type { AppContext } from '../../context.ts';
import type { CheckRecord } from '../../../preload/contract/checks.ts';
import type { CheckFrequency, CheckTier, HazardSource } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { addDays } from '../../domain/dates.ts';
import { periodLabel } from '../../domain/schedule.ts';
import { recordAudit } from '../audit/service.ts';
import { today } from '../enterprise/service.ts';
import { insertHazard } from '../hazards/service.ts';
import { hazardSettings, levelDef } from './settings.ts';
import { planItems } from './plans.ts';

export interface RecordValues {
  taskId: string;
  checkedOn: string;
  checkerIds: string[];
  results: { itemId: string; result: 'PASS' | 'FAIL' | 'NA'; remark: string | null; photoIds: string[]; hazardLevel: string | null; hazardDeadline: string | null }[];
  signatureAttachmentId: string | null;
  summary: string | null;
}

const SOURCE_OF_TIER: Record<CheckTier, HazardSource> = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH', SPECIAL: 'SPECIAL', SEASONAL: 'SPECIAL', HOLIDAY: 'SPECIAL', ADHOC: 'ADHOC' };

function attachmentExists(app: AppContext, id: string): boolean {
  return !!app.db.prepare('SELECT 1 FROM attachment WHERE id = ?').get(id);
}

export function createRecord(app: AppContext, v: RecordValues): { record: CheckRecord; hazardIds: string[] } {
  return inTransaction(app.db, () => {
    const task = app.db
      .prepare(
        `SELECT t.*, p.name AS planName, p.tier, p.frequency, p.unitId, p.status AS planStatus FROM check_task t JOIN check_plan p ON p.id = t.planId WHERE t.id = ?`,
      )
      .get(v.taskId) as
      | { id: string; planId: string; planName: string; tier: CheckTier; frequency: CheckFrequency; unitId: string; periodKey: string; periodStart: string; dueOn: string; missed: number; recordId: string | null; planStatus: string }
      | undefined;
    if (!task) return fail.field('taskId', '检查任务不存在，请刷新后重试');
    if (task.recordId) fail.conflict('该检查任务已经登记过检查记录；如需补充，请登记新的隐患');
    const t = today(app);
    if (v.checkedOn > t) fail.field('checkedOn', '检查日期不能晚于今天');
    if (v.checkedOn < task.periodStart) fail.field('checkedOn', `检查日期不能早于本期开始日期 ${task.periodStart}`);

    const items = planItems(app, task.planId);
    if (!v.results.length) fail.field('results', '检查记录没有填写任何检查项结果：请逐项选择合格、不合格或不适用');
    const byItem = new Map(v.results.map((r, i) => [r.itemId, { ...r, index: i }]));
    v.results.forEach((r, i) => {
      if (!items.some((it) => it.id === r.itemId)) fail.field(`results.${i}.itemId`, `第 ${i + 1} 条结果对应的检查项不在本计划的检查表中，请刷新后重试`);
      if (v.results.findIndex((x) => x.itemId === r.itemId) !== i) fail.field(`results.${i}.itemId`, `检查项重复填写（第 ${i + 1} 条）`);
    });
    const unanswered = items.filter((it) => !byItem.has(it.id)).map((it) => it.seq);
    if (unanswered.length) fail.field('results', `第 ${unanswered.slice(0, 10).join('、')}${unanswered.length > 10 ? ' 等' : ''} 项未填写检查结果（共 ${unanswered.length} 项）`);

    const checkers = v.checkerIds.map((id, i) => {
      const p = app.db.prepare('SELECT id, name, status FROM person WHERE id = ?').get(id) as { id: string; name: string; status: string } | undefined;
      if (!p) return fail.field(`checkerIds.${i}`, '检查人不存在，请重新选择');
      return p;
    });
    if (new Set(v.checkerIds).size !== v.checkerIds.length) fail.field('checkerIds', '检查人重复');
    if (v.signatureAttachmentId && !attachmentExists(app, v.signatureAttachmentId)) fail.field('signatureAttachmentId', '签名图片不存在，请重新签名');
    v.results.forEach((r, i) => {
      r.photoIds.forEach((pid, j) => {
        if (!attachmentExists(app, pid)) fail.field(`results.${i}.photoIds.${j}`, '照片不存在，请重新上传');
      });
      if (r.result === 'FAIL') {
        if (r.hazardLevel && !levelDef(app, r.hazardLevel)) fail.field(`results.${i}.hazardLevel`, `隐患等级「${r.hazardLevel}」不在设置的等级中`);
        if (r.hazardDeadline && r.hazardDeadline < v.checkedOn) fail.field(`results.${i}.hazardDeadline`, `整改期限不能早于检查日期 ${v.checkedOn}`);
      }
    });

    const id = app.newId();
    const checkerNames = checkers.map((c) => c.name).join('、');
    const count = (k: 'PASS' | 'FAIL' | 'NA') => v.results.filter((r) => r.result === k).length;
    const late = v.checkedOn > task.dueOn ? 1 : 0;
    app.db
      .prepare(
        `INSERT INTO check_record (id, taskId, planId, checkedOn, late, checkerNames, signatureAttachmentId, summary, resultsJson, passCount, failCount, naCount, createdAtMs)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)`,
      )
      .run(id, task.id, task.planId, v.checkedOn, late, checkerNames, v.signatureAttachmentId, v.summary, count('PASS'), count('FAIL'), count('NA'), app.clock.nowMs());
    const addChecker = app.db.prepare('INSERT INTO check_record_checker (recordId, personId) VALUES (?, ?)');
    for (const c of checkers) addChecker.run(id, c.id);
    app.db.prepare('UPDATE check_task SET recordId = ? WHERE id = ?').run(id, task.id);

    const settings = hazardSettings(app);
    const point = app.db.prepare('SELECT unitId, location, respUnitId, respPersonId FROM risk_point WHERE id = ?');
    const finding = app.db.prepare('INSERT INTO check_finding (recordId, itemId, result, remark, photoIdsJson, hazardId) VALUES (?, ?, ?, ?, ?, ?)');
    const hazardIds: string[] = [];
    const compact: [number, string][] = [];
    for (const it of items) {
      const r = byItem.get(it.id)!;
      const itemId = Number(it.id);
      compact.push([itemId, r.result]);
      let hazardId: string | null = null;
      if (r.result === 'FAIL') {
        const rp = it.riskPointId ? (point.get(it.riskPointId) as { unitId: string; location: string | null; respUnitId: string | null; respPersonId: string | null } | undefined) : undefined;
        const level = it.criteriaCode ? 'MAJOR' : (r.hazardLevel ?? 'GENERAL');
        hazardId = insertHazard(app, {
          source: SOURCE_OF_TIER[task.tier],
          unitId: rp?.unitId ?? task.unitId,
          riskPointId: it.riskPointId,
          location: rp?.location ?? null,
          description: r.remark ? `${it.content}——${r.remark}` : `${it.content}（检查不合格）`,
          kind: it.category === 'BASIC' ? 'MANAGEMENT' : 'THING',
          scope: it.category,
          level,
          criteriaCode: it.criteriaCode,
          foundByName: checkerNames,
          foundOn: v.checkedOn,
          photoIds: r.photoIds,
          measures: null,
          respUnitId: rp?.respUnitId ?? task.unitId,
          respPersonId: rp?.respPersonId ?? null,
          funds: null,
          deadline: r.hazardDeadline ?? addDays(v.checkedOn, settings.defaultDeadlineDays),
          interimMeasures: null,
          checkRecordId: id,
          checkItemId: itemId,
        });
        hazardIds.push(hazardId);
      }
      if (r.result === 'FAIL' || r.remark || r.photoIds.length) finding.run(id, itemId, r.result, r.remark, JSON.stringify(r.photoIds), hazardId);
    }
    app.db.prepare('UPDATE check_record SET resultsJson = ? WHERE id = ?').run(JSON.stringify(compact), id);
    // These items now have history: from here on an edit retires them instead of rewriting them.
    app.db.prepare('UPDATE check_item SET used = 1 WHERE planId = ? AND retired = 0 AND used = 0').run(task.planId);
    const record = getRecord(app, id);
    recordAudit(app, {
      action: 'CREATE',
      entityType: 'checkRecord',
      entityId: id,
      summary: `登记检查记录「${task.planName}」${record.periodLabel}：合格 ${record.passCount}、不合格 ${record.failCount}、不适用 ${record.naCount}${late ? '（补做）' : ''}`,
      after: { ...record, results: record.results.length },
    });
    return { record, hazardIds };
  });
}

interface RecordDb {
  id: string;
  taskId: string;
  planId: string;
  planName: string;
  tier: CheckTier;
  frequency: CheckFrequency;
  unitName: string;
  periodKey: string;
  periodStart: string;
  dueOn: string;
  checkedOn: string;
  late: number;
  checkerNames: string;
  signatureAttachmentId: string | null;
  summary: string | null;
  passCount: number;
  failCount: number;
  naCount: number;
  openHazards: number;
  createdAtMs: number;
}

const RECORD_SELECT = `
  SELECT r.*, p.name AS planName, p.tier, p.frequency, u.name AS unitName, t.periodKey, t.periodStart, t.dueOn,
         (SELECT count(*) FROM hazard h WHERE h.checkRecordId = r.id AND h.status <> 'CLOSED') AS openHazards
  FROM check_record r JOIN check_task t ON t.id = r.taskId JOIN check_plan p ON p.id = r.planId JOIN unit u ON u.id = p.unitId`;

function toRecordRow(r: RecordDb) {
  return {
    id: r.id,
    taskId: r.taskId,
    planId: r.planId,
    planName: r.planName,
    tier: r.tier,
    unitName: r.unitName,
    periodLabel: periodLabel(r.frequency, { key: r.periodKey, start: r.periodStart, end: r.dueOn }),
    checkedOn: r.checkedOn,
    late: r.late === 1,
    checkerNames: r.checkerNames,
    signatureAttachmentId: r.signatureAttachmentId,
    summary: r.summary,
    passCount: r.passCount,
    failCount: r.failCount,
    naCount: r.naCount,
    open: r.openHazards > 0,
    openHazards: r.openHazards,
    createdAtMs: r.createdAtMs,
  };
}

export function getRecord(app: AppContext, id: string): CheckRecord {
  const r = app.db.prepare(`${RECORD_SELECT} WHERE r.id = ?`).get(id) as RecordDb | undefined;
  if (!r) return fail.notFound('检查记录');
  const compact = JSON.parse((app.db.prepare('SELECT resultsJson FROM check_record WHERE id = ?').get(id) as { resultsJson: string }).resultsJson) as [number, 'PASS' | 'FAIL' | 'NA'][];
  const items = new Map(
    (app.db.prepare('SELECT id, content FROM check_item WHERE planId = ?').all(r.planId) as { id: number; content: string }[]).map((i) => [i.id, i.content]),
  );
  const findings = new Map(
    (
      app.db
        .prepare(
          `SELECT f.itemId, f.remark, f.photoIdsJson, f.hazardId, h.code AS hazardCode, h.status AS hazardStatus FROM check_finding f LEFT JOIN hazard h ON h.id = f.hazardId WHERE f.recordId = ?`,
        )
        .all(id) as { itemId: number; remark: string | null; photoIdsJson: string; hazardId: string | null; hazardCode: string | null; hazardStatus: string | null }[]
    ).map((f) => [f.itemId, f]),
  );
  const results = compact.map(([itemId, result], i) => {
    const f = findings.get(itemId);
    return {
      seq: i + 1,
      itemId: String(itemId),
      content: items.get(itemId) ?? '（检查项已删除）',
      result,
      remark: f?.remark ?? null,
      photoIds: f ? (JSON.parse(f.photoIdsJson) as string[]) : [],
      hazardId: f?.hazardId ?? null,
      hazardCode: f?.hazardCode ?? null,
      hazardStatus: f?.hazardStatus ?? null,
    };
  });
  return {
    ...toRecordRow(r),
    checkers: app.db.prepare('SELECT p.id, p.name FROM check_record_checker c JOIN person p ON p.id = c.personId WHERE c.recordId = ? ORDER BY p.name').all(id) as { id: string; name: string }[],
    results,
  };
}

export function listRecords(
  app: AppContext,
  f: { from: string | null; to: string | null; planId: string | null; unitId: string | null; openOnly?: boolean },
  page: number,
  pageSize: number,
) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.from) {
    where.push('r.checkedOn >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('r.checkedOn <= @to');
    params.to = f.to;
  }
  if (f.planId) {
    where.push('r.planId = @planId');
    params.planId = f.planId;
  }
  if (f.unitId) {
    where.push('p.unitId = @unitId');
    params.unitId = f.unitId;
  }
  if (f.openOnly) where.push(`EXISTS (SELECT 1 FROM hazard h WHERE h.checkRecordId = r.id AND h.status <> 'CLOSED')`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (app.db.prepare(`SELECT count(*) AS n FROM check_record r JOIN check_plan p ON p.id = r.planId ${w}`).get(params) as { n: number }).n;
  const rows = app.db.prepare(`${RECORD_SELECT} ${w} ORDER BY r.checkedOn DESC, r.createdAtMs DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as RecordDb[];
  return { items: rows.map(toRecordRow), total };
}

/** Per plan and month: periods due so far, checked on time, late (补做), missed. */
export function compliance(app: AppContext, year: number, unitId: string | null) {
  const t = today(app);
  const rows = app.db
    .prepare(
      `SELECT p.id AS planId, p.name AS planName, p.tier, u.name AS unitName, CAST(substr(k.dueOn, 6, 2) AS INTEGER) AS month,
              count(*) AS due,
              sum(CASE WHEN r.id IS NOT NULL AND r.late = 0 THEN 1 ELSE 0 END) AS onTime,
              sum(CASE WHEN r.id IS NOT NULL AND r.late = 1 THEN 1 ELSE 0 END) AS late,
              sum(k.missed) AS missed
       FROM check_task k JOIN check_plan p ON p.id = k.planId JOIN unit u ON u.id = p.unitId LEFT JOIN check_record r ON r.id = k.recordId
       WHERE k.dueOn BETWEEN @from AND @to AND (k.dueOn < @t OR k.recordId IS NOT NULL) ${unitId ? 'AND p.unitId = @unitId' : ''}
       GROUP BY p.id, month ORDER BY p.tier, u.name, p.name`,
    )
    .all({ from: `${year}-01-01`, to: `${year}-12-31`, t, unitId }) as { planId: string; planName: string; tier: CheckTier; unitName: string; month: number; due: number; onTime: number; late: number; missed: number }[];
  const cell = (month: number, due = 0, onTime = 0, late = 0, missed = 0) => ({ month, due, onTime, late, missed, share: due ? Math.round((onTime / due) * 1000) / 10 : null });
  const plans = new Map<string, { planId: string; planName: string; tier: CheckTier; unitName: string; months: ReturnType<typeof cell>[] }>();
  for (const r of rows) {
    const p = plans.get(r.planId) ?? { planId: r.planId, planName: r.planName, tier: r.tier, unitName: r.unitName, months: Array.from({ length: 12 }, (_, i) => cell(i + 1)) };
    p.months[r.month - 1] = cell(r.month, r.due, r.onTime, r.late, r.missed);
    plans.set(r.planId, p);
  }
  const sum = (cells: ReturnType<typeof cell>[], month: number) =>
    cell(month, ...(['due', 'onTime', 'late', 'missed'] as const).map((k) => cells.reduce((s, c) => s + c[k], 0)) as [number, number, number, number]);
  const planList = [...plans.values()].map((p) => ({ ...p, total: sum(p.months, 0) }));
  const months = Array.from({ length: 12 }, (_, i) => sum(planList.map((p) => p.months[i]!), i + 1));

  // The principal personally leads a check at least every N months.
  const principal = (app.db.prepare('SELECT principalPersonId AS id FROM enterprise').get() as { id: string | null } | undefined)?.id ?? null;
  const every = hazardSettings(app).principalCheckMonths;
  const ledMonths = new Set(
    (
      app.db
        .prepare(
          `SELECT DISTINCT CAST(substr(r.checkedOn, 6, 2) AS INTEGER) AS m FROM check_record r JOIN check_plan p ON p.id = r.planId
           WHERE r.checkedOn BETWEEN @from AND @to AND (p.ledByPrincipal = 1 OR EXISTS (SELECT 1 FROM check_record_checker c WHERE c.recordId = r.id AND c.personId = @principal))`,
        )
        .all({ from: `${year}-01-01`, to: `${year}-12-31`, principal }) as { m: number }[]
    ).map((r) => r.m),
  );
  const lastMonth = Number(t.slice(0, 4)) > year ? 12 : Number(t.slice(0, 4)) < year ? 0 : Number(t.slice(5, 7)) - 1;
  // Only months the scheme ran in: from the first plan's start.
  const firstStart = (app.db.prepare('SELECT min(startsOn) AS d FROM check_plan').get() as { d: string | null }).d;
  const firstMonth = !firstStart || firstStart > `${year}-12-31` ? 13 : firstStart < `${year}-01-01` ? 1 : Number(firstStart.slice(5, 7));
  const principalMissingMonths: number[] = [];
  for (let m = Math.max(every, firstMonth + every - 1); m <= lastMonth; m++) {
    let led = false;
    for (let k = m - every + 1; k <= m; k++) if (ledMonths.has(k)) led = true;
    if (!led) principalMissingMonths.push(m);
  }
  return { year, plans: planList, months, principalMissingMonths };
}

