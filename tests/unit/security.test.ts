import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, installGuards, isAllowedExternalUrl, isTrustedAppUrl, secureWebPreferences } from '../../main/window.ts';
import type { GuardableContents, GuardableSession } from '../../main/window.ts';

describe('window security', () => {
  it('windows are isolated, sandboxed and have no Node', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toMatch(/index\.cjs$/);
  });

  it('the page ships the same strict CSP: no inline or remote scripts, no eval', () => {
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('only the app page is trusted to call the API', () => {
    const fileEntry = 'file:///C:/Program%20Files/SafeLedger/out/renderer/index.html';
    expect(isTrustedAppUrl('file:///C:/Program%20Files/SafeLedger/out/renderer/index.html#/people', fileEntry)).toBe(true);
    expect(isTrustedAppUrl('file:///C:/Users/x/Downloads/evil.html', fileEntry)).toBe(false);
    expect(isTrustedAppUrl('https://example.com/', fileEntry)).toBe(false);
    expect(isTrustedAppUrl(undefined, fileEntry)).toBe(false);
    expect(isTrustedAppUrl('http://localhost:5173/#/', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAllowedExternalUrl('https://www.mem.gov.cn/')).toBe(true);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it('guards deny new windows, foreign navigation, webviews and every permission', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents: GuardableContents = {
      setWindowOpenHandler: (h) => {
        openHandler = h;
      },
      on: ((event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
        listeners.set(event, listener);
      }) as GuardableContents['on'],
    };
    let permissionHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    const session: GuardableSession = {
      setPermissionRequestHandler: (h) => {
        permissionHandler = h;
      },
      setPermissionCheckHandler: (h) => {
        checkHandler = h;
      },
    };
    const openExternal = vi.fn();
    const entry = 'file:///app/out/renderer/index.html';
    installGuards(contents, session, entry, openExternal);

    expect(openHandler!({ url: 'https://www.mem.gov.cn/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.mem.gov.cn/');
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);

    for (const event of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      listeners.get(event)!(away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const home = { preventDefault: vi.fn() };
      listeners.get(event)!(home, `${entry}#/people`);
      expect(home.preventDefault).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const granted: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) permissionHandler!(null, p, (g) => granted.push(g));
    expect(granted).toEqual([false, false, false, false]);
    expect(checkHandler!()).toBe(false);
  });

  it('the preload exposes only invoke and on, never ipcRenderer', () => {
    const src = readFileSync(join(import.meta.dirname, '../../preload/index.ts'), 'utf8');
    expect(src.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(src).toMatch(/exposeInMainWorld\('api', api\)/);
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});
