import { describe, expect, it } from 'vitest';
import {
  employedOn,
  hourRuleFor,
  inductionComplete,
  periodicPeriods,
  periodicState,
  requiredHours,
  retrainedAfterPostChange,
  sumHours,
  type HourRuleDef,
} from '../../main/domain/training.ts';

const RULES: HourRuleDef[] = [
  { role: 'PRINCIPAL', highRisk: false, initialHours: 32, yearlyHours: 12, basis: '第九条' },
  { role: 'SAFETY_MANAGER', highRisk: false, initialHours: 32, yearlyHours: 12, basis: '第九条' },
  { role: 'STAFF', highRisk: false, initialHours: 24, yearlyHours: 8, basis: '第十三条' },
  { role: 'PRINCIPAL', highRisk: true, initialHours: 48, yearlyHours: 16, basis: '第九条（高危）' },
  { role: 'STAFF', highRisk: true, initialHours: 72, yearlyHours: 20, basis: '第十三条（高危）' },
];

describe('hourRuleFor', () => {
  it('picks the rule of the role and the industry; none when missing', () => {
    expect(hourRuleFor(RULES, 'STAFF', false)).toMatchObject({ initialHours: 24, yearlyHours: 8 });
    expect(hourRuleFor(RULES, 'STAFF', true)).toMatchObject({ initialHours: 72, yearlyHours: 20 });
    expect(hourRuleFor(RULES, 'PRINCIPAL', true)).toMatchObject({ initialHours: 48, yearlyHours: 16 });
    expect(hourRuleFor(RULES, 'SAFETY_MANAGER', true)).toBeNull();
    expect(hourRuleFor([], 'STAFF', false)).toBeNull();
  });
});

describe('requiredHours', () => {
  const staff = RULES[2]!;

  it('the hire year takes the initial hours, later years the yearly refresher', () => {
    expect(requiredHours(staff, '2026-03-01', 2026)).toEqual({ required: 24, kind: 'INITIAL' });
    expect(requiredHours(staff, '2026-01-01', 2026)).toEqual({ required: 24, kind: 'INITIAL' });
    expect(requiredHours(staff, '2026-12-31', 2026)).toEqual({ required: 24, kind: 'INITIAL' });
    expect(requiredHours(staff, '2026-12-31', 2027)).toEqual({ required: 8, kind: 'YEARLY' });
    expect(requiredHours(staff, '2016-05-01', 2026)).toEqual({ required: 8, kind: 'YEARLY' });
  });

  it('nothing for years before hiring', () => {
    expect(requiredHours(staff, '2026-01-01', 2025)).toEqual({ required: null, kind: null });
    expect(requiredHours(staff, '2027-01-01', 2026)).toEqual({ required: null, kind: null });
  });

  it('unknown hire date: the yearly refresher', () => {
    expect(requiredHours(staff, null, 2026)).toEqual({ required: 8, kind: 'YEARLY' });
  });

  it('null hour figures and no rule at all mean no requirement', () => {
    expect(requiredHours(null, '2026-03-01', 2026)).toEqual({ required: null, kind: null });
    const noInitial: HourRuleDef = { ...staff, initialHours: null };
    expect(requiredHours(noInitial, '2026-03-01', 2026)).toEqual({ required: 8, kind: 'YEARLY' });
    const noYearly: HourRuleDef = { ...staff, yearlyHours: null };
    expect(requiredHours(noYearly, '2026-03-01', 2026)).toEqual({ required: 24, kind: 'INITIAL' });
    expect(requiredHours(noYearly, '2026-03-01', 2027)).toEqual({ required: null, kind: null });
    expect(requiredHours({ ...staff, initialHours: null, yearlyHours: null }, '2026-03-01', 2026)).toEqual({ required: null, kind: null });
  });
});

describe('sumHours', () => {
  it('adds half hours without float noise', () => {
    expect(sumHours([0.1, 0.2])).toBe(0.3);
    expect(sumHours([1.5, 1.5, 0.5])).toBe(3.5);
    expect(sumHours(Array.from({ length: 300 }, () => 0.5))).toBe(150);
    expect(sumHours([])).toBe(0);
    expect(sumHours([8, -2.5])).toBe(5.5);
  });
});

describe('inductionComplete (三级教育)', () => {
  it('needs the company, workshop and team levels', () => {
    expect(inductionComplete(new Set(['INDUCTION_COMPANY', 'INDUCTION_WORKSHOP', 'INDUCTION_TEAM']))).toBe(true);
    expect(inductionComplete(new Set(['INDUCTION_COMPANY', 'INDUCTION_WORKSHOP', 'INDUCTION_TEAM', 'ROUTINE']))).toBe(true);
    expect(inductionComplete(new Set(['INDUCTION_COMPANY', 'INDUCTION_WORKSHOP']))).toBe(false);
    expect(inductionComplete(new Set(['ROUTINE', 'SPECIAL', 'REFRESHER']))).toBe(false);
    expect(inductionComplete(new Set())).toBe(false);
  });
});

describe('retrainedAfterPostChange', () => {
  const both = (workshop: string, team: string) => [
    { date: workshop, type: 'INDUCTION_WORKSHOP' },
    { date: team, type: 'INDUCTION_TEAM' },
  ];

  it('workshop and team training on or after the move counts', () => {
    expect(retrainedAfterPostChange('2026-06-01', both('2026-06-01', '2026-06-03'))).toBe(true);
    expect(retrainedAfterPostChange('2026-06-01', both('2026-09-01', '2026-12-31'))).toBe(true);
  });

  it('training up to 30 days before the move counts (inclusive), 31 days before does not', () => {
    expect(retrainedAfterPostChange('2026-06-01', both('2026-05-02', '2026-05-02'))).toBe(true);
    expect(retrainedAfterPostChange('2026-06-01', both('2026-05-01', '2026-06-05'))).toBe(false);
    expect(retrainedAfterPostChange('2026-06-01', both('2026-05-02', '2026-05-02'), 0)).toBe(false);
    expect(retrainedAfterPostChange('2026-06-01', both('2026-06-01', '2026-06-01'), 0)).toBe(true);
  });

  it('both levels are needed; the company level or routine training is not enough', () => {
    expect(retrainedAfterPostChange('2026-06-01', [{ date: '2026-06-02', type: 'INDUCTION_WORKSHOP' }])).toBe(false);
    expect(retrainedAfterPostChange('2026-06-01', [{ date: '2026-06-02', type: 'INDUCTION_TEAM' }, { date: '2026-06-02', type: 'INDUCTION_COMPANY' }, { date: '2026-06-02', type: 'ROUTINE' }])).toBe(false);
    expect(retrainedAfterPostChange('2026-06-01', [])).toBe(false);
  });
});

describe('periodicPeriods', () => {
  it('twelve months with their real lengths (leap February)', () => {
    const months = periodicPeriods('MONTH', 2028);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ key: '2028-01', label: '1 月', from: '2028-01-01', to: '2028-01-31' });
    expect(months[1]).toEqual({ key: '2028-02', label: '2 月', from: '2028-02-01', to: '2028-02-29' });
    expect(periodicPeriods('MONTH', 2026)[1]!.to).toBe('2026-02-28');
    expect(months[3]!.to).toBe('2028-04-30');
    expect(months[11]).toEqual({ key: '2028-12', label: '12 月', from: '2028-12-01', to: '2028-12-31' });
  });

  it('four quarters', () => {
    expect(periodicPeriods('QUARTER', 2026)).toEqual([
      { key: '2026-Q1', label: '第 1 季度', from: '2026-01-01', to: '2026-03-31' },
      { key: '2026-Q2', label: '第 2 季度', from: '2026-04-01', to: '2026-06-30' },
      { key: '2026-Q3', label: '第 3 季度', from: '2026-07-01', to: '2026-09-30' },
      { key: '2026-Q4', label: '第 4 季度', from: '2026-10-01', to: '2026-12-31' },
    ]);
  });
});

describe('periodicState (all-staff rule)', () => {
  const nov = { key: '2026-11', label: '11 月', from: '2026-11-01', to: '2026-11-30' };

  it('UPCOMING before the period, even when people were counted', () => {
    expect(periodicState(nov, 100, 0, 90, '2026-10-31')).toEqual({ rate: 0, state: 'UPCOMING' });
  });

  it('MET at exactly the target, on the first or last day or after', () => {
    expect(periodicState(nov, 100, 90, 90, '2026-11-01')).toEqual({ rate: 90, state: 'MET' });
    expect(periodicState(nov, 100, 90, 90, '2026-11-30')).toEqual({ rate: 90, state: 'MET' });
    expect(periodicState(nov, 100, 100, 90, '2027-01-01')).toEqual({ rate: 100, state: 'MET' });
  });

  it('short of the target: DUE while the period runs (last day included), MISSED after', () => {
    expect(periodicState(nov, 100, 89, 90, '2026-11-30')).toEqual({ rate: 89, state: 'DUE' });
    expect(periodicState(nov, 100, 89, 90, '2026-12-01')).toEqual({ rate: 89, state: 'MISSED' });
  });

  it('a share just under the target is not met even when its rounded figure shows the target', () => {
    // 4,498 of 5,000 is 89.96 %, shown as 90 %.
    expect(periodicState(nov, 5000, 4498, 90, '2026-12-01')).toEqual({ rate: 90, state: 'MISSED' });
    expect(periodicState(nov, 5000, 4500, 90, '2026-12-01')).toEqual({ rate: 90, state: 'MET' });
    expect(periodicState(nov, 3, 2, 66.7, '2026-12-01')).toEqual({ rate: 66.7, state: 'MISSED' });
    expect(periodicState(nov, 3, 2, 66.6, '2026-12-01')).toEqual({ rate: 66.7, state: 'MET' });
  });

  it('no active staff: rate 0, never MET', () => {
    expect(periodicState(nov, 0, 0, 90, '2026-11-15')).toEqual({ rate: 0, state: 'DUE' });
    expect(periodicState(nov, 0, 0, 90, '2026-12-15')).toEqual({ rate: 0, state: 'MISSED' });
  });
});

describe('employedOn', () => {
  const active = { hireDate: '2026-03-01', leftDate: null, status: 'ACTIVE' };
  const left = { hireDate: '2020-03-01', leftDate: '2026-05-31', status: 'LEFT' };

  it('from the hire date on', () => {
    expect(employedOn(active, '2026-02-28')).toBe(false);
    expect(employedOn(active, '2026-03-01')).toBe(true);
    expect(employedOn(active, '2036-03-01')).toBe(true);
  });

  it('up to and including the leaving date', () => {
    expect(employedOn(left, '2026-05-31')).toBe(true);
    expect(employedOn(left, '2026-06-01')).toBe(false);
    expect(employedOn(left, '2020-02-29')).toBe(false);
  });

  it('no hire date: employed until leaving; a leaving date only counts for people who left', () => {
    expect(employedOn({ hireDate: null, leftDate: null, status: 'ACTIVE' }, '1999-01-01')).toBe(true);
    expect(employedOn({ hireDate: null, leftDate: '2026-05-31', status: 'LEFT' }, '2026-06-01')).toBe(false);
    expect(employedOn({ hireDate: null, leftDate: '2026-05-31', status: 'ACTIVE' }, '2026-06-01')).toBe(true);
  });
});
