/**
 * Paper sizes in millimetres: ISO A6–A0, the 85.5×54 card, the board sizes
 * print shops use, and custom W×H. Pure; points are computed, never stored.
 */

export const MM_TO_PT = 72 / 25.4;

import { CUSTOM_MAX_MM, CUSTOM_MIN_MM, PAPER_PRESETS, type Orientation, type PaperPreset } from '../../preload/contract/paper.ts';

export { PAPER_PRESETS, CUSTOM_MAX_MM, CUSTOM_MIN_MM };
export type { Orientation, PaperPreset };

export interface PaperChoice {
  /** A preset key, or 'CUSTOM'. */
  size: string;
  orientation: Orientation;
  customWidthMm?: number | null;
  customHeightMm?: number | null;
}

export interface Paper {
  key: string;
  label: string;
  widthMm: number;
  heightMm: number;
  widthPt: number;
  heightPt: number;
  orientation: Orientation;
  kind: PaperPreset['kind'] | 'custom';
}

/** Null when the choice is usable, otherwise a Chinese message that says what to fix. */
export function paperChoiceError(c: PaperChoice): string | null {
  if (c.size === 'CUSTOM') {
    for (const [label, v] of [['宽度', c.customWidthMm], ['高度', c.customHeightMm]] as const) {
      if (v === null || v === undefined || !Number.isFinite(v)) return `自定义尺寸请填写${label}（毫米）`;
      if (v < CUSTOM_MIN_MM || v > CUSTOM_MAX_MM) return `自定义${label}应在 ${CUSTOM_MIN_MM}–${CUSTOM_MAX_MM} 毫米之间，当前为 ${v} 毫米`;
    }
    return null;
  }
  return PAPER_PRESETS.some((p) => p.key === c.size) ? null : `不支持的纸张尺寸「${c.size}」`;
}

export function resolvePaper(c: PaperChoice): Paper {
  const err = paperChoiceError(c);
  if (err) throw new Error(err);
  let w: number;
  let h: number;
  let label: string;
  let kind: Paper['kind'];
  if (c.size === 'CUSTOM') {
    w = c.customWidthMm!;
    h = c.customHeightMm!;
    label = `自定义 ${w}×${h} mm`;
    kind = 'custom';
    // A custom size is taken literally; orientation only swaps it when it contradicts.
    if ((c.orientation === 'landscape') !== w > h && w !== h) [w, h] = [h, w];
  } else {
    const p = PAPER_PRESETS.find((x) => x.key === c.size)!;
    const short = Math.min(p.widthMm, p.heightMm);
    const long = Math.max(p.widthMm, p.heightMm);
    [w, h] = c.orientation === 'landscape' ? [long, short] : [short, long];
    label = p.label;
    kind = p.kind;
  }
  return { key: c.size, label, widthMm: w, heightMm: h, widthPt: round2(w * MM_TO_PT), heightPt: round2(h * MM_TO_PT), orientation: w > h ? 'landscape' : 'portrait', kind };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Type scale for a page. Layouts are designed on an A4 sheet of the same
 * orientation; the page scales that design to fit both its dimensions, so a
 * 1200×800 board is set ~3.8× larger — body text about 15 mm tall, readable
 * from 3 m — while each layout still arranges its columns for the real width.
 */
export function scaleFor(paper: Paper): number {
  const short = Math.min(paper.widthMm, paper.heightMm);
  const long = Math.max(paper.widthMm, paper.heightMm);
  return Math.min(short / 210, long / 297);
}
