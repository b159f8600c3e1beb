import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * Path of the Electron binary, or null where it was never downloaded (build
 * machines without internet). Looks without requiring `electron`, whose
 * index.js would try to download the binary on the spot.
 */
export function electronBinary(): string | null {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const rel = readFileSync(pathFile, 'utf8').trim();
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const full = override ? join(override, rel) : join(pkgDir, 'dist', rel);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}
