import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { InputOf } from '../../preload/contract/index.ts';
import { MAX_ATTACHMENT_BYTES, storeAttachment } from '../../main/modules/attachments/service.ts';
import { docxBytes, mp4Bytes, zipStored } from '../helpers/files.ts';
import { expectFail, openSetupApp, profileOf, tempDir, type TestApp } from '../helpers/runtime.ts';
import { tableGuard, TINY_PNG } from '../helpers/tables.ts';

let app: TestApp;
afterEach(() => app?.close());

const db = () => app.rt.app().db;

const DRILL_TABLES = [
  'drill_plan_item',
  'drill_year_plan',
  'drill',
  'drill_participant',
  'drill_step',
  'drill_evaluation',
  'drill_problem',
  'drill_summary',
  'emergency_plan_trigger',
  'hazard',
  'attachment_link',
  'audit_log',
];

const { refused, audits } = tableGuard(() => app, DRILL_TABLES);

const PNG = TINY_PNG;
const UNKNOWN_ID = '019a0000-0000-7000-8000-00000000dead';

/**
 * A workshop, a comprehensive plan, a 专项 plan and an on-site plan (drafts are enough to drill),
 * and five people: a commander, a worker, one who left on 06-30, one hired on 09-01, the principal.
 * Today is Sunday 2026-11-22.
 */
async function plant() {
  app = await openSetupApp();
  const company = (await app.ok('unit.list', {}))[0]!;
  const ws = await app.ok('unit.create', { name: '机加工车间', kind: 'WORKSHOP', parentId: company.id });
  const turner = await app.ok('post.create', { name: '车工', unitId: ws.id, trade: '车工', category: 'FRONTLINE', isSpecialOperation: false });
  const person = (name: string, staffNo: string, hireDate: string) => app.ok('person.create', { name, staffNo, unitId: ws.id, employmentType: 'REGULAR', hireDate, postIds: [turner.id] });
  const gm = await app.ok('person.create', { name: '陈国栋', staffNo: 'YJ0001', unitId: company.id, employmentType: 'REGULAR', hireDate: '2015-03-01' });
  const head = await person('谢斌', 'YJ0002', '2016-04-01');
  const worker = await person('王强', 'YJ0003', '2019-07-01');
  const leaver = await person('刘洋', 'YJ0004', '2020-02-01');
  const newcomer = await person('周敏', 'YJ0005', '2026-09-01');
  await app.ok('person.leave', { id: leaver.id, date: '2026-06-30', reason: '合同到期' });
  const e = await app.ok('enterprise.get', {});
  await app.ok('enterprise.update', { ...profileOf(e), principalPersonId: gm.id });
  const comp = await app.ok('emergencyPlan.create', { code: 'YA-01', name: '生产安全事故综合应急预案', planType: 'COMPREHENSIVE' });
  const fire = await app.ok('emergencyPlan.create', { code: 'ZX-01', name: '火灾事故专项应急预案', planType: 'SPECIFIC', parentId: comp.id });
  const onsite = await app.ok('emergencyPlan.create', { code: 'XC-01', name: '车床机械伤害现场处置方案', planType: 'ONSITE', parentId: comp.id, postIds: [turner.id] });
  return { company, ws, turner, gm, head, worker, leaver, newcomer, comp, fire, onsite };
}

type Plant = Awaited<ReturnType<typeof plant>>;

function drillInput(p: Plant, over: Partial<InputOf<'drill.create'>> = {}): InputOf<'drill.create'> {
  return {
    planId: p.onsite.id,
    title: '车床机械伤害应急演练',
    scope: 'SINGLE',
    form: 'TABLETOP',
    purpose: 'TEST',
    drillDate: '2026-06-30',
    startTime: '09:00',
    endTime: '10:30',
    place: '机加工车间',
    commanderId: p.head.id,
    commanderName: '谢斌',
    organiserUnitId: p.ws.id,
    scenario: '车工操作时衣袖被卷入车床，手臂受伤',
    participants: [
      { personId: p.head.id, name: '谢斌', role: '总指挥', signMethod: 'PAPER' },
      { personId: p.worker.id, name: '王强', role: '处置组', signMethod: 'PAPER' },
      { name: '区消防救援站 李队长', role: '观摩指导' },
    ],
    steps: [
      { time: '09:10', action: '按下急停按钮，报告班组长', actor: '王强' },
      { time: '09:00', action: '宣布演练开始', actor: '谢斌' },
    ],
    ...over,
  };
}

const item = (p: Plant, plannedMonth: number, over: Partial<InputOf<'drillPlan.createItem'>> = {}): InputOf<'drillPlan.createItem'> => ({
  year: 2026,
  planId: p.onsite.id,
  scenario: `${plannedMonth} 月车床机械伤害处置`,
  scope: 'SINGLE',
  form: 'TABLETOP',
  plannedMonth,
  organiserUnitId: p.ws.id,
  participants: '机加工车间全体',
  budget: 1000,
  ...over,
});

describe('annual drill plan', () => {
  it('item states (done in month / before, late, missed, due, planned, cancelled), the calendar and the approval', async () => {
    const p = await plant();
    await app.ok('drillPlan.createItem', item(p, 3));
    await app.ok('drillPlan.createItem', item(p, 5));
    await app.ok('drillPlan.createItem', item(p, 9));
    await app.ok('drillPlan.createItem', item(p, 10));
    await app.ok('drillPlan.createItem', item(p, 11));
    await app.ok('drillPlan.createItem', item(p, 12, { planId: p.fire.id, scope: 'FULL', form: 'LIVE', budget: 5000 }));
    const itemId = async (m: number) => (await app.ok('drillPlan.get', { year: 2026 })).items.find((i) => i.plannedMonth === m)!.id;

    // March's item done early (in February), May's in June (late).
    await app.ok('drill.create', drillInput(p, { planItemId: await itemId(3), drillDate: '2026-02-26' }));
    await app.ok('drill.create', drillInput(p, { planItemId: await itemId(5), drillDate: '2026-06-10' }));
    await app.ok('drillPlan.cancelItem', { id: await itemId(10), reason: '设备改造停产' });
    // An unplanned drill.
    await app.ok('drill.create', drillInput(p, { planId: p.comp.id, title: '综合应急演练', scope: 'FULL', drillDate: '2026-08-18' }));

    const plan = await app.ok('drillPlan.get', { year: 2026 });
    expect(plan.items.map((i) => [i.plannedMonth, i.state, i.drillCode])).toEqual([
      [3, 'DONE', 'YL-2026-001'],
      [5, 'LATE', 'YL-2026-002'],
      [9, 'MISSED', null],
      [10, 'CANCELLED', null],
      [11, 'DUE', null],
      [12, 'PLANNED', null],
    ]);
    expect(plan.budgetTotal).toBe(9000);

    const cal = await app.ok('drill.calendar', { year: 2026 });
    expect(cal.map((c) => [c.month, c.kind, c.date])).toEqual([
      [3, 'DONE', '2026-02-26'],
      [5, 'LATE', '2026-06-10'],
      [8, 'UNPLANNED', '2026-08-18'],
      [9, 'MISSED', null],
      [10, 'CANCELLED', null],
      [11, 'PLANNED', null],
      [12, 'PLANNED', null],
    ]);

    // Items with a drill can be neither cancelled nor removed, nor moved to another plan or year.
    const done = await itemId(3);
    expect((await refused('drillPlan.cancelItem', { id: done, reason: 'x' })).message).toBe('该计划项已演练，不能取消');
    expect((await refused('drillPlan.removeItem', { id: done })).message).toBe('该计划项已有演练记录，不能删除；如计划调整请修改或取消');
    expect((await refused('drillPlan.updateItem', { id: done, ...item(p, 3, { year: 2027 }) })).message).toBe('该计划项已演练，不能再修改预案或年度');
    expect((await refused('drillPlan.cancelItem', { id: await itemId(10), reason: 'x' })).message).toBe('该计划项已取消');
    await app.ok('drillPlan.removeItem', { id: await itemId(9) });
    expect(audits('drillPlanItem').map((a) => a.action)).toEqual(['CREATE', 'CREATE', 'CREATE', 'CREATE', 'CREATE', 'CREATE', 'UPDATE', 'DELETE']);

    // Approval by the principal (any employed person may be named; the date cannot be in the future).
    expect((await refused('drillPlan.approve', { year: 2026, compiledBy: '黄志勇', approvedById: p.gm.id, approvedOn: '2026-11-23' })).message).toBe('批准日期不能晚于今天');
    expect((await refused('drillPlan.approve', { year: 2026, compiledBy: '黄志勇', approvedById: p.leaver.id, approvedOn: '2026-01-05' })).message).toBe('批准人「刘洋」已离职，请选择在职人员');
    expect((await refused('drillPlan.approve', { year: 2025, compiledBy: '黄志勇', approvedById: p.gm.id, approvedOn: '2025-01-05' })).message).toBe('2025 年演练计划还没有计划项，请先添加');
    const approved = await app.ok('drillPlan.approve', { year: 2026, compiledBy: '黄志勇', approvedById: p.gm.id, approvedOn: '2026-01-05' });
    expect(approved).toMatchObject({ compiledBy: '黄志勇', approvedByName: '陈国栋', approvedOn: '2026-01-05' });
    expect(audits('drillYearPlan', '2026')).toEqual([{ action: 'UPDATE', summary: '批准 2026 年应急演练计划（陈国栋，2026-01-05）' }]);

    // An archived plan gets no new items.
    await app.ok('emergencyPlan.archive', { id: p.fire.id, reason: '并入综合预案' });
    expect((await refused('drillPlan.createItem', item(p, 12, { planId: p.fire.id }))).message).toBe('预案「火灾事故专项应急预案」已废止，不能再安排演练');
    expect((await refused('drillPlan.createItem', item(p, 12, { organiserUnitId: UNKNOWN_ID }))).message).toBe('组织部门不存在，请重新选择');
    expect((await refused('drillPlan.createItem', item(p, 13))).fields?.[0]?.path).toBe('plannedMonth');
    expect((await refused('drillPlan.createItem', item(p, 12, { budget: -1 }))).message).toBe('预算不能为负数');
  });
});

describe('drill records', () => {
  it('a drill dated in the future cannot be recorded as done; nothing is written', async () => {
    const p = await plant();
    const err = await refused('drill.create', drillInput(p, { drillDate: '2026-11-23' }));
    expect(err).toMatchObject({ code: 'VALIDATION', message: '演练日期（2026-11-23）晚于今天，不能登记为已完成；尚未进行的演练请列入年度演练计划', fields: [{ path: 'drillDate' }] });
    // Today is fine.
    expect((await app.ok('drill.create', drillInput(p, { drillDate: '2026-11-22' }))).code).toBe('YL-2026-001');
  });

  it('participants must have been employed on the drill date, once each', async () => {
    const p = await plant();
    const left = await refused('drill.create', drillInput(p, { drillDate: '2026-07-01', participants: [{ personId: p.leaver.id, name: '刘洋' }] }));
    expect(left).toMatchObject({ message: '「刘洋」已于 2026-06-30 离职，不能登记为 2026-07-01 演练的参演人员', fields: [{ path: 'participants.0.personId' }] });
    const early = await refused('drill.create', drillInput(p, { drillDate: '2026-08-31', participants: [{ name: '王强', personId: p.worker.id }, { personId: p.newcomer.id, name: '周敏' }] }));
    expect(early).toMatchObject({ message: '「周敏」2026-09-01 才入职，不能登记为 2026-08-31 演练的参演人员', fields: [{ path: 'participants.1.personId' }] });
    const twice = await refused('drill.create', drillInput(p, { participants: [{ personId: p.worker.id, name: '王强' }, { personId: p.head.id, name: '谢斌' }, { personId: p.worker.id, name: '王强' }] }));
    expect(twice).toMatchObject({ message: '参演人员「王强」重复，请删除重复的一行', fields: [{ path: 'participants.2.personId' }] });
    expect((await refused('drill.create', drillInput(p, { participants: [{ personId: UNKNOWN_ID, name: '查无此人' }] }))).message).toBe('参演人员「查无此人」不存在，请重新选择');

    // On the leaving day and on the hiring day they may take part; outsiders are names only.
    const lastDay = await app.ok('drill.create', drillInput(p, { drillDate: '2026-06-30', participants: [{ personId: p.leaver.id, name: '刘洋', signMethod: 'PAPER' }, { name: '消防站 李队长' }] }));
    expect(lastDay.participants.map((x) => [x.name, x.unitName, x.signMethod])).toEqual([
      ['刘洋', '机加工车间', 'PAPER'],
      ['消防站 李队长', null, null],
    ]);
    expect(lastDay.missing).toContain('1 名参演人员未签到');
    await app.ok('drill.create', drillInput(p, { drillDate: '2026-09-01', participants: [{ personId: p.newcomer.id, name: '周敏' }] }));
  });

  it('plan items must belong to the drilled plan and the drill year, be open and not done yet; other checks', async () => {
    const p = await plant();
    const fireItem = (await app.ok('drillPlan.createItem', item(p, 6, { planId: p.fire.id }))).items[0]!;
    const lastYear = (await app.ok('drillPlan.createItem', item(p, 6, { year: 2025 }))).items[0]!;
    const open = (await app.ok('drillPlan.createItem', item(p, 6))).items.find((i) => i.planId === p.onsite.id)!;

    expect((await refused('drill.create', drillInput(p, { planItemId: fireItem.id }))).message).toBe('所选计划项演练的是另一个预案，请重新选择预案或计划项');
    expect((await refused('drill.create', drillInput(p, { planItemId: lastYear.id }))).message).toBe('所选计划项属于 2025 年计划，与演练日期不符');
    expect((await refused('drill.create', drillInput(p, { planItemId: UNKNOWN_ID }))).message).toBe('年度计划项不存在，请重新选择');
    expect((await refused('drill.create', drillInput(p, { planId: UNKNOWN_ID }))).message).toBe('应急预案不存在，请重新选择');
    expect((await refused('drill.create', drillInput(p, { startTime: '10:00', endTime: '09:59' }))).message).toBe('结束时间（09:59）不能早于开始时间（10:00）');
    expect((await refused('drill.create', drillInput(p, { startTime: '9:00' }))).message).toBe('开始时间应为 24 小时制时间，如 09:30');

    const first = await app.ok('drill.create', drillInput(p, { planItemId: open.id }));
    expect(first).toMatchObject({ code: 'YL-2026-001', planItemId: open.id, planType: 'ONSITE', participantCount: 3, signedCount: 2 });
    // Steps are kept in time order.
    expect(first.steps.map((s) => s.time)).toEqual(['09:00', '09:10']);
    expect((await refused('drill.create', drillInput(p, { planItemId: open.id, drillDate: '2026-07-02' }))).message).toBe('该计划项已由演练 YL-2026-001 完成');
    await app.ok('drillPlan.cancelItem', { id: fireItem.id, reason: '取消' });
    expect((await refused('drill.create', drillInput(p, { planId: p.fire.id, planItemId: fireItem.id }))).message).toBe('所选计划项已取消');

    // Updates run the same checks, against the drill itself.
    expect((await app.ok('drill.update', { id: first.id, ...drillInput(p, { planItemId: open.id, title: '车床卷入应急演练' }) })).title).toBe('车床卷入应急演练');
    expect((await refused('drill.update', { id: first.id, ...drillInput(p, { planItemId: fireItem.id }) })).message).toBe('所选计划项演练的是另一个预案，请重新选择预案或计划项');
    expect((await refused('drill.update', { id: first.id, ...drillInput(p, { drillDate: '2026-12-01' }) })).fields?.[0]?.path).toBe('drillDate');
    expect(audits('drill', first.id).map((a) => a.summary)).toEqual(['登记演练 YL-2026-001：车床机械伤害应急演练（2026-06-30）', '修改演练记录 YL-2026-001']);
  });

  it('photos must be images and videos MP4; a reported drill cannot move after its report date', async () => {
    const p = await plant();
    const photo = await app.ok('attachment.upload', { fileName: '现场.png', dataBase64: PNG, purpose: 'image' });
    const pdf = await app.ok('attachment.upload', { fileName: '方案.pdf', dataBase64: Buffer.from('%PDF-1.4\nx\n%%EOF').toString('base64') });
    const video = storeAttachment(app.rt.app(), mp4Bytes(), '演练录像.mp4', 'video');
    expect((await refused('drill.create', drillInput(p, { photoIds: [pdf.id] }))).message).toBe('演练照片应为 PNG 或 JPEG 图片');
    expect((await refused('drill.create', drillInput(p, { videoIds: [photo.id] }))).message).toBe('演练视频应为 MP4 文件');
    expect((await refused('drill.create', drillInput(p, { photoIds: [UNKNOWN_ID] }))).code).toBe('NOT_FOUND');

    const d = await app.ok('drill.create', drillInput(p, { form: 'LIVE', photoIds: [photo.id], videoIds: [video.id] }));
    expect(d.photos.map((x) => x.originalName)).toEqual(['现场.png']);
    expect(d.videos).toEqual([expect.objectContaining({ originalName: '演练录像.mp4', mimeType: 'video/mp4' })]);
    expect(d.missing).not.toContain('现场照片');
    const noPhoto = await app.ok('drill.update', { id: d.id, ...drillInput(p, { form: 'LIVE', videoIds: [video.id] }) });
    expect(noPhoto.photos).toEqual([]);
    expect(noPhoto.missing).toContain('现场照片');

    expect((await refused('drill.report', { id: d.id, reportedOn: '2026-06-29', reportedTo: '区应急管理局' })).message).toBe('报送日期（2026-06-29）不能早于演练日期（2026-06-30）');
    expect((await refused('drill.report', { id: d.id, reportedOn: '2026-11-23', reportedTo: '区应急管理局' })).message).toBe('报送日期不能晚于今天');
    await app.ok('drill.report', { id: d.id, reportedOn: '2026-07-02', reportedTo: '区应急管理局' });
    const moved = await refused('drill.update', { id: d.id, ...drillInput(p, { form: 'LIVE', drillDate: '2026-07-05' }) });
    expect(moved).toMatchObject({ code: 'VALIDATION', message: '演练日期（2026-07-05）不能晚于已登记的报送日期（2026-07-02）', fields: [{ path: 'drillDate' }] });
  });

  it('drill.list by year, plan and keyword', async () => {
    const p = await plant();
    await app.ok('drill.create', drillInput(p, { drillDate: '2025-12-31', title: '去年年底演练' }));
    await app.ok('drill.create', drillInput(p, { drillDate: '2026-01-01', title: '新年第一次演练' }));
    await app.ok('drill.create', drillInput(p, { drillDate: '2026-05-12', planId: p.fire.id, title: '仓库火灾疏散演练', scenario: '仓库起火' }));
    expect((await app.ok('drill.list', { year: 2026 })).map((d) => [d.code, d.title])).toEqual([
      ['YL-2026-002', '仓库火灾疏散演练'],
      ['YL-2026-001', '新年第一次演练'],
    ]);
    expect((await app.ok('drill.list', { year: 2025 })).map((d) => d.code)).toEqual(['YL-2025-001']);
    expect((await app.ok('drill.list', {})).length).toBe(3);
    expect((await app.ok('drill.list', { planId: p.fire.id })).map((d) => d.title)).toEqual(['仓库火灾疏散演练']);
    expect((await app.ok('drill.list', { search: '起火' })).map((d) => d.title)).toEqual(['仓库火灾疏散演练']);
    expect((await app.ok('drill.list', { search: 'YL-2025' })).map((d) => d.title)).toEqual(['去年年底演练']);
  });
});

describe('drill frequency compliance', () => {
  it('per rule and half-year: 06-30 vs 07-01, plan types, planned items, and for listed industries the report', async () => {
    const p = await plant();
    let c = await app.ok('drill.compliance', { year: 2026 });
    expect(c).toMatchObject({ year: 2026, highRisk: false });
    expect(c.rules.map((r) => [r.key, r.periods.map((x) => x.state)])).toEqual([
      ['YEAR_COMPREHENSIVE_OR_SPECIFIC', ['DUE']],
      ['HALF_YEAR_ONSITE', ['MISSED', 'DUE']],
    ]);
    expect(c.shortfalls).toEqual([
      '2026 年尚未完成且计划中没有安排：每年至少组织一次综合应急预案演练或者专项应急预案演练',
      '2026 年上半年未满足：每半年至少组织一次现场处置方案演练（《生产安全事故应急预案管理办法》第三十三条）',
      '2026 年下半年尚未完成且计划中没有安排：每半年至少组织一次现场处置方案演练',
    ]);

    const h1 = await app.ok('drill.create', drillInput(p, { drillDate: '2026-06-30' }));
    // An on-site item planned for December counts as planned for H2; one for October (past) does not.
    await app.ok('drillPlan.createItem', item(p, 12));
    await app.ok('drillPlan.createItem', item(p, 10));
    c = await app.ok('drill.compliance', { year: 2026 });
    const onsite = c.rules.find((r) => r.key === 'HALF_YEAR_ONSITE')!;
    expect(onsite.periods.map((x) => [x.key, x.state, x.done, x.planned, x.drills.map((d) => d.code)])).toEqual([
      ['2026-H1', 'MET', 1, 0, ['YL-2026-001']],
      ['2026-H2', 'DUE', 0, 1, []],
    ]);
    expect(c.shortfalls).toEqual(['2026 年尚未完成且计划中没有安排：每年至少组织一次综合应急预案演练或者专项应急预案演练']);

    // 07-01 belongs to H2; an on-site drill does not meet the yearly 综合/专项 rule, a 专项 one does.
    await app.ok('drill.create', drillInput(p, { drillDate: '2026-07-01' }));
    await app.ok('drill.create', drillInput(p, { drillDate: '2026-03-15', planId: p.fire.id, title: '火灾疏散演练' }));
    c = await app.ok('drill.compliance', { year: 2026 });
    expect(c.rules.map((r) => [r.key, r.periods.map((x) => `${x.key}:${x.state}:${x.done}`)])).toEqual([
      ['YEAR_COMPREHENSIVE_OR_SPECIFIC', ['2026:MET:1']],
      ['HALF_YEAR_ONSITE', ['2026-H1:MET:1', '2026-H2:MET:1']],
    ]);
    expect(c.shortfalls).toEqual([]);
    // The next year has not started.
    expect((await app.ok('drill.compliance', { year: 2027 })).rules.flatMap((r) => r.periods.map((x) => x.state))).toEqual(['UPCOMING', 'UPCOMING', 'UPCOMING']);
    // Last year: everything missed.
    expect((await app.ok('drill.compliance', { year: 2025 })).rules.flatMap((r) => r.periods.map((x) => x.state))).toEqual(['MISSED', 'MISSED', 'MISSED']);

    // A listed (high-risk) enterprise: every half-year needs a drill reported to the regulator.
    await app.ok('emergencySettings.update', { highRiskOverride: true });
    c = await app.ok('drill.compliance', { year: 2026 });
    const report = c.rules.find((r) => r.key === 'HALF_YEAR_HIGH_RISK_REPORT')!;
    expect(report).toMatchObject({ requireReport: true });
    expect(report.periods.map((x) => [x.key, x.state, x.done, x.drills.length])).toEqual([
      ['2026-H1', 'NOT_REPORTED', 0, 2],
      ['2026-H2', 'NOT_REPORTED', 0, 1],
    ]);
    expect(c.shortfalls).toEqual(['2026 年上半年已演练但未报送监管部门：' + report.label, '2026 年下半年已演练但未报送监管部门：' + report.label]);
    const d = await app.ok('drill.get', { id: h1.id });
    expect(d.needsReport).toBe(true);
    expect(d.missing).toContain('向监管部门报送演练情况');
    const reported = await app.ok('drill.report', { id: h1.id, reportedOn: '2026-07-03', reportedTo: '区应急管理局' });
    expect(reported.missing).not.toContain('向监管部门报送演练情况');
    expect(audits('drill', h1.id).at(-1)!.summary).toBe('演练 YL-2026-001 已报送 区应急管理局（2026-07-03）');
    c = await app.ok('drill.compliance', { year: 2026 });
    expect(c.rules.find((r) => r.key === 'HALF_YEAR_HIGH_RISK_REPORT')!.periods.map((x) => [x.state, x.done])).toEqual([
      ['MET', 1],
      ['NOT_REPORTED', 0],
    ]);

    // A disabled rule is not judged.
    const s = await app.ok('emergencySettings.get', {});
    await app.ok('emergencySettings.update', { drillRules: s.drillRules.map((r) => ({ ...r, enabled: r.key !== 'HALF_YEAR_ONSITE' })) });
    expect((await app.ok('drill.compliance', { year: 2026 })).rules.map((r) => r.key)).toEqual(['YEAR_COMPREHENSIVE_OR_SPECIFIC', 'HALF_YEAR_HIGH_RISK_REPORT']);
  });
});

const POINTS = [
  { code: 'PREP-1', rating: 'GOOD' as const },
  { code: 'WARN-1', rating: 'FAIR' as const, comment: '报警内容不完整' },
  { code: 'HANDLE-1', rating: 'POOR' as const, comment: '急停按钮位置不熟悉' },
];

function evaluation(drillId: string, over: Partial<InputOf<'drill.evaluate'>> = {}): InputOf<'drill.evaluate'> {
  return {
    drillId,
    evaluatedOn: '2026-07-01',
    evaluators: '黄志勇、外聘专家张工',
    onSiteComments: '响应较快，报告不规范',
    points: POINTS,
    objectivesMet: false,
    overall: 'FAIR',
    needsPlanRevision: true,
    revisionReason: '处置步骤与现场设备布置不符',
    problems: [
      { description: '急停按钮被物料遮挡', cause: '现场定置管理不到位', suggestion: '清理急停按钮周边并设置禁放区' },
      { description: '预案中的报告电话已停用', suggestion: '更新预案通讯录' },
    ],
    ...over,
  };
}

describe('evaluation, summary and follow-up', () => {
  it('an evaluation needs a recorded drill and valid points; each bad input is refused with nothing written', async () => {
    const p = await plant();
    const d = await app.ok('drill.create', drillInput(p));
    const orphan = await refused('drill.evaluate', evaluation(UNKNOWN_ID));
    expect(orphan).toMatchObject({ code: 'RULE', message: '找不到对应的演练记录：评估和总结必须针对已登记的演练，请先登记演练', fields: [{ path: 'drillId' }] });
    expect((await refused('drill.summarise', { drillId: UNKNOWN_ID, purpose: '检验预案', schemeSummary: '桌面推演', writtenBy: '黄志勇', writtenOn: '2026-07-02' })).message).toBe(
      '找不到对应的演练记录：评估和总结必须针对已登记的演练，请先登记演练',
    );
    expect((await refused('drill.evaluate', evaluation(d.id, { points: [{ code: 'XX-9', rating: 'GOOD' }] }))).message).toBe('评估要点「XX-9」不在评估要点清单中');
    expect((await refused('drill.evaluate', evaluation(d.id, { points: [POINTS[0]!, POINTS[0]!] }))).message).toBe('评估要点「PREP-1」重复');
    const poor = await refused('drill.evaluate', evaluation(d.id, { points: [{ code: 'HANDLE-1', rating: 'POOR' }] }));
    expect(poor).toMatchObject({ message: '评价为「差」的要点请说明存在的问题', fields: [{ path: 'points.0.comment' }] });
    expect((await refused('drill.evaluate', evaluation(d.id, { revisionReason: null }))).message).toBe('需要修订预案时请写明修订理由');
    expect((await refused('drill.evaluate', evaluation(d.id, { problems: [] }))).message).toBe('演练目标未达成时，请列出发现的问题');
    expect((await refused('drill.evaluate', evaluation(d.id, { evaluatedOn: '2026-06-29' }))).message).toBe('评估日期（2026-06-29）不能早于演练日期（2026-06-30）');
    expect((await refused('drill.evaluate', evaluation(d.id, { evaluatedOn: '2026-11-23' }))).message).toBe('评估日期不能晚于今天');
    expect((await refused('drill.evaluate', evaluation(d.id, { points: [{ code: 'PREP-1', rating: 'BAD' }] } as never))).message).toBe('请选择评价：好/一般/差/不涉及');
    // The summary report comes after the evaluation.
    expect((await refused('drill.summarise', { drillId: d.id, purpose: '检验预案', schemeSummary: '桌面推演', writtenBy: '黄志勇', writtenOn: '2026-07-02' })).message).toBe(
      '演练 YL-2026-001 还没有评估，请先完成演练评估再编写总结报告',
    );
  });

  it('problems become a hazard (source 应急演练) and a revision task; followed-up problems cannot be dropped; the new plan version closes the task', async () => {
    const p = await plant();
    const d = await app.ok('drill.create', drillInput(p));
    const evaluated = await app.ok('drill.evaluate', evaluation(d.id));
    expect(evaluated.evaluation).toMatchObject({ objectivesMet: false, overall: 'FAIR', needsPlanRevision: true, points: [{ code: 'PREP-1', rating: 'GOOD', comment: null }, expect.anything(), expect.anything()] });
    expect(evaluated.problems.map((x) => [x.seq, x.description, x.hazardId, x.triggerId])).toEqual([
      [1, '急停按钮被物料遮挡', null, null],
      [2, '预案中的报告电话已停用', null, null],
    ]);
    expect(evaluated).toMatchObject({ evaluated: true, problemCount: 2, openProblemCount: 2 });
    // The outside observer has not signed (no sign-in sheet either).
    expect(evaluated.missing).toEqual(['1 名参演人员未签到', '演练总结报告', '2 个问题尚未转为隐患或预案修订事项']);
    const [blocked, stale] = evaluated.problems;

    const withHazard = await app.ok('drill.problemToHazard', { problemId: blocked!.id, respPersonId: p.head.id, deadline: '2026-12-10' });
    const problem1 = withHazard.problems[0]!;
    expect(problem1).toMatchObject({ hazardCode: 'YH-2026-0001', hazardStatus: 'PENDING' });
    const hazard = await app.ok('hazard.get', { id: problem1.hazardId! });
    expect(hazard).toMatchObject({ source: 'DRILL', foundOn: '2026-07-01', deadline: '2026-12-10', description: '演练 YL-2026-001 发现：急停按钮被物料遮挡（原因：现场定置管理不到位）', measures: '清理急停按钮周边并设置禁放区' });
    const ledger = await app.ok('hazard.list', { source: 'DRILL' });
    expect(ledger.items.map((h) => [h.code, h.source])).toEqual([['YH-2026-0001', 'DRILL']]);
    expect((await app.ok('hazard.list', { source: 'ADHOC' })).total).toBe(0);
    expect((await refused('drill.problemToHazard', { problemId: blocked!.id })).message).toBe('该问题已登记为隐患 YH-2026-0001');

    const withTask = await app.ok('drill.problemToRevision', { problemId: stale!.id, dueOn: '2026-12-31', ownerId: p.head.id });
    expect(withTask.problems[1]).toMatchObject({ triggerResolved: false });
    expect(withTask).toMatchObject({ openProblemCount: 0 });
    expect((await refused('drill.problemToRevision', { problemId: stale!.id })).message).toBe('该问题已登记为预案修订事项');
    const plan = await app.ok('emergencyPlan.get', { id: p.onsite.id });
    expect(plan.openTriggers).toBe(1);
    expect(plan.triggers).toEqual([expect.objectContaining({ kind: 'DRILL', drillCode: 'YL-2026-001', occurredOn: '2026-07-01', dueOn: '2026-12-31', ownerName: '谢斌', description: '演练 YL-2026-001 发现：预案中的报告电话已停用；建议：更新预案通讯录' })]);

    // Re-evaluating cannot drop either followed-up problem; keeping them and adding one renumbers.
    const keep = withTask.problems.map((x) => ({ id: x.id, description: x.description, cause: x.cause, suggestion: x.suggestion }));
    expect((await refused('drill.evaluate', evaluation(d.id, { problems: [keep[1]!] }))).message).toBe('问题「急停按钮被物料遮挡」已转为隐患 YH-2026-0001，不能删除');
    expect((await refused('drill.evaluate', evaluation(d.id, { problems: [keep[0]!] }))).message).toBe('问题「预案中的报告电话已停用」已转为预案修订事项，不能删除');
    const other = await app.ok('drill.create', drillInput(p, { drillDate: '2026-07-10' }));
    const otherEval = await app.ok('drill.evaluate', evaluation(other.id, { evaluatedOn: '2026-07-10' }));
    expect((await refused('drill.evaluate', evaluation(d.id, { problems: [...keep, { id: otherEval.problems[0]!.id, description: '别的演练的问题' }] }))).message).toBe('该问题不属于本次演练，请刷新后重试');
    const reordered = await app.ok('drill.evaluate', evaluation(d.id, { problems: [{ description: '疏散通道堆放杂物' }, keep[1]!, keep[0]!] }));
    expect(reordered.problems.map((x) => [x.seq, x.description, !!x.hazardId, !!x.triggerId])).toEqual([
      [1, '疏散通道堆放杂物', false, false],
      [2, '预案中的报告电话已停用', false, true],
      [3, '急停按钮被物料遮挡', true, false],
    ]);

    // Summary, then the new plan version closes the revision task.
    const summarised = await app.ok('drill.summarise', { drillId: d.id, purpose: '检验现场处置方案', schemeSummary: '桌面推演车床卷入事故', lessons: '报告程序不熟', improvements: '每月抽查', writtenBy: '黄志勇', writtenOn: '2026-07-03' });
    expect(summarised.summary).toMatchObject({ writtenBy: '黄志勇', writtenOn: '2026-07-03' });
    expect((await refused('drill.summarise', { drillId: d.id, purpose: 'x', schemeSummary: 'y', writtenBy: '黄志勇', writtenOn: '2026-06-29' })).message).toBe('编写日期不能早于演练日期（2026-06-30）');
    const draft = await app.ok('planVersion.saveDraft', {
      planId: p.onsite.id,
      version: 'V1.0',
      reviewMethod: 'ARGUMENT',
      reviewedOn: '2026-11-01',
      signedById: p.gm.id,
      signedOn: '2026-11-02',
      riskDescription: '车床旋转部件卷入',
      scenarios: [{ scenario: '机械伤害', steps: ['急停', '报告'], cautions: null }],
    });
    const issued = await app.ok('planVersion.issue', { versionId: draft.draftVersionId!, issuedOn: '2026-11-03' });
    expect(issued.openTriggers).toBe(0);
    expect(issued.triggers[0]).toMatchObject({ resolvedVersion: 'V1.0', resolvedOn: '2026-11-03' });
    expect((await app.ok('drill.get', { id: d.id })).problems.find((x) => x.triggerId)!.triggerResolved).toBe(true);

    // Moving the drill to another plan would orphan the task; an evaluated drill cannot be removed or moved past its evaluation.
    expect((await refused('drill.update', { id: d.id, ...drillInput(p, { planId: p.fire.id }) })).message).toBe('演练问题已转为该预案的修订事项，不能再更换预案');
    expect((await refused('drill.update', { id: d.id, ...drillInput(p, { drillDate: '2026-07-02' }) })).message).toBe('演练日期不能晚于已登记的评估日期（2026-07-01）');
    expect((await refused('drill.remove', { id: d.id })).message).toBe('演练 YL-2026-001 已评估，作为存档不能删除');

    expect(audits('drillEvaluation', d.id).map((a) => [a.action, a.summary])).toEqual([
      ['CREATE', '演练 YL-2026-001 评估：目标未达成，问题 2 个'],
      ['UPDATE', '演练 YL-2026-001 评估：目标未达成，问题 3 个'],
    ]);
    expect(audits('drill', d.id).map((a) => a.summary)).toEqual([
      '登记演练 YL-2026-001：车床机械伤害应急演练（2026-06-30）',
      '演练 YL-2026-001 问题 1 登记为隐患 YH-2026-0001',
      '演练 YL-2026-001 问题 2 登记为预案「XC-01」修订事项（现场处置方案）',
    ]);
    expect(audits('drillSummary', d.id)).toEqual([{ action: 'CREATE', summary: '演练 YL-2026-001 总结报告' }]);
    expect(audits('hazard', problem1.hazardId!)[0]!.action).toBe('CREATE');
  });

  it('an unevaluated drill can be removed with its participants, steps and links', async () => {
    const p = await plant();
    const photo = await app.ok('attachment.upload', { fileName: '现场.png', dataBase64: PNG, purpose: 'image' });
    const d = await app.ok('drill.create', drillInput(p, { photoIds: [photo.id] }));
    await app.ok('drill.remove', { id: d.id });
    for (const t of ['drill', 'drill_participant', 'drill_step']) expect(db().prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    expect(db().prepare(`SELECT count(*) AS n FROM attachment_link WHERE entityType = 'drill'`).get()).toEqual({ n: 0 });
    expect(audits('drill', d.id).map((a) => a.action)).toEqual(['CREATE', 'DELETE']);
  });
});

describe('attachments: MP4 video and Word documents', () => {
  it('sniffs MP4 and .docx by their bytes, never by the name', async () => {
    app = await openSetupApp();
    const a = app.rt.app();
    expect(storeAttachment(a, mp4Bytes(), 'drill.bin', 'video')).toMatchObject({ mimeType: 'video/mp4', originalName: 'drill.bin' });
    const doc = await app.ok('attachment.upload', { fileName: '预案.pdf', dataBase64: docxBytes().toString('base64'), purpose: 'document' });
    expect(doc.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // Word is a document, not an image or a PDF.
    expect(expectFail(await app.call('attachment.upload', { fileName: '预案.docx', dataBase64: docxBytes({ 'word/document.xml': '<w:document>2</w:document>' }).toString('base64') })).message).toBe(
      '文件「预案.docx」不是 PNG/JPEG 图片或 PDF 文件，只能上传这几种格式',
    );
    // A ZIP that is not a Word file (an Excel workbook; a folder merely named …word/) is refused.
    const xlsx = zipStored({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect(expectFail(await app.call('attachment.upload', { fileName: '台账.docx', dataBase64: xlsx.toString('base64'), purpose: 'document' })).message).toBe(
      '文件「台账.docx」不是 PDF、Word（.docx）文件或 PNG/JPEG 图片，只能上传这几种格式',
    );
    const password = zipStored({ 'password/readme.txt': 'x', 'other.txt': 'y' });
    expect(expectFail(await app.call('attachment.upload', { fileName: '资料.docx', dataBase64: password.toString('base64'), purpose: 'document' })).code).toBe('VALIDATION');
    // An MP4 is not a document; a HEIC photo (an ISO box file too) is not a video.
    expect(expectFail(await app.call('attachment.upload', { fileName: '演练.mp4', dataBase64: mp4Bytes().toString('base64'), purpose: 'document' })).message).toBe(
      '文件「演练.mp4」不是 PDF、Word（.docx）文件或 PNG/JPEG 图片，只能上传这几种格式',
    );
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic', 'latin1'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic', 'latin1'), Buffer.alloc(32)]);
    expect(() => storeAttachment(a, heic, 'IMG_0001.HEIC', 'video')).toThrow('文件「IMG_0001.HEIC」不是 MP4 视频，请先转换为 MP4 格式');
    expect(db().prepare(`SELECT mimeType, count(*) AS n FROM attachment GROUP BY mimeType ORDER BY mimeType`).all()).toEqual([
      { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', n: 1 },
      { mimeType: 'video/mp4', n: 1 },
    ]);
  });

  it('video cannot come through base64 upload; size limits are 20 MB for documents and 500 MB for video, checked before reading', async () => {
    app = await openSetupApp();
    const before = db().prepare('SELECT count(*) AS n FROM attachment').get();
    const viaUpload = expectFail(await app.call('attachment.upload', { fileName: '演练.mp4', dataBase64: mp4Bytes().toString('base64'), purpose: 'video' }));
    expect(viaUpload).toMatchObject({ code: 'VALIDATION', message: '视频文件较大，请用「选择文件」按钮从本机选择', fields: [{ path: 'purpose' }] });
    const tooBigBase64 = 'A'.repeat(Math.ceil((20 * 1024 * 1024 * 4) / 3) + 68);
    expect(expectFail(await app.call('attachment.upload', { fileName: '大文件.docx', dataBase64: tooBigBase64, purpose: 'document' })).message).toBe('文件超过 20 MB 的上限，请压缩后再上传');
    const bigDoc = Buffer.concat([docxBytes(), Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - docxBytes().length)]);
    expect(() => storeAttachment(app.rt.app(), bigDoc, '预案全文.docx', 'document')).toThrow('文件「预案全文.docx」有 20.0 MB，超过 20 MB 的上限；请压缩图片或分页扫描后再上传');
    expect(db().prepare('SELECT count(*) AS n FROM attachment').get()).toEqual(before);

    // Through the file dialog: a 21 MB video passes, a 501 MB one (sparse) is refused without reading it.
    const dir = tempDir('safeledger-video-');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(dir, { recursive: true });
    const ok = join(dir, '演练录像.mp4');
    writeFileSync(ok, Buffer.concat([mp4Bytes(), Buffer.alloc(21 * 1024 * 1024)]));
    const huge = join(dir, '超大录像.mp4');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 501 * 1024 * 1024);
    closeSync(fd);
    let offered: string[] = [];
    let asked: { title: string; extensions: string[] } | null = null;
    app.rt.app().platform = {
      chooseSavePath: async () => null,
      chooseOpenPaths: async (o) => {
        asked = o;
        return offered;
      },
      openPath: async () => {},
      tempDir: join(dir, 'tmp'),
    };
    offered = [ok];
    const picked = await app.ok('attachment.pick', { purpose: 'video' });
    expect(asked).toMatchObject({ title: '选择演练视频（MP4）', extensions: ['mp4', 'mov', 'm4v'] });
    expect(picked).toMatchObject({ cancelled: false, attachments: [{ mimeType: 'video/mp4', originalName: '演练录像.mp4', sizeBytes: 21 * 1024 * 1024 + mp4Bytes().length }] });
    offered = [huge];
    expect(expectFail(await app.call('attachment.pick', { purpose: 'video' })).message).toBe(`文件「${huge}」超过 500 MB 的上限，请压缩后再选择`);
    // The same 21 MB file is over the limit for a document.
    offered = [ok];
    expect(expectFail(await app.call('attachment.pick', { purpose: 'document' })).message).toBe(`文件「${ok}」超过 20 MB 的上限，请压缩后再选择`);
    expect(db().prepare(`SELECT count(*) AS n FROM attachment WHERE mimeType = 'video/mp4'`).get()).toEqual({ n: 1 });
  });
});
