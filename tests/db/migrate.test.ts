import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppRuntime } from '../../main/bootstrap.ts';
import { openDatabase } from '../../main/db/connection.ts';
import { migrate, schemaVersion, type Migration } from '../../main/db/migrate.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { expectFail, openDemoApp, openTestApp, RESOURCES_DIR, tempDir, TestClock } from '../helpers/runtime.ts';
import { dispatch } from '../../main/ipc/dispatch.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('migrations on a real database', () => {
  it('a new data folder is migrated to the newest version with STRICT tables, foreign keys and WAL', async () => {
    const app = await openTestApp();
    cleanups.push(app.close);
    const db = app.rt.db!;
    expect(schemaVersion(db)).toBe(loadMigrationsFromDisk().length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const strict = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%) STRICT%'`).all();
    expect(strict).toEqual([]);
    expect(app.rt.state).toBe('setup');
  });

  it('upgrades a version-1 database with data: backs it up first, then applies each step in its own transaction', async () => {
    const dir = tempDir();
    const all = loadMigrationsFromDisk();
    const first = await AppRuntime.open({ dataDir: dir, resourcesDir: RESOURCES_DIR, migrations: all.slice(0, 1), appVersion: 't', channel: 'UI' });
    await dispatch(first, 'app.setup', { enterprise: { name: '老版本企业', industry: 'OTHER' }, operator: { name: '甲' } });
    const c = first.app().db.prepare('SELECT id FROM unit').get() as { id: string };
    first.app().db.prepare(`INSERT INTO person (id, name, staffNo, unitId, employmentType, createdAtMs, updatedAtMs) VALUES ('p1', '张三', 'A1', ?, 'REGULAR', 0, 0)`).run(c.id);
    first.close();
    const next: Migration[] = [...all, { version: all.length + 1, name: 'extra', sql: 'CREATE TABLE extra_note (id TEXT PRIMARY KEY) STRICT;' }];
    const second = await AppRuntime.open({ dataDir: dir, resourcesDir: RESOURCES_DIR, migrations: next, appVersion: 't', channel: 'UI' });
    expect(schemaVersion(second.db!)).toBe(next.length);
    expect(second.state).toBe('ready');
    expect(second.db!.prepare('SELECT name, photoAttachmentId FROM person').get()).toEqual({ name: '张三', photoAttachmentId: null });
    expect(second.db!.pragma('foreign_key_check')).toEqual([]);
    second.close();
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/pre-migration-v1\.db$/);
    const copy = openDatabase(join(dir, 'backups', backups[0]!), { readonly: true });
    expect(schemaVersion(copy)).toBe(1);
    expect(copy.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 1 });
    copy.close();
  });

  it('a failing step rolls back and leaves the version where it was', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'x.db'));
    const base = loadMigrationsFromDisk();
    await migrate(db, base, async () => {});
    const broken: Migration[] = [...base, { version: base.length + 1, name: 'broken', sql: 'CREATE TABLE half (id TEXT) STRICT; INSERT INTO no_such_table VALUES (1);' }];
    await expect(migrate(db, broken, async () => {})).rejects.toThrow(/no such table/);
    expect(schemaVersion(db)).toBe(base.length);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database from a newer version with a clear message and leaves it untouched', async () => {
    const dir = tempDir();
    const app = await openTestApp({ dataDir: dir });
    app.rt.db!.pragma('user_version = 999');
    app.rt.close();
    const file = join(dir, 'safeledger.db');
    const before = sha(file);
    const rt = await AppRuntime.open({ dataDir: dir, resourcesDir: RESOURCES_DIR, migrations: loadMigrationsFromDisk(), appVersion: 't', channel: 'UI' });
    expect(rt.state).toBe('tooNew');
    expect(rt.message).toMatch(/结构版本为 999，高于本程序支持的版本 .*请升级 SafeLedger/);
    expect(() => rt.app()).toThrow(/请升级/);
    expect(sha(file)).toBe(before);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('detects a corrupt file at start and restores the newest backup on request', async () => {
    const clock = new TestClock();
    const app = await openDemoApp({ clock });
    const dir = app.dataDir;
    const backup = await app.ok('backup.create', {});
    app.rt.close();
    const file = join(dir, 'safeledger.db');
    for (const f of [`${file}-wal`, `${file}-shm`]) if (existsSync(f)) writeFileSync(f, '');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x5a)]));

    const broken = await openTestApp({ dataDir: dir, clock });
    expect(broken.rt.state).toBe('corrupt');
    const status = await broken.ok('app.status', {});
    expect(status.message).toMatch(/数据库文件已损坏/);
    expect(status.backups.map((b) => b.fileName)).toContain(backup.fileName);
    expect(expectFail(await broken.call('person.list', {})).code).toBe('NOT_READY');

    const restored = await broken.ok('app.restoreBackup', { fileName: backup.fileName });
    expect(restored.state).toBe('ready');
    expect(restored.enterpriseName).toBe('重庆渝江精密机械有限公司');
    expect((await broken.ok('person.list', {})).total).toBeGreaterThan(100);
    expect(readdirSync(dir).some((f) => f.startsWith('safeledger.db.corrupt-'))).toBe(true);
    broken.close();
  });

  it('restoring is only offered for a damaged database and only from the backups folder', async () => {
    const app = await openDemoApp();
    cleanups.push(app.close);
    expect(expectFail(await app.call('app.restoreBackup', { fileName: '../../etc/passwd' })).code).toBe('RULE');
  });
});
