import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AppRuntime } from '../../../main/bootstrap.ts';
import { dispatch } from '../../../main/ipc/dispatch.ts';
import { BRIDGE_FILE } from './paths.ts';

/**
 * Gives the page `window.api`: the preload's own bridge, whose transport is a
 * Playwright binding into main's dispatcher (which checks the caller like IPC does).
 */
export async function connectPage(page: Page, url: string, runtime: () => AppRuntime, pageErrors: string[], bridgeFile = BRIDGE_FILE): Promise<void> {
  await page.exposeBinding('__safeledgerInvoke', async ({ frame }, method: unknown, input: unknown) => {
    if (frame !== page.mainFrame() || !frame.url().startsWith(url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自非本程序页面的调用' } };
    }
    return dispatch(runtime(), method, input, { validateOutput: true, log: (err, m) => pageErrors.push(`main[${m}]: ${String(err)}`) });
  });
  const bridge = readFileSync(bridgeFile, 'utf8');
  await page.addInitScript(`(() => {
    ${bridge}
    const api = SafeLedgerBridge.createBridge({
      invoke: (method, input) => window.__safeledgerInvoke(method, input),
      subscribe: (listener) => { window.__safeledgerEmit = listener; },
    });
    Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
  })();`);
}
