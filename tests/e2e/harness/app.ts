import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { AppRuntime } from '../../../main/bootstrap.ts';
import type { Platform } from '../../../main/context.ts';
import { loadMigrationsFromDisk } from '../../../main/db/migrations/fromDisk.ts';
import { dispatch } from '../../../main/ipc/dispatch.ts';
import { RESOURCES_DIR, tempDir } from '../../helpers/runtime.ts';
import { launchChromium } from './chromium.ts';
import { SCREENSHOTS } from './paths.ts';
import { connectPage } from './bridge.ts';

let browser: Browser | null = null;

export async function sharedBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/** Stands in for Electron's dialogs: saves into the data folder's exports, opens queued files, records what was opened. */
export class ScriptedPlatform implements Platform {
  readonly saved: string[] = [];
  readonly opened: string[] = [];
  /** Files the next open-dialogs return, in order. */
  readonly toPick: string[][] = [];
  readonly tempDir: string;
  private readonly exportsDir: string;

  constructor(dataDir: string) {
    this.exportsDir = join(dataDir, 'exports');
    this.tempDir = join(dataDir, 'tmp');
    mkdirSync(this.exportsDir, { recursive: true });
  }

  async chooseSavePath(o: { defaultName: string }): Promise<string | null> {
    const file = join(this.exportsDir, o.defaultName);
    this.saved.push(file);
    return file;
  }

  async chooseOpenPaths(): Promise<string[] | null> {
    return this.toPick.shift() ?? null;
  }

  async openPath(file: string): Promise<void> {
    this.opened.push(file);
  }
}

export interface E2EApp {
  page: Page;
  context: BrowserContext;
  rt: AppRuntime;
  dataDir: string;
  url: string;
  /** Errors the page logged (console.error, uncaught exceptions). */
  pageErrors: string[];
  platform: ScriptedPlatform;
  screenshot(name: string): Promise<string>;
  /** Reloads the page on the same data folder (after restarting the runtime). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the built renderer in Chromium against a real runtime on a fresh data
 * folder. `window.api` is the preload's own bridge; its transport is a
 * Playwright binding into main's dispatcher, which checks the caller like IPC does.
 */
export async function launchApp(options: { seed?: 'demo' | 'none'; dataDir?: string } = {}): Promise<E2EApp> {
  const url = inject('rendererUrl');
  const dataDir = options.dataDir ?? tempDir('safeledger-e2e-');
  let page: Page | null = null;
  const platform = new ScriptedPlatform(dataDir);
  const open = () =>
    AppRuntime.open({
      dataDir,
      resourcesDir: RESOURCES_DIR,
      migrations: loadMigrationsFromDisk(),
      appVersion: 'e2e',
      channel: 'UI',
      platform,
      onEvent: (event, payload) => {
        void page?.evaluate(([e, p]) => (window as unknown as { __safeledgerEmit?: (e: string, p: unknown) => void }).__safeledgerEmit?.(e, p), [event, payload] as const).catch(() => {});
      },
    });
  let rt = await open();
  if (options.seed === 'demo') {
    const r = await dispatch(rt, 'demo.load', {});
    if (!r.ok) throw new Error(r.error.message);
  }
  const b = await sharedBrowser();
  const context = await b.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 });
  page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
  });
  await connectPage(page, url, () => rt, pageErrors);
  await page.goto(url);

  const app: E2EApp = {
    page,
    context,
    get rt() {
      return rt;
    },
    dataDir,
    url,
    pageErrors,
    platform,
    screenshot: async (name) => {
      const file = join(SCREENSHOTS, `${name}.png`);
      // Let spinners finish and freeze CSS motion so the picture shows the settled screen.
      await page!.locator('.ant-spin-spinning, .ant-table-placeholder .ant-spin').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
      await page!.screenshot({ path: file, fullPage: false, animations: 'disabled' });
      return file;
    },
    restart: async () => {
      rt.close();
      rt = await open();
      await page!.reload();
    },
    close: async () => {
      await context.close();
      rt.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Waits until the app has decided what to show. */
export async function waitForState(page: Page, state: 'ready' | 'setup' | 'corrupt' | 'tooNew'): Promise<void> {
  await page.locator(`#root[data-app-state="${state}"]`).waitFor({ timeout: 30_000 });
}

/** Calls main directly (test set-up), failing loudly. */
export async function call(rt: AppRuntime, method: string, input: unknown) {
  const r = await dispatch(rt, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as Record<string, unknown>;
}
