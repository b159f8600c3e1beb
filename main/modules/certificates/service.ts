import type { AppContext } from '../../context.ts';
import type { Certificate, CertType } from '../../../preload/contract/certificates.ts';
import type { CertReviewResult } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { today } from '../enterprise/service.ts';
import { readSetting } from '../app/settings.ts';
import {
  certRule,
  insertCertificate,
  listCertTypes,
  queryCertificates,
  recomputeCertificatesOfType,
  updateCertificateRow,
  type CertificateFilter,
  type CertificateValues,
} from './repo.ts';

export interface CertTypeValues {
  name: string;
  validityYears: number | null;
  reviewIntervalYears: number | null;
  reviewWindowDays: number;
  authority: string | null;
  notes: string | null;
}

function getCertType(app: AppContext, id: string): CertType {
  return listCertTypes(app.db).find((t) => t.id === id) ?? fail.notFound('证书类型');
}

function validateCertType(app: AppContext, v: CertTypeValues, selfId: string | null): void {
  if (app.db.prepare('SELECT 1 FROM cert_type WHERE name = ? AND id IS NOT ?').get(v.name, selfId)) {
    fail.field('name', `已有名为「${v.name}」的证书类型`);
  }
  if (v.reviewIntervalYears && v.validityYears && v.reviewIntervalYears >= v.validityYears) {
    fail.field('reviewIntervalYears', `复审周期（${v.reviewIntervalYears} 年）应短于有效期（${v.validityYears} 年）；到期换证不必设复审周期`);
  }
}

export function createCertType(app: AppContext, v: CertTypeValues): CertType {
  return inTransaction(app.db, () => {
    validateCertType(app, v, null);
    const id = app.newId();
    const nowMs = app.clock.nowMs();
    const sortOrder = (app.db.prepare('SELECT ifnull(max(sortOrder), 0) + 1 AS n FROM cert_type WHERE builtin = 0').get() as { n: number }).n + 10;
    app.db
      .prepare(
        `INSERT INTO cert_type (id, code, name, validityYears, reviewIntervalYears, reviewWindowDays, authority, notes, builtin, sortOrder, createdAtMs, updatedAtMs)
         VALUES (@id, @code, @name, @validityYears, @reviewIntervalYears, @reviewWindowDays, @authority, @notes, 0, @sortOrder, @nowMs, @nowMs)`,
      )
      .run({ id, code: `CUSTOM_${id}`, ...v, sortOrder, nowMs });
    const t = getCertType(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'cert_type', entityId: id, summary: `新增证书类型「${t.name}」`, after: t });
    return t;
  });
}

export function updateCertType(app: AppContext, id: string, v: CertTypeValues): CertType {
  return inTransaction(app.db, () => {
    const before = getCertType(app, id);
    validateCertType(app, v, id);
    app.db
      .prepare(
        `UPDATE cert_type SET name = @name, validityYears = @validityYears, reviewIntervalYears = @reviewIntervalYears,
           reviewWindowDays = @reviewWindowDays, authority = @authority, notes = @notes, updatedAtMs = @nowMs WHERE id = @id`,
      )
      .run({ id, ...v, nowMs: app.clock.nowMs() });
    const n = recomputeCertificatesOfType(app.db, id, v);
    const after = getCertType(app, id);
    recordAudit(app, {
      action: 'UPDATE',
      entityType: 'cert_type',
      entityId: id,
      summary: `修改证书类型「${after.name}」的规则，重算 ${n} 本证书的到期日`,
      before,
      after,
    });
    return after;
  });
}

export function deleteCertType(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const t = getCertType(app, id);
    if (t.builtin) fail.rule(`「${t.name}」是内置证书类型，不能删除（可修改其规则）`);
    if (t.certificateCount > 0) fail.rule(`「${t.name}」下已有 ${t.certificateCount} 本证书，不能删除`);
    const posts = app.db.prepare('SELECT count(*) AS n FROM post WHERE requiredCertTypeId = ?').get(id) as { n: number };
    if (posts.n > 0) fail.rule(`有 ${posts.n} 个岗位要求持「${t.name}」，请先修改这些岗位`);
    app.db.prepare('DELETE FROM cert_type WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'cert_type', entityId: id, summary: `删除证书类型「${t.name}」`, before: t });
  });
}

export { listCertTypes };

export function listCertificates(app: AppContext, f: CertificateFilter): { items: Certificate[]; total: number } {
  return queryCertificates(app.db, f, today(app), readSetting(app, 'certAlertDays'));
}

export function getCertificate(app: AppContext, id: string) {
  const cert = listCertificates(app, { search: null, personId: null, certTypeId: null, unitId: null, includeLeft: true, ids: [id], page: 1, pageSize: 1 }).items[0];
  if (!cert) return fail.notFound('证书');
  const reviews = app.db
    .prepare('SELECT id, reviewDate, result, notes, createdAtMs FROM cert_review WHERE certificateId = ? ORDER BY reviewDate DESC, createdAtMs DESC')
    .all(id) as { id: string; reviewDate: string; result: CertReviewResult; notes: string | null; createdAtMs: number }[];
  return { ...cert, reviews };
}

function validateCertificate(app: AppContext, v: CertificateValues, selfId: string | null) {
  const person = app.db.prepare('SELECT name FROM person WHERE id = ?').get(v.personId) as { name: string } | undefined;
  if (!person) fail.field('personId', '所选持证人不存在，请重新选择');
  const rule = certRule(app.db, v.certTypeId);
  if (!rule) return fail.field('certTypeId', '所选证书类型不存在，请重新选择');
  if (v.expiryDate && v.expiryDate <= v.issueDate) fail.field('expiryDate', `有效期至（${v.expiryDate}）应晚于发证日期（${v.issueDate}）`);
  if (v.lastReviewDate && v.lastReviewDate < v.issueDate) fail.field('lastReviewDate', `最近复审日期不能早于发证日期（${v.issueDate}）`);
  if (v.issueDate > today(app)) fail.field('issueDate', '发证日期不能晚于今天');
  const dup = app.db
    .prepare('SELECT p.name FROM certificate c JOIN person p ON p.id = c.personId WHERE c.certTypeId = ? AND c.number = ? AND c.id IS NOT ?')
    .get(v.certTypeId, v.number, selfId) as { name: string } | undefined;
  if (dup) fail.field('number', `证书编号「${v.number}」已登记在「${dup.name}」名下`);
  return rule;
}

export function createCertificate(app: AppContext, v: CertificateValues) {
  return inTransaction(app.db, () => {
    const rule = validateCertificate(app, v, null);
    const id = app.newId();
    insertCertificate(app.db, id, v, rule, app.clock.nowMs());
    const cert = getCertificate(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'certificate', entityId: id, summary: `为「${cert.personName}」登记${cert.certTypeName}（${cert.number}）`, after: cert });
    return cert;
  });
}

export function updateCertificate(app: AppContext, id: string, v: CertificateValues) {
  return inTransaction(app.db, () => {
    const before = getCertificate(app, id);
    const rule = validateCertificate(app, v, id);
    updateCertificateRow(app.db, id, v, rule, app.clock.nowMs());
    const after = getCertificate(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'certificate', entityId: id, summary: `修改「${after.personName}」的${after.certTypeName}（${after.number}）`, before, after });
    return after;
  });
}

export function deleteCertificate(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const before = getCertificate(app, id);
    app.db.prepare('DELETE FROM certificate WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'certificate', entityId: id, summary: `删除「${before.personName}」的${before.certTypeName}（${before.number}）`, before });
  });
}

/** A passed review moves the next review date on; a failed one is recorded and changes nothing else. */
export function recordCertReview(app: AppContext, id: string, reviewDate: string, result: CertReviewResult, notes: string | null) {
  return inTransaction(app.db, () => {
    const before = getCertificate(app, id);
    if (before.status === 'REVOKED') fail.rule('证书已注销，不能登记复审');
    if (reviewDate < before.issueDate) fail.field('reviewDate', `复审日期不能早于发证日期（${before.issueDate}）`);
    if (reviewDate > today(app)) fail.field('reviewDate', '复审日期不能晚于今天');
    app.db
      .prepare('INSERT INTO cert_review (id, certificateId, reviewDate, result, notes, createdAtMs) VALUES (?, ?, ?, ?, ?, ?)')
      .run(app.newId(), id, reviewDate, result, notes, app.clock.nowMs());
    if (result === 'PASSED' && (!before.lastReviewDate || reviewDate > before.lastReviewDate)) {
      const rule = certRule(app.db, before.certTypeId)!;
      updateCertificateRow(
        app.db,
        id,
        { personId: before.personId, certTypeId: before.certTypeId, category: before.category, number: before.number, issuer: before.issuer, issueDate: before.issueDate, expiryDate: before.expiryDate, lastReviewDate: reviewDate, notes: before.notes },
        rule,
        app.clock.nowMs(),
      );
    }
    const after = getCertificate(app, id);
    recordAudit(app, {
      action: 'UPDATE',
      entityType: 'certificate',
      entityId: id,
      summary: `登记「${after.personName}」${after.certTypeName}复审（${reviewDate}，${result === 'PASSED' ? '合格' : '不合格'}）`,
      before,
      after,
    });
    return after;
  });
}

export function revokeCertificate(app: AppContext, id: string, reason: string) {
  return inTransaction(app.db, () => {
    const before = getCertificate(app, id);
    if (before.status === 'REVOKED') fail.rule('证书已注销');
    app.db.prepare(`UPDATE certificate SET status = 'REVOKED', revokedReason = ?, updatedAtMs = ? WHERE id = ?`).run(reason, app.clock.nowMs(), id);
    const after = getCertificate(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'certificate', entityId: id, summary: `注销「${after.personName}」的${after.certTypeName}（${reason}）`, before, after });
    return after;
  });
}
