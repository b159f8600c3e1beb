import { describe, expect, it } from 'vitest';
import { bandFor, compareLevels, DEFAULT_LEC, DEFAULT_LS, highestLevel, profileProblem, ScoreError, scoreLec, scoreLs } from '../../main/domain/risk.ts';

const lec = (L: number, E: number, C: number, config = DEFAULT_LEC) => scoreLec(config, { L, E, C });

/** Every D the default tables can produce, with one L/E/C that gives it. */
function reachable() {
  const out = new Map<number, [number, number, number]>();
  for (const l of DEFAULT_LEC.L) for (const e of DEFAULT_LEC.E) for (const c of DEFAULT_LEC.C) {
    const d = Math.round(l.value * e.value * c.value * 1000) / 1000;
    if (!out.has(d)) out.set(d, [l.value, e.value, c.value]);
  }
  return out;
}

describe('LEC (D = L × E × C)', () => {
  it('grades each band at and around its bounds with the lower bound inclusive (the default)', () => {
    expect(bandFor(320, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE').level).toBe('MAJOR');
    expect(bandFor(319.99, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE').level).toBe('HIGH');
    expect(bandFor(160, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE').level).toBe('HIGH');
    expect(bandFor(159.99, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE').level).toBe('MEDIUM');
    expect(bandFor(70, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE')).toMatchObject({ level: 'MEDIUM', label: '显著危险，需要整改' });
    expect(bandFor(69.99, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE')).toMatchObject({ level: 'LOW', label: '一般危险，需要注意' });
    expect(bandFor(20, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE').label).toBe('一般危险，需要注意');
    expect(bandFor(19.99, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE').label).toBe('稍有危险，可以接受');
    expect(bandFor(0.05, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE').level).toBe('LOW');
  });

  it('with the upper bound inclusive, a score equal to a bound falls into the band below', () => {
    expect(bandFor(320, DEFAULT_LEC.bands, 'UPPER_INCLUSIVE').level).toBe('HIGH');
    expect(bandFor(320.01, DEFAULT_LEC.bands, 'UPPER_INCLUSIVE').level).toBe('MAJOR');
    expect(bandFor(160, DEFAULT_LEC.bands, 'UPPER_INCLUSIVE').level).toBe('MEDIUM');
    expect(bandFor(70, DEFAULT_LEC.bands, 'UPPER_INCLUSIVE').level).toBe('LOW');
    expect(bandFor(70.01, DEFAULT_LEC.bands, 'UPPER_INCLUSIVE').level).toBe('MEDIUM');
    expect(bandFor(20, DEFAULT_LEC.bands, 'UPPER_INCLUSIVE').label).toBe('稍有危险，可以接受');
    expect(bandFor(0.05, DEFAULT_LEC.bands, 'UPPER_INCLUSIVE').level).toBe('LOW');
  });

  it('scores real table values, including every reachable boundary value', () => {
    expect(lec(1, 10, 7)).toMatchObject({ score: 70, level: 'MEDIUM', values: { L: 1, E: 10, C: 7 }, valueLabels: { L: '可能性小，完全意外', E: '连续暴露', C: '严重，重伤' } });
    expect(lec(1, 10, 7, { ...DEFAULT_LEC, boundary: 'UPPER_INCLUSIVE' }).level).toBe('LOW');
    expect(lec(3, 6, 7)).toMatchObject({ score: 126, level: 'MEDIUM' });
    expect(lec(6, 6, 7)).toMatchObject({ score: 252, level: 'HIGH' });
    expect(lec(3, 6, 40)).toMatchObject({ score: 720, level: 'MAJOR' });
    expect(lec(0.1, 6, 40).score).toBe(24);
    const all = reachable();
    for (const bound of [320, 160, 70, 20]) {
      const combo = all.get(bound);
      if (!combo) continue;
      const lower = bandFor(bound, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE');
      expect(lec(...combo).level).toBe(lower.level);
    }
    expect(all.has(70)).toBe(true);
    expect(all.has(20)).toBe(true);
    // Every reachable D gets exactly the level its band says.
    for (const [d, combo] of all) expect(lec(...combo).level).toBe(bandFor(d, DEFAULT_LEC.bands, 'LOWER_INCLUSIVE').level);
  });

  it('refuses values that are not in the profile’s tables, naming the allowed ones', () => {
    expect(() => lec(2, 6, 7)).toThrow(new ScoreError('values.L', 'L = 2 不在评价表的取值中（可选：10、6、3、1、0.5、0.2、0.1）'));
    expect(() => lec(3, 4, 7)).toThrow(/^E = 4 不在评价表的取值中/);
    expect(() => scoreLec(DEFAULT_LEC, { L: 3, E: 6 })).toThrow('请选择 C（发生事故可能造成的后果）的取值');
  });
});

describe('risk matrix (R = L × S)', () => {
  it('grades the common cut-offs: 20–25 重大, 15–16 较大, 9–12 一般, 1–8 低', () => {
    const ls = (L: number, S: number) => scoreLs(DEFAULT_LS, { L, S });
    expect(ls(5, 5)).toMatchObject({ score: 25, level: 'MAJOR' });
    expect(ls(4, 5)).toMatchObject({ score: 20, level: 'MAJOR' });
    expect(ls(4, 4)).toMatchObject({ score: 16, level: 'HIGH' });
    expect(ls(3, 5)).toMatchObject({ score: 15, level: 'HIGH' });
    expect(ls(3, 4)).toMatchObject({ score: 12, level: 'MEDIUM' });
    expect(ls(3, 3)).toMatchObject({ score: 9, level: 'MEDIUM' });
    expect(ls(2, 4)).toMatchObject({ score: 8, level: 'LOW' });
    expect(ls(1, 1)).toMatchObject({ score: 1, level: 'LOW' });
    expect(scoreLs({ ...DEFAULT_LS, boundary: 'UPPER_INCLUSIVE' }, { L: 4, S: 5 }).level).toBe('HIGH');
    expect(() => ls(6, 1)).toThrow(/^L = 6 不在评价表的取值中/);
  });
});

describe('profiles and levels', () => {
  it('a profile needs distinct values, bands down to 0, and severity that never rises as the bound falls', () => {
    expect(profileProblem(DEFAULT_LEC)).toBeNull();
    expect(profileProblem(DEFAULT_LS)).toBeNull();
    expect(profileProblem({ ...DEFAULT_LEC, L: [...DEFAULT_LEC.L, { value: 3, label: '重复' }] })).toEqual({ path: 'config.L.7.value', message: 'L 的取值 3 重复' });
    expect(profileProblem({ ...DEFAULT_LS, bands: DEFAULT_LS.bands.slice(0, 3) })).toEqual({ path: 'config.bands', message: '最低一级的下限应为 0，使每个分值都有等级' });
    expect(profileProblem({ ...DEFAULT_LS, bands: [{ min: 20, level: 'LOW', label: null }, { min: 0, level: 'MAJOR', label: null }] })!.message).toBe('分级顺序不对：下限 0 的等级比下限 20 的更高');
    expect(profileProblem({ ...DEFAULT_LS, bands: [{ min: 9, level: 'HIGH', label: null }, { min: 9, level: 'MEDIUM', label: null }, { min: 0, level: 'LOW', label: null }] })!.message).toBe('分级下限 9 重复');
  });

  it('the highest level of a set decides an area’s colour', () => {
    expect(highestLevel(['LOW', 'HIGH', null, 'MEDIUM'])).toBe('HIGH');
    expect(highestLevel([null, undefined])).toBeNull();
    expect(['LOW', 'MAJOR', null, 'MEDIUM'].sort((a, b) => compareLevels(a as never, b as never))).toEqual(['MAJOR', 'MEDIUM', 'LOW', null]);
  });
});
