import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDocument, mergePdfs } from '../../main/modules/print/service.ts';
import { DOC_TYPES } from '../../main/modules/print/registry.ts';
import { compactText, MM, pdfPages, renderPngs } from '../helpers/pdf.ts';
import { demoSignaturePng } from '../../main/modules/demo/signature.ts';
import { expectFail, openDemoApp, openSetupApp, profileOf, REPO_ROOT, scripted, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

const ARTIFACTS = join(REPO_ROOT, 'tests', 'e2e', '.artifacts', 'pdf');
const target = { recordId: null, unitId: null, level: null, onlyUnsigned: false };

describe('the responsibility board (多牌合一)', () => {
  it('renders the demo enterprise on a 1200×800 mm board: one page, Chinese text extractable', async () => {
    app = await openDemoApp();
    const r = await renderDocument(app.rt.app(), { type: 'responsibilityBoard', ...target });
    const { pages, sizes } = pdfPages(r.bytes);
    expect(pages).toBe(1);
    expect(sizes[0]!.width).toBeCloseTo(1200 * MM, 1);
    expect(sizes[0]!.height).toBeCloseTo(800 * MM, 1);
    const t = compactText(r.bytes);
    for (const s of ['安全生产责任公示牌', '重庆渝江精密机械有限公司', '陈国栋', '刘建华', '分管生产副总经理', '第二十一条', '安全环保部', '江津区应急管理局', '周晓琳', '12350', '119', '120', '110', '023-47661119']) {
      expect(t, s).toContain(s);
    }
    expect(t).toContain(`内容指纹${r.fingerprint.slice(0, 4)}`);
    // The risk block counts the approved risk points per colour.
    expect(t).toMatch(/安全风险分布重大风险较大风险一般风险低风险1处4处\d+处\d+处/);
    expect(r.omitted).not.toContain('安全风险分布（风险分级管控模块录入风险后自动显示）');
    expect(r.warnings).toEqual([]);
  });

  it('fits on one page at every board and ISO size, both orientations', async () => {
    app = await openDemoApp();
    for (const size of ['A4', 'A3', 'A0', 'BOARD_600x800', 'BOARD_1200x800', 'BOARD_1500x1000', 'BOARD_2400x1200']) {
      for (const orientation of ['portrait', 'landscape'] as const) {
        const r = await renderDocument(app.rt.app(), { type: 'responsibilityBoard', paper: { size, orientation }, ...target });
        expect(pdfPages(r.bytes).pages, `${size} ${orientation}`).toBe(1);
      }
    }
  });

  it('a full board — three more responsible persons with photos, four safety managers — still fits one page', async () => {
    app = await openDemoApp();
    const photo = await app.ok('attachment.upload', { fileName: '照片.png', dataBase64: demoSignaturePng('照片').toString('base64'), purpose: 'image' });
    const people = (await app.ok('person.list', { status: 'ACTIVE', pageSize: 10 })).items;
    for (const p of people.slice(0, 6)) await app.ok('person.setPhoto', { id: p.id, attachmentId: photo.id });
    const ent = await app.ok('enterprise.get', {});
    await app.ok('person.setPhoto', { id: ent.principalPersonId!, attachmentId: photo.id });
    await app.ok('board.setMembers', { members: people.slice(2, 6).map((p, i) => ({ personId: p.id, role: ['安全总监', '总工程师', '工会主席', '分管生产副总经理'][i]! })) });
    const c = (await app.ok('unit.list', {})).find((u) => u.name === '安全环保部')!;
    for (let i = 0; i < 4; i++) await app.ok('person.create', { name: `安全员${i}`, staffNo: `AQ${i}`, unitId: c.id, employmentType: 'REGULAR', jobTitle: '兼职安全员', phone: '13900000000' });
    for (const [size, orientation] of [['BOARD_1200x800', 'landscape'], ['A4', 'landscape'], ['A4', 'portrait'], ['BOARD_600x800', 'portrait']] as const) {
      const r = await renderDocument(app.rt.app(), { type: 'responsibilityBoard', paper: { size, orientation }, ...target });
      expect(pdfPages(r.bytes).pages, `${size} ${orientation}`).toBe(1);
      expect(r.omitted).toEqual(expect.arrayContaining(['其他负责人较多，只显示前 3 位', '安全管理人员较多，只显示前 4 位']));
    }
  });

  it('refuses while the principal is missing, a page too small, or a custom size out of range — and writes nothing', async () => {
    app = await openSetupApp();
    const log = scripted(app);
    const err = expectFail(await app.call('print.save', { type: 'responsibilityBoard' }));
    expect(err).toMatchObject({ code: 'RULE', message: '生成「安全生产责任公示牌」还缺少：主要负责人（在「企业信息」中选择）。补充后再生成。' });
    expect(log.saved).toEqual([]);
    expect((await app.ok('print.register', {})).total).toBe(0);
    app.close();
    app = await openDemoApp();
    const small = expectFail(await app.call('print.preview', { type: 'responsibilityBoard', paper: { size: 'A6', orientation: 'portrait' } }));
    expect(small.fields?.[0]).toMatchObject({ path: 'paper.size', message: expect.stringContaining('纸张短边至少需要 210 毫米') });
    const tiny = expectFail(await app.call('print.preview', { type: 'responsibilityBoard', paper: { size: 'CUSTOM', orientation: 'portrait', customWidthMm: 40, customHeightMm: 300 } }));
    expect(tiny.message).toBe('自定义宽度应在 50–5000 毫米之间，当前为 40 毫米');
    const huge = expectFail(await app.call('print.preview', { type: 'responsibilityBoard', paper: { size: 'CUSTOM', orientation: 'landscape', customWidthMm: 6000, customHeightMm: 300 } }));
    expect(huge.message).toBe('自定义宽度应在 50–5000 毫米之间，当前为 6000 毫米');
    const custom = await app.ok('print.preview', { type: 'responsibilityBoard', paper: { size: 'CUSTOM', orientation: 'landscape', customWidthMm: 1000, customHeightMm: 700 } });
    expect(custom.paper).toMatchObject({ widthMm: 1000, heightMm: 700, label: '自定义 1000×700 mm' });
  });
});

describe('saving, the register and fingerprint verification', () => {
  it('save registers the document; the fingerprint read off paper says whether the data changed since', async () => {
    app = await openDemoApp();
    const log = scripted(app);
    const saved = await app.ok('print.save', { type: 'responsibilityBoard' });
    if (saved.cancelled) throw new Error('cancelled');
    expect(existsSync(saved.filePath)).toBe(true);
    expect(saved.filePath).toMatch(/\/\d{8}_公示牌_安全生产责任公示牌_v1\.pdf$/);
    expect(log.saved).toEqual([saved.filePath]);
    const doc = saved.documents[0]!;
    expect(doc).toMatchObject({ type: 'responsibilityBoard', outcome: 'SAVED', pageCount: 1, paperLabel: '展板 1200×800 mm', operatorName: '赵敏' });
    expect(compactText(readFileSync(saved.filePath))).toContain(doc.fingerprint.slice(0, 4) + doc.fingerprint.slice(4, 8));

    const spaced = doc.fingerprint.replace(/(.{4})/g, '$1 ').toUpperCase();
    let v = await app.ok('print.verify', { fingerprint: spaced });
    expect(v.matches).toHaveLength(1);
    expect(v.matches[0]).toMatchObject({ status: 'CURRENT', document: { id: doc.id } });

    const ent = await app.ok('enterprise.get', {});
    await app.ok('enterprise.update', { ...profileOf(ent), dutyPhone: '023-47669999' });
    v = await app.ok('print.verify', { fingerprint: doc.fingerprint });
    expect(v.matches[0]).toMatchObject({ status: 'CHANGED', changedSections: expect.arrayContaining(['应急电话', '二维码内容']) });
    expect(v.matches[0]!.message).toMatch(/生成后数据已变化（.*应急电话.*），需重印/);

    expect((await app.ok('print.verify', { fingerprint: '000000000000' })).matches).toEqual([]);
    expect(expectFail(await app.call('print.verify', { fingerprint: 'hello' })).message).toMatch(/12 位/);
  });

  it('the register is append-only', async () => {
    app = await openDemoApp();
    scripted(app);
    await app.ok('print.save', { type: 'responsibilityBoard' });
    expect(() => app.rt.db!.prepare(`UPDATE generated_document SET title = 'x'`).run()).toThrow('文件生成登记只能追加，不能修改');
    expect(() => app.rt.db!.prepare('DELETE FROM generated_document').run()).toThrow('文件生成登记只能追加，不能删除');
  });

  it('open writes a temporary file and hands it to the system viewer', async () => {
    app = await openDemoApp();
    const log = scripted(app);
    const r = await app.ok('print.open', { type: 'commitmentLetter' });
    if (r.cancelled) throw new Error('cancelled');
    expect(log.opened).toEqual([r.filePath]);
    expect(r.documents[0]!.outcome).toBe('OPENED');
  });

  it('the print queue merges several documents into one PDF; each is registered with the batch', async () => {
    app = await openDemoApp();
    scripted(app);
    const year = String(new Date(app.clock.ms).getUTCFullYear());
    const r = await app.ok('print.exportQueue', {
      items: [
        { type: 'responsibilityBoard', paper: { size: 'A3', orientation: 'landscape' } },
        { type: 'commitmentLetter' },
        { type: 'targetAgreementStatus', recordId: year },
      ],
    });
    if (r.cancelled) throw new Error('cancelled');
    const { pages, sizes } = pdfPages(r.filePath);
    expect(pages).toBe(1 + 1 + r.documents[2]!.pageCount);
    expect(sizes[0]!.width).toBeCloseTo(420 * MM, 1);
    expect(sizes[1]!.width).toBeCloseTo(210 * MM, 1);
    expect(new Set(r.documents.map((d) => d.batchId)).size).toBe(1);
    expect(r.documents.every((d) => d.outcome === 'EXPORTED')).toBe(true);
    const err = expectFail(await app.call('print.exportQueue', { items: [{ type: 'responsibilityBoard' }, { type: 'nope' }] }));
    expect(err.message).toMatch(/^队列第 2 份：没有名为「nope」的文件类型/);
    expect(expectFail(await app.call('print.exportQueue', { items: [] })).message).toBe('打印队列是空的，请先加入文件');
    expect(await mergePdfs([])).toBeInstanceOf(Uint8Array);
  });

  it('a save dialog that is cancelled writes and registers nothing', async () => {
    app = await openDemoApp();
    app.rt.app().platform = { ...app.rt.app().platform, chooseSavePath: async () => null };
    expect(await app.ok('print.save', { type: 'responsibilityBoard' })).toEqual({ cancelled: true });
    expect((await app.ok('print.register', {})).total).toBe(0);
  });
});

describe('every document type, rendered at its default size for looking at', () => {
  it('renders to PDF and PNG pages (kept under tests/e2e/.artifacts/pdf)', async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    app = await openDemoApp();
    // Batch documents are limited to one team so the pages stay few enough to look through.
    const team = (await app.ok('unit.list', {})).find((u) => u.name === '车削班')!;
    for (const def of DOC_TYPES) {
      const recordId = def.records?.required ? def.records.list(app.rt.app())[0]!.id : null;
      const unitId = def.options?.includes('unit') && !['targetAgreements', 'targetAgreementStatus'].includes(def.type) ? team.id : null;
      const r = await renderDocument(app.rt.app(), { type: def.type, ...target, recordId, unitId });
      const pngs = renderPngs(r.bytes, ARTIFACTS, def.type, 30);
      expect(pngs.length, def.type).toBe(r.pageCount);
      expect(existsSync(pngs[0]!)).toBe(true);
      expect(compactText(r.bytes)).toContain('重庆渝江精密机械有限公司');
    }
  });
});
