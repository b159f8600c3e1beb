/** Quarterly and annual hazard statistics (signed by the principal), and the dashboard counts. */
import type { AppContext } from '../../context.ts';
import type { HazardStats } from '../../../preload/contract/hazards.ts';
import type { HazardStatus } from '../../../preload/contract/enums.ts';
import { addDays, daysInMonth, isoWeekday } from '../../domain/dates.ts';
import { today } from '../enterprise/service.ts';
import { hazardSettings } from '../checks/settings.ts';
import { generateTasks } from '../checks/tasks.ts';
import { FIXING, IS_MAJOR, majorLevels, urgentHazards } from './service.ts';

export function hazardStats(app: AppContext, year: number, quarter: number | null, unitId: string | null): HazardStats {
  const from = quarter ? `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01` : `${year}-01-01`;
  const endMonth = quarter ? quarter * 3 : 12;
  const to = `${year}-${String(endMonth).padStart(2, '0')}-${daysInMonth(year, endMonth)}`;
  const t = today(app);
  const asOf = to < t ? to : t;
  const sub = unitId ? `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION SELECT unit.id FROM unit JOIN sub ON unit.parentId = sub.id) ` : '';
  const inUnit = unitId ? 'AND h.unitId IN (SELECT id FROM sub)' : '';
  const p = { from, to, asOf, unitId, majorLevels: majorLevels(app) };
  const one = (sql: string) => (app.db.prepare(`${sub}${sql}`).get(p) as { n: number | null }).n ?? 0;
  const group = (col: string) =>
    Object.fromEntries(
      (app.db.prepare(`${sub}SELECT ${col} AS k, count(*) AS n FROM hazard h WHERE h.foundOn BETWEEN @from AND @to ${inUnit} GROUP BY ${col}`).all(p) as { k: string; n: number }[]).map((r) => [r.k, r.n]),
    );
  const found = one(`SELECT count(*) AS n FROM hazard h WHERE h.foundOn BETWEEN @from AND @to ${inUnit}`);
  const closed = one(`SELECT count(*) AS n FROM hazard h WHERE h.foundOn BETWEEN @from AND @to AND h.status = 'CLOSED' ${inUnit}`);
  const byUnit = app.db
    .prepare(
      `${sub}SELECT u.id AS unitId, u.name AS unitName, count(*) AS found, sum(h.status = 'CLOSED') AS closed, sum(h.status <> 'CLOSED') AS open,
              sum(${FIXING} AND h.deadline < @asOf) AS overdue
       FROM hazard h JOIN unit u ON u.id = h.unitId WHERE h.foundOn BETWEEN @from AND @to ${inUnit} GROUP BY u.id ORDER BY found DESC, u.name`,
    )
    .all(p) as HazardStats['byUnit'];
  return {
    year,
    quarter,
    from,
    to,
    found,
    foundMajor: one(`SELECT count(*) AS n FROM hazard h WHERE h.foundOn BETWEEN @from AND @to AND ${IS_MAJOR} ${inUnit}`),
    closed,
    closedMajor: one(`SELECT count(*) AS n FROM hazard h WHERE h.foundOn BETWEEN @from AND @to AND h.status = 'CLOSED' AND ${IS_MAJOR} ${inUnit}`),
    closureRate: found ? Math.round((closed / found) * 1000) / 10 : null,
    open: found - closed,
    overdue: one(`SELECT count(*) AS n FROM hazard h WHERE h.foundOn BETWEEN @from AND @to AND ${FIXING} AND h.deadline < @asOf ${inUnit}`),
    funds: one(`SELECT sum(h.funds) AS n FROM hazard h WHERE h.foundOn BETWEEN @from AND @to ${inUnit}`),
    byLevel: group('h.level'),
    bySource: group('h.source'),
    byKind: group('h.kind'),
    byUnit,
    majors: app.db
      .prepare(`${sub}SELECT h.code, h.description, h.status, h.deadline, h.reportedOn FROM hazard h WHERE h.foundOn BETWEEN @from AND @to AND ${IS_MAJOR} ${inUnit} ORDER BY h.foundOn, h.code`)
      .all(p) as { code: string; description: string; status: HazardStatus; deadline: string; reportedOn: string | null }[],
  };
}

export function hazardDashboard(app: AppContext) {
  generateTasks(app, false);
  const t = today(app);
  const s = hazardSettings(app);
  const count = (sql: string, params: Record<string, unknown> = {}) => (app.db.prepare(sql).get({ t, ...params }) as { n: number }).n;
  const weekEnd = addDays(t, 7 - isoWeekday(t));
  const urgent = urgentHazards(app, 8);
  return {
    checksDueToday: count(`SELECT count(*) AS n FROM check_task k JOIN check_plan p ON p.id = k.planId WHERE p.status = 'ACTIVE' AND k.recordId IS NULL AND k.missed = 0 AND k.periodStart <= @t AND k.dueOn <= @t`),
    checksDueThisWeek: count(
      `SELECT count(*) AS n FROM check_task k JOIN check_plan p ON p.id = k.planId WHERE p.status = 'ACTIVE' AND k.recordId IS NULL AND k.missed = 0 AND k.periodStart <= @t AND k.dueOn <= @w`,
      { w: weekEnd },
    ),
    missedThisMonth: count(`SELECT count(*) AS n FROM check_task WHERE missed = 1 AND dueOn >= @m AND dueOn < @t`, { m: `${t.slice(0, 7)}-01` }),
    open: count(`SELECT count(*) AS n FROM hazard WHERE status <> 'CLOSED'`),
    openMajor: count(`SELECT count(*) AS n FROM hazard h WHERE h.status <> 'CLOSED' AND ${IS_MAJOR}`, { majorLevels: majorLevels(app) }),
    dueSoon: count(`SELECT count(*) AS n FROM hazard h WHERE ${FIXING} AND deadline >= @t AND deadline <= @soon`, { soon: addDays(t, s.dueSoonDays) }),
    overdue: count(`SELECT count(*) AS n FROM hazard h WHERE ${FIXING} AND deadline < @t`),
    escalatedToPrincipal: count(`SELECT count(*) AS n FROM hazard h WHERE ${FIXING} AND deadline < @p`, { p: addDays(t, -s.escalatePrincipalDays) }),
    awaitingReview: count(`SELECT count(*) AS n FROM hazard WHERE status = 'AWAITING_REVIEW'`),
    closedThisMonth: count(`SELECT count(*) AS n FROM hazard WHERE status = 'CLOSED' AND closedOn >= @m`, { m: `${t.slice(0, 7)}-01` }),
    urgent,
  };
}
