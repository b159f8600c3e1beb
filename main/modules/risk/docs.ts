/**
 * Risk documents as pdfmake definitions (pure): the 风险分级管控清单 ledger, the
 * 四色分布图, the 安全风险公告栏 and the 岗位风险告知卡.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { RISK_COLORS, type RiskLevel } from '../../../preload/contract/enums.ts';
import { COLORS, fingerprintFooter, GRID_LAYOUT, headCell, marginsFor, pageSetup } from '../../pdf/blocks.ts';
import type { BuildContext } from '../print/types.ts';

const LEVEL_TEXT: Record<RiskLevel, string> = { MAJOR: '重大风险', HIGH: '较大风险', MEDIUM: '一般风险', LOW: '低风险' };
/** Text that reads on each colour. */
const ON_COLOR: Record<RiskLevel, string> = { MAJOR: '#ffffff', HIGH: '#ffffff', MEDIUM: '#1f2937', LOW: '#ffffff' };

/** A cell in the level's colour that also says the level in words. */
export function levelCell(level: RiskLevel | null, size: number): Content {
  if (!level) return { text: '未评价', color: COLORS.muted, alignment: 'center', fontSize: size };
  return { text: `${LEVEL_TEXT[level]}（${RISK_COLORS[level].name}）`, bold: true, alignment: 'center', fontSize: size, color: ON_COLOR[level], fillColor: RISK_COLORS[level].hex };
}

// ---------------------------------------------------------------- the ledger

export interface RegisterRowDoc {
  code: string;
  name: string;
  kind: string;
  place: string;
  hazards: string[];
  accidents: string[];
  evaluation: string;
  level: RiskLevel | null;
  measures: { category: string; items: string[] }[];
  controlLevel: string;
  responsible: string;
  nextReviewOn: string | null;
}

export interface RegisterData {
  scope: string;
  rows: RegisterRowDoc[];
  counts: { level: RiskLevel; count: number }[];
}

export function buildRegister(d: RegisterData, ctx: BuildContext): TDocumentDefinitions {
  const k = ctx.k;
  const small = 7.6 * k;
  const body = d.rows.map((r, i) => [
    { text: String(i + 1), alignment: 'center' as const },
    { text: r.code },
    { stack: [{ text: r.name, bold: true }, { text: `${r.kind} · ${r.place}`, color: COLORS.muted, fontSize: small }] },
    { ol: r.hazards, fontSize: small },
    { text: r.accidents.join('、') },
    { text: r.evaluation, fontSize: small },
    levelCell(r.level, 8 * k),
    { stack: r.measures.map((m) => ({ text: [{ text: `${m.category}：`, bold: true }, m.items.join('；')], fontSize: small, margin: [0, 0, 0, 1.5 * k] as [number, number, number, number] })) },
    { text: r.controlLevel, alignment: 'center' as const },
    { text: r.responsible, fontSize: small },
    { text: r.nextReviewOn ?? '—', fontSize: small },
  ]);
  return {
    ...pageSetup(ctx.paper, ctx.stamp, ctx.pages, '风险分级管控清单'),
    content: [
      { text: '安全风险分级管控清单', fontSize: 17 * k, bold: true, alignment: 'center' },
      {
        text: `${d.scope} · 共 ${d.rows.length} 个风险点：${d.counts.map((c) => `${LEVEL_TEXT[c.level]} ${c.count} 个`).join('，')}`,
        fontSize: 9 * k,
        color: COLORS.muted,
        alignment: 'center',
        margin: [0, 3 * k, 0, 8 * k],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [16 * k, 36 * k, 64 * k, 140 * k, 44 * k, 56 * k, 44 * k, '*', 30 * k, 54 * k, 42 * k],
          body: [['序号', '编号', '风险点', '危险有害因素', '可能导致的事故', '评价', '风险等级', '管控措施', '管控层级', '责任单位/责任人', '下次评审'].map(headCell), ...body],
        },
        layout: GRID_LAYOUT,
        fontSize: 8.2 * k,
      },
    ],
    defaultStyle: { fontSize: 8.2 * k, color: COLORS.ink, lineHeight: 1.1 },
  };
}

// ---------------------------------------------------------------- the map

export interface MapAreaDoc {
  label: string;
  kind: 'POLYGON' | 'MARKER';
  points: [number, number][];
  level: RiskLevel | null;
  codes: string[];
}

export interface MapDoc {
  name: string;
  imageSha: string;
  widthPx: number;
  heightPx: number;
  areas: MapAreaDoc[];
  compiledBy: string | null;
  reviewedBy: string | null;
  approvedBy: string | null;
  mapDate: string | null;
}

/** Width of a one-line label: CJK characters one em, others about half. */
function estimateWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55;
  return em * size;
}

function centroid(points: [number, number][]): [number, number] {
  const n = points.length;
  return [points.reduce((a, p) => a + p[0], 0) / n, points.reduce((a, p) => a + p[1], 0) / n];
}

/**
 * The plan with its coloured areas, fitted into a box on the page. Everything
 * is absolutely positioned (in points) so the overlay sits exactly on the image.
 */
export function mapFigure(m: MapDoc, ctx: BuildContext, box: { x: number; y: number; w: number; h: number }, labels: boolean): Content[] {
  const image = ctx.images[m.imageSha];
  const scale = Math.min(box.w / m.widthPx, box.h / m.heightPx);
  const iw = m.widthPx * scale;
  const ih = m.heightPx * scale;
  const x0 = box.x + (box.w - iw) / 2;
  const y0 = box.y + (box.h - ih) / 2;
  const k = Math.max(0.35, Math.min(iw, ih) / 500);
  const shapes: object[] = [];
  const texts: Content[] = [];
  for (const a of m.areas) {
    const color = a.level ? RISK_COLORS[a.level].hex : '#9ca3af';
    const pts = a.points.map(([fx, fy]) => ({ x: fx * iw, y: fy * ih }));
    if (a.kind === 'POLYGON') {
      shapes.push({ type: 'polyline', points: pts, closePath: true, color, fillOpacity: 0.45, lineColor: color, lineWidth: 1.2 * k });
    } else {
      const r = 7 * k;
      shapes.push({ type: 'ellipse', x: pts[0]!.x, y: pts[0]!.y, r1: r, r2: r, color, lineColor: '#ffffff', lineWidth: 1 * k });
    }
    if (labels) {
      const [cx, cy] = a.kind === 'POLYGON' ? centroid(a.points) : a.points[0]!;
      const fs = 8 * k;
      // Absolute text starts at x and flows to the page edge, so centre it by its own width.
      const width = estimateWidth(a.label, fs);
      texts.push({
        text: a.label,
        fontSize: fs,
        bold: true,
        color: COLORS.ink,
        background: '#ffffff',
        absolutePosition: { x: x0 + cx * iw - width / 2, y: y0 + cy * ih + (a.kind === 'MARKER' ? 8 * k : -fs * 0.7) },
      } as Content);
    }
  }
  return [
    image ? ({ image, width: iw, height: ih, absolutePosition: { x: x0, y: y0 } } as Content) : ({ text: '（平面图图片缺失）', absolutePosition: { x: x0, y: y0 } } as Content),
    { canvas: [{ type: 'rect', x: 0, y: 0, w: iw, h: ih, lineColor: COLORS.line, lineWidth: 0.6 }, ...shapes], absolutePosition: { x: x0, y: y0 } } as Content,
    ...texts,
  ];
}

function legend(counts: { level: RiskLevel; count: number }[], k: number, unit: string, width = 150 * k): Content {
  return {
    table: {
      widths: [14 * k, width - 14 * k - 70 * k - 12, 70 * k],
      body: counts.map((c) => [
        { text: '', fillColor: RISK_COLORS[c.level].hex, fontSize: 9 * k },
        { text: `${LEVEL_TEXT[c.level]}（${RISK_COLORS[c.level].name}色）`, fontSize: 9 * k },
        { text: `${c.count} ${unit}`, fontSize: 9 * k, alignment: 'right' },
      ]),
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 2 * k, paddingBottom: () => 2 * k },
  } as Content;
}

export interface MapData {
  map: MapDoc;
  counts: { level: RiskLevel; count: number }[];
}

export function buildMap(d: MapData, ctx: BuildContext): TDocumentDefinitions {
  const { paper, k } = ctx;
  const [ml, mt, mr, mb] = marginsFor(paper);
  const titleH = 40 * k;
  const legendW = 150 * k;
  const gap = 10 * k;
  const box = { x: ml, y: mt + titleH, w: paper.widthPt - ml - mr - legendW - gap, h: paper.heightPt - mt - mb - titleH - 6 * k };
  const m = d.map;
  const approvals = [`编制：${m.compiledBy ?? ''}`, `审核：${m.reviewedBy ?? ''}`, `批准：${m.approvedBy ?? ''}`, `日期：${m.mapDate ?? ''}`];
  return {
    ...pageSetup(paper, ctx.stamp, ctx.pages, '安全风险四色分布图'),
    content: [
      { text: `${ctx.stamp.enterpriseName}安全风险四色分布图`, fontSize: 18 * k, bold: true, alignment: 'center' },
      { text: m.name, fontSize: 10 * k, color: COLORS.muted, alignment: 'center' },
      ...mapFigure(m, ctx, box, true),
      {
        stack: [
          { text: '图例', bold: true, fontSize: 11 * k, margin: [0, 0, 0, 4 * k] },
          legend(d.counts, k, '处'),
          { text: '区域颜色取该区域内风险点的最高风险等级；灰色为尚未评价。', fontSize: 7.5 * k, color: COLORS.muted, margin: [0, 4 * k, 0, 10 * k] },
          { text: '区域与风险点', bold: true, fontSize: 10 * k, margin: [0, 0, 0, 3 * k] },
          ...m.areas.slice(0, 40).map((a) => ({
            text: [{ text: '■ ', color: a.level ? RISK_COLORS[a.level].hex : '#9ca3af' }, { text: a.label }, { text: a.codes.length ? `  ${a.codes.join('、')}` : '', color: COLORS.muted }],
            fontSize: 7.5 * k,
            margin: [0, 0, 0, 1.5 * k] as [number, number, number, number],
          })),
          ...(m.areas.length > 40 ? [{ text: `另有 ${m.areas.length - 40} 个区域`, fontSize: 7.5 * k, color: COLORS.muted }] : []),
          { stack: approvals.map((t) => ({ text: t, fontSize: 9 * k, margin: [0, 3 * k, 0, 0] as [number, number, number, number] })), margin: [0, 10 * k, 0, 0] },
        ],
        absolutePosition: { x: paper.widthPt - mr - legendW, y: mt + titleH },
        width: legendW,
      } as Content,
    ],
    defaultStyle: { fontSize: 9 * k, color: COLORS.ink },
  };
}

// ---------------------------------------------------------------- the notice board

export interface BoardRiskRow {
  code: string;
  name: string;
  location: string;
  level: RiskLevel;
  accidents: string[];
  controls: string[];
  responsible: string;
  phone: string | null;
}

export interface NoticeBoardData {
  rows: BoardRiskRow[];
  counts: { level: RiskLevel; count: number }[];
  map: MapDoc | null;
  emergency: { label: string; number: string }[];
  approvals: { compiledBy: string | null; reviewedBy: string | null; approvedBy: string | null; updatedOn: string | null };
  /** Layout only: steps of smaller type when the table is long. */
  shrink?: number;
}

export function buildNoticeBoard(d: NoticeBoardData, ctx: BuildContext): TDocumentDefinitions {
  const { paper, k } = ctx;
  const f = [1, 0.88, 0.76, 0.66][d.shrink ?? 0] ?? 0.66;
  const [ml, mt, mr, mb] = marginsFor(paper);
  const innerW = paper.widthPt - ml - mr;
  // Header band and bottom strip live in the page's header and footer, so the
  // flowing table gets exactly the room between them.
  const headerH = 70 * k;
  const bottomH = 76 * k;
  const gap = 10 * k;
  const flowTop = mt + headerH + gap;
  const flowBottom = paper.heightPt - mb - bottomH - gap;
  const mapW = d.map ? innerW * 0.32 : 0;
  const legendH = 4 * 19 * k;
  const fs = 9.5 * k * f;
  const table: Content = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [30 * k * f, 118 * k * f, 58 * k * f, 70 * k * f, '*', 84 * k * f],
      body: [
        ['编号', '风险点 / 位置', '风险等级', '可能导致的事故', '主要管控措施', '责任人 / 电话'].map((t) => ({ text: t, bold: true, color: '#ffffff', fillColor: COLORS.brandDark, alignment: 'center' as const, fontSize: fs })),
        ...d.rows.map((r) => [
          { text: r.code, fontSize: fs * 0.85, alignment: 'center' as const },
          { stack: [{ text: r.name, bold: true }, { text: r.location, color: COLORS.muted, fontSize: fs * 0.85 }] },
          levelCell(r.level, fs * 0.9),
          { text: r.accidents.join('、'), fontSize: fs * 0.9 },
          { ol: r.controls, fontSize: fs * 0.85 },
          { stack: [{ text: r.responsible }, { text: r.phone ?? '', fontSize: fs * 0.85 }], fontSize: fs * 0.9 },
        ]),
      ],
    },
    layout: GRID_LAYOUT,
    fontSize: fs,
    margin: [d.map ? mapW + gap : 0, 0, 0, 0],
  } as Content;
  const emergency: Content = {
    table: {
      widths: d.emergency.map(() => '*'),
      body: [
        d.emergency.map((e) => ({ text: e.label, alignment: 'center', fontSize: 10 * k, color: '#ffffff', fillColor: COLORS.danger })),
        d.emergency.map((e) => ({ text: e.number, alignment: 'center', fontSize: (e.number.length > 5 ? 13 : 20) * k, bold: true, color: COLORS.danger })),
      ],
    },
    layout: { hLineColor: () => COLORS.danger, vLineColor: () => COLORS.danger, hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
  } as Content;
  const a = d.approvals;
  const fingerprint = fingerprintFooter(ctx.stamp, paper, 'none');
  const bottom: Content = {
    columns: [
      { width: '*', stack: [{ text: '应急电话', bold: true, fontSize: 10 * k, margin: [0, 0, 0, 3 * k] }, emergency] },
      {
        width: 210 * k,
        stack: [
          { text: `编制：${a.compiledBy ?? ''}\u3000审核：${a.reviewedBy ?? ''}`, fontSize: 9 * k },
          { text: `批准：${a.approvedBy ?? ''}\u3000更新：${a.updatedOn ?? ''}`, fontSize: 9 * k, margin: [0, 3 * k, 0, 0] },
          { text: '发现事故隐患请立即报告；安全生产举报投诉热线 12350', fontSize: 8.5 * k, color: COLORS.danger, margin: [0, 5 * k, 0, 0] },
        ],
        margin: [10 * k, 14 * k, 0, 0],
      },
    ],
    margin: [ml, gap, mr, 0],
  };
  return {
    pageSize: { width: paper.widthPt, height: paper.heightPt },
    pageMargins: [ml, flowTop, mr, paper.heightPt - flowBottom],
    info: { title: '安全风险公告栏', creator: 'SafeLedger 安全生产台账' },
    header: () => ({
      table: { widths: ['*'], body: [[{ stack: [{ text: '安全风险公告栏', fontSize: 26 * k, bold: true, color: '#ffffff', alignment: 'center', characterSpacing: 4 * k }, { text: ctx.stamp.enterpriseName, fontSize: 11 * k, color: '#ffffff', alignment: 'center' }], margin: [0, 4 * k, 0, 4 * k] }]] },
      layout: { fillColor: () => COLORS.danger, hLineWidth: () => 0, vLineWidth: () => 0 },
      margin: [ml, mt, mr, 0],
    }),
    footer: (page, count, size) => ({ stack: [bottom, { stack: [fingerprint(page, count, size) as Content], margin: [0, bottomH - 70 * k, 0, 0] }] }),
    content: [
      ...(d.map
        ? [
            { text: '安全风险四色分布图', bold: true, fontSize: 11 * k, absolutePosition: { x: ml, y: flowTop } } as Content,
            ...mapFigure(d.map, ctx, { x: ml, y: flowTop + 16 * k, w: mapW, h: flowBottom - flowTop - 16 * k - legendH - 8 * k }, false),
            { ...(legend(d.counts, k * 0.9, '个风险点', Math.min(mapW, 260 * k)) as object), absolutePosition: { x: ml, y: flowBottom - legendH } } as Content,
          ]
        : []),
      d.rows.length ? table : { text: '本企业目前没有较大及以上风险点。', fontSize: 14 * k, margin: [d.map ? mapW + gap : 0, gap * 2, 0, 0], color: COLORS.muted },
    ],
    defaultStyle: { fontSize: fs, color: COLORS.ink, lineHeight: 1.1 },
  };
}

// ---------------------------------------------------------------- post risk notice card

export interface SignDoc {
  family: 'PROHIBITION' | 'WARNING' | 'MANDATORY' | 'INFORMATION';
  text: string;
}

export interface PostCardDoc {
  postName: string;
  unitName: string;
  level: RiskLevel | null;
  risks: { code: string; name: string; level: RiskLevel | null }[];
  hazards: string[];
  accidents: string[];
  controls: string[];
  emergency: string[];
  ppe: string[];
  signs: SignDoc[];
  contacts: { role: string; name: string | null; phone: string }[];
}

export interface PostCardsData {
  scope: string;
  cards: PostCardDoc[];
  shrink?: number;
}

const SIGN_COLOR: Record<SignDoc['family'], string> = { PROHIBITION: '#d9001b', WARNING: '#f5c400', MANDATORY: '#1f5eb8', INFORMATION: '#237804' };

/** A GB 2894 family shape with its caption: 禁止 red ring and bar, 警告 yellow triangle, 指令 blue disc, 提示 green square. */
function sign(s: SignDoc, size: number): Content {
  const r = size / 2;
  const shape: object[] =
    s.family === 'PROHIBITION'
      ? [
          { type: 'ellipse', x: r, y: r, r1: r * 0.92, r2: r * 0.92, color: '#ffffff', lineColor: SIGN_COLOR.PROHIBITION, lineWidth: size * 0.12 },
          { type: 'line', x1: r - r * 0.62, y1: r - r * 0.62, x2: r + r * 0.62, y2: r + r * 0.62, lineColor: SIGN_COLOR.PROHIBITION, lineWidth: size * 0.1 },
        ]
      : s.family === 'WARNING'
        ? [{ type: 'polyline', closePath: true, points: [{ x: r, y: size * 0.06 }, { x: size * 0.98, y: size * 0.92 }, { x: size * 0.02, y: size * 0.92 }], color: SIGN_COLOR.WARNING, lineColor: '#1f2937', lineWidth: size * 0.06 }]
        : s.family === 'MANDATORY'
          ? [{ type: 'ellipse', x: r, y: r, r1: r * 0.95, r2: r * 0.95, color: SIGN_COLOR.MANDATORY }]
          : [{ type: 'rect', x: size * 0.04, y: size * 0.04, w: size * 0.92, h: size * 0.92, color: SIGN_COLOR.INFORMATION }];
  const glyph = s.family === 'WARNING' ? '!' : s.family === 'MANDATORY' ? '须' : s.family === 'INFORMATION' ? '安' : '';
  return {
    width: size * 1.9,
    stack: [
      { canvas: shape, margin: [size * 0.45, 0, 0, 0] },
      ...(glyph ? [{ text: glyph, bold: true, fontSize: size * 0.42, color: s.family === 'WARNING' ? '#1f2937' : '#ffffff', alignment: 'center' as const, relativePosition: { x: 0, y: -size * (s.family === 'WARNING' ? 0.68 : 0.76) } }] : []),
      { text: s.text, fontSize: Math.max(6, size * 0.2), alignment: 'center' as const, margin: [0, size * 0.06, 0, 0] as [number, number, number, number] },
    ],
  } as Content;
}

function postCardPage(c: PostCardDoc, ctx: BuildContext, f: number, first: boolean): Content {
  const k = ctx.k * f;
  const color = c.level ? RISK_COLORS[c.level].hex : COLORS.brand;
  const section = (title: string, items: string[], fill: string): Content => ({
    table: {
      widths: ['*'],
      body: [
        [{ text: title, bold: true, color: '#ffffff', fillColor: fill, alignment: 'center', fontSize: 11 * k, margin: [0, 2 * k, 0, 2 * k] }],
        [items.length ? { ol: items, fontSize: 10 * k, lineHeight: 1.15, margin: [2 * k, 3 * k, 2 * k, 3 * k] } : { text: '—', color: COLORS.muted }],
      ],
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
  });
  return {
    stack: [
      {
        table: { widths: ['*'], body: [[{ stack: [{ text: '岗位安全风险告知卡', fontSize: 22 * k, bold: true, color: c.level === 'MEDIUM' ? COLORS.ink : '#ffffff', alignment: 'center', characterSpacing: 2 * k }, { text: `${c.unitName} · ${c.postName}`, fontSize: 12 * k, color: c.level === 'MEDIUM' ? COLORS.ink : '#ffffff', alignment: 'center' }], margin: [0, 5 * k, 0, 5 * k] }]] },
        layout: { fillColor: () => color, hLineWidth: () => 0, vLineWidth: () => 0 },
      },
      {
        table: {
          widths: RISK_LEVEL_STRIP.map(() => '*'),
          body: [RISK_LEVEL_STRIP.map((l) => ({ text: `${LEVEL_TEXT[l]}${c.level === l ? ' ◀ 本岗位' : ''}`, alignment: 'center' as const, bold: c.level === l, fontSize: (c.level === l ? 10.5 : 8.5) * k, color: ON_COLOR[l], fillColor: RISK_COLORS[l].hex, margin: [0, (c.level === l ? 4 : 2) * k, 0, (c.level === l ? 4 : 2) * k] as [number, number, number, number] }))],
        },
        layout: { hLineWidth: () => 0, vLineWidth: () => 1, vLineColor: () => '#ffffff' },
        margin: [0, 4 * k, 0, 6 * k],
      },
      { text: [{ text: '风险点：', bold: true }, c.risks.map((r) => `${r.code} ${r.name}（${r.level ? LEVEL_TEXT[r.level] : '未评价'}）`).join('；')], fontSize: 9.5 * k, margin: [0, 0, 0, 6 * k] },
      {
        table: {
          widths: ['*', '*'],
          body: [
            [section('主要危险有害因素', c.hazards, COLORS.brandDark), section('可能导致的事故', c.accidents, COLORS.danger)],
            [section('管控措施', c.controls, '#237804'), section('应急处置措施', c.emergency, '#d46b08')],
          ],
        },
        layout: GRID_LAYOUT,
      },
      ...(c.ppe.length ? [{ text: [{ text: '个体防护：', bold: true }, c.ppe.join('、')], fontSize: 10 * k, margin: [0, 6 * k, 0, 0] as [number, number, number, number] }] : []),
      ...(c.signs.length ? [{ text: '安全警示标志', bold: true, fontSize: 10 * k, margin: [0, 8 * k, 0, 4 * k] as [number, number, number, number] }, { columns: c.signs.slice(0, 7).map((s) => sign(s, 34 * k)), columnGap: 6 * k }] : []),
      {
        table: {
          widths: c.contacts.map(() => '*'),
          body: [c.contacts.map((x) => ({ stack: [{ text: x.role, fontSize: 8 * k, color: COLORS.muted }, ...(x.name ? [{ text: x.name, fontSize: 9 * k }] : []), { text: x.phone, fontSize: 9.5 * k, bold: true, color: COLORS.danger }], alignment: 'center' as const }))],
        },
        layout: { hLineColor: () => COLORS.danger, vLineColor: () => COLORS.danger, hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
        margin: [0, 8 * k, 0, 0],
      },
    ],
    pageBreak: first ? undefined : 'before',
  };
}

const RISK_LEVEL_STRIP: RiskLevel[] = ['MAJOR', 'HIGH', 'MEDIUM', 'LOW'];

export function buildPostRiskCards(d: PostCardsData, ctx: BuildContext): TDocumentDefinitions {
  const f = [1, 0.88, 0.76, 0.66][d.shrink ?? 0] ?? 0.66;
  return {
    ...pageSetup(ctx.paper, ctx.stamp, 'none', '岗位安全风险告知卡'),
    content: d.cards.map((c, i) => postCardPage(c, ctx, f, i === 0)),
    defaultStyle: { fontSize: 10 * ctx.k * f, color: COLORS.ink },
  };
}

