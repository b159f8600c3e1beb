import { afterEach, describe, expect, it } from 'vitest';
import { expectFail, openSetupApp, profileOf, TestClock, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64').toString('base64');

/** A workshop with a paint booth risk point (approved, three measures) and four people. */
async function plant(clock = new TestClock(Date.UTC(2026, 10, 2, 2))) {
  app = await openSetupApp({ clock });
  const company = (await app.ok('unit.list', {}))[0]!;
  const ws = await app.ok('unit.create', { name: '表面处理车间', kind: 'WORKSHOP', parentId: company.id });
  const post = await app.ok('post.create', { name: '喷漆工', unitId: ws.id, trade: '涂装工', category: 'FRONTLINE', isSpecialOperation: false });
  const person = (name: string, staffNo: string) => app.ok('person.create', { name, staffNo, unitId: ws.id, employmentType: 'REGULAR', phone: '13800000001', postIds: [post.id] });
  const head = await person('谢斌', 'YJ0001');
  const worker = await person('龙小川', 'YJ0002');
  const officer = await person('黄志勇', 'YJ0003');
  const principal = await person('陈国强', 'YJ0004');
  const e = await app.ok('enterprise.get', {});
  await app.ok('enterprise.update', { ...profileOf(e), principalPersonId: principal.id });
  const risk = await app.ok('risk.create', {
    name: '喷漆房',
    kind: 'AREA',
    location: '车间东侧',
    unitId: ws.id,
    postIds: [post.id],
    controlLevel: 'DEPARTMENT',
    respUnitId: ws.id,
    respPersonId: head.id,
    identifiedOn: '2026-10-10',
    hazards: [{ description: '有机溶剂挥发形成爆炸性混合物', category: 'MATERIAL', accidentTypes: ['火灾', '其它爆炸'] }],
    measures: [
      { category: 'ENGINEERING', content: '可燃气体报警仪与排风机联锁' },
      { category: 'MANAGEMENT', content: '动火作业审批' },
      { category: 'PPE', content: '佩戴防毒面具' },
    ],
  });
  await app.ok('risk.assess', { riskPointId: risk.id, method: 'LEC', values: { L: 6, E: 6, C: 7 }, assessedOn: '2026-10-10', assessorName: '黄志勇' });
  await app.ok('risk.approve', { id: risk.id, approvedBy: '陈国强', approvedOn: '2026-10-12' });
  return { company, ws, post, head, worker, officer, principal, risk };
}

/** The workshop's weekly check, its checklist drafted from the paint booth's measures. */
async function weeklyPlan(p: Awaited<ReturnType<typeof plant>>) {
  const draft = await app.ok('checkPlan.draftItems', { riskPointIds: [p.risk.id] });
  return app.ok('checkPlan.create', {
    name: '表面处理车间周检查',
    tier: 'WEEK',
    frequency: 'WEEKLY',
    skipNonWorkdays: false,
    unitId: p.ws.id,
    responsiblePersonId: p.head.id,
    ledByPrincipal: false,
    startsOn: '2026-11-02',
    scope: { riskPointIds: [p.risk.id] },
    items: draft.items.map(({ riskPointCode: _c, riskPointName: _n, riskLevel: _l, ...i }) => i),
  });
}

async function photo() {
  return app.ok('attachment.upload', { fileName: '整改后.png', dataBase64: PNG });
}

describe('check plans and tasks', () => {
  it('drafts a checklist from the measures in scope, generates tasks per period and flags 漏检 for good', async () => {
    const clock = new TestClock(Date.UTC(2026, 10, 2, 2)); // Monday 2026-11-02
    const p = await plant(clock);
    const draft = await app.ok('checkPlan.draftItems', { unitIds: [p.ws.id] });
    expect(draft.riskPoints).toBe(1);
    expect(draft.items.map((i) => [i.content, i.category, i.method])).toEqual([
      ['喷漆房：可燃气体报警仪与排风机联锁', 'SITE', 'LOOK'],
      ['喷漆房：动火作业审批', 'BASIC', 'DOC'],
      ['喷漆房：佩戴防毒面具', 'SITE', 'LOOK'],
    ]);
    const plan = await app.ok('checkPlan.create', {
      name: '喷漆班日检查',
      tier: 'DAY',
      frequency: 'DAILY',
      skipNonWorkdays: true,
      unitId: p.ws.id,
      responsiblePersonId: p.head.id,
      ledByPrincipal: false,
      startsOn: '2026-11-02',
      scope: { unitIds: [p.ws.id] },
      items: draft.items.map(({ riskPointCode: _c, riskPointName: _n, riskLevel: _l, ...i }) => i),
    });
    expect(plan.items).toHaveLength(3);
    expect(plan.current).toMatchObject({ periodKey: '2026-11-02', state: 'DUE' });

    // A measure a plan checks cannot be dropped from the register.
    const risk = await app.ok('risk.get', { id: p.risk.id });
    const dropped = expectFail(
      await app.call('risk.update', {
        id: risk.id,
        name: risk.name,
        kind: risk.kind,
        location: risk.location,
        unitId: risk.unitId,
        postIds: [],
        controlLevel: 'DEPARTMENT',
        identifiedOn: risk.identifiedOn,
        hazards: risk.hazards.map(({ description, category, accidentTypes }) => ({ description, category, accidentTypes: accidentTypes as never[] })),
        measures: risk.measures.slice(1).map(({ id, category, content }) => ({ id, category, content })),
      }),
    );
    expect(dropped.message).toContain('正被检查计划「喷漆班日检查」的检查项引用');

    // Monday's task is not recorded; on Thursday it is 漏检, and Saturday/Sunday have no task.
    clock.advanceDays(3);
    await app.ok('checkTask.generate', {});
    const list = await app.ok('checkTask.list', { planId: plan.id, pageSize: 50 });
    expect(list.items.map((t) => [t.periodKey, t.state])).toEqual([
      ['2026-11-05', 'DUE'],
      ['2026-11-04', 'MISSED'],
      ['2026-11-03', 'MISSED'],
      ['2026-11-02', 'MISSED'],
    ]);
    clock.advanceDays(4); // Monday 2026-11-09
    const board = await app.ok('checkTask.board', {});
    expect(board.dueToday.map((t) => t.periodKey)).toEqual(['2026-11-09']);
    expect(board.missed.map((t) => t.periodKey)).toEqual(['2026-11-06', '2026-11-05', '2026-11-04', '2026-11-03', '2026-11-02']);

    // 补做 of a missed day: recorded late, and the 漏检 flag stays.
    const monday = list.items.find((t) => t.periodKey === '2026-11-02')!;
    const items = plan.items.map((i) => ({ itemId: i.id, result: 'PASS' as const }));
    const made = await app.ok('checkRecord.create', { taskId: monday.id, checkedOn: '2026-11-09', checkerIds: [p.head.id], results: items });
    expect(made.record).toMatchObject({ late: true, passCount: 3, open: false });
    const after = await app.ok('checkTask.get', { id: monday.id });
    expect(after).toMatchObject({ state: 'LATE', missed: true });

    const compliance = await app.ok('checkCompliance.get', { year: 2026 });
    expect(compliance.plans[0]!.months[10]).toMatchObject({ due: 5, onTime: 0, late: 1, missed: 5, share: 0 });
    // November is still running: no month is missing the principal's check yet; in December, November is.
    expect(compliance.principalMissingMonths).toEqual([]);
    clock.advanceDays(25);
    expect((await app.ok('checkCompliance.get', { year: 2026 })).principalMissingMonths).toEqual([11]);
  });

  it('refuses a record with no items answered, with items missing, or dated before its period', async () => {
    const p = await plant();
    const plan = await weeklyPlan(p);
    const task = plan.current!;
    expect(task.periodKey).toBe('2026-W45');
    expect(expectFail(await app.call('checkRecord.create', { taskId: task.taskId, checkedOn: '2026-11-02', checkerIds: [p.head.id], results: [] })).message).toBe(
      '检查记录没有填写任何检查项结果：请逐项选择合格、不合格或不适用',
    );
    const one = [{ itemId: plan.items[0]!.id, result: 'PASS' as const }];
    expect(expectFail(await app.call('checkRecord.create', { taskId: task.taskId, checkedOn: '2026-11-02', checkerIds: [p.head.id], results: one })).message).toBe('第 2、3 项未填写检查结果（共 2 项）');
    const all = plan.items.map((i) => ({ itemId: i.id, result: 'NA' as const }));
    expect(expectFail(await app.call('checkRecord.create', { taskId: task.taskId, checkedOn: '2026-11-01', checkerIds: [p.head.id], results: all })).message).toBe('检查日期不能早于本期开始日期 2026-11-02');
    expect(expectFail(await app.call('checkRecord.create', { taskId: task.taskId, checkedOn: '2026-11-02', checkerIds: [], results: all })).message).toBe('请至少选择一名检查人');
    expect(await app.ok('checkRecord.list', {})).toMatchObject({ total: 0 });
    expect((await app.ok('hazard.list', {})).total).toBe(0);
  });
});

describe('the rectification closed loop', () => {
  it('a 不合格 item becomes a prefilled hazard; 整改 → 复查 by another person → 销号 closes the record', async () => {
    const p = await plant();
    const plan = await weeklyPlan(p);
    const results = plan.items.map((i, n) => ({ itemId: i.id, result: n === 0 ? ('FAIL' as const) : ('PASS' as const), remark: n === 0 ? '报警仪未与排风机联锁' : null }));
    const { record, hazardIds } = await app.ok('checkRecord.create', { taskId: plan.current!.taskId, checkedOn: '2026-11-02', checkerIds: [p.head.id, p.officer.id], results });
    expect(record).toMatchObject({ failCount: 1, passCount: 2, open: true, openHazards: 1 });
    let h = await app.ok('hazard.get', { id: hazardIds[0]! });
    expect(h).toMatchObject({
      code: 'YH-2026-0001',
      source: 'WEEK',
      sourceTier: 'WEEK',
      status: 'PENDING',
      level: 'GENERAL',
      riskPointCode: 'FX-001',
      location: '车间东侧',
      foundByName: '谢斌、黄志勇',
      foundOn: '2026-11-02',
      deadline: '2026-11-17',
      respUnitName: '表面处理车间',
      respPersonName: '谢斌',
      description: '喷漆房：可燃气体报警仪与排风机联锁——报警仪未与排风机联锁',
      missing: ['整改措施'],
    });

    // Closing without re-inspection and starting without 五落实 are refused.
    expect(expectFail(await app.call('hazard.close', { id: h.id, closedOn: '2026-11-02' })).message).toBe('隐患 YH-2026-0001：该隐患尚未整改和复查验收，不能销号');
    expect(expectFail(await app.call('hazard.start', { id: h.id })).message).toBe('隐患 YH-2026-0001 不能下发整改通知，五落实尚缺：整改措施');
    const values = {
      source: h.source,
      unitId: h.unitId,
      riskPointId: h.riskPointId,
      location: h.location,
      description: h.description,
      kind: h.kind,
      scope: h.scope,
      level: h.level,
      foundByName: h.foundByName,
      foundOn: h.foundOn,
      measures: '加装联锁继电器，报警时自动启动排风机',
      respUnitId: h.respUnitId,
      respPersonId: p.head.id,
      funds: 3000,
      deadline: '2026-10-30',
      interimMeasures: '联锁恢复前人工值守，每小时巡检',
    };
    expect(expectFail(await app.call('hazard.update', { id: h.id, ...values }))).toMatchObject({ message: '整改期限（2026-10-30）不能早于发现日期（2026-11-02）', fields: [{ path: 'deadline' }] });
    await app.ok('hazard.update', { id: h.id, ...values, deadline: '2026-11-10' });
    h = await app.ok('hazard.start', { id: h.id });
    expect(h.status).toBe('IN_PROGRESS');
    h = await app.ok('hazard.submit', { id: h.id, rectifierId: p.worker.id, rectifiedOn: '2026-11-02', rectifyNote: '已加装联锁继电器并试验', photoIds: [] });
    expect(h.status).toBe('AWAITING_REVIEW');
    expect(expectFail(await app.call('hazard.close', { id: h.id, closedOn: '2026-11-02' })).message).toBe('隐患 YH-2026-0001 尚未复查验收合格，不能销号：请由整改人以外的人员复查验收后再销号');
    const self = expectFail(await app.call('hazard.reinspect', { id: h.id, inspectorId: p.worker.id, inspectedOn: '2026-11-02', passed: true, opinion: '合格' }));
    expect(self).toMatchObject({ message: '复查人不能是整改人本人（龙小川）：请由整改人以外的人员复查验收', fields: [{ path: 'inspectorId' }] });
    expect(expectFail(await app.call('hazard.reinspect', { id: h.id, inspectorId: p.officer.id, inspectedOn: '2026-11-02', passed: true, opinion: '合格' })).message).toBe(
      '复查验收合格须留存整改后的照片：请上传整改后或复查时的照片',
    );
    // Rejected once, rectified again, then passed and closed with the after-photo.
    h = await app.ok('hazard.reinspect', { id: h.id, inspectorId: p.officer.id, inspectedOn: '2026-11-02', passed: false, opinion: '联锁动作延迟超过 10 秒' });
    expect(h.status).toBe('IN_PROGRESS');
    const pic = await photo();
    h = await app.ok('hazard.submit', { id: h.id, rectifierId: p.worker.id, rectifiedOn: '2026-11-02', rectifyNote: '更换继电器，联锁 2 秒内动作', photoIds: [pic.id] });
    h = await app.ok('hazard.reinspect', { id: h.id, inspectorId: p.officer.id, inspectedOn: '2026-11-02', passed: true, opinion: '联锁可靠，同意销号' });
    expect(h).toMatchObject({ status: 'CLOSED', closedOn: '2026-11-02', reinspectorName: '黄志勇' });
    expect(h.events.map((e) => e.kind)).toEqual(['REGISTER', 'UPDATE', 'START', 'SUBMIT', 'REINSPECT_FAIL', 'SUBMIT', 'REINSPECT_PASS', 'CLOSE']);
    expect((await app.ok('checkRecord.get', { id: record.id })).open).toBe(false);

    // A closed hazard cannot be edited; reopening is recorded with its reason.
    expect(expectFail(await app.call('hazard.update', { id: h.id, ...values, deadline: '2026-11-10' })).message).toBe('隐患 YH-2026-0001：该隐患已销号，不能修改；确需更正请先「重新打开」并说明原因');
    h = await app.ok('hazard.reopen', { id: h.id, reason: '复查后联锁再次失效' });
    expect(h).toMatchObject({ status: 'IN_PROGRESS', closedOn: null });
    expect(h.events.at(-1)).toMatchObject({ kind: 'REOPEN', note: '复查后联锁再次失效', fromStatus: 'CLOSED', toStatus: 'IN_PROGRESS' });
    const audit = await app.ok('audit.list', { entityType: 'hazard', entityId: h.id });
    expect(audit.items.map((a) => a.summary)).toContain('隐患 YH-2026-0001：重新打开：复查后联锁再次失效');
  });

  it('a criterion makes a hazard 重大: no start without an approved plan, the principal approves and extends, extensions are limited', async () => {
    const p = await plant();
    const lib = await app.ok('checkLibrary.get', {});
    const confined = lib.criteria.find((c) => c.group === 'SPECIAL' && c.text.includes('有限空间'))!;
    let h = await app.ok('hazard.create', {
      source: 'EXTERNAL',
      unitId: p.ws.id,
      description: '污水池有限空间未设置警示标识，未建立台账',
      kind: 'MANAGEMENT',
      scope: 'SITE',
      level: 'GENERAL',
      criteriaCode: confined.code,
      foundByName: '区应急管理局检查组',
      foundOn: '2026-11-02',
      measures: '辨识有限空间，建立台账，设置警示标识',
      respUnitId: p.ws.id,
      respPersonId: p.head.id,
      funds: 5000,
      interimMeasures: '封闭入口，严禁进入',
    });
    expect(h).toMatchObject({ level: 'MAJOR', major: true, levelLabel: '重大事故隐患', criteriaText: confined.text });
    expect(h.missing).toEqual(['重大隐患治理方案', '向监管部门和职工代表大会报告（重大隐患）']);
    expect(expectFail(await app.call('hazard.start', { id: h.id })).message).toBe('隐患 YH-2026-0001 不能下发整改通知，五落实和治理方案尚缺：重大隐患治理方案');
    expect(expectFail(await app.call('hazard.submit', { id: h.id, rectifierId: p.worker.id, rectifiedOn: '2026-11-02', rectifyNote: '已设标识' })).message).toContain('不能立即整改');
    const plan = {
      presentState: '污水池未辨识为有限空间',
      harm: '中毒窒息，可致多人死亡；整改难度小',
      goals: '完成有限空间辨识和标识',
      methods: '辨识、建台账、设标识、培训',
      fundsMaterials: '5000 元，警示牌 6 块',
      organisation: '安全环保部牵头，车间配合',
      timeLimit: '15 日内完成',
      safetyMeasures: '整改期间封闭入口',
    };
    h = await app.ok('hazard.saveTreatment', { id: h.id, treatment: plan });
    expect(expectFail(await app.call('hazard.approveTreatment', { id: h.id, approvedById: p.head.id, approvedOn: '2026-11-02' })).message).toBe('重大隐患治理方案须由主要负责人（陈国强）批准');
    h = await app.ok('hazard.approveTreatment', { id: h.id, approvedById: p.principal.id, approvedOn: '2026-11-02' });
    h = await app.ok('hazard.report', { id: h.id, reportedOn: '2026-11-02', reportedTo: '区应急管理局、职工代表大会' });
    expect(h.missing).toEqual([]);
    h = await app.ok('hazard.start', { id: h.id });
    const ext = { reason: '警示牌定制未到货', interimMeasures: '入口加锁，专人看守', requestedByName: '谢斌', approvedOn: '2026-11-02' };
    expect(expectFail(await app.call('hazard.extend', { id: h.id, ...ext, newDeadline: '2026-11-30', approvedById: p.head.id })).message).toBe('重大隐患延期须由主要负责人（陈国强）批准');
    h = await app.ok('hazard.extend', { id: h.id, ...ext, newDeadline: '2026-11-30', approvedById: p.principal.id });
    h = await app.ok('hazard.extend', { id: h.id, ...ext, newDeadline: '2026-12-10', approvedById: p.principal.id });
    expect(h).toMatchObject({ extensionCount: 2, deadline: '2026-12-10' });
    expect(expectFail(await app.call('hazard.extend', { id: h.id, ...ext, newDeadline: '2026-12-20', approvedById: p.principal.id })).message).toContain('达到上限（2 次）');
    // Editing the plan after approval needs a new approval.
    h = await app.ok('hazard.saveTreatment', { id: h.id, treatment: { ...plan, timeLimit: '2026-12-10 前完成' } });
    expect(h.treatment).toMatchObject({ approvedOn: null });
  });

  it('overdue hazards escalate; the ledger lists every hazard of the period whatever its status; the stats add up', async () => {
    const clock = new TestClock(Date.UTC(2026, 10, 2, 2));
    const p = await plant(clock);
    const base = { source: 'ADHOC' as const, unitId: p.ws.id, kind: 'THING' as const, scope: 'SITE' as const, level: 'GENERAL', foundByName: '黄志勇', respUnitId: p.ws.id, respPersonId: p.head.id, measures: '整改' };
    const a = await app.ok('hazard.create', { ...base, description: '灭火器压力不足', foundOn: '2026-11-01', deadline: '2026-11-05' });
    const b = await app.ok('hazard.create', { ...base, description: '通道堆放物料', foundOn: '2026-11-02', deadline: '2026-11-20' });
    await app.ok('hazard.create', { ...base, description: '配电箱门未关', foundOn: '2026-10-20', deadline: '2026-10-25' });
    clock.advanceDays(12); // 2026-11-14
    const list = await app.ok('hazard.list', { from: '2026-11-01', to: '2026-11-30' });
    expect(list.total).toBe(2);
    const overdue = list.items.find((x) => x.id === a.id)!;
    expect(overdue).toMatchObject({ overdue: true, overdueDays: 9, escalatedTo: 'PRINCIPAL' });
    expect(list.items.find((x) => x.id === b.id)).toMatchObject({ overdue: false, escalatedTo: null });
    expect(list.counts).toMatchObject({ ALL: 2, OPEN: 2, OVERDUE: 1, PENDING: 2 });
    expect((await app.ok('hazard.list', { status: 'OVERDUE' })).total).toBe(2);
    // 临期: due within the settings' 3 days (b on 2026-11-20, seen from 11-18).
    expect((await app.ok('hazard.list', { status: 'DUE_SOON' })).total).toBe(0);
    const stats = await app.ok('hazard.stats', { year: 2026, quarter: 4 });
    expect(stats).toMatchObject({ found: 3, closed: 0, open: 3, overdue: 2, byLevel: { GENERAL: 3 }, bySource: { ADHOC: 3 } });
    const dash = await app.ok('hazard.dashboard', {});
    expect(dash).toMatchObject({ open: 3, overdue: 2, escalatedToPrincipal: 2 });
    const notices = await app.ok('notice.list', {});
    expect(notices.filter((n) => n.key.startsWith('hazard-overdue')).map((n) => n.title)).toEqual(['隐患 YH-2026-0003 已逾期 20 天', '隐患 YH-2026-0001 已逾期 9 天']);
    clock.advanceDays(4);
    const soon = await app.ok('hazard.list', { status: 'DUE_SOON' });
    expect(soon.items.map((x) => x.id)).toEqual([b.id]);
    expect(soon.counts).toMatchObject({ DUE_SOON: 1, OVERDUE: 2 });
  });
});
