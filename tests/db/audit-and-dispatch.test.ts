import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../main/db/sql.ts';
import { createPerson } from '../../main/modules/people/service.ts';
import { expectFail, openDemoApp, openSetupApp, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

const count = (a: TestApp, table: string) => (a.rt.db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('audit trail', () => {
  it('records who, when, what, before and after for every change', async () => {
    app = await openSetupApp();
    const c = (await app.ok('unit.list', {}))[0]!;
    app.clock.ms += 60_000;
    const u = await app.ok('unit.create', { name: '安全环保部', kind: 'DEPARTMENT', parentId: c.id });
    await app.ok('unit.update', { id: u.id, name: '安全环保部', kind: 'DEPARTMENT', parentId: c.id, phone: '023-1234567' });
    await app.ok('unit.delete', { id: u.id });
    const entries = (await app.ok('audit.list', { entityId: u.id })).items;
    expect(entries.map((e) => e.action)).toEqual(['DELETE', 'UPDATE', 'CREATE']);
    expect(entries[1]).toMatchObject({ operatorName: '测试员', channel: 'UI', atMs: app.clock.ms, before: { phone: null }, after: { phone: '023-1234567' } });
    expect(entries[0]!.before).toMatchObject({ name: '安全环保部' });
  });

  it('cannot be edited or deleted, even with direct SQL', async () => {
    app = await openSetupApp();
    expect(() => app.rt.db!.prepare(`UPDATE audit_log SET summary = 'x'`).run()).toThrow('操作日志只能追加，不能修改');
    expect(() => app.rt.db!.prepare('DELETE FROM audit_log').run()).toThrow('操作日志只能追加，不能删除');
  });
});

describe('the dispatcher refuses bad calls without writing', () => {
  it('unknown methods and malformed payloads get structured errors', async () => {
    app = await openSetupApp();
    const before = count(app, 'audit_log');
    expect(expectFail(await app.raw('person.drop', {}))).toEqual({ code: 'UNKNOWN_METHOD', message: '未知的接口方法「person.drop」' });
    expect(expectFail(await app.raw(42, {})).code).toBe('UNKNOWN_METHOD');
    expect(expectFail(await app.raw('person.create', 'not an object'))).toMatchObject({ code: 'VALIDATION', message: '格式不正确：应为对象' });
    const err = expectFail(await app.raw('person.create', { name: 7, staffNo: '', unitId: null, employmentType: 'X', extra: 1 }));
    expect(err.code).toBe('VALIDATION');
    expect(err.fields!.map((f) => f.path).sort()).toEqual(['', 'employmentType', 'name', 'staffNo', 'unitId']);
    expect(err.fields!.find((f) => f.path === '')!.message).toBe('不支持的字段：extra（请删除这些字段）');
    expect(expectFail(await app.raw('unit.delete', { id: 'x'.repeat(500) })).code).toBe('VALIDATION');
    expect(count(app, 'audit_log')).toBe(before);
    expect(count(app, 'person')).toBe(0);
  });

  it('a write that fails halfway (3rd of 5 rows) leaves the database as it was', async () => {
    app = await openSetupApp();
    const c = (await app.ok('unit.list', {}))[0]!;
    const people = count(app, 'person');
    const audits = count(app, 'audit_log');
    const ctx = app.rt.app();
    const row = (i: number) => ({ name: `员工${i}`, staffNo: i === 3 ? 'DUP' : `N${i}`, unitId: c.id, employmentType: 'REGULAR' as const, employerName: null, gender: null, jobTitle: null, phone: null, hireDate: null, idNumber: null, notes: null });
    // Row 3 collides with an existing staff number at the database level.
    ctx.db.prepare(`INSERT INTO person (id, name, staffNo, unitId, employmentType, createdAtMs, updatedAtMs) VALUES ('x', '已有', 'DUP', ?, 'REGULAR', 0, 0)`).run(c.id);
    expect(() =>
      inTransaction(ctx.db, () => {
        for (let i = 1; i <= 5; i++) createPerson(ctx, row(i), []);
      }),
    ).toThrow(/工号「DUP」已被「已有」使用/);
    expect(count(app, 'person')).toBe(people + 1);
    expect(count(app, 'audit_log')).toBe(audits);
    expect(count(app, 'person_status_event')).toBe(0);
  });

  it('mutations tell the UI that data changed; queries do not', async () => {
    app = await openDemoApp();
    app.events.length = 0;
    await app.ok('person.list', {});
    expect(app.events).toEqual([]);
    await app.ok('settings.update', { certAlertDays: [60, 30, 7] });
    expect(app.events).toEqual([{ event: 'data.changed', payload: { method: 'settings.update' } }]);
    expect((await app.ok('settings.get', {})).certAlertDays).toEqual([60, 30, 7]);
    expect((await app.ok('dashboard.get', {})).certificates.dueWithin.map((b) => b.days)).toEqual([60, 30, 7]);
  });
});
