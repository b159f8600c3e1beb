/**
 * 教育培训 documents as pdfmake definitions (pure): the 培训签到表 of a session,
 * the yearly 安全教育培训台账, and the 个人安全培训档案（一人一档）with its
 * 三级安全教育卡.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, GRID_LAYOUT, headCell, marginsFor, pageSetup, sectionHeading } from '../../pdf/blocks.ts';
import { blockTitle, closingRow, dataTable, designWidths, formGrid, formTitle, keepTogether, signLines, type Margin } from '../../pdf/forms.ts';
import { wrapLines } from '../hazards/docs.ts';
import type { BuildContext } from '../print/types.ts';

/** A cell of pre-broken lines laid out unwrapped: long tables lay out several times faster. */
function linesCell(text: string, widthEm: number, style?: object): TableCell {
  const items: (object | string)[] = [];
  wrapLines(text, widthEm).forEach((l, i) => {
    if (i) items.push('\n');
    items.push({ text: l, noWrap: true });
  });
  return { text: items, ...style } as TableCell;
}

/** When a long table is laid out in parts: the heading on the first part, totals and signatures on the last. */
export interface PartFlags {
  first: boolean;
  last: boolean;
}

// ---------------------------------------------------------------- 培训签到表

export interface SignInRowDoc {
  no: number;
  name: string;
  staffNo: string;
  unit: string;
  posts: string;
  signatureSha: string | null;
  signed: 'ON_SCREEN' | 'PAPER' | null;
  score: string;
  failed: boolean;
}

export interface SignInData {
  head: {
    code: string;
    title: string;
    type: string;
    date: string;
    hours: string;
    trainer: string;
    location: string;
    organiser: string;
    exam: string;
    audience: string;
    content: string | null;
  };
  withExam: boolean;
  /** Attendees on record, or the people expected (candidates) with blank signatures. */
  mode: 'ATTENDEES' | 'CANDIDATES';
  rows: SignInRowDoc[];
  /** Empty rows at the end for people who come without being expected. */
  blankRows: number;
  /** The first row number of the blank rows. */
  totals: string;
  part?: PartFlags;
}

export function buildSignIn(d: SignInData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const h = d.head;
  const first = d.part?.first ?? true;
  const last = d.part?.last ?? true;
  const rowH = 21 * k;
  const sig = (r: SignInRowDoc): TableCell => {
    const img = r.signatureSha ? ctx.images[r.signatureSha] : undefined;
    if (img) return { image: img, fit: [78 * k, 18 * k], alignment: 'center' };
    if (r.signed === 'PAPER') return { text: '已签到（纸质签到表）', color: COLORS.muted, fontSize: 7 * k, alignment: 'center', margin: [0, 4 * k, 0, 0] };
    return { text: '' };
  };
  const cell = (text: string, style: object = {}): TableCell => ({ text, margin: [0, 4 * k, 0, 0], ...style }) as TableCell;
  const rows: TableCell[][] = d.rows.map((r) => [
    cell(String(r.no), { alignment: 'center' }),
    cell(r.name),
    cell(r.staffNo),
    cell(r.unit, { fontSize: 8 * k }),
    cell(r.posts || '—', { fontSize: 8 * k }),
    sig(r),
    cell(d.withExam ? r.score : '', { alignment: 'center', ...(r.failed ? { color: COLORS.danger } : {}) }),
  ]);
  const next = (d.rows.at(-1)?.no ?? 0) + 1;
  if (last) for (let i = 0; i < d.blankRows; i++) rows.push([cell(String(next + i), { alignment: 'center', color: COLORS.muted }), cell(''), cell(''), cell(''), cell(''), cell(''), cell('')]);
  const head = ['序号', '姓名', '工号', '部门', '岗位', '签名', d.withExam ? '考试成绩' : '备注'].map(headCell) as TableCell[];
  const [ml, , mr] = marginsFor(ctx.paper);
  const padX = 3 * k;
  const fixed = [22, 46, 50, 100, 92, 46].map((w) => w * k);
  const star = ctx.paper.widthPt - ml - mr - fixed.reduce((a, b) => a + b, 0) - 7 * 2 * padX - 8 * 0.5;
  const widths = [...fixed.slice(0, 4), star, ...fixed.slice(4)];
  // The last rows, the totals and the signatures stay together.
  const body = last
    ? closingRow(rows, 3, widths, padX, 0, rowH, [
        { text: d.totals, fontSize: 9.5 * k, margin: [0, 8 * k, 0, 0] },
        signLines([{ role: '授课人（签字）' }, { role: '记录人（签字）' }, { role: '日期' }], k),
      ])
    : rows;
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '培训签到表'),
    content: [
      ...(first
        ? [
            formTitle('安全教育培训签到表', ctx.stamp.enterpriseName, k, `编号：${h.code}`),
            formGrid(
              [
                [['培训名称', { text: h.title, bold: true }]],
                [['培训类型', h.type], ['培训日期', h.date]],
                [['学时', h.hours], ['授课人', h.trainer]],
                [['培训地点', h.location], ['组织部门', h.organiser]],
                [['考核方式', h.exam], ['参训单位', h.audience]],
                ...(h.content ? [[['培训内容', h.content] as [string, string]]] : []),
              ],
              k,
              56,
            ),
            ...(d.mode === 'CANDIDATES'
              ? [{ text: '下列人员为参训单位培训当日在职人员，请本人签名；未列出的参训人员请在表末空行填写。', fontSize: 8.5 * k, color: COLORS.muted, margin: [0, 0, 0, 4 * k] as Margin }]
              : []),
          ]
        : []),
      {
        table: { headerRows: 1, dontBreakRows: true, widths, heights: (i: number) => (i === 0 || (last && i === body.length) ? 'auto' : rowH) as never, body: [head, ...body] },
        layout: { ...GRID_LAYOUT, paddingTop: () => 0, paddingBottom: () => 0, paddingLeft: () => padX, paddingRight: () => padX },
        fontSize: 9 * k,
      },
      ...(!last && d.rows.length ? [{ text: `（以上第 ${d.rows[0]!.no}–${d.rows.at(-1)!.no} 人，下页续）`, fontSize: 7.5 * k, color: COLORS.muted, alignment: 'right', margin: [0, 3 * k, 0, 0] } as Content] : []),
    ],
    defaultStyle: { fontSize: 9 * k, color: COLORS.ink, lineHeight: 1.1 },
  };
}

// ---------------------------------------------------------------- 安全教育培训台账

export interface TrainingLedgerRowDoc {
  no: number;
  code: string;
  date: string;
  title: string;
  type: string;
  hours: string;
  trainer: string;
  count: string;
  passRate: string;
  low: boolean;
}

export interface TrainingLedgerData {
  year: number;
  scope: string;
  rows: TrainingLedgerRowDoc[];
  totals: string;
  people: string | null;
  periodic: { title: string; rows: { label: string; active: number; trained: number; rate: string; state: string; bad: boolean }[] } | null;
  part?: PartFlags;
}

const LEDGER_COLUMNS: [string, number | '*'][] = [
  ['序号', 24],
  ['编号', 62],
  ['日期', 50],
  ['培训名称', '*'],
  ['类型', 80],
  ['学时', 28],
  ['授课人', 96],
  ['参训人数', 40],
  ['考核合格率', 80],
];
/** The ledger is designed on the inside of A4 landscape and scaled to the page's width. */
const LEDGER_DESIGN = 770;
const LEDGER_FONT = 7.8;
const LEDGER_PAD = 3;

/** The periods across, the figures down: twelve months fit the page's width. */
function periodicTable(rows: NonNullable<TrainingLedgerData['periodic']>['rows'], k: number): Content {
  const centre = (text: string, style: object = {}): TableCell => ({ text, alignment: 'center', ...style }) as TableCell;
  const line = (label: string, cells: TableCell[]): TableCell[] => [{ text: label, bold: true, fillColor: '#f5f7fa' }, ...cells];
  return {
    table: {
      dontBreakRows: true,
      widths: [96 * k, ...rows.map(() => '*')],
      body: [
        [headCell('期间'), ...rows.map((r) => headCell(r.label))] as TableCell[],
        line('应参训（在职）人数', rows.map((r) => centre(String(r.active)))),
        line('已达标人数', rows.map((r) => centre(String(r.trained)))),
        line('参训率', rows.map((r) => centre(r.rate))),
        line('状态', rows.map((r) => centre(r.state, r.bad ? { color: COLORS.danger, bold: true } : {}))),
      ],
    },
    layout: { ...GRID_LAYOUT, paddingTop: () => 2.5 * k, paddingBottom: () => 2.5 * k },
    fontSize: 8.5 * k,
  };
}

export function buildTrainingLedger(d: TrainingLedgerData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const [ml, , mr] = marginsFor(ctx.paper);
  const u = (ctx.paper.widthPt - ml - mr) / LEDGER_DESIGN;
  const first = d.part?.first ?? true;
  const last = d.part?.last ?? true;
  const widths = designWidths(LEDGER_COLUMNS, u, LEDGER_PAD, LEDGER_DESIGN);
  // Each column's width in ems of the ledger's type, less a hair for rounding.
  const em = widths.map((w) => w / (LEDGER_FONT * u) - 0.05);
  const body: TableCell[][] = d.rows.map((r) =>
    [String(r.no), r.code, r.date, r.title, r.type, r.hours, r.trainer, r.count, r.passRate].map((t, i) =>
      linesCell(t, em[i]!, { ...(i === 0 || i === 5 || i === 7 ? { alignment: 'center' } : {}), ...(i === 8 && r.low ? { color: COLORS.danger } : {}) }),
    ),
  );
  if (!d.rows.length) body.push([{ text: '本年度没有登记的培训', colSpan: LEDGER_COLUMNS.length, alignment: 'center', color: COLORS.muted }, ...LEDGER_COLUMNS.slice(1).map(() => ({}))]);
  const pad = LEDGER_PAD * u;
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '安全教育培训台账'),
    content: [
      ...(first
        ? [
            { text: `${ctx.stamp.enterpriseName}${d.year}年度安全教育培训台账`, fontSize: 16 * k, bold: true, alignment: 'center', characterSpacing: 1 * k } as Content,
            { text: `范围：${d.scope}\u3000期间：${d.year}-01-01 至 ${d.year}-12-31`, fontSize: 8.5 * k, alignment: 'center', color: COLORS.muted, margin: [0, 3 * k, 0, 8 * k] } as Content,
          ]
        : []),
      {
        table: { headerRows: 1, dontBreakRows: true, widths, body: [LEDGER_COLUMNS.map(([t]) => headCell(t)) as TableCell[], ...body] },
        layout: { ...GRID_LAYOUT, paddingLeft: () => pad, paddingRight: () => pad, paddingTop: () => 2 * u, paddingBottom: () => 2 * u },
      },
      ...(!last && d.rows.length ? [{ text: `（以上第 ${d.rows[0]!.no}–${d.rows.at(-1)!.no} 条，下页续）`, fontSize: 7 * k, color: COLORS.muted, alignment: 'right', margin: [0, 3 * k, 0, 0] } as Content] : []),
      ...(last
        ? [
            {
              // Totals, the periodic rule and the signatures stay together.
              stack: [
                { text: d.totals, fontSize: 9 * k, bold: true, margin: [0, 6 * k, 0, 0] },
                ...(d.people ? [{ text: d.people, fontSize: 8.5 * k, margin: [0, 3 * k, 0, 0] as Margin }] : []),
                ...(d.periodic ? [{ text: d.periodic.title, bold: true, fontSize: 11 * k, color: COLORS.brandDark, margin: [0, 10 * k, 0, 4 * k] as Margin }, periodicTable(d.periodic.rows, k)] : []),
                signLines([{ role: '填表人' }, { role: '审核人（安全管理部门负责人）' }, { role: '日期' }], k),
              ],
              unbreakable: true,
            } as Content,
          ]
        : []),
    ],
    defaultStyle: { fontSize: LEDGER_FONT * u, color: COLORS.ink, lineHeight: 1.1 },
  };
}

// ---------------------------------------------------------------- 个人安全培训档案

export interface InductionRowDoc {
  level: string;
  date: string | null;
  hours: string | null;
  trainer: string | null;
  content: string;
  code: string | null;
}

export interface RecordCardData {
  person: {
    name: string;
    staffNo: string;
    idNumber: string;
    unit: string;
    posts: string;
    employment: string;
    employer: string | null;
    hireDate: string;
    status: string;
    role: string;
    rule: string;
    ruleBasis: string | null;
  };
  induction: InductionRowDoc[];
  inductionNote: string;
  years: { year: number; hours: string; required: string; kind: string; met: string; bad: boolean }[];
  postChanges: { date: string; post: string; unit: string; retrained: string; bad: boolean }[];
  sessions: { no: number; date: string; code: string; title: string; type: string; hours: string; trainer: string; score: string; sign: string }[];
  drills: { date: string; code: string; title: string; role: string }[];
  certificates: { type: string; number: string; due: string; state: string; bad: boolean }[];
  flags: string[];
}

export function buildRecordCard(d: RecordCardData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const p = d.person;
  const bad = { color: COLORS.danger, bold: true };
  const section = (text: string, color?: string): Content => ({ ...(sectionHeading(text, k, color) as object), margin: [0, 6 * k, 0, 5 * k], headlineLevel: 1 }) as Content;
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '个人安全培训档案'),
    pageBreakBefore: keepTogether as never,
    content: [
      formTitle('个人安全培训档案', `（一人一档）${ctx.stamp.enterpriseName}`, k, `工号：${p.staffNo}`),
      formGrid(
        [
          [['姓名', { text: p.name, bold: true }], ['身份证号', p.idNumber]],
          [['部门', p.unit], ['岗位', p.posts || '—']],
          [['用工形式', p.employment], ['入职日期', p.hireDate]],
          ...(p.employer ? [[['派遣/用工单位', p.employer] as [string, string]]] : []),
          [['人员类别', p.role], ['状态', p.status]],
          [['学时要求', { stack: [{ text: p.rule }, ...(p.ruleBasis ? [{ text: `依据：${p.ruleBasis}`, color: COLORS.muted, fontSize: 8 * k }] : [])] }]],
        ],
        k,
        58,
      ),
      section('一、三级安全教育卡'),
      { text: d.inductionNote, fontSize: 8.5 * k, color: COLORS.muted, margin: [0, 0, 0, 4 * k] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [40 * k, 52 * k, 28 * k, 48 * k, '*', 72 * k],
          heights: (i: number) => (i === 0 ? 'auto' : 40 * k) as never,
          body: [
            ['教育级别', '日期', '学时', '授课人', '教育内容', '受教育者签名'].map(headCell) as TableCell[],
            ...d.induction.map((r) => [
              { text: r.level, bold: true, alignment: 'center' },
              { text: r.date ?? '', alignment: 'center' },
              { text: r.hours ?? '', alignment: 'center' },
              { text: r.trainer ?? '' },
              { stack: [{ text: r.content, fontSize: 8 * k }, ...(r.code ? [{ text: `培训记录 ${r.code}`, fontSize: 7 * k, color: COLORS.muted }] : [])] },
              { text: '' },
            ] as TableCell[]),
          ],
        },
        layout: { ...GRID_LAYOUT, paddingTop: () => 3 * k, paddingBottom: () => 3 * k, paddingLeft: () => 3 * k, paddingRight: () => 3 * k },
        fontSize: 9 * k,
        margin: [0, 0, 0, 8 * k],
      },
      section('二、年度培训学时'),
      dataTable(
        ['年度', '已培训学时', '要求学时', '要求类别', '是否达标'],
        d.years.map((y) => [
          { text: String(y.year), alignment: 'center' },
          { text: y.hours, alignment: 'center' },
          { text: y.required, alignment: 'center' },
          { text: y.kind, alignment: 'center' },
          { text: y.met, alignment: 'center', ...(y.bad ? bad : {}) },
        ]),
        ['*', '*', '*', '*', '*'],
        k,
        { fontSize: 9 * k },
      ),
      ...(d.postChanges.length
        ? [
            blockTitle('转岗情况', k),
            dataTable(
              ['转岗日期', '新岗位', '所在单位', '车间级、班组级安全教育'],
              d.postChanges.map((c) => [{ text: c.date }, { text: c.post }, { text: c.unit }, { text: c.retrained, ...(c.bad ? bad : {}) }]),
              [60 * k, '*', '*', 140 * k],
              k,
              { fontSize: 9 * k },
            ),
          ]
        : []),
      section('三、培训记录'),
      dataTable(
        ['序号', '日期', '编号', '培训名称', '类型', '学时', '授课人', '成绩', '签到'],
        d.sessions.map((s) => [
          { text: String(s.no), alignment: 'center' },
          { text: s.date },
          { text: s.code },
          { text: s.title },
          { text: s.type },
          { text: s.hours, alignment: 'center' },
          { text: s.trainer },
          { text: s.score, alignment: 'center', ...(s.score.includes('不合格') ? { color: COLORS.danger } : {}) },
          { text: s.sign, alignment: 'center' },
        ]),
        [20 * k, 46 * k, 54 * k, '*', 76 * k, 22 * k, 40 * k, 40 * k, 26 * k],
        k,
        { empty: '没有培训记录', fontSize: 8 * k },
      ),
      section('四、参加应急演练'),
      dataTable(
        ['日期', '编号', '演练名称', '演练角色'],
        d.drills.map((x) => [{ text: x.date }, { text: x.code }, { text: x.title }, { text: x.role }]),
        [56 * k, 66 * k, '*', 90 * k],
        k,
        { empty: '没有参加演练的记录', fontSize: 8.5 * k },
      ),
      section('五、持证情况'),
      dataTable(
        ['证书', '证书编号', '有效期至/复审日期', '状态'],
        d.certificates.map((c) => [{ text: c.type }, { text: c.number }, { text: c.due }, { text: c.state, ...(c.bad ? bad : {}) }]),
        ['*', 110 * k, 90 * k, 60 * k],
        k,
        { empty: '没有登记的证书', fontSize: 8.5 * k },
      ),
      {
        // The flags and the signatures stay together.
        stack: [
          section('六、需关注事项', d.flags.length ? COLORS.danger : COLORS.brand),
          d.flags.length ? { ul: d.flags, color: COLORS.danger, fontSize: 9 * k, margin: [0, 0, 0, 4 * k] } : { text: '无', color: COLORS.muted, fontSize: 9 * k },
          signLines([{ role: '本人签字', date: null }, { role: '安全管理部门（盖章）', date: null }], k),
        ],
        unbreakable: true,
      },
    ],
    defaultStyle: { fontSize: 9 * k, color: COLORS.ink, lineHeight: 1.12 },
  };
}
