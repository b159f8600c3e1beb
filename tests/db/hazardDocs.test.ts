/**
 * 隐患排查治理 documents and the Excel ledger, through the real services: a
 * hazard is registered, rectified, re-inspected by someone else and closed via
 * the dispatcher, then every document is rendered and read back with poppler,
 * and the workbook with exceljs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSignaturePng } from '../../main/modules/demo/signature.ts';
import { buildCheckSheet, wrapLines } from '../../main/modules/hazards/docs.ts';
import { LEDGER_ROWS_PER_PART } from '../../main/modules/hazards/printable.ts';
import { docTypeOf } from '../../main/modules/print/registry.ts';
import { renderDocument } from '../../main/modules/print/service.ts';
import { resolvePaper, scaleFor } from '../../main/pdf/paper.ts';
import type { InputOf, OutputOf } from '../../preload/contract/index.ts';
import { compactText, MM, pdfPages } from '../helpers/pdf.ts';
import { expectFail, openDemoApp, scripted, tempDir, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

const noTarget = { recordId: null, unitId: null, level: null, onlyUnsigned: false };

async function preview(input: InputOf<'print.preview'>) {
  const r = await app.ok('print.preview', input);
  const bytes = Buffer.from(r.pdfBase64, 'base64');
  return { ...r, bytes, text: compactText(bytes) };
}

/** Pictures placed in a PDF (not counting their transparency masks). */
function photosIn(pdf: Uint8Array): number {
  const file = join(tempDir('safeledger-hazard-pdf-'), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim().split(/\s+/)[2] === 'image').length;
}

async function picture(label: string) {
  return app.ok('attachment.upload', { fileName: `${label}.png`, dataBase64: demoSignaturePng(label).toString('base64'), purpose: 'image' });
}

/**
 * In the demo enterprise (today 2026-11-22): a 叉车 hazard registered with a
 * photo, 五落实 complete, rectified by one person with an after-photo,
 * re-inspected by another and closed.
 */
async function closedHazard() {
  app = await openDemoApp();
  const units = await app.ok('unit.list', {});
  const ws = units.find((u) => u.name === '装配车间')!;
  const people = (await app.ok('person.list', { status: 'ACTIVE', pageSize: 50 })).items;
  const [resp, rectifier, inspector] = [people[3]!, people[4]!, people[5]!];
  const before = await picture('整改前');
  let h = await app.ok('hazard.create', {
    source: 'ADHOC',
    unitId: ws.id,
    location: '装配车间 3 号叉车通道',
    description: '叉车通道地面标线磨损不清，通道内堆放待装配箱体，叉车与行人混行',
    kind: 'THING',
    scope: 'SITE',
    level: 'GENERAL',
    foundByName: '周晓琳',
    foundOn: '2026-11-20',
    photoIds: [before.id],
    measures: '清理通道内堆放物，重新施划黄色通道标线，设置人车分流隔离栏',
    respUnitId: ws.id,
    respPersonId: resp.id,
    funds: 4800,
    deadline: '2026-11-28',
    interimMeasures: '整改期间叉车限速 5 km/h，设专人指挥',
  });
  const notice = h.id;
  h = await app.ok('hazard.start', { id: h.id });
  const after = await picture('整改后');
  h = await app.ok('hazard.submit', { id: h.id, rectifierId: rectifier.id, rectifiedOn: '2026-11-21', rectifyNote: '已清理堆放物，重新施划标线并安装隔离栏 24 米', photoIds: [after.id] });
  h = await app.ok('hazard.reinspect', { id: h.id, inspectorId: inspector.id, inspectedOn: '2026-11-22', passed: true, opinion: '标线清晰，隔离栏牢固，通道畅通，同意销号', photoIds: [] });
  expect(h).toMatchObject({ status: 'CLOSED', closedOn: '2026-11-22' });
  return { h, notice, ws, resp, rectifier, inspector };
}

describe('隐患排查治理台账', () => {
  it('lists every hazard of the period whatever its status, with the full column set; filters by unit, level and status', async () => {
    const { h } = await closedHazard();
    const all = await app.ok('hazard.list', { from: '2026-01-01', to: '2026-12-31', page: 1, pageSize: 200 });
    const r = await preview({ type: 'hazardLedger', from: '2026-01-01', to: '2026-12-31' });
    expect(r.title).toBe('隐患排查治理台账（2026-01-01 至 2026-12-31）');
    expect(r.paper).toMatchObject({ widthMm: 420, heightMm: 297 });
    const t = r.text;
    for (const col of ['编号', '来源', '发现日期', '排查人', '部位/风险点', '隐患描述', '类别', '等级', '整改措施', '责任单位', '责任人', '资金', '整改期限', '临时措施/预案', '延期', '完成日期', '复查人', '复查意见', '销号日期', '状态']) {
      expect(t, col).toContain(col);
    }
    // Complete: every hazard of the period, open or closed, overdue or not.
    expect(all.total).toBeGreaterThan(20);
    for (const row of all.items) expect(t, row.code).toContain(row.code);
    expect(t).toContain(`共${all.total}条：`);
    expect(t).toContain(`其中重大事故隐患${all.items.filter((x) => x.major).length}条，逾期未整改${all.items.filter((x) => x.overdue).length}条`);
    for (const o of all.items.filter((x) => x.overdue)) expect(t).toContain(`逾期${o.overdueDays}天`);
    // The closed hazard's whole loop is on its row (cells wrap, so pieces of a line each).
    for (const s of [h.code, '随机发现', '2026-11-20', '周晓琳', '装配车间3号叉', '叉车通道地面标线磨损不清', '4,800', '2026-11-28', '2026-11-21', h.reinspectorName!, '标线清晰，隔', '已销号']) {
      expect(t, s).toContain(s);
    }
    expect(t).toContain('填表人');

    const major = await preview({ type: 'hazardLedger', from: '2026-01-01', to: '2026-12-31', level: 'MAJOR' });
    const majors = all.items.filter((x) => x.major);
    expect(major.text).toContain(`共${majors.length}条`);
    for (const m of majors) expect(major.text).toContain(m.code);
    expect(major.text).not.toContain(h.code);
    const open = await preview({ type: 'hazardLedger', from: '2026-01-01', to: '2026-12-31', status: 'OPEN' });
    expect(open.text).toContain('未销号');
    expect(open.text).not.toContain(h.code);
    const period = await preview({ type: 'hazardLedger', from: '2026-11-20', to: '2026-11-20' });
    expect(period.text).toContain(h.code);
    expect(period.text).toMatch(/共\d条/);

    // Options are checked: a status that does not exist, or a period that ends before it starts.
    expect(expectFail(await app.call('print.preview', { type: 'hazardLedger', status: 'DONE' })).fields?.[0]).toMatchObject({ path: 'status' });
    expect(expectFail(await app.call('print.preview', { type: 'hazardLedger', from: '2026-12-01', to: '2026-11-01' })).message).toBe('结束日期（2026-11-01）不能早于开始日期（2026-12-01）');
  });

  it('offers its options and the configured levels in the print centre; the register keeps the period', async () => {
    await closedHazard();
    const types = await app.ok('print.types', {});
    const ledger = types.find((x) => x.type === 'hazardLedger')!;
    expect(ledger).toMatchObject({ defaultPaper: { size: 'A3', orientation: 'landscape' }, options: ['period', 'unit', 'level', 'status'] });
    expect(ledger.choices.level?.options).toEqual([
      { value: 'GENERAL', label: '一般事故隐患' },
      { value: 'MAJOR', label: '重大事故隐患' },
    ]);
    expect(ledger.choices.status?.options.map((o) => o.label)).toEqual(['待整改', '整改中', '待复查', '已销号', '未销号', '逾期未整改', '临期']);
    expect(types.find((x) => x.type === 'hazardStats')).toMatchObject({ options: ['year', 'quarter', 'unit'], choices: { level: null, status: null } });
    expect(types.find((x) => x.type === 'targetAgreements')?.choices).toEqual({ level: null, status: null });

    scripted(app);
    const saved = await app.ok('print.save', { type: 'hazardLedger', from: '2026-10-01', to: '2026-12-31' });
    if (saved.cancelled) throw new Error('cancelled');
    expect(saved.documents[0]!.params).toMatchObject({ type: 'hazardLedger', from: '2026-10-01', to: '2026-12-31' });
    expect((await app.ok('print.verify', { fingerprint: saved.documents[0]!.fingerprint })).matches[0]!.status).toBe('CURRENT');
    // A ledger is a snapshot of its period: not listed as 需重印 when a hazard moves on.
    const stale = await app.ok('print.stale', {});
    expect(stale.items.map((i) => i.document.type)).not.toContain('hazardLedger');
  });

  // Layout only: run once (in the UTC project), not again in the far time zone.
  it.skipIf(process.env.TZ !== 'UTC')(`lays out a long ledger in parts of ${LEDGER_ROWS_PER_PART} rows with page numbers running through the whole document`, { timeout: 240_000 }, async () => {
    const { h } = await closedHazard();
    const a = app.rt.app();
    // Volume by hand-inserted copies of the closed hazard (numbered YH-2025-…, found in 2025).
    const src = a.db.prepare('SELECT * FROM hazard WHERE id = ?').get(h.id) as Record<string, unknown>;
    const cols = Object.keys(src);
    const ins = a.db.prepare(`INSERT INTO hazard (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    const n = LEDGER_ROWS_PER_PART + 150;
    a.db.transaction(() => {
      for (let i = 0; i < n; i++) ins.run({ ...src, id: `copy-${i}`, code: `YH-2025-${String(i + 1).padStart(4, '0')}`, foundOn: '2025-06-01', deadline: '2025-06-15', closedOn: '2025-06-10' });
    })();
    const started = performance.now();
    const r = await renderDocument(a, { type: 'hazardLedger', ...noTarget, from: '2025-01-01', to: '2025-12-31' });
    const ms = performance.now() - started;
    const t = compactText(r.bytes);
    expect(t).toContain(`共${n}条`);
    expect(t).toContain('YH-2025-0001');
    expect(t).toContain(`YH-2025-${String(n).padStart(4, '0')}`);
    // One title, one totals line, numbered pages throughout.
    expect(t.split('隐患排查治理台账期间').length).toBe(2);
    expect(t.split(`合计${n}条`).length).toBe(2);
    expect(t).toContain(`第1/${r.pageCount}页`);
    expect(t).toContain(`第${r.pageCount}/${r.pageCount}页`);
    expect(pdfPages(r.bytes).pages).toBe(r.pageCount);
    // Row numbers continue across parts, and a part's end says the ledger goes on.
    expect(t).toContain(`${LEDGER_ROWS_PER_PART + 1}YH-2025-${String(LEDGER_ROWS_PER_PART + 1).padStart(4, '0')}`);
    expect(t).toContain(`（以上第1–${LEDGER_ROWS_PER_PART}条，下页续）`);
    console.info(`ledger: ${n} rows, ${r.pageCount} pages on A3 in ${Math.round(ms)} ms`);
  });

  it('breaks cell text into lines the way a Chinese table is set', () => {
    expect(wrapLines('二号车间冲床光电保护装置失效，操作工未停机即清理模具废料', 10)).toEqual(['二号车间冲床光电保护', '装置失效，操作工未停', '机即清理模具废料']);
    // No closing punctuation at a line's start, no opening one at its end.
    expect(wrapLines('配电箱门未关闭（箱内积尘严重），缺少警示标识。', 7)).toEqual(['配电箱门未关闭', '（箱内积尘严', '重），缺少警示', '标识。']);
    expect(wrapLines('一二三四五六七（八', 8)).toEqual(['一二三四五六七', '（八']);
    // Numbers and codes stay whole; a word longer than the line is broken.
    expect(wrapLines('YH-2026-0001', 6.5)).toEqual(['YH-2026-0001']);
    expect(wrapLines('冲压线FX-012 2026-03-20', 5.5)).toEqual(['冲压线', 'FX-012', '2026-03-20']);
    expect(wrapLines('abcdefghijklmnopqrstuvwxyz', 4)).toEqual(['abcdefg', 'hijklmn', 'opqrstu', 'vwxyz']);
    expect(wrapLines('陈国栋\n赵敏', 3)).toEqual(['陈国栋', '赵敏']);
  });
});

describe('整改通知单 and 复查验收单', () => {
  it('the notice carries the hazard, its photo, the 五落实, the issuer and a receipt', async () => {
    const { h, notice, resp } = await closedHazard();
    const records = await app.ok('print.records', { type: 'rectificationNotice' });
    expect(records.map((x) => x.id)).not.toContain(h.id); // the picker lists open hazards
    const r = await preview({ type: 'rectificationNotice', recordId: notice });
    expect(r.title).toBe(`隐患整改通知单（${h.code}）`);
    expect(r.pageCount).toBe(1);
    for (const s of ['隐患整改通知单', `编号：${h.code}`, '装配车间：', '叉车通道地面标线磨损不清', '一般事故隐患', '物的不安全状态（现场管理）', '整改要求（五落实）', '清理通道内堆放物', `责任人${resp.name}`, '4,800元', '2026-11-28', '整改期间叉车限速5km/h', '签发人', '签发日期：2026-11-22', '隐患整改通知单回执', `已收到编号为${h.code}的隐患整改通知单`, '接收单位']) {
      expect(r.text, s).toContain(s);
    }
    expect(photosIn(r.bytes)).toBe(1);
    expect(r.omitted).toEqual([]);
    expect(expectFail(await app.call('print.preview', { type: 'rectificationNotice' })).fields?.[0]).toMatchObject({ path: 'recordId', message: '请选择隐患' });
  });

  it('the re-inspection form shows the fix, before and after photos, the opinion, the inspector and 销号; before re-inspection it is left for handwriting', async () => {
    const { h, rectifier, inspector } = await closedHazard();
    const r = await preview({ type: 'reinspectionForm', recordId: h.id });
    expect(r.pageCount).toBe(1);
    for (const s of ['隐患整改复查验收单', h.code, '已清理堆放物，重新施划标线并安装隔离栏24米', `整改人${rectifier.name}`, '完成日期', '2026-11-21', '整改前照片', '整改后照片', '标线清晰，隔离栏牢固，通道畅通，同意销号', '■合格，同意销号', '□不合格，退回整改', `复查人：${inspector.name}`, '复查日期：2026-11-22', '销号日期：2026-11-22']) {
      expect(r.text, s).toContain(s);
    }
    expect(photosIn(r.bytes)).toBe(2);

    // The demo's hazard awaiting re-inspection: the form is printed for the inspector to fill in.
    const waiting = (await app.ok('hazard.list', { status: 'AWAITING_REVIEW', page: 1, pageSize: 5 })).items[0]!;
    const blank = await preview({ type: 'reinspectionForm', recordId: waiting.id });
    expect(blank.text).toContain('（复查人填写：整改措施是否落实、隐患是否消除、有无遗留问题）');
    expect(blank.text).toContain('□合格，同意销号');
    expect(blank.omitted).toContain('尚未复查验收，复查意见、结论和签字留空供手写');
  });
});

describe('重大事故隐患档案', () => {
  it('holds the report and the eight parts of the treatment plan, the approval, the report to the regulator and the timeline', async () => {
    await closedHazard();
    const majors = await app.ok('print.records', { type: 'majorHazardFile' });
    expect(majors.length).toBeGreaterThan(0);
    const m = await app.ok('hazard.get', { id: majors[0]!.id });
    expect(m.major).toBe(true);
    const r = await preview({ type: 'majorHazardFile', recordId: m.id });
    expect(r.title).toBe(`重大事故隐患档案（${m.code}）`);
    for (const s of [
      '一、基本情况',
      '判定依据',
      m.criteriaCode!,
      '二、隐患报告及治理方案',
      '（一）隐患的现状及其产生原因',
      '（二）隐患的危害程度和整改难易程度分析',
      '（三）治理的目标和任务',
      '（四）采取的方法和措施',
      '（五）经费和物资的落实',
      '（六）负责治理的机构和人员',
      '（七）治理的时限和要求',
      '（八）安全措施和应急预案',
      m.treatment!.presentState.replace(/\s/g, ''),
      `治理方案经主要负责人${m.treatment!.approvedByName}于${m.treatment!.approvedOn}批准`,
      `已于${m.reportedOn}向${m.reportedTo!.replace(/\s/g, '')}报告`,
      '五、整改责任落实（五落实）',
      '六、延期记录',
      '七、整改及复查验收',
      '全过程记录',
      '下发整改通知',
      '待整改→整改中',
    ]) {
      expect(r.text, s).toContain(s);
    }
    expect(r.omitted).toEqual([]);
    // A general hazard has no such file.
    const general = (await app.ok('hazard.list', { level: 'GENERAL', page: 1, pageSize: 1 })).items[0]!;
    expect(expectFail(await app.call('print.preview', { type: 'majorHazardFile', recordId: general.id })).message).toContain('重大事故隐患（');
  });
});

describe('隐患排查治理情况统计表', () => {
  const totals = (s: OutputOf<'hazard.stats'>) => `${s.found}${s.foundMajor}${s.closed}${s.closedMajor}${s.closureRate === null ? '—' : `${s.closureRate}%`}${s.open}${s.overdue}`;

  it('quarterly and annual: the figures of hazard.stats, the majors, the principal’s signature and the reporting deadline', async () => {
    await closedHazard();
    const q = await app.ok('hazard.stats', { year: 2026, quarter: 4 });
    const r = await preview({ type: 'hazardStats', year: 2026, quarter: 4 });
    expect(r.title).toBe('2026年第四季度隐患排查治理情况统计表');
    for (const s of ['隐患排查治理情况统计表', '（2026年第四季度）', '统计期间2026-10-01至2026-12-31', '报送期限2027-01-15前（下一季度第15日前）', totals(q), '按隐患等级', '按隐患来源', '按隐患类别', '三、各单位情况', '四、重大事故隐患', '主要负责人（签字）', '填表人（签字）', '（单位盖章）']) {
      expect(r.text, s).toContain(s);
    }
    for (const m of q.majors) expect(r.text).toContain(m.code);
    for (const u of q.byUnit) expect(r.text).toContain(u.unitName);

    const y = await app.ok('hazard.stats', { year: 2026 });
    const annual = await preview({ type: 'hazardStats', year: 2026 });
    expect(annual.title).toBe('2026年度隐患排查治理情况统计表');
    expect(annual.text).toContain('报送期限2027-01-31前（次年1月31日前）');
    expect(annual.text).toContain(totals(y));
    // The principal never signs on a page of their own: the majors list goes over with the signatures.
    const pages = annual.text.split(/第\d\/\d页/);
    expect(pages.find((p) => p.includes('主要负责人（签字）'))).toContain('四、重大事故隐患');
    // A year with no hazards still prints (a table of zeros is a report too).
    const empty = await preview({ type: 'hazardStats', year: 2024 });
    expect(empty.text).toContain('本期没有重大事故隐患');
  });
});

describe('隐患排查检查表（空白）', () => {
  it('per task: numbered items with boxes to tick, signature lines, and the task code that the check entry accepts', async () => {
    await closedHazard();
    const tasks = await app.ok('print.records', { type: 'checkSheet' });
    expect(tasks.length).toBeGreaterThan(0);
    const task = await app.ok('checkTask.get', { id: tasks[0]!.id });
    expect(task.recordId).toBeNull();
    const r = await preview({ type: 'checkSheet', recordId: task.id });
    for (const s of ['隐患排查检查表', task.planName, task.unitName, task.periodLabel, '合格不合格不适用', '情况说明', '检查小结', '检查人', '被检查单位负责人', `共${task.plan.items.length}项`, `任务码${task.sheetCode}`]) {
      expect(r.text, s).toContain(s.replace(/\s/g, ''));
    }
    for (const i of task.plan.items) expect(r.text).toContain(i.content.replace(/\s/g, '').slice(0, 12));
    // Every row has its three boxes.
    expect(r.text.split('□').length - 1).toBe(task.plan.items.length * 3);
    // The QR code holds the task code, and the entry screen finds the task by it.
    const def = docTypeOf('checkSheet');
    const paper = resolvePaper({ size: 'A4', orientation: 'portrait' });
    const loaded = def.load(app.rt.app(), { ...noTarget, recordId: task.id });
    const doc = buildCheckSheet(loaded.data as never, { paper, k: scaleFor(paper), stamp: { enterpriseName: 'x', title: 'x', version: 'v1', generatedOn: '2026-11-22', fingerprint: '000000000000' }, images: {} });
    expect(JSON.stringify(doc.content)).toContain(`"qr":"${task.sheetCode}"`);
    expect((await app.ok('checkTask.get', { id: task.sheetCode })).id).toBe(task.id);
    expect(pdfPages(r.bytes).sizes[0]!.width).toBeCloseTo(210 * MM, 1);
  });
});

describe('Excel export of the ledger', () => {
  it('writes a workbook with Chinese headers, real dates, a frozen header, an autofilter and the title row', async () => {
    const { h } = await closedHazard();
    const log = scripted(app);
    const res = await app.ok('hazard.exportLedger', { from: '2026-01-01', to: '2026-12-31' });
    if (res.cancelled) throw new Error('cancelled');
    const all = await app.ok('hazard.list', { from: '2026-01-01', to: '2026-12-31', page: 1, pageSize: 1 });
    expect(res.rows).toBe(all.total);
    expect(res.file).toBe(log.saved[0]);
    expect(res.file).toMatch(/20261122_隐患排查治理台账_20260101-20261231\.xlsx$/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(res.file) as never);
    const ws = wb.getWorksheet('隐患排查治理台账')!;
    expect(String(ws.getCell(1, 1).value)).toBe('重庆渝江精密机械有限公司隐患排查治理台账');
    expect(String(ws.getCell(2, 1).value)).toContain('期间：2026-01-01 至 2026-12-31');
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(['序号', '编号', '来源', '发现日期', '排查人', '部位/风险点', '隐患描述', '照片（张）', '类别', '等级', '整改措施', '责任单位', '责任人', '资金（元）', '整改期限', '临时措施/预案', '延期', '完成日期', '复查人', '复查意见', '销号日期', '状态']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(7).width).toBeGreaterThan(30);
    expect(ws.rowCount).toBe(3 + all.total);

    const row = ws.getRows(4, all.total)!.find((x) => x.getCell(2).value === h.code)!;
    const found = row.getCell(4).value;
    expect(found).toBeInstanceOf(Date);
    expect((found as Date).toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(row.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(14).value).toBe(4800);
    expect((row.getCell(21).value as Date).toISOString().slice(0, 10)).toBe('2026-11-22');
    expect(row.getCell(22).value).toBe('已销号');
    expect(row.getCell(8).value).toBe(1 + 1); // before and after photos
    expect(row.getCell(9).value).toBe('物的不安全状态 / 现场管理');
  });

  it('a cancelled dialog writes nothing', async () => {
    await closedHazard();
    app.rt.app().platform = { ...app.rt.app().platform, chooseSavePath: async () => null };
    expect(await app.ok('hazard.exportLedger', {})).toEqual({ cancelled: true });
  });
});
