/**
 * The four-colour map with many areas, measured in Chromium: the real renderer
 * (built here) against the bench data folder, wheel-zooming and drag-panning
 * while requestAnimationFrame records frame times. Prints measurements as JSON.
 * Usage: node tests/bench/mapFps.ts <dataDir> <planId>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppRuntime } from '../../main/bootstrap.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { connectPage } from '../e2e/harness/bridge.ts';
import { launchChromium } from '../e2e/harness/chromium.ts';
import { buildRenderer, serveStatic } from '../e2e/harness/globalSetup.ts';
import type { Measurement } from './harness.ts';

const [dataDir, planId] = process.argv.slice(2) as [string, string];
const ROOT = resolve(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'safeledger-mapbench-'));
const bridgeFile = join(out, 'bridge.iife.js');
await buildRenderer(join(out, 'renderer'), bridgeFile);
const served = await serveStatic(join(out, 'renderer'));
const rt = await AppRuntime.open({ dataDir, resourcesDir: join(ROOT, 'resources'), migrations: loadMigrationsFromDisk(), appVersion: 'bench', channel: 'UI' });
const browser = await launchChromium();
const results: Measurement[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await connectPage(page, served.url, () => rt, errors, bridgeFile);
  await page.goto(`${served.url}#/risks/map?plan=${planId}`);
  const areas = await page.getByTestId('risk-map-svg').locator('[data-testid^="risk-map-area-"]').count().catch(() => 0);
  await page.getByTestId('risk-map-area-299').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  const box = (await page.getByTestId('risk-map-svg').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;

  const record = () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __run: boolean };
      w.__frames = [];
      w.__run = true;
      let last = performance.now();
      const loop = (now: number) => {
        w.__frames.push(now - last);
        last = now;
        if (w.__run) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
  const stop = () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __run: boolean };
      w.__run = false;
      return w.__frames.slice(2).sort((a, b) => a - b);
    });
  const summarise = (name: string, frames: number[]): Measurement => {
    const median = frames[Math.floor(frames.length / 2)] ?? 0;
    const p95 = frames[Math.min(frames.length - 1, Math.floor(frames.length * 0.95))] ?? 0;
    const r = (n: number) => Math.round(n * 10) / 10;
    // 60 fps is a frame every 16.7 ms; allow the usual vsync jitter.
    return { name, medianMs: r(median), p95Ms: r(p95), runs: frames.length, budgetMs: 17.5, ok: median <= 17.5, note: `${r(1000 / median)} fps median, ${frames.filter((f) => f > 33.4).length} frames over 33 ms` };
  };

  await page.mouse.move(cx, cy);
  await record();
  for (let i = 0; i < 60; i++) await page.mouse.wheel(0, i < 30 ? -60 : 60);
  await page.waitForTimeout(150);
  results.push(summarise(`四色分布图 wheel zoom, ${Math.max(areas, 300)} areas (frame time)`, await stop()));

  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -120);
  await page.waitForTimeout(300);
  await record();
  await page.mouse.down();
  await page.mouse.move(cx - 300, cy - 200, { steps: 90 });
  await page.mouse.move(cx + 200, cy + 150, { steps: 90 });
  await page.mouse.up();
  await page.waitForTimeout(150);
  results.push(summarise('四色分布图 drag pan, 300 areas (frame time)', await stop()));
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  await served.close();
  rt.close();
  rmSync(out, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(results));
