/**
 * 应急处置卡 and 应急预案管理台账 as pdfmake definitions (pure).
 *
 * The card is an 85.5×54 mm pocket card read in landscape: the front carries
 * the numbered first actions of each scenario, the back the cautions, the
 * contact numbers and the plan it comes from. On the card (or A6/A5) paper each
 * card is a front page and a back page; on A4 and larger the cards are set on a
 * sheet in a grid with cut lines, fronts on one page and backs mirrored on the
 * next, so a duplex print puts each back behind its front.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, estimateLines, fingerprintFooter, GRID_LAYOUT, headCell, marginsFor, pageSetup } from '../../pdf/blocks.ts';
import { formatFingerprint } from '../../pdf/fingerprint.ts';
import { MM_TO_PT, type Paper } from '../../pdf/paper.ts';
import { closingRow, designWidths, keepTogether, signLines } from '../../pdf/forms.ts';
import { cardBlockHeader, cardFooter, cardPaper, cardUnit, CARD_WIDTH_PT, type CardFormat } from '../../pdf/pocketCard.ts';
import type { BuildContext } from '../print/types.ts';

// ---------------------------------------------------------------- 应急处置卡

export interface EmergencyCardDoc {
  title: string;
  postName: string;
  unitName: string;
  planCode: string;
  planName: string;
  /** Plan version the card was generated from. */
  sourceVersion: string;
  /** The card's own revision. */
  revision: number;
  updatedOn: string;
  scenarios: { scenario: string; steps: string[]; cautions: string | null }[];
  contacts: { role: string; name: string | null; phone: string }[];
}

/** Cell sizes a card can be set in: the card itself, or A6/A5 when its content is long. */
export type CardCell = 'CARD' | CardFormat;

export interface EmergencyCardsData {
  scope: string;
  cards: EmergencyCardDoc[];
  /** Layout only (card paper): set on a part laid out larger than asked because its content is long. */
  format?: CardFormat | null;
  /** Layout only (A4 and larger): the part is one sheet of cards in cells of this size. */
  sheet?: { cell: CardCell; bumped?: boolean } | null;
  /** Layout only: cards with little text are set in larger type unless this is set (after one did not fit). */
  tight?: boolean;
}

/** Type a little larger on a card with little text (easier to read in an emergency), up to 30 %. */
export function fillFactor(c: EmergencyCardDoc, tight: boolean | undefined): number {
  return tight ? 1 : Math.min(1.3, Math.max(1, 0.86 / emergencyCardLoad(c)));
}

export const EM_COLORS = { head: '#a8071a', accent: '#d46b08', contact: '#fff4e6' };
const PUBLIC_NUMBERS = new Set(['119', '120', '110', '122', '12350']);
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** Cell sizes in points, landscape. */
const CELL_PT: Record<CardCell, { w: number; h: number }> = {
  CARD: { w: 85.5 * MM_TO_PT, h: 54 * MM_TO_PT },
  A6: { w: 148 * MM_TO_PT, h: 105 * MM_TO_PT },
  A5: { w: 210 * MM_TO_PT, h: 148 * MM_TO_PT },
};

/** Whether a paper is used as a sheet of cards (A4 and larger) rather than as the card itself. */
export function isCardSheet(paper: Paper): boolean {
  return Math.min(paper.widthMm, paper.heightMm) >= 180;
}

/** The card's back line: where the card comes from. */
function sourceLine(c: EmergencyCardDoc): string {
  return `依据：${c.planCode}《${c.planName}》${c.sourceVersion} · 卡片第 ${c.revision} 版 · ${c.updatedOn}`;
}

function contactText(c: EmergencyCardDoc['contacts'][number]): string {
  return `${c.role}${c.name ? ` ${c.name}` : ''}`;
}

/**
 * How full the fuller side of a card would be on the 85.5×54 card, as a share
 * of the room (1 = exactly full), estimated from the text before any layout.
 */
export function emergencyCardLoad(c: EmergencyCardDoc): number {
  const fs = 4.6;
  const full = 228;
  const half = 111;
  const lines = (t: string, w: number) => estimateLines(t, w - 8, fs);
  const room = 16.2;
  const scenario = (s: EmergencyCardDoc['scenarios'][number], w: number) => 1.35 + s.steps.reduce((a, x) => a + lines(x, w), 0) + 0.35;
  let front: number;
  if (c.scenarios.length <= 1) front = c.scenarios.reduce((a, s) => a + scenario(s, full), 0);
  else {
    const heights = c.scenarios.map((s) => scenario(s, half));
    front = Math.min(...heights.map((_, i) => Math.max(heights.slice(0, i + 1).reduce((a, b) => a + b, 0), heights.slice(i + 1).reduce((a, b) => a + b, 0))));
  }
  const cautions = c.scenarios.filter((s) => s.cautions);
  const contactsLines = c.contacts.length;
  const back = cautions.length
    ? Math.max(1.6 + cautions.reduce((a, s) => a + lines(`${s.scenario}：${s.cautions}`, half), 0), 1.6 + contactsLines) + 1.6
    : 1.6 + Math.ceil(contactsLines / 2) + 1.6;
  return Math.max(front, back) / room;
}

interface CardSize {
  /** Type unit: 1 on the 85.5×54 card. */
  u: number;
  /** Body text factor (larger type for little text). */
  f: number;
}

function cardFront(c: EmergencyCardDoc, { u, f }: CardSize): Content {
  const fs = 4.6 * u * f;
  const scenario = (s: EmergencyCardDoc['scenarios'][number], i: number, many: boolean): Content => ({
    stack: [
      {
        text: [
          ...(many ? [{ text: `情形${CHINESE_ORDINALS[i] ?? i + 1} `, color: COLORS.muted, fontSize: fs * 0.95 }] : []),
          { text: s.scenario, bold: true, color: EM_COLORS.accent },
        ],
        fontSize: 5.2 * u * f,
        margin: [0, 0, 0, 0.8 * u * f],
      },
      { ol: s.steps, markerColor: EM_COLORS.head, separator: ['', '.'], fontSize: fs },
    ],
    margin: [0, 0, 0, 2.4 * u * f],
  });
  const many = c.scenarios.length > 1;
  let body: Content;
  if (!many) body = { stack: c.scenarios.map((s, i) => scenario(s, i, false)) };
  else {
    // Two columns, split where the taller column is shortest.
    const h = c.scenarios.map((s) => 1.35 + s.steps.reduce((a, x) => a + estimateLines(x, 103, 4.6), 0));
    let split = 1;
    let best = Infinity;
    for (let i = 1; i < h.length; i++) {
      const tall = Math.max(h.slice(0, i).reduce((a, b) => a + b, 0), h.slice(i).reduce((a, b) => a + b, 0));
      if (tall < best) [split, best] = [i, tall];
    }
    body = {
      columns: [
        { width: '*', stack: c.scenarios.slice(0, split).map((s, i) => scenario(s, i, true)) },
        { width: '*', stack: c.scenarios.slice(split).map((s, i) => scenario(s, i + split, true)) },
      ],
      columnGap: 5 * u,
    };
  }
  return {
    stack: [
      {
        table: {
          widths: ['*', 'auto'],
          body: [
            [
              { text: c.title, bold: true, fontSize: 7.2 * u, color: '#ffffff' },
              { text: c.unitName, fontSize: 4.3 * u, color: '#ffffff', alignment: 'right', margin: [0, 1.7 * u, 0, 0] },
            ],
          ],
        },
        layout: { fillColor: () => EM_COLORS.head, hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 3 * u, paddingRight: () => 3 * u, paddingTop: () => 1.2 * u, paddingBottom: () => 1.2 * u },
        margin: [0, 0, 0, 1.6 * u],
      },
      { text: '发现险情，按顺序立即处置：', fontSize: 4.2 * u, color: COLORS.muted, margin: [0, 0, 0, 1.2 * u] },
      body,
    ],
  };
}

function contactsTable(contacts: EmergencyCardDoc['contacts'], u: number, f: number, columns: 1 | 2): Content {
  const cell = (x: EmergencyCardDoc['contacts'][number] | undefined): TableCell[] =>
    x
      ? [
          { text: contactText(x) },
          { text: x.phone, bold: true, alignment: 'right', color: PUBLIC_NUMBERS.has(x.phone) ? COLORS.danger : COLORS.ink, noWrap: true },
        ]
      : [{ text: '' }, { text: '' }];
  const rows: TableCell[][] = [];
  if (columns === 1) for (const x of contacts) rows.push(cell(x));
  else {
    const n = Math.ceil(contacts.length / 2);
    for (let i = 0; i < n; i++) rows.push([...cell(contacts[i]), { text: '' }, ...cell(contacts[i + n])]);
  }
  return {
    table: { widths: columns === 1 ? ['*', 'auto'] : ['*', 'auto', 4 * u, '*', 'auto'], body: rows },
    layout: {
      fillColor: (i: number) => (i % 2 ? null : EM_COLORS.contact),
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 1.6 * u,
      paddingRight: () => 1.6 * u,
      paddingTop: () => 0.55 * u * f,
      paddingBottom: () => 0.55 * u * f,
    },
    fontSize: 4.6 * u * f,
  };
}

function cardBack(c: EmergencyCardDoc, { u, f }: CardSize, stamp: string | null): Content {
  const cautions = c.scenarios.filter((s) => s.cautions);
  const many = c.scenarios.length > 1;
  const contactsBlock: Content[] = [cardBlockHeader('应急联系电话', EM_COLORS.head, 5 * u * f, 1.8 * u), contactsTable(c.contacts, u, f, cautions.length ? 1 : 2)];
  const body: Content = cautions.length
    ? {
        columns: [
          {
            width: '*',
            stack: [
              cardBlockHeader('注意事项', EM_COLORS.accent, 5 * u * f, 1.8 * u),
              {
                ul: cautions.map((s) => (many ? { text: [{ text: `${s.scenario}：`, bold: true }, s.cautions!] } : s.cautions!)),
                markerColor: EM_COLORS.accent,
                fontSize: 4.6 * u * f,
              },
            ],
          },
          { width: '*', stack: contactsBlock },
        ],
        columnGap: 5 * u,
      }
    : { stack: contactsBlock };
  return {
    stack: [
      body,
      { text: sourceLine(c), fontSize: 3.8 * u, color: COLORS.muted, alignment: 'center', margin: [0, 2.2 * u, 0, 0] },
      ...(stamp ? [{ text: stamp, fontSize: 3.4 * u, color: COLORS.muted, alignment: 'center' as const, margin: [0, 0.6 * u, 0, 0] as [number, number, number, number] }] : []),
    ],
  };
}

/** One card a page pair (front, back) on the card paper, or on A6/A5 when enlarged. */
function buildCardPages(d: EmergencyCardsData, ctx: BuildContext): TDocumentDefinitions {
  const paper = cardPaper(ctx.paper, d.format ?? null);
  const u = cardUnit(paper, !!d.format);
  const side = 7 * u;
  const footSize = 3.4 * u;
  const content: Content[] = [];
  d.cards.forEach((c, i) => {
    const size = { u, f: fillFactor(c, d.tight) };
    content.push({ stack: [cardFront(c, size)], ...(i ? { pageBreak: 'before' as const } : {}) }, { stack: [cardBack(c, size, null)], pageBreak: 'before' });
  });
  return {
    pageSize: { width: paper.widthPt, height: paper.heightPt },
    pageMargins: [side, side * 0.9, side, footSize * 2.6],
    info: { title: '应急处置卡', creator: 'SafeLedger 安全生产台账' },
    footer: cardFooter(ctx.stamp, side, footSize),
    content,
    defaultStyle: { fontSize: 4.6 * u, color: COLORS.ink, lineHeight: 1.12 },
  };
}

const SHEET_GAP = 4 * MM_TO_PT;
const SHEET_SIDE = 10 * MM_TO_PT;
/** Cut lines: width in points (every grid line is this wide, drawn or not). */
const CUT = 0.4;
/** Room left under the grid: less than a line of card text, so a card that grows pushes its row to another page. */
const SLACK = 1.5;

export interface SheetGeometry {
  cols: number;
  rows: number;
  cellW: number;
  cellH: number;
  /** Scale of the cell's type against the 85.5×54 card. */
  u: number;
  left: number;
  top: number;
  bottom: number;
  standardBottom: number;
}

/** How cells of a size are laid out on a sheet: as many columns and rows as fit, centred. */
export function sheetGeometry(paper: Paper, cell: CardCell): SheetGeometry {
  const k = Math.min(1, Math.min(paper.widthPt, paper.heightPt) / 595.28) || 1;
  const headRoom = 22 * k;
  const top = SHEET_SIDE + headRoom;
  const standardBottom = marginsFor(paper)[3];
  let { w, h } = CELL_PT[cell];
  const fit = (len: number, size: number) => Math.floor((len + SHEET_GAP) / (size + SHEET_GAP));
  let cols = fit(paper.widthPt - 2 * SHEET_SIDE, w);
  let rows = fit(paper.heightPt - top - standardBottom, h);
  if (cols < 1 || rows < 1) {
    // The cell does not fit the sheet (A5 cells on A4): shrink it to the page, keeping its proportions.
    const s = Math.min((paper.widthPt - 2 * SHEET_SIDE) / w, (paper.heightPt - top - standardBottom) / h);
    [w, h, cols, rows] = [w * s, h * s, 1, 1];
  }
  const gridW = cols * w + (cols - 1) * SHEET_GAP + CUT;
  const gridH = rows * h + (rows - 1) * SHEET_GAP + CUT;
  const u = cell === 'CARD' ? (w / CARD_WIDTH_PT) : Math.sqrt(w / CARD_WIDTH_PT) * 1.1;
  return { cols, rows, cellW: w, cellH: h, u, left: (paper.widthPt - gridW) / 2, top, bottom: paper.heightPt - top - gridH - SLACK, standardBottom };
}

/** Cards on sheets: per group of cols × rows cards, a page of fronts then a page of backs in mirrored columns. */
function buildSheet(d: EmergencyCardsData, ctx: BuildContext): TDocumentDefinitions {
  const paper = ctx.paper;
  const cell = d.sheet?.cell ?? 'CARD';
  const g = sheetGeometry(paper, cell);
  const per = g.cols * g.rows;
  const pad = { x: 7 * g.u, top: 6.3 * g.u, bottom: 5 * g.u };
  const stamp = `${ctx.stamp.enterpriseName} · 指纹 ${formatFingerprint(ctx.stamp.fingerprint)}`;
  const flip = paper.orientation === 'portrait' ? '沿长边翻转' : '沿短边翻转';
  const widths: number[] = [];
  for (let c = 0; c < g.cols; c++) widths.push(...(c ? [SHEET_GAP - CUT] : []), g.cellW - CUT);
  const heights: number[] = [];
  for (let r = 0; r < g.rows; r++) heights.push(...(r ? [SHEET_GAP - CUT] : []), g.cellH - CUT);
  const blank = (): TableCell => ({ text: '', border: [false, false, false, false] });
  const grid = (cards: EmergencyCardDoc[], back: boolean): Content => {
    const body: TableCell[][] = [];
    for (let r = 0; r < g.rows; r++) {
      if (r) body.push(widths.map(blank));
      const row: TableCell[] = [];
      for (let c = 0; c < g.cols; c++) {
        if (c) row.push(blank());
        // The back of the card in column c sits in the mirrored column, behind its front.
        const card = cards[r * g.cols + (back ? g.cols - 1 - c : c)];
        row.push(
          card
            ? { stack: [back ? cardBack(card, { u: g.u, f: fillFactor(card, d.tight) }, stamp) : cardFront(card, { u: g.u, f: fillFactor(card, d.tight) })], margin: [pad.x, pad.top, pad.x, pad.bottom], border: [true, true, true, true] }
            : blank(),
        );
      }
      body.push(row);
    }
    return {
      table: { widths, heights, body, dontBreakRows: true },
      layout: {
        hLineWidth: () => CUT,
        vLineWidth: () => CUT,
        hLineColor: () => '#9ca3af',
        vLineColor: () => '#9ca3af',
        hLineStyle: () => ({ dash: { length: 3, space: 2 } }),
        vLineStyle: () => ({ dash: { length: 3, space: 2 } }),
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 0,
        paddingBottom: () => 0,
      },
      fontSize: 4.6 * g.u,
      lineHeight: 1.12,
    };
  };
  const content: Content[] = [];
  const sides: boolean[] = [];
  for (let i = 0; i < Math.max(1, d.cards.length); i += per) {
    const cards = d.cards.slice(i, i + per);
    content.push({ stack: [grid(cards, false)], ...(i ? { pageBreak: 'before' as const } : {}) }, { stack: [grid(cards, true)], pageBreak: 'before' });
    sides.push(false, true);
  }
  const k = Math.min(1, Math.min(paper.widthPt, paper.heightPt) / 595.28);
  const footer = fingerprintFooter(ctx.stamp, paper, 'none');
  const cellLabel = cell === 'CARD' ? '85.5×54 mm' : cell === 'A6' ? 'A6（148×105 mm）' : 'A5（210×148 mm）';
  return {
    pageSize: { width: paper.widthPt, height: paper.heightPt },
    pageMargins: [g.left, g.top, g.left, g.bottom],
    info: { title: '应急处置卡', creator: 'SafeLedger 安全生产台账' },
    header: (page: number) => ({
      columns: [
        { text: [{ text: '应急处置卡', bold: true }, { text: `  ${sides[page - 1] ? '背面' : '正面'}  卡片 ${cellLabel}`, color: COLORS.muted }], width: '*' },
        { text: `沿虚线裁切；双面打印请选择「${flip}」，背面与正面对齐`, color: COLORS.muted, alignment: 'right', width: 'auto' },
      ],
      fontSize: 8 * k,
      margin: [g.left, SHEET_SIDE, g.left, 0],
    }),
    // The grid ends where the page would break for a grown card; the footer stays at the usual place.
    footer: (page: number, count: number, size: unknown) => ({ stack: [footer(page, count, size as never) as Content], margin: [0, g.bottom - g.standardBottom, 0, 0] }),
    content,
    defaultStyle: { fontSize: 4.6 * g.u, color: COLORS.ink, lineHeight: 1.12 },
  };
}

export function buildEmergencyCards(d: EmergencyCardsData, ctx: BuildContext): TDocumentDefinitions {
  return d.sheet ? buildSheet(d, ctx) : buildCardPages(d, ctx);
}

/** How many cards of a cell size a sheet of this paper holds. */
export function cardsPerSheet(paper: Paper, cell: CardCell): number {
  const g = sheetGeometry(paper, cell);
  return g.cols * g.rows;
}

/** The larger cell for a card (or a sheet of cards) that does not fit. */
export function largerCell(cell: CardCell): CardCell {
  return cell === 'CARD' ? 'A6' : 'A5';
}

// ---------------------------------------------------------------- 应急预案管理台账

export interface PlanRegisterRow {
  no: number;
  type: string;
  code: string;
  name: string;
  parent: string | null;
  version: string;
  issuedOn: string;
  review: string;
  signer: string;
  filedOn: string;
  authority: string;
  receiptNo: string;
  filing: string;
  /** The filing is late or overdue (printed in red). */
  filingBad: boolean;
  nextRevision: string;
  revisionBad: boolean;
  triggers: string;
  /** Revision triggers still open (printed in red). */
  triggersOpen: boolean;
  archived: boolean;
}

export interface PlanTriggerRow {
  no: number;
  plan: string;
  kind: string;
  occurredOn: string;
  description: string;
  dueOn: string;
  owner: string;
  state: string;
  overdue: boolean;
}

export interface PlanRegisterData {
  asOf: string;
  summary: string;
  filingRule: string;
  rows: PlanRegisterRow[];
  triggers: PlanTriggerRow[];
}

const REGISTER_COLUMNS: [string, number | '*'][] = [
  ['序号', 16],
  ['类型', 32],
  ['预案编号', 44],
  ['预案名称', '*'],
  ['现行版本', 30],
  ['发布日期', 42],
  ['评审/论证', 44],
  ['签署人', 30],
  ['备案日期', 42],
  ['受理部门', 58],
  ['回执编号', 50],
  ['备案状态', 72],
  ['下次修订', 44],
  ['待处理\n修订事项', 36],
];
const REGISTER_PAD = 2.5;

export function buildPlanRegister(d: PlanRegisterData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const [ml, , mr] = marginsFor(ctx.paper);
  const u = (ctx.paper.widthPt - ml - mr) / 770;
  const danger = { color: COLORS.danger, bold: true };
  const body: TableCell[][] = d.rows.map((r) => {
    const dim = r.archived ? { color: COLORS.muted } : {};
    return [
      { text: String(r.no), alignment: 'center', ...dim },
      { text: r.type, ...dim },
      { text: r.code, ...dim },
      { stack: [{ text: r.name, bold: !r.archived, ...dim }, ...(r.parent ? [{ text: `上级：${r.parent}`, color: COLORS.muted, fontSize: 6.2 * u }] : [])] },
      { text: r.version, alignment: 'center', ...dim },
      { text: r.issuedOn, ...dim },
      { text: r.review, ...dim },
      { text: r.signer, ...dim },
      { text: r.filedOn, ...dim },
      { text: r.authority, ...dim },
      { text: r.receiptNo, ...dim },
      { text: r.filing, ...(r.filingBad ? danger : dim) },
      { text: r.nextRevision, ...(r.revisionBad ? danger : dim) },
      { text: r.triggers, alignment: 'center', ...(r.triggersOpen ? danger : dim) },
    ];
  });
  if (!body.length) body.push([{ text: '尚未登记应急预案', colSpan: REGISTER_COLUMNS.length, alignment: 'center', color: COLORS.muted }, ...REGISTER_COLUMNS.slice(1).map(() => ({}))]);
  const triggerRows: TableCell[][] = d.triggers.map((t) => [
    { text: String(t.no), alignment: 'center' },
    { text: t.plan },
    { text: t.kind },
    { text: t.occurredOn },
    { text: t.description },
    { text: t.dueOn, ...(t.overdue ? danger : {}) },
    { text: t.owner },
    { text: t.state, ...(t.overdue ? danger : {}) },
  ]);
  if (!triggerRows.length) triggerRows.push([{ text: '没有登记的修订事项', colSpan: 8, alignment: 'center', color: COLORS.muted }, {}, {}, {}, {}, {}, {}, {}]);
  const layout = { ...GRID_LAYOUT, paddingLeft: () => REGISTER_PAD * u, paddingRight: () => REGISTER_PAD * u, paddingTop: () => 2 * u, paddingBottom: () => 2 * u };
  const triggerColumns: [string, number | '*'][] = [
    ['序号', 16],
    ['预案', 130],
    ['修订情形', 90],
    ['发生日期', 42],
    ['情况说明', '*'],
    ['完成期限', 42],
    ['负责人', 36],
    ['处理情况', 96],
  ];
  const signatures = signLines([{ role: '填表人' }, { role: '审核人（安全管理部门负责人）' }, { role: '日期' }], k * 0.9);
  const short = triggerRows.length <= 8;
  const triggerWidths = designWidths(triggerColumns, u, REGISTER_PAD);
  const triggerSection: Content[] = [
    { text: '预案修订事项', bold: true, fontSize: 11 * k, color: COLORS.brandDark, margin: [0, 12 * k, 0, 4 * k], headlineLevel: 1 },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: triggerWidths,
        // A long list keeps its last rows with the signatures.
        body: [triggerColumns.map(([t]) => headCell(t)) as TableCell[], ...(short ? triggerRows : closingRow(triggerRows, 2, triggerWidths, REGISTER_PAD * u, 2 * u, undefined, [signatures]))],
      },
      layout,
    },
    ...(short ? [signatures] : []),
  ];
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '应急预案管理台账'),
    pageBreakBefore: keepTogether as never,
    content: [
      { text: `${ctx.stamp.enterpriseName}应急预案管理台账`, fontSize: 16 * k, bold: true, alignment: 'center', characterSpacing: 1 * k },
      { text: `截至 ${d.asOf}\u3000${d.summary}`, fontSize: 8.5 * k, alignment: 'center', margin: [0, 3 * k, 0, 2 * k] },
      { text: d.filingRule, fontSize: 7.2 * k, color: COLORS.muted, margin: [0, 3 * k, 0, 4 * k] },
      { table: { headerRows: 1, dontBreakRows: true, widths: designWidths(REGISTER_COLUMNS, u, REGISTER_PAD), body: [REGISTER_COLUMNS.map(([t]) => headCell(t)) as TableCell[], ...body] }, layout },
      // A short section moves to the next page whole rather than leave its heading or the signatures alone.
      ...(short ? [{ stack: triggerSection, unbreakable: true } as Content] : triggerSection),
    ],
    defaultStyle: { fontSize: 7 * u, color: COLORS.ink, lineHeight: 1.1 },
  };
}
