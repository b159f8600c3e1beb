/**
 * 隐患排查治理 documents as pdfmake definitions (pure): the 台账 ledger, the
 * 整改通知单 and 复查验收单 per hazard, the 重大事故隐患档案, the quarterly or
 * annual 统计表 and the blank 检查表 with the task's QR code.
 */
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, GRID_LAYOUT, headCell, marginsFor, pageSetup, signatureBlock } from '../../pdf/blocks.ts';
import type { BuildContext } from '../print/types.ts';

type Margin = [number, number, number, number];

/** An empty box to tick by hand, and a ticked one (the bundled font has □ and ■, not ☐/☑). */
export const BOX = '□';
export const TICKED = '■';

const LABEL_FILL = '#f5f7fa';

/** A key/value form grid: rows of [label, value] pairs; the last pair of a short row spans what is left. */
function formGrid(rows: [string, string | Content][][], k: number, labelWidth = 62): Content {
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
  return { table: { widths, body: body as never }, layout: { ...GRID_LAYOUT, paddingTop: () => 3 * k, paddingBottom: () => 3 * k }, margin: [0, 0, 0, 8 * k] };
}

/** A bold heading over a block of a form. */
function blockTitle(text: string, k: number, color: string = COLORS.brandDark): Content {
  return { text, bold: true, fontSize: 11 * k, color, margin: [0, 6 * k, 0, 4 * k] };
}

/** A multi-line text box that is left open for handwriting when `value` is empty. */
function textBox(value: string | null, k: number, emptyLines = 3, hint: string | null = null): Content {
  return {
    table: {
      widths: ['*'],
      body: [[value ? { text: value, lineHeight: 1.25 } : { text: hint ?? ' ', color: COLORS.muted, fontSize: 8.5 * k, margin: [0, 0, 0, emptyLines * 14 * k] }]],
    },
    layout: { ...GRID_LAYOUT, paddingTop: () => 4 * k, paddingBottom: () => 4 * k, paddingLeft: () => 5 * k, paddingRight: () => 5 * k },
    margin: [0, 0, 0, 6 * k],
  };
}

function docTitle(title: string, sub: string | null, k: number, code: string | null = null): Content {
  return {
    stack: [
      { text: title, fontSize: 18 * k, bold: true, alignment: 'center', characterSpacing: 2 * k },
      ...(sub ? [{ text: sub, fontSize: 9.5 * k, color: COLORS.muted, alignment: 'center' as const, margin: [0, 3 * k, 0, 0] as Margin }] : []),
      ...(code ? [{ text: `编号：${code}`, fontSize: 10 * k, alignment: 'right' as const, margin: [0, 4 * k, 0, 0] as Margin }] : []),
    ],
    margin: [0, 0, 0, 8 * k],
  };
}

// ---------------------------------------------------------------- 台账

export interface LedgerRowDoc {
  no: number;
  code: string;
  source: string;
  foundOn: string;
  foundBy: string;
  place: string;
  description: string;
  category: string;
  level: string;
  major: boolean;
  measures: string;
  respUnit: string;
  respPerson: string;
  funds: string;
  deadline: string;
  interim: string;
  extension: string;
  rectifiedOn: string;
  reinspector: string;
  opinion: string;
  closedOn: string;
  status: string;
  overdue: boolean;
}

export interface LedgerData {
  /** 2026-01-01 至 2026-12-31 */
  period: string;
  /** Unit, level and status chosen, in words. */
  filter: string;
  /** Counts per status, in words. */
  summary: string;
  total: number;
  totalFunds: string;
  rows: LedgerRowDoc[];
  /** Layout only (set when the ledger is laid out in parts): title on the first part, totals and signatures on the last. */
  part?: { first: boolean; last: boolean };
}

/**
 * Column titles and content widths in design units: the ledger is designed on
 * the 770 pt inside the margins of A4 landscape and scaled to the page's width.
 * A date or a hazard number fits one line. 整改措施 takes what is left.
 */
const LEDGER_COLUMNS: [string, number | '*'][] = [
  ['序号', 14],
  ['编号', 38],
  ['来源', 24],
  ['发现日期', 30],
  ['排查人', 18],
  ['部位/风险点', 44],
  ['隐患描述', 100],
  ['类别', 14],
  ['等级', 13],
  ['整改措施', '*'],
  ['责任单位', 30],
  ['责任人', 18],
  ['资金（元）', 24],
  ['整改期限', 30],
  ['临时措施/预案', 40],
  ['延期', 30],
  ['完成日期', 30],
  ['复查人', 18],
  ['复查意见', 40],
  ['销号日期', 30],
  ['状态', 28],
];
const LEDGER_DESIGN_WIDTH = 770;
const LEDGER_FONT = 5.8;
const LEDGER_PAD = 2;

/** What 类别 abbreviates, said once above the table. */
export const LEDGER_LEGEND = '类别：人＝人的不安全行为，物＝物的不安全状态，管理＝管理缺陷；基础＝基础管理，现场＝现场管理。';

/**
 * Advance widths (1/1000 em) of printable ASCII in the bundled Noto Sans SC;
 * everything else is taken as one em (CJK is exactly that; the rest is at most).
 */
const ASCII_WIDTHS = [
  224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555, 555, 555, 555, 555, 555, 278, 278, 555, 555, 555, 474, 946, 608, 657, 638, 688, 589,
  552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559, 606, 563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552,
  284, 926, 610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338, 270, 338, 555,
];
const charEm = (c: string): number => {
  const code = c.charCodeAt(0);
  return code >= 32 && code < 127 ? ASCII_WIDTHS[code - 32]! / 1000 : 1;
};
/** Not at the start of a line (避头): closing punctuation. */
const NO_START = new Set([...'，。、；：？！）》」』】〕…·％,.;:?!)]}%”’']);
/** Not at the end of a line (避尾): opening punctuation. */
const NO_END = new Set([...'（《「『【〔([{“‘']);

/**
 * Breaks text into lines no wider than `widthEm`, the way a Chinese table is
 * set: between any two CJK characters, Latin words and numbers kept whole
 * unless longer than a line, no closing punctuation at a line's start and no
 * opening one at its end. Widths come from the font's metrics, so the lines
 * can be laid out unwrapped: pdfmake then measures a line, not each character.
 */
export function wrapLines(text: string, widthEm: number): string[] {
  const out: string[] = [];
  const emOf = (t: string) => [...t].reduce((a, c) => a + charEm(c), 0);
  for (const para of text.split(/\r?\n/)) {
    // Tokens: a run of Latin letters, digits and joining marks, or one other character.
    const tokens = para.match(/[A-Za-z0-9.\-_/:%+#&@]+|[\s\S]/gu) ?? [];
    let line: string[] = [];
    let width = 0;
    const flush = () => {
      out.push(line.join('').trimEnd());
      line = [];
      width = 0;
    };
    const push = (t: string, w: number) => {
      line.push(t);
      width += w;
    };
    for (const t of tokens) {
      const w = emOf(t);
      if (width + w <= widthEm) {
        if (line.length || t.trim()) push(t, w);
        continue;
      }
      if (!t.trim()) {
        flush();
        continue;
      }
      // 避头: a closing mark takes the previous character down with it. 避尾: an opening mark goes down.
      const carry: string[] = [];
      if (NO_START.has(t) && line.length > 1) carry.unshift(line.pop()!);
      while (line.length > 1 && NO_END.has(line[line.length - 1]!)) carry.unshift(line.pop()!);
      if (line.length) flush();
      for (const c of carry) push(c, emOf(c));
      if (width + w > widthEm && line.length) flush();
      if (w <= widthEm) {
        push(t, w);
        continue;
      }
      // A word longer than a line: broken by characters.
      for (const c of t) {
        if (width + charEm(c) > widthEm && line.length) flush();
        push(c, charEm(c));
      }
    }
    flush();
  }
  return out;
}

/** A cell of pre-broken lines, each laid out unwrapped (one inline a line instead of one a character). */
function linesCell(text: string, widthEm: number, style?: { bold?: boolean; color?: string }): object {
  const lines = wrapLines(text, widthEm);
  const items: (object | string)[] = [];
  lines.forEach((l, i) => {
    if (i) items.push('\n');
    items.push({ text: l, noWrap: true });
  });
  return { text: items, ...style };
}

export function buildLedger(d: LedgerData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const [ml, , mr] = marginsFor(ctx.paper);
  // Design units to points: the table always spans the page's width.
  const u = (ctx.paper.widthPt - ml - mr) / LEDGER_DESIGN_WIDTH;
  const fs = LEDGER_FONT * u;
  const first = d.part?.first ?? true;
  const last = d.part?.last ?? true;
  const fixed = LEDGER_COLUMNS.reduce((a, [, w]) => a + (w === '*' ? 0 : w), 0);
  const perColumn = 2 * LEDGER_PAD + 0.5 / u;
  const star = LEDGER_DESIGN_WIDTH - fixed - LEDGER_COLUMNS.length * perColumn - 1;
  const widths = LEDGER_COLUMNS.map(([, w]) => (w === '*' ? star : w));
  // Each column's width in ems of the ledger's type, less a hair for rounding.
  const em = widths.map((w) => w / LEDGER_FONT - 0.02);
  const danger = { bold: true, color: COLORS.danger };
  const body: unknown[][] = d.rows.map((r) =>
    [
      String(r.no),
      r.code,
      r.source,
      r.foundOn,
      r.foundBy,
      r.place,
      r.description,
      r.category,
      r.level,
      r.measures,
      r.respUnit,
      r.respPerson,
      r.funds,
      r.deadline,
      r.interim,
      r.extension,
      r.rectifiedOn,
      r.reinspector,
      r.opinion,
      r.closedOn,
      r.status,
    ].map((text, i) => linesCell(text, em[i]!, (i === 8 && r.major) || (i === 20 && r.overdue) ? danger : undefined)),
  );
  if (!d.rows.length) body.push([{ text: '本期间内没有登记的隐患', colSpan: LEDGER_COLUMNS.length, alignment: 'center', color: COLORS.muted, margin: [0, 8 * u, 0, 8 * u] }, ...LEDGER_COLUMNS.slice(1).map(() => ({}))]);
  const pad = LEDGER_PAD * u;
  const table: ContentTable = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: widths.map((w) => w * u),
      body: [LEDGER_COLUMNS.map(([t]) => headCell(t)), ...(body as never[])],
    },
    layout: { ...GRID_LAYOUT, paddingLeft: () => pad, paddingRight: () => pad, paddingTop: () => 1.6 * u, paddingBottom: () => 1.6 * u },
  };
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '隐患排查治理台账'),
    content: [
      ...(first
        ? [
            { text: `${ctx.stamp.enterpriseName}隐患排查治理台账`, fontSize: 16 * k, bold: true, alignment: 'center', characterSpacing: 1 * k } as Content,
            { text: `期间：${d.period}\u3000${d.filter}`, fontSize: 8.5 * k, alignment: 'center', margin: [0, 3 * k, 0, 2 * k] } as Content,
            { text: d.summary, fontSize: 8 * k, color: COLORS.muted, alignment: 'center' } as Content,
            { text: LEDGER_LEGEND, fontSize: 7 * k, color: COLORS.muted, margin: [0, 4 * k, 0, 3 * k] } as Content,
          ]
        : []),
      table,
      // A part ends where its rows end, so say the ledger goes on.
      ...(!last && d.rows.length ? [{ text: `（以上第 ${d.rows[0]!.no}–${d.rows.at(-1)!.no} 条，下页续）`, fontSize: 7 * k, color: COLORS.muted, alignment: 'right', margin: [0, 3 * k, 0, 0] } as Content] : []),
      ...(last
        ? [
            { text: `合计 ${d.total} 条；整改资金合计 ${d.totalFunds} 元。台账按发现日期排列，期间内登记的隐患不论状态全部列出。`, fontSize: 8 * k, margin: [0, 6 * k, 0, 0] } as Content,
            {
              columns: ['填表人', '审核人（安全管理部门负责人）', '日期'].map((role) => ({ text: `${role}：____________________`, fontSize: 9 * k })),
              margin: [0, 14 * k, 0, 0],
            } as Content,
          ]
        : []),
    ],
    defaultStyle: { fontSize: fs, color: COLORS.ink, lineHeight: 1.05 },
  };
}

// ---------------------------------------------------------------- 整改通知单

export interface HazardHead {
  code: string;
  unitName: string;
  place: string;
  description: string;
  source: string;
  foundOn: string;
  foundBy: string;
  kind: string;
  level: string;
  major: boolean;
  criteria: string | null;
}

export interface NoticeData {
  hazard: HazardHead;
  /** 五落实 (措施、责任、资金、时限、预案); null is left blank for handwriting. */
  five: { measures: string | null; respUnit: string | null; respPerson: string | null; funds: string | null; deadline: string; interim: string | null };
  issuedOn: string | null;
  issuerName: string | null;
  /** Photo hashes taken when found (at most three printed). */
  photos: string[];
}

function photoRow(shas: string[], ctx: BuildContext, height: number, caption: string | null): Content | null {
  const images = shas.map((s) => ctx.images[s]).filter((x): x is string => Boolean(x));
  if (!images.length) return null;
  const k = ctx.k;
  return {
    stack: [
      ...(caption ? [{ text: caption, fontSize: 8.5 * k, color: COLORS.muted, margin: [0, 0, 0, 3 * k] as Margin }] : []),
      { columns: images.map((image) => ({ width: 'auto', stack: [{ image, fit: [150 * k, height * k] }] }) as Content), columnGap: 6 * k },
    ],
    margin: [0, 0, 0, 6 * k],
  };
}

function hazardGrid(h: HazardHead, k: number, extra: [string, string][][] = []): Content {
  return formGrid(
    [
      [['所在单位', h.unitName], ['隐患等级', h.major && !h.level.includes('重大') ? `${h.level}（按重大事故隐患管理）` : h.level]],
      [['隐患部位', h.place], ['隐患类别', h.kind]],
      [['发现日期', h.foundOn], ['排查人', h.foundBy]],
      [['隐患来源', h.source]],
      ...(h.criteria ? [[['判定依据', h.criteria] as [string, string]]] : []),
      ...extra,
      [['隐患描述', { text: h.description, bold: true }]],
    ],
    k,
  );
}

export function buildNotice(d: NoticeData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const h = d.hazard;
  const f = d.five;
  const blank = (v: string | null) => v ?? '';
  const date = (v: string | null) => v ?? '        年    月    日';
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '隐患整改通知单'),
    content: [
      docTitle('隐患整改通知单', ctx.stamp.enterpriseName, k, h.code),
      { text: `${f.respUnit ?? h.unitName.split(' / ').at(-1) ?? h.unitName}：`, fontSize: 11 * k, bold: true, margin: [0, 0, 0, 3 * k] },
      {
        text: `经检查，你单位存在下列事故隐患，请按「五落实」要求（措施、责任、资金、时限、预案）于 ${f.deadline} 前整改完毕，整改完成后及时申请复查验收。整改期间须落实临时管控措施，防止发生事故；确需延期的，应在期限前提出延期申请。`,
        fontSize: 10 * k,
        lineHeight: 1.3,
        margin: [0, 0, 0, 8 * k],
      },
      hazardGrid(h, k),
      photoRow(d.photos, ctx, 95, '隐患照片') ?? { text: '' },
      blockTitle('整改要求（五落实）', k),
      formGrid(
        [
          [['整改措施', blank(f.measures)]],
          [['责任单位', blank(f.respUnit)], ['责任人', blank(f.respPerson)]],
          [['整改资金', f.funds ? `${f.funds} 元` : ''], ['整改期限', { text: f.deadline, bold: true, color: COLORS.danger }]],
          [['临时管控措施/应急预案', blank(f.interim)]],
        ],
        k,
      ),
      ...(h.major
        ? [{ text: '本隐患为重大事故隐患：须由主要负责人组织制定并批准治理方案，报告负有安全生产监督管理职责的部门和职工代表大会；治理期间设置警示标志，写明责任人、期限和应急措施。', fontSize: 9.5 * k, color: COLORS.danger, bold: true, margin: [0, 0, 0, 6 * k] } as Content]
        : []),
      {
        columns: [
          { text: `签发人：${blank(d.issuerName)}`, fontSize: 10.5 * k },
          { text: `签发日期：${date(d.issuedOn)}`, fontSize: 10.5 * k },
          { text: '签发单位（盖章）', fontSize: 10.5 * k },
        ],
        margin: [0, 8 * k, 0, 0],
      },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: ctx.paper.widthPt, y2: 0, lineWidth: 0.6, dash: { length: 4, space: 3 }, lineColor: COLORS.muted }],
        margin: [-60 * k, 16 * k, 0, 2 * k],
      },
      { text: '（沿虚线剪下，回执交签发单位）', fontSize: 8 * k, color: COLORS.muted, alignment: 'center', margin: [0, 0, 0, 6 * k] },
      { text: '隐患整改通知单回执', fontSize: 13 * k, bold: true, alignment: 'center', margin: [0, 0, 0, 6 * k] },
      {
        text: `已收到编号为 ${h.code} 的隐患整改通知单，将按要求落实整改措施、责任、资金、时限和应急预案，于 ${f.deadline} 前完成整改并申请复查验收。`,
        fontSize: 10 * k,
        lineHeight: 1.3,
      },
      signatureBlock(
        [
          { role: '接收单位', name: blank(f.respUnit ?? h.unitName) },
          { role: '整改责任人', name: blank(f.respPerson) },
        ],
        k * 0.9,
      ),
    ],
    defaultStyle: { fontSize: 10 * k, color: COLORS.ink },
  };
}

// ---------------------------------------------------------------- 复查验收单

export interface ReinspectionDoc {
  inspectedOn: string;
  inspector: string;
  passed: boolean;
  opinion: string;
}

export interface ReinspectionData {
  hazard: HazardHead;
  measures: string | null;
  respPerson: string | null;
  deadline: string;
  extensions: string | null;
  rectifier: string | null;
  rectifiedOn: string | null;
  rectifyNote: string | null;
  before: string[];
  after: string[];
  /** Earlier re-inspections that were not passed, oldest first. */
  earlier: ReinspectionDoc[];
  /** The latest re-inspection, or null to leave the section for handwriting. */
  latest: ReinspectionDoc | null;
  closedOn: string | null;
}

export function buildReinspection(d: ReinspectionData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const date = (v: string | null) => v ?? '        年    月    日';
  const photoCell = (shas: string[], empty: string): Content => {
    const images = shas.map((s) => ctx.images[s]).filter((x): x is string => Boolean(x));
    if (!images.length) return { text: empty, color: COLORS.muted, alignment: 'center', margin: [0, 36 * k, 0, 36 * k] };
    // Side by side, so two photos take no more height than one.
    const w = images.length > 1 ? 118 * k : 236 * k;
    return { columns: images.map((image) => ({ width: '*', stack: [{ image, fit: [w, 92 * k], alignment: 'center' }] }) as Content), columnGap: 4 * k };
  };
  const l = d.latest;
  const verdict = l ? `${l.passed ? TICKED : BOX} 合格，同意销号\u3000\u3000${l.passed ? BOX : TICKED} 不合格，退回整改` : `${BOX} 合格，同意销号\u3000\u3000${BOX} 不合格，退回整改`;
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '隐患整改复查验收单'),
    content: [
      docTitle('隐患整改复查验收单', ctx.stamp.enterpriseName, k, d.hazard.code),
      hazardGrid(d.hazard, k, [[['整改期限', d.deadline], ['整改责任人', d.respPerson ?? '']], ...(d.extensions ? [[['延期情况', d.extensions] as [string, string]]] : [])]),
      blockTitle('整改情况', k),
      formGrid([[['整改措施', d.measures ?? '']], [['完成情况', d.rectifyNote ?? '']], [['整改人', d.rectifier ?? ''], ['完成日期', date(d.rectifiedOn)]]], k),
      {
        table: {
          widths: ['*', '*'],
          body: [
            [headCell('整改前照片'), headCell('整改后照片')],
            [photoCell(d.before, '（无整改前照片）'), photoCell(d.after, '（无整改后照片，可贴附）')],
          ],
        },
        layout: GRID_LAYOUT,
        margin: [0, 0, 0, 8 * k],
        unbreakable: true,
      },
      ...(d.earlier.length
        ? [
            blockTitle('此前复查', k),
            {
              ul: d.earlier.map((e) => `${e.inspectedOn} ${e.inspector} 复查：${e.passed ? '合格' : '不合格，退回整改'}。${e.opinion}`),
              fontSize: 9 * k,
              margin: [0, 0, 0, 6 * k],
            } as Content,
          ]
        : []),
      {
        stack: [
          blockTitle('复查验收意见', k),
          textBox(l?.opinion ?? null, k, 3, '（复查人填写：整改措施是否落实、隐患是否消除、有无遗留问题）'),
          { text: verdict, fontSize: 10.5 * k, margin: [0, 2 * k, 0, 4 * k] },
          {
            columns: [
              { text: `复查人：${l?.inspector ?? ''}`, fontSize: 10.5 * k },
              { text: `复查日期：${date(l?.inspectedOn ?? null)}`, fontSize: 10.5 * k },
              { text: `销号日期：${date(d.closedOn)}`, fontSize: 10.5 * k, bold: Boolean(d.closedOn) },
            ],
            margin: [0, 0, 0, 2 * k],
          },
          { text: '复查人不得由整改人担任；复查合格后方可销号。', fontSize: 8.5 * k, color: COLORS.muted },
          signatureBlock([{ role: '整改责任人', name: d.respPerson }, { role: '复查人', name: l?.inspector ?? null, date: l?.inspectedOn ?? null }, { role: '安全管理部门负责人', name: null }], k * 0.85),
        ],
        unbreakable: true,
      } as Content,
    ],
    defaultStyle: { fontSize: 10 * k, color: COLORS.ink },
  };
}

// ---------------------------------------------------------------- 重大事故隐患档案

export interface MajorFileData {
  hazard: HazardHead;
  status: string;
  deadline: string;
  five: NoticeData['five'];
  /** The eight parts of the report and treatment plan; null when not written yet. */
  plan: { title: string; text: string }[] | null;
  approval: { by: string; on: string } | null;
  report: { on: string; to: string } | null;
  extensions: { oldDeadline: string; newDeadline: string; reason: string; interim: string; requestedBy: string; approvedBy: string; approvedOn: string }[];
  rectification: { rectifier: string | null; rectifiedOn: string | null; note: string | null };
  reinspections: ReinspectionDoc[];
  closedOn: string | null;
  timeline: { at: string; what: string; change: string; by: string; note: string }[];
  before: string[];
  after: string[];
}

export function buildMajorFile(d: MajorFileData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const h = d.hazard;
  const section = (n: string, title: string): Content => ({
    text: `${n}、${title}`,
    bold: true,
    fontSize: 12 * k,
    color: COLORS.brandDark,
    margin: [0, 10 * k, 0, 4 * k],
    headlineLevel: 1,
  } as Content);
  const missingText = (t: string): Content => ({ text: t, color: COLORS.danger, bold: true, margin: [0, 0, 0, 4 * k] });
  const smallTable = (head: string[], widths: (number | string)[], rows: string[][]): Content => ({
    table: { headerRows: 1, dontBreakRows: true, widths, body: [head.map(headCell), ...rows] },
    layout: GRID_LAYOUT,
    fontSize: 9 * k,
    margin: [0, 0, 0, 4 * k],
  });
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '重大事故隐患档案'),
    // A section heading never ends a page.
    pageBreakBefore: (node, q) => node.headlineLevel === 1 && q.getFollowingNodesOnPage().length === 0,
    content: [
      docTitle('重大事故隐患档案', ctx.stamp.enterpriseName, k, h.code),
      section('一', '基本情况'),
      hazardGrid(h, k, [[['当前状态', d.status], ['整改期限', d.deadline]]]),
      section('二', '隐患报告及治理方案'),
      ...(d.plan
        ? d.plan.map((p, i) => ({
            stack: [
              { text: `（${'一二三四五六七八'[i] ?? i + 1}）${p.title}`, bold: true, fontSize: 10 * k, margin: [0, 3 * k, 0, 2 * k] as Margin },
              { text: p.text, fontSize: 10 * k, lineHeight: 1.3, margin: [10 * k, 0, 0, 2 * k] as Margin },
            ],
          }))
        : [missingText('尚未编制治理方案。重大事故隐患须由主要负责人组织制定治理方案（治理目标和任务、方法和措施、经费和物资、机构和人员、时限和要求、安全措施和应急预案）。')]),
      {
        stack: [
          section('三', '主要负责人批准'),
          d.approval ? { text: `治理方案经主要负责人 ${d.approval.by} 于 ${d.approval.on} 批准。`, margin: [0, 0, 0, 4 * k] } : missingText('治理方案尚未经主要负责人批准。'),
          signatureBlock([{ role: '主要负责人', name: d.approval?.by ?? null, date: d.approval?.on ?? null }], k * 0.9),
        ],
        unbreakable: true,
      } as Content,
      section('四', '报告情况'),
      d.report
        ? { text: `已于 ${d.report.on} 向 ${d.report.to} 报告。`, margin: [0, 0, 0, 4 * k] }
        : missingText('尚未登记向负有安全生产监督管理职责的部门和职工代表大会的报告。'),
      section('五', '整改责任落实（五落实）'),
      formGrid(
        [
          [['整改措施', d.five.measures ?? '']],
          [['责任单位', d.five.respUnit ?? ''], ['责任人', d.five.respPerson ?? '']],
          [['整改资金', d.five.funds ? `${d.five.funds} 元` : ''], ['整改期限', d.five.deadline]],
          [['临时管控措施/应急预案', d.five.interim ?? '']],
        ],
        k,
      ),
      section('六', '延期记录'),
      d.extensions.length
        ? smallTable(
            ['次', '原期限', '新期限', '延期原因', '临时管控措施', '申请人', '批准人', '批准日期'],
            [14 * k, 50 * k, 50 * k, '*', '*', 36 * k, 36 * k, 50 * k],
            d.extensions.map((e, i) => [String(i + 1), e.oldDeadline, e.newDeadline, e.reason, e.interim, e.requestedBy, e.approvedBy, e.approvedOn]),
          )
        : { text: '无延期。', color: COLORS.muted },
      section('七', '整改及复查验收'),
      formGrid([[['整改情况', d.rectification.note ?? '']], [['整改人', d.rectification.rectifier ?? ''], ['完成日期', d.rectification.rectifiedOn ?? '']]], k),
      d.reinspections.length
        ? smallTable(['复查日期', '复查人', '结论', '复查意见'], [52 * k, 44 * k, 44 * k, '*'], d.reinspections.map((r) => [r.inspectedOn, r.inspector, r.passed ? '合格' : '不合格', r.opinion]))
        : { text: '尚未复查验收。', color: COLORS.muted, margin: [0, 0, 0, 4 * k] },
      { text: d.closedOn ? `已于 ${d.closedOn} 销号。` : '尚未销号。', bold: Boolean(d.closedOn), margin: [0, 4 * k, 0, 0] },
      ...(d.before.length || d.after.length
        ? [section('八', '照片'), photoRow(d.before, ctx, 110, '整改前') ?? { text: '' }, photoRow(d.after, ctx, 110, '整改后') ?? { text: '' }]
        : []),
      section(d.before.length || d.after.length ? '九' : '八', '全过程记录'),
      smallTable(
        ['时间', '事项', '状态变化', '经办人', '说明'],
        [72 * k, 92 * k, 78 * k, 44 * k, '*'],
        d.timeline.map((t) => [t.at, t.what, t.change, t.by, t.note]),
      ),
    ],
    defaultStyle: { fontSize: 10 * k, color: COLORS.ink },
  };
}

// ---------------------------------------------------------------- 统计表

export interface StatsData {
  /** 2026年第四季度 / 2026年度 */
  periodLabel: string;
  from: string;
  to: string;
  scope: string;
  /** When the table is due at the regulator, in words. */
  dueNote: string;
  totals: { found: number; foundMajor: number; closed: number; closedMajor: number; closureRate: string; open: number; overdue: number; funds: string };
  byLevel: { label: string; count: number }[];
  bySource: { label: string; count: number }[];
  byKind: { label: string; count: number }[];
  byUnit: { unitName: string; found: number; closed: number; open: number; overdue: number; rate: string }[];
  majors: { code: string; description: string; status: string; deadline: string; reportedOn: string }[];
}

/** Up to this many major hazards move to the next page together with the signatures. */
const MAJORS_KEPT_WITH_SIGNATURES = 8;

/** 「角色：______ 日期：____年__月__日」 on one line, for the foot of a statistics table. */
function signLine(role: string, k: number, extra: string | null = null): Content {
  return {
    columns: [
      { width: 'auto', text: `${role}：` },
      { width: 130 * k, canvas: [{ type: 'line', x1: 0, y1: 13 * k, x2: 125 * k, y2: 13 * k, lineWidth: 0.6, lineColor: COLORS.ink }] },
      { width: 'auto', text: '日期：        年      月      日' },
      { width: '*', text: extra ?? '', alignment: 'right' },
    ],
    columnGap: 4 * k,
    fontSize: 10.5 * k,
    margin: [0, 0, 0, 12 * k],
  };
}

export function buildStats(d: StatsData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const t = d.totals;
  const num = (n: number | string, bold = false) => ({ text: String(n), alignment: 'center' as const, bold });
  const countTable = (title: string, rows: { label: string; count: number }[]): Content => ({
    table: {
      headerRows: 1,
      widths: ['*', 34 * k],
      body: [[headCell(title), headCell('项数')], ...(rows.length ? rows.map((r) => [r.label, num(r.count)]) : [[{ text: '—', color: COLORS.muted }, num(0)]])],
    },
    layout: { ...GRID_LAYOUT, paddingTop: () => 1.2 * k, paddingBottom: () => 1.2 * k },
  });
  const majors: Content = d.majors.length
    ? {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [58 * k, '*', 46 * k, 56 * k, 56 * k],
          body: [['编号', '隐患描述', '状态', '整改期限', '报告日期'].map(headCell), ...d.majors.map((m) => [m.code, m.description, m.status, m.deadline, m.reportedOn])],
        },
        layout: GRID_LAYOUT,
        fontSize: 9 * k,
      }
    : { text: '本期没有重大事故隐患。', color: COLORS.muted };
  const sign: Content = {
    stack: [
      signLine('主要负责人（签字）', k),
      signLine('填表人（签字）', k, '联系电话：________________'),
      { text: '（单位盖章）', fontSize: 10 * k, alignment: 'right', margin: [0, 0, 20 * k, 0] },
      { text: '注：统计表须经主要负责人签字并加盖单位公章，按期报送负有安全生产监督管理职责的部门（以属地要求为准）；重大事故隐患须同时报告职工代表大会。', fontSize: 8 * k, color: COLORS.muted, margin: [0, 2 * k, 0, 0] },
    ],
    margin: [0, 12 * k, 0, 0],
    unbreakable: true,
  };
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '隐患排查治理情况统计表'),
    content: [
      docTitle('隐患排查治理情况统计表', `（${d.periodLabel}）`, k),
      formGrid(
        [
          [['填报单位', ctx.stamp.enterpriseName], ['统计范围', d.scope]],
          [['统计期间', `${d.from} 至 ${d.to}`], ['报送期限', d.dueNote]],
        ],
        k,
        52,
      ),
      blockTitle('一、总体情况', k),
      {
        table: {
          widths: ['*', '*', '*', '*', '*', '*', '*'],
          body: [
            ['排查发现隐患（项）', '其中：重大（项）', '已整改销号（项）', '其中：重大（项）', '整改率', '未销号（项）', '其中：逾期（项）'].map(headCell),
            [num(t.found, true), num(t.foundMajor), num(t.closed, true), num(t.closedMajor), num(t.closureRate, true), num(t.open), { ...num(t.overdue, t.overdue > 0), color: t.overdue > 0 ? COLORS.danger : COLORS.ink }],
          ],
        },
        layout: { ...GRID_LAYOUT, paddingTop: () => 4 * k, paddingBottom: () => 4 * k },
        fontSize: 9.5 * k,
      },
      { text: `整改资金投入合计：${t.funds} 元。整改率 = 本期发现并已销号的隐患 ÷ 本期发现的隐患。`, fontSize: 9 * k, margin: [0, 4 * k, 0, 0] },
      blockTitle('二、分类情况', k),
      { columns: [countTable('按隐患等级', d.byLevel), countTable('按隐患来源', d.bySource), countTable('按隐患类别', d.byKind)], columnGap: 8 * k, fontSize: 9 * k },
      blockTitle('三、各单位情况', k),
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', 50 * k, 50 * k, 50 * k, 50 * k, 50 * k],
          body: [
            ['单位', '发现（项）', '销号（项）', '未销号（项）', '逾期（项）', '整改率'].map(headCell),
            ...(d.byUnit.length ? d.byUnit.map((u) => [u.unitName, num(u.found), num(u.closed), num(u.open), { ...num(u.overdue), color: u.overdue ? COLORS.danger : COLORS.ink }, num(u.rate)]) : [[{ text: '本期没有发现隐患', colSpan: 6, color: COLORS.muted, alignment: 'center' }, {}, {}, {}, {}, {}]]),
          ] as never,
        },
        layout: { ...GRID_LAYOUT, paddingTop: () => 1.2 * k, paddingBottom: () => 1.2 * k },
        fontSize: 9 * k,
      },
      // The principal signs under the data: a short majors list goes over the page with the signatures,
      // so that a signature never stands alone on a page.
      {
        stack: [blockTitle('四、重大事故隐患', k), majors, sign],
        unbreakable: d.majors.length <= MAJORS_KEPT_WITH_SIGNATURES,
      } as Content,
    ],
    defaultStyle: { fontSize: 9.5 * k, color: COLORS.ink },
  };
}

// ---------------------------------------------------------------- 空白检查表

export interface CheckSheetItem {
  seq: number;
  category: string;
  content: string;
  standard: string | null;
  basis: string | null;
  method: string;
  riskPoint: string | null;
  major: boolean;
}

export interface CheckSheetData {
  taskId: string;
  sheetCode: string;
  planName: string;
  tier: string;
  unitName: string;
  responsible: string;
  periodLabel: string;
  dueOn: string;
  ledByPrincipal: boolean;
  items: CheckSheetItem[];
}

export function buildCheckSheet(d: CheckSheetData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  // A fresh node per cell: pdfmake annotates the nodes it lays out, so one shared object would print once.
  const box = () => ({ text: BOX, alignment: 'center' as const, fontSize: 13 * k });
  const qrSize = 62 * k;
  const side = 118 * k;
  const rows = d.items.map((i) => [
    { text: String(i.seq), alignment: 'center' as const },
    {
      stack: [
        { text: [...(i.major ? [{ text: '【重大隐患判定】', color: COLORS.danger, bold: true }] : []), { text: i.content }] },
        ...(i.standard ? [{ text: `标准：${i.standard}`, fontSize: 8 * k, color: COLORS.muted }] : []),
        // Items drawn from a control measure name their risk point in the basis already.
        ...(i.riskPoint && !(i.basis ?? '').includes(i.riskPoint.split(' ')[0]!) ? [{ text: `风险点：${i.riskPoint}`, fontSize: 8 * k, color: COLORS.muted }] : []),
      ],
    },
    { text: i.basis ?? '—', fontSize: 8 * k },
    { text: `${i.category}\n${i.method}`, fontSize: 8 * k, alignment: 'center' as const },
    box(),
    box(),
    box(),
    { text: '' },
  ]);
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '隐患排查检查表'),
    content: [
      {
        columns: [
          { width: side, text: '' },
          {
            width: '*',
            stack: [
              { text: '隐患排查检查表', fontSize: 18 * k, bold: true, alignment: 'center', characterSpacing: 2 * k },
              { text: `${ctx.stamp.enterpriseName} · ${d.tier}`, fontSize: 9.5 * k, color: COLORS.muted, alignment: 'center', margin: [0, 3 * k, 0, 0] },
            ],
            margin: [0, 8 * k, 0, 0],
          },
          {
            width: side,
            stack: [
              { qr: d.sheetCode, fit: qrSize, eccLevel: 'M', alignment: 'right' },
              { text: `任务码 ${d.sheetCode}`, fontSize: 5 * k, color: COLORS.muted, alignment: 'right', margin: [0, 1 * k, 0, 0] },
            ],
          },
        ],
        margin: [0, 0, 0, 6 * k],
      } as Content,
      formGrid(
        [
          [['检查计划', d.planName], ['检查层级', d.ledByPrincipal ? `${d.tier}（主要负责人带队）` : d.tier]],
          [['负责单位', d.unitName], ['负责人', d.responsible]],
          [['检查期间', d.periodLabel], ['应检日期', d.dueOn]],
          [['检查日期', '        年    月    日'], ['检查人员', '']],
        ],
        k,
        52,
      ),
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [18 * k, '*', 62 * k, 38 * k, 24 * k, 30 * k, 30 * k, 100 * k],
          body: [['序号', '检查内容及标准', '依据', '类别/方法', '合格', '不合格', '不适用', '情况说明（不合格须写明部位和情况）'].map(headCell), ...rows] as never,
        },
        layout: { ...GRID_LAYOUT, paddingTop: () => 3 * k, paddingBottom: () => 3 * k },
        fontSize: 9 * k,
      },
      { text: `共 ${d.items.length} 项。在对应方框内打「√」。不合格项须在「情况说明」中写明隐患部位和情况；录入时扫描右上角二维码或输入其下的任务码，每个不合格项自动登记一条隐患。`, fontSize: 8 * k, color: COLORS.muted, margin: [0, 4 * k, 0, 6 * k] },
      {
        stack: [
          { text: '检查小结', bold: true, fontSize: 10 * k, margin: [0, 0, 0, 3 * k] },
          textBox(null, k, 2),
          signatureBlock([{ role: '检查人', name: null }, { role: '检查人', name: null }, { role: '被检查单位负责人', name: null }], k * 0.85),
        ],
        unbreakable: true,
      },
    ],
    defaultStyle: { fontSize: 9 * k, color: COLORS.ink },
  };
}
