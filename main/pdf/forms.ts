/**
 * Form blocks for record documents (演练记录, 培训档案, 签到表…): titles, key/value
 * grids, text boxes left open for handwriting, tick boxes and data tables.
 * Pure pdfmake content; sizes are multiplied by the page's scale `k`.
 */
import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces.js';
import { COLORS, GRID_LAYOUT, headCell } from './blocks.ts';

export type Margin = [number, number, number, number];

/** An empty box to tick by hand, and a ticked one (the bundled font has □ and ■, not ☐/☑). */
export const BOX = '□';
export const TICKED = '■';

export const LABEL_FILL = '#f5f7fa';

/** A document title, an optional line under it, and an optional number on the right. */
export function formTitle(title: string, sub: string | null, k: number, code: string | null = null): Content {
  return {
    stack: [
      { text: title, fontSize: 18 * k, bold: true, alignment: 'center', characterSpacing: 2 * k },
      ...(sub ? [{ text: sub, fontSize: 9.5 * k, color: COLORS.muted, alignment: 'center' as const, margin: [0, 3 * k, 0, 0] as Margin }] : []),
      ...(code ? [{ text: code, fontSize: 9.5 * k, alignment: 'right' as const, margin: [0, 2 * k, 0, 0] as Margin }] : []),
    ],
    margin: [0, 0, 0, 8 * k],
  };
}

/** A key/value grid: rows of [label, value] pairs; the last pair of a short row spans what is left. */
export function formGrid(rows: [string, string | Content][][], k: number, labelWidth = 62): Content {
  const cols = Math.max(...rows.map((r) => r.length));
  const widths: (number | string)[] = [];
  for (let i = 0; i < cols; i++) widths.push(labelWidth * k, '*');
  const body = rows.map((r) => {
    const out: object[] = [];
    r.forEach(([label, value], i) => {
      out.push({ text: label, color: COLORS.muted, fillColor: LABEL_FILL });
      const span = i === r.length - 1 ? (cols - r.length) * 2 + 1 : 1;
      const cell: object = typeof value === 'string' ? { text: value || ' ' } : (value as object);
      out.push(span > 1 ? { ...cell, colSpan: span } : cell);
      for (let s = 1; s < span; s++) out.push({});
    });
    return out;
  });
  return { table: { widths, body: body as never, dontBreakRows: true }, layout: { ...GRID_LAYOUT, paddingTop: () => 3 * k, paddingBottom: () => 3 * k }, margin: [0, 0, 0, 8 * k] };
}

/** A bold heading over a block of a form (kept with what follows it, see `keepTogether`). */
export function blockTitle(text: string, k: number, color: string = COLORS.brandDark): Content {
  return { text, bold: true, fontSize: 11 * k, color, margin: [0, 6 * k, 0, 4 * k], headlineLevel: 1 };
}

/** Marks a heading block so that `keepTogether` does not leave it alone at the bottom of a page. */
export function heading<T extends object>(c: T): T & { headlineLevel: number } {
  return { ...c, headlineLevel: 1 };
}

/**
 * For a document's `pageBreakBefore`: a heading (headlineLevel 1) with nothing
 * after it on its page moves to the next page, with what it heads.
 */
export function keepTogether(node: { headlineLevel?: unknown }, nodes: { getFollowingNodesOnPage(): unknown[] }): boolean {
  return node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0;
}

/** A multi-line text box, left open for handwriting (with a grey hint) when `value` is empty. */
export function textBox(value: string | null, k: number, emptyLines = 3, hint: string | null = null): Content {
  return {
    table: {
      widths: ['*'],
      dontBreakRows: false,
      body: [[value ? { text: value, lineHeight: 1.3 } : { text: hint ?? ' ', color: COLORS.muted, fontSize: 8.5 * k, margin: [0, 0, 0, emptyLines * 14 * k] }]],
    },
    layout: { ...GRID_LAYOUT, paddingTop: () => 4 * k, paddingBottom: () => 4 * k, paddingLeft: () => 5 * k, paddingRight: () => 5 * k },
    margin: [0, 0, 0, 6 * k],
  };
}

/** Options with the chosen one ticked: "■好 □一般 □差". */
export function ticks(options: readonly string[], chosen: string | null, gap = '  '): string {
  return options.map((o) => `${o === chosen ? TICKED : BOX}${o}`).join(gap);
}

/** A data table with a repeated header row; `widths` in points or '*'/'auto'. */
export function dataTable(head: string[], rows: TableCell[][], widths: (number | string)[], k: number, opts: { empty?: string; fontSize?: number } = {}): ContentTable {
  const body: TableCell[][] = [head.map(headCell) as TableCell[], ...rows];
  if (!rows.length) body.push([{ text: opts.empty ?? '无', colSpan: head.length, alignment: 'center', color: COLORS.muted }, ...head.slice(1).map(() => ({}))]);
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
    layout: { ...GRID_LAYOUT, paddingTop: () => 2.5 * k, paddingBottom: () => 2.5 * k, paddingLeft: () => 3 * k, paddingRight: () => 3 * k },
    ...(opts.fontSize ? { fontSize: opts.fontSize } : {}),
    margin: [0, 0, 0, 6 * k],
  };
}

/**
 * Signature lines side by side ("编制人：________"), each with its date line under
 * it when `date` is given; a known name is printed instead of the line.
 */
export function signLines(parties: { role: string; name?: string | null; date?: string | null }[], k: number): Content {
  return {
    columns: parties.map((p) => ({
      width: '*',
      stack: [
        { text: [{ text: `${p.role}：` }, p.name ? { text: p.name, bold: true } : { text: '______________' }], },
        ...(p.date !== undefined ? [{ text: `日期：${p.date ?? '______年____月____日'}`, margin: [0, 6 * k, 0, 0] as Margin }] : []),
      ],
      fontSize: 10 * k,
    })),
    columnGap: 12 * k,
    margin: [0, 14 * k, 0, 0],
  };
}

/**
 * Column widths in points for a table designed on `design` points (770: the
 * inside of A4 landscape; 523: A4 portrait) and scaled by `u` to the page: each
 * column also takes its padding (`pad` design units a side) and a 0.5 pt rule;
 * the '*' column takes what is left, so the table spans the page exactly.
 */
export function designWidths(columns: readonly (readonly [string, number | '*'])[], u: number, pad: number, design = 770): number[] {
  const fixed = columns.reduce((a, [, w]) => a + (w === '*' ? 0 : w), 0);
  const star = design - fixed - columns.length * (2 * pad + 0.5 / u) - 0.5 / u;
  return columns.map(([, w]) => (w === '*' ? star : w) * u);
}

/**
 * A table's last `n` rows and the block that closes the document (totals,
 * signatures) as one unbreakable full-width row: when they do not fit, they
 * move to the next page together, under the table's repeated header row, so
 * the signatures never stand alone. `widths` must be resolved numbers; the
 * table's layout must be GRID_LAYOUT (0.5 pt rules) with paddings `padX` and
 * `padY`; `rowHeight` is each row's fixed height, if any.
 */
export function closingRow(rows: TableCell[][], n: number, widths: number[], padX: number, padY: number, rowHeight: number | undefined, closing: Content[]): TableCell[][] {
  const keep = rows.slice(Math.max(0, rows.length - n));
  const cols = widths.length;
  const inner: Content = {
    table: { widths, ...(rowHeight ? { heights: rowHeight } : {}), body: keep, dontBreakRows: true },
    // Its top rule is the row above's; its side rules fall on the outer table's.
    layout: { ...GRID_LAYOUT, hLineWidth: (i: number) => (i === 0 ? 0 : 0.5), paddingTop: () => padY, paddingBottom: () => padY, paddingLeft: () => padX, paddingRight: () => padX },
    margin: [-(padX + 0.5), -padY, -(padX + 0.5), 0],
  };
  const cell = { stack: [...(keep.length ? [inner] : []), ...closing], colSpan: cols, border: [false, false, false, false] } as TableCell;
  return [...rows.slice(0, rows.length - keep.length), [cell, ...Array.from({ length: cols - 1 }, () => ({}) as TableCell)]];
}
