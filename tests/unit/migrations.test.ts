import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMigrations } from '../../main/db/migrate.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { loadBundledMigrations } from '../../main/db/migrations/bundled.ts';

const DIR = join(import.meta.dirname, '../../main/db/migrations');

/**
 * A shipped migration is never edited: users' databases already ran it. Add a
 * new numbered file instead, and pin its hash here.
 */
const SHIPPED: Record<string, string> = {
  '0001_init.sql': 'b3e0bd5a36a60a0c00a38da73977cdb58a39d34f0c1a0c3d0714d33a91589e73',
  '0002_print_centre.sql': '10388af736c6e393d3b10296ea2f51df03e14a968594d601d713ecca68f409f5',
  '0004_risk.sql': '802561a9a648caa9076258a9c4d80db2d9837cd493a8d21c57bfcc85f22a627e',
  '0005_hazards.sql': '79908fd1a4b6065bd7d852698edcbf1268c4482229ddbe8328261616dda61038',
  '0003_responsibility.sql': '0f2dd3be9d834242d198a8c9661c3485ee9656777fe32c057e05e03e86286e1c',
  '0007_standardization.sql': '8de74f6bd2d0e941219ab07b7fa97c76296adac2480e23eee04fe53044649536',
  '0006_emergency_training.sql': '71986c7fc6b00d2e44567cb5fe7faa1cbba3e5c6f6544ed6cf1dc427320cc13f',
};

describe('migrations', () => {
  it('shipped migrations are unchanged', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.sql'));
    for (const f of files) {
      const hash = createHash('sha256').update(readFileSync(join(DIR, f))).digest('hex');
      expect({ file: f, hash }).toEqual({ file: f, hash: SHIPPED[f] });
    }
    expect(Object.keys(SHIPPED).sort()).toEqual(files.sort());
  });

  it('are numbered 1..n without gaps', () => {
    expect(() => parseMigrations({ '0001_a.sql': '', '0003_c.sql': '' })).toThrow(/expected 2, found 3/);
    expect(() => parseMigrations({ '0001_a.sql': '', '0001_b.sql': '' })).toThrow(/expected 2, found 1/);
    expect(() => parseMigrations({ 'init.sql': '' })).toThrow(/0001_name\.sql/);
    expect(parseMigrations({ '0002_b.sql': 'B', './0001_a.sql': 'A' }).map((m) => m.name)).toEqual(['a', 'b']);
  });

  it('the Electron bundle (import.meta.glob) carries exactly the files on disk', () => {
    expect(loadBundledMigrations()).toEqual(loadMigrationsFromDisk());
  });

  it('every table is STRICT', () => {
    for (const m of loadMigrationsFromDisk()) {
      const creates = m.sql.match(/CREATE TABLE[\s\S]*?\)\s*(STRICT(, WITHOUT ROWID)?)?;/g) ?? [];
      for (const c of creates) expect(c, c.slice(0, 60)).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?;$/);
    }
  });
});
