import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, dirname, extname, join, normalize, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { BRIDGE_FILE, BUILD_DIR, RENDERER_DIR, REPO_ROOT, SCREENSHOTS } from './paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.mjs': 'text/javascript; charset=utf-8',
};

declare module 'vitest' {
  export interface ProvidedContext {
    rendererUrl: string;
  }
}

let stop: (() => Promise<void>) | undefined;

/** Builds the real renderer and the preload's bridge, and serves the renderer from loopback. */
export default async function setup(project: TestProject) {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  await buildRenderer(RENDERER_DIR, BRIDGE_FILE);
  const served = await serveStatic(RENDERER_DIR);
  stop = served.close;
  project.provide('rendererUrl', served.url);

  return async () => {
    await stop?.();
  };
}

/** Builds the renderer into `outDir` and the preload's bridge as one IIFE file. */
export async function buildRenderer(outDir: string, bridgeFile: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(REPO_ROOT, 'renderer'),
    base: './',
    plugins: [react()],
    server: { fs: { allow: [REPO_ROOT] } },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, reportCompressedSize: false },
  });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: dirname(bridgeFile),
      emptyOutDir: false,
      reportCompressedSize: false,
      lib: { entry: join(REPO_ROOT, 'preload', 'bridge.ts'), formats: ['iife'], name: 'SafeLedgerBridge', fileName: () => basename(bridgeFile) },
    },
  });
  if (!existsSync(bridgeFile)) throw new Error('bridge bundle missing');
}

/** Serves a folder on loopback (no caching, nothing outside the folder). */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(root, normalize(`.${urlPath === '/' ? '/index.html' : urlPath}`));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
