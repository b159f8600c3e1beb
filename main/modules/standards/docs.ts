/**
 * 安全生产标准化 documents as pdfmake definitions (pure): the 自评报告 of a
 * session (cover with the conclusion, eight sections, signatures) and the full
 * 自评评分表 grouped by element, pre-broken into lines so that a sheet of a
 * thousand items lays out in a few seconds.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, GRID_LAYOUT, headCell, marginsFor, pageSetup, signatureBlock } from '../../pdf/blocks.ts';
import { closingRow, dataTable, designWidths, formGrid, keepTogether, LABEL_FILL, signLines, textBox, type Margin } from '../../pdf/forms.ts';
import { wrapLines } from '../hazards/docs.ts';
import type { BuildContext } from '../print/types.ts';

const DONE = '#1e7b45';

/** Totals of an element (or of the whole sheet), as printed. */
export interface ScoreTotalDoc {
  code: string;
  name: string;
  items: number;
  points: string;
  naPoints: string;
  /** points − naPoints: what the percentage is taken of. */
  base: string;
  earned: string;
  /** earned ÷ base × 100, e.g. "92.5%". */
  rate: string;
}

/** How a deduction's rectification stands: done, in progress, overdue, or not followed up at all. */
type Tone = 'done' | 'open' | 'late' | 'none';

export interface DeductionDoc {
  no: number;
  itemCode: string;
  content: string;
  points: string;
  reason: string;
  followUp: string;
  tone: Tone;
}

export interface PlanRowDoc {
  no: number;
  itemCode: string;
  problem: string;
  measure: string;
  owner: string;
  deadline: string;
  state: string;
  tone: Tone;
}

export interface ReportData {
  cover: {
    year: number;
    title: string;
    standard: string;
    profile: string;
    period: string;
    finished: boolean;
    finishedOn: string | null;
    progress: string;
    score: string | null;
    grade: string;
    explanation: string;
  };
  enterprise: {
    name: string;
    industry: string;
    creditCode: string | null;
    address: string | null;
    legalRepresentative: string | null;
    principal: string | null;
    safetyDept: string | null;
    regulator: string | null;
  };
  overview: string | null;
  team: { name: string; role: string }[];
  process: string | null;
  elements: ScoreTotalDoc[];
  total: ScoreTotalDoc;
  /** Every item answered: the base is the total less N/A; otherwise the answered items' points less N/A. */
  complete: boolean;
  grading: {
    profile: string;
    basis: string;
    grades: { label: string; minScore: string; years: string; byScore: boolean; byPerformance: boolean }[];
    score: string | null;
    scoreGrade: string;
    accidentFreeYears: string | null;
    performanceGrade: string;
    finalGrade: string;
    explanation: string;
  };
  deductions: DeductionDoc[];
  deductionTotal: string;
  plan: PlanRowDoc[];
  planSummary: string;
  evidence: {
    elements: { code: string; name: string; items: number; withEvidence: number; links: number }[];
    records: { no: number; kind: string; label: string; items: string; broken: boolean }[];
  };
  sign: { leader: string | null; principal: string | null; date: string | null };
}

const toneColor = (t: Tone): string => (t === 'done' ? DONE : t === 'open' ? COLORS.ink : COLORS.danger);

/**
 * For pageBreakBefore: a heading (headlineLevel 1, or 2 for a heading of two
 * lines) moves to the next page when nothing follows it on its page, or when
 * less than `room` points (1.4 × for two lines) are left under its top. (A
 * table whose header row and first row do not fit starts on the next page,
 * yet pdfmake still counts it as following the heading.)
 */
function keepHeadings(room: number) {
  return (node: { headlineLevel?: unknown; startPosition?: { verticalRatio: number; pageInnerHeight: number } }, nodes: { getFollowingNodesOnPage(): unknown[] }): boolean => {
    if (node.headlineLevel !== 1 && node.headlineLevel !== 2) return false;
    if (keepTogether({ headlineLevel: 1 }, nodes)) return true;
    const at = node.startPosition;
    return !!at && at.pageInnerHeight * (1 - at.verticalRatio) < room * (node.headlineLevel === 2 ? 1.4 : 1);
  };
}

/** The red line at the top of every page of a session still open. */
function progressHeader(text: string, ctx: BuildContext) {
  const [ml, mt, mr] = marginsFor(ctx.paper);
  return () => ({
    table: { widths: ['*'], body: [[{ text, bold: true, color: COLORS.danger, alignment: 'center', fontSize: 8.5 * ctx.k }]] },
    layout: { fillColor: () => COLORS.paleDanger, hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 2 * ctx.k, paddingBottom: () => 2 * ctx.k },
    margin: [ml, mt * 0.3, mr, 0],
  });
}

function paragraphs(text: string, k: number): Content[] {
  return text
    .split(/\r?\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p, leadingIndent: 21 * k, lineHeight: 1.5, margin: [0, 0, 0, 3 * k] as Margin }));
}

function cover(d: ReportData, ctx: BuildContext): Content[] {
  const k = ctx.k;
  const c = d.cover;
  const big = (label: string, value: string, color: string): Content => ({
    width: '*',
    stack: [
      { text: label, fontSize: 10 * k, color: COLORS.muted, alignment: 'center' },
      { text: value, fontSize: 24 * k, bold: true, color, alignment: 'center', margin: [0, 2 * k, 0, 0] },
    ],
  }) as Content;
  const fill = c.finished ? COLORS.paleBrand : COLORS.paleDanger;
  const conclusion: Content = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: '自评结论', bold: true, fontSize: 12 * k, color: COLORS.brandDark, alignment: 'center', margin: [0, 0, 0, 8 * k] },
              ...(c.finished
                ? []
                : [{ text: `自评尚未完成（${c.progress}），以下为当前进度，不作为自评结论`, bold: true, color: COLORS.danger, fontSize: 10 * k, alignment: 'center' as const, margin: [0, 0, 0, 8 * k] as Margin }]),
              { columns: [big('自评得分', c.score === null ? '—' : `${c.score} 分`, COLORS.brandDark), big('自评等级', c.grade, c.finished ? COLORS.brand : COLORS.danger)], columnGap: 12 * k },
              { text: c.explanation, fontSize: 10 * k, alignment: 'center', lineHeight: 1.35, margin: [0, 10 * k, 0, 0] },
            ],
          },
        ],
      ],
    },
    layout: { fillColor: () => fill, hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 14 * k, paddingBottom: () => 14 * k, paddingLeft: () => 16 * k, paddingRight: () => 16 * k },
    margin: [0, 6 * k, 0, 0],
  };
  return [
    { text: d.enterprise.name, fontSize: 16 * k, alignment: 'center', margin: [0, 60 * k, 0, 16 * k] },
    { text: '安全生产标准化自评报告', fontSize: 26 * k, bold: true, alignment: 'center', characterSpacing: 3 * k },
    { text: `（${c.year} 年度）`, fontSize: 13 * k, alignment: 'center', margin: [0, 10 * k, 0, 44 * k] },
    formGrid(
      [
        [['自评名称', c.title]],
        [['评分标准', c.standard]],
        [['定级标准', c.profile]],
        [['自评期间', c.period], ['完成日期', c.finishedOn ?? '尚未完成']],
      ],
      k,
      62,
    ),
    conclusion,
    { text: '（企业盖章）', fontSize: 11 * k, alignment: 'right', margin: [0, 70 * k, 30 * k, 10 * k] },
    { text: `报告日期：${c.finishedOn ?? '        年    月    日'}`, fontSize: 11 * k, alignment: 'right', margin: [0, 0, 30 * k, 0], pageBreak: 'after' },
  ];
}

export function buildReport(d: ReportData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const e = d.enterprise;
  const g = d.grading;
  // One text node (no children), so that keepTogether sees when nothing follows it on its page.
  const section = (title: string): Content => ({ text: title, fontSize: 13 * k, bold: true, color: COLORS.brandDark, margin: [0, 12 * k, 0, 6 * k], headlineLevel: 1 }) as Content;
  const sub = (text: string): Content => ({ text, bold: true, fontSize: 10.5 * k, margin: [0, 6 * k, 0, 4 * k], headlineLevel: 1 }) as Content;
  const small = 8.5 * k;
  const center = (text: string | number, extra: object = {}): TableCell => ({ text: String(text), alignment: 'center', ...extra });

  const elementRows: TableCell[][] = d.elements.map((x, i) => [center(i + 1), { text: `${x.code} ${x.name}` }, center(x.items), center(x.points), center(x.naPoints), center(x.base), center(x.earned, { bold: true }), center(x.rate)]);
  const t = d.total;
  elementRows.push([
    { text: '合计', colSpan: 2, alignment: 'center', bold: true, fillColor: LABEL_FILL },
    {},
    ...[t.items, t.points, t.naPoints, t.base, t.earned, t.rate].map((v) => center(v, { bold: true, fillColor: LABEL_FILL })),
  ]);

  const gradeRows: TableCell[][] = g.grades.map((x) => [
    center(x.label, { bold: true }),
    center(`≥ ${x.minScore} 分`),
    center(`申请前连续 ${x.years} 年无生产安全事故`),
    center(x.byScore ? '达到' : '未达到', { color: x.byScore ? DONE : COLORS.muted }),
    center(x.byPerformance ? '满足' : '不满足', { color: x.byPerformance ? DONE : COLORS.muted }),
  ]);

  const deductionRows: TableCell[][] = d.deductions.map((x) => [
    center(x.no),
    { text: x.itemCode },
    { text: x.content },
    center(x.points, { color: COLORS.danger }),
    { text: x.reason },
    { text: x.followUp, color: toneColor(x.tone) },
  ]);
  if (d.deductions.length) deductionRows.push([{ text: '扣分合计', colSpan: 3, alignment: 'right', bold: true, fillColor: LABEL_FILL }, {}, {}, center(d.deductionTotal, { bold: true, color: COLORS.danger, fillColor: LABEL_FILL }), { text: `${d.deductions.length} 个扣分点`, colSpan: 2, color: COLORS.muted, fillColor: LABEL_FILL }, {}]);

  const planRows: TableCell[][] = d.plan.map((x) => [center(x.no), { text: x.itemCode }, { text: x.problem }, { text: x.measure }, center(x.owner), center(x.deadline), { text: x.state, color: toneColor(x.tone), bold: x.tone !== 'open' }]);

  const evidenceRows: TableCell[][] = d.evidence.elements.map((x, i) => [center(i + 1), { text: `${x.code} ${x.name}` }, center(x.items), center(x.withEvidence), center(x.links)]);
  const recordRows: TableCell[][] = d.evidence.records.map((r) => [center(r.no), { text: r.kind }, { text: r.broken ? `${r.label}（记录已删除）` : r.label, color: r.broken ? COLORS.danger : COLORS.ink }, { text: r.items }]);

  const formula = `${scoreFormula(t, d.complete, g.score)}（保留一位小数）。不适用的考评项目不计入总分；各项扣分以该项标准分值为限，不出现负分。${d.complete ? '' : '自评尚未完成，应得分和得分率只计已评分的项目。'}`;

  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '安全生产标准化自评报告'),
    ...(d.cover.finished ? {} : { header: progressHeader(`自评尚未完成（${d.cover.progress}）· 本报告为过程稿，得分和等级以完成自评后为准`, ctx) as never }),
    pageBreakBefore: keepHeadings(90 * k) as never,
    content: [
      ...cover(d, ctx),
      section('一、企业概况'),
      formGrid(
        [
          [['企业名称', e.name]],
          [['统一社会信用代码', e.creditCode ?? ''], ['行业类别', e.industry]],
          [['法定代表人', e.legalRepresentative ?? ''], ['主要负责人', e.principal ?? '']],
          [['安全管理部门', e.safetyDept ?? ''], ['属地监管部门', e.regulator ?? '']],
          [['地址', e.address ?? '']],
        ],
        k,
        84,
      ),
      ...(d.overview ? paragraphs(d.overview, k) : [textBox(null, k, 4, '企业概况（生产经营范围、规模、主要工艺和设备、从业人员、安全管理机构等）尚未填写')]),
      section('二、自评组织'),
      { text: `本次自评成立自评小组，共 ${d.team.length} 人：`, margin: [0, 0, 0, 4 * k] },
      dataTable(
        ['序号', '姓名', '职责'],
        d.team.map((m, i) => [center(i + 1), { text: m.name }, { text: m.role }]),
        [30 * k, 110 * k, '*'],
        k,
      ),
      section('三、自评过程'),
      { text: `自评期间：${d.cover.period}。评分标准：${d.cover.standard}。`, margin: [0, 0, 0, 4 * k] },
      ...(d.process ? paragraphs(d.process, k) : [textBox(null, k, 5, '自评过程（策划、培训、逐项检查文件记录、询问和现场核查、评分、汇总）尚未填写')]),
      {
        stack: [
          section('四、自评得分'),
          {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: [24 * k, '*', 44 * k, 40 * k, 44 * k, 40 * k, 40 * k, 44 * k],
              body: [['序号', '一级要素', '考评项目（项）', '标准分', '不适用项分值', d.complete ? '应得分' : '已评项目应得分', '实得分', '得分率'].map(headCell) as TableCell[], ...elementRows],
            },
            layout: { ...GRID_LAYOUT, paddingTop: () => 3 * k, paddingBottom: () => 3 * k },
            fontSize: 9 * k,
            margin: [0, 0, 0, 6 * k],
          },
          { text: formula, fontSize: 9 * k, lineHeight: 1.35, margin: [0, 0, 0, 4 * k] },
        ],
        unbreakable: d.elements.length <= 20,
      } as Content,
      {
        stack: [
          section('五、自评等级'),
          { text: `定级标准：${g.profile}。依据：${g.basis}。自评等级须同时满足得分和安全生产绩效（无事故）条件，取两者中较低者。`, lineHeight: 1.35, margin: [0, 0, 0, 5 * k] },
          {
            table: {
              headerRows: 1,
              widths: [40 * k, 60 * k, '*', 60 * k, 60 * k],
              body: [['等级', '得分要求', '安全生产绩效要求', '按得分', '按绩效'].map(headCell) as TableCell[], ...gradeRows],
            },
            layout: { ...GRID_LAYOUT, paddingTop: () => 3 * k, paddingBottom: () => 3 * k },
            fontSize: 9 * k,
            margin: [0, 0, 0, 6 * k],
          },
          formGrid(
            [
              [['按得分核定', `${g.score === null ? '' : `${g.score} 分 → `}${g.scoreGrade}`]],
              [['按安全生产绩效核定', `${g.accidentFreeYears === null ? '' : `连续 ${g.accidentFreeYears} 年无生产安全事故 → `}${g.performanceGrade}`]],
              [['自评等级（取较低者）', { text: g.finalGrade, bold: true, color: d.cover.finished ? COLORS.brandDark : COLORS.danger }]],
              [['说明', g.explanation]],
            ],
            k,
            112,
          ),
        ],
        unbreakable: true,
      } as Content,
      section('六、自评扣分点及原因说明汇总表'),
      dataTable(['序号', '项目编号', '考评内容', '扣分', '扣分原因', '整改措施/跟踪'], deductionRows, [22 * k, 42 * k, '*', 28 * k, 110 * k, 108 * k], k, { empty: '本次自评没有扣分点', fontSize: small }),
      section('七、整改计划'),
      { text: d.planSummary, margin: [0, 0, 0, 4 * k] },
      ...(d.plan.length
        ? [
            dataTable(['序号', '项目编号', '存在问题（扣分原因）', '整改措施', '责任人', '整改期限', '整改情况'], planRows, [22 * k, 42 * k, '*', 120 * k, 40 * k, 52 * k, 62 * k], k, { fontSize: small }),
            { text: '扣分点登记为隐患的，按隐患排查治理闭环整改，复查合格销号后视为已整改；列为整改待办的，责任人完成后登记完成情况。', fontSize: 8 * k, color: COLORS.muted, margin: [0, 0, 0, 4 * k] } as Content,
          ]
        : []),
      // The section and its first sub-heading are one node, so they move over a page together.
      {
        text: [
          { text: '八、证据清单\n', fontSize: 13 * k, color: COLORS.brandDark },
          { text: '（一）各要素证据情况', fontSize: 10.5 * k, lineHeight: 2 },
        ],
        bold: true,
        margin: [0, 12 * k, 0, 4 * k],
        headlineLevel: 2,
      } as Content,
      dataTable(['序号', '一级要素', '考评项目（项）', '有证据的项目（项）', '证据链接（条）'], evidenceRows, [24 * k, '*', 70 * k, 80 * k, 70 * k], k, { fontSize: 9 * k }),
      sub('（二）系统内关联的记录'),
      ...recordsAndSignatures(d, ctx, recordRows),
    ],
    defaultStyle: { fontSize: 10 * k, color: COLORS.ink, lineHeight: 1.2 },
  };
}

/**
 * The list of linked records and the closing signatures: the list's last rows
 * move over a page with the signatures, which never stand alone on a page.
 */
function recordsAndSignatures(d: ReportData, ctx: BuildContext, rows: TableCell[][]): Content[] {
  const k = ctx.k;
  const closing: Content[] = [
    { text: '以上记录均保存在本系统中，可按「证据类型」和记录名称在相应模块中查阅原件；附件为自评时上传的文件。', fontSize: 8 * k, color: COLORS.muted, margin: [0, 4 * k, 0, 0] },
    { text: '本报告所列得分、等级和扣分点与系统中自评记录一致。', fontSize: 10 * k, margin: [0, 14 * k, 0, 0] },
    signatureBlock(
      [
        { role: '自评组长', name: d.sign.leader, date: d.sign.date },
        { role: '主要负责人', name: d.sign.principal, date: null },
      ],
      k,
    ),
    { text: '（企业盖章）', fontSize: 10 * k, alignment: 'right', margin: [0, 14 * k, 30 * k, 0] },
  ];
  if (!rows.length) return [{ stack: [{ text: '本次自评尚未关联证据记录。', color: COLORS.muted }, ...closing], unbreakable: true }];
  const [ml, , mr] = marginsFor(ctx.paper);
  const u = (ctx.paper.widthPt - ml - mr) / 523;
  const pad = 3;
  const widths = designWidths(
    [
      ['序号', 24],
      ['证据类型', 80],
      ['记录', '*'],
      ['关联考评项目', 130],
    ],
    u,
    pad,
    523,
  );
  return [
    {
      table: { headerRows: 1, dontBreakRows: true, widths, body: [['序号', '证据类型', '记录', '关联考评项目'].map(headCell) as TableCell[], ...closingRow(rows, 3, widths, pad * u, 2.5 * k, undefined, closing)] },
      layout: { ...GRID_LAYOUT, paddingTop: () => 2.5 * k, paddingBottom: () => 2.5 * k, paddingLeft: () => pad * u, paddingRight: () => pad * u },
      fontSize: 8.5 * k,
    },
  ];
}

/** The percentage with its numbers; while items are unanswered, over the answered items' points. */
function scoreFormula(t: ScoreTotalDoc, complete: boolean, score: string | null): string {
  return complete
    ? `得分 = 实得分 ÷ (总分 − 不适用项分值) × 100 = ${t.earned} ÷ (${t.points} − ${t.naPoints}) × 100 = ${score ?? '—'} 分`
    : `当前得分 = 实得分 ÷ (已评分项目分值 − 不适用项分值) × 100 = ${t.earned} ÷ ${t.base} × 100 = ${score ?? '—'} 分`;
}

// ---------------------------------------------------------------- 自评评分表

export type ScoreRowDoc =
  | { kind: 'element'; level: number; code: string; name: string }
  | {
      kind: 'item';
      code: string;
      content: string;
      points: string;
      method: string;
      /** 是 / 否, or blank when not scored yet. */
      applicable: string;
      description: string;
      deductions: string;
      score: string;
      evidence: string;
      answered: boolean;
      /** Scored below its points. */
      lost: boolean;
    }
  | ({ kind: 'subtotal' } & ScoreTotalDoc);

export interface ScoreSheetData {
  head: { year: number; title: string; standard: string; profile: string; period: string; finished: boolean; progress: string; summary: string };
  rows: ScoreRowDoc[];
  total: ScoreTotalDoc;
  complete: boolean;
  score: string | null;
  grade: string;
  sign: { leader: string | null; date: string | null };
  /** Layout only (set when the sheet is laid out in parts): title on the first part, totals and signatures on the last. */
  part?: { first: boolean; last: boolean };
}

/**
 * Columns in design units of the 770 pt inside of A4 landscape, scaled to the
 * page. 考评内容 takes what is left.
 */
const SHEET_COLUMNS: [string, number | '*'][] = [
  ['项目编号', 34],
  ['考评内容', '*'],
  ['标准\n分值', 22],
  ['评分标准', 160],
  ['是否\n适用', 22],
  ['自评情况描述', 102],
  ['扣分及原因', 92],
  ['实得分', 22],
  ['证据', 82],
];
const SHEET_FONT = 6.8;
const SHEET_SMALL = 6.1;
const SHEET_PAD = 2;

/** A cell of pre-broken lines, each laid out unwrapped (pdfmake then measures a line, not each character). */
function linesCell(text: string, widthEm: number, style: Record<string, unknown> = {}): TableCell {
  if (!text) return { text: '', ...style };
  const items: (object | string)[] = [];
  wrapLines(text, widthEm).forEach((l, i) => {
    if (i) items.push('\n');
    items.push({ text: l, noWrap: true });
  });
  return { text: items, ...style } as TableCell;
}

export function buildScoreSheet(d: ScoreSheetData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const [ml, , mr] = marginsFor(ctx.paper);
  const u = (ctx.paper.widthPt - ml - mr) / 770;
  const widths = designWidths(SHEET_COLUMNS, u, SHEET_PAD);
  const em = (i: number, size = SHEET_FONT) => widths[i]! / u / size - 0.02;
  const cols = SHEET_COLUMNS.length;
  const padX = SHEET_PAD * u;
  const padY = 1.6 * u;
  const first = d.part?.first ?? true;
  const last = d.part?.last ?? true;
  const small = SHEET_SMALL * u;
  const span = (cell: object, n = cols): TableCell[] => [{ ...cell, colSpan: n } as TableCell, ...Array.from({ length: n - 1 }, () => ({}) as TableCell)];
  const totalRow = (x: ScoreTotalDoc, label: string, fill: string): TableCell[] => [
    { text: label, colSpan: 2, bold: true, fillColor: fill },
    {},
    { text: x.points, alignment: 'center', bold: true, fillColor: fill },
    { text: `${x.items} 项；不适用项分值 ${x.naPoints} 分，应得分 ${x.base} 分；得分率 ${x.rate}`, colSpan: 4, fillColor: fill },
    {},
    {},
    {},
    { text: x.earned, alignment: 'center', bold: true, fillColor: fill },
    { text: '', fillColor: fill },
  ];
  const elementRow = (r: Extract<ScoreRowDoc, { kind: 'element' }>): TableCell[] => {
    const text = `${r.code}\u2002${r.name}`;
    if (r.level === 1) return span({ text, bold: true, color: '#ffffff', fillColor: COLORS.brand, fontSize: 8.5 * u, margin: [1 * u, 0.6 * u, 0, 0.6 * u] });
    if (r.level === 2) return span({ text, bold: true, color: COLORS.brandDark, fillColor: COLORS.paleBrand, fontSize: 7.6 * u, margin: [4 * u, 0, 0, 0] });
    return span({ text, bold: true, fillColor: LABEL_FILL, fontSize: 7.2 * u, margin: [8 * u, 0, 0, 0] });
  };
  const itemRow = (r: Extract<ScoreRowDoc, { kind: 'item' }>): TableCell[] => [
    linesCell(r.code, em(0)),
    linesCell(r.content, em(1)),
    { text: r.points, alignment: 'center' },
    linesCell(r.method, em(3, SHEET_SMALL), { fontSize: small, color: '#374151' }),
    { text: r.applicable, alignment: 'center', ...(r.applicable === '否' ? { color: COLORS.muted } : {}) },
    r.answered ? linesCell(r.description, em(5)) : { text: '（未评分）', color: COLORS.danger, fontSize: small },
    linesCell(r.deductions, em(6), { color: COLORS.danger }),
    { text: r.score, alignment: 'center', bold: true, ...(r.lost ? { color: COLORS.danger } : {}) },
    linesCell(r.evidence, em(8, SHEET_SMALL), { fontSize: small, color: COLORS.brandDark }),
  ];

  // Headings travel with the row after them: consecutive headings and the next row become one unbreakable row.
  const body: TableCell[][] = [];
  let pending: TableCell[][] = [];
  for (const r of d.rows) {
    const row = r.kind === 'element' ? elementRow(r) : r.kind === 'item' ? itemRow(r) : totalRow(r, `${r.code} ${r.name} 小计`, LABEL_FILL);
    if (r.kind === 'element') {
      pending.push(row);
      continue;
    }
    if (pending.length) {
      body.push(...keptTogether([...pending, row], widths, padX, padY));
      pending = [];
    } else body.push(row);
  }
  if (pending.length) body.push(...pending);
  const lastItem = [...d.rows].reverse().find((r) => r.kind === 'item');
  const firstItem = d.rows.find((r) => r.kind === 'item');

  let rows = body;
  if (last) {
    rows.push(totalRow(d.total, '合计', COLORS.paleBrand));
    const closing: Content[] = [
      {
        text: `${scoreFormula(d.total, d.complete, d.score)}；${d.grade}。`,
        bold: true,
        fontSize: 8 * k,
        margin: [0, 6 * k, 0, 0],
      },
      { text: '说明：不适用的考评项目不计入总分；每项扣分以该项标准分值为限，不出现负分；证据为本系统中的记录或自评时上传的附件。', fontSize: 7 * k, color: COLORS.muted, margin: [0, 2 * k, 0, 0] },
      signLines([{ role: '自评组长', name: d.sign.leader, date: d.sign.date }, { role: '自评小组成员' }, { role: '主要负责人' }], k * 0.9),
    ];
    // The last rows, the total and the signatures move over a page together.
    rows = closingRow(rows, Math.min(3, rows.length), widths, padX, padY, undefined, closing);
  }
  const title: Content[] = first
    ? [
        { text: `${ctx.stamp.enterpriseName}安全生产标准化自评评分表`, fontSize: 16 * k, bold: true, alignment: 'center', characterSpacing: 1 * k },
        { text: `${d.head.year} 年度 · ${d.head.title} · 自评期间 ${d.head.period}`, fontSize: 8.5 * k, alignment: 'center', margin: [0, 3 * k, 0, 1 * k] },
        { text: `评分标准：${d.head.standard}；定级标准：${d.head.profile}`, fontSize: 8 * k, color: COLORS.muted, alignment: 'center' },
        { text: d.head.summary, fontSize: 8 * k, alignment: 'center', bold: true, margin: [0, 2 * k, 0, 5 * k] },
      ]
    : [];
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '安全生产标准化自评评分表'),
    ...(d.head.finished ? {} : { header: progressHeader(`自评尚未完成（${d.head.progress}）· 本表为过程稿，未评分的项目留空`, ctx) as never }),
    content: [
      ...title,
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths,
          body: [SHEET_COLUMNS.map(([t]) => headCell(t)) as TableCell[], ...rows],
        },
        layout: { ...GRID_LAYOUT, paddingLeft: () => padX, paddingRight: () => padX, paddingTop: () => padY, paddingBottom: () => padY },
      },
      ...(!last && firstItem && lastItem && firstItem.kind === 'item' && lastItem.kind === 'item'
        ? [{ text: `（以上 ${firstItem.code}–${lastItem.code}，下页续）`, fontSize: 7 * k, color: COLORS.muted, alignment: 'right', margin: [0, 3 * k, 0, 0] } as Content]
        : []),
    ],
    defaultStyle: { fontSize: SHEET_FONT * u, color: COLORS.ink, lineHeight: 1.08 },
  };
}

/**
 * Rows laid out as one unbreakable full-width row (an inner table with the
 * same columns), so an element heading never stays alone at the foot of a page.
 */
function keptTogether(rows: TableCell[][], widths: number[], padX: number, padY: number): TableCell[][] {
  const cols = widths.length;
  const inner: Content = {
    table: { widths, body: rows, dontBreakRows: true },
    // Top rule: the row above's; bottom rule: the outer table's; the side rules fall on the outer table's.
    layout: {
      ...GRID_LAYOUT,
      hLineWidth: (i: number) => (i === 0 || i === rows.length ? 0 : 0.5),
      paddingTop: () => padY,
      paddingBottom: () => padY,
      paddingLeft: () => padX,
      paddingRight: () => padX,
    },
    margin: [-(padX + 0.5), -padY, -(padX + 0.5), -padY],
  };
  return [[{ stack: [inner], colSpan: cols, border: [false, false, false, true] } as TableCell, ...Array.from({ length: cols - 1 }, () => ({}) as TableCell)]];
}
