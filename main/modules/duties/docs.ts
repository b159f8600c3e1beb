/** 岗位安全生产责任清单, the 责任制公示 board and the 签字确认表, as pdfmake definitions (pure). */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, GRID_LAYOUT, headCell, pageSetup } from '../../pdf/blocks.ts';
import type { BuildContext } from '../print/types.ts';

export interface DutyListDocItem {
  no: number;
  content: string;
  category: string;
  legalBasis: string | null;
  scope: string | null;
  assessmentStandard: string | null;
  weight: number;
}

export interface DutyListDoc {
  postName: string;
  unitPath: string;
  trade: string | null;
  label: string;
  state: string;
  effectiveFrom: string;
  approverName: string;
  reason: string;
  changesText: string | null;
  holders: string[];
  items: DutyListDocItem[];
}

export interface DutyListsData {
  scope: string;
  lists: DutyListDoc[];
}

function listPage(l: DutyListDoc, ctx: BuildContext, first: boolean): Content {
  const k = ctx.k;
  const info = (label: string, value: string) => [{ text: label, color: COLORS.muted, fillColor: '#f7f8fa' }, { text: value }];
  const holders = l.holders.length ? l.holders.join('、') : '（暂无在岗人员）';
  const body = l.items.map((i) => [
    { text: String(i.no), alignment: 'center' as const },
    {
      stack: [
        { text: i.content },
        ...(i.scope ? [{ text: `范围：${i.scope}`, fontSize: 8 * k, color: COLORS.muted, margin: [0, 1.5 * k, 0, 0] as [number, number, number, number] }] : []),
        ...(i.legalBasis ? [{ text: `依据：${i.legalBasis}`, fontSize: 8 * k, color: COLORS.muted, margin: [0, 1 * k, 0, 0] as [number, number, number, number] }] : []),
      ],
    },
    { text: i.category, alignment: 'center' as const, fontSize: 8.5 * k },
    { text: i.assessmentStandard ?? '—', fontSize: 8.5 * k },
    { text: String(i.weight), alignment: 'center' as const },
  ]);
  const total = l.items.reduce((a, i) => a + i.weight, 0);
  return {
    stack: [
      { text: '岗位安全生产责任清单', fontSize: 18 * k, bold: true, alignment: 'center', characterSpacing: 1 * k },
      { text: `${l.unitPath} · ${l.postName}\u3000${l.label}（${l.state}）`, fontSize: 10 * k, color: COLORS.muted, alignment: 'center', margin: [0, 3 * k, 0, 10 * k] },
      {
        table: {
          widths: ['auto', '*', 'auto', '*'],
          body: [
            [...info('单位', l.unitPath), ...info('岗位', l.trade ? `${l.postName}（${l.trade}）` : l.postName)],
            [...info('版本', l.label), ...info('生效日期', l.effectiveFrom)],
            [...info('批准人', l.approverName), ...info('编制/修订原因', l.changesText ? `${l.reason}（${l.changesText}）` : l.reason)],
            [{ text: '责任人员', color: COLORS.muted, fillColor: '#f7f8fa' }, { text: holders, colSpan: 3 }, {}, {}],
          ],
        },
        layout: GRID_LAYOUT,
        fontSize: 9.5 * k,
        margin: [0, 0, 0, 8 * k],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [18 * k, '*', 42 * k, '*', 26 * k],
          body: [[headCell('序号'), headCell('职责内容'), headCell('类别'), headCell('考核标准'), headCell('分值')], ...body, [{ text: '合计', colSpan: 4, alignment: 'right', bold: true }, {}, {}, {}, { text: String(total), alignment: 'center', bold: true }]],
        },
        layout: GRID_LAYOUT,
        fontSize: 9.5 * k,
      },
      {
        text: '本清单依据《中华人民共和国安全生产法》第二十二条制定，明确本岗位的责任人员、责任范围和考核标准。岗位人员应签字确认并认真履行；清单每年至少修订一次，岗位、工艺或法规变化时及时修订。',
        fontSize: 8.5 * k,
        color: COLORS.muted,
        margin: [0, 8 * k, 0, 0],
      },
    ],
    pageBreak: first ? undefined : 'before',
  };
}

export function buildDutyLists(d: DutyListsData, ctx: BuildContext): TDocumentDefinitions {
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '岗位安全生产责任清单'),
    content: d.lists.map((l, i) => listPage(l, ctx, i === 0)),
    defaultStyle: { fontSize: 9.5 * ctx.k, color: COLORS.ink, lineHeight: 1.2 },
  };
}

export interface PublicityPost {
  postName: string;
  label: string;
  holders: string[];
  holderCount: number;
  keyDuties: string[];
  scope: string | null;
  assessment: string | null;
}

/** One board: a unit's posts, or a page of them when the unit has many. */
export interface PublicityBoard {
  unitPath: string;
  headName: string | null;
  part: number;
  parts: number;
  posts: PublicityPost[];
}

export interface PublicityData {
  boards: PublicityBoard[];
  internalReportPhone: string | null;
  reportHotline: string;
  /** Layout only: 1–3 steps smaller type when a board's content is long. */
  shrink?: number;
}

/** Posts per board: more posts make a denser grid, beyond that another board. */
export const POSTS_PER_BOARD = 12;

function columnsFor(n: number, landscape: boolean): number {
  if (landscape) return n <= 3 ? Math.max(1, n) : n === 4 ? 2 : n <= 6 ? 3 : 4;
  return n <= 1 ? 1 : n <= 4 ? 2 : 3;
}

function publicityCard(p: PublicityPost, k: number, f: number): Content {
  const holders = p.holders.length ? `${p.holders.join('、')}${p.holderCount > p.holders.length ? ` 等 ${p.holderCount} 人` : ''}` : '暂无在岗人员';
  return {
    table: {
      widths: ['*'],
      body: [
        [{ text: [{ text: p.postName, bold: true, fontSize: 12.5 * k * f }, { text: `\u3000${p.label}`, fontSize: 8 * k * f }], color: '#ffffff', fillColor: COLORS.brand, margin: [4 * k, 2 * k, 4 * k, 2 * k] }],
        [
          {
            stack: [
              { text: [{ text: '责任人员：', color: COLORS.muted }, holders], fontSize: 9 * k * f, margin: [0, 0, 0, 3 * k] },
              { ol: p.keyDuties, fontSize: 9.5 * k * f, lineHeight: 1.15, markerColor: COLORS.brand },
              ...(p.scope ? [{ text: [{ text: '责任范围：', color: COLORS.muted }, p.scope], fontSize: 8.5 * k * f, margin: [0, 3 * k, 0, 0] as [number, number, number, number] }] : []),
              ...(p.assessment ? [{ text: [{ text: '考核标准：', color: COLORS.muted }, p.assessment], fontSize: 8.5 * k * f, margin: [0, 2 * k, 0, 0] as [number, number, number, number] }] : []),
            ],
            margin: [4 * k, 4 * k, 4 * k, 4 * k],
          },
        ],
      ],
    },
    layout: { hLineColor: () => COLORS.brand, vLineColor: () => COLORS.brand, hLineWidth: () => 0.8, vLineWidth: () => 0.8, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    margin: [0, 0, 0, 6 * k],
  };
}

function publicityPage(u: PublicityBoard, d: PublicityData, ctx: BuildContext, first: boolean): Content {
  const { posts, part, parts } = u;
  const k = ctx.k;
  const landscape = ctx.paper.orientation === 'landscape';
  const cols = columnsFor(posts.length, landscape);
  // Few posts on a board get larger type; many get a denser grid.
  const f = (posts.length <= 2 ? 1.3 : posts.length <= 4 ? 1.1 : posts.length <= 6 ? 1 : 0.88) * ([1, 0.9, 0.8, 0.7][d.shrink ?? 0] ?? 0.7);
  const rows: Content[] = [];
  for (let i = 0; i < posts.length; i += cols) {
    const slice = posts.slice(i, i + cols);
    rows.push({ columns: [...slice.map((p) => ({ width: '*' as const, stack: [publicityCard(p, k, f)] })), ...Array.from({ length: cols - slice.length }, () => ({ width: '*' as const, text: '' }))], columnGap: 6 * k });
  }
  const report = [d.internalReportPhone ? `内部举报电话 ${d.internalReportPhone}` : null, `安全生产举报投诉热线 ${d.reportHotline}`].filter(Boolean).join('\u3000');
  return {
    stack: [
      {
        table: {
          widths: ['*'],
          body: [[{ text: '安全生产责任制公示', fontSize: 24 * k, bold: true, color: '#ffffff', alignment: 'center', characterSpacing: 3 * k, margin: [0, 5 * k, 0, 1 * k] }], [{ text: `${u.unitPath}${u.headName ? `\u3000负责人：${u.headName}` : ''}${parts > 1 ? `\u3000（${part}/${parts}）` : ''}`, fontSize: 11 * k, color: '#ffffff', alignment: 'center', margin: [0, 0, 0, 5 * k] }]],
        },
        layout: { fillColor: () => COLORS.brandDark, hLineWidth: () => 0, vLineWidth: () => 0 },
        margin: [0, 0, 0, 8 * k],
      },
      ...rows,
      {
        text: `依据《中华人民共和国安全生产法》第二十二条，本单位各岗位的责任人员、责任范围和考核标准予以公示，接受全体从业人员监督。${report}`,
        fontSize: 9 * k,
        color: COLORS.muted,
        alignment: 'center',
        margin: [0, 4 * k, 0, 0],
      },
    ],
    pageBreak: first ? undefined : 'before',
  };
}

export function buildPublicity(d: PublicityData, ctx: BuildContext): TDocumentDefinitions {
  return {
    ...pageSetup(ctx.paper, ctx.stamp, 'none', '安全生产责任制公示'),
    content: d.boards.map((b, i) => publicityPage(b, d, ctx, i === 0)),
    defaultStyle: { fontSize: 9.5 * ctx.k, color: COLORS.ink },
  };
}

export interface AckSheetRow {
  name: string;
  staffNo: string;
  employment: string;
  postName: string;
  label: string;
  signedOn: string | null;
}

export interface AckSheetUnit {
  unitPath: string;
  rows: AckSheetRow[];
}

export interface AckSheetData {
  filter: string;
  units: AckSheetUnit[];
  /** People in scope whose post has no list in force: they cannot sign yet. */
  withoutList: string[];
}

export function buildAckSheet(d: AckSheetData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const content: Content[] = d.units.map((u, i) => ({
    stack: [
      { text: '岗位安全生产责任清单签字确认表', fontSize: 16 * k, bold: true, alignment: 'center' },
      { text: `${u.unitPath} · ${d.filter}`, fontSize: 9.5 * k, color: COLORS.muted, alignment: 'center', margin: [0, 3 * k, 0, 6 * k] },
      {
        text: '本人已阅读、理解本岗位现行的安全生产责任清单（版本见下表），清楚本岗位的安全职责、责任范围和考核标准，承诺认真履行。',
        fontSize: 9.5 * k,
        margin: [0, 0, 0, 6 * k],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [20 * k, 48 * k, 46 * k, 44 * k, '*', 70 * k, 70 * k, 56 * k],
          heights: (row: number) => (row === 0 ? 0 : 24 * k),
          body: [
            ['序号', '姓名', '工号', '用工形式', '岗位', '清单版本', '本人签字', '日期'].map(headCell),
            ...u.rows.map((r, n) => [String(n + 1), r.name, r.staffNo, r.employment, r.postName, r.label, r.signedOn ? '（已确认）' : '', r.signedOn ?? ''].map((t) => ({ text: t, alignment: 'center' as const }))),
          ],
        },
        layout: { ...GRID_LAYOUT, paddingTop: () => 6 * k },
        fontSize: 9 * k,
      },
      {
        columns: [{ text: '组织人（签字）：__________', width: '*' }, { text: '确认日期：______年____月____日', width: 'auto' }],
        fontSize: 10 * k,
        margin: [0, 12 * k, 0, 0],
      },
      ...(i === d.units.length - 1 && d.withoutList.length
        ? [{ text: `以下人员所在岗位尚无现行责任清单，未列入本表：${d.withoutList.join('、')}`, fontSize: 8.5 * k, color: COLORS.danger, margin: [0, 8 * k, 0, 0] as [number, number, number, number] }]
        : []),
    ],
    pageBreak: i === 0 ? undefined : 'before',
  }));
  return { ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '责任清单签字确认表'), content, defaultStyle: { fontSize: 9 * k, color: COLORS.ink } };
}
