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

function personFlags(
  p: { hireDate: string | null },
  sessions: readonly { sessionDate: string; type: string }[],
  postChanges: readonly { postName: string; startDate: string; retrained: boolean }[],
  t: string,
  inductionLookbackDays: number,
): string[] {
  const flags: string[] = [];
  const types = new Set(sessions.map((s) => s.type));
  if (p.hireDate && p.hireDate >= addDays(t, -inductionLookbackDays) && !inductionComplete(types)) {
    const lacking = INDUCTION_LEVELS.filter((l) => !types.has(l)).map((l) => LEVEL_NAMES[l]);
    flags.push(`新员工（${p.hireDate} 入职）三级教育不全，缺${lacking.join('、')}`);
  }
  for (const c of postChanges.filter((x) => !x.retrained)) flags.push(`${c.startDate} 转岗至「${c.postName}」后未重新进行车间级、班组级安全教育`);
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
  const flags = personFlags(p, attended, changes, t, settings.inductionLookbackDays);
  const thisYear = years.find((y) => y.year === Number(t.slice(0, 4)));
  if (thisYear?.required != null && !thisYear.met && p.status === 'ACTIVE') flags.push(`${thisYear.year} 年已培训 ${thisYear.hours} 学时，尚差 ${sumHours([thisYear.required, -thisYear.hours])} 学时（要求 ${thisYear.required} 学时）`);
  const lastYearRow = years.find((y) => y.year === Number(t.slice(0, 4)) - 1);
  if (lastYearRow?.required != null && lastYearRow.met === false) flags.push(`${lastYearRow.year} 年学时未达标（${lastYearRow.hours} / ${lastYearRow.required}）`);
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
  const hoursBy = new Map(
    (
      app.db
        .prepare(`SELECT a.personId, sum(s.hours) AS h FROM training_session s JOIN training_attendance a ON a.sessionId = s.id WHERE s.sessionDate BETWEEN ? AND ? GROUP BY a.personId`)
        .all(from, to) as { personId: string; h: number }[]
    ).map((r) => [r.personId, Math.round(r.h * 10) / 10]),
  );
  // All induction/retraining sessions ever attended, for the 三级教育 and post-change checks.
  const inductionBy = new Map<string, { sessionDate: string; type: string }[]>();
  for (const r of app.db
    .prepare(
      `SELECT a.personId, s.sessionDate, s.type FROM training_session s JOIN training_attendance a ON a.sessionId = s.id
       WHERE s.type IN ('INDUCTION_COMPANY', 'INDUCTION_WORKSHOP', 'INDUCTION_TEAM')`,
    )
    .all() as { personId: string; sessionDate: string; type: string }[]) {
    const list = inductionBy.get(r.personId) ?? [];
    list.push(r);
    inductionBy.set(r.personId, list);
  }
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
  const yearEnded = t > to;
  const rows: TrainingCompliance['people'] = [];
  let metHours = 0;
  let shortHours = 0;
  let withRequirement = 0;
  let inductionMissing = 0;
  let postChangeMissing = 0;
  for (const p of people) {
    const role = roles.get(p.id) ?? 'STAFF';
    const req = requiredHours(hourRuleFor(settings.hourRules, role, highRisk), p.hireDate, year);
    const hours = hoursBy.get(p.id) ?? 0;
    const met = req.required === null ? null : hours >= req.required;
    const ind = inductionBy.get(p.id) ?? [];
    const changes = (changesBy.get(p.id) ?? []).map((c) => ({ ...c, retrained: retrainedAfterPostChange(c.startDate, ind.map((s) => ({ date: s.sessionDate, type: s.type }))) }));
    const flags = p.status === 'ACTIVE' ? personFlags(p, ind, changes, t, settings.inductionLookbackDays) : [];
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
    rows.push({ personId: p.id, name: p.name, staffNo: p.staffNo, unitName: p.unitName, role, hireDate: p.hireDate, hours, required: req.required, met, inductionComplete: inductionComplete(new Set(ind.map((s) => s.type))), flags });
  }
  const periods: TrainingCompliance['periods'] = [];
  if (settings.periodicRule.enabled) {
    const trainedBy = new Map<string, Set<string>>();
    const rowsByPeriod = app.db
      .prepare(
        `SELECT ${settings.periodicRule.period === 'MONTH' ? `substr(s.sessionDate, 1, 7)` : `substr(s.sessionDate, 1, 4) || '-Q' || ((CAST(substr(s.sessionDate, 6, 2) AS INTEGER) + 2) / 3)`} AS k,
           a.personId, sum(s.hours) AS h
         FROM training_session s JOIN training_attendance a ON a.sessionId = s.id WHERE s.sessionDate BETWEEN ? AND ? GROUP BY k, a.personId`,
      )
      .all(from, to) as { k: string; personId: string; h: number }[];
    for (const r of rowsByPeriod) {
      if (r.h + 1e-9 < settings.periodicRule.minHours) continue;
      const set = trainedBy.get(r.k) ?? new Set<string>();
      set.add(r.personId);
      trainedBy.set(r.k, set);
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
