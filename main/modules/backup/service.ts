import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabase } from '../../db/connection.ts';
import type { DataPaths } from '../../context.ts';

export interface BackupInfo {
  fileName: string;
  sizeBytes: number;
  createdAtMs: number;
  reason: string;
}

const REASON_LABELS: Record<string, string> = {
  manual: '手动备份',
  'pre-migration': '升级前自动备份',
  'before-demo-removal': '移除演示数据前',
  'before-restore': '恢复前',
  cli: '命令行备份',
};

const NAME = /^safeledger-(\d{8}-\d{6})-([a-z-]+?)(?:-v(\d+))?\.db$/;

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function backupFileName(nowMs: number, reason: string, schemaVersion?: number): string {
  return `safeledger-${stamp(nowMs)}-${reason}${schemaVersion !== undefined ? `-v${schemaVersion}` : ''}.db`;
}

/**
 * Copies the live database with SQLite's online backup API, then checks the copy.
 * The copy is written under a temporary name and renamed only once it passes.
 */
export async function backupTo(db: Database.Database, target: string): Promise<void> {
  const tmp = `${target}.partial`;
  rmSync(tmp, { force: true });
  try {
    await db.backup(tmp);
    // A backup is one self-contained file: switch the copy out of WAL mode before checking it.
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const problem = checkDatabase(copy);
      if (problem) throw new Error(`备份副本校验失败：${problem}`);
    } finally {
      copy.close();
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export async function backupIntoDataDir(db: Database.Database, paths: DataPaths, nowMs: number, reason: string, schemaVersion?: number): Promise<BackupInfo> {
  mkdirSync(paths.backupsDir, { recursive: true });
  let fileName = backupFileName(nowMs, reason, schemaVersion);
  for (let i = 1; existsSync(join(paths.backupsDir, fileName)); i++) fileName = backupFileName(nowMs + i * 1000, reason, schemaVersion);
  await backupTo(db, join(paths.backupsDir, fileName));
  return describeBackup(paths, fileName)!;
}

export function describeBackup(paths: DataPaths, fileName: string): BackupInfo | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const file = join(paths.backupsDir, fileName);
  if (!existsSync(file)) return null;
  const st = statSync(file);
  const reasonKey = m[2]!;
  const label = REASON_LABELS[reasonKey] ?? reasonKey;
  return { fileName, sizeBytes: st.size, createdAtMs: st.mtimeMs, reason: m[3] ? `${label}（结构版本 ${m[3]}）` : label };
}

/** Backups in the data folder, newest first. */
export function listBackups(paths: DataPaths): BackupInfo[] {
  if (!existsSync(paths.backupsDir)) return [];
  return readdirSync(paths.backupsDir)
    .map((f) => describeBackup(paths, f))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.createdAtMs - a.createdAtMs || b.fileName.localeCompare(a.fileName));
}

/** Removes the database file and its WAL/SHM companions. */
export function removeDatabaseFiles(dbFile: string): void {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
}

/** Moves a damaged database aside (kept for forensic recovery) instead of deleting it. */
export function quarantineDatabase(dbFile: string, nowMs: number): string {
  const aside = `${dbFile}.corrupt-${stamp(nowMs)}`;
  if (existsSync(dbFile)) renameSync(dbFile, aside);
  for (const f of [`${dbFile}-wal`, `${dbFile}-shm`]) if (existsSync(f)) renameSync(f, `${aside}${f.slice(dbFile.length)}`);
  return aside;
}
