import type Database from 'better-sqlite3';
import type { Certificate, CertType } from '../../../preload/contract/certificates.ts';
import type { CertStatus } from '../../../preload/contract/enums.ts';
import { likePattern, Where } from '../../db/sql.ts';
import { certDueState, certSchedule, type CertRule } from '../../domain/certificates.ts';
import { addDays } from '../../domain/dates.ts';

interface CertTypeRow {
  id: string;
  code: string;
  name: string;
  validityYears: number | null;
  reviewIntervalYears: number | null;
  reviewWindowDays: number;
  authority: string | null;
  notes: string | null;
  builtin: number;
  certificateCount: number;
}

export function listCertTypes(db: Database.Database): CertType[] {
  const rows = db
    .prepare(`SELECT t.*, (SELECT count(*) FROM certificate c WHERE c.certTypeId = t.id) AS certificateCount FROM cert_type t ORDER BY t.sortOrder, t.name`)
    .all() as CertTypeRow[];
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    validityYears: r.validityYears,
    reviewIntervalYears: r.reviewIntervalYears,
    reviewWindowDays: r.reviewWindowDays,
    authority: r.authority,
    notes: r.notes,
    builtin: r.builtin === 1,
    certificateCount: r.certificateCount,
  }));
}

export function certRule(db: Database.Database, certTypeId: string): CertRule | null {
  return (
    (db.prepare('SELECT validityYears, reviewIntervalYears, reviewWindowDays FROM cert_type WHERE id = ?').get(certTypeId) as CertRule | undefined) ??
    null
  );
}

interface CertificateRow {
  id: string;
  personId: string;
  personName: string;
  staffNo: string;
  personStatus: string;
  unitName: string;
  certTypeId: string;
  certTypeName: string;
  reviewWindowDays: number;
  category: string | null;
  number: string;
  issuer: string | null;
  issueDate: string;
  expiryDate: string | null;
  effectiveExpiryDate: string | null;
  lastReviewDate: string | null;
  nextReviewDate: string | null;
  dueDate: string | null;
  status: CertStatus;
  notes: string | null;
  createdAtMs: number;
  updatedAtMs: number;
}

const SELECT_CERTS = `
  SELECT c.id, c.personId, p.name AS personName, p.staffNo, p.status AS personStatus, u.name AS unitName, c.certTypeId,
    t.name AS certTypeName, t.reviewWindowDays, c.category, c.number, c.issuer, c.issueDate, c.expiryDate, c.effectiveExpiryDate,
    c.lastReviewDate, c.nextReviewDate, c.dueDate, c.status, c.notes, c.createdAtMs, c.updatedAtMs
  FROM certificate c JOIN person p ON p.id = c.personId JOIN unit u ON u.id = p.unitId JOIN cert_type t ON t.id = c.certTypeId`;

export function toCertificate(r: CertificateRow, today: string, alertDays: readonly number[]): Certificate {
  const { state, daysLeft, alertBucket } = certDueState(r, today, alertDays);
  return {
    id: r.id,
    personId: r.personId,
    personName: r.personName,
    staffNo: r.staffNo,
    personStatus: r.personStatus,
    unitName: r.unitName,
    certTypeId: r.certTypeId,
    certTypeName: r.certTypeName,
    category: r.category,
    number: r.number,
    issuer: r.issuer,
    issueDate: r.issueDate,
    expiryDate: r.expiryDate,
    effectiveExpiryDate: r.effectiveExpiryDate,
    lastReviewDate: r.lastReviewDate,
    nextReviewDate: r.nextReviewDate,
    dueDate: r.dueDate,
    reviewWindowStart: r.dueDate ? addDays(r.dueDate, -r.reviewWindowDays) : null,
    status: r.status,
    dueState: state,
    daysLeft,
    alertBucket,
    notes: r.notes,
    createdAtMs: r.createdAtMs,
    updatedAtMs: r.updatedAtMs,
  };
}

export interface CertificateFilter {
  search: string | null;
  personId: string | null;
  certTypeId: string | null;
  unitId: string | null;
  dueState?: Certificate['dueState'] | 'ATTENTION' | undefined;
  dueWithinDays?: number | undefined;
  includeLeft: boolean;
  ids?: string[];
  page: number;
  pageSize: number;
}

/**
 * Certificates in due-date order. The due-state filters are expressed on the
 * stored `dueDate` / `nextReviewDate` / `effectiveExpiryDate` columns so the
 * dashboard query stays an index range scan.
 */
export function queryCertificates(
  db: Database.Database,
  f: CertificateFilter,
  today: string,
  alertDays: readonly number[],
): { items: Certificate[]; total: number } {
  const w = new Where();
  let cte = '';
  if (!f.includeLeft && !f.personId) w.add(`p.status = 'ACTIVE'`);
  if (f.search) {
    w.add(`(p.name LIKE @q ESCAPE '\\' OR p.staffNo LIKE @q ESCAPE '\\' OR c.number LIKE @q ESCAPE '\\' OR ifnull(c.category, '') LIKE @q ESCAPE '\\')`, {
      q: likePattern(f.search),
    });
  }
  if (f.personId) w.add('c.personId = @personId', { personId: f.personId });
  if (f.certTypeId) w.add('c.certTypeId = @certTypeId', { certTypeId: f.certTypeId });
  if (f.ids) w.add('c.id IN (SELECT value FROM json_each(@ids))', { ids: JSON.stringify(f.ids) });
  if (f.unitId) {
    cte = `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)`;
    w.add('p.unitId IN (SELECT id FROM sub)', { unitId: f.unitId });
  }
  const maxAlert = Math.max(...alertDays);
  const horizon = addDays(today, f.dueWithinDays ?? maxAlert);
  const params = { today, horizon };
  switch (f.dueState) {
    case 'REVOKED':
      w.add(`c.status = 'REVOKED'`);
      break;
    case 'EXPIRED':
      w.add(`c.status = 'VALID' AND c.effectiveExpiryDate < @today`, params);
      break;
    case 'REVIEW_OVERDUE':
      w.add(`c.status = 'VALID' AND ifnull(c.effectiveExpiryDate, '9999') >= @today AND c.nextReviewDate < @today`, params);
      break;
    case 'DUE':
      w.add(`c.status = 'VALID' AND c.dueDate >= @today AND c.dueDate <= @horizon`, params);
      break;
    case 'VALID':
      w.add(`c.status = 'VALID' AND (c.dueDate IS NULL OR c.dueDate > @horizon)`, params);
      break;
    case 'ATTENTION':
      w.add(`c.status = 'VALID' AND c.dueDate <= @horizon`, params);
      break;
    case undefined:
      break;
  }
  const total = (db.prepare(`${cte} SELECT count(*) AS n FROM certificate c JOIN person p ON p.id = c.personId ${w.sql}`).get(w.params) as { n: number }).n;
  const rows = db
    .prepare(`${cte} ${SELECT_CERTS} ${w.sql} ORDER BY c.status = 'REVOKED', c.dueDate IS NULL, c.dueDate, p.staffNo LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as CertificateRow[];
  return { items: rows.map((r) => toCertificate(r, today, alertDays)), total };
}

export interface CertificateValues {
  personId: string;
  certTypeId: string;
  category: string | null;
  number: string;
  issuer: string | null;
  issueDate: string;
  expiryDate: string | null;
  lastReviewDate: string | null;
  notes: string | null;
}

function derived(v: CertificateValues, rule: CertRule) {
  const s = certSchedule(v, rule);
  return { effectiveExpiryDate: s.effectiveExpiryDate, nextReviewDate: s.nextReviewDate, dueDate: s.dueDate };
}

export function insertCertificate(db: Database.Database, id: string, v: CertificateValues, rule: CertRule, nowMs: number): void {
  db.prepare(
    `INSERT INTO certificate (id, personId, certTypeId, category, number, issuer, issueDate, expiryDate, lastReviewDate,
       effectiveExpiryDate, nextReviewDate, dueDate, notes, createdAtMs, updatedAtMs)
     VALUES (@id, @personId, @certTypeId, @category, @number, @issuer, @issueDate, @expiryDate, @lastReviewDate,
       @effectiveExpiryDate, @nextReviewDate, @dueDate, @notes, @nowMs, @nowMs)`,
  ).run({ id, ...v, ...derived(v, rule), nowMs });
}

export function updateCertificateRow(db: Database.Database, id: string, v: CertificateValues, rule: CertRule, nowMs: number): void {
  db.prepare(
    `UPDATE certificate SET personId = @personId, certTypeId = @certTypeId, category = @category, number = @number, issuer = @issuer,
       issueDate = @issueDate, expiryDate = @expiryDate, lastReviewDate = @lastReviewDate, effectiveExpiryDate = @effectiveExpiryDate,
       nextReviewDate = @nextReviewDate, dueDate = @dueDate, notes = @notes, updatedAtMs = @nowMs
     WHERE id = @id`,
  ).run({ id, ...v, ...derived(v, rule), nowMs });
}

/** Re-derives the stored schedule of every certificate of a type after its rule changed. */
export function recomputeCertificatesOfType(db: Database.Database, certTypeId: string, rule: CertRule): number {
  const rows = db.prepare('SELECT id, issueDate, expiryDate, lastReviewDate FROM certificate WHERE certTypeId = ?').all(certTypeId) as {
    id: string;
    issueDate: string;
    expiryDate: string | null;
    lastReviewDate: string | null;
  }[];
  const stmt = db.prepare('UPDATE certificate SET effectiveExpiryDate = ?, nextReviewDate = ?, dueDate = ? WHERE id = ?');
  for (const r of rows) {
    const s = certSchedule(r, rule);
    stmt.run(s.effectiveExpiryDate, s.nextReviewDate, s.dueDate, r.id);
  }
  return rows.length;
}
