/**
 * The same flows in real Electron, through the real preload and IPC. Runs where
 * an Electron binary exists; elsewhere every test reports itself skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from './electronBinary.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const binary = electronBinary();

describe.skipIf(!binary)('Electron app (skipped: no Electron binary on this machine)', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
    dataDir = mkdtempSync(join(tmpdir(), 'safeledger-electron-'));
    app = await _electron.launch({
      executablePath: binary!,
      args: [join(ROOT, 'out', 'main', 'index.js'), ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, SAFELEDGER_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
    });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the first-run wizard on a new data folder and loads the demo', async () => {
    await page.locator('#root[data-app-state="setup"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('setup-demo').click();
    await page.locator('#root[data-app-state="ready"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('enterprise-name').textContent()).toBe('重庆渝江精密机械有限公司');
  });

  it('the window is isolated and sandboxed; the page sees only invoke and on', async () => {
    const prefs = await app.evaluate(() => (globalThis as { safeledgerWebPreferences?: unknown }).safeledgerWebPreferences);
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    const keys = await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort());
    expect(keys).toEqual(['invoke', 'on']);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  });

  it('refuses window.open and navigation away from the app', async () => {
    const before = app.windows().length;
    await page.evaluate(() => window.open('https://example.com/', '_blank'));
    expect(app.windows().length).toBe(before);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.locator('#root[data-app-state="ready"]').waitFor();
  });
});
