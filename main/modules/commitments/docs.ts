/** 安全生产承诺书 as a pdfmake definition (pure). A signed letter shows the signature and the hash of the signed text. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLORS, compact, fingerprintFooter, marginsFor, signatureBlock } from '../../pdf/blocks.ts';
import type { BuildContext } from '../print/types.ts';

export interface LetterDocData {
  enterpriseName: string;
  year: number;
  version: number;
  title: string;
  recipient: string | null;
  paragraphs: string[];
  signerName: string;
  signerRole: string;
  contentHash: string;
  signature: {
    method: 'ON_SCREEN' | 'WET_SCAN';
    signedOn: string;
    /** SHA-256 of the signature image (ON_SCREEN) or of the scan (WET_SCAN). */
    imageSha: string | null;
    scanSha: string | null;
    scanIsImage: boolean;
    scanName: string | null;
  } | null;
  publicity: { postedOn: string | null; postedWhere: string | null; reportedOn: string | null; reportedTo: string | null } | null;
}

export function buildCommitmentLetter(d: LetterDocData, ctx: BuildContext): TDocumentDefinitions {
  const { k, paper } = ctx;
  const sig = d.signature;
  const onScreenImage = sig?.method === 'ON_SCREEN' && sig.imageSha ? ctx.images[sig.imageSha] : null;
  const body: Content[] = d.paragraphs.map((p) =>
    p.trim() === ''
      ? { text: ' ', fontSize: 6 * k }
      : { text: p, fontSize: 11 * k, lineHeight: 1.2, leadingIndent: /^[一二三四五六七八九十]+、/.test(p) ? 0 : 22 * k, margin: [0, 0, 0, 2 * k] },
  );
  const record: Content | null = sig
    ? {
        table: {
          widths: ['auto', '*'],
          body: compact<[Content, Content]>([
            [{ text: '签署方式', color: COLORS.muted }, sig.method === 'ON_SCREEN' ? '在屏幕上手写签名' : `线下手写签字，扫描件存档（${sig.scanName ?? ''}）`],
            [{ text: '签署人', color: COLORS.muted }, `${d.signerName}（${d.signerRole}）`],
            [{ text: '签署日期', color: COLORS.muted }, sig.signedOn],
            [{ text: '签署文本 SHA-256', color: COLORS.muted }, { text: d.contentHash, fontSize: 8.5 * k }],
            d.publicity?.postedOn ? [{ text: '公示', color: COLORS.muted }, `${d.publicity.postedOn}${d.publicity.postedWhere ? ` 于${d.publicity.postedWhere}` : ''}`] : null,
            d.publicity?.reportedOn ? [{ text: '报送', color: COLORS.muted }, `${d.publicity.reportedOn}${d.publicity.reportedTo ? ` 报送${d.publicity.reportedTo}` : ''}`] : null,
          ]),
        },
        layout: { hLineColor: () => COLORS.line, vLineColor: () => COLORS.line, hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 3 * k, paddingBottom: () => 3 * k },
        fontSize: 9.5 * k,
        margin: [0, 12 * k, 0, 0],
      }
    : { text: '本件为未签署版本，供主要负责人线下签字并加盖单位公章；签署后请在「安全承诺书」中登记扫描件或在屏幕上签名。', fontSize: 9 * k, color: COLORS.muted, margin: [0, 18 * k, 0, 0] };
  const scanImage = sig?.method === 'WET_SCAN' && sig.scanIsImage && sig.scanSha ? ctx.images[sig.scanSha] : null;
  return {
    pageSize: { width: paper.widthPt, height: paper.heightPt },
    pageMargins: marginsFor(paper),
    info: { title: `${d.title} - ${d.enterpriseName}`, author: d.enterpriseName, creator: 'SafeLedger 安全生产台账' },
    footer: fingerprintFooter(ctx.stamp, paper, ctx.pages),
    content: compact<Content>([
      { text: d.title, fontSize: 19 * k, bold: true, alignment: 'center', margin: [0, 0, 0, 4 * k] },
      { text: `${d.enterpriseName}${d.version > 1 ? ` · 第 ${d.version} 版` : ''}`, fontSize: 10 * k, alignment: 'center', color: COLORS.muted, margin: [0, 0, 0, 12 * k] },
      d.recipient ? { text: `致：${d.recipient}`, fontSize: 11 * k, margin: [0, 0, 0, 6 * k] } : null,
      ...body,
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 'auto',
            stack: [
              signatureBlock([{ role: `承诺人（${d.signerRole}）`, name: d.signerName, signatureDataUrl: onScreenImage, date: sig?.signedOn ?? null }], k),
              { text: '单位（盖章）：', fontSize: 11 * k, margin: [0, 10 * k, 0, 0] },
            ],
          },
        ],
        unbreakable: true,
      },
      record,
      scanImage
        ? { stack: [{ text: '附：签字盖章扫描件', fontSize: 12 * k, bold: true, margin: [0, 0, 0, 8 * k] }, { image: scanImage, fit: [paper.widthPt - 2 * marginsFor(paper)[0], paper.heightPt * 0.7] }], pageBreak: 'before' }
        : null,
    ]),
    defaultStyle: { fontSize: 11 * k, color: COLORS.ink },
  };
}
