import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeOf, itemScore, round1, totalsByElement, totalsOf, type GradeProfileDef, type ScoredItem } from '../../main/domain/standardization.ts';

/** The grade profiles are data: read the shipped file, as the app does. */
const PROFILES = (JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/content/standard-grades.json'), 'utf8')) as { profiles: GradeProfileDef[] }).profiles;
const profile = (key: string) => PROFILES.find((p) => p.key === key)!;
const MEM = profile('MEM2021');
const SAWS = profile('SAWS2014');

/** The grade label for a score, with no limit from the accident-free years. */
const gradeLabel = (p: GradeProfileDef, score: number | null, years: number | null = null) => gradeOf(p, score, years).grade?.label ?? null;

const scored = (points: number, score: number | null, over: Partial<ScoredItem> = {}): ScoredItem => ({ elementKey: 'A', points, answered: true, applicable: true, score, ...over });
const na = (points: number, elementKey = 'A'): ScoredItem => ({ elementKey, points, answered: true, applicable: false, score: null });

describe('round1', () => {
  it('rounds half up to one decimal, without binary-float surprises', () => {
    expect(round1(90.2105)).toBe(90.2);
    expect(round1(89.95)).toBe(90);
    expect(round1(89.94)).toBe(89.9);
    expect(round1(0.05)).toBe(0.1);
    expect(round1(1.005)).toBe(1);
    expect(round1(2.675)).toBe(2.7);
    expect(round1(1.25)).toBe(1.3);
    expect(round1(0.1 + 0.2)).toBe(0.3);
    expect(round1(0)).toBe(0);
    expect(round1(100)).toBe(100);
    expect(round1((857 / 950) * 100)).toBe(90.2);
  });

  it('rounds once: 89.9499… is 89.9 and 95.0499… is 95.0 (no double rounding across the hundredths)', () => {
    // 467.2 earned of 519.4 applicable points: 89.94994… → 89.9, not 90.0 (一级 would be wrong).
    expect(round1((467.2 / 519.4) * 100)).toBe(89.9);
    expect(round1((856.4 / 901) * 100)).toBe(95);
    expect(round1(89.9499)).toBe(89.9);
    expect(round1(1.2496)).toBe(1.2);
    expect(round1(1.2501)).toBe(1.3);
  });
});

describe('itemScore', () => {
  it('is the points less the deductions', () => {
    expect(itemScore(10, [])).toBe(10);
    expect(itemScore(10, [2])).toBe(8);
    expect(itemScore(10, [2, 3])).toBe(5);
    expect(itemScore(10, [0.1, 0.2])).toBe(9.7);
    expect(itemScore(3, [1.5, 0.5])).toBe(1);
  });

  it('stops at 0: deductions beyond the points give 0, never a negative score', () => {
    expect(itemScore(10, [10])).toBe(0);
    expect(itemScore(10, [6, 6])).toBe(0);
    expect(itemScore(5, [20])).toBe(0);
    expect(Object.is(itemScore(5, [5]), 0)).toBe(true);
  });
});

describe('totalsOf', () => {
  it('earned ÷ total × 100, one decimal', () => {
    expect(totalsOf([scored(10, 8), scored(10, 10)])).toEqual({ items: 2, answered: 2, totalPoints: 20, naPoints: 0, earned: 18, score: 90 });
    // 857 of 950: 90.21… → 90.2
    expect(totalsOf([scored(500, 450), scored(450, 407)]).score).toBe(90.2);
  });

  it('not-applicable items leave the denominator: earned ÷ (total − N/A) × 100', () => {
    // 1,000 points, 50 not applicable, 857 earned → 857 / 950 = 90.2
    const t = totalsOf([scored(500, 450), scored(450, 407), na(50)]);
    expect(t).toEqual({ items: 3, answered: 3, totalPoints: 1000, naPoints: 50, earned: 857, score: 90.2 });
    // Without the N/A rule it would be 85.7.
    expect(totalsOf([scored(500, 450), scored(450, 407), scored(50, 0)]).score).toBe(85.7);
  });

  it('the 89.95 boundary rounds up to 90.0 and reaches 一级; 89.94 stays 二级', () => {
    // 1,799 of 2,000 = 89.95
    const at = totalsOf([scored(1000, 900), scored(1000, 899)]);
    expect(at.score).toBe(90);
    expect(gradeLabel(MEM, at.score)).toBe('一级');
    // 8,994 of 10,000 = 89.94
    const below = totalsOf([scored(5000, 4500), scored(5000, 4494)]);
    expect(below.score).toBe(89.9);
    expect(gradeLabel(MEM, below.score)).toBe('二级');
    // 467.2 of 519.4 = 89.9499… → 89.9, 二级
    const just = totalsOf([scored(300, 267.2), scored(219.4, 200), na(80.6)]);
    expect(just.score).toBe(89.9);
    expect(gradeLabel(MEM, just.score)).toBe('二级');
  });

  it('while scoring, the score runs over the answered items only (unanswered ones neither earned nor lost yet)', () => {
    const t = totalsOf([scored(10, 8), scored(10, null, { answered: false })]);
    expect(t).toEqual({ items: 2, answered: 1, totalPoints: 20, naPoints: 0, earned: 8, score: 80 });
    // Answering the rest with 0 gives the final score over the whole sheet.
    expect(totalsOf([scored(10, 8), scored(10, 0)]).score).toBe(40);
    // Only N/A answered so far: no score yet.
    expect(totalsOf([na(10), scored(10, null, { answered: false })]).score).toBeNull();
  });

  it('nothing applicable (or nothing answered) gives no score', () => {
    expect(totalsOf([na(10), na(20)])).toEqual({ items: 2, answered: 2, totalPoints: 30, naPoints: 30, earned: 0, score: null });
    expect(totalsOf([scored(10, null, { answered: false, applicable: true })]).score).toBeNull();
    expect(totalsOf([]).score).toBeNull();
  });

  it('zero earned is a score of 0, not "no score"', () => {
    expect(totalsOf([scored(10, 0), na(5)]).score).toBe(0);
  });

  it('sums tenths without float drift', () => {
    const t = totalsOf(Array.from({ length: 10 }, () => scored(0.1, 0.1)));
    expect(t.totalPoints).toBe(1);
    expect(t.earned).toBe(1);
    expect(t.score).toBe(100);
  });
});

describe('totalsByElement', () => {
  it('groups by the top-level element in the order they first appear, each with its own N/A rule', () => {
    const m = totalsByElement([
      scored(10, 8, { elementKey: 'B' }),
      scored(10, 10, { elementKey: 'A' }),
      na(5, 'B'),
      scored(10, 4, { elementKey: 'B' }),
      na(10, 'C'),
    ]);
    expect([...m.keys()]).toEqual(['B', 'A', 'C']);
    expect(m.get('B')).toEqual({ items: 3, answered: 3, totalPoints: 25, naPoints: 5, earned: 12, score: 60 });
    expect(m.get('A')).toEqual({ items: 1, answered: 1, totalPoints: 10, naPoints: 0, earned: 10, score: 100 });
    expect(m.get('C')!.score).toBeNull();
  });
});

describe('gradeOf', () => {
  it('the shipped profiles: MEM2021 90/80/70 and SAWS2014 90/75/60, accident-free 3/2/1 years, highest first', () => {
    expect(MEM.grades.map((g) => [g.label, g.minScore, g.accidentFreeYears])).toEqual([
      ['一级', 90, 3],
      ['二级', 80, 2],
      ['三级', 70, 1],
    ]);
    expect(SAWS.grades.map((g) => [g.label, g.minScore, g.accidentFreeYears])).toEqual([
      ['一级', 90, 3],
      ['二级', 75, 2],
      ['三级', 60, 1],
    ]);
  });

  it('MEM2021 thresholds at their boundaries', () => {
    const cases: [number, string | null][] = [
      [100, '一级'],
      [90, '一级'],
      [89.9, '二级'],
      [80, '二级'],
      [79.9, '三级'],
      [75, '三级'],
      [74.9, '三级'],
      [70, '三级'],
      [69.9, null],
      [60, null],
      [59.9, null],
      [0, null],
    ];
    for (const [score, label] of cases) expect([score, gradeLabel(MEM, score)]).toEqual([score, label]);
  });

  it('SAWS2014 thresholds at their boundaries', () => {
    const cases: [number, string | null][] = [
      [90, '一级'],
      [89.9, '二级'],
      [80, '二级'],
      [79.9, '二级'],
      [75, '二级'],
      [74.9, '三级'],
      [70, '三级'],
      [69.9, '三级'],
      [60, '三级'],
      [59.9, null],
    ];
    for (const [score, label] of cases) expect([score, gradeLabel(SAWS, score)]).toEqual([score, label]);
  });

  it('the grade is the lower of the score grade and the accident-free grade', () => {
    expect(gradeOf(MEM, 95, 3)).toMatchObject({ scoreGrade: { label: '一级' }, performanceGrade: { label: '一级' }, grade: { label: '一级' } });
    expect(gradeOf(MEM, 95, 2.9)).toMatchObject({ scoreGrade: { label: '一级' }, performanceGrade: { label: '二级' }, grade: { label: '二级' } });
    expect(gradeOf(MEM, 95, 2)).toMatchObject({ grade: { label: '二级' } });
    expect(gradeOf(MEM, 95, 1)).toMatchObject({ performanceGrade: { label: '三级' }, grade: { label: '三级' } });
    expect(gradeOf(MEM, 95, 0.5)).toMatchObject({ scoreGrade: { label: '一级' }, performanceGrade: null, grade: null });
    expect(gradeOf(MEM, 95, 0)).toMatchObject({ grade: null });
    // The score is the lower one.
    expect(gradeOf(MEM, 82, 10)).toMatchObject({ scoreGrade: { label: '二级' }, performanceGrade: { label: '一级' }, grade: { label: '二级' } });
    expect(gradeOf(MEM, 72, 3)).toMatchObject({ grade: { label: '三级' } });
    expect(gradeOf(MEM, 65, 3)).toMatchObject({ scoreGrade: null, performanceGrade: { label: '一级' }, grade: null });
    // Under the older profile 76 is 二级; with one accident-free year only 三级.
    expect(gradeOf(SAWS, 76, 5)).toMatchObject({ grade: { label: '二级' } });
    expect(gradeOf(SAWS, 76, 1)).toMatchObject({ grade: { label: '三级' } });
  });

  it('unknown accident-free years do not limit the grade', () => {
    expect(gradeOf(MEM, 95, null)).toMatchObject({ scoreGrade: { label: '一级' }, performanceGrade: { label: '一级' }, grade: { label: '一级' } });
    expect(gradeOf(MEM, 85, null)).toMatchObject({ grade: { label: '二级' } });
    expect(gradeOf(SAWS, 60, null)).toMatchObject({ grade: { label: '三级' } });
  });

  it('no score, no grade', () => {
    expect(gradeOf(MEM, null, 3)).toEqual({ scoreGrade: null, performanceGrade: MEM.grades[0], grade: null });
    expect(gradeOf(MEM, null, null).grade).toBeNull();
  });

  it('grade codes are the same in both profiles (L1/L2/L3), so sessions under either compare', () => {
    expect(gradeOf(MEM, 92, null).grade?.code).toBe('L1');
    expect(gradeOf(SAWS, 76, null).grade?.code).toBe('L2');
    expect(gradeOf(MEM, 76, null).grade?.code).toBe('L3');
  });
});
