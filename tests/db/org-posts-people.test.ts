import { afterEach, describe, expect, it } from 'vitest';
import { expectFail, openSetupApp, profileOf, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

async function company(a: TestApp) {
  return (await a.ok('unit.list', {}))[0]!;
}

const count = (a: TestApp, table: string) => (a.rt.db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('organisation', () => {
  it('builds 公司 → 车间 → 班组 with paths and refuses invalid placements', async () => {
    app = await openSetupApp();
    const c = await company(app);
    const ws = await app.ok('unit.create', { name: '机加工车间', kind: 'WORKSHOP', parentId: c.id });
    const team = await app.ok('unit.create', { name: '车削班', kind: 'TEAM', parentId: ws.id });
    expect(team.path).toBe('测试机械有限公司 / 机加工车间 / 车削班');
    expect(expectFail(await app.call('unit.create', { name: '错班', kind: 'TEAM', parentId: c.id })).fields?.[0]?.message).toMatch(/公司下不能直接设班组/);
    expect(expectFail(await app.call('unit.create', { name: '子班', kind: 'WORKSHOP', parentId: team.id })).message).toBe('班组下不能再设下级单位');
    expect(expectFail(await app.call('unit.create', { name: '车削班', kind: 'TEAM', parentId: ws.id })).message).toMatch(/已有名为「车削班」/);
    expect(expectFail(await app.call('unit.update', { id: ws.id, name: '机加工车间', kind: 'WORKSHOP', parentId: team.id })).message).toMatch(/班组下不能再设|自己或它的下级/);
  });

  it('a unit with children cannot be deleted, and nothing changes', async () => {
    app = await openSetupApp();
    const c = await company(app);
    const ws = await app.ok('unit.create', { name: '机加工车间', kind: 'WORKSHOP', parentId: c.id });
    await app.ok('unit.create', { name: '车削班', kind: 'TEAM', parentId: ws.id });
    const before = count(app, 'unit');
    const err = expectFail(await app.call('unit.delete', { id: ws.id }));
    expect(err).toMatchObject({ code: 'RULE', message: '「机加工车间」下还有 1 个下级单位，请先删除或移走下级单位' });
    expect(count(app, 'unit')).toBe(before);
    expect(expectFail(await app.call('unit.delete', { id: c.id })).message).toBe('顶层公司不能删除');
  });
});

describe('posts and people', () => {
  async function setup(a: TestApp) {
    const c = await company(a);
    const ws = await a.ok('unit.create', { name: '设备动力部', kind: 'DEPARTMENT', parentId: c.id });
    const post = await a.ok('post.create', { name: '维修电工', unitId: ws.id, trade: '电工', category: 'FRONTLINE', isSpecialOperation: true, requiredCertCategory: '电工作业' });
    return { c, ws, post };
  }

  it('a duplicate staff number is refused next to the field; nothing changes', async () => {
    app = await openSetupApp();
    const { ws } = await setup(app);
    await app.ok('person.create', { name: '张三', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR' });
    const people = count(app, 'person');
    const audits = count(app, 'audit_log');
    const err = expectFail(await app.call('person.create', { name: '李四', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR' }));
    expect(err.fields).toEqual([{ path: 'staffNo', message: '工号「YJ0001」已被「张三」使用，请换一个工号' }]);
    expect(count(app, 'person')).toBe(people);
    expect(count(app, 'audit_log')).toBe(audits);
  });

  it('ID numbers are stored whole, listed masked, revealed only on request (and audited)', async () => {
    app = await openSetupApp();
    const { ws } = await setup(app);
    const p = await app.ok('person.create', { name: '张三', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR', idNumber: '11010519491231002x' });
    expect(p.idNumberMasked).toBe('1101**********002X');
    const list = await app.ok('person.list', {});
    expect(JSON.stringify(list)).not.toContain('11010519491231002X');
    const audit = await app.ok('audit.list', { entityId: p.id });
    expect(JSON.stringify(audit)).not.toContain('11010519491231002X');
    expect((await app.ok('person.revealIdNumber', { id: p.id })).idNumber).toBe('11010519491231002X');
    expect((await app.ok('audit.list', { entityId: p.id })).items[0]).toMatchObject({ action: 'REVEAL', summary: '查看「张三」的完整身份证号' });
    // Editing without touching the number keeps it; an explicit null clears it.
    await app.ok('person.update', { id: p.id, name: '张三', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR', phone: '13800000000' });
    expect((await app.ok('person.revealIdNumber', { id: p.id })).idNumber).toBe('11010519491231002X');
    await app.ok('person.update', { id: p.id, name: '张三', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR', idNumber: null });
    expect((await app.ok('person.revealIdNumber', { id: p.id })).idNumber).toBeNull();
  });

  it('a dispatched worker needs the agency; the employment types are all available', async () => {
    app = await openSetupApp();
    const { ws } = await setup(app);
    const err = expectFail(await app.call('person.create', { name: '派遣工', staffNo: 'PQ001', unitId: ws.id, employmentType: 'DISPATCHED' }));
    expect(err.fields?.[0]).toEqual({ path: 'employerName', message: '劳务派遣人员请填写所属劳务派遣单位' });
    for (const [i, t] of (['REGULAR', 'DISPATCHED', 'FLEXIBLE', 'INTERN', 'CONTRACTOR'] as const).entries()) {
      await app.ok('person.create', { name: `人员${i}`, staffNo: `S${i}`, unitId: ws.id, employmentType: t, employerName: '某单位' });
    }
  });

  it('a post held by people cannot be deleted; one with history can only be archived', async () => {
    app = await openSetupApp();
    const { ws, post } = await setup(app);
    const p = await app.ok('person.create', { name: '张三', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR', hireDate: '2026-01-05', postIds: [post.id] });
    const err = expectFail(await app.call('post.delete', { id: post.id }));
    expect(err).toMatchObject({ code: 'RULE', message: '岗位「维修电工」当前有 1 名在岗人员（张三），请先调整这些人员的岗位后再删除' });
    expect(count(app, 'post')).toBe(1);
    expect(expectFail(await app.call('post.archive', { id: post.id })).message).toMatch(/当前有 1 名在岗人员/);

    await app.ok('person.setPosts', { id: p.id, postIds: [], effectiveDate: '2026-11-01' });
    expect(expectFail(await app.call('post.delete', { id: post.id })).message).toMatch(/有 1 条任职历史.*请将其归档/);
    const archived = await app.ok('post.archive', { id: post.id });
    expect(archived.archived).toBe(true);
    expect(expectFail(await app.call('person.setPosts', { id: p.id, postIds: [post.id], effectiveDate: '2026-11-10' })).message).toMatch(/已归档/);
  });

  it('post changes keep history: the old post ends the day before the new one starts', async () => {
    app = await openSetupApp();
    const { ws, post } = await setup(app);
    const other = await app.ok('post.create', { name: '机修钳工', unitId: ws.id, category: 'FRONTLINE', isSpecialOperation: false });
    const p = await app.ok('person.create', { name: '张三', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR', hireDate: '2025-03-01', postIds: [other.id] });
    const moved = await app.ok('person.setPosts', { id: p.id, postIds: [post.id], effectiveDate: '2026-06-01' });
    expect(moved.postNames).toEqual(['维修电工']);
    expect(moved.posts.map((a) => [a.postName, a.startDate, a.endDate])).toEqual([
      ['维修电工', '2026-06-01', null],
      ['机修钳工', '2025-03-01', '2026-05-31'],
    ]);
    expect(expectFail(await app.call('person.setPosts', { id: p.id, postIds: [], effectiveDate: '2025-01-01' })).fields?.[0]?.message).toMatch(/不能早于入职日期（2025-03-01）/);
  });

  it('leaving ends the current posts; an end date before the start date is refused', async () => {
    app = await openSetupApp();
    const { ws, post } = await setup(app);
    const p = await app.ok('person.create', { name: '张三', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR', hireDate: '2025-03-01', postIds: [post.id] });
    const err = expectFail(await app.call('person.leave', { id: p.id, date: '2025-02-01' }));
    expect(err.fields).toEqual([{ path: 'date', message: '离职日期不能早于入职日期（2025-03-01）' }]);
    expect((await app.ok('person.get', { id: p.id })).status).toBe('ACTIVE');
    const left = await app.ok('person.leave', { id: p.id, date: '2026-10-31', reason: '辞职' });
    expect(left).toMatchObject({ status: 'LEFT', leftDate: '2026-10-31', postNames: [] });
    expect(left.posts[0]!.endDate).toBe('2026-10-31');
    expect(left.statusHistory.map((e) => [e.status, e.date])).toEqual([['ACTIVE', '2025-03-01'], ['LEFT', '2026-10-31']]);
    expect((await app.ok('person.list', { status: 'ACTIVE' })).total).toBe(0);
    expect((await app.ok('person.list', { status: 'LEFT' })).total).toBe(1);
    const back = await app.ok('person.rejoin', { id: p.id, date: '2026-11-15' });
    expect(back).toMatchObject({ status: 'ACTIVE', hireDate: '2026-11-15', leftDate: null });
    const certExpiry = expectFail(
      await app.call('certificate.create', { personId: p.id, certTypeId: '00000000-0000-7000-8000-000000000001', number: 'T1', issueDate: '2026-01-10', expiryDate: '2025-12-31' }),
    );
    expect(certExpiry.fields).toEqual([{ path: 'expiryDate', message: '有效期至（2025-12-31）应晚于发证日期（2026-01-10）' }]);
  });

  it('the principal cannot leave until someone else is named', async () => {
    app = await openSetupApp();
    const { ws } = await setup(app);
    const p = await app.ok('person.create', { name: '陈总', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR', hireDate: '2020-01-01' });
    const ent = await app.ok('enterprise.get', {});
    await app.ok('enterprise.update', { ...profileOf(ent), principalPersonId: p.id });
    expect(expectFail(await app.call('person.leave', { id: p.id, date: '2026-11-01' })).message).toBe('「陈总」仍是企业主要负责人，请先改选其他人员后再办理离职');
  });

  it('searching and filtering people', async () => {
    app = await openSetupApp();
    const { ws, post } = await setup(app);
    await app.ok('person.create', { name: '张三', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR', phone: '13900000001', postIds: [post.id] });
    await app.ok('person.create', { name: '李四', staffNo: 'PQ001', unitId: ws.id, employmentType: 'DISPATCHED', employerName: '某劳务公司' });
    expect((await app.ok('person.list', { search: '张' })).items.map((p) => p.name)).toEqual(['张三']);
    expect((await app.ok('person.list', { search: '1390000' })).items.map((p) => p.name)).toEqual(['张三']);
    expect((await app.ok('person.list', { employmentType: 'DISPATCHED' })).items.map((p) => p.name)).toEqual(['李四']);
    expect((await app.ok('person.list', { withoutPost: true })).items.map((p) => p.name)).toEqual(['李四']);
    expect((await app.ok('person.list', { postId: post.id })).items.map((p) => p.name)).toEqual(['张三']);
    expect((await app.ok('person.list', { search: '%' })).total).toBe(0);
  });
});
