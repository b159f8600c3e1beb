/**
 * 两单两卡 as a two-sided pocket card (front: the two lists; back: the two
 * cards and the contacts) and as a post board with the four blocks in a 2×2
 * grid. Pure pdfmake definitions.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, estimateLines, pageSetup } from '../../pdf/blocks.ts';
import { cardBlockHeader as blockHeader, cardFooter, cardPaper, cardUnit, tint, type CardFormat } from '../../pdf/pocketCard.ts';
import type { BuildContext } from '../print/types.ts';

export interface CardDocRisk {
  statement: string;
  accidentType: string;
  stage: string;
  /** Colour level once the risk comes from the register. */
  level: 'MAJOR' | 'HIGH' | 'MEDIUM' | 'LOW' | null;
}

export interface CardDocStep {
  phase: 'BEFORE' | 'DURING' | 'AFTER';
  action: string;
  prohibitions: string | null;
  ppe: string | null;
}

export interface CardDoc {
  postName: string;
  unitName: string;
  trade: string | null;
  version: number;
  publishedOn: string;
  nextReviewOn: string | null;
  compiledBy: string;
  reviewedBy: string;
  approvedBy: string;
  applicable: string[];
  ppe: string[];
  risk: { items: CardDocRisk[]; mnemonic: string | null };
  duty: { items: string[]; mnemonic: string | null };
  operation: { steps: CardDocStep[]; mnemonic: string | null };
  emergency: { scenarios: { scenario: string; steps: string[]; cautions: string | null }[]; mnemonic: string | null };
  contacts: { role: string; name: string | null; phone: string }[];
}

export interface CardsData {
  scope: string;
  /** Set on a part laid out larger than asked because its content is long. */
  format?: CardFormat | null;
  /** Board only: 1–3 steps smaller type because the content is long. */
  shrink?: number;
  cards: CardDoc[];
}

export const BLOCK_COLORS = { risk: '#c0392b', duty: '#1f5eb8', operation: '#237804', emergency: '#d46b08' };
export const LEVEL_STYLE: Record<NonNullable<CardDocRisk['level']>, { label: string; color: string }> = {
  MAJOR: { label: '重大', color: '#e02020' },
  HIGH: { label: '较大', color: '#fa8c16' },
  MEDIUM: { label: '一般', color: '#c49a00' },
  LOW: { label: '低', color: '#1677ff' },
};
const PHASE_LABEL = { BEFORE: '作业前', DURING: '作业中', AFTER: '作业后' } as const;

/** A rhyme breaks at its middle punctuation rather than wherever the line runs out. */
export function rhymeLines(m: string): string {
  const parts = m.split(/(?<=[，；,;])/);
  if (parts.length < 2 || m.length <= 18) return m;
  let best = 1;
  let bestDiff = Infinity;
  for (let i = 1; i < parts.length; i++) {
    const diff = Math.abs(parts.slice(0, i).join('').length - parts.slice(i).join('').length);
    if (diff < bestDiff) [best, bestDiff] = [i, diff];
  }
  return `${parts.slice(0, best).join('')}\n${parts.slice(best).join('')}`;
}

function mnemonicLine(m: string | null, size: number, color: string, top: number): Content[] {
  return m ? [{ text: rhymeLines(m), bold: true, fontSize: size, color, alignment: 'center', margin: [0, top, 0, 0] }] : [];
}

function riskText(r: CardDocRisk, size: number): Content {
  const level = r.level ? LEVEL_STYLE[r.level] : null;
  return {
    text: [
      { text: r.statement },
      // A statement drawn from the register already names its accidents.
      ...(r.statement.includes(r.accidentType) ? [] : [{ text: `〔${r.accidentType}〕`, color: COLORS.muted, fontSize: size * 0.9 }]),
      ...(level ? [{ text: ` ${level.label}`, color: level.color, bold: true, fontSize: size * 0.9 }] : []),
    ],
  };
}

/** "严禁…" unless the text already says 禁止/严禁/不得/不准. */
export function prohibition(p: string): string {
  return /^(严禁|禁止|不得|不准|切勿|杜绝)/.test(p) ? p : `严禁${p}`;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮';

/** Steps one per line, the phase in a narrow column beside its steps (boards). */
function operationStack(steps: CardDocStep[], size: number, gap: number): Content[] {
  const rows: TableCell[][] = [];
  let n = 0;
  for (const phase of ['BEFORE', 'DURING', 'AFTER'] as const) {
    const group = steps.filter((s) => s.phase === phase);
    group.forEach((s, i) => {
      n++;
      rows.push([
        i === 0 ? { text: PHASE_LABEL[phase], bold: true, color: BLOCK_COLORS.operation, fontSize: size * 0.95, rowSpan: group.length } : {},
        { text: [{ text: `${n}. ` }, { text: s.action }, ...(s.prohibitions ? [{ text: ` ${prohibition(s.prohibitions)}`, color: COLORS.danger }] : [])] },
      ]);
    });
  }
  if (!rows.length) return [];
  return [
    {
      table: { widths: ['auto', '*'], body: rows },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => gap, paddingTop: () => gap * 0.15, paddingBottom: () => gap * 0.15 },
    },
  ];
}

/** Steps run in, one paragraph per phase (pocket cards: every line counts). */
function operationRunIn(steps: CardDocStep[], gap: number): Content[] {
  let n = 0;
  return (['BEFORE', 'DURING', 'AFTER'] as const)
    .map((phase) => steps.filter((s) => s.phase === phase))
    .filter((g) => g.length)
    .map((group) => ({
      text: [
        { text: `${PHASE_LABEL[group[0]!.phase]} `, bold: true, color: BLOCK_COLORS.operation },
        ...group.flatMap((s) => [{ text: `${CIRCLED[n++] ?? `${n}.`}${s.action}${s.prohibitions ? '，' : '；'}` }, ...(s.prohibitions ? [{ text: `${prohibition(s.prohibitions)}；`, color: COLORS.danger }] : [])]),
      ],
      margin: [0, 0, 0, gap * 0.5] as [number, number, number, number],
    }));
}

function emergencyStack(c: CardDoc, size: number, gap: number, withCautions: boolean): Content[] {
  return c.emergency.scenarios.map((s, i) => ({
    stack: [
      { text: [{ text: `${s.scenario}：`, bold: true, color: BLOCK_COLORS.emergency }, { text: s.steps.map((x, j) => `${CIRCLED[j] ?? `${j + 1}.`}${x}`).join(' ') }] },
      ...(withCautions && s.cautions ? [{ text: `注意：${s.cautions}`, color: COLORS.muted, fontSize: size * 0.9 }] : []),
    ],
    margin: [0, i ? gap * 0.6 : 0, 0, 0],
  }));
}

function contactsLine(c: CardDoc): string {
  return c.contacts.map((x) => `${x.role}${x.name ? ` ${x.name}` : ''} ${x.phone}`).join('\u3000');
}

/**
 * How full a pocket card's fullest column would be on the 85.5×54 card, as a
 * share of the room (1 = exactly full), estimated from the text before any
 * layout. Batch printing lays out the likely overflows on their own.
 */
export function pocketCardLoad(c: CardDoc): number {
  const width = 111;
  const fs = 4.6;
  const lines = (t: string, w = width - 6) => estimateLines(t, w, fs);
  const rhyme = (m: string | null) => (m ? rhymeLines(m).split('\n').reduce((a, l) => a + estimateLines(l, width, 4.9), 0) + 0.4 : 0);
  const header = 2;
  const frontTop = 2.2;
  const approval = 1.3;
  const riskCol = frontTop + header + c.risk.items.reduce((a, r) => a + lines(`${r.statement}〔${r.accidentType}〕`), 0) + rhyme(c.risk.mnemonic) + approval;
  const dutyCol = frontTop + header + c.duty.items.reduce((a, d) => a + lines(d), 0) + rhyme(c.duty.mnemonic) + approval;
  const phases = (['BEFORE', 'DURING', 'AFTER'] as const).map((p) => c.operation.steps.filter((s) => s.phase === p)).filter((g) => g.length);
  const opCol =
    header +
    (c.ppe.length ? lines(`防护用品：${c.ppe.join('、')}`, width) + 0.2 : 0) +
    phases.reduce((a, g) => a + lines(`作业前 ${g.map((s) => `①${s.action}，${s.prohibitions ?? ''}；`).join('')}`, width) + 0.3, 0) +
    rhyme(c.operation.mnemonic);
  const emCol =
    header +
    c.emergency.scenarios.reduce((a, s) => a + lines(`${s.scenario}：${s.steps.map((x) => `①${x}`).join(' ')}`, width) + 0.3, 0) +
    rhyme(c.emergency.mnemonic) +
    lines(`应急联系：${contactsLine(c)}`, width - 4) +
    0.8;
  const room = 18.4;
  return Math.max(riskCol, dutyCol, opCol, emCol) / room;
}

export function buildPocketCards(d: CardsData, ctx: BuildContext): TDocumentDefinitions {
  const paper = cardPaper(ctx.paper, d.format ?? null);
  const u = cardUnit(paper, !!d.format);
  const fs = 4.6 * u;
  const side = 7 * u;
  const gap = 2 * u;
  const footSize = 3.4 * u;
  const content: Content[] = [];
  d.cards.forEach((c, i) => {
    const head: Content = {
      table: {
        widths: ['*', 'auto'],
        body: [[{ text: c.postName, bold: true, fontSize: 7.2 * u, color: '#ffffff' }, { text: `两单两卡 · ${c.unitName} · 第${c.version}版`, fontSize: 4.3 * u, color: '#ffffff', alignment: 'right', margin: [0, 1.6 * u, 0, 0] }]],
      },
      layout: { fillColor: () => COLORS.brandDark, hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 3 * u, paddingRight: () => 3 * u, paddingTop: () => 1.2 * u, paddingBottom: () => 1.2 * u },
      margin: [0, 0, 0, gap * 1.2],
    };
    const front: Content = {
      stack: [
        head,
        {
          columns: [
            { width: '*', stack: [blockHeader('岗位风险清单 · 知风险', BLOCK_COLORS.risk, 5.2 * u, 2 * u), { ol: c.risk.items.map((r) => riskText(r, fs)), markerColor: BLOCK_COLORS.risk }, ...mnemonicLine(c.risk.mnemonic, 4.9 * u, BLOCK_COLORS.risk, gap)] },
            { width: '*', stack: [blockHeader('岗位职责清单 · 明职责', BLOCK_COLORS.duty, 5.2 * u, 2 * u), { ol: c.duty.items, markerColor: BLOCK_COLORS.duty }, ...mnemonicLine(c.duty.mnemonic, 4.9 * u, BLOCK_COLORS.duty, gap)] },
          ],
          columnGap: 5 * u,
        },
        {
          text: `适用：${c.applicable.join('、')}\u3000编制 ${c.compiledBy}\u3000审核 ${c.reviewedBy}\u3000批准 ${c.approvedBy}\u3000发布 ${c.publishedOn}`,
          fontSize: 3.8 * u,
          color: COLORS.muted,
          alignment: 'center',
          margin: [0, gap * 1.5, 0, 0],
        },
      ],
      pageBreak: i === 0 ? undefined : 'before',
    };
    const back: Content = {
      stack: [
        {
          columns: [
            {
              width: '*',
              stack: [
                blockHeader('岗位操作卡 · 会操作', BLOCK_COLORS.operation, 5.2 * u, 2 * u),
                ...(c.ppe.length ? [{ text: [{ text: '防护用品：', bold: true }, c.ppe.join('、')], margin: [0, 0, 0, gap * 0.5] as [number, number, number, number] }] : []),
                ...operationRunIn(c.operation.steps, gap),
                ...mnemonicLine(c.operation.mnemonic, 4.9 * u, BLOCK_COLORS.operation, gap),
              ],
            },
            {
              width: '*',
              stack: [
                blockHeader('岗位应急处置卡 · 能应急', BLOCK_COLORS.emergency, 5.2 * u, 2 * u),
                ...emergencyStack(c, fs, gap, !!d.format),
                ...mnemonicLine(c.emergency.mnemonic, 4.9 * u, BLOCK_COLORS.emergency, gap),
                {
                  table: { widths: ['*'], body: [[{ text: [{ text: '应急联系：', bold: true }, contactsLine(c)] }]] },
                  layout: { fillColor: () => '#fff4e6', hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 2 * u, paddingRight: () => 2 * u, paddingTop: () => 1 * u, paddingBottom: () => 1 * u },
                  margin: [0, gap, 0, 0],
                },
              ],
            },
          ],
          columnGap: 5 * u,
        },
      ],
      pageBreak: 'before',
    };
    content.push(front, back);
  });
  return {
    pageSize: { width: paper.widthPt, height: paper.heightPt },
    pageMargins: [side, side * 0.9, side, footSize * 2.6],
    info: { title: '两单两卡（口袋卡）', creator: 'SafeLedger 安全生产台账' },
    footer: cardFooter(ctx.stamp, side, footSize),
    content,
    defaultStyle: { fontSize: fs, color: COLORS.ink, lineHeight: 1.12 },
  };
}

function boardBlock(title: string, slogan: string, color: string, body: Content[], mnemonic: string | null, k: number, f: number): Content {
  return {
    stack: [
      {
        table: { widths: ['*', 'auto'], body: [[{ text: title, bold: true, fontSize: 15 * k * f, color: '#ffffff' }, { text: slogan, fontSize: 11 * k * f, color: '#ffffff', margin: [0, 3 * k * f, 0, 0] }]] },
        layout: { fillColor: () => color, hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 6 * k, paddingRight: () => 6 * k, paddingTop: () => 3 * k, paddingBottom: () => 3 * k },
      },
      { stack: body, margin: [6 * k, 4 * k, 6 * k, 2 * k], fontSize: 10.5 * k * f, lineHeight: 1.15 },
      ...(mnemonic
        ? [
            {
              table: { widths: ['*'], body: [[{ text: mnemonic, bold: true, fontSize: 14 * k * f, color, alignment: 'center' as const }]] },
              layout: { fillColor: () => tint(color, 0.1), hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 4 * k, paddingBottom: () => 4 * k },
              margin: [6 * k, 2 * k, 6 * k, 6 * k] as [number, number, number, number],
            },
          ]
        : []),
    ],
  };
}

export function buildCardBoard(d: CardsData, ctx: BuildContext): TDocumentDefinitions {
  const { k } = ctx;
  const f = [1, 0.88, 0.78, 0.68][d.shrink ?? 0] ?? 0.68;
  const gap = 4 * k * f;
  const pages: Content[] = d.cards.map((c, i): Content => {
    const risk = boardBlock('岗位风险清单', '知风险', BLOCK_COLORS.risk, [{ ol: c.risk.items.map((r) => riskText(r, 10.5 * k * f)), markerColor: BLOCK_COLORS.risk }], c.risk.mnemonic, k, f);
    const duty = boardBlock('岗位职责清单', '明职责', BLOCK_COLORS.duty, [{ ol: c.duty.items, markerColor: BLOCK_COLORS.duty }], c.duty.mnemonic, k, f);
    const operation = boardBlock(
      '岗位操作卡',
      '会操作',
      BLOCK_COLORS.operation,
      [...(c.ppe.length ? [{ text: [{ text: '防护用品：', bold: true }, c.ppe.join('、')], margin: [0, 0, 0, gap * 0.6] as [number, number, number, number] }] : []), ...operationStack(c.operation.steps, 10.5 * k * f, gap)],
      c.operation.mnemonic,
      k,
      f,
    );
    const emergency = boardBlock(
      '岗位应急处置卡',
      '能应急',
      BLOCK_COLORS.emergency,
      [...emergencyStack(c, 10.5 * k * f, gap, true), { text: [{ text: '应急联系：', bold: true }, contactsLine(c)], margin: [0, gap, 0, 0] }],
      c.emergency.mnemonic,
      k,
      f,
    );
    const cell = (content: Content, color: string): TableCell => ({ stack: [content], border: [true, true, true, true], borderColor: [color, color, color, color] });
    return {
      stack: [
        {
          table: {
            widths: ['*'],
            body: [
              [{ text: `${c.postName}岗位“两单两卡”`, fontSize: 24 * k * f, bold: true, color: '#ffffff', alignment: 'center', characterSpacing: 2 * k, margin: [0, 4 * k, 0, 0] }],
              [{ text: `${c.unitName}${c.trade ? ` · 工种：${c.trade}` : ''} · 适用：${c.applicable.join('、')} · 第 ${c.version} 版`, fontSize: 11 * k, color: '#ffffff', alignment: 'center', margin: [0, 0, 0, 4 * k] }],
            ],
          },
          layout: { fillColor: () => COLORS.brandDark, hLineWidth: () => 0, vLineWidth: () => 0 },
          margin: [0, 0, 0, gap * 1.5],
        },
        {
          table: { widths: ['*', '*'], body: [[cell(risk, BLOCK_COLORS.risk), cell(duty, BLOCK_COLORS.duty)], [cell(operation, BLOCK_COLORS.operation), cell(emergency, BLOCK_COLORS.emergency)]] },
          layout: { hLineWidth: () => 1.2 * k, vLineWidth: () => 1.2 * k, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
        },
        {
          text: `编制：${c.compiledBy}\u3000审核：${c.reviewedBy}\u3000批准：${c.approvedBy}\u3000发布日期：${c.publishedOn}${c.nextReviewOn ? `\u3000下次复审：${c.nextReviewOn}` : ''}`,
          fontSize: 9.5 * k,
          color: COLORS.muted,
          alignment: 'center',
          margin: [0, gap, 0, 0],
        },
      ],
      pageBreak: i === 0 ? undefined : 'before',
    };
  });
  return { ...pageSetup(ctx.paper, ctx.stamp, 'none', '两单两卡岗位牌'), content: pages, defaultStyle: { fontSize: 10.5 * k * f, color: COLORS.ink } };
}
