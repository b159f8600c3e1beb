/**
 * Check tasks: one per plan and period, generated up to today. A task whose
 * period ended without a record is flagged 漏检 and the flag is never cleared.
 */
import type { AppContext } from '../../context.ts';
import type { CheckTaskRow } from '../../../preload/contract/checks.ts';
import type { CheckFrequency, CheckTier } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { addDays, isoWeekday } from '../../domain/dates.ts';
import { periodLabel, periodsBetween, type Period } from '../../domain/schedule.ts';
import { readInternalSetting, writeInternalSetting } from '../app/settings.ts';
import { today } from '../enterprise/service.ts';
import { getPlan } from './plans.ts';
import { workCalendar } from './settings.ts';

type TaskState = CheckTaskRow['state'];

export function taskState(t: { periodStart: string; recordId: string | null; missed: number; late?: number | null }, todayStr: string): TaskState {
  if (t.recordId) return t.late ? 'LATE' : 'DONE';
  if (t.missed) return 'MISSED';
  if (t.periodStart > todayStr) return 'UPCOMING';
  return 'DUE';
}

interface PlanSchedule {
  id: string;
  frequency: CheckFrequency;
  startsOn: string;
  endsOn: string | null;
  skipNonWorkdays: number;
}

/** Creates this plan's missing tasks up to today's period; returns how many. */
export function generateForPlan(app: AppContext, planId: string, todayStr = today(app)): number {
  const plan = app.db.prepare(`SELECT id, frequency, startsOn, endsOn, skipNonWorkdays FROM check_plan WHERE id = ? AND status = 'ACTIVE'`).get(planId) as PlanSchedule | undefined;
  if (!plan) return 0;
  return generate(app, plan, todayStr);
}

function generate(app: AppContext, plan: PlanSchedule, todayStr: string, cal = workCalendar(app, plan.startsOn, addDays(todayStr, 7))): number {
  const last = app.db.prepare('SELECT max(dueOn) AS d FROM check_task WHERE planId = ?').get(plan.id) as { d: string | null };
  const from = last.d ? addDays(last.d, 1) : plan.startsOn;
  if (from > todayStr && last.d) return 0;
  const periods: Period[] = periodsBetween({ ...plan, skipNonWorkdays: plan.skipNonWorkdays === 1 }, from, todayStr, cal);
  if (!periods.length) return 0;
  const ins = app.db.prepare('INSERT OR IGNORE INTO check_task (id, planId, periodKey, periodStart, dueOn, missed, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const now = app.clock.nowMs();
  let n = 0;
  for (const p of periods) n += ins.run(app.newId(), plan.id, p.key, p.start, p.end, p.end < todayStr ? 1 : 0, now).changes;
  return n;
}

/** Generates every active plan's tasks up to today and flags 漏检. Cheap when already done today. */
export function generateTasks(app: AppContext, force = true): { created: number; missed: number } {
  const t = today(app);
  if (!force && readInternalSetting<string>(app, 'checkTasksGeneratedOn') === t) return { created: 0, missed: 0 };
  return inTransaction(app.db, () => {
    const plans = app.db.prepare(`SELECT id, frequency, startsOn, endsOn, skipNonWorkdays FROM check_plan WHERE status = 'ACTIVE'`).all() as PlanSchedule[];
    const cal = workCalendar(app, '0000-01-01', '9999-12-31');
    let created = 0;
    for (const p of plans) created += generate(app, p, t, cal);
    const missed = app.db.prepare('UPDATE check_task SET missed = 1 WHERE recordId IS NULL AND missed = 0 AND dueOn < ?').run(t).changes;
    writeInternalSetting(app, 'checkTasksGeneratedOn', t);
    return { created, missed };
  });
}

interface TaskDb {
  id: string;
  planId: string;
  planName: string;
  tier: CheckTier;
  frequency: CheckFrequency;
  unitName: string;
  responsiblePersonName: string;
  periodKey: string;
  periodStart: string;
  dueOn: string;
  missed: number;
  recordId: string | null;
  checkedOn: string | null;
  late: number | null;
  failCount: number | null;
  itemCount: number;
}

const TASK_SELECT = `
  SELECT t.id, t.planId, p.name AS planName, p.tier, p.frequency, u.name AS unitName, pe.name AS responsiblePersonName,
         t.periodKey, t.periodStart, t.dueOn, t.missed, t.recordId, r.checkedOn, r.late, r.failCount,
         (SELECT count(*) FROM check_item i WHERE i.planId = p.id) AS itemCount
  FROM check_task t
  JOIN check_plan p ON p.id = t.planId
  JOIN unit u ON u.id = p.unitId
  JOIN person pe ON pe.id = p.responsiblePersonId
  LEFT JOIN check_record r ON r.id = t.recordId`;

function toTask(r: TaskDb, t: string): CheckTaskRow {
  return {
    id: r.id,
    planId: r.planId,
    planName: r.planName,
    tier: r.tier,
    unitName: r.unitName,
    responsiblePersonName: r.responsiblePersonName,
    periodKey: r.periodKey,
    periodLabel: periodLabel(r.frequency, { key: r.periodKey, start: r.periodStart, end: r.dueOn }),
    periodStart: r.periodStart,
    dueOn: r.dueOn,
    state: taskState(r, t),
    missed: r.missed === 1,
    recordId: r.recordId,
    checkedOn: r.checkedOn,
    failCount: r.failCount,
    itemCount: r.itemCount,
  };
}

export function taskBoard(app: AppContext, unitId: string | null) {
  generateTasks(app, false);
  const t = today(app);
  const weekEnd = addDays(t, 7 - isoWeekday(t));
  const unitClause = unitId ? 'AND p.unitId = @unitId' : '';
  const open = (app.db.prepare(`${TASK_SELECT} WHERE p.status = 'ACTIVE' AND t.recordId IS NULL AND t.missed = 0 AND t.periodStart <= @t ${unitClause} ORDER BY t.dueOn, p.name`).all({ t, unitId }) as TaskDb[]).map((r) =>
    toTask(r, t),
  );
  const missed = (app.db.prepare(`${TASK_SELECT} WHERE t.recordId IS NULL AND t.missed = 1 AND t.dueOn >= @since ${unitClause} ORDER BY t.dueOn DESC, p.name`).all({ since: addDays(t, -31), unitId }) as TaskDb[]).map((r) =>
    toTask(r, t),
  );
  const doneToday = (app.db.prepare(`SELECT count(*) AS n FROM check_record r JOIN check_plan p ON p.id = r.planId WHERE r.checkedOn = @t ${unitClause}`).get({ t, unitId }) as { n: number }).n;
  return {
    today: t,
    dueToday: open.filter((x) => x.dueOn <= t),
    dueThisWeek: open.filter((x) => x.dueOn > t && x.dueOn <= weekEnd),
    // Later this month, and longer checks (专项, quarterly) already under way.
    dueThisMonth: open.filter((x) => x.dueOn > weekEnd),
    missed,
    doneToday,
  };
}

export function listTasks(
  app: AppContext,
  f: { from: string | null; to: string | null; planId: string | null; unitId: string | null; state?: TaskState },
  page: number,
  pageSize: number,
): { items: CheckTaskRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const t = today(app);
  if (f.from) {
    where.push('t.dueOn >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('t.periodStart <= @to');
    params.to = f.to;
  }
  if (f.planId) {
    where.push('t.planId = @planId');
    params.planId = f.planId;
  }
  if (f.unitId) {
    where.push('p.unitId = @unitId');
    params.unitId = f.unitId;
  }
  if (f.state) {
    params.t = t;
    where.push(
      {
        DONE: 't.recordId IS NOT NULL AND r.late = 0',
        LATE: 't.recordId IS NOT NULL AND r.late = 1',
        MISSED: 't.missed = 1',
        UPCOMING: 't.recordId IS NULL AND t.periodStart > @t',
        DUE: 't.recordId IS NULL AND t.missed = 0 AND t.periodStart <= @t',
      }[f.state],
    );
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (app.db.prepare(`SELECT count(*) AS n FROM check_task t JOIN check_plan p ON p.id = t.planId LEFT JOIN check_record r ON r.id = t.recordId ${w}`).get(params) as { n: number }).n;
  const rows = app.db.prepare(`${TASK_SELECT} ${w} ORDER BY t.dueOn DESC, p.name LIMIT @limit OFFSET @offset`).all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as TaskDb[];
  return { items: rows.map((r) => toTask(r, t)), total };
}

/** A task by id, or by the code printed on the blank sheet (the id, possibly with a prefix or spaces). */
export function getTask(app: AppContext, idOrCode: string) {
  const code = idOrCode.trim().replace(/^SLCT[:：]/i, '').trim();
  const r = app.db.prepare(`${TASK_SELECT} WHERE t.id = ?`).get(code) as TaskDb | undefined;
  if (!r) return fail.field('id', `没有任务码为「${code.slice(0, 40)}」的检查任务；请核对纸质检查表右上角的任务码`);
  return { ...toTask(r, today(app)), plan: getPlan(app, r.planId), sheetCode: r.id };
}
