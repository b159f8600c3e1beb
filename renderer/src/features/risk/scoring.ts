/**
 * Live preview of a risk score while values are picked. The renderer may not
 * import main/, so this repeats the small rules of main/domain/risk.ts
 * (bandFor, the products and the suggested control level) — keep them in step.
 */
import type { LecConfig, LsConfig, RiskProfile } from '../../../../preload/contract/risk.ts';
import type { ControlLevel, RiskLevel } from '../../../../preload/contract/enums.ts';

export type Band = LecConfig['bands'][number];
export type Boundary = LecConfig['boundary'];
export type ValueRow = LecConfig['L'][number];

/**
 * Bands are taken from the highest minimum down; LOWER_INCLUSIVE puts a score
 * equal to a band's minimum into that band, UPPER_INCLUSIVE into the band below.
 * Falls back to the lowest band.
 */
export function bandFor(score: number, bands: readonly Band[], boundary: Boundary): Band | null {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) {
    if (boundary === 'LOWER_INCLUSIVE' ? score >= b.min : score > b.min) return b;
  }
  return sorted[sorted.length - 1] ?? null;
}

/** Rounds away floating-point noise (0.1 × 6 × 40 = 24.000000000000004). */
export function tidy(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function isLecConfig(c: LecConfig | LsConfig): c is LecConfig {
  return 'E' in c && 'C' in c;
}

/** The value tables of a profile, in the order they multiply. */
export function tablesOf(p: Pick<RiskProfile, 'config'>): { key: string; name: string; rows: ValueRow[] }[] {
  const c = p.config;
  if (isLecConfig(c)) {
    return [
      { key: 'L', name: '事故发生的可能性', rows: c.L },
      { key: 'E', name: '暴露于危险环境的频繁程度', rows: c.E },
      { key: 'C', name: '发生事故可能造成的后果', rows: c.C },
    ];
  }
  return [
    { key: 'L', name: '事故发生的可能性', rows: c.L },
    { key: 'S', name: '后果严重性', rows: c.S },
  ];
}

export interface Preview {
  /** 'D' for LEC, 'R' for the matrix. */
  symbol: 'D' | 'R';
  factors: { key: string; value: number; label: string }[];
  score: number;
  band: Band | null;
}

/** The score and band for the chosen values; null until every factor has a value from the tables. */
export function previewScore(p: Pick<RiskProfile, 'config' | 'method'>, values: Record<string, number | null | undefined>): Preview | null {
  const factors: Preview['factors'] = [];
  for (const t of tablesOf(p)) {
    const v = values[t.key];
    const row = t.rows.find((r) => r.value === v);
    if (v === null || v === undefined || !row) return null;
    factors.push({ key: t.key, value: row.value, label: row.label });
  }
  const score = tidy(factors.reduce((a, f) => a * f.value, 1));
  return { symbol: p.method === 'LEC' ? 'D' : 'R', factors, score, band: bandFor(score, p.config.bands, p.config.boundary) };
}

/** "D ≥ 320 重大风险；160 ≤ D < 320 较大风险 …", read from the bands and the boundary rule. */
export function bandRanges(bands: readonly Band[], boundary: Boundary, symbol: 'D' | 'R'): { band: Band; text: string }[] {
  const sorted = [...bands].filter((b) => typeof b.min === 'number').sort((a, b) => b.min - a.min);
  const lo = boundary === 'LOWER_INCLUSIVE' ? '≤' : '<';
  const hi = boundary === 'LOWER_INCLUSIVE' ? '<' : '≤';
  return sorted.map((band, i) => {
    const upper = i > 0 ? sorted[i - 1]!.min : null;
    const last = i === sorted.length - 1;
    let text: string;
    if (last) text = upper === null ? `${symbol} 任意` : `${symbol} ${hi} ${upper}`;
    else if (upper === null) text = `${symbol} ${boundary === 'LOWER_INCLUSIVE' ? '≥' : '>'} ${band.min}`;
    else text = `${band.min} ${lo} ${symbol} ${hi} ${upper}`;
    return { band, text };
  });
}

/** The control level a level suggests: the higher the risk, the higher the level that controls it. */
export const SUGGESTED_CONTROL_LEVEL: Record<RiskLevel, ControlLevel> = { MAJOR: 'COMPANY', HIGH: 'DEPARTMENT', MEDIUM: 'TEAM', LOW: 'POST' };

/** "L3 × E6 × C7" from an assessment's values (in table order). */
export function valuesText(values: Record<string, number>): string {
  const order = ['L', 'E', 'C', 'S'];
  return Object.keys(values)
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((k) => `${k}${values[k]}`)
    .join(' × ');
}
