/**
 * The template library: built-in templates ship under resources/content (so an
 * app update improves them); imported and saved ones live in the database.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { DutyItemInput, type TemplateInfo } from '../../../preload/contract/duties.ts';
import { fail, fromZodError } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { readContent } from '../print/content.ts';

export type TemplateItem = z.output<typeof DutyItemInput>;

const TemplateFile = z.object({
  version: z.number().int().optional(),
  templates: z
    .array(
      z.object({
        key: z.string().trim().min(1, '模板缺少 key').max(60).regex(/^[a-z0-9_-]+$/, 'key 只能包含小写字母、数字、下划线和连字符'),
        name: z.string().trim().min(1, '模板缺少名称').max(60),
        description: z.string().trim().max(200).nullable().optional(),
        match: z.array(z.string().trim().min(1)).optional().default([]),
        items: z.array(DutyItemInput).min(1, '模板至少要有一条职责'),
      }),
    )
    .min(1, '文件中没有模板'),
});

interface Template {
  key: string;
  name: string;
  source: TemplateInfo['source'];
  description: string | null;
  match: string[];
  items: TemplateItem[];
}

function builtin(app: AppContext): Template[] {
  const file = TemplateFile.parse(readContent<unknown>(app, 'duty-templates.json'));
  return file.templates.map((t) => ({ key: t.key, name: t.name, source: 'BUILTIN' as const, description: t.description ?? null, match: t.match, items: t.items }));
}

function stored(app: AppContext): Template[] {
  const rows = app.db.prepare('SELECT * FROM duty_template ORDER BY createdAtMs').all() as {
    key: string;
    name: string;
    source: 'IMPORTED' | 'CUSTOM';
    description: string | null;
    matchJson: string;
    itemsJson: string;
  }[];
  return rows.map((r) => ({ key: r.key, name: r.name, source: r.source, description: r.description, match: JSON.parse(r.matchJson) as string[], items: JSON.parse(r.itemsJson) as TemplateItem[] }));
}

export function allTemplates(app: AppContext): Template[] {
  return [...builtin(app), ...stored(app)];
}

export function templateInfo(t: Template): TemplateInfo {
  return { key: t.key, name: t.name, source: t.source, description: t.description, match: t.match, itemCount: t.items.length };
}

export function getTemplate(app: AppContext, key: string): Template {
  return allTemplates(app).find((t) => t.key === key) ?? fail.field('templateKey', `没有名为「${key}」的模板`);
}

/** The template whose keywords best match a post's name and trade (longest keyword wins). */
export function suggestTemplate(templates: readonly Pick<Template, 'key' | 'match'>[], postName: string, trade: string | null): string | null {
  let best: { key: string; len: number } | null = null;
  const hay = `${postName} ${trade ?? ''}`;
  for (const t of templates) {
    for (const m of t.match) {
      if (hay.includes(m) && (!best || m.length > best.len)) best = { key: t.key, len: m.length };
    }
  }
  return best?.key ?? null;
}

/** Imports every template in the file, or none: the report names each problem by template and field. */
export function importTemplates(app: AppContext, json: string): string[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    return fail.field('json', `模板文件不是合法的 JSON：${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = TemplateFile.safeParse(raw);
  if (!parsed.success) {
    const e = fromZodError(parsed.error);
    fail.field('json', `模板文件有 ${e.fields?.length ?? 1} 处错误，未导入任何模板：${(e.fields ?? []).map((f) => `${f.path.replace(/^templates\.(\d+)/, (_m, i: string) => `第 ${Number(i) + 1} 个模板`)}：${f.message}`).join('；')}`);
  }
  const builtinKeys = new Set(builtin(app).map((t) => t.key));
  const keys = parsed.data.templates.map((t) => t.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) fail.field('json', `模板 key「${dup}」在文件中重复，未导入任何模板`);
  const clash = keys.find((k) => builtinKeys.has(k));
  if (clash) fail.field('json', `模板 key「${clash}」与内置模板相同，请改用其他 key，未导入任何模板`);
  return inTransaction(app.db, () => {
    const nowMs = app.clock.nowMs();
    const upsert = app.db.prepare(
      `INSERT INTO duty_template (id, key, name, source, description, matchJson, itemsJson, createdAtMs, updatedAtMs) VALUES (?, ?, ?, 'IMPORTED', ?, ?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET name = excluded.name, description = excluded.description, matchJson = excluded.matchJson, itemsJson = excluded.itemsJson, updatedAtMs = excluded.updatedAtMs`,
    );
    for (const t of parsed.data.templates) upsert.run(app.newId(), t.key, t.name, t.description ?? null, JSON.stringify(t.match), JSON.stringify(t.items), nowMs, nowMs);
    recordAudit(app, { action: 'IMPORT', entityType: 'duty_template', entityId: null, summary: `导入责任清单模板 ${keys.length} 个（${parsed.data.templates.map((t) => t.name).join('、')}）` });
    return keys;
  });
}

export function saveTemplate(app: AppContext, name: string, items: TemplateItem[], match: string[]): TemplateInfo {
  return inTransaction(app.db, () => {
    if (allTemplates(app).some((t) => t.name === name)) fail.field('name', `已有名为「${name}」的模板`);
    const key = `custom-${app.newId()}`;
    const nowMs = app.clock.nowMs();
    app.db
      .prepare(`INSERT INTO duty_template (id, key, name, source, description, matchJson, itemsJson, createdAtMs, updatedAtMs) VALUES (?, ?, ?, 'CUSTOM', NULL, ?, ?, ?, ?)`)
      .run(app.newId(), key, name, JSON.stringify(match), JSON.stringify(items), nowMs, nowMs);
    recordAudit(app, { action: 'CREATE', entityType: 'duty_template', entityId: key, summary: `另存责任清单模板「${name}」（${items.length} 条）` });
    return templateInfo(getTemplate(app, key));
  });
}
