/**
 * The standards library: the built-in GB/T 33000-2016 generic scoring sheet
 * (installed on first use from resources/content/standards/), imported
 * standards (JSON, or the Excel template with sheets 要素 and 考评项目), checked
 * row by row and written all-or-nothing, and the grade profiles (data).
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { StandardFile, type GradeProfile, type Standard } from '../../../preload/contract/standards.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { decodeBase64 } from '../attachments/service.ts';
import { readContent } from '../print/content.ts';

type StandardFileData = z.infer<typeof StandardFile>;
export interface ImportProblem {
  row: number | null;
  field: string;
  message: string;
}

export function gradeProfiles(app: AppContext): GradeProfile[] {
  return readContent<{ profiles: GradeProfile[] }>(app, 'standard-grades.json').profiles;
}

export function gradeProfile(app: AppContext, key: string): GradeProfile {
  return gradeProfiles(app).find((p) => p.key === key) ?? fail.field('gradeProfile', `没有名为「${key}」的定级标准，可选：${gradeProfiles(app).map((p) => p.name).join('、')}`);
}

const BUILTIN_FILE = 'standards/gbt33000-2016.json';
/** std_element.level is 1..4. */
const MAX_LEVEL = 4;

/** Writes a checked standard (inside the caller's transaction); returns its id. */
function insertStandard(app: AppContext, f: StandardFileData, builtin: boolean): string {
  const id = app.newId();
  app.db.prepare('INSERT INTO std_standard (id, code, name, edition, note, builtin, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, f.code, f.name, f.edition ?? null, f.note ?? null, builtin ? 1 : 0, app.clock.nowMs());
  const ids = new Map<string, { id: number; level: number }>();
  const insEl = app.db.prepare('INSERT INTO std_element (standardId, code, name, parentId, level, seq) VALUES (?, ?, ?, ?, ?, ?)');
  // Parents first: the file may list them in any order.
  const pending = [...f.elements];
  let seq = 0;
  while (pending.length) {
    const next = pending.findIndex((e) => !e.parent || ids.has(e.parent));
    const e = pending.splice(next, 1)[0]!;
    const parent = e.parent ? ids.get(e.parent)! : null;
    const level = parent ? parent.level + 1 : 1;
    const r = insEl.run(id, e.code, e.name, parent?.id ?? null, level, ++seq);
    ids.set(e.code, { id: Number(r.lastInsertRowid), level });
  }
  const insItem = app.db.prepare('INSERT INTO std_item (standardId, elementId, code, content, points, method, evidence, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  f.items.forEach((i, n) => insItem.run(id, ids.get(i.element)!.id, i.code, i.content, i.points, i.method ?? null, i.evidence ?? null, n + 1));
  return id;
}

export function ensureBuiltinStandard(app: AppContext): void {
  const f = readContent<StandardFileData>(app, BUILTIN_FILE);
  if (app.db.prepare('SELECT 1 FROM std_standard WHERE code = ?').get(f.code)) return;
  inTransaction(app.db, () => {
    const id = insertStandard(app, f, true);
    recordAudit(app, { action: 'SYSTEM', entityType: 'standard', entityId: id, summary: `安装内置评分标准「${f.name}」（${f.items.length} 个考评项目）` });
  });
}

export function listStandards(app: AppContext) {
  ensureBuiltinStandard(app);
  const rows = app.db
    .prepare(
      `SELECT s.id, s.code, s.name, s.edition, s.note, s.builtin,
         (SELECT count(*) FROM std_element e WHERE e.standardId = s.id) AS elementCount,
         (SELECT count(*) FROM std_item i WHERE i.standardId = s.id) AS itemCount,
         (SELECT ifnull(sum(points), 0) FROM std_item i WHERE i.standardId = s.id) AS totalPoints,
         (SELECT count(*) FROM std_session x WHERE x.standardId = s.id) AS sessionCount
       FROM std_standard s ORDER BY s.builtin DESC, s.createdAtMs`,
    )
    .all() as (Omit<Standard, 'elements' | 'items' | 'builtin'> & { builtin: number })[];
  return rows.map((r) => ({ ...r, builtin: r.builtin === 1 }));
}

export function getStandard(app: AppContext, id: string): Standard {
  const summary = listStandards(app).find((s) => s.id === id) ?? fail.notFound('评分标准');
  const elements = app.db.prepare('SELECT id, code, name, parentId, level FROM std_element WHERE standardId = ? ORDER BY seq').all(id) as Standard['elements'];
  const items = app.db.prepare('SELECT id, elementId, code, content, points, method, evidence FROM std_item WHERE standardId = ? ORDER BY seq').all(id) as Standard['items'];
  return { ...summary, elements, items };
}

// ---- import ----

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v).trim();
};

/** Reads the Excel template: sheet 要素 (编号, 名称, 上级编号) and sheet 考评项目 (编号, 所属要素, 考评内容, 标准分值, 评分标准, 证据); row 1 holds the headers. */
async function fromExcel(bytes: Buffer, problems: ImportProblem[]): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    problems.push({ row: null, field: 'file', message: '文件不是有效的 Excel（.xlsx）文件' });
    return null;
  }
  const info = wb.getWorksheet('说明');
  const sheet = (name: string, headers: string[]) => {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      problems.push({ row: null, field: name, message: `缺少工作表「${name}」` });
      return [];
    }
    const head = headers.map((h) => {
      let col = 0;
      ws.getRow(1).eachCell((c, n) => {
        if (cellText(c.value) === h) col = n;
      });
      if (!col) problems.push({ row: 1, field: `${name}.${h}`, message: `工作表「${name}」缺少表头「${h}」` });
      return col;
    });
    const rows: { row: number; values: string[] }[] = [];
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const values = head.map((c) => (c ? cellText(r.getCell(c).value) : ''));
      if (values.some((v) => v)) rows.push({ row: n, values });
    });
    return rows;
  };
  const els = sheet('要素', ['编号', '名称', '上级编号']);
  const items = sheet('考评项目', ['编号', '所属要素', '考评内容', '标准分值', '评分标准', '证据']);
  const meta = (label: string) => {
    let v = '';
    info?.eachRow((r) => {
      if (cellText(r.getCell(1).value) === label) v = cellText(r.getCell(2).value);
    });
    return v;
  };
  return {
    code: meta('标准代码'),
    name: meta('标准名称'),
    edition: meta('版本') || null,
    note: meta('说明') || null,
    elements: els.map((r) => ({ code: r.values[0], name: r.values[1], parent: r.values[2] || null, _row: r.row })),
    items: items.map((r) => ({ code: r.values[0], element: r.values[1], content: r.values[2], points: Number(r.values[3]), method: r.values[4] || null, evidence: r.values[5] || null, _row: r.row })),
  };
}

/** Parses and checks an import file; every problem with its row (Excel row, or 1-based index in the JSON list). */
export async function checkImport(app: AppContext, fileName: string, dataBase64: string): Promise<{ data: StandardFileData | null; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const bytes = decodeBase64(dataBase64);
  let raw: unknown;
  if (/\.xlsx$/i.test(fileName)) raw = await fromExcel(bytes, problems);
  else if (/\.json$/i.test(fileName)) {
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch {
      problems.push({ row: null, field: 'file', message: 'JSON 格式不正确，请检查文件' });
    }
  } else problems.push({ row: null, field: 'file', message: '只能导入 .json 或 .xlsx 文件' });
  if (!problems.length && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) {
    problems.push({ row: null, field: 'file', message: '文件内容应为一个评分标准（含 code、name、elements、items），请使用导入模板' });
  }
  if (problems.length || !raw) return { data: null, problems };
  const listOf = (list: 'elements' | 'items'): unknown => (raw as Record<string, unknown>)[list];
  const rowOf = (list: 'elements' | 'items', i: number) => {
    const v = listOf(list);
    const r = Array.isArray(v) ? (v[i] as { _row?: unknown } | null) : null;
    return typeof r === 'object' && r !== null && typeof r._row === 'number' ? r._row : i + 1;
  };
  // The Excel reader's row numbers are not part of the format; anything that is not a list of objects is left for zod to word.
  const strip = (v: unknown) => (Array.isArray(v) ? v.map((e: unknown) => (typeof e === 'object' && e !== null ? (({ _row, ...rest }: { _row?: unknown }) => rest)(e) : e)) : v);
  const stripped = { ...(raw as object), elements: strip(listOf('elements') ?? []), items: strip(listOf('items') ?? []) };
  const parsed = StandardFile.safeParse(stripped);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [list, index] = issue.path;
      problems.push({ row: (list === 'elements' || list === 'items') && typeof index === 'number' ? rowOf(list, index) : null, field: issue.path.join('.'), message: issue.message });
    }
    return { data: null, problems };
  }
  const f = parsed.data;
  const elCodes = new Map<string, number>();
  f.elements.forEach((e, i) => {
    if (elCodes.has(e.code)) problems.push({ row: rowOf('elements', i), field: `elements.${i}.code`, message: `要素编号「${e.code}」重复（第 ${elCodes.get(e.code)} 行已有）` });
    else elCodes.set(e.code, rowOf('elements', i));
  });
  f.elements.forEach((e, i) => {
    if (e.parent && !elCodes.has(e.parent)) problems.push({ row: rowOf('elements', i), field: `elements.${i}.parent`, message: `要素「${e.code} ${e.name}」的上级要素「${e.parent}」不存在` });
    if (e.parent === e.code) problems.push({ row: rowOf('elements', i), field: `elements.${i}.parent`, message: `要素「${e.code}」不能以自己为上级` });
  });
  // Cycles: every element must reach a root.
  const parentOf = new Map(f.elements.map((e) => [e.code, e.parent ?? null]));
  f.elements.forEach((e, i) => {
    const seen = new Set<string>();
    let c: string | null = e.code;
    while (c && !seen.has(c)) {
      seen.add(c);
      c = parentOf.get(c) ?? null;
    }
    if (c) problems.push({ row: rowOf('elements', i), field: `elements.${i}.parent`, message: `要素「${e.code}」的上级关系形成了循环` });
    else if (seen.size > MAX_LEVEL) problems.push({ row: rowOf('elements', i), field: `elements.${i}.parent`, message: `要素「${e.code}」在第 ${seen.size} 级，要素最多分 ${MAX_LEVEL} 级` });
  });
  const itemCodes = new Map<string, number>();
  f.items.forEach((it, i) => {
    const row = rowOf('items', i);
    if (itemCodes.has(it.code)) problems.push({ row, field: `items.${i}.code`, message: `考评项目编号「${it.code}」重复（第 ${itemCodes.get(it.code)} 行已有）` });
    else itemCodes.set(it.code, row);
    if (!elCodes.has(it.element)) problems.push({ row, field: `items.${i}.element`, message: `考评项目「${it.code}」所属要素「${it.element}」不存在` });
    if (!Number.isFinite(it.points) || it.points <= 0) problems.push({ row, field: `items.${i}.points`, message: `考评项目「${it.code}」的标准分值应为大于 0 的数字` });
    else if (it.points > 1000) problems.push({ row, field: `items.${i}.points`, message: `考评项目「${it.code}」的标准分值过大` });
  });
  // The built-in sheet first, so that a file cannot take its code before it is installed.
  ensureBuiltinStandard(app);
  if (app.db.prepare('SELECT 1 FROM std_standard WHERE code = ?').get(f.code)) problems.push({ row: null, field: 'code', message: `标准代码「${f.code}」已存在，请在文件中改用新的代码（如加上年份或版本）` });
  return { data: problems.length ? null : f, problems };
}

export async function validateImport(app: AppContext, fileName: string, dataBase64: string) {
  const { data, problems } = await checkImport(app, fileName, dataBase64);
  return { ok: problems.length === 0, problems, elementCount: data?.elements.length ?? 0, itemCount: data?.items.length ?? 0, totalPoints: data ? data.items.reduce((a, i) => a + i.points, 0) : 0 };
}

export async function importStandard(app: AppContext, fileName: string, dataBase64: string) {
  const { data, problems } = await checkImport(app, fileName, dataBase64);
  if (!data) {
    const shown = problems.slice(0, 5).map((p) => (p.row ? `第 ${p.row} 行：${p.message}` : p.message));
    fail.rule(`文件有 ${problems.length} 处问题，未导入任何内容：${shown.join('；')}${problems.length > 5 ? '……' : ''}`);
  }
  const id = inTransaction(app.db, () => {
    const newId = insertStandard(app, data, false);
    recordAudit(app, { action: 'IMPORT', entityType: 'standard', entityId: newId, summary: `导入评分标准「${data.name}」（${data.elements.length} 个要素、${data.items.length} 个考评项目）`, after: { code: data.code, name: data.name, fileName } });
    return newId;
  });
  return listStandards(app).find((s) => s.id === id)!;
}

export function removeStandard(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const s = listStandards(app).find((x) => x.id === id) ?? fail.notFound('评分标准');
    if (s.builtin) fail.rule('内置评分标准不能删除');
    if (s.sessionCount) fail.rule(`已有 ${s.sessionCount} 次自评使用该标准，不能删除`);
    app.db.prepare('DELETE FROM std_item WHERE standardId = ?').run(id);
    app.db.prepare('UPDATE std_element SET parentId = NULL WHERE standardId = ?').run(id);
    app.db.prepare('DELETE FROM std_element WHERE standardId = ?').run(id);
    app.db.prepare('DELETE FROM std_standard WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'standard', entityId: id, summary: `删除评分标准「${s.name}」`, before: s });
  });
}

/** The Excel import template, filled with the built-in sheet as the example. */
export async function templateWorkbook(app: AppContext): Promise<Buffer> {
  const f = readContent<StandardFileData>(app, BUILTIN_FILE);
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 14 }, { width: 90 }];
  info.addRows([
    ['标准代码', `${f.code}-示例（导入前请改为新的代码）`],
    ['标准名称', f.name],
    ['版本', f.edition ?? ''],
    ['说明', '工作表「要素」：编号、名称、上级编号（一级要素的上级编号留空）；工作表「考评项目」：编号、所属要素（填要素编号）、考评内容、标准分值（大于 0 的数字）、评分标准、证据。编号不能重复；有任何一行不符合要求时整个文件都不会导入，并逐行列出问题。'],
  ]);
  const els = wb.addWorksheet('要素');
  els.columns = [{ header: '编号', width: 10 }, { header: '名称', width: 30 }, { header: '上级编号', width: 10 }];
  for (const e of f.elements) els.addRow([e.code, e.name, e.parent ?? '']);
  const items = wb.addWorksheet('考评项目');
  items.columns = [{ header: '编号', width: 12 }, { header: '所属要素', width: 10 }, { header: '考评内容', width: 50 }, { header: '标准分值', width: 10 }, { header: '评分标准', width: 60 }, { header: '证据', width: 40 }];
  for (const i of f.items) items.addRow([i.code, i.element, i.content, i.points, i.method ?? '', i.evidence ?? '']);
  for (const ws of [els, items]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
