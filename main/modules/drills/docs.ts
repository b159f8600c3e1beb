/**
 * 应急演练 documents as pdfmake definitions (pure): the 年度应急演练计划 with its
 * frequency check, and the 应急演练记录 of one drill in three parts — the
 * record (sign-in, timeline, resources, photos), the AQ/T 9009 evaluation and
 * the summary report. A part without data is printed as a blank form.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, GRID_LAYOUT, headCell, marginsFor, pageSetup, sectionHeading } from '../../pdf/blocks.ts';
import { blockTitle, dataTable, designWidths, formGrid, formTitle, heading, keepTogether, signLines, textBox, ticks, type Margin } from '../../pdf/forms.ts';
import type { BuildContext } from '../print/types.ts';

// ---------------------------------------------------------------- 年度应急演练计划

export interface DrillPlanRowDoc {
  no: number;
  planCode: string;
  plan: string;
  planType: string;
  scenario: string;
  scope: string;
  form: string;
  month: string;
  organiser: string;
  participants: string;
  budget: string;
  state: string;
  /** Not done as planned (printed in red). */
  late: boolean;
  notes: string | null;
}

export interface CompliancePeriodDoc {
  label: string;
  range: string;
  required: number;
  done: number;
  state: string;
  bad: boolean;
  drills: string;
}

export interface DrillPlanData {
  year: number;
  rows: DrillPlanRowDoc[];
  budgetTotal: string;
  compiledBy: string | null;
  approvedBy: string | null;
  approvedOn: string | null;
  compliance: {
    highRisk: string;
    rules: { label: string; basis: string; periods: CompliancePeriodDoc[] }[];
    shortfalls: string[];
  };
}

const PLAN_COLUMNS: [string, number | '*'][] = [
  ['序号', 20],
  ['演练预案', 128],
  ['演练情景', '*'],
  ['演练内容', 34],
  ['演练形式', 34],
  ['计划时间', 34],
  ['组织部门', 56],
  ['参演人员', 96],
  ['预算（元）', 44],
  ['完成情况', 84],
];
const PLAN_PAD = 2.5;

export function buildDrillPlan(d: DrillPlanData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const [ml, , mr] = marginsFor(ctx.paper);
  const u = (ctx.paper.widthPt - ml - mr) / 770;
  const widths = designWidths(PLAN_COLUMNS, u, PLAN_PAD);
  const body: TableCell[][] = d.rows.map((r) => [
    { text: String(r.no), alignment: 'center' },
    { stack: [{ text: [{ text: `${r.planCode} `, bold: true }, r.plan] }, { text: r.planType, color: COLORS.muted, fontSize: 6.8 * u }] },
    { stack: [{ text: r.scenario }, ...(r.notes ? [{ text: `备注：${r.notes}`, color: COLORS.muted, fontSize: 6.8 * u }] : [])] },
    { text: r.scope, alignment: 'center' },
    { text: r.form, alignment: 'center' },
    { text: r.month, alignment: 'center' },
    { text: r.organiser },
    { text: r.participants },
    { text: r.budget, alignment: 'right' },
    { text: r.state, ...(r.late ? { color: COLORS.danger, bold: true } : {}) },
  ]);
  if (!body.length) body.push([{ text: '本年度尚未安排演练', colSpan: PLAN_COLUMNS.length, alignment: 'center', color: COLORS.muted }, ...PLAN_COLUMNS.slice(1).map(() => ({}))]);
  body.push([
    { text: '合计', colSpan: 8, alignment: 'right', bold: true },
    ...Array.from({ length: 7 }, () => ({})),
    { text: d.budgetTotal, alignment: 'right', bold: true },
    { text: `${d.rows.length} 项`, color: COLORS.muted },
  ]);
  const complianceRows: TableCell[][] = [];
  for (const r of d.compliance.rules) {
    r.periods.forEach((p, i) => {
      complianceRows.push([
        i === 0 ? { stack: [{ text: r.label, bold: true }, { text: r.basis, color: COLORS.muted, fontSize: 6.8 * u }], rowSpan: r.periods.length } : {},
        { text: `${p.label}\n${p.range}` },
        { text: String(p.required), alignment: 'center' },
        { text: String(p.done), alignment: 'center' },
        { text: p.state, alignment: 'center', ...(p.bad ? { color: COLORS.danger, bold: true } : {}) },
        { text: p.drills || '—' },
      ]);
    });
  }
  const layout = { ...GRID_LAYOUT, paddingLeft: () => PLAN_PAD * u, paddingRight: () => PLAN_PAD * u, paddingTop: () => 2.2 * u, paddingBottom: () => 2.2 * u };
  const complianceColumns: [string, number | '*'][] = [
    ['频次要求', 210],
    ['期间', 80],
    ['应演练（次）', 48],
    ['已演练（次）', 48],
    ['状态', 80],
    ['计入的演练', '*'],
  ];
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '年度应急演练计划'),
    content: [
      { text: `${ctx.stamp.enterpriseName}${d.year}年度应急演练计划`, fontSize: 16 * k, bold: true, alignment: 'center', characterSpacing: 1 * k, margin: [0, 0, 0, 8 * k] },
      { table: { headerRows: 1, dontBreakRows: true, widths, body: [PLAN_COLUMNS.map(([t]) => headCell(t)) as TableCell[], ...body] }, layout },
      {
        columns: [
          { text: [{ text: '编制：' }, { text: d.compiledBy ?? '____________', bold: !!d.compiledBy }], width: '*' },
          { text: [{ text: '批准（主要负责人）：' }, { text: d.approvedBy ?? '____________', bold: !!d.approvedBy }], width: '*' },
          { text: [{ text: '批准日期：' }, { text: d.approvedOn ?? '______年____月____日' }], width: '*' },
        ],
        fontSize: 10 * k,
        margin: [0, 12 * k, 0, 4 * k],
      },
      {
        // The check is short: it moves to the next page whole rather than leave its heading behind.
        stack: [
          { text: '演练频次要求落实情况', bold: true, fontSize: 11 * k, color: COLORS.brandDark, margin: [0, 10 * k, 0, 2 * k] },
          { text: d.compliance.highRisk, fontSize: 7.8 * u, color: COLORS.muted, margin: [0, 0, 0, 4 * k] },
          complianceRows.length
            ? {
                table: {
                  headerRows: 1,
                  dontBreakRows: true,
                  widths: designWidths(complianceColumns, u, PLAN_PAD),
                  body: [complianceColumns.map(([t]) => headCell(t)) as TableCell[], ...complianceRows],
                },
                layout,
              }
            : { text: '未启用演练频次规则', color: COLORS.muted },
          ...(d.compliance.shortfalls.length
            ? [
                { text: '需要关注：', bold: true, color: COLORS.danger, margin: [0, 6 * k, 0, 2 * k] as Margin },
                { ul: d.compliance.shortfalls, color: COLORS.danger, fontSize: 7.8 * u },
              ]
            : []),
        ],
        unbreakable: complianceRows.length <= 12,
      },
    ],
    defaultStyle: { fontSize: 7.6 * u, color: COLORS.ink, lineHeight: 1.12 },
  };
}

// ---------------------------------------------------------------- 应急演练记录

export interface DrillParticipantDoc {
  no: number;
  name: string;
  unit: string;
  role: string;
  /** Signature image hash (on-screen), or how the person signed. */
  signatureSha: string | null;
  signed: 'ON_SCREEN' | 'PAPER' | null;
}

export interface EvaluationPointDoc {
  text: string;
  rating: string | null;
  comment: string | null;
}

export interface DrillRecordData {
  head: {
    code: string;
    title: string;
    plan: string;
    planItem: string;
    kind: string;
    date: string;
    time: string;
    place: string;
    commander: string;
    organiser: string;
    observers: string | null;
    report: string | null;
  };
  scenario: string;
  participants: DrillParticipantDoc[];
  signInNote: string;
  steps: { time: string; action: string; actor: string }[];
  resources: string | null;
  interruptions: string | null;
  photos: string[];
  mediaNote: string | null;
  /** The evaluation form: every point, rated when evaluated. */
  functions: { name: string; points: EvaluationPointDoc[] }[];
  evaluation: {
    evaluatedOn: string;
    evaluators: string;
    onSiteComments: string | null;
    preparation: string | null;
    performance: string | null;
    objectivesMet: boolean;
    overall: string;
    needsRevision: boolean;
    revisionReason: string | null;
  } | null;
  problems: { seq: number; description: string; cause: string | null; suggestion: string | null; followUp: string }[];
  summary: { purpose: string; schemeSummary: string; lessons: string | null; improvements: string | null; writtenBy: string; writtenOn: string } | null;
  /** Units taking part with their head counts, for the summary. */
  units: string;
}

export const RATINGS = ['好', '一般', '差', '不涉及'] as const;
const OVERALLS = ['优秀', '良好', '一般', '较差'] as const;

function note(text: string, k: number): Content {
  return {
    table: { widths: ['*'], body: [[{ text, color: COLORS.danger, fontSize: 9 * k }]] },
    layout: { fillColor: () => COLORS.paleDanger, hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 6 * k, paddingRight: () => 6 * k, paddingTop: () => 4 * k, paddingBottom: () => 4 * k },
    margin: [0, 0, 0, 8 * k],
  };
}

/** Sign-in: two people a row, each with number, name, unit, role and signature. */
function signInTable(d: DrillRecordData, ctx: BuildContext): Content {
  const k = ctx.k;
  const sigCell = (p: DrillParticipantDoc | undefined): TableCell => {
    if (!p) return { text: '' };
    const img = p.signatureSha ? ctx.images[p.signatureSha] : undefined;
    if (img) return { image: img, fit: [62 * k, 17 * k], alignment: 'center' };
    if (p.signed === 'PAPER') return { text: '纸质签到', color: COLORS.muted, fontSize: 7 * k, alignment: 'center', margin: [0, 3 * k, 0, 0] };
    return { text: '' };
  };
  const person = (p: DrillParticipantDoc | undefined): TableCell[] =>
    p
      ? [
          { text: String(p.no), alignment: 'center', margin: [0, 3 * k, 0, 0] },
          { text: p.name, margin: [0, 3 * k, 0, 0] },
          { text: p.unit, fontSize: 7.5 * k, margin: [0, 3 * k, 0, 0] },
          { text: p.role, fontSize: 7.5 * k, margin: [0, 3 * k, 0, 0] },
          sigCell(p),
        ]
      : [{ text: '' }, { text: '' }, { text: '' }, { text: '' }, { text: '' }];
  const half = Math.ceil(d.participants.length / 2);
  const rows: TableCell[][] = [];
  for (let i = 0; i < half; i++) rows.push([...person(d.participants[i]), ...person(d.participants[i + half])]);
  const head = ['序号', '姓名', '单位', '演练角色', '签名'];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      keepWithHeaderRows: 1,
      widths: [18 * k, 42 * k, '*', 52 * k, 66 * k, 18 * k, 42 * k, '*', 52 * k, 66 * k],
      heights: (i: number) => (i === 0 ? 'auto' : 21 * k) as never,
      body: [[...head, ...head].map(headCell) as TableCell[], ...rows],
    },
    layout: { ...GRID_LAYOUT, vLineWidth: (i: number) => (i === 5 ? 1.2 : 0.5), paddingTop: () => 1.5 * k, paddingBottom: () => 1.5 * k, paddingLeft: () => 2.5 * k, paddingRight: () => 2.5 * k },
    fontSize: 8.5 * k,
    margin: [0, 0, 0, 4 * k],
  };
}

function photoRow(shas: string[], ctx: BuildContext): Content | null {
  const images = shas.map((s) => ctx.images[s]).filter((x): x is string => Boolean(x));
  if (!images.length) return null;
  const k = ctx.k;
  return { columns: images.map((image) => ({ width: 'auto', stack: [{ image, fit: [166 * k, 124 * k] }] }) as Content), columnGap: 6 * k, margin: [0, 0, 0, 4 * k] };
}

function partOne(d: DrillRecordData, ctx: BuildContext): Content[] {
  const k = ctx.k;
  const h = d.head;
  const photos = photoRow(d.photos, ctx);
  return [
    heading(sectionHeading('第一部分  演练记录', k) as object) as Content,
    formGrid(
      [
        [['演练名称', { text: h.title, bold: true }]],
        [['演练预案', h.plan]],
        [['演练类型', h.kind], ['年度计划', h.planItem]],
        [['演练日期', h.date], ['起止时间', h.time]],
        [['演练地点', h.place]],
        [['总指挥', h.commander], ['组织部门', h.organiser]],
        [['观摩人员', h.observers ?? '无']],
        ...(h.report ? [[['报送监管部门', h.report] as [string, string]]] : []),
      ],
      k,
    ),
    blockTitle('事故情景', k),
    textBox(d.scenario, k),
    blockTitle(`参演人员签到（${d.signInNote}）`, k),
    d.participants.length ? signInTable(d, ctx) : textBox(null, k, 4, '尚未登记参演人员，请在此签到'),
    blockTitle('演练过程记录', k),
    dataTable(
      ['时间', '行动内容', '执行人'],
      d.steps.map((s) => [{ text: s.time, alignment: 'center' }, { text: s.action }, { text: s.actor }]),
      [40 * k, '*', 90 * k],
      k,
      { empty: '尚未登记演练过程' },
    ),
    blockTitle('使用的应急资源（器材、物资、车辆）', k),
    textBox(d.resources ?? '未登记', k),
    blockTitle('中断或异常情况', k),
    textBox(d.interruptions ?? '无', k),
    ...(photos || d.mediaNote ? [blockTitle('现场照片', k)] : []),
    ...(photos ? [photos] : []),
    ...(d.mediaNote ? [{ text: d.mediaNote, fontSize: 8 * k, color: COLORS.muted, margin: [0, 0, 0, 4 * k] as Margin }] : []),
  ];
}

function partTwo(d: DrillRecordData, ctx: BuildContext): Content[] {
  const k = ctx.k;
  const e = d.evaluation;
  const rows: TableCell[][] = [];
  for (const f of d.functions) {
    f.points.forEach((p, i) => {
      rows.push([
        i === 0 ? { text: f.name, rowSpan: f.points.length, bold: true } : {},
        { text: p.text },
        { text: ticks(RATINGS, p.rating, ' '), fontSize: 7.8 * k, ...(p.rating === '差' ? { color: COLORS.danger } : {}) },
        { text: p.comment ?? '' },
      ]);
    });
  }
  const blankRow = (): TableCell[] => [{ text: ' ', margin: [0, 8 * k, 0, 8 * k] }, { text: '' }, { text: '' }, { text: '' }, { text: '' }];
  const problems = d.problems.map((p) => [
    { text: String(p.seq), alignment: 'center' },
    { text: p.description },
    { text: p.cause ?? '' },
    { text: p.suggestion ?? '' },
    { text: p.followUp, ...(p.followUp === '尚未转办' ? { color: COLORS.danger } : {}) },
  ]) as TableCell[][];
  // A blank form leaves rows to write the problems in.
  if (!e) problems.push(blankRow(), blankRow(), blankRow());
  return [
    { ...(sectionHeading('第二部分  演练评估', k) as object), pageBreak: 'before', headlineLevel: 1 } as Content,
    ...(e ? [] : [note('本次演练尚未登记书面评估。下表为空白评估表，可由评估人员现场填写；在系统中登记评估后重新生成本记录。', k)]),
    formGrid(
      [
        [['评估日期', e?.evaluatedOn ?? ''], ['评估人员', e?.evaluators ?? '']],
      ],
      k,
    ),
    blockTitle('现场点评', k),
    textBox(e ? (e.onSiteComments ?? '无') : null, k, 2),
    blockTitle('演练准备情况', k),
    textBox(e ? (e.preparation ?? '无') : null, k, 2),
    blockTitle('参演人员表现', k),
    textBox(e ? (e.performance ?? '无') : null, k, 2),
    blockTitle('评估要点（依据 AQ/T 9009《生产安全事故应急演练评估规范》）', k),
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        keepWithHeaderRows: 1,
        widths: [56 * k, '*', 112 * k, 96 * k],
        body: [['应急功能', '评估要点', '评价', '说明'].map(headCell) as TableCell[], ...rows],
      },
      layout: { ...GRID_LAYOUT, paddingTop: () => 2.5 * k, paddingBottom: () => 2.5 * k, paddingLeft: () => 3 * k, paddingRight: () => 3 * k },
      fontSize: 8.5 * k,
      margin: [0, 0, 0, 6 * k],
    },
    blockTitle('评估结论', k),
    formGrid(
      [
        [['演练目标', ticks(['达成', '未达成'], e ? (e.objectivesMet ? '达成' : '未达成') : null)], ['总体评价', ticks(OVERALLS, e?.overall ?? null)]],
        [['预案修订', ticks(['需要修订', '不需要修订'], e ? (e.needsRevision ? '需要修订' : '不需要修订') : null)]],
        ...(e?.needsRevision || !e ? [[['修订理由', e?.revisionReason ?? ''] as [string, string]]] : []),
      ],
      k,
    ),
    {
      // The problems and the signature stay together unless the list is long.
      stack: [
        blockTitle('发现的问题及整改跟踪', k),
        dataTable(['序号', '问题描述', '原因分析', '改进建议', '整改跟踪'], problems, [22 * k, '*', 100 * k, 110 * k, 90 * k], k, { empty: e ? '未发现问题' : ' ', fontSize: 8.5 * k }),
        signLines([{ role: '评估组组长（签字）', date: e?.evaluatedOn ?? null }], k),
      ],
      unbreakable: problems.length <= 10,
    },
  ];
}

function partThree(d: DrillRecordData, ctx: BuildContext): Content[] {
  const k = ctx.k;
  const s = d.summary;
  const h = d.head;
  const section = (n: string, title: string, body: Content): Content[] => [blockTitle(`${n}、${title}`, k), body];
  const para = (text: string | null, hint = '（待编写）'): Content => (text ? { text, lineHeight: 1.45, margin: [0, 0, 0, 4 * k] } : textBox(null, k, 3, hint));
  const problems = d.problems.length
    ? { ol: d.problems.map((p) => `${p.description}${p.cause ? `（原因：${p.cause}）` : ''}`), lineHeight: 1.4, margin: [0, 0, 0, 4 * k] as Margin }
    : { text: d.evaluation ? '本次演练未发现问题。' : '（待评估）', lineHeight: 1.45, margin: [0, 0, 0, 4 * k] as Margin };
  const suggestions = [s?.improvements, ...d.problems.filter((p) => p.suggestion).map((p) => `针对问题 ${p.seq}：${p.suggestion}`)].filter((x): x is string => Boolean(x));
  return [
    { ...(sectionHeading('第三部分  演练总结报告', k) as object), pageBreak: 'before', headlineLevel: 1 } as Content,
    ...(s ? [] : [note('尚未编写演练总结报告。以下时间地点、参演单位和人员、发现的问题取自演练记录和评估，其余部分留空待编写。', k)]),
    { text: `${h.title}总结报告`, fontSize: 14 * k, bold: true, alignment: 'center', margin: [0, 2 * k, 0, 8 * k] },
    ...section('一', '演练目的', para(s?.purpose ?? null)),
    ...section('二', '演练时间和地点', para(`${h.date} ${h.time}，${h.place}。`)),
    ...section(
      '三',
      '参演单位和人员',
      para(`组织部门：${h.organiser}；总指挥：${h.commander}。${d.participants.length ? `参演人员 ${d.participants.length} 人${d.units ? `（${d.units}）` : ''}` : '参演人员尚未登记'}${h.observers ? `；观摩人员：${h.observers}` : ''}。`),
    ),
    ...section('四', '演练方案概要', para(s?.schemeSummary ?? null)),
    ...section('五', '发现的问题及原因', problems),
    ...section('六', '经验教训', para(s ? (s.lessons ?? '无') : null)),
    {
      // The last section and the signatures stay together.
      stack: [
        ...section('七', '改进有关工作的建议', s || suggestions.length ? { ol: suggestions.length ? suggestions : ['无'], lineHeight: 1.4, margin: [0, 0, 0, 4 * k] } : para(null)),
        signLines([{ role: '编写人', name: s?.writtenBy ?? null, date: s?.writtenOn ?? null }, { role: '审核人' }], k),
      ],
      unbreakable: true,
    },
  ];
}

export function buildDrillRecord(d: DrillRecordData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '应急演练记录'),
    pageBreakBefore: keepTogether as never,
    content: [formTitle('应急演练记录', ctx.stamp.enterpriseName, k, `编号：${d.head.code}`), ...partOne(d, ctx), ...partTwo(d, ctx), ...partThree(d, ctx)],
    defaultStyle: { fontSize: 9.5 * k, color: COLORS.ink, lineHeight: 1.15 },
  };
}
