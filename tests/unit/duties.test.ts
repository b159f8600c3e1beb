import { describe, expect, it } from 'vitest';
import { describeChanges, diffItems, grade, inForceOn, nextVersion, percent, periodRange, versionLabel } from '../../main/domain/duties.ts';

const item = (content: string, weight = 10) => ({ content, category: 'RULES', legalBasis: null, scope: null, assessmentStandard: null, weight });

describe('responsibility list versions', () => {
  it('are labelled by year and revision', () => {
    expect(versionLabel({ year: 2026, revision: 0 })).toBe('2026 版');
    expect(versionLabel({ year: 2026, revision: 2 })).toBe('2026 版（第 2 次修订）');
  });

  it('count revisions within a year and start again with a new year', () => {
    expect(nextVersion([], 2026)).toEqual({ year: 2026, revision: 0 });
    expect(nextVersion([{ year: 2026, revision: 0 }], 2026)).toEqual({ year: 2026, revision: 1 });
    expect(nextVersion([{ year: 2025, revision: 0 }, { year: 2025, revision: 1 }], 2026)).toEqual({ year: 2026, revision: 0 });
    expect(nextVersion([{ year: 2027, revision: 0 }], 2026)).toEqual({ year: 2027, revision: 1 });
  });

  it('answer which version was in force on a date', () => {
    const v = [
      { id: 'a', effectiveFrom: '2025-01-01', approvedAtMs: 1 },
      { id: 'b', effectiveFrom: '2026-01-01', approvedAtMs: 2 },
      { id: 'c', effectiveFrom: '2026-06-15', approvedAtMs: 3 },
      { id: 'd', effectiveFrom: '2026-06-15', approvedAtMs: 4 },
    ];
    expect(inForceOn(v, '2024-12-31')).toBeNull();
    expect(inForceOn(v, '2025-12-31')!.id).toBe('a');
    expect(inForceOn(v, '2026-01-01')!.id).toBe('b');
    expect(inForceOn(v, '2026-06-14')!.id).toBe('b');
    expect(inForceOn(v, '2026-06-15')!.id).toBe('d');
  });

  it('record what a revision changed', () => {
    const before = [item('甲'), item('乙'), item('丙'), item('丁')];
    const after = [item('甲'), item('乙', 20), item('丙改'), item('戊')];
    const c = diffItems(before, after);
    expect(c.modified).toEqual([{ before: '乙', after: '乙' }, { before: '丙', after: '丙改' }, { before: '丁', after: '戊' }]);
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
    const grown = diffItems(before, [...before, item('新')]);
    expect(grown).toEqual({ added: ['新'], removed: [], modified: [] });
    expect(describeChanges(diffItems(before, before.slice(1)))).toBe('删除 1 条');
    expect(describeChanges(diffItems(before, [item('甲'), item('乙2'), item('丙'), item('丁'), item('戊')]))).toBe('新增 1 条，修改 1 条');
    expect(describeChanges(diffItems(before, before))).toBe('条目未变');
  });
});

describe('assessment periods and grades', () => {
  it('bounds months, quarters and years, leap years included', () => {
    expect(periodRange('MONTH', 2028, 2)).toEqual({ label: '2028 年 2 月', startDate: '2028-02-01', endDate: '2028-02-29' });
    expect(periodRange('MONTH', 2026, 12)).toEqual({ label: '2026 年 12 月', startDate: '2026-12-01', endDate: '2026-12-31' });
    expect(periodRange('QUARTER', 2026, 3)).toEqual({ label: '2026 年第三季度', startDate: '2026-07-01', endDate: '2026-09-30' });
    expect(periodRange('QUARTER', 2026, 4).endDate).toBe('2026-12-31');
    expect(periodRange('YEAR', 2026, 1)).toEqual({ label: '2026 年度', startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(() => periodRange('QUARTER', 2026, 5)).toThrow();
  });

  it('grades a percentage against thresholds held as data', () => {
    expect(percent(87, 100)).toBe(87);
    expect(percent(2, 3)).toBe(66.7);
    expect(grade(90)).toBe('优秀');
    expect(grade(89.9)).toBe('合格');
    expect(grade(70)).toBe('合格');
    expect(grade(69.9)).toBe('不合格');
    expect(grade(85, { excellent: 85, pass: 60 })).toBe('优秀');
  });
});
