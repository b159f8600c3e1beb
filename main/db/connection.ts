import Database from 'better-sqlite3';

/** How many distinct SQL texts keep their prepared statement. */
const STATEMENT_CACHE_SIZE = 512;

/**
 * Reuses prepared statements per SQL text (least recently used dropped first).
 * A statement holds native memory that JavaScript's garbage collector does not
 * see, so preparing the same SQL on every call makes bulk work balloon.
 * Statements are never put into raw/pluck/expand mode anywhere in the app.
 */
function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql);
    } else {
      stmt = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  }) as typeof db.prepare;
}

/** Opens (or creates) the database file with the pragmas every connection needs. */
export function openDatabase(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false });
  cacheStatements(db);
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** `PRAGMA quick_check`: null when healthy, otherwise the problems found (or the open error). */
export function checkDatabase(db: Database.Database, full = false): string | null {
  try {
    const rows = db.pragma(full ? 'integrity_check' : 'quick_check') as Record<string, string>[];
    const messages = rows.map((r) => Object.values(r)[0]).filter((m) => m !== 'ok');
    if (messages.length) return messages.slice(0, 5).join('; ');
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) return `外键不一致 ${fk.length} 处`;
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
