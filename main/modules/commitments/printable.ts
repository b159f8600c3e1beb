import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { getEnterprise } from '../enterprise/service.ts';
import { getAttachment } from '../attachments/service.ts';
import { docType, type Loaded } from '../print/types.ts';
import { buildCommitmentLetter, type LetterDocData } from './docs.ts';
import { currentYear, getLetter, lettersOfYear, publicityOf } from './service.ts';

export function loadLetter(app: AppContext, recordId: string | null): Loaded<LetterDocData> {
  const letter = recordId ? getLetter(app, recordId) : lettersOfYear(app, currentYear(app))[0];
  if (!letter) return fail.rule(`${currentYear(app)} 年度安全生产承诺书尚未建立，请先在「安全承诺书」中建立`);
  const e = getEnterprise(app);
  const person = app.db.prepare('SELECT jobTitle FROM person WHERE id = ?').get(letter.signer.id) as { jobTitle: string | null } | undefined;
  const imageIds: string[] = [];
  const s = letter.signature;
  let signature: LetterDocData['signature'] = null;
  if (s) {
    const sigAtt = s.signatureAttachmentId ? getAttachment(app, s.signatureAttachmentId) : null;
    if (sigAtt) imageIds.push(sigAtt.id);
    if (s.scan && s.scan.mimeType !== 'application/pdf') imageIds.push(s.scan.id);
    signature = {
      method: s.method,
      signedOn: s.signedOn,
      imageSha: sigAtt?.sha256 ?? null,
      scanSha: s.scan?.sha256 ?? null,
      scanIsImage: Boolean(s.scan && s.scan.mimeType !== 'application/pdf'),
      scanName: s.scan?.originalName ?? null,
    };
  }
  const pub = publicityOf(app, letter.id);
  const omitted: string[] = [];
  if (!s) omitted.push('签名（本版本尚未签署，打印后可线下签字）');
  else if (!pub?.postedOn) omitted.push('公示记录（签署后请登记公示日期和地点）');
  return {
    title: `${letter.year}年度安全生产承诺书`,
    data: {
      enterpriseName: e.name,
      year: letter.year,
      version: letter.version,
      title: letter.title,
      recipient: letter.recipient,
      paragraphs: letter.content.split('\n'),
      signerName: letter.signer.name,
      signerRole: person?.jobTitle ? `主要负责人、${person.jobTitle}` : '主要负责人',
      contentHash: letter.contentHash,
      signature,
      publicity: pub ? { postedOn: pub.postedOn, postedWhere: pub.postedWhere, reportedOn: pub.reportedOn, reportedTo: pub.reportedTo } : null,
    },
    imageIds,
    missing: [],
    omitted,
  };
}

export const commitmentLetterDoc = docType<LetterDocData>({
  type: 'commitmentLetter',
  title: '安全生产承诺书',
  group: '承诺与责任书',
  description: '主要负责人年度安全生产承诺书；已签署的版本带手写签名、签署日期和签署文本的 SHA-256。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4', 'A3'],
  minShortSideMm: 148,
  records: {
    label: '承诺书版本',
    required: false,
    placeholder: '默认：本年度最新版本',
    list: (app) =>
      (app.db.prepare(`SELECT l.id, l.year, l.version, (SELECT count(*) FROM commitment_signature s WHERE s.letterId = l.id) AS signed FROM commitment_letter l ORDER BY l.year DESC, l.version DESC`).all() as {
        id: string;
        year: number;
        version: number;
        signed: number;
      }[]).map((r) => ({ id: r.id, label: `${r.year} 年度 · 第 ${r.version} 版${r.signed ? '（已签署）' : '（未签署）'}` })),
  },
  sectionLabels: {
    enterpriseName: '企业名称',
    title: '标题',
    recipient: '承诺对象',
    paragraphs: '承诺书正文',
    signerName: '签署人',
    signerRole: '签署人职务',
    signature: '签署记录',
    publicity: '公示与报送',
    contentHash: '签署文本',
    version: '版本',
    year: '年度',
  },
  load: (app, t) => loadLetter(app, t.recordId),
  build: buildCommitmentLetter,
});
