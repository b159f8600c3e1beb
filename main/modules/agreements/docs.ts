/** 目标责任书 (one agreement per page) and the 签订情况 ledger, as pdfmake definitions (pure). */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { AgreementLevelLabel } from '../../../preload/contract/agreements.ts';
import { COLORS, fingerprintFooter, marginsFor, signatureBlock } from '../../pdf/blocks.ts';
import type { BuildContext } from '../print/types.ts';

export interface AgreementDoc {
  level: keyof typeof AgreementLevelLabel;
  title: string;
  unitName: string;
  partyA: string;
  partyB: string;
  lines: string[];
  contentHash: string;
  signatures: { A: { signedOn: string; imageSha: string | null; method: string } | null; B: { signedOn: string; imageSha: string | null; method: string } | null };
}

export interface AgreementsDocData {
  year: number;
  filter: string;
  agreements: AgreementDoc[];
}

function agreementPage(a: AgreementDoc, ctx: BuildContext, first: boolean): Content {
  const k = ctx.k;
  const img = (sha: string | null) => (sha ? (ctx.images[sha] ?? null) : null);
  const lines: Content[] = a.lines.map((line) => {
    if (line.trim() === '') return { text: ' ', fontSize: 5 * k };
    if (/^[一二三四五六七八九十]+、/.test(line) && line.length < 20) return { text: line, bold: true, fontSize: 12 * k, margin: [0, 4 * k, 0, 2 * k] };
    if (/^(甲方|乙方)：/.test(line)) return { text: line, fontSize: 12 * k, margin: [0, 0, 0, 2 * k] };
    return { text: line, fontSize: 11 * k, lineHeight: 1.45, leadingIndent: /^\d+\./.test(line) ? 0 : 22 * k };
  });
  return {
    stack: [
      { text: a.title, fontSize: 19 * k, bold: true, alignment: 'center', margin: [0, 0, 0, 4 * k] },
      { text: `（${AgreementLevelLabel[a.level]} · ${a.unitName}）`, fontSize: 10 * k, color: COLORS.muted, alignment: 'center', margin: [0, 0, 0, 14 * k] },
      ...lines,
      {
        stack: [
          signatureBlock(
            [
              { role: '甲方', name: a.partyA, signatureDataUrl: img(a.signatures.A?.imageSha ?? null), date: a.signatures.A?.signedOn ?? null },
              { role: '乙方', name: a.partyB, signatureDataUrl: img(a.signatures.B?.imageSha ?? null), date: a.signatures.B?.signedOn ?? null },
            ],
            k,
          ),
        ],
        unbreakable: true,
      },
      { text: `签署文本 SHA-256：${a.contentHash}`, fontSize: 7 * k, color: COLORS.muted, margin: [0, 10 * k, 0, 0] },
    ],
    pageBreak: first ? undefined : 'before',
  };
}

export function buildTargetAgreements(d: AgreementsDocData, ctx: BuildContext): TDocumentDefinitions {
  const { paper } = ctx;
  return {
    pageSize: { width: paper.widthPt, height: paper.heightPt },
    pageMargins: marginsFor(paper),
    info: { title: `${d.year}年度安全生产目标责任书`, creator: 'SafeLedger 安全生产台账' },
    footer: fingerprintFooter(ctx.stamp, paper, ctx.pages),
    content: d.agreements.map((a, i) => agreementPage(a, ctx, i === 0)),
    defaultStyle: { fontSize: 11 * ctx.k, color: COLORS.ink },
  };
}

export interface StatusDocData {
  year: number;
  filter: string;
  rows: { level: keyof typeof AgreementLevelLabel; unitName: string; partyA: string; partyB: string; staffNo: string; signedA: string | null; signedB: string | null }[];
  totals: { total: number; signed: number; partial: number; unsigned: number };
}

export function buildAgreementStatus(d: StatusDocData, ctx: BuildContext): TDocumentDefinitions {
  const { k, paper } = ctx;
  const head = ['序号', '层级', '单位', '甲方', '乙方', '工号', '甲方签署', '乙方签署', '状态'].map((t) => ({ text: t, bold: true, fillColor: COLORS.paleBrand }));
  const body = d.rows.map((r, i) => {
    const status = r.signedA && r.signedB ? '已签订' : r.signedA || r.signedB ? '待对方签署' : '未签署';
    return [
      String(i + 1),
      AgreementLevelLabel[r.level],
      r.unitName,
      r.partyA,
      r.partyB,
      r.staffNo,
      r.signedA ?? '—',
      r.signedB ?? '—',
      { text: status, color: status === '已签订' ? '#237804' : COLORS.danger, bold: status !== '已签订' },
    ];
  });
  return {
    pageSize: { width: paper.widthPt, height: paper.heightPt },
    pageMargins: marginsFor(paper),
    info: { title: `${d.year}年度目标责任书签订情况`, creator: 'SafeLedger 安全生产台账' },
    footer: fingerprintFooter(ctx.stamp, paper, ctx.pages),
    content: [
      { text: `${d.year} 年度安全生产目标责任书签订情况`, fontSize: 16 * k, bold: true, alignment: 'center', margin: [0, 0, 0, 4 * k] },
      {
        text: `${d.filter} · 共 ${d.totals.total} 份：已签订 ${d.totals.signed} 份，待对方签署 ${d.totals.partial} 份，未签署 ${d.totals.unsigned} 份`,
        fontSize: 9.5 * k,
        color: COLORS.muted,
        alignment: 'center',
        margin: [0, 0, 0, 10 * k],
      },
      {
        table: { headerRows: 1, widths: ['auto', 'auto', '*', '*', 'auto', 'auto', 'auto', 'auto', 'auto'], body: [head, ...body] },
        layout: { hLineColor: () => COLORS.line, vLineColor: () => COLORS.line, hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
        fontSize: 9 * k,
      },
    ],
    defaultStyle: { fontSize: 9 * k, color: COLORS.ink },
  };
}
