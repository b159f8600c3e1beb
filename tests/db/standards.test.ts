import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppRuntime } from '../../main/bootstrap.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { dispatch } from '../../main/ipc/dispatch.ts';
import { storeAttachment } from '../../main/modules/attachments/service.ts';
import { templateWorkbook } from '../../main/modules/standards/library.ts';
import type { InputOf } from '../../preload/contract/index.ts';
import { expectFail, openSetupApp, openTestApp, profileOf, RESOURCES_DIR, scripted, tempDir, type TestApp } from '../helpers/runtime.ts';
import { tableGuard, TINY_PNG } from '../helpers/tables.ts';

let app: TestApp;
afterEach(() => app?.close());

const db = () => app.rt.app().db;

const LIBRARY_TABLES = ['std_standard', 'std_element', 'std_item', 'audit_log'];
const SESSION_TABLES = ['std_standard', 'std_element', 'std_item', 'std_session', 'std_result', 'std_deduction', 'std_evidence', 'hazard', 'hazard_event', 'audit_log'];

const { refused, audits, auditsWithStates, dump } = tableGuard(() => app, SESSION_TABLES);

const BUILTIN = JSON.parse(readFileSync(join(RESOURCES_DIR, 'content/standards/gbt33000-2016.json'), 'utf8')) as {
  code: string;
  name: string;
  elements: { code: string; name: string; parent: string | null }[];
  items: { code: string; element: string; points: number }[];
};

const UNKNOWN_ID = '019a0000-0000-7000-8000-00000000dead';
const b64 = (x: string | Buffer | ArrayBuffer) => (x instanceof ArrayBuffer ? Buffer.from(x) : Buffer.from(x)).toString('base64');

interface FileElement {
  code: string;
  name: string;
  parent?: string | null;
}
interface FileItem {
  code: string;
  element: string;
  content: string;
  points: number;
  method?: string | null;
  evidence?: string | null;
}
interface StdFile {
  code: string;
  name: string;
  edition?: string | null;
  note?: string | null;
  elements: FileElement[];
  items: FileItem[];
}

/**
 * A small industry sheet: two top-level elements (30 + 70 points), three levels,
 * listed children first (the file may order them any way).
 */
function smallFile(code = 'JX-2026'): StdFile {
  return {
    code,
    name: '机械制造企业安全生产标准化评分细则',
    edition: '2026',
    elements: [
      { code: '2.1.1', name: '特种设备', parent: '2.1' },
      { code: '1', name: '目标职责', parent: null },
      { code: '1.1', name: '目标', parent: '1' },
      { code: '2.1', name: '设备设施管理', parent: '2' },
      { code: '2', name: '现场管理' },
    ],
    items: [
      { code: '1.1-1', element: '1.1', content: '制定安全生产目标并经主要负责人审批', points: 10, method: '未制定目标的不得分；未审批扣 2 分', evidence: '查资料：目标文件' },
      { code: '1.1-2', element: '1.1', content: '目标分解到各部门和班组', points: 20 },
      { code: '2.1-1', element: '2.1', content: '设备设施台账齐全', points: 30 },
      { code: '2.1.1-1', element: '2.1.1', content: '特种设备按期检验并登记', points: 40, method: '每台未检验扣 10 分' },
    ],
  };
}

const importJson = (f: unknown, fileName = '评分细则.json') => app.call('standard.import', { fileName, dataBase64: b64(JSON.stringify(f)) });

async function importSmall(code = 'JX-2026') {
  const r = await importJson(smallFile(code));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The template as a workbook to edit: change cells, then `xlsxBase64`. */
async function workbookOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const xlsxBase64 = async (wb: ExcelJS.Workbook) => b64(Buffer.from(await wb.xlsx.writeBuffer()));

/** An xlsx built from scratch: sheets and their rows (row 1 the headers). */
async function xlsx(sheets: Record<string, (string | number | null)[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return xlsxBase64(wb);
}

const INFO = [
  ['标准代码', 'XLS-01'],
  ['标准名称', '表格导入的评分细则'],
];
const EL_HEAD = ['编号', '名称', '上级编号'];
const ITEM_HEAD = ['编号', '所属要素', '考评内容', '标准分值', '评分标准', '证据'];

/** An enterprise with a workshop and four people (one left), today 2026-11-22. */
async function plant() {
  app = await openSetupApp();
  const company = (await app.ok('unit.list', {}))[0]!;
  const ws = await app.ok('unit.create', { name: '机加工车间', kind: 'WORKSHOP', parentId: company.id });
  const person = (name: string, staffNo: string, unitId = ws.id) => app.ok('person.create', { name, staffNo, unitId, employmentType: 'REGULAR', hireDate: '2018-03-01' });
  const gm = await person('陈国栋', 'YJ0001', company.id);
  const officer = await person('黄志勇', 'YJ0002');
  const worker = await person('王强', 'YJ0003');
  const leaver = await person('刘洋', 'YJ0004');
  await app.ok('person.leave', { id: leaver.id, date: '2026-06-30', reason: '合同到期' });
  const e = await app.ok('enterprise.get', {});
  await app.ok('enterprise.update', { ...profileOf(e), principalPersonId: gm.id });
  return { company, ws, gm, officer, worker, leaver };
}
type Plant = Awaited<ReturnType<typeof plant>>;

function sessionInput(p: Plant, standardId: string, over: Partial<InputOf<'stdSession.create'>> = {}): InputOf<'stdSession.create'> {
  return {
    year: 2026,
    title: '2026 年度安全生产标准化自评',
    standardId,
    gradeProfile: 'MEM2021',
    team: [
      { name: '陈国栋', role: '组长', personId: p.gm.id },
      { name: '黄志勇', role: '副组长', personId: p.officer.id },
      { name: '李工（外聘专家）', role: '组员' },
    ],
    startsOn: '2026-10-08',
    endsOn: '2026-11-20',
    accidentFreeYears: null,
    overview: '机械加工，职工 120 人',
    process: '对照评分细则逐项查资料、问人员、看现场',
    ...over,
  };
}

/** Item ids of a standard by code. */
async function itemIds(standardId: string) {
  const s = await app.ok('standard.get', { id: standardId });
  return Object.fromEntries(s.items.map((i) => [i.code, i.id])) as Record<string, number>;
}

type ScoreInput = InputOf<'stdSession.scoreItem'>;
const score = (sessionId: string, itemId: number, over: Partial<ScoreInput> = {}): ScoreInput => ({ sessionId, itemId, applicable: true, ...over });

/** Small standard, a session on it and the item ids. */
async function withSession(over: Partial<InputOf<'stdSession.create'>> = {}) {
  const p = await plant();
  const std = await importSmall();
  const ids = await itemIds(std.id);
  const s = await app.ok('stdSession.create', sessionInput(p, std.id, over));
  return { p, std, ids, s };
}

describe('standards library', () => {
  it('installs the built-in GB/T 33000-2016 sheet once (audited as SYSTEM), with 8 top-level elements and 1,000 points', async () => {
    app = await openSetupApp();
    const first = await app.ok('standard.list', {});
    const again = await app.ok('standard.list', {});
    expect(again).toEqual(first);
    expect(first).toHaveLength(1);
    const b = first[0]!;
    expect(b).toMatchObject({ code: BUILTIN.code, name: BUILTIN.name, builtin: true, elementCount: BUILTIN.elements.length, itemCount: BUILTIN.items.length, totalPoints: 1000, sessionCount: 0 });
    expect(b.itemCount).toBeGreaterThanOrEqual(90);
    const full = await app.ok('standard.get', { id: b.id });
    expect(full.elements.filter((e) => e.parentId === null).map((e) => e.name)).toEqual(['目标职责', '制度化管理', '教育培训', '现场管理', '安全风险管控及隐患排查治理', '应急管理', '事故管理', '持续改进']);
    expect(full.items.reduce((a, i) => a + i.points, 0)).toBe(1000);
    // Every item hangs on an element of this standard; second-level elements are level 2.
    const els = new Map(full.elements.map((e) => [e.id, e]));
    expect(full.items.every((i) => els.has(i.elementId))).toBe(true);
    expect(full.elements.filter((e) => e.parentId !== null).every((e) => e.level === els.get(e.parentId!)!.level + 1)).toBe(true);
    expect(audits('standard')).toEqual([{ action: 'SYSTEM', summary: `安装内置评分标准「${BUILTIN.name}」（${BUILTIN.items.length} 个考评项目）` }]);
    expect(db().prepare(`SELECT action, entityId, beforeJson FROM audit_log WHERE entityType = 'standard'`).get()).toEqual({ action: 'SYSTEM', entityId: b.id, beforeJson: null });

    // Reopening the data folder does not install it again.
    const dir = app.dataDir;
    app.rt.close();
    const again2 = await openTestApp({ dataDir: dir });
    try {
      expect((await again2.ok('standard.list', {})).map((s) => s.id)).toEqual([b.id]);
      expect((again2.rt.app().db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entityType = 'standard'`).get() as { n: number }).n).toBe(1);
    } finally {
      again2.rt.close();
    }
    app = await openTestApp({ dataDir: dir, keep: true });
    expect(expectFail(await app.call('standard.remove', { id: b.id })).message).toBe('内置评分标准不能删除');
    app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a JSON sheet: parents resolved in any order, levels, points, audited; validateImport checks without writing', async () => {
    app = await openSetupApp();
    await app.ok('standard.list', {});
    const snap = dump(LIBRARY_TABLES);
    const v = await app.ok('standard.validateImport', { fileName: '评分细则.json', dataBase64: b64(JSON.stringify(smallFile())) });
    expect(v).toEqual({ ok: true, problems: [], elementCount: 5, itemCount: 4, totalPoints: 100 });
    expect(dump(LIBRARY_TABLES)).toEqual(snap);

    const s = await importSmall();
    expect(s).toMatchObject({ code: 'JX-2026', name: '机械制造企业安全生产标准化评分细则', edition: '2026', builtin: false, elementCount: 5, itemCount: 4, totalPoints: 100, sessionCount: 0 });
    const full = await app.ok('standard.get', { id: s.id });
    const byCode = new Map(full.elements.map((e) => [e.code, e]));
    expect(full.elements.map((e) => [e.code, e.level, e.parentId === null ? null : full.elements.find((x) => x.id === e.parentId)!.code])).toEqual(
      expect.arrayContaining([
        ['1', 1, null],
        ['1.1', 2, '1'],
        ['2', 1, null],
        ['2.1', 2, '2'],
        ['2.1.1', 3, '2.1'],
      ]),
    );
    // Items keep the file's order and their element.
    expect(full.items.map((i) => [i.code, byCode.get('2.1.1')!.id === i.elementId ? '2.1.1' : [...byCode.values()].find((e) => e.id === i.elementId)!.code, i.points])).toEqual([
      ['1.1-1', '1.1', 10],
      ['1.1-2', '1.1', 20],
      ['2.1-1', '2.1', 30],
      ['2.1.1-1', '2.1.1', 40],
    ]);
    expect(full.items[0]).toMatchObject({ method: '未制定目标的不得分；未审批扣 2 分', evidence: '查资料：目标文件' });
    expect(full.items[1]).toMatchObject({ method: null, evidence: null });
    expect(audits('standard', s.id)).toEqual([{ action: 'IMPORT', summary: '导入评分标准「机械制造企业安全生产标准化评分细则」（5 个要素、4 个考评项目）' }]);
    expect((await app.ok('standard.list', {})).map((x) => x.code)).toEqual([BUILTIN.code, 'JX-2026']);

    // An unused imported standard can be removed (audited); one with a session cannot.
    await app.ok('standard.remove', { id: s.id });
    expect(audits('standard', s.id).map((a) => a.action)).toEqual(['IMPORT', 'DELETE']);
    expect(db().prepare('SELECT count(*) AS n FROM std_item WHERE standardId = ?').get(s.id)).toEqual({ n: 0 });
    expect(db().prepare('SELECT count(*) AS n FROM std_element WHERE standardId = ?').get(s.id)).toEqual({ n: 0 });
  });

  it('refuses bad JSON files with a Chinese message per problem, and imports nothing of them', async () => {
    app = await openSetupApp();
    await app.ok('standard.list', {});
    await importSmall('EXISTING');
    const counts = () => db().prepare('SELECT (SELECT count(*) FROM std_standard) AS s, (SELECT count(*) FROM std_element) AS e, (SELECT count(*) FROM std_item) AS i').get();
    const start = counts();
    const bad = async (f: unknown, fileName = '评分细则.json') => {
      const err = await refused('standard.import', { fileName, dataBase64: b64(typeof f === 'string' ? f : JSON.stringify(f)) }, LIBRARY_TABLES);
      expect(err.code).toBe('RULE');
      return err.message;
    };
    const f = smallFile;

    // A missing parent element.
    const noParent = f('A');
    noParent.elements.push({ code: '3.1', name: '应急准备', parent: '3' });
    expect(await bad(noParent)).toBe('文件有 1 处问题，未导入任何内容：第 6 行：要素「3.1 应急准备」的上级要素「3」不存在');
    // Duplicate element codes.
    const dupEl = f('B');
    dupEl.elements.push({ code: '1.1', name: '目标（重复）', parent: '1' });
    expect(await bad(dupEl)).toBe('文件有 1 处问题，未导入任何内容：第 6 行：要素编号「1.1」重复（第 3 行已有）');
    // Duplicate item codes.
    const dupItem = f('C');
    dupItem.items.push({ code: '1.1-2', element: '1.1', content: '重复', points: 5 });
    expect(await bad(dupItem)).toBe('文件有 1 处问题，未导入任何内容：第 5 行：考评项目编号「1.1-2」重复（第 2 行已有）');
    // Items on an unknown element.
    const unknownEl = f('D');
    unknownEl.items[2]!.element = '9.9';
    expect(await bad(unknownEl)).toBe('文件有 1 处问题，未导入任何内容：第 3 行：考评项目「2.1-1」所属要素「9.9」不存在');
    // A cycle: 2 → 2.1.1 → 2.1 → 2.
    const cycle = f('E');
    cycle.elements.find((e) => e.code === '2')!.parent = '2.1.1';
    const cycleMsg = await bad(cycle);
    expect(cycleMsg).toMatch(/^文件有 3 处问题，未导入任何内容：/);
    expect(cycleMsg).toContain('要素「2.1.1」的上级关系形成了循环');
    expect(cycleMsg).toContain('第 5 行：要素「2」的上级关系形成了循环');
    // Its own parent.
    const self = f('E2');
    self.elements.find((e) => e.code === '1')!.parent = '1';
    expect(await bad(self)).toContain('要素「1」不能以自己为上级');
    // Codes that already exist: an imported one, and the built-in's.
    expect(await bad(f('EXISTING'))).toBe('文件有 1 处问题，未导入任何内容：标准代码「EXISTING」已存在，请在文件中改用新的代码（如加上年份或版本）');
    expect(await bad(f(BUILTIN.code))).toContain(`标准代码「${BUILTIN.code}」已存在`);
    // Points.
    const zero = f('F');
    zero.items[0]!.points = 0;
    expect(await bad(zero)).toBe('文件有 1 处问题，未导入任何内容：第 1 行：考评项目「1.1-1」的标准分值应为大于 0 的数字');
    const text = f('G');
    (text.items[0] as unknown as { points: string }).points = '十分';
    expect(await bad(text)).toBe('文件有 1 处问题，未导入任何内容：第 1 行：标准分值应为数字');
    // Required fields.
    const blank = f('H');
    blank.items[1]!.content = ' ';
    blank.name = '';
    expect(await bad(blank)).toBe('文件有 2 处问题，未导入任何内容：请填写标准名称；第 2 行：请填写考评内容');
    expect(await bad({ ...f('I'), items: [] })).toBe('文件有 1 处问题，未导入任何内容：至少要有一个考评项目');
    // Deeper than four levels.
    const deep = f('J');
    deep.elements.push({ code: '2.1.1.1', name: '起重机械', parent: '2.1.1' }, { code: '2.1.1.1.1', name: '桥式起重机', parent: '2.1.1.1' });
    expect(await bad(deep)).toBe('文件有 1 处问题，未导入任何内容：第 7 行：要素「2.1.1.1.1」在第 5 级，要素最多分 4 级');
    // Several problems: the first five are listed.
    const many = f('K');
    many.items = Array.from({ length: 7 }, (_, i) => ({ code: `X-${i}`, element: 'none', content: '内容', points: 1 }));
    expect(await bad(many)).toMatch(/^文件有 7 处问题，未导入任何内容：第 1 行：考评项目「X-0」所属要素「none」不存在；(.+；){3}第 5 行：考评项目「X-4」所属要素「none」不存在……$/);

    // Not JSON, not an object, wrong shapes, other file types.
    expect(await bad('{ "code": "X", ')).toBe('文件有 1 处问题，未导入任何内容：JSON 格式不正确，请检查文件');
    expect(await bad('null')).toBe('文件有 1 处问题，未导入任何内容：文件内容应为一个评分标准（含 code、name、elements、items），请使用导入模板');
    expect(await bad('[1, 2]')).toBe('文件有 1 处问题，未导入任何内容：文件内容应为一个评分标准（含 code、name、elements、items），请使用导入模板');
    expect(await bad({ ...f('L'), elements: '5.1 目标职责' })).toMatch(/^文件有 1 处问题，未导入任何内容：「elements」格式不正确：应为列表$/);
    expect(await bad({ ...f('M'), items: [null] })).toMatch(/^文件有 1 处问题，未导入任何内容：第 1 行：「items.0」格式不正确：应为对象$/);
    expect(await bad(f('N'), '评分细则.txt')).toBe('文件有 1 处问题，未导入任何内容：只能导入 .json 或 .xlsx 文件');
    expect(await bad(f('O'), '评分细则.xls')).toBe('文件有 1 处问题，未导入任何内容：只能导入 .json 或 .xlsx 文件');
    expect(await bad('PK not really a workbook', '评分细则.xlsx')).toBe('文件有 1 处问题，未导入任何内容：文件不是有效的 Excel（.xlsx）文件');
    expect((await refused('standard.import', { fileName: 'a.json', dataBase64: '%%%' }, LIBRARY_TABLES)).message).toBe('文件内容编码不正确，请重新选择文件');

    // validateImport lists each problem with its row, and writes nothing either.
    const v = await app.ok('standard.validateImport', { fileName: '评分细则.json', dataBase64: b64(JSON.stringify(dupEl)) });
    expect(v).toEqual({ ok: false, problems: [{ row: 6, field: 'elements.5.code', message: '要素编号「1.1」重复（第 3 行已有）' }], elementCount: 0, itemCount: 0, totalPoints: 0 });
    expect(counts()).toEqual(start);
  });

  it('imports the Excel template: the built-in sheet round-trips after changing its code; saveTemplate writes the file', async () => {
    app = await openSetupApp();
    const builtin = (await app.ok('standard.list', {}))[0]!;
    const log = scripted(app);
    const saved = await app.ok('standard.saveTemplate', {});
    expect(saved).toEqual({ cancelled: false, path: log.saved[0] });
    const wb = await workbookOf(readFileSync(log.saved[0]!));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '要素', '考评项目']);
    expect((wb.getWorksheet('考评项目')!.getRow(1).values as unknown[]).slice(1)).toEqual(ITEM_HEAD);
    expect(wb.getWorksheet('考评项目')!.rowCount).toBe(BUILTIN.items.length + 1);

    // Unchanged, its code is marked as an example; change it and import.
    wb.getWorksheet('说明')!.getCell('B1').value = 'GBT33000-2016-本厂';
    wb.getWorksheet('说明')!.getCell('B2').value = '通用评分表（本厂）';
    const imported = await app.ok('standard.import', { fileName: '评分标准导入模板.xlsx', dataBase64: await xlsxBase64(wb) });
    expect(imported).toMatchObject({ code: 'GBT33000-2016-本厂', name: '通用评分表（本厂）', builtin: false, elementCount: builtin.elementCount, itemCount: builtin.itemCount, totalPoints: 1000 });
    const a = await app.ok('standard.get', { id: builtin.id });
    const b = await app.ok('standard.get', { id: imported.id });
    const shape = (s: typeof a) => ({
      elements: s.elements.map((e) => [e.code, e.name, e.level]),
      items: s.items.map((i) => [i.code, s.elements.find((e) => e.id === i.elementId)!.code, i.content, i.points, i.method, i.evidence]),
    });
    expect(shape(b)).toEqual(shape(a));
    expect(audits('standard', imported.id)).toEqual([{ action: 'IMPORT', summary: `导入评分标准「通用评分表（本厂）」（${builtin.elementCount} 个要素、${builtin.itemCount} 个考评项目）` }]);

    // The template straight from the service also reads back.
    const direct = await workbookOf(await templateWorkbook(app.rt.app()));
    expect(direct.getWorksheet('要素')!.rowCount).toBe(BUILTIN.elements.length + 1);
  });

  it('an Excel file built by hand: rows numbered as in the sheet; missing sheets and headers refused; nothing half-imported', async () => {
    app = await openSetupApp();
    await app.ok('standard.list', {});
    const els = [EL_HEAD, ['1', '目标职责', null], ['1.1', '目标', '1'], ['2', '现场管理', '']];
    const items = [ITEM_HEAD, ['1.1-1', '1.1', '制定目标', 10, '未制定不得分', null], [null, null, null, null, null, null], ['2-1', '2', '现场整洁', '15', null, '看现场']];
    const ok = await app.ok('standard.import', { fileName: '细则.XLSX', dataBase64: await xlsx({ 说明: INFO, 要素: els, 考评项目: items }) });
    expect(ok).toMatchObject({ code: 'XLS-01', name: '表格导入的评分细则', edition: null, elementCount: 3, itemCount: 2, totalPoints: 25 });
    const full = await app.ok('standard.get', { id: ok.id });
    expect(full.items.map((i) => [i.code, i.points, i.method, i.evidence])).toEqual([
      ['1.1-1', 10, '未制定不得分', null],
      ['2-1', 15, null, '看现场'],
    ]);

    const bad = async (sheets: Record<string, (string | number | null)[][]>) => {
      const err = await refused('standard.import', { fileName: '细则.xlsx', dataBase64: await xlsx(sheets) }, LIBRARY_TABLES);
      return err.message;
    };
    const info2 = [['标准代码', 'XLS-02'], ['标准名称', '第二份']];
    expect(await bad({ 说明: info2, 要素: els })).toBe('文件有 1 处问题，未导入任何内容：缺少工作表「考评项目」');
    expect(await bad({ 说明: info2, 考评项目: items })).toBe('文件有 1 处问题，未导入任何内容：缺少工作表「要素」');
    expect(await bad({ 说明: info2, 要素: els, 考评项目: [['编号', '所属要素', '考评内容', '评分标准', '证据'], ...items.slice(1)] })).toBe(
      '文件有 1 处问题，未导入任何内容：第 1 行：工作表「考评项目」缺少表头「标准分值」',
    );
    expect(await bad({ 说明: info2, 要素: [['编号', '要素名称', '上级编号'], ...els.slice(1)], 考评项目: items })).toBe('文件有 1 处问题，未导入任何内容：第 1 行：工作表「要素」缺少表头「名称」');
    // Row numbers are the sheet's: the blank row 3 is skipped, row 4 is wrong.
    expect(await bad({ 说明: info2, 要素: els, 考评项目: [...items.slice(0, 3), ['2-1', '9', '现场整洁', 15, null, null]] })).toBe(
      '文件有 1 处问题，未导入任何内容：第 4 行：考评项目「2-1」所属要素「9」不存在',
    );
    expect(await bad({ 说明: info2, 要素: els, 考评项目: [...items.slice(0, 3), ['2-1', '2', '现场整洁', '十五', null, null]] })).toBe('文件有 1 处问题，未导入任何内容：第 4 行：标准分值应为数字');
    expect(await bad({ 说明: info2, 要素: [...els, ['1', '重复', null]], 考评项目: items })).toBe('文件有 1 处问题，未导入任何内容：第 5 行：要素编号「1」重复（第 2 行已有）');
    // Without the 说明 sheet there is no code or name.
    expect(await bad({ 要素: els, 考评项目: items })).toBe('文件有 2 处问题，未导入任何内容：请填写标准代码；请填写标准名称');
    // The same code as an existing standard.
    expect(await bad({ 说明: INFO, 要素: els, 考评项目: items })).toContain('标准代码「XLS-01」已存在');
  });
});

describe('self-assessment sessions', () => {
  it('create and update: team required, dates in order, profile and standard must exist; audited', async () => {
    const p = await plant();
    const std = await importSmall();
    const bad = async (over: Partial<InputOf<'stdSession.create'>>) => refused('stdSession.create', sessionInput(p, std.id, over));
    expect((await bad({ team: [] })).message).toBe('请至少登记一名自评小组成员');
    expect(await bad({ endsOn: '2026-10-07' })).toMatchObject({ message: '结束日期（2026-10-07）不能早于开始日期（2026-10-08）', fields: [{ path: 'endsOn' }] });
    expect(await bad({ gradeProfile: 'AQ2010' })).toMatchObject({ message: expect.stringMatching(/^没有名为「AQ2010」的定级标准，可选：现行定级办法.*、旧版评审办法/), fields: [{ path: 'gradeProfile' }] });
    expect(await bad({ standardId: UNKNOWN_ID })).toMatchObject({ message: '评分标准不存在，请重新选择', fields: [{ path: 'standardId' }] });
    expect((await bad({ team: [{ name: '刘洋', role: '组员', personId: p.leaver.id }] })).fields?.[0]?.path).toBe('team.0.personId');
    expect((await bad({ accidentFreeYears: -1 })).message).toBe('无事故年数不能为负数');
    expect((await bad({ year: 1999 })).fields?.[0]?.path).toBe('year');

    const s = await app.ok('stdSession.create', sessionInput(p, std.id));
    expect(s).toMatchObject({
      year: 2026,
      standardName: '机械制造企业安全生产标准化评分细则',
      status: 'OPEN',
      finishedOn: null,
      answered: 0,
      items: 4,
      score: null,
      grade: null,
      gradeLabel: '未评分',
      team: [
        { name: '陈国栋', role: '组长', personId: p.gm.id },
        { name: '黄志勇', role: '副组长', personId: p.officer.id },
        { name: '李工（外聘专家）', role: '组员', personId: null },
      ],
    });
    expect(s.totals).toMatchObject({ items: 4, answered: 0, totalPoints: 100, naPoints: 0, earned: 0, score: null, gradeExplanation: '尚未评分', deductionCount: 0, deductionsClosed: 0 });
    expect(s.totals.elements.map((e) => [e.code, e.name, e.items, e.points, e.score])).toEqual([
      ['1', '目标职责', 2, 30, null],
      ['2', '现场管理', 2, 70, null],
    ]);
    expect(s.results.map((r) => r.answered)).toEqual([false, false, false, false]);
    expect((await app.ok('standard.list', {})).find((x) => x.id === std.id)!.sessionCount).toBe(1);

    const u = await app.ok('stdSession.update', { id: s.id, ...sessionInput(p, std.id, { title: '2026 年度自评（修订）', gradeProfile: 'SAWS2014', accidentFreeYears: 4, endsOn: '2026-10-08' }) });
    expect(u).toMatchObject({ title: '2026 年度自评（修订）', gradeProfile: 'SAWS2014', accidentFreeYears: 4, endsOn: '2026-10-08' });
    expect((await refused('stdSession.update', { id: s.id, ...sessionInput(p, std.id, { startsOn: '2026-11-01', endsOn: '2026-10-31' }) })).fields?.[0]?.path).toBe('endsOn');
    expect((await refused('stdSession.update', { id: s.id, ...sessionInput(p, std.id, { gradeProfile: 'NOPE' }) })).fields?.[0]?.path).toBe('gradeProfile');
    expect((await refused('stdSession.update', { id: UNKNOWN_ID, ...sessionInput(p, std.id) })).code).toBe('NOT_FOUND');
    expect(auditsWithStates('stdSession', s.id)).toEqual([
      { action: 'CREATE', summary: '新建 2026 年安全生产标准化自评「2026 年度安全生产标准化自评」', hasBefore: 0, hasAfter: 1 },
      { action: 'UPDATE', summary: '修改自评「2026 年度自评（修订）」的基本信息', hasBefore: 1, hasAfter: 1 },
    ]);

    // Once scoring has started the standard cannot change; the standard cannot be removed.
    const ids = await itemIds(std.id);
    await app.ok('stdSession.scoreItem', score(s.id, ids['1.1-1']!));
    const builtin = (await app.ok('standard.list', {})).find((x) => x.builtin)!;
    expect((await refused('stdSession.update', { id: s.id, ...sessionInput(p, builtin.id) })).message).toBe('已开始评分的自评不能更换评分标准');
    expect((await refused('standard.remove', { id: std.id })).message).toBe('已有 1 次自评使用该标准，不能删除');
    // A session on the built-in standard.
    const onBuiltin = await app.ok('stdSession.create', sessionInput(p, builtin.id, { title: '通用评分表自评' }));
    expect(onBuiltin.totals).toMatchObject({ items: BUILTIN.items.length, totalPoints: 1000 });
    expect(onBuiltin.totals.elements).toHaveLength(8);
  });

  it('scoreItem: deductions give the score (floored at 0), an explicit score must agree, N/A leaves the denominator; bad inputs write nothing', async () => {
    const { s, ids } = await withSession();
    const id = s.id;

    // Deductions → score.
    let r = await app.ok('stdSession.scoreItem', score(id, ids['1.1-1']!, { description: '目标文件未经主要负责人审批', deductions: [{ points: 1, reason: '目标未经主要负责人审批' }] }));
    expect(r.result).toMatchObject({ answered: true, applicable: true, score: 9, description: '目标文件未经主要负责人审批', deductions: [{ points: 1, reason: '目标未经主要负责人审批', hazardId: null, closed: false }] });
    // A running score over the answered items while scoring.
    expect(r.totals).toMatchObject({ answered: 1, earned: 9, score: 90, grade: 'L1', deductionCount: 1 });
    expect(r.totals.gradeExplanation).toBe('得分 90 分，达到一级（≥ 90 分）；未填写无事故年数，未按安全生产绩效条件核定（按已评 1/4 项计，全部评完后为最终结果）');
    // N/A with a reason.
    r = await app.ok('stdSession.scoreItem', score(id, ids['1.1-2']!, { applicable: false, naReason: '本企业不设班组' }));
    expect(r.result).toMatchObject({ applicable: false, naReason: '本企业不设班组', score: null });
    expect(r.totals).toMatchObject({ answered: 2, naPoints: 20, earned: 9 });
    // Explicit full score, no deductions.
    r = await app.ok('stdSession.scoreItem', score(id, ids['2.1-1']!, { score: 30 }));
    expect(r.result.score).toBe(30);
    // Explicit score agreeing with the deductions.
    r = await app.ok('stdSession.scoreItem', score(id, ids['2.1.1-1']!, { score: 36, deductions: [{ points: 3.5, reason: '1 台叉车检验过期' }, { points: 0.5, reason: '登记不全' }] }));
    expect(r.result.score).toBe(36);
    // 9 + 30 + 36 = 75 earned of 100 − 20 = 80 → 93.75 → 93.8, 一级 (years not given: not limited).
    expect(r.totals).toMatchObject({ items: 4, answered: 4, totalPoints: 100, naPoints: 20, earned: 75, score: 93.8, scoreGrade: 'L1', performanceGrade: 'L1', grade: 'L1', gradeLabel: '一级', deductionCount: 3, deductionsClosed: 0 });
    expect(r.totals.gradeExplanation).toBe('得分 93.8 分，达到一级（≥ 90 分）；未填写无事故年数，未按安全生产绩效条件核定');
    expect(r.totals.elements.map((e) => [e.code, e.items, e.answered, e.points, e.naPoints, e.earned, e.score])).toEqual([
      ['1', 2, 2, 30, 20, 9, 90],
      ['2', 2, 2, 70, 0, 66, 94.3],
    ]);

    // A score typed with the deductions is stored as points less deductions (one decimal), the same as without it.
    r = await app.ok('stdSession.scoreItem', score(id, ids['2.1-1']!, { score: 29.25, deductions: [{ points: 0.75, reason: '台账缺 1 台' }] }));
    expect(r.result.score).toBe(29.3);
    expect(db().prepare('SELECT score FROM std_result WHERE sessionId = ? AND itemId = ?').get(id, ids['2.1-1'])).toEqual({ score: 29.3 });
    expect((await app.ok('stdSession.scoreItem', score(id, ids['2.1-1']!, { score: 30 }))).result.score).toBe(30);

    // Deductions beyond the points stop at 0.
    r = await app.ok('stdSession.scoreItem', score(id, ids['2.1.1-1']!, { deductions: [{ points: 30, reason: '3 台起重机未检验' }, { points: 15, reason: '无特种设备台账' }] }));
    expect(r.result.score).toBe(0);
    expect(r.totals.earned).toBe(39);
    r = await app.ok('stdSession.scoreItem', score(id, ids['2.1.1-1']!, { score: 0, deductions: [{ points: 50, reason: '未检验' }] }));
    expect(r.result.score).toBe(0);

    // Refusals, each writing nothing.
    const item = ids['2.1-1']!;
    expect(await refused('stdSession.scoreItem', score(id, item, { score: 31 }))).toMatchObject({ message: '实得分（31）不能超过该项的标准分值（30 分）', fields: [{ path: 'score' }] });
    expect(await refused('stdSession.scoreItem', score(id, item, { score: -1 }))).toMatchObject({ message: '实得分不能为负数', fields: [{ path: 'score' }] });
    expect(await refused('stdSession.scoreItem', score(id, item, { deductions: [{ points: -2, reason: '负数' }] }))).toMatchObject({
      message: '扣分不能为负数，请填写扣除的分数（正数）',
      fields: [{ path: 'deductions.0.points' }],
    });
    expect(await refused('stdSession.scoreItem', score(id, item, { deductions: [{ points: 1, reason: '台账缺项' }, { points: 0, reason: '零分' }] }))).toMatchObject({
      message: '扣分应大于 0；不扣分请删除该行',
      fields: [{ path: 'deductions.1.points' }],
    });
    expect(await refused('stdSession.scoreItem', score(id, item, { deductions: [{ points: 2, reason: ' ' }] }))).toMatchObject({ message: '请填写扣分原因' });
    expect(await refused('stdSession.scoreItem', score(id, item, { score: 27, deductions: [{ points: 2, reason: '台账缺项' }] }))).toMatchObject({
      message: '实得分（27）与扣分合计不符：标准分 30 分扣除后应为 28 分',
      fields: [{ path: 'score' }],
    });
    expect(await refused('stdSession.scoreItem', score(id, item, { score: 25 }))).toMatchObject({ message: '实得分低于标准分值（30 分）时，请逐条填写扣分原因', fields: [{ path: 'deductions' }] });
    expect(await refused('stdSession.scoreItem', score(id, item, { applicable: false }))).toMatchObject({
      message: '将「2.1-1」标为不适用时，请说明理由（如：本企业无此类设备或作业）',
      fields: [{ path: 'naReason' }],
    });
    expect(await refused('stdSession.scoreItem', score(id, item, { applicable: false, naReason: '  ' }))).toMatchObject({ fields: [{ path: 'naReason' }] });
    expect(await refused('stdSession.scoreItem', score(id, item, { applicable: false, naReason: '无', deductions: [{ points: 1, reason: 'x' }] }))).toMatchObject({ message: '不适用的项目不能扣分' });
    expect(await refused('stdSession.scoreItem', score(id, item, { applicable: false, naReason: '无', score: 0 }))).toMatchObject({ message: '不适用的项目不打分' });
    const builtinItem = (db().prepare('SELECT i.id FROM std_item i JOIN std_standard s ON s.id = i.standardId WHERE s.builtin = 1 LIMIT 1').get() as { id: number }).id;
    expect(await refused('stdSession.scoreItem', score(id, builtinItem))).toMatchObject({ message: '考评项目不属于本次自评的评分标准', fields: [{ path: 'itemId' }] });
    expect((await refused('stdSession.scoreItem', score(UNKNOWN_ID, item))).code).toBe('NOT_FOUND');
    // A deduction id of another item.
    const other = (await app.ok('stdSession.get', { id })).results.find((x) => x.itemId === ids['1.1-1'])!.deductions[0]!.id;
    expect(await refused('stdSession.scoreItem', score(id, item, { deductions: [{ id: other, points: 1, reason: '挪用' }] }))).toMatchObject({ message: '该扣分点不属于本项目，请刷新后重试' });

    // Editing keeps a deduction's id when sent back, removes those left out.
    const first = (await app.ok('stdSession.get', { id })).results.find((x) => x.itemId === ids['1.1-1'])!;
    r = await app.ok('stdSession.scoreItem', score(id, ids['1.1-1']!, { deductions: [{ points: 3, reason: '新增：目标未分解' }, { id: first.deductions[0]!.id, points: 2, reason: '目标未经主要负责人审批' }] }));
    expect(r.result.deductions.map((d) => [d.points, d.reason, d.id === first.deductions[0]!.id])).toEqual([
      [3, '新增：目标未分解', false],
      [2, '目标未经主要负责人审批', true],
    ]);
    expect(r.result.score).toBe(5);
    r = await app.ok('stdSession.scoreItem', score(id, ids['1.1-1']!));
    expect(r.result).toMatchObject({ score: 10, deductions: [] });
    expect(db().prepare('SELECT count(*) AS n FROM std_deduction WHERE sessionId = ? AND itemId = ?').get(id, ids['1.1-1'])).toEqual({ n: 0 });

    // Audit: one row per saved item, before and after kept.
    const log = auditsWithStates('stdResult', id);
    expect(log.map((a) => a.summary)).toEqual([
      '自评「2026 年度安全生产标准化自评」1.1-1：9 / 10 分',
      '自评「2026 年度安全生产标准化自评」1.1-2：不适用',
      '自评「2026 年度安全生产标准化自评」2.1-1：30 / 30 分',
      '自评「2026 年度安全生产标准化自评」2.1.1-1：36 / 40 分',
      '自评「2026 年度安全生产标准化自评」2.1-1：29.3 / 30 分',
      '自评「2026 年度安全生产标准化自评」2.1-1：30 / 30 分',
      '自评「2026 年度安全生产标准化自评」2.1.1-1：0 / 40 分',
      '自评「2026 年度安全生产标准化自评」2.1.1-1：0 / 40 分',
      '自评「2026 年度安全生产标准化自评」1.1-1：5 / 10 分',
      '自评「2026 年度安全生产标准化自评」1.1-1：10 / 10 分',
    ]);
    expect(log.every((a) => a.action === 'UPDATE' && a.hasAfter === 1)).toBe(true);
    expect(log.map((a) => a.hasBefore)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('grade: the lower of the score grade and the accident-free years, under either profile, with an explanation', async () => {
    const { p, std, ids, s } = await withSession();
    // 1.1-1 9/10, 1.1-2 N/A, 2.1-1 30/30, 2.1.1-1 0/40 → 39 / 80 = 48.8
    await app.ok('stdSession.scoreItem', score(s.id, ids['1.1-1']!, { deductions: [{ points: 1, reason: '未审批' }] }));
    await app.ok('stdSession.scoreItem', score(s.id, ids['1.1-2']!, { applicable: false, naReason: '不设班组' }));
    await app.ok('stdSession.scoreItem', score(s.id, ids['2.1-1']!));
    let t = (await app.ok('stdSession.scoreItem', score(s.id, ids['2.1.1-1']!, { deductions: [{ points: 40, reason: '未检验' }] }))).totals;
    expect(t).toMatchObject({ score: 48.8, grade: null, gradeLabel: '未达标', gradeExplanation: '得分 48.8 分，未达到三级（70 分）' });
    // 2.1.1-1 at 24/40 → 63 / 80 = 78.75 → 78.8: MEM2021 三级, SAWS2014 二级.
    t = (await app.ok('stdSession.scoreItem', score(s.id, ids['2.1.1-1']!, { deductions: [{ points: 16, reason: '2 台未检验' }] }))).totals;
    expect(t).toMatchObject({ score: 78.8, grade: 'L3', gradeLabel: '三级' });
    const update = (over: Partial<InputOf<'stdSession.create'>>) => app.ok('stdSession.update', { id: s.id, ...sessionInput(p, std.id, over) });
    let u = await update({ gradeProfile: 'SAWS2014' });
    expect(u.totals).toMatchObject({ score: 78.8, grade: 'L2', gradeLabel: '二级', gradeExplanation: '得分 78.8 分，达到二级（≥ 75 分）；未填写无事故年数，未按安全生产绩效条件核定' });
    u = await update({ gradeProfile: 'SAWS2014', accidentFreeYears: 1 });
    expect(u.totals).toMatchObject({ scoreGrade: 'L2', performanceGrade: 'L3', grade: 'L3', gradeLabel: '三级', gradeExplanation: '得分 78.8 分可达二级，但无事故年数（1 年）只满足三级条件，取两者中较低者' });
    u = await update({ gradeProfile: 'SAWS2014', accidentFreeYears: 0.5 });
    expect(u.totals).toMatchObject({ scoreGrade: 'L2', performanceGrade: null, grade: null, gradeLabel: '未达标', gradeExplanation: '得分 78.8 分可达二级，但无事故年数（0.5 年）不满足三级的条件' });
    u = await update({ gradeProfile: 'SAWS2014', accidentFreeYears: 3 });
    expect(u.totals).toMatchObject({ grade: 'L2', gradeExplanation: '得分 78.8 分，达到二级（≥ 75 分），安全生产绩效满足一级条件' });
    expect(u).toMatchObject({ score: 78.8, grade: 'L2', gradeLabel: '二级' });

    // Everything not applicable: no score.
    for (const code of ['1.1-1', '2.1-1', '2.1.1-1']) await app.ok('stdSession.scoreItem', score(s.id, ids[code]!, { applicable: false, naReason: '不涉及' }));
    const none = await app.ok('stdSession.get', { id: s.id });
    expect(none.totals).toMatchObject({ answered: 4, naPoints: 100, score: null, grade: null, gradeLabel: '未评分' });
    expect(none.totals.elements.map((e) => e.score)).toEqual([null, null]);
    const fin = await app.ok('stdSession.finish', { id: s.id, finishedOn: '2026-11-20' });
    expect(fin).toMatchObject({ status: 'FINISHED', score: null, grade: null, gradeLabel: '未评分' });
    expect(audits('stdSession', s.id).at(-1)!.summary).toBe('完成自评「2026 年度安全生产标准化自评」：没有适用的考评项目，不计分');
  });

  it('evidence: records in the app, ledger periods and attachments; the period is required, missing records refused; a deleted record shows as broken', async () => {
    const { p, ids, s } = await withSession();
    const comp = await app.ok('emergencyPlan.create', { code: 'YA-01', name: '生产安全事故综合应急预案', planType: 'COMPREHENSIVE' });
    const drill = await app.ok('drill.create', {
      planId: comp.id,
      title: '火灾疏散应急演练',
      scope: 'FULL',
      form: 'LIVE',
      purpose: 'TEST',
      drillDate: '2026-06-18',
      startTime: '09:00',
      endTime: '10:00',
      place: '厂区',
      commanderId: p.gm.id,
      commanderName: '陈国栋',
      organiserUnitId: p.ws.id,
      scenario: '仓库起火，全员疏散',
      participants: [{ personId: p.worker.id, name: '王强', role: '疏散组', signMethod: 'PAPER' }],
      steps: [{ time: '09:00', action: '宣布演练开始', actor: '陈国栋' }],
    });
    const upload = await app.ok('attachment.upload', { fileName: '目标责任书扫描件.png', dataBase64: TINY_PNG });
    const options = await app.ok('stdSession.evidenceOptions', { kind: 'DRILL' });
    expect(options.map((o) => [o.refId, o.label])).toEqual([[drill.id, `${drill.code} 火灾疏散应急演练`]]);
    expect(await app.ok('stdSession.evidenceOptions', { kind: 'HAZARD_LEDGER', year: 2025 })).toEqual([
      { kind: 'HAZARD_LEDGER', refId: null, periodFrom: '2025-01-01', periodTo: '2025-12-31', label: '隐患排查治理台账（2025 年）', detail: '0 条隐患' },
    ]);

    const item = ids['2.1-1']!;
    const r = await app.ok(
      'stdSession.scoreItem',
      score(s.id, item, {
        evidence: [
          { kind: 'DRILL', refId: drill.id },
          { kind: 'HAZARD_LEDGER', periodFrom: '2026-01-01', periodTo: '2026-06-30' },
          { kind: 'RISK_REGISTER' },
        ],
        attachmentIds: [upload.id],
      }),
    );
    expect(r.result.evidence.map((e) => [e.kind, e.refId, e.periodFrom, e.periodTo, e.label, e.link, e.broken])).toEqual([
      ['DRILL', drill.id, null, null, `${drill.code} 火灾疏散应急演练`, `/drills?id=${drill.id}`, false],
      ['HAZARD_LEDGER', null, '2026-01-01', '2026-06-30', '隐患排查治理台账（2026-01-01 至 2026-06-30）', '/hazards?from=2026-01-01&to=2026-06-30', false],
      ['RISK_REGISTER', null, null, '2026-11-22', '风险分级管控清单（截至 2026-11-22）', '/risks', false],
      ['ATTACHMENT', upload.id, null, null, '目标责任书扫描件.png', null, false],
    ]);

    const bad = (ev: InputOf<'stdSession.scoreItem'>['evidence'], attachmentIds: string[] = []) => refused('stdSession.scoreItem', score(s.id, ids['1.1-1']!, { evidence: ev, attachmentIds }));
    expect(await bad([{ kind: 'HAZARD_LEDGER' }])).toMatchObject({ message: '隐患台账证据须选择期间（起止日期）', fields: [{ path: 'evidence.0' }] });
    expect(await bad([{ kind: 'HAZARD_LEDGER', periodFrom: '2026-01-01' }])).toMatchObject({ message: '隐患台账证据须选择期间（起止日期）' });
    expect(await bad([{ kind: 'HAZARD_LEDGER', periodFrom: '2026-06-30', periodTo: '2026-01-01' }])).toMatchObject({ message: '期间的结束日期不能早于开始日期' });
    expect(await bad([{ kind: 'RISK_REGISTER' }, { kind: 'DRILL' }])).toMatchObject({ message: '请选择作为证据的应急演练记录', fields: [{ path: 'evidence.1' }] });
    expect(await bad([{ kind: 'DRILL', refId: UNKNOWN_ID }])).toMatchObject({ message: '所选应急演练记录不存在，请重新选择' });
    expect(await bad([{ kind: 'TRAINING_SESSION', refId: drill.id }])).toMatchObject({ message: '所选培训记录不存在，请重新选择' });
    expect(await bad([{ kind: 'ATTACHMENT', refId: UNKNOWN_ID }])).toMatchObject({ message: '证据文件不存在' });
    expect((await bad([], [UNKNOWN_ID])).code).toBe('NOT_FOUND');
    expect(await bad([{ kind: 'NOPE' as 'DRILL', refId: drill.id }])).toMatchObject({ message: '请选择证据类型' });

    // The drill is deleted later: the link stays, marked broken.
    await app.ok('drill.remove', { id: drill.id });
    const after = (await app.ok('stdSession.get', { id: s.id })).results.find((x) => x.itemId === item)!;
    expect(after.evidence.map((e) => [e.kind, e.broken])).toEqual([
      ['DRILL', true],
      ['HAZARD_LEDGER', false],
      ['RISK_REGISTER', false],
      ['ATTACHMENT', false],
    ]);
    // Saving the item again replaces its evidence.
    const again = await app.ok('stdSession.scoreItem', score(s.id, item, { attachmentIds: [upload.id] }));
    expect(again.result.evidence.map((e) => e.kind)).toEqual(['ATTACHMENT']);
    expect(db().prepare('SELECT count(*) AS n FROM std_evidence WHERE sessionId = ?').get(s.id)).toEqual({ n: 1 });
  });

  it('an older record linked as evidence keeps its own label (not only the 50 newest are found)', async () => {
    const { ids, s } = await withSession();
    const plans = [];
    for (let i = 0; i < 55; i++) plans.push(await app.ok('emergencyPlan.create', { code: `ZX-${String(i).padStart(2, '0')}`, name: `专项应急预案 ${i}`, planType: 'COMPREHENSIVE' }));
    const last = plans.at(-1)!;
    const r = await app.ok('stdSession.scoreItem', score(s.id, ids['1.1-1']!, { evidence: [{ kind: 'EMERGENCY_PLAN', refId: last.id }] }));
    expect(r.result.evidence[0]!.label).toBe('ZX-54 专项应急预案 54');
  });

  it('deductions followed up: as a hazard (source 标准化自评, in the ledger) or a to-do; followed-up ones cannot be deleted; closed ones counted', async () => {
    const { p, ids, s } = await withSession();
    await app.ok('stdSession.scoreItem', score(s.id, ids['1.1-1']!, { deductions: [{ points: 2, reason: '目标未经主要负责人审批' }, { points: 1, reason: '目标未分解' }] }));
    const r = await app.ok('stdSession.scoreItem', score(s.id, ids['2.1.1-1']!, { deductions: [{ points: 10, reason: '1 台行车未按期检验' }] }));
    expect(r.totals).toMatchObject({ deductionCount: 3, deductionsClosed: 0 });
    const get = async () => app.ok('stdSession.get', { id: s.id });
    const ded = async (code: string, n = 0) => (await get()).results.find((x) => x.itemId === ids[code])!.deductions[n]!;

    // → hazard
    const crane = await ded('2.1.1-1');
    expect((await refused('stdDeduction.toHazard', { deductionId: crane.id, unitId: UNKNOWN_ID })).message).toBe('所在单位不存在，请重新选择');
    expect((await refused('stdDeduction.toHazard', { deductionId: crane.id, unitId: p.ws.id, level: 'HUGE' })).fields?.[0]?.path).toBe('level');
    expect((await refused('stdDeduction.toHazard', { deductionId: UNKNOWN_ID, unitId: p.ws.id })).code).toBe('NOT_FOUND');
    let sess = await app.ok('stdDeduction.toHazard', { deductionId: crane.id, unitId: p.ws.id, respPersonId: p.officer.id, deadline: '2026-12-20' });
    const d1 = sess.results.find((x) => x.itemId === ids['2.1.1-1'])!.deductions[0]!;
    expect(d1).toMatchObject({ hazardCode: 'YH-2026-0001', hazardStatus: 'PENDING', closed: false });
    const hz = await app.ok('hazard.get', { id: d1.hazardId! });
    expect(hz).toMatchObject({
      source: 'STANDARD',
      kind: 'MANAGEMENT',
      foundOn: '2026-11-20',
      foundByName: '标准化自评小组',
      deadline: '2026-12-20',
      respPersonId: p.officer.id,
      description: '标准化自评扣分（2.1.1-1，扣 10 分）：1 台行车未按期检验',
      measures: '按评分标准要求整改：特种设备按期检验并登记',
    });
    const listed = await app.ok('hazard.list', { source: 'STANDARD' });
    expect(listed.items.map((h) => [h.code, h.source])).toEqual([['YH-2026-0001', 'STANDARD']]);
    expect((await app.ok('hazard.list', { source: 'ADHOC' })).total).toBe(0);
    expect(await refused('stdDeduction.toHazard', { deductionId: crane.id, unitId: p.ws.id })).toMatchObject({ message: '该扣分点已登记为隐患 YH-2026-0001' });
    expect(await refused('stdDeduction.toTodo', { deductionId: crane.id, ownerId: p.worker.id, dueOn: '2026-12-31' })).toMatchObject({ message: '该扣分点已登记为隐患 YH-2026-0001' });

    // → to-do → done
    const target = await ded('1.1-1', 0);
    expect(await refused('stdDeduction.completeTodo', { deductionId: target.id, doneOn: '2026-11-22', note: '已审批' })).toMatchObject({ message: '该扣分点还没有列为整改待办' });
    expect((await refused('stdDeduction.toTodo', { deductionId: target.id, ownerId: p.worker.id, dueOn: '2026-11-21' })).message).toBe('整改期限不能早于今天');
    expect((await refused('stdDeduction.toTodo', { deductionId: target.id, ownerId: p.leaver.id, dueOn: '2026-12-31' })).fields?.[0]?.path).toBe('ownerId');
    sess = await app.ok('stdDeduction.toTodo', { deductionId: target.id, ownerId: p.worker.id, dueOn: '2026-12-31' });
    expect(sess.results.find((x) => x.itemId === ids['1.1-1'])!.deductions[0]).toMatchObject({ todoOwnerId: p.worker.id, todoOwnerName: '王强', todoDueOn: '2026-12-31', todoDoneOn: null, closed: false });
    expect(await refused('stdDeduction.toHazard', { deductionId: target.id, unitId: p.ws.id })).toMatchObject({ message: '该扣分点已列为整改待办' });
    expect((await refused('stdDeduction.completeTodo', { deductionId: target.id, doneOn: '2026-11-23', note: '已审批' })).message).toBe('完成日期不能晚于今天');
    sess = await app.ok('stdDeduction.completeTodo', { deductionId: target.id, doneOn: '2026-11-22', note: '目标文件已由总经理签发' });
    expect(sess.results.find((x) => x.itemId === ids['1.1-1'])!.deductions[0]).toMatchObject({ todoDoneOn: '2026-11-22', todoNote: '目标文件已由总经理签发', closed: true });
    expect(sess.totals).toMatchObject({ deductionCount: 3, deductionsClosed: 1 });

    // Followed-up deductions stay: leaving them out, or marking the item N/A, is refused.
    expect(await refused('stdSession.scoreItem', score(s.id, ids['2.1.1-1']!))).toMatchObject({ message: '扣分点已转为隐患 YH-2026-0001，不能删除', fields: [{ path: 'deductions' }] });
    expect(await refused('stdSession.scoreItem', score(s.id, ids['2.1.1-1']!, { applicable: false, naReason: '无特种设备' }))).toMatchObject({ message: '扣分点已转为隐患 YH-2026-0001，不能删除' });
    const second = await ded('1.1-1', 1);
    expect(await refused('stdSession.scoreItem', score(s.id, ids['1.1-1']!, { deductions: [{ id: second.id, points: 1, reason: '目标未分解' }] }))).toMatchObject({
      message: '扣分点已转为整改待办，不能删除',
    });
    // The other (not followed up) one may go.
    await app.ok('stdSession.scoreItem', score(s.id, ids['1.1-1']!, { deductions: [{ id: target.id, points: 2, reason: '目标未经主要负责人审批' }] }));
    expect((await get()).totals).toMatchObject({ deductionCount: 2, deductionsClosed: 1 });

    // The hazard goes through rectification and is closed: counted too.
    await app.ok('hazard.start', { id: d1.hazardId! });
    const pic = await app.ok('attachment.upload', { fileName: '检验报告.png', dataBase64: TINY_PNG });
    await app.ok('hazard.submit', { id: d1.hazardId!, rectifierId: p.worker.id, rectifiedOn: '2026-11-22', rectifyNote: '行车已检验合格', photoIds: [pic.id] });
    await app.ok('hazard.reinspect', { id: d1.hazardId!, inspectorId: p.officer.id, inspectedOn: '2026-11-22', passed: true, opinion: '检验报告齐全，同意销号' });
    const done = await get();
    expect(done.results.find((x) => x.itemId === ids['2.1.1-1'])!.deductions[0]).toMatchObject({ hazardStatus: 'CLOSED', closed: true });
    expect(done.totals).toMatchObject({ deductionCount: 2, deductionsClosed: 2 });

    expect(audits('stdDeduction').map((a) => a.summary)).toEqual([
      '自评「2026 年度安全生产标准化自评」2.1.1-1 扣分点登记为隐患 YH-2026-0001',
      '自评「2026 年度安全生产标准化自评」1.1-1 扣分点列为整改待办：王强，2026-12-31 前',
      '自评「2026 年度安全生产标准化自评」1.1-1 整改待办完成（2026-11-22）：目标文件已由总经理签发',
    ]);
    expect(audits('hazard', d1.hazardId!)[0]).toMatchObject({ action: 'CREATE' });
  });

  it('finish: every item answered (the message lists the missing codes), the date checked; score and grade kept; reopen', async () => {
    const { p, std, ids, s } = await withSession({ accidentFreeYears: 5 });
    await app.ok('stdSession.scoreItem', score(s.id, ids['1.1-2']!, { applicable: false, naReason: '不设班组' }));
    expect(await refused('stdSession.finish', { id: s.id, finishedOn: '2026-11-20' })).toMatchObject({ code: 'RULE', message: '还有 3 个考评项目未评分，不能完成自评：1.1-1、2.1-1、2.1.1-1' });
    await app.ok('stdSession.scoreItem', score(s.id, ids['1.1-1']!, { deductions: [{ points: 1, reason: '未审批' }] }));
    await app.ok('stdSession.scoreItem', score(s.id, ids['2.1-1']!));
    expect((await refused('stdSession.finish', { id: s.id, finishedOn: '2026-11-20' })).message).toBe('还有 1 个考评项目未评分，不能完成自评：2.1.1-1');
    await app.ok('stdSession.scoreItem', score(s.id, ids['2.1.1-1']!, { deductions: [{ points: 4, reason: '登记不全' }] }));
    expect(await refused('stdSession.finish', { id: s.id, finishedOn: '2026-11-23' })).toMatchObject({ message: '完成日期不能晚于今天', fields: [{ path: 'finishedOn' }] });
    expect(await refused('stdSession.finish', { id: s.id, finishedOn: '2026-10-07' })).toMatchObject({ message: '完成日期不能早于自评开始日期（2026-10-08）' });

    const f = await app.ok('stdSession.finish', { id: s.id, finishedOn: '2026-11-21' });
    // 9 + 30 + 36 = 75 / 80 = 93.8
    expect(f).toMatchObject({ status: 'FINISHED', finishedOn: '2026-11-21', score: 93.8, grade: 'L1', gradeLabel: '一级' });
    expect(db().prepare('SELECT status, score, grade FROM std_session WHERE id = ?').get(s.id)).toEqual({ status: 'FINISHED', score: 93.8, grade: 'L1' });
    expect(await refused('stdSession.finish', { id: s.id, finishedOn: '2026-11-21' })).toMatchObject({ message: '自评已完成' });
    expect(await refused('stdSession.scoreItem', score(s.id, ids['2.1-1']!))).toMatchObject({ message: '自评已完成，如需修改请先重新打开' });
    // The basic data of a finished session (profile, years) cannot change the kept grade behind its back.
    expect(await refused('stdSession.update', { id: s.id, ...sessionInput(p, std.id, { accidentFreeYears: 1 }) })).toMatchObject({ message: '自评已完成，如需修改请先重新打开' });
    // Deductions can still be followed up after finishing.
    const d = f.results.find((x) => x.itemId === ids['2.1.1-1'])!.deductions[0]!;
    await app.ok('stdDeduction.toTodo', { deductionId: d.id, ownerId: p.worker.id, dueOn: '2026-12-31' });

    expect((await refused('stdSession.reopen', { id: s.id, reason: ' ' })).message).toBe('请填写原因');
    const o = await app.ok('stdSession.reopen', { id: s.id, reason: '评审组指出 2.1-1 证据不足' });
    expect(o).toMatchObject({ status: 'OPEN', finishedOn: null, score: 93.8 });
    expect(db().prepare('SELECT status, score, grade, finishedOn FROM std_session WHERE id = ?').get(s.id)).toEqual({ status: 'OPEN', score: null, grade: null, finishedOn: null });
    expect(await refused('stdSession.reopen', { id: s.id, reason: '再开' })).toMatchObject({ message: '自评尚未完成，无需重新打开' });
    await app.ok('stdSession.scoreItem', score(s.id, ids['2.1-1']!, { deductions: [{ points: 5, reason: '证据不足' }] }));
    expect((await app.ok('stdSession.finish', { id: s.id, finishedOn: '2026-11-22' })).score).toBe(87.5);

    expect(audits('stdSession', s.id).map((a) => [a.action, a.summary])).toEqual([
      ['CREATE', '新建 2026 年安全生产标准化自评「2026 年度安全生产标准化自评」'],
      ['UPDATE', '完成自评「2026 年度安全生产标准化自评」：93.8 分，一级'],
      ['UPDATE', '重新打开自评「2026 年度安全生产标准化自评」：评审组指出 2.1-1 证据不足'],
      ['UPDATE', '完成自评「2026 年度安全生产标准化自评」：87.5 分，二级'],
    ]);
    const list = await app.ok('stdSession.list', {});
    expect(list.map((x) => [x.title, x.status, x.answered, x.items, x.score, x.gradeLabel])).toEqual([['2026 年度安全生产标准化自评', 'FINISHED', 4, 4, 87.5, '二级']]);
  });

  it('compare: element scores of sessions across two years, oldest first', async () => {
    const { p, std, ids, s } = await withSession();
    const last = await app.ok('stdSession.create', sessionInput(p, std.id, { year: 2025, title: '2025 年度自评', startsOn: '2025-10-08', endsOn: '2025-11-20' }));
    const all = (sid: string, marks: Record<string, number | 'NA'>) =>
      Promise.all(
        Object.entries(marks).map(([code, m]) =>
          app.ok('stdSession.scoreItem', m === 'NA' ? score(sid, ids[code]!, { applicable: false, naReason: '不涉及' }) : score(sid, ids[code]!, m ? { deductions: [{ points: m, reason: '扣分' }] } : {})),
        ),
      );
    await all(last.id, { '1.1-1': 5, '1.1-2': 10, '2.1-1': 10, '2.1.1-1': 20 });
    await all(s.id, { '1.1-1': 1, '1.1-2': 'NA', '2.1-1': 0, '2.1.1-1': 4 });
    const c = await app.ok('stdSession.compare', {});
    expect(c.map((x) => [x.year, x.title, x.score, x.grade, x.elements.map((e) => [e.code, e.score])])).toEqual([
      // 2025: 5 + 10 + 20 + 20 = 55 / 100
      [2025, '2025 年度自评', 55, null, [['1', 50], ['2', 57.1]]],
      // 2026: 9 + 30 + 36 = 75 / 80
      [2026, '2026 年度安全生产标准化自评', 93.8, 'L1', [['1', 90], ['2', 94.3]]],
    ]);
    expect((await app.ok('stdSession.list', {})).map((x) => x.year)).toEqual([2026, 2025]);
  });
});

describe('migration 0007 on an existing data folder', () => {
  it('rebuilds the hazard table keeping hazards and every reference to them; the source 标准化自评 then fits', async () => {
    const dir = tempDir();
    const all = loadMigrationsFromDisk();
    expect(all).toHaveLength(7);
    const v6 = await AppRuntime.open({ dataDir: dir, resourcesDir: RESOURCES_DIR, migrations: all.slice(0, 6), appVersion: 't', channel: 'UI' });
    const ok = async (method: string, input: unknown) => {
      const r = await dispatch(v6, method, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { id: string };
    };
    await ok('app.setup', { enterprise: { name: '老版本企业', industry: 'OTHER' }, operator: { name: '甲' } });
    const a6 = v6.app();
    const unitId = (a6.db.prepare('SELECT id FROM unit').get() as { id: string }).id;
    const photo = storeAttachment(a6, Buffer.from(TINY_PNG, 'base64'), '隐患.png', 'image');
    const base = { source: 'ADHOC', unitId, description: '配电箱门未关', kind: 'THING', scope: 'SITE', level: 'GENERAL', foundByName: '甲', foundOn: '2026-11-01' };
    const h1 = await ok('hazard.create', { ...base, photoIds: [photo.id], deadline: '2026-11-10' });
    const h2 = await ok('hazard.create', { ...base, description: '通道堆放物料', deadline: '2026-11-30', measures: '清理通道' });
    expect(() => a6.db.prepare(`UPDATE hazard SET source = 'STANDARD' WHERE id = ?`).run(h1.id)).toThrow(/CHECK constraint failed/);
    const hazards = a6.db.prepare('SELECT * FROM hazard ORDER BY code').all();
    const events = a6.db.prepare('SELECT * FROM hazard_event ORDER BY id').all();
    const photos = a6.db.prepare('SELECT * FROM hazard_photo').all();
    const columns = a6.db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('hazard')`).all();
    const indexes = a6.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'hazard' AND sql IS NOT NULL ORDER BY name`).all();
    expect(hazards).toHaveLength(2);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(photos).toHaveLength(1);
    v6.close();

    const v7 = await AppRuntime.open({ dataDir: dir, resourcesDir: RESOURCES_DIR, migrations: all, appVersion: 't', channel: 'UI' });
    try {
      const d = v7.db!;
      expect(d.pragma('user_version', { simple: true })).toBe(7);
      expect(d.prepare('SELECT * FROM hazard ORDER BY code').all()).toEqual(hazards);
      expect(d.prepare('SELECT * FROM hazard_event ORDER BY id').all()).toEqual(events);
      expect(d.prepare('SELECT * FROM hazard_photo').all()).toEqual(photos);
      expect(d.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('hazard')`).all()).toEqual(columns);
      expect(d.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'hazard' AND sql IS NOT NULL ORDER BY name`).all()).toEqual(indexes);
      expect(d.pragma('foreign_key_check')).toEqual([]);
      expect(d.pragma('foreign_keys', { simple: true })).toBe(1);
      // References still point at the rebuilt table.
      expect(() => d.prepare(`INSERT INTO hazard_event (id, hazardId, atMs, kind, byName) VALUES ('e-x', 'missing', 0, 'UPDATE', '甲')`).run()).toThrow(/FOREIGN KEY/);
      expect(() => d.prepare(`UPDATE hazard SET unitId = 'missing' WHERE id = ?`).run(h1.id)).toThrow(/FOREIGN KEY/);
      const tables = (d.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'hazard%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
      expect(tables).not.toContain('hazard_new');
      // The old hazards work as before; the new source fits.
      const r = await dispatch(v7, 'hazard.get', { id: h2.id });
      expect(r.ok && r.value).toMatchObject({ code: 'YH-2026-0002', measures: '清理通道', photos: [] });
      expect((await dispatch(v7, 'hazard.get', { id: h1.id })).ok).toBe(true);
      const created = await dispatch(v7, 'hazard.create', { ...base, source: 'STANDARD', description: '标准化自评扣分' });
      expect(created.ok && created.value).toMatchObject({ code: 'YH-2026-0003', source: 'STANDARD' });
      const listed = await dispatch(v7, 'hazard.list', { source: 'STANDARD' });
      expect(listed.ok && (listed.value as { total: number }).total).toBe(1);
    } finally {
      v7.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
