/**
 * "Nothing is half-written": snapshot tables before a refused call and compare
 * after; read the audit log of an entity.
 */
import { expect } from 'vitest';
import type { InputOf, MethodName } from '../../preload/contract/index.ts';
import { expectFail, type TestApp } from './runtime.ts';

/** A 1×1 PNG, base64. */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export function tableGuard(current: () => TestApp, defaultTables: readonly string[]) {
  const db = () => current().rt.app().db;
  /** Every row of the tables, order-independent. */
  const dump = (tables: readonly string[]) =>
    Object.fromEntries(tables.map((t) => [t, (db().prepare(`SELECT * FROM ${t}`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
  return {
    dump,
    /** The call fails and leaves every listed table (and the audit log) exactly as it was. */
    async refused<K extends MethodName>(method: K, input: InputOf<K>, tables: readonly string[] = defaultTables) {
      const before = dump(tables);
      const err = expectFail(await current().call(method, input));
      expect(dump(tables)).toEqual(before);
      return err;
    },
    /** An entity's audit entries: action and summary. */
    audits(entityType: string, entityId?: string) {
      return db()
        .prepare('SELECT action, summary FROM audit_log WHERE entityType = ? AND (? IS NULL OR entityId = ?) ORDER BY seq')
        .all(entityType, entityId ?? null, entityId ?? null) as { action: string; summary: string }[];
    },
    /** The same, with whether each entry kept the state before and after (1/0). */
    auditsWithStates(entityType: string, entityId?: string) {
      return db()
        .prepare('SELECT action, summary, beforeJson IS NOT NULL AS hasBefore, afterJson IS NOT NULL AS hasAfter FROM audit_log WHERE entityType = ? AND (? IS NULL OR entityId = ?) ORDER BY seq')
        .all(entityType, entityId ?? null, entityId ?? null) as { action: string; summary: string; hasBefore: number; hasAfter: number }[];
    },
  };
}
