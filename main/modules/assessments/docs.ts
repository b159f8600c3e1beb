/** 考核表 (one per person and post) and the 考核结果通报, as pdfmake definitions (pure). */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, GRID_LAYOUT, headCell, pageSetup, signatureBlock } from '../../pdf/blocks.ts';
import type { BuildContext } from '../print/types.ts';

export interface SheetDoc {
  name: string;
  staffNo: string;
  unitName: string;
  postName: string;
  listLabel: string;
  items: { no: number; content: string; standard: string | null; weight: number; score: number | null; reason: string | null; evidence: string | null }[];
  maxScore: number;
  score: number | null;
  percent: number | null;
  grade: string | null;
  vetoReason: string | null;
  comment: string | null;
  assessorName: string | null;
  assessedOn: string | null;
}

export interface SheetsData {
  period: string;
  range: string;
  scope: string;
  sheets: SheetDoc[];
}

function sheetPage(s: SheetDoc, d: SheetsData, ctx: BuildContext, first: boolean): Content {
  const k = ctx.k;
  const blank = s.score === null;
  const body = s.items.map((i) => [
    { text: String(i.no), alignment: 'center' as const },
    { text: i.content },
    { text: i.standard ?? '—', fontSize: 8 * k, color: COLORS.muted },
    { text: String(i.weight), alignment: 'center' as const },
    { text: i.score === null ? '' : String(i.score), alignment: 'center' as const, bold: true },
    { text: [i.reason ?? '', i.evidence ? `（依据：${i.evidence}）` : ''].join(''), fontSize: 8.5 * k },
  ]);
  return {
    stack: [
      { text: '岗位安全生产责任制考核表', fontSize: 17 * k, bold: true, alignment: 'center' },
      { text: `${d.period}（${d.range}）`, fontSize: 10 * k, color: COLORS.muted, alignment: 'center', margin: [0, 3 * k, 0, 8 * k] },
      {
        table: {
          widths: ['auto', '*', 'auto', '*', 'auto', '*'],
          body: [
            [
              { text: '姓名', color: COLORS.muted },
              `${s.name}（${s.staffNo}）`,
              { text: '单位', color: COLORS.muted },
              s.unitName,
              { text: '岗位', color: COLORS.muted },
              s.postName,
            ],
            [{ text: '考核依据', color: COLORS.muted }, { text: `${s.postName}安全生产责任清单 ${s.listLabel}`, colSpan: 5 }, {}, {}, {}, {}],
          ],
        },
        layout: GRID_LAYOUT,
        fontSize: 9.5 * k,
        margin: [0, 0, 0, 6 * k],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [18 * k, '*', '*', 26 * k, 28 * k, 90 * k],
          heights: (row: number) => (blank && row > 0 ? 26 * k : 0),
          body: [
            [headCell('序号'), headCell('职责内容'), headCell('考核标准'), headCell('分值'), headCell('得分'), headCell('扣分原因 / 依据')],
            ...body,
            [{ text: '合计', colSpan: 3, alignment: 'right', bold: true }, {}, {}, { text: String(s.maxScore), alignment: 'center', bold: true }, { text: s.score === null ? '' : String(s.score), alignment: 'center', bold: true }, { text: s.percent === null ? '' : `得分率 ${s.percent}%` }],
          ],
        },
        layout: GRID_LAYOUT,
        fontSize: 9 * k,
      },
      {
        table: {
          widths: ['auto', '*'],
          body: [
            [{ text: '考核结果', color: COLORS.muted }, { text: s.grade ?? '□ 优秀\u3000□ 合格\u3000□ 不合格', bold: !!s.grade, color: s.grade === '不合格' ? COLORS.danger : COLORS.ink }],
            [{ text: '一票否决', color: COLORS.muted }, { text: s.vetoReason ?? (blank ? '□ 无\u3000□ 有：' : '无'), color: s.vetoReason ? COLORS.danger : COLORS.ink }],
            [{ text: '考核评语', color: COLORS.muted }, { text: s.comment ?? ' ', margin: [0, 0, 0, blank ? 18 * k : 0] }],
          ],
        },
        layout: GRID_LAYOUT,
        fontSize: 9.5 * k,
        margin: [0, 6 * k, 0, 0],
      },
      signatureBlock(
        [
          { role: '被考核人', name: s.name },
          { role: '考核人', name: s.assessorName, date: s.assessedOn },
        ],
        k,
      ),
    ],
    pageBreak: first ? undefined : 'before',
  };
}

export function buildSheets(d: SheetsData, ctx: BuildContext): TDocumentDefinitions {
  return { ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '责任制考核表'), content: d.sheets.map((s, i) => sheetPage(s, d, ctx, i === 0)), defaultStyle: { fontSize: 9 * ctx.k, color: COLORS.ink, lineHeight: 1.15 } };
}

export interface NoticeData {
  period: string;
  range: string;
  grades: { excellent: number; pass: number };
  overall: { people: number; assessed: number; averagePercent: number | null; excellent: number; pass: number; fail: number };
  units: { unitName: string; people: number; assessed: number; averagePercent: number | null; excellent: number; pass: number; fail: number }[];
  excellent: { name: string; unitName: string; postName: string; percent: number }[];
  failed: { name: string; unitName: string; postName: string; reason: string }[];
  notAssessed: number;
}

export function buildNotice(d: NoticeData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  const o = d.overall;
  const para = (text: string): Content => ({ text, fontSize: 11 * k, lineHeight: 1.5, leadingIndent: 22 * k, margin: [0, 0, 0, 4 * k] });
  const heading = (text: string): Content => ({ text, fontSize: 12 * k, bold: true, margin: [0, 6 * k, 0, 4 * k] });
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '考核结果通报'),
    content: [
      { text: '关于' + d.period + '安全生产责任制考核结果的通报', fontSize: 17 * k, bold: true, alignment: 'center', margin: [0, 0, 0, 12 * k] },
      { text: '各部门、车间、班组：', fontSize: 11 * k, margin: [0, 0, 0, 4 * k] },
      para(
        `根据《中华人民共和国安全生产法》第二十二条和本单位全员安全生产责任制考核办法，安全管理部门对${d.range}各岗位人员履行安全生产责任情况进行了考核。应考核 ${o.people} 人次，实际考核 ${o.assessed} 人次，平均得分率 ${pct(o.averagePercent)}；其中优秀 ${o.excellent} 人次，合格 ${o.pass} 人次，不合格 ${o.fail} 人次。现将结果通报如下。`,
      ),
      heading('一、各单位考核情况'),
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [
            ['单位', '应考核', '已考核', '平均得分率', '优秀', '合格', '不合格'].map(headCell),
            ...d.units.map((u) => [u.unitName, String(u.people), String(u.assessed), pct(u.averagePercent), String(u.excellent), String(u.pass), { text: String(u.fail), color: u.fail ? COLORS.danger : COLORS.ink }].map((c) => (typeof c === 'string' ? { text: c, alignment: 'center' as const } : { ...c, alignment: 'center' as const }))),
          ],
        },
        layout: GRID_LAYOUT,
        fontSize: 9.5 * k,
      },
      heading('二、考核优秀人员'),
      d.excellent.length ? para(d.excellent.map((e) => `${e.name}（${e.unitName} · ${e.postName}，${e.percent}%）`).join('；') + '。') : para('本期无。'),
      heading('三、考核不合格人员'),
      d.failed.length
        ? { ol: d.failed.map((f) => `${f.name}（${f.unitName} · ${f.postName}）：${f.reason}`), fontSize: 10.5 * k, lineHeight: 1.4, margin: [10 * k, 0, 0, 4 * k] }
        : para('本期无。'),
      ...(d.notAssessed ? [para(`另有 ${d.notAssessed} 人次尚未考核，请相关单位于下期考核前补齐。`)] : []),
      heading('四、有关要求'),
      para(`考核结果与绩效挂钩，按考核办法兑现奖惩。得分率 ${d.grades.excellent}% 及以上为优秀，${d.grades.pass}% 及以上为合格，低于 ${d.grades.pass}% 或被一票否决的为不合格。不合格人员由所在单位组织补课培训、重新学习本岗位责任清单，并于下一考核周期重点复核。`),
      { text: '安全生产委员会办公室', alignment: 'right', fontSize: 11 * k, margin: [0, 18 * k, 0, 2 * k] },
      { text: ctx.stamp.generatedOn, alignment: 'right', fontSize: 11 * k },
    ],
    defaultStyle: { fontSize: 10.5 * k, color: COLORS.ink },
  };
}
