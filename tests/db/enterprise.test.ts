import { afterEach, describe, expect, it } from 'vitest';
import { expectFail, openSetupApp, openTestApp, profileOf, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

describe('first run and the enterprise profile', () => {
  it('setup creates the enterprise, its company unit and the first operator, who becomes current', async () => {
    app = await openTestApp();
    const status = await app.ok('app.setup', {
      enterprise: { name: '重庆某某机械有限公司', industry: 'INDUSTRY_TRADE', creditCode: '91500116ma5uxk8y0e', dutyPhone: '023-47661000' },
      operator: { name: '王安全', title: '安全员' },
    });
    expect(status).toMatchObject({ state: 'ready', enterpriseName: '重庆某某机械有限公司', operator: { name: '王安全' }, isDemo: false });
    const ent = await app.ok('enterprise.get', {});
    expect(ent.creditCode).toBe('91500116MA5UXK8Y0E');
    expect(ent.reportHotline).toBe('12350');
    const units = await app.ok('unit.list', {});
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ kind: 'COMPANY', name: '重庆某某机械有限公司', parentId: null });
    const audit = await app.ok('audit.list', {});
    expect(audit.items[0]).toMatchObject({ action: 'CREATE', entityType: 'enterprise', operatorName: '王安全' });
    expect(expectFail(await app.call('app.setup', { enterprise: { name: 'X', industry: 'OTHER' }, operator: { name: '甲' } })).message).toMatch(/不能重复初始化/);
  });

  it('an invalid credit code is refused with the field and the expected check character; nothing is written', async () => {
    app = await openTestApp();
    const err = expectFail(
      await app.call('app.setup', { enterprise: { name: '甲公司', industry: 'INDUSTRY_TRADE', creditCode: '91500116MA5UXK8Y0X' }, operator: { name: '甲' } }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.fields).toEqual([{ path: 'enterprise.creditCode', message: '统一社会信用代码校验位不正确（按前 17 位计算应为「E」），请核对后重新输入' }]);
    expect(app.rt.db!.prepare('SELECT count(*) AS n FROM enterprise').get()).toEqual({ n: 0 });
    expect(app.rt.db!.prepare('SELECT count(*) AS n FROM operator').get()).toEqual({ n: 0 });
    expect(app.rt.state).toBe('setup');
  });

  it('updating the profile is audited with before and after, and renames the company unit with it', async () => {
    app = await openSetupApp();
    const before = await app.ok('enterprise.get', {});
    const after = await app.ok('enterprise.update', { ...profileOf(before), name: '测试精密机械有限公司', regulatorName: '江津区应急管理局', reportHotline: '' });
    expect(after.name).toBe('测试精密机械有限公司');
    expect(after.reportHotline).toBe('12350');
    expect((await app.ok('unit.list', {}))[0]!.name).toBe('测试精密机械有限公司');
    const entry = (await app.ok('audit.list', { entityType: 'enterprise' })).items[0]!;
    expect(entry).toMatchObject({ action: 'UPDATE', summary: '修改企业基本信息' });
    expect(entry.before).toMatchObject({ name: '测试机械有限公司', regulatorName: null });
    expect(entry.after).toMatchObject({ name: '测试精密机械有限公司', regulatorName: '江津区应急管理局' });
  });

  it('the principal must be an employed person', async () => {
    app = await openSetupApp();
    const ent = await app.ok('enterprise.get', {});
    const err = expectFail(await app.call('enterprise.update', { ...profileOf(ent), principalPersonId: 'no-such-person' }));
    expect(err.fields?.[0]).toEqual({ path: 'principalPersonId', message: '所选主要负责人不存在，请重新选择' });
  });
});
