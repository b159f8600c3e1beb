/**
 * 一人一档 and training compliance: each person's hours per year against the
 * hour rule of their role (主要负责人 / 安全生产管理人员 / 从业人员) and the
 * enterprise's industry, 三级教育 for new hires, retraining after a change of
 * post, and the all-staff periodic rule.
 */
import type { AppContext } from '../../context.ts';
import type { TrainingArchive, TrainingCompliance } from '../../../preload/contract/training.ts';
import { maskIdNumber } from '../../../preload/contract/validators.ts';
import { fail } from '../../errors.ts';
import { addDays } from '../../domain/dates.ts';
import {
  hourRuleFor,
  INDUCTION_LEVELS,
  inductionComplete,
  periodicPeriods,
  periodicState,
  requiredHours,
  retrainedAfterPostChange,
  sumHours,
  type InductionLevelCode,
  type TraineeRoleCode,
} from '../../domain/training.ts';
import { listCertificates } from '../certificates/service.ts';
import { today } from '../enterprise/service.ts';
import { listTrainingPlan, trainingHighRisk, trainingSettings } from './service.ts';

const LEVEL_NAMES: Record<InductionLevelCode, string> = { INDUCTION_COMPANY: '厂级', INDUCTION_WORKSHOP: '车间级', INDUCTION_TEAM: '班组级' };

/** People whose role is not plain 从业人员: the principal, the safety deputy, the safety department, holders of the 安全管理人员 certificate. */
export function traineeRoles(app: AppContext): Map<string, TraineeRoleCode> {
  const out = new Map<string, TraineeRoleCode>();
  const e = app.db.prepare('SELECT principalPersonId, safetyDeputyPersonId, safetyDeptUnitId FROM enterprise').get() as
    | { principalPersonId: string | null; safetyDeputyPersonId: string | null; safetyDeptUnitId: string | null }
    | undefined;
  const managers = app.db
    .prepare(
      `SELECT id FROM person WHERE unitId = @dept
       UNION SELECT c.personId FROM certificate c JOIN cert_type t ON t.id = c.certTypeId WHERE t.code = 'SAFETY_QUALIFICATION' AND c.status = 'VALID'`,
    )
    .all({ dept: e?.safetyDeptUnitId ?? null }) as { id: string }[];
  for (const m of managers) out.set(m.id, 'SAFETY_MANAGER');
  if (e?.safetyDeputyPersonId) out.set(e.safetyDeputyPersonId, 'SAFETY_MANAGER');
  if (e?.principalPersonId) out.set(e.principalPersonId, 'PRINCIPAL');
  return out;
}

interface PersonDb {
  id: string;
  name: string;
  staffNo: string;
  unitName: string;
  employmentType: string;
  employerName: string | null;
  hireDate: string | null;
  status: string;
  leftDate: string | null;
  idNumber: string | null;
  postNames: string | null;
}

interface AttendedDb {
  sessionId: string;
  code: string;
  sessionDate: string;
  title: string;
  type: TrainingArchive['sessions'][number]['type'];
  hours: number;
  trainer: string;
  examScore: number | null;
  passed: number | null;
  signMethod: TrainingArchive['sessions'][number]['signMethod'];
}

/** `types`: the training types the person ever attended; `inductionSince`: hires from this day on must have complete 三级教育. */
function personFlags(
  p: { hireDate: string | null },
  types: ReadonlySet<string>,
  postChanges: readonly { postName: string; startDate: string; retrained: boolean }[],
  inductionSince: string,
): string[] {
  const flags: string[] = [];
  if (p.hireDate && p.hireDate >= inductionSince && !inductionComplete(types)) {
    const lacking = INDUCTION_LEVELS.filter((l) => !types.has(l)).map((l) => LEVEL_NAMES[l]);
    flags.push(`新员工（${p.hireDate} 入职）三级教育不全，缺${lacking.join('、')}`);
  }
  for (const c of postChanges) if (!c.retrained) flags.push(`${c.startDate} 转岗至「${c.postName}」后未重新进行车间级、班组级安全教育`);
  return flags;
}

/** Post changes in the lookback window: posts started after an earlier post of the same person. */
function postChangesOf(app: AppContext, personId: string, since: string) {
  return app.db
    .prepare(
      `SELECT po.name AS postName, u.name AS unitName, pp.startDate FROM person_post pp JOIN post po ON po.id = pp.postId JOIN unit u ON u.id = po.unitId
       WHERE pp.personId = ? AND pp.startDate >= ? AND EXISTS (SELECT 1 FROM person_post e WHERE e.personId = pp.personId AND e.startDate < pp.startDate)
       ORDER BY pp.startDate`,
    )
    .all(personId, since) as { postName: string; unitName: string; startDate: string }[];
}

export function trainingArchive(app: AppContext, personId: string): TrainingArchive {
  const p =
    (app.db
      .prepare(
        `SELECT p.id, p.name, p.staffNo, u.name AS unitName, p.employmentType, p.employerName, p.hireDate, p.status, p.leftDate, p.idNumber,
           (SELECT group_concat(po.name, '、') FROM person_post pp JOIN post po ON po.id = pp.postId WHERE pp.personId = p.id AND pp.endDate IS NULL) AS postNames
         FROM person p JOIN unit u ON u.id = p.unitId WHERE p.id = ?`,
      )
      .get(personId) as PersonDb | undefined) ?? fail.notFound('人员');
  const t = today(app);
  const settings = trainingSettings(app);
  const highRisk = trainingHighRisk(app, settings).highRisk;
  const role = traineeRoles(app).get(personId) ?? 'STAFF';
  const rule = hourRuleFor(settings.hourRules, role, highRisk);
  const attended = app.db
    .prepare(
      `SELECT s.id AS sessionId, s.code, s.sessionDate, s.title, s.type, s.hours, s.trainer, a.examScore, a.passed, a.signMethod
       FROM training_attendance a JOIN training_session s ON s.id = a.sessionId WHERE a.personId = ? ORDER BY s.sessionDate DESC, s.code DESC`,
    )
    .all(personId) as AttendedDb[];
  const sessions = attended.map((s) => ({ ...s, passed: s.passed === null ? null : s.passed === 1 }));
  const induction = (level: InductionLevelCode) => {
    const s = [...attended].reverse().find((x) => x.type === level);
    return s ? { sessionId: s.sessionId, code: s.code, date: s.sessionDate, hours: s.hours, trainer: s.trainer } : null;
  };
  const firstYear = Math.max(Number((p.hireDate ?? attended.at(-1)?.sessionDate ?? t).slice(0, 4)), Number(t.slice(0, 4)) - 9);
  const lastYear = Number((p.status === 'LEFT' && p.leftDate ? p.leftDate : t).slice(0, 4));
  const years: TrainingArchive['years'] = [];
  for (let y = lastYear; y >= firstYear; y -= 1) {
    const hours = sumHours(attended.filter((s) => s.sessionDate.startsWith(`${y}-`)).map((s) => s.hours));
    const req = requiredHours(rule, p.hireDate, y);
    years.push({ year: y, hours, required: req.required, kind: req.kind, met: req.required === null ? null : hours >= req.required });
  }
  const changes = postChangesOf(app, personId, addDays(t, -settings.postChangeLookbackDays)).map((c) => ({
    ...c,
    retrained: retrainedAfterPostChange(c.startDate, attended.map((s) => ({ date: s.sessionDate, type: s.type }))),
  }));
  const flags = personFlags(p, new Set(attended.map((s) => s.type)), changes, addDays(t, -settings.inductionLookbackDays));
  const thisYear = years.find((y) => y.year === Number(t.slice(0, 4)));
  if (thisYear?.required != null && !thisYear.met && p.status === 'ACTIVE') flags.push(`${thisYear.year} 年已培训 ${thisYear.hours} 学时，尚差 ${sumHours([thisYear.required, -thisYear.hours])} 学时（要求 ${thisYear.required} 学时）`);
  const lastYearRow = years.find((y) => y.year === Number(t.slice(0, 4)) - 1);
  // Only when training was kept in the app that year: an enterprise that starts mid-way is not flagged for the years before.
  const keptLastYear = lastYearRow ? !!app.db.prepare('SELECT 1 FROM training_session WHERE sessionDate BETWEEN ? AND ? LIMIT 1').get(`${lastYearRow.year}-01-01`, `${lastYearRow.year}-12-31`) : false;
  if (keptLastYear && lastYearRow?.required != null && lastYearRow.met === false) flags.push(`${lastYearRow.year} 年学时未达标（${lastYearRow.hours} / ${lastYearRow.required}）`);
  const certificates = listCertificates(app, { search: null, personId, certTypeId: null, unitId: null, includeLeft: true, page: 1, pageSize: 50 }).items;
  const drills = app.db
    .prepare(`SELECT d.id AS drillId, d.code, d.drillDate, d.title, x.role FROM drill_participant x JOIN drill d ON d.id = x.drillId WHERE x.personId = ? ORDER BY d.drillDate DESC`)
    .all(personId) as TrainingArchive['drills'];
  return {
    person: {
      id: p.id,
      name: p.name,
      staffNo: p.staffNo,
      unitName: p.unitName,
      postNames: p.postNames ?? '',
      employmentType: p.employmentType,
      employerName: p.employerName,
      hireDate: p.hireDate,
      status: p.status,
      leftDate: p.leftDate,
      idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null,
    },
    role,
    rule,
    years,
    induction: { company: induction('INDUCTION_COMPANY'), workshop: induction('INDUCTION_WORKSHOP'), team: induction('INDUCTION_TEAM'), complete: inductionComplete(new Set(attended.map((s) => s.type))) },
    postChanges: changes,
    sessions,
    drills,
    certificates: certificates.map((c) => ({ id: c.id, certTypeName: c.certTypeName, category: c.category, number: c.number, dueDate: c.dueDate, dueState: c.dueState })),
    flags,
  };
}

export function trainingCompliance(app: AppContext, year: number, unitId: string | null, onlyGaps: boolean): TrainingCompliance {
  const t = today(app);
  const settings = trainingSettings(app);
  const highRisk = trainingHighRisk(app, settings).highRisk;
  const roles = traineeRoles(app);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const cte = unitId ? 'WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id) ' : '';
  const people = app.db
    .prepare(
      `${cte}SELECT p.id, p.name, p.staffNo, u.name AS unitName, p.hireDate, p.status, p.leftDate FROM person p JOIN unit u ON u.id = p.unitId
       WHERE (p.hireDate IS NULL OR p.hireDate <= @to) AND (p.status = 'ACTIVE' OR p.leftDate >= @from) ${unitId ? 'AND p.unitId IN (SELECT id FROM sub)' : ''}
       ORDER BY u.sortOrder, u.name, p.staffNo`,
    )
    .all({ unitId, from, to }) as { id: string; name: string; staffNo: string; unitName: string; hireDate: string | null; status: string; leftDate: string | null }[];
  // One pass over the year's attendance (raw rows: no objects per row) gives the hours per person
  // and, for the periodic rule, per person and month or quarter.
  const periodOf = (date: string) => (settings.periodicRule.period === 'MONTH' ? date.slice(0, 7) : `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) + 2) / 3)}`);
  const rawHours = new Map<string, number>();
  const periodHours = new Map<string, Map<string, number>>();
  for (const [personId, sessionDate, h] of app.db
    .prepare(`SELECT a.personId, s.sessionDate, s.hours FROM training_session s JOIN training_attendance a ON a.sessionId = s.id WHERE s.sessionDate BETWEEN ? AND ?`)
    .raw()
    .all(from, to) as [string, string, number][]) {
    rawHours.set(personId, (rawHours.get(personId) ?? 0) + h);
    if (settings.periodicRule.enabled) {
      const k = periodOf(sessionDate);
      const byPerson = periodHours.get(k) ?? new Map<string, number>();
      byPerson.set(personId, (byPerson.get(personId) ?? 0) + h);
      periodHours.set(k, byPerson);
    }
  }
  const hoursBy = new Map([...rawHours].map(([personId, h]) => [personId, Math.round(h * 10) / 10]));
  // 三级教育 levels ever attended per person, as a bit mask (厂级 1, 车间级 2, 班组级 4): two small columns
  // per row and no objects, as this runs over every induction attendance on record.
  const levelsBy = new Map<string, number>();
  for (const [personId, bit] of app.db
    .prepare(
      `SELECT a.personId, CASE s.type WHEN 'INDUCTION_COMPANY' THEN 1 WHEN 'INDUCTION_WORKSHOP' THEN 2 ELSE 4 END
       FROM training_session s JOIN training_attendance a ON a.sessionId = s.id
       WHERE s.type IN ('INDUCTION_COMPANY', 'INDUCTION_WORKSHOP', 'INDUCTION_TEAM')`,
    )
    .raw()
    .all() as [string, number][]) {
    levelsBy.set(personId, (levelsBy.get(personId) ?? 0) | bit);
  }
  const LEVEL_SETS = Array.from({ length: 8 }, (_, mask) => new Set(INDUCTION_LEVELS.filter((_l, i) => mask & (1 << i))));
  const inductionSince = addDays(t, -settings.inductionLookbackDays);
  const since = addDays(t, -settings.postChangeLookbackDays);
  const changesBy = new Map<string, { postName: string; startDate: string }[]>();
  for (const r of app.db
    .prepare(
      `SELECT pp.personId, po.name AS postName, pp.startDate FROM person_post pp JOIN post po ON po.id = pp.postId
       WHERE pp.startDate >= ? AND EXISTS (SELECT 1 FROM person_post e WHERE e.personId = pp.personId AND e.startDate < pp.startDate)`,
    )
    .all(since) as { personId: string; postName: string; startDate: string }[]) {
    const list = changesBy.get(r.personId) ?? [];
    list.push(r);
    changesBy.set(r.personId, list);
  }
  // The latest 车间级 and 班组级 sessions of the people who changed post decide their retraining.
  const latestBy = new Map<string, { date: string; type: string }[]>();
  if (changesBy.size) {
    for (const r of app.db
      .prepare(
        `SELECT a.personId, s.type, max(s.sessionDate) AS date FROM training_attendance a JOIN training_session s ON s.id = a.sessionId
         WHERE a.personId IN (SELECT value FROM json_each(?)) AND s.type IN ('INDUCTION_WORKSHOP', 'INDUCTION_TEAM') GROUP BY a.personId, s.type`,
      )
      .all(JSON.stringify([...changesBy.keys()])) as { personId: string; type: string; date: string }[]) {
      const list = latestBy.get(r.personId) ?? [];
      list.push({ date: r.date, type: r.type });
      latestBy.set(r.personId, list);
    }
  }
  const yearEnded = t > to;
  const rows: TrainingCompliance['people'] = [];
  let metHours = 0;
  let shortHours = 0;
  let withRequirement = 0;
  let inductionMissing = 0;
  let postChangeMissing = 0;
  for (const p of people) {
    const role = roles.get(p.id) ?? 'STAFF';
    // People who left during the year are listed with their hours but not held to the yearly figure.
    const req = p.status === 'LEFT' && p.leftDate !== null && p.leftDate <= to ? { required: null } : requiredHours(hourRuleFor(settings.hourRules, role, highRisk), p.hireDate, year);
    const hours = hoursBy.get(p.id) ?? 0;
    const met = req.required === null ? null : hours >= req.required;
    const levels = LEVEL_SETS[levelsBy.get(p.id) ?? 0]!;
    const changes = (changesBy.get(p.id) ?? []).map((c) => ({ ...c, retrained: retrainedAfterPostChange(c.startDate, latestBy.get(p.id) ?? []) }));
    const flags = p.status === 'ACTIVE' ? personFlags(p, levels, changes, inductionSince) : [];
    if (flags.some((f) => f.startsWith('新员工'))) inductionMissing += 1;
    if (changes.some((c) => !c.retrained) && p.status === 'ACTIVE') postChangeMissing += 1;
    if (req.required !== null) {
      withRequirement += 1;
      if (met) metHours += 1;
      else {
        shortHours += 1;
        flags.push(`${year} 年 ${hours} / ${req.required} 学时${yearEnded ? '，未达标' : `，尚差 ${sumHours([req.required, -hours])} 学时`}`);
      }
    }
    if (onlyGaps && flags.length === 0) continue;
    rows.push({ personId: p.id, name: p.name, staffNo: p.staffNo, unitName: p.unitName, role, hireDate: p.hireDate, hours, required: req.required, met, inductionComplete: inductionComplete(levels), flags });
  }
  const periods: TrainingCompliance['periods'] = [];
  if (settings.periodicRule.enabled) {
    const trainedBy = new Map<string, Set<string>>();
    for (const [k, byPerson] of periodHours) {
      const set = new Set<string>();
      for (const [personId, h] of byPerson) if (h + 1e-9 >= settings.periodicRule.minHours) set.add(personId);
      trainedBy.set(k, set);
    }
    for (const p of periodicPeriods(settings.periodicRule.period, year)) {
      const active = people.filter((x) => (x.hireDate === null || x.hireDate <= p.to) && (x.status === 'ACTIVE' || (x.leftDate !== null && x.leftDate >= p.to)));
      const trained = trainedBy.get(p.key);
      const n = trained ? active.filter((x) => trained.has(x.id)).length : 0;
      const st = periodicState(p, active.length, n, settings.periodicRule.attendanceTarget, t);
      periods.push({ key: p.key, label: p.label, activeStaff: active.length, trained: n, rate: st.rate, state: st.state });
    }
  }
  const plan = listTrainingPlan(app, year);
  const totals = app.db
    .prepare(`SELECT count(*) AS sessions, ifnull(sum(s.hours * (SELECT count(*) FROM training_attendance a WHERE a.sessionId = s.id)), 0) AS personHours FROM training_session s WHERE s.sessionDate BETWEEN ? AND ?`)
    .get(from, to) as { sessions: number; personHours: number };
  return {
    year,
    highRisk,
    summary: { people: people.length, withRequirement, metHours, shortHours, inductionMissing, postChangeMissing, totalHours: Math.round(totals.personHours * 10) / 10, sessions: totals.sessions },
    people: rows,
    periods,
    plan: { planned: plan.length, done: plan.filter((i) => i.state === 'DONE').length, missed: plan.filter((i) => i.state === 'MISSED').length },
  };
}
