import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../context.ts';

const cache = new Map<string, unknown>();

/** Default texts shipped under resources/content (data, editable per enterprise where the module allows). */
export function readContent<T>(app: AppContext, name: string): T {
  const file = join(app.resourcesDir, 'content', name);
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')) as unknown);
  return cache.get(file) as T;
}

/** Replaces {{placeholders}}; unknown ones are left visible so a gap is noticed. */
export function fillTemplate(text: string, values: Record<string, string | number | null | undefined>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, key: string) => {
    const v = values[key];
    return v === null || v === undefined || v === '' ? m : String(v);
  });
}
