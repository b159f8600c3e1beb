import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  applicableRules,
  drillCompliance,
  drillItemState,
  filingState,
  industryListed,
  revisionState,
  rulePeriods,
  workdaysBetween,
  type DrillFact,
  type DrillRuleDef,
  type PlannedFact,
} from '../../main/domain/emergency.ts';
import { addDays } from '../../main/domain/dates.ts';
import { isWorkday, type WorkCalendar } from '../../main/domain/schedule.ts';

const NO_CALENDAR: WorkCalendar = new Map();

/** The 2026 arrangement around 中秋 and 国庆: 09-20 (Sun) and 10-10 (Sat) worked, 09-25 and 10-01…10-07 off. */
const CAL_2026: WorkCalendar = new Map([
  ['2026-09-20', true],
  ['2026-09-25', false],
  ['2026-09-26', false],
  ['2026-09-27', false],
  ['2026-10-01', false],
  ['2026-10-02', false],
  ['2026-10-03', false],
  ['2026-10-04', false],
  ['2026-10-05', false],
  ['2026-10-06', false],
  ['2026-10-07', false],
  ['2026-10-10', true],
]);

/** Counting by hand, day by day: the reference the functions are checked against. */
function countWorkdays(from: string, to: string, cal: WorkCalendar): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkday(d, cal)) n++;
  return n;
}

describe('addWorkdays / workdaysBetween (备案 in working days)', () => {
  it('20 working days across 中秋 and the National Day week skip the holidays and count the adjusted Saturday', () => {
    // Issued Thu 09-24: 09-25 is 中秋 (off), 10-01…07 off, 10-10 (Sat) is worked.
    expect(addWorkdays('2026-09-24', 20, CAL_2026)).toBe('2026-10-29');
    // Without the calendar the same count ends a week earlier.
    expect(addWorkdays('2026-09-24', 20, NO_CALENDAR)).toBe('2026-10-22');
    expect(workdaysBetween('2026-09-24', '2026-10-29', CAL_2026)).toBe(20);
    expect(countWorkdays('2026-09-24', '2026-10-29', CAL_2026)).toBe(20);
  });

  it('an adjusted working Sunday counts; the issue day itself never does', () => {
    // Issued Sat 09-19: the first working day after it is Sun 09-20 (调休上班).
    expect(addWorkdays('2026-09-19', 1, CAL_2026)).toBe('2026-09-20');
    expect(addWorkdays('2026-09-19', 1, NO_CALENDAR)).toBe('2026-09-21');
    // Issued on a working Monday: one working day later is Tuesday.
    expect(addWorkdays('2026-09-21', 1, CAL_2026)).toBe('2026-09-22');
    // Issued on the last working day before the holiday: the next is 10-08.
    expect(addWorkdays('2026-09-30', 1, CAL_2026)).toBe('2026-10-08');
    // Issued on a holiday.
    expect(addWorkdays('2026-10-03', 3, CAL_2026)).toBe('2026-10-10');
  });

  it('zero working days is the day itself; counting is the inverse of adding', () => {
    expect(addWorkdays('2026-10-03', 0, CAL_2026)).toBe('2026-10-03');
    for (const start of ['2026-09-18', '2026-09-24', '2026-09-30', '2026-10-01', '2026-10-09', '2026-12-28']) {
      for (const n of [1, 5, 10, 20, 30]) {
        const due = addWorkdays(start, n, CAL_2026);
        expect(workdaysBetween(start, due, CAL_2026)).toBe(n);
        expect(isWorkday(due, CAL_2026)).toBe(true);
        expect(countWorkdays(start, due, CAL_2026)).toBe(n);
      }
    }
  });

  it('workdaysBetween is 0 when b is not after a, and crosses a year end', () => {
    expect(workdaysBetween('2026-10-08', '2026-10-08', CAL_2026)).toBe(0);
    expect(workdaysBetween('2026-10-09', '2026-10-08', CAL_2026)).toBe(0);
    expect(workdaysBetween('2026-09-30', '2026-10-07', CAL_2026)).toBe(0);
    expect(workdaysBetween('2026-09-30', '2026-10-10', CAL_2026)).toBe(3);
    // Thu 12-31 → Mon 01-04: Fri 01-01 is a weekday here (no calendar given).
    expect(workdaysBetween('2026-12-31', '2027-01-04', NO_CALENDAR)).toBe(2);
    expect(workdaysBetween('2026-12-31', '2027-01-04', new Map([['2027-01-01', false]]))).toBe(1);
  });
});

describe('filingState (告知性备案 within 20 working days)', () => {
  const due = '2026-10-29';

  it('filed on the due date is FILED; one working day later is FILED_LATE by 1', () => {
    expect(filingState('2026-09-24', due, '2026-11-22', 20, CAL_2026)).toEqual({ state: 'FILED', dueOn: due, workdays: 0 });
    expect(filingState('2026-09-24', '2026-10-30', '2026-11-22', 20, CAL_2026)).toEqual({ state: 'FILED_LATE', dueOn: due, workdays: 1 });
    expect(filingState('2026-09-24', '2026-11-02', '2026-11-22', 20, CAL_2026)).toEqual({ state: 'FILED_LATE', dueOn: due, workdays: 2 });
    // Filed the day after issue, even during the holiday.
    expect(filingState('2026-09-24', '2026-10-02', '2026-11-22', 20, CAL_2026)).toEqual({ state: 'FILED', dueOn: due, workdays: 0 });
    // The same filing judged without the holiday calendar would be late.
    expect(filingState('2026-09-24', due, '2026-11-22', 20, NO_CALENDAR).state).toBe('FILED_LATE');
  });

  it('not filed: PENDING with the working days left up to and on the due date, then OVERDUE', () => {
    expect(filingState('2026-09-24', null, '2026-09-24', 20, CAL_2026)).toEqual({ state: 'PENDING', dueOn: due, workdays: 20 });
    // During the holiday nothing is used up.
    expect(filingState('2026-09-24', null, '2026-09-30', 20, CAL_2026)).toEqual({ state: 'PENDING', dueOn: due, workdays: 17 });
    expect(filingState('2026-09-24', null, '2026-10-05', 20, CAL_2026)).toEqual({ state: 'PENDING', dueOn: due, workdays: 17 });
    expect(filingState('2026-09-24', null, '2026-10-28', 20, CAL_2026)).toEqual({ state: 'PENDING', dueOn: due, workdays: 1 });
    expect(filingState('2026-09-24', null, due, 20, CAL_2026)).toEqual({ state: 'PENDING', dueOn: due, workdays: 0 });
    expect(filingState('2026-09-24', null, '2026-10-30', 20, CAL_2026)).toEqual({ state: 'OVERDUE', dueOn: due, workdays: 1 });
    // Fri 10-30 → Sun 11-22: 16 working days late.
    expect(filingState('2026-09-24', null, '2026-11-22', 20, CAL_2026)).toEqual({ state: 'OVERDUE', dueOn: due, workdays: 16 });
  });

  it('the number of working days is a setting', () => {
    expect(filingState('2026-09-24', null, '2026-09-24', 5, CAL_2026).dueOn).toBe('2026-10-09');
    expect(filingState('2026-09-24', '2026-10-09', '2026-11-22', 5, CAL_2026).state).toBe('FILED');
    expect(filingState('2026-09-24', '2026-10-10', '2026-11-22', 5, CAL_2026)).toEqual({ state: 'FILED_LATE', dueOn: '2026-10-09', workdays: 1 });
  });
});

describe('revisionState', () => {
  const today = '2026-11-22';

  it('no date and no trigger: OK without a due date', () => {
    expect(revisionState(null, [], today, 60)).toEqual({ state: 'OK', dueOn: null });
  });

  it('the next revision date: OK, DUE_SOON within the warning days (inclusive), OVERDUE the day after', () => {
    expect(revisionState('2029-09-24', [], today, 60)).toEqual({ state: 'OK', dueOn: '2029-09-24' });
    expect(revisionState('2027-01-22', [], today, 60)).toEqual({ state: 'OK', dueOn: '2027-01-22' }); // 61 days
    expect(revisionState('2027-01-21', [], today, 60)).toEqual({ state: 'DUE_SOON', dueOn: '2027-01-21' }); // 60 days
    expect(revisionState(today, [], today, 60)).toEqual({ state: 'DUE_SOON', dueOn: today });
    expect(revisionState('2026-11-21', [], today, 60)).toEqual({ state: 'OVERDUE', dueOn: '2026-11-21' });
  });

  it('an open trigger makes the plan TRIGGERED at once; its own due date counts when earlier', () => {
    expect(revisionState('2029-09-24', [{ dueOn: null }], today, 60)).toEqual({ state: 'TRIGGERED', dueOn: '2029-09-24' });
    expect(revisionState(null, [{ dueOn: null }], today, 60)).toEqual({ state: 'TRIGGERED', dueOn: null });
    expect(revisionState('2029-09-24', [{ dueOn: '2027-03-01' }, { dueOn: '2026-12-31' }, { dueOn: null }], today, 60)).toEqual({ state: 'TRIGGERED', dueOn: '2026-12-31' });
    // A trigger due within the warning days is still TRIGGERED (stronger than DUE_SOON).
    expect(revisionState('2029-09-24', [{ dueOn: '2026-11-30' }], today, 60)).toEqual({ state: 'TRIGGERED', dueOn: '2026-11-30' });
    expect(revisionState('2029-09-24', [{ dueOn: today }], today, 60)).toEqual({ state: 'TRIGGERED', dueOn: today });
  });

  it('a trigger past its due date, or a revision date past with a trigger open, is OVERDUE', () => {
    expect(revisionState('2029-09-24', [{ dueOn: '2026-11-21' }], today, 60)).toEqual({ state: 'OVERDUE', dueOn: '2026-11-21' });
    expect(revisionState('2026-11-01', [{ dueOn: null }], today, 60)).toEqual({ state: 'OVERDUE', dueOn: '2026-11-01' });
  });
});

const RULES: DrillRuleDef[] = [
  { key: 'YEAR_COMPREHENSIVE_OR_SPECIFIC', label: '每年综合或专项', period: 'YEAR', minCount: 1, planTypes: ['COMPREHENSIVE', 'SPECIFIC'], requireReport: false, appliesTo: 'ALL', basis: '第三十三条', enabled: true },
  { key: 'HALF_YEAR_ONSITE', label: '每半年现场处置方案', period: 'HALF_YEAR', minCount: 1, planTypes: ['ONSITE'], requireReport: false, appliesTo: 'ALL', basis: '第三十三条', enabled: true },
  { key: 'HALF_YEAR_HIGH_RISK_REPORT', label: '高危每半年并报送', period: 'HALF_YEAR', minCount: 1, planTypes: ['COMPREHENSIVE', 'SPECIFIC', 'ONSITE'], requireReport: true, appliesTo: 'HIGH_RISK', basis: '应急条例第八条', enabled: true },
];

const drill = (id: string, drillDate: string, planType: DrillFact['planType'], reportedOn: string | null = null): DrillFact => ({ id, drillDate, planType, reportedOn });

/** `rule key → period key → state` for compact assertions. */
function states(rules: ReturnType<typeof drillCompliance>): Record<string, Record<string, string>> {
  return Object.fromEntries(rules.map((r) => [r.rule.key, Object.fromEntries(r.periods.map((p) => [p.key, p.state]))]));
}

function period(rules: ReturnType<typeof drillCompliance>, ruleKey: string, periodKey: string) {
  return rules.find((r) => r.rule.key === ruleKey)!.periods.find((p) => p.key === periodKey)!;
}

describe('rulePeriods', () => {
  it('a year is one period; half-years split at 06-30 / 07-01', () => {
    expect(rulePeriods('YEAR', 2026)).toEqual([{ key: '2026', label: '2026 年', from: '2026-01-01', to: '2026-12-31', months: [1, 12] }]);
    expect(rulePeriods('HALF_YEAR', 2026)).toEqual([
      { key: '2026-H1', label: '2026 年上半年', from: '2026-01-01', to: '2026-06-30', months: [1, 6] },
      { key: '2026-H2', label: '2026 年下半年', from: '2026-07-01', to: '2026-12-31', months: [7, 12] },
    ]);
  });
});

describe('applicableRules / industryListed', () => {
  it('HIGH_RISK rules bind only high-risk enterprises; disabled rules never bind', () => {
    expect(applicableRules(RULES, false).map((r) => r.key)).toEqual(['YEAR_COMPREHENSIVE_OR_SPECIFIC', 'HALF_YEAR_ONSITE']);
    expect(applicableRules(RULES, true).map((r) => r.key)).toEqual(['YEAR_COMPREHENSIVE_OR_SPECIFIC', 'HALF_YEAR_ONSITE', 'HALF_YEAR_HIGH_RISK_REPORT']);
    const disabled = RULES.map((r) => (r.key === 'HALF_YEAR_ONSITE' || r.key === 'HALF_YEAR_HIGH_RISK_REPORT' ? { ...r, enabled: false } : r));
    expect(applicableRules(disabled, true).map((r) => r.key)).toEqual(['YEAR_COMPREHENSIVE_OR_SPECIFIC']);
  });

  it('matches an industry code or SECTOR:<sector>', () => {
    const list = ['HAZARDOUS_CHEMICALS', 'MINING', 'SECTOR:METALLURGY'];
    expect(industryListed(list, 'MINING', null)).toBe(true);
    expect(industryListed(list, 'INDUSTRY_TRADE', 'METALLURGY')).toBe(true);
    expect(industryListed(list, 'INDUSTRY_TRADE', 'MACHINERY')).toBe(false);
    expect(industryListed(list, 'INDUSTRY_TRADE', null)).toBe(false);
    // A sector code is not an industry code.
    expect(industryListed(list, 'METALLURGY', null)).toBe(false);
    expect(industryListed([], 'MINING', 'METALLURGY')).toBe(false);
  });
});

describe('drillCompliance across half-year and year boundaries', () => {
  it('a drill on 06-30 counts for H1 only, one on 07-01 for H2 only', () => {
    const onJune30 = drillCompliance(RULES, false, [drill('a', '2026-06-30', 'ONSITE')], [], 2026, '2026-11-22');
    expect(states(onJune30).HALF_YEAR_ONSITE).toEqual({ '2026-H1': 'MET', '2026-H2': 'DUE' });
    expect(period(onJune30, 'HALF_YEAR_ONSITE', '2026-H1')).toMatchObject({ done: 1, required: 1, drillIds: ['a'] });
    expect(period(onJune30, 'HALF_YEAR_ONSITE', '2026-H2')).toMatchObject({ done: 0, drillIds: [] });

    const onJuly1 = drillCompliance(RULES, false, [drill('b', '2026-07-01', 'ONSITE')], [], 2026, '2026-11-22');
    expect(states(onJuly1).HALF_YEAR_ONSITE).toEqual({ '2026-H1': 'MISSED', '2026-H2': 'MET' });
  });

  it('12-31 belongs to the year and its second half; 01-01 of the next year to neither', () => {
    const drills = [drill('dec', '2026-12-31', 'ONSITE'), drill('jan', '2027-01-01', 'ONSITE'), drill('sp', '2027-01-01', 'SPECIFIC')];
    const y2026 = drillCompliance(RULES, false, drills, [], 2026, '2027-01-02');
    expect(states(y2026)).toEqual({ YEAR_COMPREHENSIVE_OR_SPECIFIC: { '2026': 'MISSED' }, HALF_YEAR_ONSITE: { '2026-H1': 'MISSED', '2026-H2': 'MET' } });
    expect(period(y2026, 'HALF_YEAR_ONSITE', '2026-H2').drillIds).toEqual(['dec']);
    const y2027 = drillCompliance(RULES, false, drills, [], 2027, '2027-01-02');
    expect(states(y2027)).toEqual({ YEAR_COMPREHENSIVE_OR_SPECIFIC: { '2027': 'MET' }, HALF_YEAR_ONSITE: { '2027-H1': 'MET', '2027-H2': 'UPCOMING' } });
    expect(period(y2027, 'HALF_YEAR_ONSITE', '2027-H1').drillIds).toEqual(['jan']);
    expect(period(y2027, 'YEAR_COMPREHENSIVE_OR_SPECIFIC', '2027').drillIds).toEqual(['sp']);
  });

  it('YEAR rules look at the whole year; a drill of either half satisfies them', () => {
    for (const d of ['2026-01-01', '2026-06-30', '2026-07-01', '2026-12-31']) {
      expect(states(drillCompliance(RULES, false, [drill('x', d, 'COMPREHENSIVE')], [], 2026, '2026-11-22')).YEAR_COMPREHENSIVE_OR_SPECIFIC).toEqual({ '2026': 'MET' });
    }
    expect(states(drillCompliance(RULES, false, [drill('x', '2025-12-31', 'COMPREHENSIVE')], [], 2026, '2026-11-22')).YEAR_COMPREHENSIVE_OR_SPECIFIC).toEqual({ '2026': 'DUE' });
  });

  it('only drills of the rule plan types count', () => {
    // An on-site drill does not meet the yearly 综合/专项 rule, and a 专项 drill does not meet the half-year on-site rule.
    const r = drillCompliance(RULES, false, [drill('o', '2026-03-01', 'ONSITE'), drill('s', '2026-09-01', 'SPECIFIC')], [], 2026, '2026-12-31');
    expect(states(r)).toEqual({ YEAR_COMPREHENSIVE_OR_SPECIFIC: { '2026': 'MET' }, HALF_YEAR_ONSITE: { '2026-H1': 'MET', '2026-H2': 'DUE' } });
    expect(period(r, 'YEAR_COMPREHENSIVE_OR_SPECIFIC', '2026').drillIds).toEqual(['s']);
    expect(period(r, 'HALF_YEAR_ONSITE', '2026-H2').drillIds).toEqual([]);
  });

  it('MISSED only once the period has ended; DUE while it runs (first and last day); UPCOMING before it starts', () => {
    const judge = (today: string) => states(drillCompliance(RULES, false, [], [], 2026, today)).HALF_YEAR_ONSITE;
    expect(judge('2025-12-31')).toEqual({ '2026-H1': 'UPCOMING', '2026-H2': 'UPCOMING' });
    expect(judge('2026-01-01')).toEqual({ '2026-H1': 'DUE', '2026-H2': 'UPCOMING' });
    expect(judge('2026-06-30')).toEqual({ '2026-H1': 'DUE', '2026-H2': 'UPCOMING' });
    expect(judge('2026-07-01')).toEqual({ '2026-H1': 'MISSED', '2026-H2': 'DUE' });
    expect(judge('2026-12-31')).toEqual({ '2026-H1': 'MISSED', '2026-H2': 'DUE' });
    expect(judge('2027-01-01')).toEqual({ '2026-H1': 'MISSED', '2026-H2': 'MISSED' });
    const year = (today: string) => states(drillCompliance(RULES, false, [], [], 2026, today)).YEAR_COMPREHENSIVE_OR_SPECIFIC;
    expect(year('2026-12-31')).toEqual({ '2026': 'DUE' });
    expect(year('2027-01-01')).toEqual({ '2026': 'MISSED' });
    expect(year('2025-06-01')).toEqual({ '2026': 'UPCOMING' });
  });

  it('a period met stays MET whatever the day', () => {
    const d = [drill('a', '2026-02-01', 'ONSITE')];
    for (const today of ['2026-02-01', '2026-06-30', '2026-07-01', '2030-01-01']) {
      expect(states(drillCompliance(RULES, false, d, [], 2026, today)).HALF_YEAR_ONSITE?.['2026-H1']).toBe('MET');
    }
  });

  it('HIGH_RISK rules appear only for high-risk enterprises; requireReport: held but unreported is NOT_REPORTED, reported is MET', () => {
    const unreported = [drill('a', '2026-05-10', 'SPECIFIC'), drill('b', '2026-08-10', 'ONSITE')];
    expect(drillCompliance(RULES, false, unreported, [], 2026, '2026-11-22').map((r) => r.rule.key)).not.toContain('HALF_YEAR_HIGH_RISK_REPORT');
    const hr = drillCompliance(RULES, true, unreported, [], 2026, '2026-11-22');
    expect(states(hr).HALF_YEAR_HIGH_RISK_REPORT).toEqual({ '2026-H1': 'NOT_REPORTED', '2026-H2': 'NOT_REPORTED' });
    // done counts reported drills only; the drills held are still listed.
    expect(period(hr, 'HALF_YEAR_HIGH_RISK_REPORT', '2026-H1')).toMatchObject({ done: 0, drillIds: ['a'] });
    // NOT_REPORTED even after the period ended (the drill was held; the report is what is missing).
    expect(states(drillCompliance(RULES, true, unreported, [], 2026, '2027-03-01')).HALF_YEAR_HIGH_RISK_REPORT).toEqual({ '2026-H1': 'NOT_REPORTED', '2026-H2': 'NOT_REPORTED' });

    const reported = [drill('a', '2026-05-10', 'SPECIFIC', '2026-05-12'), drill('b', '2026-08-10', 'ONSITE')];
    const r = drillCompliance(RULES, true, reported, [], 2026, '2026-11-22');
    expect(states(r).HALF_YEAR_HIGH_RISK_REPORT).toEqual({ '2026-H1': 'MET', '2026-H2': 'NOT_REPORTED' });
    expect(period(r, 'HALF_YEAR_HIGH_RISK_REPORT', '2026-H1')).toMatchObject({ done: 1, drillIds: ['a'] });
    // Rules without requireReport ignore the report.
    expect(states(r).HALF_YEAR_ONSITE).toEqual({ '2026-H1': 'MISSED', '2026-H2': 'MET' });
    // Nothing held in H2 of a high-risk enterprise while the period runs: DUE, after it MISSED.
    expect(states(drillCompliance(RULES, true, [], [], 2026, '2026-11-22')).HALF_YEAR_HIGH_RISK_REPORT).toEqual({ '2026-H1': 'MISSED', '2026-H2': 'DUE' });
  });

  it('minCount above one: one of two is DUE, or NOT_REPORTED only when enough were held', () => {
    const twice: DrillRuleDef[] = [{ ...RULES[2]!, key: 'TWICE', minCount: 2, appliesTo: 'ALL' }];
    expect(period(drillCompliance(twice, false, [drill('a', '2026-03-01', 'ONSITE', '2026-03-02')], [], 2026, '2026-05-01'), 'TWICE', '2026-H1')).toMatchObject({ state: 'DUE', done: 1, required: 2 });
    expect(period(drillCompliance(twice, false, [drill('a', '2026-03-01', 'ONSITE', '2026-03-02')], [], 2026, '2026-07-01'), 'TWICE', '2026-H1').state).toBe('MISSED');
    expect(period(drillCompliance(twice, false, [drill('a', '2026-03-01', 'ONSITE', '2026-03-02'), drill('b', '2026-04-01', 'ONSITE')], [], 2026, '2026-05-01'), 'TWICE', '2026-H1')).toMatchObject({ state: 'NOT_REPORTED', done: 1 });
    expect(period(drillCompliance(twice, false, [drill('a', '2026-03-01', 'ONSITE', '2026-03-02'), drill('b', '2026-04-01', 'ONSITE', '2026-04-01')], [], 2026, '2026-05-01'), 'TWICE', '2026-H1')).toMatchObject({ state: 'MET', done: 2 });
  });

  it('disabled rules are ignored', () => {
    const rules = RULES.map((r) => ({ ...r, enabled: r.key !== 'HALF_YEAR_ONSITE' }));
    expect(drillCompliance(rules, true, [], [], 2026, '2026-11-22').map((r) => r.rule.key)).toEqual(['YEAR_COMPREHENSIVE_OR_SPECIFIC', 'HALF_YEAR_HIGH_RISK_REPORT']);
    expect(drillCompliance([], true, [], [], 2026, '2026-11-22')).toEqual([]);
  });

  it('open plan items count as planned in their period for the rule plan types only', () => {
    const planned: PlannedFact[] = [
      { plannedMonth: 6, planType: 'ONSITE', open: true },
      { plannedMonth: 7, planType: 'ONSITE', open: true },
      { plannedMonth: 12, planType: 'ONSITE', open: true },
      { plannedMonth: 9, planType: 'ONSITE', open: false },
      { plannedMonth: 10, planType: 'SPECIFIC', open: true },
    ];
    const r = drillCompliance(RULES, true, [], planned, 2026, '2026-05-01');
    expect(period(r, 'HALF_YEAR_ONSITE', '2026-H1').planned).toBe(1);
    expect(period(r, 'HALF_YEAR_ONSITE', '2026-H2').planned).toBe(2);
    expect(period(r, 'YEAR_COMPREHENSIVE_OR_SPECIFIC', '2026').planned).toBe(1);
    expect(period(r, 'HALF_YEAR_HIGH_RISK_REPORT', '2026-H2').planned).toBe(3);
  });
});

describe('drillItemState (annual plan item)', () => {
  it('done in its month or before is DONE, after its month LATE', () => {
    expect(drillItemState(2026, 6, '2026-06-01', false, '2026-11-22')).toBe('DONE');
    expect(drillItemState(2026, 6, '2026-06-30', false, '2026-11-22')).toBe('DONE');
    expect(drillItemState(2026, 6, '2026-03-15', false, '2026-11-22')).toBe('DONE');
    expect(drillItemState(2026, 6, '2026-07-01', false, '2026-11-22')).toBe('LATE');
    expect(drillItemState(2026, 12, '2026-12-31', false, '2027-01-05')).toBe('DONE');
  });

  it('not done: PLANNED before its month, DUE in it, MISSED once it has ended', () => {
    expect(drillItemState(2026, 6, null, false, '2026-05-31')).toBe('PLANNED');
    expect(drillItemState(2026, 6, null, false, '2026-06-01')).toBe('DUE');
    expect(drillItemState(2026, 6, null, false, '2026-06-30')).toBe('DUE');
    expect(drillItemState(2026, 6, null, false, '2026-07-01')).toBe('MISSED');
    expect(drillItemState(2026, 12, null, false, '2026-12-31')).toBe('DUE');
    expect(drillItemState(2026, 12, null, false, '2027-01-01')).toBe('MISSED');
    expect(drillItemState(2027, 1, null, false, '2026-12-31')).toBe('PLANNED');
  });

  it('cancelled items are CANCELLED whatever the day; a held drill wins over a cancellation', () => {
    expect(drillItemState(2026, 6, null, true, '2026-05-01')).toBe('CANCELLED');
    expect(drillItemState(2026, 6, null, true, '2026-06-15')).toBe('CANCELLED');
    expect(drillItemState(2026, 6, null, true, '2027-01-01')).toBe('CANCELLED');
    expect(drillItemState(2026, 6, '2026-06-15', true, '2027-01-01')).toBe('DONE');
  });
});
