import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, dateInZone, dayStartInZone, diffDays, isoWeekday, minDate, zoneOffsetMs } from '../../main/domain/dates.ts';

describe('calendar-date math', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('clamps month ends and leap days', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2020-02-29', 6)).toBe('2026-02-28');
  });

  it('counts days and picks the earliest date', () => {
    expect(diffDays('2026-11-22', '2026-12-22')).toBe(30);
    expect(diffDays('2026-11-22', '2026-11-21')).toBe(-1);
    expect(minDate(null, '2027-01-01', '2026-05-01', undefined)).toBe('2026-05-01');
    expect(minDate(null)).toBeNull();
  });

  it('weeks start on Monday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });
});

describe('time zones', () => {
  const lateEvening = Date.UTC(2026, 10, 21, 17, 30); // 01:30 on the 22nd in Shanghai
  it('takes the calendar date in the enterprise zone, not the machine zone', () => {
    expect(dateInZone(lateEvening, 'Asia/Shanghai')).toBe('2026-11-22');
    expect(dateInZone(lateEvening, 'UTC')).toBe('2026-11-21');
    expect(dateInZone(lateEvening, 'Pacific/Kiritimati')).toBe('2026-11-22');
  });

  it('finds when a day starts in a zone, with and without daylight saving', () => {
    expect(dayStartInZone('2026-11-22', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 21, 16, 0));
    expect(dayStartInZone('2026-11-22', 'Asia/Shanghai', 1)).toBe(Date.UTC(2026, 10, 22, 16, 0));
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), 'Europe/Berlin')).toBe(2 * 3_600_000);
    expect(dayStartInZone('2026-07-01', 'Europe/Berlin')).toBe(Date.UTC(2026, 5, 30, 22, 0));
    expect(dayStartInZone('2026-03-29', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23, 0));
  });

  it('runs under the zone its test project sets', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ === 'UTC' ? 'UTC' : process.env.TZ);
  });
});
