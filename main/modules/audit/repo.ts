import type Database from 'better-sqlite3';
import { likePattern, Where } from '../../db/sql.ts';
import { ENTITY_TYPE_LABELS, type AuditEntry } from '../../../preload/contract/audit.ts';
import type { AuditAction, AuditChannel } from '../../../preload/contract/enums.ts';

interface AuditRow {
  seq: number;
  atMs: number;
  operatorId: string | null;
  operatorName: string;
  channel: AuditChannel;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  summary: string;
  beforeJson: string | null;
  afterJson: string | null;
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    atMs: r.atMs,
    operatorId: r.operatorId,
    operatorName: r.operatorName,
    channel: r.channel,
    action: r.action,
    entityType: r.entityType,
    entityTypeLabel: ENTITY_TYPE_LABELS[r.entityType] ?? r.entityType,
    entityId: r.entityId,
    summary: r.summary,
    before: r.beforeJson ? (JSON.parse(r.beforeJson) as unknown) : null,
    after: r.afterJson ? (JSON.parse(r.afterJson) as unknown) : null,
  };
}

export interface AuditFilter {
  search: string | null;
  entityType: string | null;
  entityId: string | null;
  operatorId: string | null;
  action?: AuditAction | undefined;
  fromMs: number | null;
  toMs: number | null;
  page: number;
  pageSize: number;
}

export function listAudit(db: Database.Database, f: AuditFilter): { items: AuditEntry[]; total: number } {
  const w = new Where();
  if (f.search) w.add(`(summary LIKE @q ESCAPE '\\' OR operatorName LIKE @q ESCAPE '\\')`, { q: likePattern(f.search) });
  if (f.entityType) w.add('entityType = @entityType', { entityType: f.entityType });
  if (f.entityId) w.add('entityId = @entityId', { entityId: f.entityId });
  if (f.operatorId) w.add('operatorId = @operatorId', { operatorId: f.operatorId });
  if (f.action) w.add('action = @action', { action: f.action });
  if (f.fromMs !== null) w.add('atMs >= @fromMs', { fromMs: f.fromMs });
  if (f.toMs !== null) w.add('atMs < @toMs', { toMs: f.toMs });
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(w.params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY seq DESC LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as AuditRow[];
  return { items: rows.map(toEntry), total };
}

export function auditEntityTypes(db: Database.Database): { value: string; label: string }[] {
  const rows = db.prepare('SELECT DISTINCT entityType FROM audit_log ORDER BY entityType').all() as { entityType: string }[];
  return rows.map((r) => ({ value: r.entityType, label: ENTITY_TYPE_LABELS[r.entityType] ?? r.entityType }));
}
