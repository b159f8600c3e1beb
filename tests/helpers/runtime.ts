import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Clock, Platform } from '../../main/context.ts';
import { AppRuntime } from '../../main/bootstrap.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { dispatch } from '../../main/ipc/dispatch.ts';
import type { ApiResult } from '../../preload/contract/define.ts';
import type { InputOf, MethodName, OutputOf } from '../../preload/contract/index.ts';
import type { AuditChannel } from '../../preload/contract/enums.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const RESOURCES_DIR = join(REPO_ROOT, 'resources');

/** 2026-11-22 10:00 in Asia/Shanghai. */
export const DEFAULT_NOW = Date.UTC(2026, 10, 22, 2, 0, 0);

export class TestClock implements Clock {
  ms: number;
  constructor(ms = DEFAULT_NOW) {
    this.ms = ms;
  }
  nowMs(): number {
    return this.ms;
  }
  advanceDays(n: number): void {
    this.ms += n * 86_400_000;
  }
}

export function tempDir(prefix = 'safeledger-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestApp {
  rt: AppRuntime;
  dataDir: string;
  clock: TestClock;
  events: { event: string; payload: unknown }[];
  /** Calls through the real dispatcher (validation, services, SQLite); outputs are checked against the contract. */
  call<K extends MethodName>(method: K, input: InputOf<K>): Promise<ApiResult<OutputOf<K>>>;
  /** Like `call`, but returns the value or throws with the error message. */
  ok<K extends MethodName>(method: K, input: InputOf<K>): Promise<OutputOf<K>>;
  raw(method: unknown, input: unknown): Promise<ApiResult<unknown>>;
  close(): void;
}

export async function openTestApp(options: { dataDir?: string; clock?: TestClock; channel?: AuditChannel; keep?: boolean } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? tempDir();
  const clock = options.clock ?? new TestClock();
  const events: TestApp['events'] = [];
  const rt = await AppRuntime.open({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    migrations: loadMigrationsFromDisk(),
    appVersion: 'test',
    channel: options.channel ?? 'UI',
    clock,
    onEvent: (event, payload) => events.push({ event, payload }),
  });
  const raw = (method: unknown, input: unknown) => dispatch(rt, method, input, { validateOutput: true, log: (err) => console.error(err) });
  const app: TestApp = {
    rt,
    dataDir,
    clock,
    events,
    call: (method, input) => raw(method, input) as never,
    ok: async (method, input) => {
      const r = await raw(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? [])}`);
      return r.value as never;
    },
    raw,
    close: () => {
      rt.close();
      if (!options.keep && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** A fresh data folder with the demo enterprise loaded. */
export async function openDemoApp(options: { clock?: TestClock } = {}): Promise<TestApp> {
  const app = await openTestApp(options);
  await app.ok('demo.load', { operatorName: null });
  return app;
}

/** A fresh data folder with a minimal enterprise (no people). */
export async function openSetupApp(options: { clock?: TestClock } = {}): Promise<TestApp> {
  const app = await openTestApp(options);
  await app.ok('app.setup', {
    enterprise: { name: '测试机械有限公司', industry: 'INDUSTRY_TRADE', creditCode: '91500116MA5UXK8Y0E' },
    operator: { name: '测试员', title: null },
  });
  return app;
}

export function expectFail<T>(r: ApiResult<T>): { code: string; message: string; fields?: { path: string; message: string }[] } {
  if (r.ok) throw new Error(`expected failure, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

/** The editable part of an enterprise DTO (what `enterprise.update` takes). */
export function profileOf(e: OutputOf<'enterprise.get'>): InputOf<'enterprise.update'> {
  const { id: _id, principal: _p, safetyDeputy: _d, safetyDeptName: _s, timeZone: _t, isDemo: _i, createdAtMs: _c, updatedAtMs: _u, ...profile } = e;
  return profile;
}

/** Dialogs answered by the test: saves go to a temp folder, opened files are recorded. */
export function scripted(a: TestApp): { saved: string[]; opened: string[] } {
  const dir = tempDir('safeledger-exports-');
  const log = { saved: [] as string[], opened: [] as string[] };
  const platform: Platform = {
    chooseSavePath: async ({ defaultName }) => {
      const f = join(dir, defaultName);
      log.saved.push(f);
      return f;
    },
    chooseOpenPaths: async () => null,
    openPath: async (f) => {
      log.opened.push(f);
    },
    tempDir: join(dir, 'tmp'),
  };
  a.rt.app().platform = platform;
  return log;
}
