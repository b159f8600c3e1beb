import { afterEach, describe, expect, it } from 'vitest';
import { expectFail, openSetupApp, TestClock, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

const SPECIAL_OP = '00000000-0000-7000-8000-000000000001';
const EQUIPMENT = '00000000-0000-7000-8000-000000000002';

async function electricianPost(a: TestApp) {
  const c = (await a.ok('unit.list', {}))[0]!;
  const dept = await a.ok('unit.create', { name: '设备动力部', kind: 'DEPARTMENT', parentId: c.id });
  const post = await a.ok('post.create', { name: '维修电工', unitId: dept.id, trade: '电工', category: 'FRONTLINE', isSpecialOperation: true, requiredCertCategory: '电工作业' });
  const person = await a.ok('person.create', { name: '张电工', staffNo: 'YJ0001', unitId: dept.id, employmentType: 'REGULAR', hireDate: '2020-01-01', postIds: [post.id] });
  return { dept, post, person };
}

describe('certificates', () => {
  it('derives expiry and review dates from the type rule and stores them', async () => {
    app = await openSetupApp();
    const { person } = await electricianPost(app);
    const c = await app.ok('certificate.create', { personId: person.id, certTypeId: SPECIAL_OP, category: '电工作业-低压电工作业', number: 'T500101', issueDate: '2024-01-15' });
    expect(c).toMatchObject({ effectiveExpiryDate: '2030-01-15', nextReviewDate: '2027-01-15', dueDate: '2027-01-15', reviewWindowStart: '2026-11-16', dueState: 'DUE', alertBucket: 60, daysLeft: 54 });
    const reviewed = await app.ok('certificate.recordReview', { id: c.id, reviewDate: '2026-11-20', result: 'PASSED' });
    expect(reviewed).toMatchObject({ lastReviewDate: '2026-11-20', nextReviewDate: '2029-11-20', reviews: [{ reviewDate: '2026-11-20', result: 'PASSED' }] });
    const failed = await app.ok('certificate.recordReview', { id: c.id, reviewDate: '2026-11-21', result: 'FAILED' });
    expect(failed.nextReviewDate).toBe('2029-11-20');
    expect(expectFail(await app.call('certificate.recordReview', { id: c.id, reviewDate: '2027-01-01', result: 'PASSED' })).fields?.[0]?.message).toBe('复审日期不能晚于今天');
  });

  it('changing a type rule recomputes every certificate of that type', async () => {
    app = await openSetupApp();
    const { person } = await electricianPost(app);
    const c = await app.ok('certificate.create', { personId: person.id, certTypeId: EQUIPMENT, number: 'N1-001', issueDate: '2024-01-15' });
    expect(c.effectiveExpiryDate).toBe('2028-01-15');
    const type = (await app.ok('certType.list', {})).find((t) => t.id === EQUIPMENT)!;
    await app.ok('certType.update', { id: EQUIPMENT, name: type.name, validityYears: 3, reviewIntervalYears: null, reviewWindowDays: 30, authority: type.authority, notes: type.notes });
    expect((await app.ok('certificate.get', { id: c.id })).effectiveExpiryDate).toBe('2027-01-15');
    expect(expectFail(await app.call('certType.update', { id: EQUIPMENT, name: type.name, validityYears: 3, reviewIntervalYears: 3, reviewWindowDays: 30 })).fields?.[0]?.path).toBe('reviewIntervalYears');
    expect(expectFail(await app.call('certType.delete', { id: EQUIPMENT })).message).toMatch(/内置证书类型/);
  });

  it('lists what falls due in 90/60/30 days, with expired and overdue first', async () => {
    const clock = new TestClock();
    app = await openSetupApp({ clock });
    const { person } = await electricianPost(app);
    const make = (number: string, expiryDate: string) => app.ok('certificate.create', { personId: person.id, certTypeId: EQUIPMENT, number, issueDate: '2023-01-01', expiryDate });
    await make('A-expired', '2026-11-01');
    await make('B-20d', '2026-12-12');
    await make('C-50d', '2027-01-11');
    await make('D-80d', '2027-02-10');
    await make('E-200d', '2027-06-10');
    const attention = await app.ok('certificate.list', { dueState: 'ATTENTION' });
    expect(attention.items.map((c) => [c.number, c.dueState, c.alertBucket])).toEqual([
      ['A-expired', 'EXPIRED', null],
      ['B-20d', 'DUE', 30],
      ['C-50d', 'DUE', 60],
      ['D-80d', 'DUE', 90],
    ]);
    expect((await app.ok('certificate.list', { dueState: 'DUE', dueWithinDays: 30 })).items.map((c) => c.number)).toEqual(['B-20d']);
    expect((await app.ok('certificate.list', { dueState: 'VALID' })).items.map((c) => c.number)).toEqual(['E-200d']);
    const dash = await app.ok('dashboard.get', {});
    expect(dash.certificates).toMatchObject({ expired: 1, reviewOverdue: 0, dueWithin: [{ days: 90, count: 3 }, { days: 60, count: 2 }, { days: 30, count: 1 }] });
    clock.advanceDays(30);
    expect((await app.ok('dashboard.get', {})).certificates.expired).toBe(2);
  });

  it('a 特种作业 post held without a valid certificate is flagged as a 重大事故隐患 until one is registered', async () => {
    app = await openSetupApp();
    const { person, post } = await electricianPost(app);
    let dash = await app.ok('dashboard.get', {});
    expect(dash.certificationGaps.items).toEqual([
      expect.objectContaining({ personName: '张电工', postName: '维修电工', reason: '未登记相应证书', majorHazard: true, requirement: '特种作业操作证（电工作业）' }),
    ]);
    expect(dash.certificationGaps.items[0]!.basis).toMatch(/应急管理部令第10号.*第四条第（二）项/);
    expect((await app.ok('post.get', { id: post.id })).holders[0]!.certified).toBe(false);

    // A certificate of the wrong category does not count.
    await app.ok('certificate.create', { personId: person.id, certTypeId: SPECIAL_OP, category: '焊接与热切割作业', number: 'W1', issueDate: '2025-01-01' });
    expect((await app.ok('dashboard.get', {})).certificationGaps.total).toBe(1);
    // An expired one is named as such.
    const old = await app.ok('certificate.create', { personId: person.id, certTypeId: SPECIAL_OP, category: '电工作业-低压电工作业', number: 'E0', issueDate: '2019-01-01', lastReviewDate: '2022-01-01' });
    dash = await app.ok('dashboard.get', {});
    expect(dash.certificationGaps.items[0]!.reason).toBe('证书（E0）已于 2025-01-01 过期');
    await app.ok('certificate.revoke', { id: old.id, reason: '换证' });
    await app.ok('certificate.create', { personId: person.id, certTypeId: SPECIAL_OP, category: '电工作业-低压电工作业', number: 'E1', issueDate: '2025-01-02' });
    dash = await app.ok('dashboard.get', {});
    expect(dash.certificationGaps).toEqual({ total: 0, majorHazards: 0, items: [] });
    expect((await app.ok('post.get', { id: post.id })).uncertifiedCount).toBe(0);
  });

  it('duplicate numbers and unknown people are refused', async () => {
    app = await openSetupApp();
    const { person } = await electricianPost(app);
    await app.ok('certificate.create', { personId: person.id, certTypeId: SPECIAL_OP, number: 'T1', issueDate: '2025-01-01' });
    expect(expectFail(await app.call('certificate.create', { personId: person.id, certTypeId: SPECIAL_OP, number: 'T1', issueDate: '2025-01-01' })).fields).toEqual([
      { path: 'number', message: '证书编号「T1」已登记在「张电工」名下' },
    ]);
    expect(expectFail(await app.call('certificate.create', { personId: 'nobody', certTypeId: SPECIAL_OP, number: 'T2', issueDate: '2025-01-01' })).fields?.[0]?.path).toBe('personId');
    expect(expectFail(await app.call('person.delete', { id: person.id })).message).toMatch(/已登记 1 本证书，不能删除/);
  });
});
