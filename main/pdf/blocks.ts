/**
 * Shared blocks for every document: the fingerprint footer, titles, the
 * signature block, QR codes and colour legends. Pure functions returning
 * pdfmake content; sizes are multiplied by the page's scale.
 */
import type { Content, DynamicContent } from 'pdfmake/interfaces.js';
import { formatFingerprint } from './fingerprint.ts';
import { scaleFor, type Paper } from './paper.ts';

export interface DocStamp {
  enterpriseName: string;
  title: string;
  version: string;
  /** Calendar date of generation, enterprise zone. */
  generatedOn: string;
  fingerprint: string;
}

export const COLORS = {
  ink: '#1f2937',
  muted: '#6b7280',
  line: '#d1d5db',
  brand: '#1f5eb8',
  brandDark: '#0f2a4a',
  danger: '#c0392b',
  paleBrand: '#eef4fc',
  paleDanger: '#fdecea',
};

/** Page margins in points: proportional to the page, never less than 10 mm on paper or 4 mm on cards. */
export function marginsFor(paper: Paper): [number, number, number, number] {
  const short = Math.min(paper.widthPt, paper.heightPt);
  const m = paper.kind === 'card' ? Math.max(short * 0.06, 11) : Math.max(short * 0.06, 28);
  return [m, m, m, m + footerHeight(paper)];
}

export function footerHeight(paper: Paper): number {
  return Math.max(6, 7.5 * scaleFor(paper)) * 2.2;
}

/**
 * The footer every generated document carries: enterprise, title and version,
 * generation date, page x/y (multi-page only) and the content fingerprint.
 */
export function fingerprintFooter(stamp: DocStamp, paper: Paper, pages?: { offset: number; total: number } | 'none'): DynamicContent {
  const size = footerHeight(paper) / 2.2;
  const side = marginsFor(paper)[0];
  return (page: number, count: number) => {
    // 'none': every page stands alone (one board per post), so no x/y.
    const currentPage = pages === 'none' ? 1 : page + (pages?.offset ?? 0);
    const pageCount = pages === 'none' ? 1 : (pages?.total ?? count);
    return {
    margin: [side, footerHeight(paper) * 0.15, side, 0],
    columns: [
      { text: `${stamp.enterpriseName} · ${stamp.title}（${stamp.version}）· 生成于 ${stamp.generatedOn}${pageCount > 1 ? ` · 第 ${currentPage}/${pageCount} 页` : ''}`, width: '*' },
      { text: `内容指纹 ${formatFingerprint(stamp.fingerprint)}`, width: 'auto', alignment: 'right' },
    ],
    fontSize: size,
    color: COLORS.muted,
    };
  };
}

export function titleBlock(title: string, subtitle: string | null, k: number): Content {
  return {
    stack: [
      { text: title, fontSize: 20 * k, bold: true, alignment: 'center', color: COLORS.ink, characterSpacing: 1.5 * k },
      ...(subtitle ? [{ text: subtitle, fontSize: 10.5 * k, alignment: 'center' as const, color: COLORS.muted, margin: [0, 4 * k, 0, 0] as [number, number, number, number] }] : []),
    ],
    margin: [0, 0, 0, 12 * k],
  };
}

/** A coloured section heading bar. */
export function sectionHeading(text: string, k: number, color = COLORS.brand): Content {
  return {
    table: { widths: ['*'], body: [[{ text, bold: true, color: '#ffffff', fontSize: 12 * k, margin: [6 * k, 3 * k, 6 * k, 3 * k] }]] },
    layout: { fillColor: () => color, hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    margin: [0, 0, 0, 5 * k],
  };
}

export interface SignatureParty {
  role: string;
  name: string | null;
  /** PNG data URL of a handwritten signature, when signed on screen. */
  signatureDataUrl?: string | null;
  date?: string | null;
}

/** Signature lines (or the captured signatures) for one or more parties, side by side. */
export function signatureBlock(parties: SignatureParty[], k: number): Content {
  return {
    columns: parties.map((p) => ({
      width: '*',
      stack: [
        { text: `${p.role}：${p.name ?? ''}`, fontSize: 11 * k, margin: [0, 0, 0, 4 * k] },
        p.signatureDataUrl
          ? { image: p.signatureDataUrl, fit: [140 * k, 46 * k], margin: [0, 0, 0, 2 * k] }
          : { canvas: [{ type: 'line', x1: 0, y1: 34 * k, x2: 140 * k, y2: 34 * k, lineWidth: 0.6, lineColor: COLORS.ink }], margin: [0, 0, 0, 2 * k] },
        { text: `签字：${p.signatureDataUrl ? '（已电子签名）' : ''}`, fontSize: 9 * k, color: COLORS.muted },
        { text: `日期：${p.date ?? '        年    月    日'}`, fontSize: 11 * k, margin: [0, 4 * k, 0, 0] },
      ],
    })),
    columnGap: 24 * k,
    margin: [0, 10 * k, 0, 0],
  };
}

export function qrBlock(text: string, k: number, caption: string): Content {
  return {
    stack: [
      { qr: text, fit: 110 * k, eccLevel: 'M', alignment: 'center' },
      { text: caption, fontSize: 8 * k, color: COLORS.muted, alignment: 'center', margin: [0, 3 * k, 0, 0] },
    ],
  };
}

/** A "key: value" line; the value may be missing, then the line is left out. */
export function labelled(label: string, value: string | null | undefined, k: number): Content | null {
  if (!value) return null;
  return { text: [{ text: `${label}：`, color: COLORS.muted }, { text: value, color: COLORS.ink }], fontSize: 11 * k, margin: [0, 0, 0, 3 * k] };
}

export function compact<T>(items: (T | null | undefined | false)[]): T[] {
  return items.filter((x): x is T => Boolean(x));
}

/** Thin grey rules for data tables. */
export const GRID_LAYOUT = {
  hLineColor: () => COLORS.line,
  vLineColor: () => COLORS.line,
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
};

/** A table header cell. */
export function headCell(text: string): Content {
  return { text, bold: true, fillColor: COLORS.paleBrand, alignment: 'center' };
}

/** The page definition every document shares: size, margins, metadata and the fingerprint footer. */
export function pageSetup(paper: Paper, stamp: DocStamp, pages: { offset: number; total: number } | 'none' | undefined, title: string) {
  return {
    pageSize: { width: paper.widthPt, height: paper.heightPt },
    pageMargins: marginsFor(paper),
    info: { title, creator: 'SafeLedger 安全生产台账' },
    footer: fingerprintFooter(stamp, paper, pages),
  };
}

/**
 * Lines a text takes in a column `widthPt` wide at `fontSize`: CJK and
 * full-width characters count one em, Latin letters and digits about half.
 * Used to pick a type size before layout; the layout itself is checked after.
 */
export function estimateLines(text: string, widthPt: number, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55;
  const perLine = Math.max(1, Math.floor(widthPt / fontSize));
  return Math.max(1, Math.ceil(em / perLine));
}
