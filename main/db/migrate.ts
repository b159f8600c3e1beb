import type Database from 'better-sqlite3';
import { AppError } from '../errors.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;
/** A migration that rebuilds tables starts with this line; FKs are switched off around it. */
export const FOREIGN_KEYS_OFF_MARKER = '-- safeledger:foreign-keys-off';

/**
 * Turns `{ '0001_init.sql': sql, … }` into an ordered list, checking that the
 * numbering starts at 1 and has no gaps or duplicates.
 */
export function parseMigrations(files: Record<string, string>): Migration[] {
  const list: Migration[] = [];
  for (const [path, sql] of Object.entries(files)) {
    const base = path.split(/[\\/]/).pop() ?? path;
    const m = FILE_NAME.exec(base);
    if (!m) throw new Error(`Migration file name must look like 0001_name.sql: ${base}`);
    list.push({ version: Number(m[1]), name: m[2]!, sql });
  }
  list.sort((a, b) => a.version - b.version);
  list.forEach((mig, i) => {
    if (mig.version !== i + 1) {
      throw new Error(`Migrations must be numbered 1..n without gaps or duplicates; expected ${i + 1}, found ${mig.version} (${mig.name})`);
    }
  });
  return list;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateResult {
  from: number;
  to: number;
  applied: number[];
}

/**
 * Brings the database to the newest version. Refuses (without touching it) a
 * database newer than the app. Calls `backup` once before the first pending
 * step of an existing database. Each step runs in its own transaction.
 */
export async function migrate(
  db: Database.Database,
  migrations: Migration[],
  backup: (fromVersion: number) => Promise<void>,
): Promise<MigrateResult> {
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `数据文件的结构版本为 ${from}，高于本程序支持的版本 ${latest}：它由更新版本的 SafeLedger 创建。请升级 SafeLedger 后再打开，数据未做任何改动。`,
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length && from > 0) await backup(from);
  const applied: number[] = [];
  for (const m of pending) {
    const fkOff = m.sql.trimStart().startsWith(FOREIGN_KEYS_OFF_MARKER);
    if (fkOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (fkOff) {
          const problems = db.pragma('foreign_key_check') as unknown[];
          if (problems.length) throw new Error(`Migration ${m.version} left ${problems.length} foreign-key problems`);
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (fkOff) db.pragma('foreign_keys = ON');
    }
    applied.push(m.version);
  }
  return { from, to: schemaVersion(db), applied };
}
