import type { AppContext } from '../../context.ts';
import { AgreementLevelLabel, AGREEMENT_LEVELS } from '../../../preload/contract/agreements.ts';
import { fail } from '../../errors.ts';
import { byRecords, docType, type Loaded, type PrintTarget } from '../print/types.ts';
import { buildAgreementStatus, buildTargetAgreements, type AgreementsDocData, type StatusDocData } from './docs.ts';
import { agreementsForPrint, signatureImages, type Level } from './service.ts';

/** Agreements laid out per pdfmake document; the parts are merged. */
const AGREEMENTS_PER_CHUNK = 40;

function yearOf(app: AppContext, recordId: string | null): number {
  if (!recordId) return fail.field('recordId', '请选择年度');
  const row = app.db.prepare('SELECT year FROM target_agreement_template WHERE CAST(year AS TEXT) = ?').get(recordId) as { year: number } | undefined;
  if (!row) return fail.rule('该年度还没有目标责任书，请先在「目标责任书」中批量生成');
  return row.year;
}

function levelOf(t: PrintTarget): Level | undefined {
  if (!t.level) return undefined;
  if (!(AGREEMENT_LEVELS as readonly string[]).includes(t.level)) fail.field('level', '层级应为 COMPANY_UNIT、UNIT_TEAM 或 TEAM_WORKER');
  return t.level as Level;
}

function describeFilter(app: AppContext, t: PrintTarget, level: Level | undefined): string {
  const unit = t.unitId ? ((app.db.prepare('SELECT name FROM unit WHERE id = ?').get(t.unitId) as { name: string } | undefined)?.name ?? '') : '全企业';
  return [unit, level ? AgreementLevelLabel[level] : '全部层级', t.onlyUnsigned ? '仅未签订' : null].filter(Boolean).join(' · ');
}

const yearRecords = {
  label: '年度',
  required: true,
  list: (app: AppContext) =>
    (app.db.prepare('SELECT t.id, t.year, (SELECT count(*) FROM target_agreement a WHERE a.templateId = t.id) AS n FROM target_agreement_template t ORDER BY t.year DESC').all() as {
      id: string;
      year: number;
      n: number;
    }[]).map((r) => ({ id: String(r.year), label: `${r.year} 年度（${r.n} 份）` })),
};

export function loadAgreements(app: AppContext, t: PrintTarget): Loaded<AgreementsDocData> {
  const year = yearOf(app, t.recordId);
  const level = levelOf(t);
  const list = agreementsForPrint(app, { year, level, unitId: t.unitId, status: undefined, search: null }).filter((a) => !t.onlyUnsigned || a.status !== 'SIGNED');
  const missing = list.length ? [] : ['符合条件的目标责任书（请先批量生成，或调整单位/层级筛选）'];
  const imageIds: string[] = [];
  const shaOf = (attachmentId: string | null) => {
    if (!attachmentId) return null;
    imageIds.push(attachmentId);
    return (app.db.prepare('SELECT sha256 FROM attachment WHERE id = ?').get(attachmentId) as { sha256: string }).sha256;
  };
  const agreements = list.map((a) => {
    const imgs = signatureImages(app, a.id);
    return {
      level: a.level,
      title: a.title,
      unitName: a.unitName,
      partyA: a.partyAPerson ?? a.partyAName,
      partyB: a.partyBName,
      lines: a.content.split('\n'),
      contentHash: a.contentHash,
      signatures: {
        A: a.signatureA ? { signedOn: a.signatureA.signedOn, method: a.signatureA.method, imageSha: shaOf(imgs.A) } : null,
        B: a.signatureB ? { signedOn: a.signatureB.signedOn, method: a.signatureB.method, imageSha: shaOf(imgs.B) } : null,
      },
    };
  });
  return { title: `${year}年度安全生产目标责任书`, data: { year, filter: describeFilter(app, t, level), agreements }, imageIds, missing, omitted: [] };
}

export function loadAgreementStatus(app: AppContext, t: PrintTarget): Loaded<StatusDocData> {
  const year = yearOf(app, t.recordId);
  const level = levelOf(t);
  const list = agreementsForPrint(app, { year, level, unitId: t.unitId, status: undefined, search: null }).filter((a) => !t.onlyUnsigned || a.status !== 'SIGNED');
  const totals = { total: list.length, signed: list.filter((a) => a.status === 'SIGNED').length, partial: list.filter((a) => a.status === 'PARTIAL').length, unsigned: list.filter((a) => a.status === 'UNSIGNED').length };
  return {
    title: `${year}年度目标责任书签订情况`,
    data: {
      year,
      filter: describeFilter(app, t, level),
      rows: list.map((a) => ({ level: a.level, unitName: a.unitName, partyA: a.partyAPerson ?? a.partyAName, partyB: a.partyBName, staffNo: a.partyBStaffNo, signedA: a.signatureA?.signedOn ?? null, signedB: a.signatureB?.signedOn ?? null })),
      totals,
    },
    imageIds: [],
    missing: list.length ? [] : ['符合条件的目标责任书（请先批量生成）'],
    omitted: [],
  };
}

export const targetAgreementsDoc = docType<AgreementsDocData>({
  type: 'targetAgreements',
  title: '安全生产目标责任书',
  group: '承诺与责任书',
  description: '按层级批量打印目标责任书（公司—部门/车间、部门/车间—班组、班组—员工），每份一页，已签署的带签名。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 148,
  records: yearRecords,
  options: ['unit', 'level', 'onlyUnsigned'],
  sectionLabels: { year: '年度', filter: '范围', agreements: '责任书内容或签署情况' },
  load: loadAgreements,
  build: buildTargetAgreements,
  chunk: byRecords<AgreementsDocData, 'agreements'>('agreements', AGREEMENTS_PER_CHUNK).chunk,
});

export const agreementStatusDoc = docType<StatusDocData>({
  type: 'targetAgreementStatus',
  title: '目标责任书签订情况表',
  group: '承诺与责任书',
  description: '逐级签订情况一览：谁已签、谁未签，供检查时出示。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'landscape' },
  suggestedSizes: ['A4', 'A3'],
  minShortSideMm: 148,
  records: yearRecords,
  options: ['unit', 'level', 'onlyUnsigned'],
  sectionLabels: { year: '年度', filter: '范围', rows: '签订明细', totals: '合计' },
  load: loadAgreementStatus,
  build: buildAgreementStatus,
});
