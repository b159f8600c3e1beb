import type { AppContext } from '../../context.ts';
import type { CommitmentOverview, LetterVersion } from '../../../preload/contract/commitments.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { sha256Hex } from '../../pdf/fingerprint.ts';
import { recordAudit, currentOperator } from '../audit/service.ts';
import { decodeBase64, getAttachment, linkAttachment, linkedAttachments, storeAttachment } from '../attachments/service.ts';
import { pngInkPixels } from '../attachments/images.ts';
import { getEnterprise, today } from '../enterprise/service.ts';
import { fillTemplate, readContent } from '../print/content.ts';

const KIND = 'ANNUAL_PRINCIPAL';
/** Fewer drawn pixels than this is a dot or a slip, not a signature. */
export const MIN_SIGNATURE_INK = 150;

interface LetterRow {
  id: string;
  year: number;
  version: number;
  title: string;
  recipient: string | null;
  signerPersonId: string;
  signerName: string;
  content: string;
  contentHash: string;
  changeReason: string | null;
  createdAtMs: number;
  updatedAtMs: number;
}

interface SignatureRow {
  method: 'ON_SCREEN' | 'WET_SCAN';
  signerName: string;
  signedOn: string;
  signedAtMs: number;
  contentHash: string;
  recordedByOperator: string;
  signatureAttachmentId: string | null;
  scanAttachmentId: string | null;
}

/** The exact text a signature covers: title, addressee and body, as printed. */
export function letterText(l: { title: string; recipient: string | null; content: string }): string {
  return [l.title, l.recipient ? `致：${l.recipient}` : null, l.content.trim()].filter(Boolean).join('\n\n');
}

export function letterHash(l: { title: string; recipient: string | null; content: string }): string {
  return sha256Hex(letterText(l));
}

function toVersion(app: AppContext, r: LetterRow): LetterVersion {
  const s = app.db.prepare('SELECT * FROM commitment_signature WHERE letterId = ?').get(r.id) as SignatureRow | undefined;
  return {
    id: r.id,
    year: r.year,
    version: r.version,
    title: r.title,
    recipient: r.recipient,
    content: r.content,
    contentHash: r.contentHash,
    changeReason: r.changeReason,
    signer: { id: r.signerPersonId, name: r.signerName },
    status: s ? 'SIGNED' : 'DRAFT',
    signature: s
      ? {
          method: s.method,
          signerName: s.signerName,
          signedOn: s.signedOn,
          signedAtMs: s.signedAtMs,
          contentHash: s.contentHash,
          recordedByOperator: s.recordedByOperator,
          signatureAttachmentId: s.signatureAttachmentId,
          scan: s.scanAttachmentId ? getAttachment(app, s.scanAttachmentId) : null,
        }
      : null,
    createdAtMs: r.createdAtMs,
    updatedAtMs: r.updatedAtMs,
  };
}

const SELECT_LETTER = `SELECT l.*, p.name AS signerName FROM commitment_letter l JOIN person p ON p.id = l.signerPersonId`;

export function getLetter(app: AppContext, id: string): LetterVersion {
  const r = app.db.prepare(`${SELECT_LETTER} WHERE l.id = ?`).get(id) as LetterRow | undefined;
  if (!r) return fail.notFound('承诺书');
  return toVersion(app, r);
}

export function lettersOfYear(app: AppContext, year: number): LetterVersion[] {
  const rows = app.db.prepare(`${SELECT_LETTER} WHERE l.kind = ? AND l.year = ? ORDER BY l.version DESC`).all(KIND, year) as LetterRow[];
  return rows.map((r) => toVersion(app, r));
}

export function currentYear(app: AppContext): number {
  return Number(today(app).slice(0, 4));
}

function defaults(app: AppContext, year: number) {
  const e = getEnterprise(app);
  const t = readContent<{ title: string; recipient: string; body: string }>(app, 'commitment-annual.json');
  const values = { year, enterpriseName: e.name, regulatorName: e.regulatorName ?? '属地负有安全生产监督管理职责的部门', principalName: e.principal?.name ?? '' };
  return { title: fillTemplate(t.title, values), recipient: fillTemplate(t.recipient, values), content: fillTemplate(t.body, values) };
}

function principalOrFail(app: AppContext): { id: string; name: string } {
  const e = getEnterprise(app);
  if (!e.principal) return fail.rule('尚未指定主要负责人：请先在「企业信息」中选择主要负责人，承诺书由其签署');
  return { id: e.principal.id, name: e.principal.name };
}

export function publicityOf(app: AppContext, letterId: string): CommitmentOverview['publicity'] {
  const p = app.db.prepare('SELECT * FROM commitment_publicity WHERE letterId = ?').get(letterId) as
    | { postedOn: string | null; postedWhere: string | null; reportedOn: string | null; reportedTo: string | null; notes: string | null }
    | undefined;
  const evidence = linkedAttachments(app, 'commitment_letter', letterId, 'publicity').map((a) => ({
    linkId: a.linkId,
    note: a.note,
    attachment: { id: a.id, sha256: a.sha256, mimeType: a.mimeType, sizeBytes: a.sizeBytes, originalName: a.originalName, widthPx: a.widthPx, heightPx: a.heightPx, createdAtMs: a.createdAtMs },
  }));
  if (!p && !evidence.length) return null;
  return { postedOn: p?.postedOn ?? null, postedWhere: p?.postedWhere ?? null, reportedOn: p?.reportedOn ?? null, reportedTo: p?.reportedTo ?? null, notes: p?.notes ?? null, evidence };
}

/** Why the year's letter needs action now, or null. */
export function letterAttention(app: AppContext, year: number, current: LetterVersion | null): string | null {
  const e = getEnterprise(app);
  if (!e.principal) return '尚未指定主要负责人，无法签署承诺书';
  if (!current) return `${year} 年度安全生产承诺书尚未建立`;
  if (current.signer.id !== e.principal.id) {
    return `主要负责人已变更为「${e.principal.name}」，${year} 年度承诺书需由新负责人重新签署（请建立新版本）`;
  }
  if (current.status === 'DRAFT') return `${year} 年度承诺书第 ${current.version} 版尚未签署`;
  return null;
}

export function commitmentOverview(app: AppContext, yearInput: number | undefined): CommitmentOverview {
  const year = yearInput ?? currentYear(app);
  const versions = lettersOfYear(app, year);
  const current = versions[0] ?? null;
  const years = (app.db.prepare('SELECT DISTINCT year FROM commitment_letter WHERE kind = ? ORDER BY year DESC').all(KIND) as { year: number }[]).map((r) => r.year);
  const e = getEnterprise(app);
  const d = defaults(app, year);
  return {
    year,
    years,
    principal: e.principal ? { id: e.principal.id, name: e.principal.name } : null,
    current,
    versions,
    publicity: current ? publicityOf(app, current.id) : null,
    attention: letterAttention(app, year, current),
    defaultTitle: d.title,
    defaultRecipient: d.recipient,
    defaultContent: d.content,
  };
}

interface LetterFields {
  title: string;
  recipient: string | null;
  content: string;
}

function insertLetter(app: AppContext, year: number, version: number, signerId: string, f: LetterFields, changeReason: string | null): string {
  const id = app.newId();
  const nowMs = app.clock.nowMs();
  app.db
    .prepare(
      `INSERT INTO commitment_letter (id, kind, year, version, title, recipient, signerPersonId, content, contentHash, changeReason, createdAtMs, updatedAtMs)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, KIND, year, version, f.title, f.recipient, signerId, f.content, letterHash(f), changeReason, nowMs, nowMs);
  return id;
}

export function createDraft(app: AppContext, year: number, f: LetterFields): LetterVersion {
  return inTransaction(app.db, () => {
    const principal = principalOrFail(app);
    if (lettersOfYear(app, year).length) fail.rule(`${year} 年度承诺书已经建立：未签署的请直接修改，已签署的请建立新版本`);
    const id = insertLetter(app, year, 1, principal.id, f, null);
    const letter = getLetter(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'commitment_letter', entityId: id, summary: `建立 ${year} 年度安全生产承诺书（第 1 版，签署人 ${principal.name}）`, after: letter });
    return letter;
  });
}

export function updateDraft(app: AppContext, id: string, f: LetterFields): LetterVersion {
  return inTransaction(app.db, () => {
    const before = getLetter(app, id);
    if (before.status === 'SIGNED') fail.rule(`第 ${before.version} 版已于 ${before.signature!.signedOn} 签署，不能再修改；如需修改正文请建立新版本`);
    app.db.prepare('UPDATE commitment_letter SET title = ?, recipient = ?, content = ?, contentHash = ?, updatedAtMs = ? WHERE id = ?').run(f.title, f.recipient, f.content, letterHash(f), app.clock.nowMs(), id);
    const after = getLetter(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'commitment_letter', entityId: id, summary: `修改 ${after.year} 年度承诺书第 ${after.version} 版（未签署）`, before, after });
    return after;
  });
}

export function newVersion(app: AppContext, year: number, f: LetterFields, changeReason: string): LetterVersion {
  return inTransaction(app.db, () => {
    const principal = principalOrFail(app);
    const latest = lettersOfYear(app, year)[0];
    if (!latest) fail.rule(`${year} 年度还没有承诺书，请先建立`);
    if (latest.status === 'DRAFT') fail.rule(`第 ${latest.version} 版尚未签署，直接修改即可，无需新版本`);
    if (latest.contentHash === letterHash(f) && latest.signer.id === principal.id) {
      fail.rule('正文和签署人都没有变化，已签署的版本仍然有效，无需建立新版本或重新签署');
    }
    const id = insertLetter(app, year, latest.version + 1, principal.id, f, changeReason);
    const letter = getLetter(app, id);
    recordAudit(app, {
      action: 'CREATE',
      entityType: 'commitment_letter',
      entityId: id,
      summary: `建立 ${year} 年度承诺书第 ${letter.version} 版（${changeReason}），需重新签署；第 ${latest.version} 版存档`,
      before: latest,
      after: letter,
    });
    return letter;
  });
}

function assertSignable(app: AppContext, letter: LetterVersion, signedOn: string): void {
  if (letter.status === 'SIGNED') {
    fail.rule(`第 ${letter.version} 版已于 ${letter.signature!.signedOn} 由 ${letter.signature!.signerName} 签署，内容未改变，不能重复签署`);
  }
  const principal = principalOrFail(app);
  if (letter.signer.id !== principal.id) fail.rule(`此版本的签署人「${letter.signer.name}」已不是主要负责人，请为「${principal.name}」建立新版本后签署`);
  const latest = lettersOfYear(app, letter.year)[0]!;
  if (latest.id !== letter.id) fail.rule(`第 ${letter.version} 版已被第 ${latest.version} 版取代，请签署最新版本`);
  if (signedOn > today(app)) fail.field('signedOn', '签署日期不能晚于今天');
}

function insertSignature(app: AppContext, letter: LetterVersion, method: 'ON_SCREEN' | 'WET_SCAN', signedOn: string, signatureAttachmentId: string | null, scanAttachmentId: string | null): void {
  app.db
    .prepare(
      `INSERT INTO commitment_signature (id, letterId, signerPersonId, signerName, method, signedOn, signedAtMs, contentHash, signatureAttachmentId, scanAttachmentId, recordedByOperator)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(app.newId(), letter.id, letter.signer.id, letter.signer.name, method, signedOn, app.clock.nowMs(), letter.contentHash, signatureAttachmentId, scanAttachmentId, currentOperator(app).name);
}

/** Validates a handwritten signature image: a PNG with enough ink to be a signature. */
export function storeSignature(app: AppContext, pngBase64: string, name: string) {
  const bytes = decodeBase64(pngBase64);
  const ink = pngInkPixels(bytes);
  if (ink === null) fail.field('signature', '签名图片格式不正确，请重新在签名框内手写签名');
  if (ink < MIN_SIGNATURE_INK) fail.field('signature', '签名是空的（或笔画过少），请在签名框内完整手写签名');
  return storeAttachment(app, bytes, name, 'image');
}

export function signOnScreen(app: AppContext, id: string, pngBase64: string, signedOnInput: string | null): LetterVersion {
  return inTransaction(app.db, () => {
    const letter = getLetter(app, id);
    const signedOn = signedOnInput ?? today(app);
    assertSignable(app, letter, signedOn);
    const sig = storeSignature(app, pngBase64, `签名-${letter.signer.name}-${letter.year}-v${letter.version}.png`);
    insertSignature(app, letter, 'ON_SCREEN', signedOn, sig.id, null);
    const after = getLetter(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'commitment_letter', entityId: id, summary: `${letter.signer.name} 在屏幕上签署 ${letter.year} 年度承诺书第 ${letter.version} 版`, before: letter, after });
    return after;
  });
}

export function signWithScan(app: AppContext, id: string, scanAttachmentId: string, signedOn: string): LetterVersion {
  return inTransaction(app.db, () => {
    const letter = getLetter(app, id);
    assertSignable(app, letter, signedOn);
    getAttachment(app, scanAttachmentId);
    insertSignature(app, letter, 'WET_SCAN', signedOn, null, scanAttachmentId);
    linkAttachment(app, scanAttachmentId, 'commitment_letter', id, 'signedScan');
    const after = getLetter(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'commitment_letter', entityId: id, summary: `登记 ${letter.year} 年度承诺书第 ${letter.version} 版的线下签署扫描件（${signedOn}）`, before: letter, after });
    return after;
  });
}

export function setPublicity(
  app: AppContext,
  letterId: string,
  p: { postedOn: string | null; postedWhere: string | null; reportedOn: string | null; reportedTo: string | null; notes: string | null },
) {
  return inTransaction(app.db, () => {
    const letter = getLetter(app, letterId);
    if (letter.status !== 'SIGNED') fail.rule('承诺书签署后才能登记公示和报送');
    const signedOn = letter.signature!.signedOn;
    if (p.postedOn && p.postedOn < signedOn) fail.field('postedOn', `公示日期不能早于签署日期（${signedOn}）`);
    if (p.reportedOn && p.reportedOn < signedOn) fail.field('reportedOn', `报送日期不能早于签署日期（${signedOn}）`);
    const t = today(app);
    if ((p.postedOn && p.postedOn > t) || (p.reportedOn && p.reportedOn > t)) fail.field(p.postedOn && p.postedOn > t ? 'postedOn' : 'reportedOn', '日期不能晚于今天');
    const before = publicityOf(app, letterId);
    app.db
      .prepare(
        `INSERT INTO commitment_publicity (letterId, postedOn, postedWhere, reportedOn, reportedTo, notes, updatedAtMs) VALUES (@letterId, @postedOn, @postedWhere, @reportedOn, @reportedTo, @notes, @nowMs)
         ON CONFLICT(letterId) DO UPDATE SET postedOn = excluded.postedOn, postedWhere = excluded.postedWhere, reportedOn = excluded.reportedOn, reportedTo = excluded.reportedTo, notes = excluded.notes, updatedAtMs = excluded.updatedAtMs`,
      )
      .run({ letterId, ...p, nowMs: app.clock.nowMs() });
    const after = publicityOf(app, letterId);
    recordAudit(app, { action: 'UPDATE', entityType: 'commitment_letter', entityId: letterId, summary: `登记 ${letter.year} 年度承诺书的公示与报送情况`, before, after });
    return after!;
  });
}

export function addEvidence(app: AppContext, letterId: string, attachmentId: string, note: string | null) {
  return inTransaction(app.db, () => {
    const letter = getLetter(app, letterId);
    if (letter.status !== 'SIGNED') fail.rule('承诺书签署后才能添加公示证明材料');
    const a = getAttachment(app, attachmentId);
    linkAttachment(app, attachmentId, 'commitment_letter', letterId, 'publicity', note);
    recordAudit(app, { action: 'UPDATE', entityType: 'commitment_letter', entityId: letterId, summary: `为 ${letter.year} 年度承诺书添加公示证明「${a.originalName}」` });
    return publicityOf(app, letterId)!;
  });
}
