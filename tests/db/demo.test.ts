import { afterEach, describe, expect, it } from 'vitest';
import { expectFail, openDemoApp, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

describe('the demo enterprise', () => {
  it('is a Chongqing machinery plant of the promised size, clearly marked', async () => {
    app = await openDemoApp();
    const status = await app.ok('app.status', {});
    expect(status).toMatchObject({ state: 'ready', isDemo: true, enterpriseName: '重庆渝江精密机械有限公司', operator: { name: '赵敏' } });
    const ent = await app.ok('enterprise.get', {});
    expect(ent).toMatchObject({ industry: 'INDUSTRY_TRADE', industrySector: 'MACHINERY', principal: { name: '陈国栋' }, safetyDeputy: { name: '刘建华' }, safetyDeptName: '安全环保部', reportHotline: '12350' });
    expect(ent.address).toMatch(/^重庆市/);
    const units = await app.ok('unit.list', {});
    expect(units.filter((u) => u.kind === 'DEPARTMENT' || u.kind === 'WORKSHOP')).toHaveLength(6);
    expect(units.filter((u) => u.kind !== 'COMPANY' && !u.headName)).toEqual([]);
    const d = await app.ok('dashboard.get', {});
    expect(d.counts.posts).toBeGreaterThanOrEqual(25);
    expect(d.counts.activePeople).toBeGreaterThanOrEqual(140);
    expect(d.counts.byEmploymentType.map((t) => t.type).sort()).toEqual(['CONTRACTOR', 'DISPATCHED', 'FLEXIBLE', 'INTERN', 'REGULAR']);
    expect((await app.ok('certificate.list', { includeLeft: true })).total).toBeGreaterThanOrEqual(38);
  });

  it('shows every certificate state and every kind of gap, relative to today', async () => {
    app = await openDemoApp();
    const d = await app.ok('dashboard.get', {});
    expect(d.certificates.expired).toBeGreaterThanOrEqual(2);
    expect(d.certificates.dueWithin.find((b) => b.days === 30)!.count).toBeGreaterThanOrEqual(1);
    expect(d.certificates.dueWithin.find((b) => b.days === 90)!.count).toBeGreaterThanOrEqual(3);
    expect(d.certificationGaps.majorHazards).toBeGreaterThanOrEqual(2);
    expect(d.certificationGaps.items.some((g) => !g.majorHazard)).toBe(true);
    expect(d.postsWithoutHolders.count).toBe(2);
    expect(d.peopleWithoutPost).toBe(2);
    expect((await app.ok('person.list', { status: 'LEFT' })).total).toBe(5);
  });

  it('is the same on every machine and every day (deterministic)', async () => {
    app = await openDemoApp();
    const a = (await app.ok('person.list', { pageSize: 500 })).items.map((p) => `${p.staffNo}${p.name}${p.idNumberMasked}`);
    app.close();
    app = await openDemoApp();
    const b = (await app.ok('person.list', { pageSize: 500 })).items.map((p) => `${p.staffNo}${p.name}${p.idNumberMasked}`);
    expect(b).toEqual(a);
  });

  it('loads only into an empty data folder, and can be removed after a backup', async () => {
    app = await openDemoApp();
    expect(expectFail(await app.call('demo.load', {})).message).toMatch(/不能再载入演示数据/);
    const status = await app.ok('demo.remove', {});
    expect(status).toMatchObject({ state: 'setup', enterpriseName: null, isDemo: false });
    expect((await app.ok('backup.list', {}))[0]!.reason).toBe('移除演示数据前');
    expect((await app.ok('person.list', {})).total).toBe(0);
  });

  it('refuses to wipe real data through the demo removal', async () => {
    const { openSetupApp } = await import('../helpers/runtime.ts');
    app = await openSetupApp();
    expect(expectFail(await app.call('demo.remove', {})).message).toMatch(/不是演示数据/);
  });
});
