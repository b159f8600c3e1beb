/**
 * Emergency-management rules, pure: the 备案 deadline in working days, the
 * revision state of a plan, and drill-frequency compliance per rule and period
 * (calendar years and half-years: H1 = 01-01…06-30, H2 = 07-01…12-31).
 * The rules themselves are data (emergency settings), never constants here.
 */
import { addDays, diffDays, type DateStr } from './dates.ts';
import { isWorkday, type WorkCalendar } from './schedule.ts';

// ---- 备案 ----

/** The date `n` working days after `d` (d itself does not count). */
export function addWorkdays(d: DateStr, n: number, calendar: WorkCalendar): DateStr {
  let day = d;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkday(day, calendar)) left -= 1;
  }
  return day;
}

/** Working days strictly after `a` up to and including `b` (0 when b ≤ a). */
export function workdaysBetween(a: DateStr, b: DateStr, calendar: WorkCalendar): number {
  let n = 0;
  for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (isWorkday(day, calendar)) n += 1;
  return n;
}

export type FilingStateCode = 'FILED' | 'FILED_LATE' | 'PENDING' | 'OVERDUE';

export interface FilingState {
  state: FilingStateCode;
  dueOn: DateStr;
  /** Working days late (FILED_LATE, OVERDUE) or left (PENDING). */
  workdays: number;
}

/** 告知性备案 within `filingWorkdays` working days of issue. */
export function filingState(issuedOn: DateStr, filedOn: DateStr | null, today: DateStr, filingWorkdays: number, calendar: WorkCalendar): FilingState {
  const dueOn = addWorkdays(issuedOn, filingWorkdays, calendar);
  if (filedOn) {
    // Filed on a rest day right after the deadline is no working day late.
    const late = filedOn <= dueOn ? 0 : workdaysBetween(dueOn, filedOn, calendar);
    return late === 0 ? { state: 'FILED', dueOn, workdays: 0 } : { state: 'FILED_LATE', dueOn, workdays: late };
  }
  if (today <= dueOn) return { state: 'PENDING', dueOn, workdays: workdaysBetween(today, dueOn, calendar) };
  return { state: 'OVERDUE', dueOn, workdays: workdaysBetween(dueOn, today, calendar) };
}

export type RevisionStateCode = 'OK' | 'DUE_SOON' | 'OVERDUE' | 'TRIGGERED';

/**
 * A plan in force must be revised (or evaluated) by its next revision date, and
 * at once when a trigger is open; an open trigger past its own due date is overdue.
 */
export function revisionState(
  nextRevisionOn: DateStr | null,
  openTriggers: readonly { dueOn: DateStr | null }[],
  today: DateStr,
  dueSoonDays: number,
): { state: RevisionStateCode; dueOn: DateStr | null } {
  const triggerDue = openTriggers.map((t) => t.dueOn).filter((d): d is DateStr => !!d).sort()[0] ?? null;
  const dueOn = [nextRevisionOn, triggerDue].filter((d): d is DateStr => !!d).sort()[0] ?? null;
  if (dueOn && dueOn < today) return { state: 'OVERDUE', dueOn };
  if (openTriggers.length) return { state: 'TRIGGERED', dueOn };
  if (dueOn && diffDays(today, dueOn) <= dueSoonDays) return { state: 'DUE_SOON', dueOn };
  return { state: 'OK', dueOn };
}

// ---- 演练频次 ----

export type PlanTypeCode = 'COMPREHENSIVE' | 'SPECIFIC' | 'ONSITE';

export interface DrillRuleDef {
  key: string;
  label: string;
  period: 'YEAR' | 'HALF_YEAR';
  minCount: number;
  planTypes: readonly PlanTypeCode[];
  requireReport: boolean;
  appliesTo: 'ALL' | 'HIGH_RISK';
  basis: string;
  enabled: boolean;
}

export interface DrillFact {
  id: string;
  drillDate: DateStr;
  planType: PlanTypeCode;
  reportedOn: DateStr | null;
}

export interface PlannedFact {
  plannedMonth: number;
  planType: PlanTypeCode;
  /** Already done or cancelled items do not count as planned. */
  open: boolean;
}

export interface CompliancePeriod {
  key: string;
  label: string;
  from: DateStr;
  to: DateStr;
  required: number;
  done: number;
  state: 'MET' | 'DUE' | 'MISSED' | 'UPCOMING' | 'NOT_REPORTED';
  drillIds: string[];
  planned: number;
}

export interface RuleCompliance {
  rule: DrillRuleDef;
  periods: CompliancePeriod[];
}

/** The periods of a rule in a year. */
export function rulePeriods(period: 'YEAR' | 'HALF_YEAR', year: number): { key: string; label: string; from: DateStr; to: DateStr; months: [number, number] }[] {
  if (period === 'YEAR') return [{ key: `${year}`, label: `${year} 年`, from: `${year}-01-01`, to: `${year}-12-31`, months: [1, 12] }];
  return [
    { key: `${year}-H1`, label: `${year} 年上半年`, from: `${year}-01-01`, to: `${year}-06-30`, months: [1, 6] },
    { key: `${year}-H2`, label: `${year} 年下半年`, from: `${year}-07-01`, to: `${year}-12-31`, months: [7, 12] },
  ];
}

/** Which rules bind this enterprise. */
export function applicableRules(rules: readonly DrillRuleDef[], highRisk: boolean): DrillRuleDef[] {
  return rules.filter((r) => r.enabled && (r.appliesTo === 'ALL' || highRisk));
}

/**
 * Compliance of every applicable rule in `year`, judged on `today`:
 * MET when enough counting drills fall in the period; NOT_REPORTED when enough
 * were held but too few reported (rules that require a report); MISSED when the
 * period has ended short; DUE while it runs; UPCOMING before it starts.
 */
export function drillCompliance(
  rules: readonly DrillRuleDef[],
  highRisk: boolean,
  drills: readonly DrillFact[],
  planned: readonly PlannedFact[],
  year: number,
  today: DateStr,
): RuleCompliance[] {
  return applicableRules(rules, highRisk).map((rule) => ({
    rule,
    periods: rulePeriods(rule.period, year).map((p) => {
      const held = drills.filter((d) => d.drillDate >= p.from && d.drillDate <= p.to && rule.planTypes.includes(d.planType));
      const counting = rule.requireReport ? held.filter((d) => d.reportedOn) : held;
      const done = counting.length;
      const plannedCount = planned.filter((x) => x.open && x.plannedMonth >= p.months[0] && x.plannedMonth <= p.months[1] && rule.planTypes.includes(x.planType)).length;
      let state: CompliancePeriod['state'];
      if (done >= rule.minCount) state = 'MET';
      else if (held.length >= rule.minCount) state = 'NOT_REPORTED';
      else if (today > p.to) state = 'MISSED';
      else if (today < p.from) state = 'UPCOMING';
      else state = 'DUE';
      return { key: p.key, label: p.label, from: p.from, to: p.to, required: rule.minCount, done, state, drillIds: held.map((d) => d.id), planned: plannedCount };
    }),
  }));
}

/** Whether an enterprise industry (and sector) is in a list of `CODE` / `SECTOR:CODE` entries. */
export function industryListed(list: readonly string[], industry: string, sector: string | null): boolean {
  return list.includes(industry) || (sector !== null && list.includes(`SECTOR:${sector}`));
}

// ---- 年度演练计划项 ----

export type DrillItemStateCode = 'PLANNED' | 'DUE' | 'DONE' | 'LATE' | 'MISSED' | 'CANCELLED';

/** The state of a plan item: done in (or before) its month, late, missed once its month has ended. */
export function drillItemState(year: number, plannedMonth: number, drillDate: DateStr | null, cancelled: boolean, today: DateStr): DrillItemStateCode {
  const ym = `${year}-${String(plannedMonth).padStart(2, '0')}`;
  if (drillDate) return drillDate.slice(0, 7) <= ym ? 'DONE' : 'LATE';
  if (cancelled) return 'CANCELLED';
  const now = today.slice(0, 7);
  if (now > ym) return 'MISSED';
  if (now === ym) return 'DUE';
  return 'PLANNED';
}
