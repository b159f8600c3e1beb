/**
 * Pocket cards (两单两卡 口袋卡, 应急处置卡): the 85.5×54 mm card read in
 * landscape, enlarged to A6 and then A5 when its content does not fit, with
 * its own one-line footer. Shared by every card document; pure.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { COLORS, type DocStamp } from './blocks.ts';
import { formatFingerprint } from './fingerprint.ts';
import { resolvePaper, type Paper } from './paper.ts';

export type CardFormat = 'A6' | 'A5';

/** Width in points of the 85.5×54 card in landscape: type on cards is designed on it. */
export const CARD_WIDTH_PT = 242.36;

/** A colour mixed with white (pdfmake takes no alpha). */
export function tint(hex: string, share: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c * share + 255 * (1 - share)).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}

/** The next larger format for a pocket card whose content does not fit. */
export function largerCardFormat(paper: Paper, current: CardFormat | null | undefined): CardFormat {
  if (current) return 'A5';
  return paper.key === 'A6' || paper.key === 'A5' ? 'A5' : 'A6';
}

/** A page turned to landscape (cards are read with two columns side by side). */
export function landscape(p: Paper): Paper {
  return p.widthPt >= p.heightPt ? p : { ...p, widthPt: p.heightPt, heightPt: p.widthPt, widthMm: p.heightMm, heightMm: p.widthMm, orientation: 'landscape' };
}

/** The page a pocket card is laid out on: the asked paper, or A6/A5 landscape when enlarged. */
export function cardPaper(paper: Paper, format: CardFormat | null | undefined): Paper {
  return landscape(format ? resolvePaper({ size: format, orientation: 'landscape' }) : paper);
}

/**
 * Type unit of a card page: 1 on the 85.5×54 card, growing more slowly than the
 * page so a larger page holds more text. Enlarged (A6/A5) cards also get larger
 * type, so the bigger page is readable, not just roomier.
 */
export function cardUnit(page: Paper, enlarged: boolean): number {
  return enlarged ? Math.sqrt(page.widthPt / CARD_WIDTH_PT) * 1.1 : Math.max(1, Math.sqrt(page.widthPt / CARD_WIDTH_PT));
}

/** A coloured block title bar on a card. */
export function cardBlockHeader(text: string, color: string, size: number, pad: number): Content {
  return {
    table: { widths: ['*'], body: [[{ text, bold: true, color: '#ffffff', fontSize: size, margin: [pad, pad * 0.35, pad, pad * 0.35] }]] },
    layout: { fillColor: () => color, hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    margin: [0, 0, 0, pad * 0.8],
  };
}

/** A pocket card's own footer (a card has no room for the standard one): odd pages are fronts, even pages backs. */
export function cardFooter(stamp: DocStamp, side: number, size: number) {
  return (page: number): Content => ({
    text: `${stamp.enterpriseName} · ${stamp.title}（${stamp.version}）· ${stamp.generatedOn} · ${page % 2 === 1 ? '正面' : '背面'} · 指纹 ${formatFingerprint(stamp.fingerprint)}`,
    fontSize: size,
    color: COLORS.muted,
    margin: [side, size * 0.4, side, 0],
    alignment: 'center',
  });
}

/**
 * Runs of up to `perPart` records; on the 85.5×54 card the ones likely too long
 * (estimated load above `threshold`) stand alone, in order, so their overflow
 * does not cost their neighbours a second layout.
 */
export function chunkByLoad<T>(items: readonly T[], perPart: number, load: ((t: T) => number) | null, threshold = 1.2): T[][] {
  const parts: T[][] = [];
  let run: T[] = [];
  const flush = () => {
    if (run.length) parts.push(run);
    run = [];
  };
  for (const item of items) {
    if (load && load(item) > threshold) {
      flush();
      parts.push([item]);
    } else {
      run.push(item);
      if (run.length === perPart) flush();
    }
  }
  flush();
  return parts;
}

/** The warning when a card moved to a larger format. */
export function enlargedWarning(what: string, paper: Paper, format: CardFormat): string {
  return `${what}内容较多，${paper.kind === 'card' ? '85.5×54 mm 卡片' : paper.label}排不下，已自动改用 ${format}（横向）排版；打印时请选用 ${format} 纸张，或精简内容后重新生成卡片尺寸`;
}
