/**
 * Training rules, pure: the hours a person needs in a year (initial hours in the
 * year they start, the yearly refresher after), 三级教育 completeness, retraining
 * after a change of post, and the all-staff periodic rule. Hour figures come from
 * the training settings (data with defaults).
 */
import { addDays, daysInMonth, type DateStr } from './dates.ts';

export type TraineeRoleCode = 'PRINCIPAL' | 'SAFETY_MANAGER' | 'STAFF';

export interface HourRuleDef {
  role: TraineeRoleCode;
  highRisk: boolean;
  initialHours: number | null;
  yearlyHours: number | null;
  basis: string;
}

export function hourRuleFor(rules: readonly HourRuleDef[], role: TraineeRoleCode, highRisk: boolean): HourRuleDef | null {
  return rules.find((r) => r.role === role && r.highRisk === highRisk) ?? null;
}

/**
 * What a person must reach in `year`: the initial hours in the year they were
 * hired (when the rule has them), the yearly refresher in later years. Nothing
 * for years before hiring.
 */
export function requiredHours(rule: HourRuleDef | null, hireDate: DateStr | null, year: number): { required: number | null; kind: 'INITIAL' | 'YEARLY' | null } {
  if (!rule) return { required: null, kind: null };
  const hireYear = hireDate ? Number(hireDate.slice(0, 4)) : null;
  if (hireYear !== null && year < hireYear) return { required: null, kind: null };
  if (hireYear === year && rule.initialHours !== null) return { required: rule.initialHours, kind: 'INITIAL' };
  return rule.yearlyHours === null ? { required: null, kind: null } : { required: rule.yearlyHours, kind: 'YEARLY' };
}

/** Hours are counted to half an hour; avoid float noise in sums. */
export function sumHours(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10;
}

export type InductionLevelCode = 'INDUCTION_COMPANY' | 'INDUCTION_WORKSHOP' | 'INDUCTION_TEAM';
export const INDUCTION_LEVELS: readonly InductionLevelCode[] = ['INDUCTION_COMPANY', 'INDUCTION_WORKSHOP', 'INDUCTION_TEAM'];

export function inductionComplete(typesAttended: ReadonlySet<string>): boolean {
  return INDUCTION_LEVELS.every((l) => typesAttended.has(l));
}

/**
 * After a change of post the workshop and team levels are repeated. Training
 * taken up to `leadDays` before the new post starts counts (it is usually given
 * before the move).
 */
export function retrainedAfterPostChange(postStart: DateStr, sessions: readonly { date: DateStr; type: string }[], leadDays = 30): boolean {
  const from = addDays(postStart, -leadDays);
  const since = sessions.filter((s) => s.date >= from);
  return since.some((s) => s.type === 'INDUCTION_WORKSHOP') && since.some((s) => s.type === 'INDUCTION_TEAM');
}

export interface PeriodicPeriod {
  key: string;
  label: string;
  from: DateStr;
  to: DateStr;
}

/** The months or quarters of a year. */
export function periodicPeriods(period: 'MONTH' | 'QUARTER', year: number): PeriodicPeriod[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (period === 'MONTH') {
    return Array.from({ length: 12 }, (_, i) => ({ key: `${year}-${pad(i + 1)}`, label: `${i + 1} 月`, from: `${year}-${pad(i + 1)}-01`, to: `${year}-${pad(i + 1)}-${pad(daysInMonth(year, i + 1))}` }));
  }
  return [1, 2, 3, 4].map((q) => ({ key: `${year}-Q${q}`, label: `第 ${q} 季度`, from: `${year}-${pad(q * 3 - 2)}-01`, to: `${year}-${pad(q * 3)}-${pad(daysInMonth(year, q * 3))}` }));
}

/** A period of the all-staff rule: met when the trained share reaches the target; judged once it has ended. */
export function periodicState(p: PeriodicPeriod, activeStaff: number, trained: number, targetPercent: number, today: DateStr): { rate: number; state: 'MET' | 'MISSED' | 'DUE' | 'UPCOMING' } {
  const rate = activeStaff === 0 ? 0 : Math.round((trained / activeStaff) * 1000) / 10;
  if (today < p.from) return { rate, state: 'UPCOMING' };
  // Judged on the exact share: 89.96 % shows as 90 % but does not meet a 90 % target.
  if (activeStaff > 0 && trained * 100 >= targetPercent * activeStaff) return { rate, state: 'MET' };
  return { rate, state: today > p.to ? 'MISSED' : 'DUE' };
}

/** Whether a person was employed on a date (hired on or before it, not yet left). */
export function employedOn(p: { hireDate: DateStr | null; leftDate: DateStr | null; status: string }, d: DateStr): boolean {
  if (p.hireDate && p.hireDate > d) return false;
  if (p.status === 'LEFT' && p.leftDate && p.leftDate < d) return false;
  return true;
}
