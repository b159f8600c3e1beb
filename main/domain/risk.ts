/**
 * Pure rules of risk grading: LEC (D = L×E×C) and the LS matrix (R = L×S)
 * with bands and an explicit boundary rule, direct 重大, the highest level of a
 * set, suggested control levels, and the default profiles (data with defaults).
 */
import type { LecConfig, LsConfig } from '../../preload/contract/risk.ts';
import type { ControlLevel, RiskLevel } from '../../preload/contract/enums.ts';

export type Band = LecConfig['bands'][number];
export type Boundary = LecConfig['boundary'];

const SEVERITY: Record<RiskLevel, number> = { MAJOR: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };

/** The most severe of some levels; null when there are none. */
export function highestLevel(levels: readonly (RiskLevel | null | undefined)[]): RiskLevel | null {
  let best: RiskLevel | null = null;
  for (const l of levels) if (l && (!best || SEVERITY[l] > SEVERITY[best])) best = l;
  return best;
}

export function compareLevels(a: RiskLevel | null, b: RiskLevel | null): number {
  return (b ? SEVERITY[b] : 0) - (a ? SEVERITY[a] : 0);
}

/**
 * The band a score falls in. Bands are taken from the highest minimum down;
 * LOWER_INCLUSIVE puts a score equal to a band's minimum into that band
 * (D = 70 → 一般), UPPER_INCLUSIVE into the band below (D = 70 → 低).
 */
export function bandFor(score: number, bands: readonly Band[], boundary: Boundary): Band {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) {
    if (boundary === 'LOWER_INCLUSIVE' ? score >= b.min : score > b.min) return b;
  }
  return sorted[sorted.length - 1]!;
}

export class ScoreError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

function pick(table: readonly { value: number; label: string }[], key: string, name: string, values: Record<string, number>) {
  const v = values[key];
  if (v === undefined || v === null || Number.isNaN(v)) throw new ScoreError(`values.${key}`, `请选择 ${key}（${name}）的取值`);
  const row = table.find((r) => r.value === v);
  if (!row) throw new ScoreError(`values.${key}`, `${key} = ${v} 不在评价表的取值中（可选：${table.map((r) => r.value).join('、')}）`);
  return row;
}

export interface Scored {
  score: number;
  level: RiskLevel;
  bandLabel: string | null;
  values: Record<string, number>;
  valueLabels: Record<string, string>;
}

/** Rounds away floating-point noise (0.1 × 6 × 40 = 24.000000000000004). */
function tidy(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function scoreLec(config: LecConfig, values: Record<string, number>): Scored {
  const L = pick(config.L, 'L', '事故发生的可能性', values);
  const E = pick(config.E, 'E', '暴露于危险环境的频繁程度', values);
  const C = pick(config.C, 'C', '发生事故可能造成的后果', values);
  const score = tidy(L.value * E.value * C.value);
  const band = bandFor(score, config.bands, config.boundary);
  return { score, level: band.level, bandLabel: band.label ?? null, values: { L: L.value, E: E.value, C: C.value }, valueLabels: { L: L.label, E: E.label, C: C.label } };
}

export function scoreLs(config: LsConfig, values: Record<string, number>): Scored {
  const L = pick(config.L, 'L', '事故发生的可能性', values);
  const S = pick(config.S, 'S', '后果严重性', values);
  const score = tidy(L.value * S.value);
  const band = bandFor(score, config.bands, config.boundary);
  return { score, level: band.level, bandLabel: band.label ?? null, values: { L: L.value, S: S.value }, valueLabels: { L: L.label, S: S.label } };
}

/**
 * What makes a profile usable: distinct values in each table, bands with
 * distinct minimums that reach down to 0, and severity never rising as the
 * minimum falls. Returns the first problem in words, or null.
 */
export function profileProblem(config: LecConfig | LsConfig): { path: string; message: string } | null {
  const tables = 'E' in config ? (['L', 'E', 'C'] as const) : (['L', 'S'] as const);
  for (const t of tables) {
    const rows = (config as unknown as Record<string, { value: number }[]>)[t]!;
    const seen = new Set<number>();
    for (const [i, r] of rows.entries()) {
      if (seen.has(r.value)) return { path: `config.${t}.${i}.value`, message: `${t} 的取值 ${r.value} 重复` };
      seen.add(r.value);
    }
  }
  const sorted = [...config.bands].sort((a, b) => b.min - a.min);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.min === sorted[i - 1]!.min) return { path: 'config.bands', message: `分级下限 ${sorted[i]!.min} 重复` };
    if (SEVERITY[sorted[i]!.level] > SEVERITY[sorted[i - 1]!.level]) return { path: 'config.bands', message: `分级顺序不对：下限 ${sorted[i]!.min} 的等级比下限 ${sorted[i - 1]!.min} 的更高` };
  }
  if (sorted[sorted.length - 1]!.min !== 0) return { path: 'config.bands', message: '最低一级的下限应为 0，使每个分值都有等级' };
  return null;
}

/** The control level the level suggests: the higher the risk, the higher the level that controls it. */
export const SUGGESTED_CONTROL_LEVEL: Record<RiskLevel, ControlLevel> = { MAJOR: 'COMPANY', HIGH: 'DEPARTMENT', MEDIUM: 'TEAM', LOW: 'POST' };

/** Domain §3: the LEC tables and the five hazard grades mapped to four levels, lower bound inclusive. */
export const DEFAULT_LEC: LecConfig = {
  L: [
    { value: 10, label: '完全可以预料' },
    { value: 6, label: '相当可能' },
    { value: 3, label: '可能，但不经常' },
    { value: 1, label: '可能性小，完全意外' },
    { value: 0.5, label: '很不可能，可以设想' },
    { value: 0.2, label: '极不可能' },
    { value: 0.1, label: '实际不可能' },
  ],
  E: [
    { value: 10, label: '连续暴露' },
    { value: 6, label: '每天工作时间内暴露' },
    { value: 3, label: '每周一次或偶然暴露' },
    { value: 2, label: '每月一次暴露' },
    { value: 1, label: '每年几次暴露' },
    { value: 0.5, label: '非常罕见暴露' },
  ],
  C: [
    { value: 100, label: '大灾难，许多人死亡' },
    { value: 40, label: '灾难，数人死亡' },
    { value: 15, label: '非常严重，一人死亡' },
    { value: 7, label: '严重，重伤' },
    { value: 3, label: '重大，致残' },
    { value: 1, label: '引人注目，需救护' },
  ],
  bands: [
    { min: 320, level: 'MAJOR', label: '极其危险，不能继续作业' },
    { min: 160, level: 'HIGH', label: '高度危险，需立即整改' },
    { min: 70, level: 'MEDIUM', label: '显著危险，需要整改' },
    { min: 20, level: 'LOW', label: '一般危险，需要注意' },
    { min: 0, level: 'LOW', label: '稍有危险，可以接受' },
  ],
  boundary: 'LOWER_INCLUSIVE',
};

/** Domain §3: the 5×5 matrix with the common cut-offs (20–25 重大, 15–16 较大, 9–12 一般, 1–8 低). */
export const DEFAULT_LS: LsConfig = {
  L: [
    { value: 5, label: '经常发生/很可能' },
    { value: 4, label: '可能' },
    { value: 3, label: '偶尔' },
    { value: 2, label: '很少' },
    { value: 1, label: '极不可能' },
  ],
  S: [
    { value: 5, label: '多人死亡/重大损失' },
    { value: 4, label: '一人死亡或多人重伤' },
    { value: 3, label: '重伤/较大损失' },
    { value: 2, label: '轻伤' },
    { value: 1, label: '无伤害/轻微' },
  ],
  bands: [
    { min: 20, level: 'MAJOR', label: '重大风险' },
    { min: 15, level: 'HIGH', label: '较大风险' },
    { min: 9, level: 'MEDIUM', label: '一般风险' },
    { min: 0, level: 'LOW', label: '低风险' },
  ],
  boundary: 'LOWER_INCLUSIVE',
};
