import type Database from 'better-sqlite3';

/** Collects WHERE clauses and their named parameters; values are always bound, never spliced. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: Record<string, unknown> = {};

  add(clause: string, params: Record<string, unknown> = {}): this {
    this.clauses.push(clause);
    Object.assign(this.params, params);
    return this;
  }

  get sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches literally (use with `ESCAPE '\\'`). */
export function likePattern(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const bit = (b: boolean): number => (b ? 1 : 0);

/** Runs `fn` in a transaction (a savepoint when nested). Never await inside. */
export function inTransaction<T>(db: Database.Database, fn: () => T): T {
  return db.transaction(fn)();
}

/** `(@p0, @p1, …)` for an IN list, with its parameters. */
export function inList(prefix: string, values: readonly unknown[]): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const names = values.map((v, i) => {
    params[`${prefix}${i}`] = v;
    return `@${prefix}${i}`;
  });
  return { sql: `(${names.length ? names.join(', ') : 'NULL'})`, params };
}
