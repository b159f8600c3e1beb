import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { AppStatus } from '../preload/contract/app.ts';
import type { AuditChannel } from '../preload/contract/enums.ts';
import type { EventMap, EventName } from '../preload/contract/index.ts';
import type { AppContext, Clock, DataPaths, Platform } from './context.ts';
import { checkDatabase, openDatabase } from './db/connection.ts';
import { migrate, schemaVersion, type Migration } from './db/migrate.ts';
import { AppError } from './errors.ts';
import { backupIntoDataDir, listBackups, quarantineDatabase, removeDatabaseFiles } from './modules/backup/service.ts';
import { readInternalSetting } from './modules/app/settings.ts';

export interface RuntimeOptions {
  dataDir: string;
  resourcesDir: string;
  migrations: Migration[];
  appVersion: string;
  channel: AuditChannel;
  clock?: Clock;
  newId?: () => string;
  onEvent?: (event: string, payload: unknown) => void;
  /** Operator to act as (CLI `--operator`); by default the UI's last operator, or none for the CLI. */
  operatorName?: string | null;
  /** Dialogs and the system viewer; headless by default. */
  platform?: Platform;
}

/** Where no window exists (CLI, scripts): dialogs cannot be shown. */
export function headlessPlatform(tempDir: string): Platform {
  const refuse = async (): Promise<never> => {
    throw new AppError('RULE', '命令行中不能弹出对话框：请用 --out 指定输出文件，或用 attachment.upload 直接提交文件内容');
  };
  return { chooseSavePath: refuse, chooseOpenPaths: refuse, openPath: refuse, tempDir };
}

export type RuntimeState = AppStatus['state'];

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    dbFile: join(dataDir, 'safeledger.db'),
    attachmentsDir: join(dataDir, 'attachments'),
    backupsDir: join(dataDir, 'backups'),
  };
}

export const systemClock: Clock = { nowMs: () => Date.now() };

/**
 * The open data folder: database (when it could be opened), state, and the
 * context services run in. The same runtime serves Electron, the CLI and tests.
 */
export class AppRuntime {
  readonly options: RuntimeOptions;
  readonly paths: DataPaths;
  state: RuntimeState = 'setup';
  message: string | null = null;
  private ctx: AppContext | null = null;

  private constructor(options: RuntimeOptions) {
    this.options = options;
    this.paths = dataPaths(options.dataDir);
  }

  static async open(options: RuntimeOptions): Promise<AppRuntime> {
    const rt = new AppRuntime(options);
    await rt.load();
    return rt;
  }

  get clock(): Clock {
    return this.options.clock ?? systemClock;
  }

  /** The service context; refuses with a Chinese message when the data is not usable. */
  app(): AppContext {
    if (!this.ctx) {
      throw new AppError('NOT_READY', this.message ?? '数据尚未就绪，请重启程序');
    }
    return this.ctx;
  }

  get db(): Database.Database | null {
    return this.ctx?.db ?? null;
  }

  private async load(): Promise<void> {
    mkdirSync(this.paths.dataDir, { recursive: true });
    let db: Database.Database;
    try {
      db = openDatabase(this.paths.dbFile);
    } catch (err) {
      this.markCorrupt(err);
      return;
    }
    const problem = checkDatabase(db);
    if (problem) {
      db.close();
      this.markCorrupt(new Error(problem));
      return;
    }
    try {
      await migrate(db, this.options.migrations, async (from) => {
        await backupIntoDataDir(db, this.paths, this.clock.nowMs(), 'pre-migration', from);
      });
    } catch (err) {
      db.close();
      if (err instanceof AppError && err.code === 'DB_TOO_NEW') {
        this.state = 'tooNew';
        this.message = err.message;
        return;
      }
      throw err;
    }
    const ctx: AppContext = {
      db,
      paths: this.paths,
      resourcesDir: this.options.resourcesDir,
      clock: this.clock,
      newId: this.options.newId ?? uuidv7,
      session: { operatorId: null, channel: this.options.channel },
      platform: this.options.platform ?? headlessPlatform(join(this.paths.dataDir, 'tmp')),
      emit: <E extends EventName>(event: E, payload: EventMap[E]) => this.emit(event, payload),
    };
    this.ctx = ctx;
    this.restoreSession();
    const hasEnterprise = db.prepare('SELECT 1 FROM enterprise').get() !== undefined;
    this.state = hasEnterprise ? 'ready' : 'setup';
    this.message = hasEnterprise ? null : '尚未建立企业档案，请完成首次启动向导';
  }

  private markCorrupt(err: unknown): void {
    this.state = 'corrupt';
    const detail = err instanceof Error ? err.message : String(err);
    const backups = listBackups(this.paths);
    this.message = `数据库文件已损坏，无法打开（${detail}）。${backups.length ? '可以从最近的备份恢复。' : '数据目录中没有可用的备份，请联系技术支持，不要删除数据目录。'}`;
  }

  private restoreSession(): void {
    const ctx = this.ctx!;
    const wanted = this.options.operatorName;
    if (wanted) {
      const row = ctx.db.prepare('SELECT id FROM operator WHERE name = ? AND active = 1').get(wanted) as { id: string } | undefined;
      if (!row) throw new AppError('VALIDATION', `找不到名为「${wanted}」的启用操作员`);
      ctx.session.operatorId = row.id;
      return;
    }
    if (this.options.channel !== 'UI') return;
    const saved = readInternalSetting<string>(ctx, 'currentOperatorId');
    const row = (saved && ctx.db.prepare('SELECT id FROM operator WHERE id = ? AND active = 1').get(saved)) as { id: string } | undefined;
    const fallback = ctx.db.prepare('SELECT id FROM operator WHERE active = 1 ORDER BY createdAtMs LIMIT 1').get() as { id: string } | undefined;
    ctx.session.operatorId = row?.id ?? fallback?.id ?? null;
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    this.options.onEvent?.(event, payload);
  }

  /** Re-reads state after setup or demo loading. */
  refreshState(): void {
    if (!this.ctx) return;
    const hasEnterprise = this.ctx.db.prepare('SELECT 1 FROM enterprise').get() !== undefined;
    this.state = hasEnterprise ? 'ready' : 'setup';
    this.message = hasEnterprise ? null : '尚未建立企业档案，请完成首次启动向导';
  }

  close(): void {
    if (this.ctx) {
      this.ctx.db.close();
      this.ctx = null;
    }
  }

  async reload(): Promise<void> {
    this.close();
    await this.load();
  }

  status(): AppStatus {
    const db = this.ctx?.db ?? null;
    const ent = db ? (db.prepare('SELECT name, isDemo FROM enterprise').get() as { name: string; isDemo: number } | undefined) : undefined;
    let operator: AppStatus['operator'] = null;
    if (db && this.ctx?.session.operatorId) {
      const row = db.prepare('SELECT id, name FROM operator WHERE id = ?').get(this.ctx.session.operatorId) as { id: string; name: string } | undefined;
      operator = row ?? null;
    }
    return {
      state: this.state,
      message: this.message,
      appVersion: this.options.appVersion,
      schemaVersion: db ? schemaVersion(db) : 0,
      supportedSchemaVersion: this.options.migrations.length,
      dataDir: this.paths.dataDir,
      isDemo: ent?.isDemo === 1,
      enterpriseName: ent?.name ?? null,
      operator,
      backups: this.state === 'corrupt' || this.state === 'tooNew' ? listBackups(this.paths) : [],
    };
  }

  /** Replaces a damaged database with a backup from the data folder's backups (by file name only). */
  async restoreFromBackup(fileName: string): Promise<void> {
    if (this.state !== 'corrupt') {
      throw new AppError('RULE', '只有在数据库损坏时才能在此恢复备份；日常恢复请使用「数据备份」功能');
    }
    const backup = listBackups(this.paths).find((b) => b.fileName === fileName);
    if (!backup) throw new AppError('NOT_FOUND', `备份「${fileName}」不存在，请从列表中选择`);
    const source = join(this.paths.backupsDir, backup.fileName);
    const check = openDatabase(source, { readonly: true, fileMustExist: true });
    const problem = checkDatabase(check);
    check.close();
    if (problem) throw new AppError('RULE', `备份「${fileName}」本身也已损坏（${problem}），请选择其他备份`);
    this.close();
    quarantineDatabase(this.paths.dbFile, this.clock.nowMs());
    copyFileSync(source, this.paths.dbFile);
    await this.load();
  }

  /** Backs the data up, then empties it: back to the first-run wizard. */
  async resetData(reason: string): Promise<void> {
    const db = this.app().db;
    await backupIntoDataDir(db, this.paths, this.clock.nowMs(), reason);
    this.close();
    removeDatabaseFiles(this.paths.dbFile);
    await this.load();
  }

  hasDatabaseFile(): boolean {
    return existsSync(this.paths.dbFile);
  }
}
