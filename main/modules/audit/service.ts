import type { AppContext } from '../../context.ts';
import type { AuditAction } from '../../../preload/contract/enums.ts';
import { maskIdNumber } from '../../../preload/contract/validators.ts';

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Keys whose values never enter the log in clear. */
const MASKED_KEYS = new Set(['idNumber']);

function sanitize(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (MASKED_KEYS.has(key) && typeof v === 'string' ? maskIdNumber(v) : v)),
  ) as unknown;
}

export function currentOperator(app: AppContext): { id: string | null; name: string } {
  const id = app.session.operatorId;
  if (id) {
    const row = app.db.prepare('SELECT name FROM operator WHERE id = ?').get(id) as { name: string } | undefined;
    if (row) return { id, name: row.name };
  }
  return { id: null, name: app.session.channel === 'CLI' ? '命令行' : '系统' };
}

/** Appends one entry to the audit log. Call inside the mutation's transaction. */
export function recordAudit(app: AppContext, e: AuditEvent): void {
  const op = currentOperator(app);
  app.db
    .prepare(
      `INSERT INTO audit_log (atMs, operatorId, operatorName, channel, action, entityType, entityId, summary, beforeJson, afterJson)
       VALUES (@atMs, @operatorId, @operatorName, @channel, @action, @entityType, @entityId, @summary, @beforeJson, @afterJson)`,
    )
    .run({
      atMs: app.clock.nowMs(),
      operatorId: op.id,
      operatorName: op.name,
      channel: app.session.channel,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      summary: e.summary,
      beforeJson: e.before === undefined || e.before === null ? null : JSON.stringify(sanitize(e.before)),
      afterJson: e.after === undefined || e.after === null ? null : JSON.stringify(sanitize(e.after)),
    });
}
