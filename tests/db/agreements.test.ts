import { afterEach, describe, expect, it } from 'vitest';
import { renderDocument } from '../../main/modules/print/service.ts';
import { demoSignaturePng } from '../../main/modules/demo/signature.ts';
import { compactText, pdfPages } from '../helpers/pdf.ts';
import { expectFail, openDemoApp, openSetupApp, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

const ink = (name: string) => demoSignaturePng(name).toString('base64');

describe('target responsibility agreements (目标责任书)', () => {
  it('are generated level by level down the organisation, with the units that cannot be covered named', async () => {
    app = await openDemoApp();
    // The demo already has this year's; generate next year's from the default template.
    const r = await app.ok('agreement.generate', { year: 2027 });
    const units = await app.ok('unit.list', {});
    const depts = units.filter((u) => u.kind === 'DEPARTMENT' || u.kind === 'WORKSHOP').length;
    const teams = units.filter((u) => u.kind === 'TEAM').length;
    const p = await app.ok('agreement.progress', { year: 2027 });
    expect(p.levels.find((l) => l.level === 'COMPANY_UNIT')!.total).toBe(depts);
    expect(p.levels.find((l) => l.level === 'UNIT_TEAM')!.total).toBe(teams);
    const workers = p.levels.find((l) => l.level === 'TEAM_WORKER')!.total;
    expect(workers).toBeGreaterThan(100);
    expect(r).toMatchObject({ created: depts + teams + workers, updated: 0, unchanged: 0, skipped: [] });
    expect(await app.ok('agreement.generate', { year: 2027 })).toMatchObject({ created: 0, updated: 0, unchanged: depts + teams + workers });
    const one = (await app.ok('agreement.list', { year: 2027, level: 'COMPANY_UNIT', search: '安全环保部' })).items[0]!;
    const detail = await app.ok('agreement.get', { id: one.id });
    expect(detail.content).toMatch(/^甲方：重庆渝江精密机械有限公司（主要负责人 陈国栋）\n乙方：黄志勇/);
    expect(detail.content).toContain('2027年1月1日至2027年12月31日');
  });

  it('units without a head are reported, not silently skipped', async () => {
    app = await openSetupApp();
    const c = (await app.ok('unit.list', {}))[0]!;
    const ws = await app.ok('unit.create', { name: '机加工车间', kind: 'WORKSHOP', parentId: c.id });
    await app.ok('person.create', { name: '工人甲', staffNo: 'G1', unitId: ws.id, employmentType: 'REGULAR' });
    expect(expectFail(await app.call('agreement.generate', { year: 2026 })).message).toMatch(/尚未指定主要负责人/);
  });

  it('each party signs once; signing tracks who is still missing', async () => {
    app = await openDemoApp();
    await app.ok('agreement.generate', { year: 2027, levels: ['UNIT_TEAM'] });
    const a = (await app.ok('agreement.list', { year: 2027 })).items[0]!;
    expect(a.status).toBe('UNSIGNED');
    const afterB = await app.ok('agreement.sign', { id: a.id, party: 'B', signaturePngBase64: ink(a.partyBName) });
    expect(afterB).toMatchObject({ status: 'PARTIAL', signatureB: { method: 'ON_SCREEN', signerName: a.partyBName } });
    expect(expectFail(await app.call('agreement.sign', { id: a.id, party: 'B', signaturePngBase64: ink(a.partyBName) })).message).toMatch(/^乙方已于 .* 签署，内容未改变，不能重复签署$/);
    const afterA = await app.ok('agreement.sign', { id: a.id, party: 'A', signaturePngBase64: ink(a.partyAPerson ?? 'A') });
    expect(afterA.status).toBe('SIGNED');
    const p = await app.ok('agreement.progress', { year: 2027 });
    expect(p.levels.find((l) => l.level === 'UNIT_TEAM')).toMatchObject({ signed: 1, partial: 0 });
    expect((await app.ok('agreement.list', { year: 2027, status: 'UNSIGNED' })).total).toBe(p.levels.find((l) => l.level === 'UNIT_TEAM')!.total - 1);
  });

  it('a template change updates unsigned agreements only; signed text stays as signed', async () => {
    app = await openDemoApp();
    await app.ok('agreement.generate', { year: 2027, levels: ['COMPANY_UNIT'] });
    const [first, second] = (await app.ok('agreement.list', { year: 2027 })).items;
    await app.ok('agreement.sign', { id: first!.id, party: 'B', signaturePngBase64: ink('乙') });
    const t = await app.ok('agreement.template', { year: 2027 });
    const { year: _y, saved: _s, updatedAtMs: _u, ...text } = t;
    await app.ok('agreement.saveTemplate', { year: 2027, ...text, terms: `${t.terms}\n五、新增条款。` });
    expect((await app.ok('agreement.get', { id: first!.id })).content).not.toContain('新增条款');
    expect((await app.ok('agreement.get', { id: second!.id })).content).toContain('五、新增条款。');
  });

  it('print in batch (one agreement a page, with signatures) and the signing ledger', async () => {
    app = await openDemoApp();
    const year = String(new Date(app.clock.ms).getUTCFullYear());
    const target = { recordId: year, unitId: null, level: 'COMPANY_UNIT', onlyUnsigned: false };
    const r = await renderDocument(app.rt.app(), { type: 'targetAgreements', ...target });
    const n = (await app.ok('agreement.list', { year: Number(year), level: 'COMPANY_UNIT' })).total;
    expect(pdfPages(r.bytes).pages).toBe(n);
    expect(compactText(r.bytes)).toContain('公司—部门/车间');
    const ledger = await renderDocument(app.rt.app(), { type: 'targetAgreementStatus', ...target, level: null });
    const text = compactText(ledger.bytes);
    expect(text).toMatch(/已签订\d+份，待对方签署\d+份，未签署\d+份/);
    expect(text).toContain('未签署');
    const none = expectFail(await app.call('print.preview', { type: 'targetAgreements', recordId: '1999' }));
    expect(none.message).toMatch(/该年度还没有目标责任书/);
    expect(expectFail(await app.call('print.preview', { type: 'targetAgreements' })).fields?.[0]).toEqual({ path: 'recordId', message: '请选择年度' });
  });
});
