import { describe, expect, it } from 'vitest';
import { isoWeek, isWorkday, periodLabel, periodOf, periodsBetween, type Frequency, type Period, type WorkCalendar } from '../../main/domain/schedule.ts';

const NO_CALENDAR: WorkCalendar = new Map();

/** A slice of the 2026 arrangement: 国庆 10-01…10-07 off, 09-20 (Sun) and 10-10 (Sat) worked. */
const CAL_2026: WorkCalendar = new Map([
  ['2026-09-20', true],
  ['2026-10-01', false],
  ['2026-10-02', false],
  ['2026-10-03', false],
  ['2026-10-04', false],
  ['2026-10-05', false],
  ['2026-10-06', false],
  ['2026-10-07', false],
  ['2026-10-10', true],
]);

const plan = (frequency: Frequency, startsOn: string, endsOn: string | null = null, skipNonWorkdays = false) => ({ frequency, startsOn, endsOn, skipNonWorkdays });
const keys = (ps: Period[]) => ps.map((p) => p.key);

describe('working days', () => {
  it('weekdays work and weekends rest when the calendar says nothing', () => {
    expect(isWorkday('2026-11-20', NO_CALENDAR)).toBe(true); // Friday
    expect(isWorkday('2026-11-21', NO_CALENDAR)).toBe(false); // Saturday
    expect(isWorkday('2026-11-22', NO_CALENDAR)).toBe(false); // Sunday
  });

  it('the calendar overrides both ways: a weekday holiday rests, an adjusted weekend day works', () => {
    expect(isWorkday('2026-10-01', CAL_2026)).toBe(false); // Thursday, 国庆
    expect(isWorkday('2026-10-10', CAL_2026)).toBe(true); // Saturday, 调休上班
    expect(isWorkday('2026-09-20', CAL_2026)).toBe(true); // Sunday, 调休上班
    expect(isWorkday('2026-10-11', CAL_2026)).toBe(false); // an ordinary Sunday
  });
});

describe('DAILY', () => {
  it('is one period per day, due the same day', () => {
    expect(periodOf('DAILY', '2026-11-22')).toEqual({ key: '2026-11-22', start: '2026-11-22', end: '2026-11-22' });
  });

  it('without skipping, lists every calendar day including weekends and holidays', () => {
    const ps = periodsBetween(plan('DAILY', '2026-09-30'), '2026-09-30', '2026-10-03', CAL_2026);
    expect(keys(ps)).toEqual(['2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03']);
    expect(ps.every((p) => p.start === p.key && p.end === p.key)).toBe(true);
  });

  it('skipping non-working days leaves out weekends and holidays but keeps adjusted working days', () => {
    const ps = periodsBetween(plan('DAILY', '2026-09-18', null, true), '2026-09-18', '2026-10-12', CAL_2026);
    expect(keys(ps)).toEqual([
      '2026-09-18', // Fri
      '2026-09-20', // Sun, 调休上班 (09-19 Sat rests)
      '2026-09-21',
      '2026-09-22',
      '2026-09-23',
      '2026-09-24',
      '2026-09-25',
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      // 10-01…10-07 国庆
      '2026-10-08',
      '2026-10-09',
      '2026-10-10', // Sat, 调休上班
      '2026-10-12', // Mon (10-11 Sun rests)
    ]);
  });

  it('skipping with an empty calendar is plain Monday–Friday', () => {
    const ps = periodsBetween(plan('DAILY', '2026-11-19', null, true), '2026-11-19', '2026-11-24', NO_CALENDAR);
    expect(keys(ps)).toEqual(['2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24']);
  });

  it('a range of only rest days yields nothing', () => {
    expect(periodsBetween(plan('DAILY', '2026-10-01', null, true), '2026-10-01', '2026-10-07', CAL_2026)).toEqual([]);
  });
});

describe('WEEKLY (ISO weeks, Monday–Sunday)', () => {
  it('keys by ISO week and runs Monday to Sunday', () => {
    expect(periodOf('WEEKLY', '2026-11-22')).toEqual({ key: '2026-W47', start: '2026-11-16', end: '2026-11-22' });
    expect(periodOf('WEEKLY', '2026-11-16')).toEqual({ key: '2026-W47', start: '2026-11-16', end: '2026-11-22' });
    expect(periodOf('WEEKLY', '2026-11-23').key).toBe('2026-W48');
  });

  it('2026 has 53 weeks: 2026-12-28…2027-01-03 is 2026-W53, and 2027-W01 starts on 2027-01-04', () => {
    for (const d of ['2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03']) {
      expect(periodOf('WEEKLY', d), d).toEqual({ key: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
    }
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(periodOf('WEEKLY', '2027-01-04')).toEqual({ key: '2027-W01', start: '2027-01-04', end: '2027-01-10' });
  });

  it('late-December days can belong to week 1 of the next year', () => {
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(periodOf('WEEKLY', '2024-12-30')).toEqual({ key: '2025-W01', start: '2024-12-30', end: '2025-01-05' });
    expect(periodOf('WEEKLY', '2024-12-29').key).toBe('2024-W52');
  });

  it('early-January days can belong to the last week of the previous year', () => {
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2023-01-01')).toEqual({ year: 2022, week: 52 });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(periodOf('WEEKLY', '2026-01-01')).toEqual({ key: '2026-W01', start: '2025-12-29', end: '2026-01-04' });
  });

  it('lists consecutive weeks across the year end without gaps or repeats', () => {
    const ps = periodsBetween(plan('WEEKLY', '2026-12-16'), '2026-12-16', '2027-01-12', NO_CALENDAR);
    expect(keys(ps)).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(ps[0]).toEqual({ key: '2026-W51', start: '2026-12-14', end: '2026-12-20' });
    expect(ps[4]).toEqual({ key: '2027-W02', start: '2027-01-11', end: '2027-01-17' });
  });
});

describe('MONTHLY', () => {
  it('covers the calendar month, due on its last day', () => {
    expect(periodOf('MONTHLY', '2026-11-22')).toEqual({ key: '2026-11', start: '2026-11-01', end: '2026-11-30' });
    expect(periodOf('MONTHLY', '2026-12-31')).toEqual({ key: '2026-12', start: '2026-12-01', end: '2026-12-31' });
    expect(periodOf('MONTHLY', '2026-04-01').end).toBe('2026-04-30');
  });

  it('ends February on the 29th only in leap years (2100 is not one)', () => {
    expect(periodOf('MONTHLY', '2028-02-10')).toEqual({ key: '2028-02', start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('MONTHLY', '2026-02-10')).toEqual({ key: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    expect(periodOf('MONTHLY', '2100-02-10').end).toBe('2100-02-28');
    expect(periodOf('MONTHLY', '2000-02-10').end).toBe('2000-02-29');
  });

  it('lists months across month ends and the year end', () => {
    const ps = periodsBetween(plan('MONTHLY', '2027-12-31'), '2027-12-31', '2028-03-01', NO_CALENDAR);
    expect(ps).toEqual([
      { key: '2027-12', start: '2027-12-01', end: '2027-12-31' },
      { key: '2028-01', start: '2028-01-01', end: '2028-01-31' },
      { key: '2028-02', start: '2028-02-01', end: '2028-02-29' },
      { key: '2028-03', start: '2028-03-01', end: '2028-03-31' },
    ]);
  });
});

describe('QUARTERLY', () => {
  it('keys Q1–Q4 and ends on the quarter’s last day', () => {
    expect(periodOf('QUARTERLY', '2026-01-01')).toEqual({ key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect(periodOf('QUARTERLY', '2026-03-31').key).toBe('2026-Q1');
    expect(periodOf('QUARTERLY', '2026-04-01')).toEqual({ key: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    expect(periodOf('QUARTERLY', '2026-08-15')).toEqual({ key: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(periodOf('QUARTERLY', '2026-11-22')).toEqual({ key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
  });

  it('lists quarters across the year end', () => {
    const ps = periodsBetween(plan('QUARTERLY', '2026-11-22'), '2026-11-22', '2027-04-01', NO_CALENDAR);
    expect(keys(ps)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(ps[1]).toEqual({ key: '2027-Q1', start: '2027-01-01', end: '2027-03-31' });
  });
});

describe('ONCE', () => {
  it('is the plan’s whole span, or just its start day when open-ended', () => {
    expect(periodOf('ONCE', '2026-06-15', { startsOn: '2026-06-01', endsOn: '2026-06-30' })).toEqual({ key: 'ONCE', start: '2026-06-01', end: '2026-06-30' });
    expect(periodOf('ONCE', '2026-06-15', { startsOn: '2026-06-01', endsOn: null })).toEqual({ key: 'ONCE', start: '2026-06-01', end: '2026-06-01' });
    expect(periodOf('ONCE', '2026-06-15')).toEqual({ key: 'ONCE', start: '2026-06-15', end: '2026-06-15' });
  });

  it('gives one period once the plan has started, whatever the range', () => {
    const p = plan('ONCE', '2026-06-01', '2026-06-30');
    expect(periodsBetween(p, '2026-06-01', '2026-06-10', NO_CALENDAR)).toEqual([{ key: 'ONCE', start: '2026-06-01', end: '2026-06-30' }]);
    expect(periodsBetween(p, '2026-06-20', '2026-12-31', NO_CALENDAR)).toEqual([{ key: 'ONCE', start: '2026-06-01', end: '2026-06-30' }]);
    expect(periodsBetween(p, '2026-05-01', '2026-05-31', NO_CALENDAR)).toEqual([]);
    expect(periodsBetween(p, '2026-07-01', '2026-07-31', NO_CALENDAR)).toEqual([]);
  });
});

describe('plans starting or ending mid-period', () => {
  it('a plan starting mid-period is still due in that period, over the whole period', () => {
    expect(periodsBetween(plan('WEEKLY', '2026-11-19'), '2026-11-19', '2026-11-30', NO_CALENDAR)).toEqual([
      { key: '2026-W47', start: '2026-11-16', end: '2026-11-22' },
      { key: '2026-W48', start: '2026-11-23', end: '2026-11-29' },
      { key: '2026-W49', start: '2026-11-30', end: '2026-12-06' },
    ]);
    expect(periodsBetween(plan('MONTHLY', '2026-11-22'), '2026-11-22', '2026-11-22', NO_CALENDAR)).toEqual([{ key: '2026-11', start: '2026-11-01', end: '2026-11-30' }]);
  });

  it('a plan ending mid-period is due on its end date in that last period', () => {
    expect(periodsBetween(plan('WEEKLY', '2026-11-16', '2026-11-25'), '2026-11-16', '2026-12-31', NO_CALENDAR)).toEqual([
      { key: '2026-W47', start: '2026-11-16', end: '2026-11-22' },
      { key: '2026-W48', start: '2026-11-23', end: '2026-11-25' },
    ]);
    expect(periodsBetween(plan('MONTHLY', '2026-01-15', '2026-03-10'), '2026-01-01', '2026-12-31', NO_CALENDAR)).toEqual([
      { key: '2026-01', start: '2026-01-01', end: '2026-01-31' },
      { key: '2026-02', start: '2026-02-01', end: '2026-02-28' },
      { key: '2026-03', start: '2026-03-01', end: '2026-03-10' },
    ]);
    expect(periodsBetween(plan('QUARTERLY', '2026-02-01', '2026-05-15'), '2026-02-01', '2026-12-31', NO_CALENDAR)).toEqual([
      { key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' },
      { key: '2026-Q2', start: '2026-04-01', end: '2026-05-15' },
    ]);
  });

  it('a plan ending exactly on a period end is not clipped', () => {
    expect(periodsBetween(plan('MONTHLY', '2026-01-01', '2026-02-28'), '2026-01-01', '2026-12-31', NO_CALENDAR).at(-1)).toEqual({ key: '2026-02', start: '2026-02-01', end: '2026-02-28' });
  });

  it('a daily plan stops on its end date', () => {
    expect(keys(periodsBetween(plan('DAILY', '2026-11-20', '2026-11-22'), '2026-11-01', '2026-11-30', NO_CALENDAR))).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
  });
});

describe('periodsBetween range boundaries', () => {
  it('starts at the later of the plan start and `from`', () => {
    // Plan started long ago; generation resumes from `from`.
    expect(keys(periodsBetween(plan('DAILY', '2026-01-01'), '2026-11-20', '2026-11-22', NO_CALENDAR))).toEqual(['2026-11-20', '2026-11-21', '2026-11-22']);
    // `from` before the plan start: nothing before the plan start.
    expect(keys(periodsBetween(plan('DAILY', '2026-11-21'), '2026-11-01', '2026-11-22', NO_CALENDAR))).toEqual(['2026-11-21', '2026-11-22']);
  });

  it('includes a period when `from` falls inside it (the period has started)', () => {
    expect(keys(periodsBetween(plan('WEEKLY', '2026-01-01'), '2026-11-18', '2026-11-24', NO_CALENDAR))).toEqual(['2026-W47', '2026-W48']);
    expect(keys(periodsBetween(plan('MONTHLY', '2026-01-01'), '2026-11-30', '2026-12-01', NO_CALENDAR))).toEqual(['2026-11', '2026-12']);
  });

  it('includes the period that starts exactly on `until`, but not one starting after it', () => {
    expect(keys(periodsBetween(plan('WEEKLY', '2026-01-01'), '2026-11-16', '2026-11-23', NO_CALENDAR))).toEqual(['2026-W47', '2026-W48']);
    expect(keys(periodsBetween(plan('WEEKLY', '2026-01-01'), '2026-11-16', '2026-11-22', NO_CALENDAR))).toEqual(['2026-W47']);
    expect(keys(periodsBetween(plan('DAILY', '2026-01-01'), '2026-11-22', '2026-11-22', NO_CALENDAR))).toEqual(['2026-11-22']);
  });

  it('is empty when the range is inverted, before the plan, or after its end', () => {
    expect(periodsBetween(plan('DAILY', '2026-01-01'), '2026-11-23', '2026-11-22', NO_CALENDAR)).toEqual([]);
    expect(periodsBetween(plan('MONTHLY', '2026-12-01'), '2026-01-01', '2026-11-30', NO_CALENDAR)).toEqual([]);
    expect(periodsBetween(plan('WEEKLY', '2026-01-01', '2026-06-30'), '2026-07-01', '2026-12-31', NO_CALENDAR)).toEqual([]);
  });

  it('resuming the day after the last due date continues without repeats (how tasks are generated)', () => {
    const p = plan('WEEKLY', '2026-11-19');
    const first = periodsBetween(p, p.startsOn, '2026-11-25', NO_CALENDAR);
    const next = periodsBetween(p, '2026-11-30', '2026-12-08', NO_CALENDAR); // last due 11-29 + 1
    expect(keys([...first, ...next])).toEqual(['2026-W47', '2026-W48', '2026-W49', '2026-W50']);
  });
});

describe('periodLabel', () => {
  it('writes each frequency in Chinese', () => {
    expect(periodLabel('DAILY', periodOf('DAILY', '2026-11-22'))).toBe('2026年11月22日');
    expect(periodLabel('DAILY', periodOf('DAILY', '2026-01-05'))).toBe('2026年1月5日');
    expect(periodLabel('WEEKLY', periodOf('WEEKLY', '2026-11-22'))).toBe('2026年第47周（11月16日–11月22日）');
    expect(periodLabel('WEEKLY', periodOf('WEEKLY', '2027-01-08'))).toBe('2027年第1周（1月4日–1月10日）');
    expect(periodLabel('MONTHLY', periodOf('MONTHLY', '2026-11-22'))).toBe('2026年11月');
    expect(periodLabel('MONTHLY', periodOf('MONTHLY', '2026-02-01'))).toBe('2026年2月');
    expect(periodLabel('QUARTERLY', periodOf('QUARTERLY', '2026-02-01'))).toBe('2026年第一季度');
    expect(periodLabel('QUARTERLY', periodOf('QUARTERLY', '2026-05-01'))).toBe('2026年第二季度');
    expect(periodLabel('QUARTERLY', periodOf('QUARTERLY', '2026-08-01'))).toBe('2026年第三季度');
    expect(periodLabel('QUARTERLY', periodOf('QUARTERLY', '2026-11-22'))).toBe('2026年第四季度');
  });

  it('names the ISO week-year, not the calendar year, at year ends', () => {
    expect(periodLabel('WEEKLY', periodOf('WEEKLY', '2027-01-01'))).toBe('2026年第53周（12月28日–1月3日）');
    expect(periodLabel('WEEKLY', periodOf('WEEKLY', '2024-12-30'))).toBe('2025年第1周（12月30日–1月5日）');
  });

  it('shows a clipped last week with its real due date', () => {
    const [, last] = periodsBetween(plan('WEEKLY', '2026-11-16', '2026-11-25'), '2026-11-16', '2026-12-31', NO_CALENDAR);
    expect(periodLabel('WEEKLY', last!)).toBe('2026年第48周（11月23日–11月25日）');
  });

  it('writes a one-off plan as a day or a span, with the end year when it differs', () => {
    expect(periodLabel('ONCE', { key: 'ONCE', start: '2026-06-01', end: '2026-06-01' })).toBe('2026年6月1日');
    expect(periodLabel('ONCE', { key: 'ONCE', start: '2026-06-01', end: '2026-06-30' })).toBe('2026年6月1日–6月30日');
    expect(periodLabel('ONCE', { key: 'ONCE', start: '2026-12-15', end: '2027-01-15' })).toBe('2026年12月15日–2027年1月15日');
  });
});
