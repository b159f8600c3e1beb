import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMigrations, type Migration } from '../migrate.ts';

/** The migrations as SQL files beside this module (used under plain Node: CLI, bench, tests). */
export function loadMigrationsFromDisk(dir: string = import.meta.dirname): Migration[] {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.sql')) files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return parseMigrations(files);
}
