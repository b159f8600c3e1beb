import { parseMigrations, type Migration } from '../migrate.ts';

/** The migrations bundled into the Electron main build by Vite. */
export function loadBundledMigrations(): Migration[] {
  return parseMigrations(import.meta.glob<string>('./*.sql', { query: '?raw', import: 'default', eager: true }));
}
