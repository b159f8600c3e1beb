import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Flags that keep headless Chromium quiet on a machine without internet. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/**
 * Chromium to drive: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a
 * Playwright-managed one, then an installed Chrome or Edge (Windows PCs).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    /* no Playwright-managed browser */
  }
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (found) return { executablePath: found, headless: true, args: CHROMIUM_ARGS };
  return { channel: process.platform === 'win32' ? 'msedge' : 'chrome', headless: true, args: CHROMIUM_ARGS };
}

export async function launchChromium(): Promise<Browser> {
  const options = chromiumLaunchOptions();
  try {
    return await chromium.launch(options);
  } catch (err) {
    throw new Error(
      `找不到可用的 Chromium 浏览器来运行界面测试（尝试了 ${options.executablePath ?? options.channel}）。请设置环境变量 CHROMIUM_PATH 指向 Chromium/Chrome/Edge 可执行文件。\n${String(err)}`,
      { cause: err },
    );
  }
}
