/**
 * 安全生产责任公示牌（多牌合一）: a pure function from the board's data to a
 * pdfmake definition. Blocks without data are left out, never drawn empty.
 * Landscape boards use three columns; portrait pages stack two.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, compact, fingerprintFooter, labelled, marginsFor, qrBlock, sectionHeading } from '../../pdf/blocks.ts';
import type { BuildContext } from '../print/types.ts';
import { RISK_COLORS } from '../../../preload/contract/enums.ts';

export interface BoardPerson {
  role: string;
  name: string;
  phone: string | null;
  photo: string | null;
}

export interface RiskSummary {
  red: number;
  orange: number;
  yellow: number;
  blue: number;
}

export interface BoardData {
  enterprise: { name: string; creditCode: string | null; industry: string; address: string | null; legalRepresentative: string | null };
  principal: BoardPerson;
  others: BoardPerson[];
  duties: { basis: string; intro: string; items: string[] };
  safetyDept: { name: string; head: BoardPerson | null; managers: BoardPerson[] } | null;
  regulator: { name: string | null; phone: string | null; gridMember: string | null; gridPhone: string | null } | null;
  emergency: { label: string; number: string }[];
  reporting: { internalPhone: string | null; hotline: string; note: string };
  riskSummary: RiskSummary | null;
  qrText: string;
  /** Layout only: steps of smaller type when the content is long. */
  shrink?: number;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const RISK_LEVELS = [
  { key: 'red', label: '重大风险', color: RISK_COLORS.MAJOR.hex },
  { key: 'orange', label: '较大风险', color: RISK_COLORS.HIGH.hex },
  { key: 'yellow', label: '一般风险', color: RISK_COLORS.MEDIUM.hex },
  { key: 'blue', label: '低风险', color: RISK_COLORS.LOW.hex },
] as const;

function personCard(p: BoardPerson, ctx: BuildContext, large: boolean): Content {
  const k = ctx.k;
  const photo = p.photo ? ctx.images[p.photo] : undefined;
  const text: Content = {
    stack: compact<Content>([
      { text: p.role, fontSize: (large ? 11 : 9.5) * k, color: COLORS.muted },
      { text: p.name, fontSize: (large ? 18 : 13) * k, bold: true, color: COLORS.ink, margin: [0, 1 * k, 0, 1 * k] },
      p.phone ? { text: `电话 ${p.phone}`, fontSize: (large ? 11 : 9.5) * k, color: COLORS.ink } : null,
    ]),
  };
  if (!photo) return { ...text, margin: [0, 0, 0, 6 * k] } as Content;
  const w = (large ? 62 : 44) * k;
  return { columns: [{ image: photo, fit: [w, w * 1.3], width: w }, { ...text, width: '*', margin: [6 * k, 0, 0, 0] } as Content], margin: [0, 0, 0, 6 * k] };
}

function box(title: string, body: Content[], ctx: BuildContext, color = COLORS.brand, spaceAfter = 7): Content {
  return { stack: [sectionHeading(title, ctx.k, color), ...body], margin: [0, 0, 0, spaceAfter * ctx.k] };
}

function emergencyNumbers(data: BoardData, ctx: BuildContext): Content {
  const k = ctx.k;
  return {
    table: {
      widths: data.emergency.map(() => '*'),
      body: [
        data.emergency.map((e) => ({ text: e.label, alignment: 'center', fontSize: 9.5 * k, color: '#ffffff', fillColor: COLORS.danger, margin: [0, 2 * k, 0, 2 * k] })),
        data.emergency.map((e) => ({ text: e.number, alignment: 'center', fontSize: (e.number.length > 5 ? 12 : 18) * k, bold: true, color: COLORS.danger, margin: [0, 3 * k, 0, 3 * k] })),
      ],
    },
    layout: { hLineColor: () => COLORS.danger, vLineColor: () => COLORS.danger, hLineWidth: () => 0.8, vLineWidth: () => 0.8 },
  } as Content;
}

function riskLegend(r: RiskSummary, ctx: BuildContext): Content {
  const k = ctx.k;
  return {
    table: {
      widths: RISK_LEVELS.map(() => '*'),
      body: [
        RISK_LEVELS.map((l) => ({
          stack: [
            { text: l.label, fontSize: 10 * k, bold: true, color: l.key === 'yellow' ? COLORS.ink : '#ffffff' },
            { text: `${r[l.key]} 处`, fontSize: 15 * k, bold: true, color: l.key === 'yellow' ? COLORS.ink : '#ffffff' },
          ],
          alignment: 'center',
          fillColor: l.color,
          margin: [0, 3 * k, 0, 3 * k],
        })),
      ],
    },
    layout: { hLineWidth: () => 2 * k, vLineWidth: () => 2 * k, hLineColor: () => '#ffffff', vLineColor: () => '#ffffff' },
  } as Content;
}

/** Type scale steps for a board whose content outgrows the page (the print centre tries them in turn). */
const SHRINK = [1, 0.93, 0.86, 0.8];

export function buildResponsibilityBoard(d: BoardData, base: BuildContext): TDocumentDefinitions {
  const ctx = { ...base, k: base.k * (SHRINK[d.shrink ?? 0] ?? 0.8) };
  const { k, paper } = ctx;
  const landscape = paper.widthPt > paper.heightPt;
  // Other responsible persons two to a row, so a full board still fits one page.
  const pairs: Content[] = [];
  for (let i = 0; i < d.others.length; i += 2) {
    pairs.push({ columns: d.others.slice(i, i + 2).map((p) => ({ width: '50%', stack: [personCard(p, ctx, false)] })), columnGap: 6 * k });
  }
  const people = box('安全生产责任人', [personCard(d.principal, ctx, true), ...pairs], ctx);
  const identityLine = compact<string>([
    d.enterprise.creditCode ? `统一社会信用代码 ${d.enterprise.creditCode}` : null,
    `行业 ${d.enterprise.industry}`,
    d.enterprise.legalRepresentative ? `法定代表人 ${d.enterprise.legalRepresentative}` : null,
    d.enterprise.address,
  ]).join('　·　');
  const duties = box(
    '主要负责人安全生产职责',
    [
      { text: `${d.duties.basis}：${d.duties.intro}`, fontSize: 10 * k, color: COLORS.muted, margin: [0, 0, 0, 4 * k] },
      ...d.duties.items.map(
        (item, i): Content => ({
          columns: [
            { text: `（${CHINESE_NUMERALS[i] ?? i + 1}）`, width: 36 * k, noWrap: true, color: COLORS.brand, bold: true },
            { text: item, width: '*' },
          ],
          fontSize: 11.5 * k,
          margin: [0, 0, 0, 3 * k],
        }),
      ),
    ],
    ctx,
  );
  const dept = d.safetyDept
    ? box('安全管理机构', compact<Content>([
        { text: d.safetyDept.name, bold: true, fontSize: 12 * k, margin: [0, 0, 0, 4 * k] },
        d.safetyDept.head ? personCard(d.safetyDept.head, ctx, false) : null,
        ...d.safetyDept.managers.map((m) => ({ text: `${m.role} ${m.name}${m.phone ? `  ${m.phone}` : ''}`, fontSize: 10.5 * k, margin: [0, 0, 0, 2 * k] }) as Content),
      ]), ctx)
    : null;
  const regulator = d.regulator
    ? box('属地监管', compact<Content>([
        labelled('属地监管部门', d.regulator.name, k),
        labelled('监管部门电话', d.regulator.phone, k),
        labelled('网格员', d.regulator.gridMember, k),
        labelled('网格员电话', d.regulator.gridPhone, k),
      ]), ctx, COLORS.brandDark)
    : null;
  const emergency = box('应急电话', [emergencyNumbers(d, ctx)], ctx, COLORS.danger, 0);
  const reporting = box(
    '举报渠道',
    compact<Content>([
      labelled('企业内部举报电话', d.reporting.internalPhone, k),
      { text: [{ text: '全国安全生产举报投诉电话 ', color: COLORS.muted }, { text: d.reporting.hotline, bold: true, color: COLORS.danger, fontSize: 16 * k }], fontSize: 11 * k, margin: [0, 0, 0, 3 * k] },
      { text: d.reporting.note, fontSize: 8.5 * k, color: COLORS.muted },
    ]),
    ctx,
    COLORS.danger,
    0,
  );
  const qr = qrBlock(d.qrText, k * 0.7, '扫码查看责任人与举报电话');
  const risk = d.riskSummary ? box('安全风险分布', [riskLegend(d.riskSummary, ctx)], ctx, COLORS.brandDark) : null;

  const header: Content = {
    table: {
      widths: ['*'],
      body: [[{
        stack: [
          { text: '安全生产责任公示牌', fontSize: 28 * k, bold: true, color: '#ffffff', alignment: 'center', characterSpacing: 4 * k },
          { text: d.enterprise.name, fontSize: 14 * k, color: '#dbe7f7', alignment: 'center', margin: [0, 3 * k, 0, 0] },
          { text: identityLine, fontSize: 9 * k, color: '#b9cbe4', alignment: 'center', margin: [0, 3 * k, 0, 0] },
        ],
        margin: [0, 6 * k, 0, 6 * k],
      }]],
    },
    layout: { fillColor: () => COLORS.brandDark, hLineWidth: () => 0, vLineWidth: () => 0 },
    margin: [0, 0, 0, 8 * k],
  };

  const gap = 14 * k;
  // Designed in A4 units (k = 1 on a 210 mm short side); every size scales with the page.
  const bottom: Content = {
    columns: [
      { width: '*', stack: [emergency] },
      { width: '*', stack: [reporting] },
      { width: 'auto', stack: [qr] },
    ],
    columnGap: gap,
  };
  const body: Content = landscape
    ? {
        stack: [
          {
            columns: [
              { width: '28%', stack: compact<Content>([people]) },
              { width: '42%', stack: compact<Content>([duties, risk]) },
              { width: '*', stack: compact<Content>([dept, regulator]) },
            ],
            columnGap: gap,
          },
          bottom,
        ],
      }
    : {
        stack: [
          { columns: [{ width: '42%', stack: compact<Content>([people, dept]) }, { width: '*', stack: compact<Content>([duties, risk, regulator]) }], columnGap: gap },
          { columns: [{ width: '*', stack: [{ stack: [emergency], margin: [0, 0, 0, 7 * k] }, reporting] }, { width: 'auto', stack: [qr], margin: [0, 20 * k, 0, 0] }], columnGap: gap },
        ],
      };

  return {
    pageSize: { width: paper.widthPt, height: paper.heightPt },
    pageMargins: marginsFor(paper),
    info: { title: `安全生产责任公示牌 - ${d.enterprise.name}`, author: d.enterprise.name, creator: 'SafeLedger 安全生产台账' },
    footer: fingerprintFooter(ctx.stamp, paper, ctx.pages),
    content: [header, body],
    defaultStyle: { fontSize: 11 * k, color: COLORS.ink },
  };
}
