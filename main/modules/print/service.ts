import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { canonicalJson, fingerprintOf } from '../../pdf/fingerprint.ts';
import { releaseLayoutMemory, renderPdf } from '../../pdf/engine.ts';
import { paperChoiceError, resolvePaper, scaleFor, type Paper, type PaperChoice } from '../../pdf/paper.ts';
import { currentOperator } from '../audit/service.ts';
import { dataUrlOf } from '../attachments/service.ts';
import { getEnterprise, today } from '../enterprise/service.ts';
import { docTypeOf } from './registry.ts';
import type { DocType, PrintTarget } from './types.ts';

export interface PrintRequest extends PrintTarget {
  type: string;
  paper?: PaperChoice | undefined;
}

export interface Rendered {
  bytes: Buffer;
  type: DocType;
  title: string;
  fingerprint: string;
  dataHash: string;
  data: unknown;
  paper: Paper;
  pageCount: number;
  omitted: string[];
  /** Layout decisions the user should know about (e.g. a card moved to A6). */
  warnings: string[];
  generatedOn: string;
}

/** Options beyond the four every type has; a request (and its register entry) carries them only when set. */
const EXTRA_OPTIONS = ['from', 'to', 'status', 'year', 'quarter'] as const;

function target(req: PrintRequest): PrintTarget {
  const t: PrintTarget = { recordId: req.recordId ?? null, unitId: req.unitId ?? null, level: req.level ?? null, onlyUnsigned: req.onlyUnsigned ?? false };
  for (const key of EXTRA_OPTIONS) {
    const v = req[key];
    if (v !== null && v !== undefined) (t as unknown as Record<string, unknown>)[key] = v;
  }
  return t;
}

function resolvePaperFor(def: DocType, choice: PaperChoice | undefined): Paper {
  const c = choice ?? def.defaultPaper;
  const err = paperChoiceError(c);
  if (err) fail.field(c.size === 'CUSTOM' ? 'paper.customWidthMm' : 'paper.size', err);
  const paper = resolvePaper(c);
  if (Math.min(paper.widthMm, paper.heightMm) < def.minShortSideMm) {
    fail.field('paper.size', `「${def.title}」内容较多，纸张短边至少需要 ${def.minShortSideMm} 毫米（${paper.label}太小），请选择更大的纸张`);
  }
  return paper;
}

/** What the fingerprint covers: the document's identity and every piece of data it shows (not the paper, not the date). */
function fingerprintInput(def: DocType, title: string, enterpriseName: string, data: unknown) {
  return { type: def.type, title, enterpriseName, data };
}

/** Loads, checks and lays out a document; refuses while required data is missing. No file is written. */
export async function renderDocument(app: AppContext, req: PrintRequest): Promise<Rendered> {
  const def = docTypeOf(req.type);
  const paper = resolvePaperFor(def, req.paper);
  const t = target(req);
  if (def.records?.required && !t.recordId) fail.field('recordId', `请选择${def.records.label}`);
  const loaded = def.load(app, t);
  const title = loaded.title ?? def.title;
  if (loaded.missing.length) {
    fail.rule(`生成「${title}」还缺少：${loaded.missing.join('；')}。补充后再生成。`);
  }
  const enterpriseName = getEnterprise(app).name;
  const { fingerprint, dataHash } = fingerprintOf(fingerprintInput(def, title, enterpriseName, loaded.data));
  const images: Record<string, string> = {};
  for (const id of new Set(loaded.imageIds)) {
    const sha = (app.db.prepare('SELECT sha256 FROM attachment WHERE id = ?').get(id) as { sha256: string }).sha256;
    images[sha] = dataUrlOf(app, id);
  }
  const generatedOn = today(app);
  const stamp = { enterpriseName, title, version: def.layoutVersion, generatedOn, fingerprint };
  const k = scaleFor(paper);
  // pdfmake annotates the nodes it lays out; each build gets a copy so the data stays as fingerprinted.
  const layout = (data: unknown, pages?: { offset: number; total: number }) => renderPdf(app.resourcesDir, def.build(structuredClone(data), { paper, k, stamp, images, ...(pages ? { pages } : {}) }));
  const parts = def.chunk?.(loaded.data, paper) ?? [loaded.data];
  const warnings: string[] = [];
  let bytes: Buffer;
  if (def.fit) {
    bytes = await layoutFitted(def, parts, paper, (d) => layout(d), warnings);
  } else if (parts.length === 1) {
    bytes = await layout(parts[0]);
  } else if (def.paging === 'none') {
    const rendered: Buffer[] = [];
    for (const part of parts) {
      rendered.push(await layout(part));
      releaseLayoutMemory();
    }
    bytes = Buffer.from(await mergePdfs(rendered));
  } else {
    // Two passes keep memory flat and page numbers global: count each part's pages, then lay out with offsets and merge.
    const counts: number[] = [];
    for (const part of parts) {
      counts.push(await countLayout(app.resourcesDir, def.build(structuredClone(part), { paper, k, stamp, images })));
      releaseLayoutMemory();
    }
    const total = counts.reduce((a, b) => a + b, 0);
    const rendered: Buffer[] = [];
    let offset = 0;
    for (const [i, part] of parts.entries()) {
      rendered.push(await layout(part, { offset, total }));
      offset += counts[i]!;
      releaseLayoutMemory();
    }
    bytes = Buffer.from(await mergePdfs(rendered));
  }
  return { bytes, type: def, title, fingerprint, dataHash, data: loaded.data, paper, pageCount: countPages(bytes), omitted: loaded.omitted, warnings, generatedOn };
}

/**
 * Lays out fixed-format parts. A part whose page count is not exactly its
 * records × pagesPerRecord has a record that overflowed: the part is halved
 * until the overflowing records stand alone (cheap when few overflow), and
 * each of those is enlarged step by step until it fits, with a warning.
 */
async function layoutFitted(def: DocType, parts: unknown[], paper: Paper, layout: (d: unknown) => Promise<Buffer>, warnings: string[]): Promise<Buffer> {
  const fit = def.fit!;
  const rendered: Buffer[] = [];
  const place = async (part: unknown, bytes?: Buffer): Promise<void> => {
    const out = bytes ?? (await layout(part));
    const records = fit.records(part);
    if (countPages(out) === records * fit.pagesPerRecord) {
      rendered.push(out);
      return;
    }
    if (records > 1) {
      const singles = fit.split(part);
      const half = Math.ceil(singles.length / 2);
      await place(mergeParts(def, singles.slice(0, half)));
      await place(mergeParts(def, singles.slice(half)));
      return;
    }
    // One record that does not fit: enlarge step by step (e.g. card → A6 → A5), at most three steps.
    let big = fit.enlarge(part, paper);
    let enlarged = await layout(big.data);
    for (let step = 1; step < 3 && countPages(enlarged) !== fit.pagesPerRecord; step++) {
      big = fit.enlarge(big.data, paper);
      enlarged = await layout(big.data);
    }
    if (big.warning) warnings.push(big.warning);
    rendered.push(enlarged);
  };
  for (const part of parts) {
    await place(part);
    releaseLayoutMemory();
  }
  return rendered.length === 1 ? rendered[0]! : Buffer.from(await mergePdfs(rendered));
}

/** Single records joined back into one part (the inverse of `fit.split`). */
function mergeParts(def: DocType, singles: unknown[]): unknown {
  return singles.length === 1 ? singles[0] : def.fit!.join(singles);
}

/**
 * Pages a definition lays out to, at the cost of the layout alone: the footer
 * is told the page count during layout, and only the first page is written.
 * (Writing the pages is more than half the time of a long table.)
 */
async function countLayout(resourcesDir: string, doc: TDocumentDefinitions): Promise<number> {
  const footer = doc.footer;
  if (typeof footer !== 'function') return countPages(await renderPdf(resourcesDir, doc));
  let pages = 0;
  // pdfmake's own option (missing from its types): pages beyond it are laid out but not written.
  const counting: TDocumentDefinitions & { maxPagesNumber?: number } = {
    ...doc,
    footer: (page, count, size) => {
      pages = count;
      return footer(page, count, size);
    },
  };
  counting.maxPagesNumber = 1;
  await renderPdf(resourcesDir, counting);
  return pages || countPages(await renderPdf(resourcesDir, doc));
}

/** Pages of a PDF written by pdfkit or pdf-lib: page objects are plain dictionaries. */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

export function checkDocument(app: AppContext, req: PrintRequest): { title: string; missing: string[]; omitted: string[] } {
  const def = docTypeOf(req.type);
  const loaded = def.load(app, target(req));
  return { title: loaded.title ?? def.title, missing: loaded.missing, omitted: loaded.omitted };
}

export function paperInfo(p: Paper) {
  return { key: p.key, label: p.label, widthMm: p.widthMm, heightMm: p.heightMm, orientation: p.orientation };
}

interface RegisterRow {
  id: string;
  type: string;
  title: string;
  layoutVersion: string;
  paramsJson: string;
  fingerprint: string;
  dataHash: string;
  dataJson: string;
  pageCount: number;
  sizeBytes: number;
  paperLabel: string;
  outcome: 'SAVED' | 'OPENED' | 'EXPORTED' | 'CLI';
  fileName: string | null;
  batchId: string | null;
  generatedOn: string;
  createdAtMs: number;
  operatorName: string;
}

function toGenerated(r: RegisterRow) {
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    layoutVersion: r.layoutVersion,
    params: JSON.parse(r.paramsJson) as unknown,
    fingerprint: r.fingerprint,
    pageCount: r.pageCount,
    sizeBytes: r.sizeBytes,
    paperLabel: r.paperLabel,
    outcome: r.outcome,
    fileName: r.fileName,
    batchId: r.batchId,
    generatedOn: r.generatedOn,
    createdAtMs: r.createdAtMs,
    operatorName: r.operatorName,
  };
}

/** Records a document that left the app. The register is append-only. */
export function registerDocument(app: AppContext, r: Rendered, req: PrintRequest, outcome: RegisterRow['outcome'], fileName: string | null, batchId: string | null, sizeBytes = r.bytes.length) {
  return inTransaction(app.db, () => {
    const op = currentOperator(app);
    const id = app.newId();
    const params = { type: req.type, paper: req.paper ?? r.type.defaultPaper, ...target(req) };
    app.db
      .prepare(
        `INSERT INTO generated_document (id, type, title, layoutVersion, paramsJson, fingerprint, dataHash, dataJson, pageCount, sizeBytes, paperLabel,
           outcome, fileName, batchId, generatedOn, createdAtMs, operatorId, operatorName)
         VALUES (@id, @type, @title, @layoutVersion, @paramsJson, @fingerprint, @dataHash, @dataJson, @pageCount, @sizeBytes, @paperLabel,
           @outcome, @fileName, @batchId, @generatedOn, @createdAtMs, @operatorId, @operatorName)`,
      )
      .run({
        id,
        type: r.type.type,
        title: r.title,
        layoutVersion: r.type.layoutVersion,
        paramsJson: JSON.stringify(params),
        fingerprint: r.fingerprint,
        dataHash: r.dataHash,
        dataJson: canonicalJson(r.data),
        pageCount: r.pageCount,
        sizeBytes,
        paperLabel: r.paper.label,
        outcome,
        fileName,
        batchId,
        generatedOn: r.generatedOn,
        createdAtMs: app.clock.nowMs(),
        operatorId: op.id,
        operatorName: op.name,
      });
    return toGenerated(app.db.prepare('SELECT * FROM generated_document WHERE id = ?').get(id) as RegisterRow);
  });
}

/** `20261122_公示牌_安全生产责任公示牌_v1.pdf` (domain §10 naming). */
export function suggestedFileName(r: Pick<Rendered, 'generatedOn' | 'title' | 'type'>): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');
  return `${r.generatedOn.replaceAll('-', '')}_${safe(r.type.group)}_${safe(r.title)}_${r.type.layoutVersion}.pdf`;
}

/** Writes under a temporary name and renames, so a failed write leaves no half file. */
export function writeFileAtomic(file: string, bytes: Buffer | Uint8Array): void {
  const tmp = `${file}.partial`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    const code = (err as { code?: string }).code;
    if (code === 'ENOSPC') fail.rule('磁盘空间不足，文件未保存');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') fail.rule(`没有写入「${file}」的权限，请换一个位置保存`);
    if (code === 'ENOENT') fail.rule(`保存位置「${file}」不存在，请换一个位置`);
    throw err;
  }
}

export async function saveDocument(app: AppContext, req: PrintRequest) {
  const r = await renderDocument(app, req);
  const file = await app.platform.chooseSavePath({ title: `保存「${r.title}」`, defaultName: suggestedFileName(r), extensions: ['pdf'] });
  if (!file) return { cancelled: true as const };
  writeFileAtomic(file, r.bytes);
  const doc = registerDocument(app, r, req, 'SAVED', basename(file), null);
  return { cancelled: false as const, filePath: file, documents: [doc] };
}

export async function openDocument(app: AppContext, req: PrintRequest) {
  const r = await renderDocument(app, req);
  mkdirSync(app.platform.tempDir, { recursive: true });
  const file = join(app.platform.tempDir, suggestedFileName(r));
  writeFileAtomic(file, r.bytes);
  const doc = registerDocument(app, r, req, 'OPENED', basename(file), null);
  await app.platform.openPath(file);
  return { cancelled: false as const, filePath: file, documents: [doc] };
}

/** Renders each queued document on its own, merges the pages into one PDF, and registers each document. */
export async function exportQueue(app: AppContext, items: PrintRequest[]) {
  const rendered: Rendered[] = [];
  for (const [i, req] of items.entries()) {
    try {
      rendered.push(await renderDocument(app, req));
    } catch (err) {
      if (err instanceof Error) err.message = `队列第 ${i + 1} 份：${err.message}`;
      throw err;
    }
  }
  const merged = await mergePdfs(rendered.map((r) => r.bytes));
  const day = rendered[0]!.generatedOn.replaceAll('-', '');
  const file = await app.platform.chooseSavePath({ title: '保存合并的 PDF', defaultName: `${day}_打印队列_${rendered.length}份.pdf`, extensions: ['pdf'] });
  if (!file) return { cancelled: true as const };
  writeFileAtomic(file, merged);
  const batchId = app.newId();
  const documents = rendered.map((r, i) => registerDocument(app, r, items[i]!, 'EXPORTED', basename(file), batchId));
  return { cancelled: false as const, filePath: file, documents };
}

export async function mergePdfs(parts: Buffer[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  out.setCreator('SafeLedger 安全生产台账');
  for (const part of parts) {
    const src = await PDFDocument.load(part);
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const p of pages) out.addPage(p);
  }
  // Plain object tables (no object streams): any reader, and page objects stay countable.
  return out.save({ useObjectStreams: false });
}

export function listRegister(app: AppContext, f: { type: string | null; search: string | null; page: number; pageSize: number }) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.type) {
    where.push('type = @type');
    params.type = f.type;
  }
  if (f.search) {
    where.push(`(title LIKE @q ESCAPE '\\' OR fingerprint LIKE @q ESCAPE '\\' OR ifnull(fileName, '') LIKE @q ESCAPE '\\')`);
    params.q = `%${f.search.replace(/[\\%_\s]/g, (c) => (c.trim() ? `\\${c}` : ''))}%`;
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (app.db.prepare(`SELECT count(*) AS n FROM generated_document ${w}`).get(params) as { n: number }).n;
  const rows = app.db
    .prepare(`SELECT * FROM generated_document ${w} ORDER BY createdAtMs DESC, rowid DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as RegisterRow[];
  return { items: rows.map(toGenerated), total };
}

/** Top-level data keys whose content differs between two canonical snapshots. */
function changedKeys(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => canonicalJson(b[k]) !== canonicalJson(a[k]));
}

/** Is what was printed still what the data says? Rebuilds the canonical data with the same parameters. */
export function currentness(app: AppContext, row: RegisterRow): { status: 'CURRENT' | 'CHANGED' | 'UNAVAILABLE'; message: string; changedSections: string[] } {
  let def: DocType;
  try {
    def = docTypeOf(row.type);
  } catch {
    return { status: 'UNAVAILABLE', message: '本版本程序已不再提供这类文件', changedSections: [] };
  }
  const params = JSON.parse(row.paramsJson) as PrintRequest;
  try {
    const loaded = def.load(app, target(params));
    const title = loaded.title ?? def.title;
    const { dataHash } = fingerprintOf(fingerprintInput(def, title, getEnterprise(app).name, loaded.data));
    if (dataHash === row.dataHash) return { status: 'CURRENT', message: '与当前数据一致，纸面内容仍然有效', changedSections: [] };
    const before = JSON.parse(row.dataJson) as unknown;
    const after = JSON.parse(canonicalJson(loaded.data)) as unknown;
    const labels = def.describeChange?.(before, after) ?? changedKeys(before, after).map((k) => def.sectionLabels[k] ?? k);
    return {
      status: 'CHANGED',
      message: labels.length ? `生成后数据已变化（${labels.join('、')}），需重印` : '生成后企业名称或标题已变化，需重印',
      changedSections: labels,
    };
  } catch (err) {
    return { status: 'UNAVAILABLE', message: `无法重建该文件的数据：${err instanceof Error ? err.message : String(err)}`, changedSections: [] };
  }
}

export function verifyFingerprint(app: AppContext, raw: string) {
  const fp = raw.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(fp)) fail.field('fingerprint', '内容指纹是纸面页脚上的 12 位数字和字母（0–9、a–f），例如「3f2a 91c0 5b7e」');
  const rows = app.db.prepare('SELECT * FROM generated_document WHERE fingerprint = ? ORDER BY createdAtMs DESC').all(fp) as RegisterRow[];
  return { fingerprint: fp, matches: rows.map((row) => ({ document: toGenerated(row), ...currentness(app, row) })) };
}

/**
 * 需重印: the latest print of each document (same type and parameters) whose
 * data has changed since. Types whose prints are working papers are skipped.
 */
export function staleDocuments(app: AppContext, types: readonly string[] | null) {
  const heads = app.db
    .prepare(
      `SELECT id, type, paramsJson FROM generated_document g
       WHERE createdAtMs = (SELECT max(createdAtMs) FROM generated_document h WHERE h.type = g.type
         AND ifnull(json_extract(h.paramsJson, '$.recordId'), '') = ifnull(json_extract(g.paramsJson, '$.recordId'), '')
         AND ifnull(json_extract(h.paramsJson, '$.unitId'), '') = ifnull(json_extract(g.paramsJson, '$.unitId'), '')
         AND ifnull(json_extract(h.paramsJson, '$.level'), '') = ifnull(json_extract(g.paramsJson, '$.level'), '')
         AND ifnull(json_extract(h.paramsJson, '$.onlyUnsigned'), 0) = ifnull(json_extract(g.paramsJson, '$.onlyUnsigned'), 0)
         ${EXTRA_OPTIONS.map((k) => `AND ifnull(json_extract(h.paramsJson, '$.${k}'), '') = ifnull(json_extract(g.paramsJson, '$.${k}'), '')`).join(' ')})
       ORDER BY createdAtMs DESC, rowid DESC`,
    )
    .all() as { id: string; type: string; paramsJson: string }[];
  const seen = new Set<string>();
  const out: { document: ReturnType<typeof toGenerated>; message: string; changedSections: string[] }[] = [];
  let checked = 0;
  for (const h of heads) {
    if (types && !types.includes(h.type)) continue;
    const p = JSON.parse(h.paramsJson) as PrintRequest;
    const key = `${h.type}|${p.recordId ?? ''}|${p.unitId ?? ''}|${p.level ?? ''}|${p.onlyUnsigned ? 1 : 0}|${EXTRA_OPTIONS.map((k) => p[k] ?? '').join('|')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let def: DocType;
    try {
      def = docTypeOf(h.type);
    } catch {
      continue;
    }
    if (def.trackStale === false) continue;
    checked++;
    const row = app.db.prepare('SELECT * FROM generated_document WHERE id = ?').get(h.id) as RegisterRow;
    const c = currentness(app, row);
    if (c.status !== 'CURRENT') out.push({ document: toGenerated(row), message: c.message, changedSections: c.changedSections });
  }
  return { checked, items: out };
}
