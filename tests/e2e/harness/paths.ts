import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const ARTIFACTS = join(REPO_ROOT, 'tests', 'e2e', '.artifacts');
/** E2E_BUILD_DIR lets parallel runs in one checkout build apart. */
export const BUILD_DIR = process.env.E2E_BUILD_DIR ?? join(ARTIFACTS, 'build');
export const RENDERER_DIR = join(BUILD_DIR, 'renderer');
export const BRIDGE_FILE = join(BUILD_DIR, 'bridge.iife.js');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
