import { describe, expect, it } from 'vitest';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { buildResponsibilityBoard, type BoardData } from '../../main/modules/board/docs.ts';
import { buildCommitmentLetter, type LetterDocData } from '../../main/modules/commitments/docs.ts';
import { buildTargetAgreements, type AgreementDoc } from '../../main/modules/agreements/docs.ts';
import { resolvePaper, scaleFor } from '../../main/pdf/paper.ts';
import type { BuildContext } from '../../main/modules/print/types.ts';

const ctx = (size: string, orientation: 'portrait' | 'landscape', images: Record<string, string> = {}): BuildContext => {
  const paper = resolvePaper({ size, orientation });
  return { paper, k: scaleFor(paper), stamp: { enterpriseName: '测试公司', title: '测试文件', version: 'v1', generatedOn: '2026-11-22', fingerprint: '3f2a91c05b7e' }, images };
};

const text = (def: TDocumentDefinitions) => JSON.stringify(def.content);

function footerText(def: TDocumentDefinitions, page: number, pages: number): string {
  const f = def.footer as (p: number, n: number, size: unknown) => Content;
  return JSON.stringify(f(page, pages, null));
}

const board: BoardData = {
  enterprise: { name: '测试公司', creditCode: '91500116MA5UXK8Y0E', industry: '工贸', address: '重庆市', legalRepresentative: '甲' },
  principal: { role: '主要负责人', name: '陈国栋', phone: '13800000000', photo: null },
  others: [{ role: '分管安全负责人', name: '刘建华', phone: null, photo: 'abc' }],
  duties: { basis: '《安全生产法》第二十一条', intro: '主要负责人职责：', items: ['建立健全责任制', '组织制定规章制度'] },
  safetyDept: null,
  regulator: null,
  emergency: [{ label: '火警', number: '119' }],
  reporting: { internalPhone: null, hotline: '12350', note: '举报有奖' },
  riskSummary: null,
  qrText: '测试公司',
};

describe('responsibility board layout', () => {
  it('is sized in points for the chosen paper and carries the fingerprint footer', () => {
    const c = ctx('BOARD_1200x800', 'landscape', { abc: 'data:image/png;base64,iVBORw0KGgo=' });
    const def = buildResponsibilityBoard(board, c);
    expect(def.pageSize).toEqual({ width: 3401.57, height: 2267.72 });
    expect(text(def)).toContain('陈国栋');
    expect(text(def)).toContain('（一）');
    expect(text(def)).toContain('12350');
    expect(text(def)).toContain('data:image/png;base64');
    expect(footerText(def, 1, 1)).toContain('测试公司 · 测试文件（v1）· 生成于 2026-11-22');
    expect(footerText(def, 1, 1)).toContain('内容指纹 3f2a 91c0 5b7e');
    expect(footerText(def, 1, 1)).not.toContain('第 1/1 页');
    expect(footerText(def, 2, 3)).toContain('第 2/3 页');
  });

  it('leaves out blocks without data instead of drawing empty boxes', () => {
    const def = buildResponsibilityBoard(board, ctx('A3', 'landscape'));
    expect(text(def)).not.toContain('安全管理机构');
    expect(text(def)).not.toContain('属地监管');
    expect(text(def)).not.toContain('安全风险分布');
    const full = buildResponsibilityBoard({ ...board, riskSummary: { red: 1, orange: 3, yellow: 12, blue: 40 }, regulator: { name: '江津区应急管理局', phone: null, gridMember: null, gridPhone: null } }, ctx('A3', 'landscape'));
    expect(text(full)).toContain('安全风险分布');
    expect(text(full)).toContain('重大风险');
    expect(text(full)).toContain('40 处');
    expect(text(full)).toContain('江津区应急管理局');
  });

  it('sets type ~3.8× larger on a 1200×800 board than on A4', () => {
    const a4 = buildResponsibilityBoard(board, ctx('A4', 'landscape'));
    const big = buildResponsibilityBoard(board, ctx('BOARD_1200x800', 'landscape'));
    expect((big.defaultStyle!.fontSize as number) / (a4.defaultStyle!.fontSize as number)).toBeCloseTo(800 / 210, 3);
  });
});

const letter: LetterDocData = {
  enterpriseName: '测试公司',
  year: 2026,
  version: 2,
  title: '2026年度安全生产承诺书',
  recipient: '江津区应急管理局',
  paragraphs: ['本人郑重承诺：', '一、遵守法律。'],
  signerName: '陈国栋',
  signerRole: '主要负责人',
  contentHash: 'a'.repeat(64),
  signature: null,
  publicity: null,
};

describe('commitment letter layout', () => {
  it('an unsigned letter has signature lines and says it is unsigned', () => {
    const def = buildCommitmentLetter(letter, ctx('A4', 'portrait'));
    expect(text(def)).toContain('未签署版本');
    expect(text(def)).toContain('第 2 版');
    expect(text(def)).not.toContain('data:image');
  });

  it('a signed letter shows the signature image, the date and the SHA-256 of the signed text', () => {
    const signed = { ...letter, signature: { method: 'ON_SCREEN' as const, signedOn: '2026-01-08', imageSha: 'sig', scanSha: null, scanIsImage: false, scanName: null } };
    const def = buildCommitmentLetter(signed, ctx('A4', 'portrait', { sig: 'data:image/png;base64,SIG' }));
    expect(text(def)).toContain('data:image/png;base64,SIG');
    expect(text(def)).toContain('a'.repeat(64));
    expect(text(def)).toContain('2026-01-08');
    expect(text(def)).toContain('在屏幕上手写签名');
  });
});

describe('target agreements layout', () => {
  it('puts each agreement on its own page', () => {
    const a: AgreementDoc = { level: 'TEAM_WORKER', title: '目标责任书', unitName: '车削班', partyA: '甲', partyB: '乙', lines: ['甲方：甲', '乙方：乙', '一、安全生产目标', '1. 不违章'], contentHash: 'b'.repeat(64), signatures: { A: null, B: null } };
    const def = buildTargetAgreements({ year: 2026, filter: '全企业', agreements: [a, a, a] }, ctx('A4', 'portrait'));
    const pages = def.content as { pageBreak?: string }[];
    expect(pages.map((p) => p.pageBreak ?? null)).toEqual([null, 'before', 'before']);
  });
});
