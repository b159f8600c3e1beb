import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../preload/contract/index.ts';
import { openSetupApp, profileOf, type TestApp } from '../helpers/runtime.ts';
import { tableGuard, TINY_PNG } from '../helpers/tables.ts';

let app: TestApp;
afterEach(() => app?.close());

const db = () => app.rt.app().db;

const TRAINING_TABLES = ['training_plan_item', 'training_session', 'training_attendance', 'attachment_link', 'app_setting', 'audit_log'];

const { refused, audits } = tableGuard(() => app, TRAINING_TABLES);

const PNG = TINY_PNG;
const SAFETY_QUALIFICATION = '00000000-0000-7000-8000-000000000003';

/**
 * 安全环保部 (the safety department), 机加工车间 with 车工班; the principal, a safety officer,
 * a holder of the 安全管理人员 certificate, a veteran turner, a new hire (03-01) and one who left on 06-30.
 * Today is Sunday 2026-11-22.
 */
async function plant() {
  app = await openSetupApp();
  const company = (await app.ok('unit.list', {}))[0]!;
  const dept = await app.ok('unit.create', { name: '安全环保部', kind: 'DEPARTMENT', parentId: company.id, sortOrder: 1 });
  const ws = await app.ok('unit.create', { name: '机加工车间', kind: 'WORKSHOP', parentId: company.id, sortOrder: 2 });
  const team = await app.ok('unit.create', { name: '车工班', kind: 'TEAM', parentId: ws.id, sortOrder: 3 });
  const gmPost = await app.ok('post.create', { name: '总经理', unitId: company.id, category: 'MANAGEMENT', isSpecialOperation: false });
  const safetyPost = await app.ok('post.create', { name: '安全员', unitId: dept.id, category: 'MANAGEMENT', isSpecialOperation: false });
  const headPost = await app.ok('post.create', { name: '车间主任', unitId: ws.id, category: 'MANAGEMENT', isSpecialOperation: false });
  const turner = await app.ok('post.create', { name: '车工', unitId: team.id, trade: '车工', category: 'FRONTLINE', isSpecialOperation: false });
  const welder = await app.ok('post.create', { name: '焊工', unitId: team.id, trade: '焊工', category: 'FRONTLINE', isSpecialOperation: false });
  const person = (name: string, staffNo: string, unitId: string, postId: string, hireDate: string) => app.ok('person.create', { name, staffNo, unitId, employmentType: 'REGULAR', hireDate, postIds: [postId] });
  const gm = await person('陈国栋', 'YJ0001', company.id, gmPost.id, '2015-03-01');
  const officer = await person('黄志勇', 'YJ0002', dept.id, safetyPost.id, '2018-05-01');
  const certified = await person('赵敏', 'YJ0003', ws.id, headPost.id, '2017-01-01');
  const veteran = await person('王强', 'YJ0004', team.id, turner.id, '2016-04-01');
  const newbie = await person('周敏', 'YJ0005', team.id, turner.id, '2026-03-01');
  const leaver = await person('刘洋', 'YJ0006', team.id, turner.id, '2019-07-01');
  const e = await app.ok('enterprise.get', {});
  await app.ok('enterprise.update', { ...profileOf(e), principalPersonId: gm.id, safetyDeptUnitId: dept.id });
  await app.ok('certificate.create', { personId: certified.id, certTypeId: SAFETY_QUALIFICATION, number: 'AQ2024001', issueDate: '2024-06-01' });
  await app.ok('person.leave', { id: leaver.id, date: '2026-06-30', reason: '合同到期' });
  return { company, dept, ws, team, turner, welder, gm, officer, certified, veteran, newbie, leaver };
}

type Plant = Awaited<ReturnType<typeof plant>>;

function session(over: Partial<InputOf<'trainingSession.create'>> = {}): InputOf<'trainingSession.create'> {
  return { title: '新员工厂级安全教育', type: 'INDUCTION_COMPANY', sessionDate: '2026-03-02', hours: 8, trainer: '黄志勇', location: '二楼会议室', content: '安全生产法律法规、厂规厂纪', ...over };
}

const paper = (personId: string, examScore: number | null = null) => ({ personId, signMethod: 'PAPER' as const, examScore });

/** 三级教育 for the new hire (team level with a written exam, pass mark 70), the July routine session for everyone employed then. */
async function year2026(p: Plant) {
  const company = await app.ok('trainingSession.create', session({ audienceUnitIds: [p.company.id] }));
  const workshop = await app.ok('trainingSession.create', session({ title: '车间级安全教育', type: 'INDUCTION_WORKSHOP', sessionDate: '2026-03-03', organiserUnitId: p.ws.id }));
  const team = await app.ok('trainingSession.create', session({ title: '班组级安全教育', type: 'INDUCTION_TEAM', sessionDate: '2026-03-04', examMethod: 'WRITTEN', passScore: 70, organiserUnitId: p.team.id }));
  const may = await app.ok('trainingSession.create', session({ title: '五月安全例会', type: 'ROUTINE', sessionDate: '2026-05-10', hours: 2 }));
  const july = await app.ok('trainingSession.create', session({ title: '夏季防暑与用电安全', type: 'ROUTINE', sessionDate: '2026-07-15', hours: 2, examMethod: 'ORAL' }));
  await app.ok('trainingAttendance.record', { sessionId: company.id, entries: [paper(p.newbie.id)] });
  await app.ok('trainingAttendance.record', { sessionId: workshop.id, entries: [paper(p.newbie.id)] });
  await app.ok('trainingAttendance.record', { sessionId: team.id, entries: [paper(p.newbie.id, 85)] });
  await app.ok('trainingAttendance.record', { sessionId: may.id, entries: [paper(p.leaver.id)] });
  await app.ok('trainingAttendance.record', { sessionId: july.id, entries: [p.gm, p.officer, p.certified, p.veteran, p.newbie].map((x) => paper(x.id, 90)) });
  return { company, workshop, team, may, july };
}

describe('training sessions', () => {
  it('hours must be positive, at most 200 and in half hours; the date not in the future; nothing is written otherwise', async () => {
    await plant();
    const neg = await refused('trainingSession.create', session({ hours: -2 }));
    expect(neg).toMatchObject({ code: 'VALIDATION', message: '学时不能为负数', fields: [{ path: 'hours' }] });
    expect((await refused('trainingSession.create', session({ hours: 0 }))).message).toBe('学时应大于 0');
    expect((await refused('trainingSession.create', session({ hours: 1.3 }))).message).toBe('学时以 0.5 学时为单位');
    expect((await refused('trainingSession.create', session({ hours: 0.25 }))).message).toBe('学时以 0.5 学时为单位');
    expect((await refused('trainingSession.create', session({ hours: 200.5 }))).message).toBe('学时不能超过 200 学时');
    expect((await refused('trainingSession.create', session({ hours: '8' as never }))).message).toBe('学时应为数字');
    expect((await refused('trainingSession.create', session({ sessionDate: '2026-11-23' }))).message).toBe('培训日期（2026-11-23）晚于今天：尚未举办的培训请列入年度培训计划，举办后再登记');
    expect((await refused('trainingSession.create', session({ passScore: 60 }))).message).toBe('不考核的培训不设及格分');
    expect((await refused('trainingSession.create', session({ organiserUnitId: '019a0000-0000-7000-8000-00000000dead' }))).message).toBe('组织部门不存在，请重新选择');
    expect((await refused('trainingPlan.create', { year: 2026, title: '全员培训', type: 'ROUTINE', audience: '全体', plannedMonth: 3, hours: -1 })).message).toBe('计划学时不能为负数');

    const ok = await app.ok('trainingSession.create', session({ hours: 0.5, sessionDate: '2026-11-22' }));
    expect(ok).toMatchObject({ code: 'PX-2026-0001', hours: 0.5, attendeeCount: 0, examMethod: 'NONE', passScore: null });
    expect((await app.ok('trainingSession.create', session({ hours: 1.5 }))).code).toBe('PX-2026-0002');
    expect((await app.ok('trainingSession.create', session({ hours: 200, sessionDate: '2025-12-31' }))).code).toBe('PX-2025-0001');
    expect(audits('trainingSession', ok.id)).toEqual([{ action: 'CREATE', summary: '登记培训 PX-2026-0001：新员工厂级安全教育（三级教育（厂级），2026-11-22，0.5 学时）' }]);
  });

  it('attendance: pass from the pass mark, ON_SCREEN needs a signature, no score without an exam, only people employed on the day; a bad entry fails the whole batch', async () => {
    const p = await plant();
    const exam = await app.ok('trainingSession.create', session({ title: '班组级安全教育', type: 'INDUCTION_TEAM', sessionDate: '2026-07-15', examMethod: 'WRITTEN', passScore: 70 }));
    const none = await app.ok('trainingSession.create', session({ title: '安全例会', type: 'ROUTINE', sessionDate: '2026-07-15', hours: 2 }));

    // 刘洋 left on 06-30: the batch with him is refused and nobody is recorded.
    const left = await refused('trainingAttendance.record', { sessionId: exam.id, entries: [paper(p.veteran.id, 90), paper(p.leaver.id, 80)] });
    expect(left).toMatchObject({ code: 'VALIDATION', message: '「刘洋」已于 2026-06-30 离职，不能登记其后（2026-07-15）的培训签到', fields: [{ path: 'entries.1.personId' }] });
    expect(db().prepare('SELECT count(*) AS n FROM training_attendance').get()).toEqual({ n: 0 });
    const early = await app.ok('trainingSession.create', session({ sessionDate: '2026-02-28' }));
    expect((await refused('trainingAttendance.record', { sessionId: early.id, entries: [paper(p.newbie.id)] })).message).toBe('「周敏」2026-03-01 才入职，不能登记 2026-02-28 的培训');
    expect((await refused('trainingAttendance.record', { sessionId: exam.id, entries: [paper(p.veteran.id), paper(p.veteran.id)] })).message).toBe('同一人员重复出现，请删除重复的一行');
    const unsigned = await refused('trainingAttendance.record', { sessionId: exam.id, entries: [{ personId: p.veteran.id, signMethod: 'ON_SCREEN', examScore: 90 }] });
    expect(unsigned).toMatchObject({ message: '屏幕签到须有本人签名；按纸质签到表录入请选择「纸质签到表」', fields: [{ path: 'entries.0.signatureAttachmentId' }] });
    expect((await refused('trainingAttendance.record', { sessionId: none.id, entries: [paper(p.veteran.id, 90)] })).message).toBe('本次培训不考核，不能登记考试成绩');
    expect((await refused('trainingAttendance.record', { sessionId: exam.id, entries: [paper(p.veteran.id, 101)] })).message).toBe('考试成绩不能超过 100 分');
    expect((await refused('trainingAttendance.record', { sessionId: exam.id, entries: [paper(p.veteran.id, -1)] })).message).toBe('考试成绩不能为负数');
    expect((await refused('trainingAttendance.record', { sessionId: exam.id, entries: [] })).message).toBe('请至少选择一名参训人员');

    // The leaving day itself is still employed; the pass mark decides passed; an explicit answer wins.
    const signature = await app.ok('attachment.upload', { fileName: '签名.png', dataBase64: PNG, purpose: 'image' });
    const lastDay = await app.ok('trainingSession.create', session({ title: '离职前安全交底', type: 'ROUTINE', sessionDate: '2026-06-30', hours: 1 }));
    await app.ok('trainingAttendance.record', { sessionId: lastDay.id, entries: [paper(p.leaver.id)] });
    const recorded = await app.ok('trainingAttendance.record', {
      sessionId: exam.id,
      entries: [
        { personId: p.veteran.id, signMethod: 'ON_SCREEN', signatureAttachmentId: signature.id, examScore: 70 },
        paper(p.newbie.id, 69.5),
        paper(p.certified.id),
        { ...paper(p.officer.id, 50), passed: true },
      ],
    });
    expect(recorded.attendees.map((a) => [a.name, a.signMethod, a.examScore, a.passed])).toEqual([
      ['黄志勇', 'PAPER', 50, true],
      ['赵敏', 'PAPER', null, null],
      ['王强', 'ON_SCREEN', 70, true],
      ['周敏', 'PAPER', 69.5, false],
    ]);
    expect(recorded).toMatchObject({ attendeeCount: 4, passedCount: 2, failedCount: 1 });
    // Re-recording keeps the earlier signature; without a session pass mark the settings' 60 applies.
    const again = await app.ok('trainingAttendance.record', { sessionId: exam.id, entries: [{ personId: p.veteran.id, signMethod: 'ON_SCREEN', examScore: 95 }] });
    expect(again.attendees.find((a) => a.name === '王强')).toMatchObject({ signatureAttachmentId: signature.id, examScore: 95, passed: true });
    const oral = await app.ok('trainingSession.create', session({ title: '口试', type: 'ROUTINE', sessionDate: '2026-07-16', hours: 1, examMethod: 'ORAL' }));
    const byDefault = await app.ok('trainingAttendance.record', { sessionId: oral.id, entries: [paper(p.veteran.id, 60), paper(p.newbie.id, 59.5)] });
    expect(byDefault.attendees.map((a) => [a.name, a.passed])).toEqual([
      ['王强', true],
      ['周敏', false],
    ]);

    expect(audits('trainingAttendance', exam.id).map((a) => [a.action, a.summary])).toEqual([
      ['UPDATE', `培训 ${exam.code} 登记签到 4 人（共 4 人）`],
      ['UPDATE', `培训 ${exam.code} 登记签到 1 人（共 4 人）`],
    ]);
    const removed = await app.ok('trainingAttendance.remove', { sessionId: exam.id, personId: p.certified.id });
    expect(removed.attendeeCount).toBe(3);
    expect(audits('trainingAttendance', exam.id).at(-1)).toEqual({ action: 'DELETE', summary: `培训 ${exam.code} 撤销「赵敏」的签到` });
    expect((await refused('trainingAttendance.remove', { sessionId: exam.id, personId: p.certified.id })).code).toBe('NOT_FOUND');
  });

  it('a session cannot move before an attendee’s hire date (or after a leaving date), nor drop its exam once scored; candidates are the employed people of the audience units', async () => {
    const p = await plant();
    const s = await app.ok('trainingSession.create', session({ title: '车工班安全活动', type: 'ROUTINE', sessionDate: '2026-03-10', hours: 2, examMethod: 'WRITTEN', audienceUnitIds: [p.ws.id] }));
    await app.ok('trainingAttendance.record', { sessionId: s.id, entries: [paper(p.newbie.id, 88), paper(p.leaver.id, 75)] });
    const { id: _id, code: _code, attendeeCount: _a, passedCount: _p, failedCount: _f, organiserUnitName: _o, planItemTitle: _t, audienceUnitNames: _n, materials, photos, attendees: _at, ...rest } = s;
    const values = { ...rest, materialIds: materials.map((m) => m.attachmentId), photoIds: photos.map((m) => m.attachmentId) };

    const before = await refused('trainingSession.update', { id: s.id, ...values, sessionDate: '2026-02-27' });
    expect(before).toMatchObject({ message: '「周敏」2026-03-01 才入职，不能登记 2026-02-27 的培训', fields: [{ path: 'sessionDate' }] });
    expect((await refused('trainingSession.update', { id: s.id, ...values, sessionDate: '2026-07-01' })).message).toBe('「刘洋」已于 2026-06-30 离职，不能登记其后（2026-07-01）的培训签到');
    expect((await refused('trainingSession.update', { id: s.id, ...values, examMethod: 'NONE' })).message).toBe('已有人员登记了考试成绩，不能改为不考核');
    const moved = await app.ok('trainingSession.update', { id: s.id, ...values, sessionDate: '2026-03-01', hours: 2.5 });
    expect(moved).toMatchObject({ sessionDate: '2026-03-01', hours: 2.5, attendeeCount: 2 });
    // Scored against the default 60: both passed; a pass mark of 80 fails the 75.
    expect(moved.attendees.map((a) => [a.name, a.examScore, a.passed])).toEqual([
      ['周敏', 88, true],
      ['刘洋', 75, true],
    ]);
    const stricter = await app.ok('trainingSession.update', { id: s.id, ...values, sessionDate: '2026-03-01', hours: 2.5, passScore: 80 });
    expect(stricter.attendees.map((a) => [a.name, a.passed])).toEqual([
      ['周敏', true],
      ['刘洋', false],
    ]);
    expect(stricter).toMatchObject({ passedCount: 1, failedCount: 1 });
    expect(audits('trainingSession', s.id).map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);

    // Candidates: the workshop and its team, employed on the session day.
    const candidates = await app.ok('trainingAttendance.candidates', { sessionId: s.id });
    expect(candidates.map((c) => [c.name, c.attended])).toEqual([
      ['赵敏', false],
      ['王强', false],
      ['周敏', true],
      ['刘洋', true],
    ]);
    const july = await app.ok('trainingSession.create', session({ type: 'ROUTINE', sessionDate: '2026-07-01', audienceUnitIds: [p.team.id] }));
    expect((await app.ok('trainingAttendance.candidates', { sessionId: july.id })).map((c) => c.name)).toEqual(['王强', '周敏']);
    expect((await app.ok('trainingAttendance.candidates', { sessionId: july.id, search: '周' })).map((c) => c.name)).toEqual(['周敏']);
    const everyone = await app.ok('trainingSession.create', session({ type: 'ROUTINE', sessionDate: '2026-07-01' }));
    expect((await app.ok('trainingAttendance.candidates', { sessionId: everyone.id })).length).toBe(5);

    // A session with sign-ins is part of the archive.
    expect((await refused('trainingSession.remove', { id: s.id })).message).toBe(`培训 ${s.code} 已有 2 人签到，作为培训档案不能删除；如登记有误请先撤销签到`);
    await app.ok('trainingSession.remove', { id: july.id });
    expect(audits('trainingSession', july.id).map((a) => a.action)).toEqual(['CREATE', 'DELETE']);
  });

  it('the session ledger: period, type, organiser unit (with sub-units), keyword, paging', async () => {
    const p = await plant();
    await year2026(p);
    await app.ok('trainingSession.create', session({ title: '去年年底消防培训', type: 'EMERGENCY', sessionDate: '2025-12-20', trainer: '消防站李队长' }));
    const all = await app.ok('trainingSession.list', {});
    expect(all.total).toBe(6);
    expect(all.items.map((s) => s.code)).toEqual(['PX-2026-0005', 'PX-2026-0004', 'PX-2026-0003', 'PX-2026-0002', 'PX-2026-0001', 'PX-2025-0001']);
    expect(all.items[0]).toMatchObject({ title: '夏季防暑与用电安全', attendeeCount: 5, passedCount: 5, failedCount: 0 });
    expect((await app.ok('trainingSession.list', { from: '2026-01-01', to: '2026-12-31' })).total).toBe(5);
    expect((await app.ok('trainingSession.list', { type: 'EMERGENCY' })).items.map((s) => s.title)).toEqual(['去年年底消防培训']);
    expect((await app.ok('trainingSession.list', { unitId: p.ws.id })).items.map((s) => s.title)).toEqual(['班组级安全教育', '车间级安全教育']);
    expect((await app.ok('trainingSession.list', { search: '李队长' })).total).toBe(1);
    expect((await app.ok('trainingSession.list', { search: '防暑' })).items.map((s) => s.code)).toEqual(['PX-2026-0005']);
    const page2 = await app.ok('trainingSession.list', { page: 2, pageSize: 4 });
    expect(page2).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(page2.items.map((s) => s.code)).toEqual(['PX-2026-0001', 'PX-2025-0001']);
  });

  it('the annual training plan: done once a session is linked, missed after its month; a session must match the plan year', async () => {
    await plant();
    const march = await app.ok('trainingPlan.create', { year: 2026, title: '三级安全教育', type: 'INDUCTION_COMPANY', audience: '新员工', plannedMonth: 3, hours: 24 });
    const sept = await app.ok('trainingPlan.create', { year: 2026, title: '特种作业复训', type: 'SPECIAL_OPERATION', audience: '电工、焊工', plannedMonth: 9, hours: 8 });
    const dec = await app.ok('trainingPlan.create', { year: 2026, title: '冬季防火', type: 'EMERGENCY', audience: '全体', plannedMonth: 12, hours: 2 });
    expect([march.state, sept.state, dec.state]).toEqual(['MISSED', 'MISSED', 'PLANNED']);
    expect((await refused('trainingSession.create', session({ planItemId: march.id, sessionDate: '2025-03-02' }))).message).toBe('所选计划项属于 2026 年计划，与培训日期不符');
    await app.ok('trainingSession.create', session({ planItemId: march.id }));
    expect((await app.ok('trainingPlan.list', { year: 2026 })).map((i) => [i.title, i.state, i.sessionCount])).toEqual([
      ['三级安全教育', 'DONE', 1],
      ['特种作业复训', 'MISSED', 0],
      ['冬季防火', 'PLANNED', 0],
    ]);
    expect((await refused('trainingPlan.remove', { id: march.id })).message).toBe('计划项「三级安全教育」已有 1 次培训记录，不能删除');
    expect((await refused('trainingPlan.update', { id: march.id, year: 2027, title: '三级安全教育', type: 'INDUCTION_COMPANY', audience: '新员工', plannedMonth: 3, hours: 24 })).message).toBe('该计划项已有培训记录，不能改到其他年度');
    await app.ok('trainingPlan.remove', { id: dec.id });
    expect(audits('trainingPlanItem').map((a) => a.action)).toEqual(['CREATE', 'CREATE', 'CREATE', 'DELETE']);
  });
});

describe('一人一档 (training archive)', () => {
  it('roles: the principal, the safety department and holders of the 安全管理人员 certificate; the rest are staff', async () => {
    const p = await plant();
    await year2026(p);
    const role = async (id: string) => {
      const a = await app.ok('training.archive', { personId: id });
      return [a.person.name, a.role, a.rule?.initialHours ?? null, a.rule?.yearlyHours ?? null];
    };
    expect(await role(p.gm.id)).toEqual(['陈国栋', 'PRINCIPAL', 32, 12]);
    expect(await role(p.officer.id)).toEqual(['黄志勇', 'SAFETY_MANAGER', 32, 12]);
    expect(await role(p.certified.id)).toEqual(['赵敏', 'SAFETY_MANAGER', 32, 12]);
    expect(await role(p.veteran.id)).toEqual(['王强', 'STAFF', 24, 8]);
    // A metallurgy enterprise takes the high-risk hours.
    const e = await app.ok('enterprise.get', {});
    await app.ok('enterprise.update', { ...profileOf(e), industrySector: 'METALLURGY' });
    expect(await role(p.gm.id)).toEqual(['陈国栋', 'PRINCIPAL', 48, 16]);
    expect(await role(p.veteran.id)).toEqual(['王强', 'STAFF', 72, 20]);
    expect(await role(p.officer.id)).toEqual(['黄志勇', 'SAFETY_MANAGER', 48, 16]);
    // A revoked certificate no longer makes a safety manager.
    const cert = (await app.ok('certificate.list', { personId: p.certified.id })).items[0]!;
    await app.ok('certificate.revoke', { id: cert.id, reason: '调离安全管理岗位' });
    expect((await app.ok('training.archive', { personId: p.certified.id })).role).toBe('STAFF');
  });

  it('a new hire: 三级教育 levels, the hire year against the initial hours, sessions with scores', async () => {
    const p = await plant();
    const company = await app.ok('trainingSession.create', session({ audienceUnitIds: [p.company.id] }));
    await app.ok('trainingAttendance.record', { sessionId: company.id, entries: [paper(p.newbie.id)] });
    let a = await app.ok('training.archive', { personId: p.newbie.id });
    expect(a.induction).toMatchObject({ company: { code: company.code, date: '2026-03-02', hours: 8, trainer: '黄志勇' }, workshop: null, team: null, complete: false });
    expect(a.flags).toEqual(['新员工（2026-03-01 入职）三级教育不全，缺车间级、班组级', '2026 年已培训 8 学时，尚差 16 学时（要求 24 学时）']);

    await year2026(p);
    a = await app.ok('training.archive', { personId: p.newbie.id });
    expect(a.induction.complete).toBe(true);
    expect(a.years).toEqual([{ year: 2026, hours: 34, required: 24, kind: 'INITIAL', met: true }]);
    expect(a.sessions.map((s) => [s.sessionDate, s.type, s.hours, s.examScore, s.passed])).toEqual([
      ['2026-07-15', 'ROUTINE', 2, 90, true],
      ['2026-03-04', 'INDUCTION_TEAM', 8, 85, true],
      ['2026-03-03', 'INDUCTION_WORKSHOP', 8, null, null],
      ['2026-03-02', 'INDUCTION_COMPANY', 8, null, null],
      ['2026-03-02', 'INDUCTION_COMPANY', 8, null, null],
    ]);
    expect(a.flags).toEqual([]);
    expect(a.person).toMatchObject({ name: '周敏', unitName: '车工班', postNames: '车工', hireDate: '2026-03-01', status: 'ACTIVE' });
  });

  it('a veteran: ten years against the yearly hours, a change of post flagged until the workshop and team levels are repeated, drills and certificates', async () => {
    const p = await plant();
    await year2026(p);
    let a = await app.ok('training.archive', { personId: p.veteran.id });
    expect(a.years.map((y) => y.year)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017]);
    expect(a.years[0]).toEqual({ year: 2026, hours: 2, required: 8, kind: 'YEARLY', met: false });
    expect(a.years[1]).toEqual({ year: 2025, hours: 0, required: 8, kind: 'YEARLY', met: false });
    // No training was kept in the app in 2025, so that year is shown but not flagged…
    expect(a.flags).toEqual(['2026 年已培训 2 学时，尚差 6 学时（要求 8 学时）']);
    expect(a.postChanges).toEqual([]);
    // …until the enterprise has 2025 records: then 0 / 8 is a gap.
    const s2025 = await app.ok('trainingSession.create', session({ title: '2025 年安全例会', type: 'ROUTINE', sessionDate: '2025-06-10', hours: 2 }));
    await app.ok('trainingAttendance.record', { sessionId: s2025.id, entries: [paper(p.officer.id)] });
    a = await app.ok('training.archive', { personId: p.veteran.id });
    expect(a.flags).toEqual(['2026 年已培训 2 学时，尚差 6 学时（要求 8 学时）', '2025 年学时未达标（0 / 8）']);

    // Moved to 焊工 on 10-08: 车间级 and 班组级 again.
    await app.ok('person.setPosts', { id: p.veteran.id, postIds: [p.welder.id], effectiveDate: '2026-10-08' });
    a = await app.ok('training.archive', { personId: p.veteran.id });
    expect(a.postChanges).toEqual([{ postName: '焊工', unitName: '车工班', startDate: '2026-10-08', retrained: false }]);
    expect(a.flags).toContain('2026-10-08 转岗至「焊工」后未重新进行车间级、班组级安全教育');
    const ws = await app.ok('trainingSession.create', session({ title: '转岗车间级教育', type: 'INDUCTION_WORKSHOP', sessionDate: '2026-10-09', hours: 4 }));
    const tm = await app.ok('trainingSession.create', session({ title: '转岗班组级教育', type: 'INDUCTION_TEAM', sessionDate: '2026-10-10', hours: 4 }));
    await app.ok('trainingAttendance.record', { sessionId: ws.id, entries: [paper(p.veteran.id)] });
    await app.ok('trainingAttendance.record', { sessionId: tm.id, entries: [paper(p.veteran.id)] });
    a = await app.ok('training.archive', { personId: p.veteran.id });
    expect(a.postChanges).toEqual([{ postName: '焊工', unitName: '车工班', startDate: '2026-10-08', retrained: true }]);
    expect(a.years[0]).toEqual({ year: 2026, hours: 10, required: 8, kind: 'YEARLY', met: true });
    expect(a.flags).toEqual(['2025 年学时未达标（0 / 8）']);
    expect(a.person.postNames).toBe('焊工');

    // Drills taken part in, and certificates held, are in the file.
    const plan = await app.ok('emergencyPlan.create', { code: 'XC-01', name: '车床机械伤害现场处置方案', planType: 'ONSITE' });
    await app.ok('drill.create', {
      planId: plan.id,
      title: '机械伤害应急演练',
      scope: 'SINGLE',
      form: 'TABLETOP',
      purpose: 'TEST',
      drillDate: '2026-06-30',
      startTime: '09:00',
      endTime: '10:00',
      place: '车工班',
      commanderName: '赵敏',
      organiserUnitId: p.ws.id,
      scenario: '卷入事故',
      participants: [{ personId: p.veteran.id, name: '王强', role: '处置组' }],
    });
    await app.ok('certificate.create', { personId: p.veteran.id, certTypeId: '00000000-0000-7000-8000-000000000001', category: '焊接与热切割作业-熔化焊接与热切割作业', number: 'T2023001', issueDate: '2023-05-01' });
    a = await app.ok('training.archive', { personId: p.veteran.id });
    expect(a.drills).toEqual([expect.objectContaining({ code: 'YL-2026-001', drillDate: '2026-06-30', role: '处置组' })]);
    expect(a.certificates).toEqual([expect.objectContaining({ number: 'T2023001' })]);
  });

  it('someone who left: the years up to the leaving year, no current-year flag', async () => {
    const p = await plant();
    await year2026(p);
    const a = await app.ok('training.archive', { personId: p.leaver.id });
    expect(a.person).toMatchObject({ status: 'LEFT', leftDate: '2026-06-30' });
    expect(a.years[0]).toEqual({ year: 2026, hours: 2, required: 8, kind: 'YEARLY', met: false });
    expect(a.years.at(-1)!.year).toBe(2019);
    expect(a.flags).toEqual([]);
    expect((await app.call('training.archive', { personId: '019a0000-0000-7000-8000-00000000dead' })).ok).toBe(false);
  });
});

describe('training compliance', () => {
  it('hours against the requirement per person, only gaps, a unit with its sub-units, the monthly all-staff rule', async () => {
    const p = await plant();
    await year2026(p);
    await app.ok('person.setPosts', { id: p.veteran.id, postIds: [p.welder.id], effectiveDate: '2026-10-08' });
    const refresher = await app.ok('trainingSession.create', session({ title: '安全管理人员再培训', type: 'REFRESHER', sessionDate: '2026-09-15', hours: 12 }));
    await app.ok('trainingAttendance.record', { sessionId: refresher.id, entries: [paper(p.officer.id)] });

    const c = await app.ok('training.compliance', { year: 2026 });
    expect(c.highRisk).toBe(false);
    expect(c.people.map((r) => [r.name, r.role, r.hours, r.required, r.met])).toEqual([
      ['陈国栋', 'PRINCIPAL', 2, 12, false],
      ['黄志勇', 'SAFETY_MANAGER', 14, 12, true],
      ['赵敏', 'SAFETY_MANAGER', 2, 12, false],
      ['王强', 'STAFF', 2, 8, false],
      ['周敏', 'STAFF', 26, 24, true],
      // Left on 06-30: listed with the hours, not held to the yearly figure.
      ['刘洋', 'STAFF', 2, null, null],
    ]);
    expect(c.people.find((r) => r.name === '王强')!.flags).toEqual(['2026-10-08 转岗至「焊工」后未重新进行车间级、班组级安全教育', '2026 年 2 / 8 学时，尚差 6 学时']);
    expect(c.people.find((r) => r.name === '周敏')).toMatchObject({ inductionComplete: true, flags: [] });
    expect(c.summary).toEqual({ people: 6, withRequirement: 5, metHours: 2, shortHours: 3, inductionMissing: 0, postChangeMissing: 1, totalHours: 24 + 2 + 10 + 12, sessions: 6 });

    const gaps = await app.ok('training.compliance', { year: 2026, onlyGaps: true });
    expect(gaps.people.map((r) => r.name)).toEqual(['陈国栋', '赵敏', '王强']);
    expect(gaps.summary).toEqual(c.summary);
    const workshop = await app.ok('training.compliance', { year: 2026, unitId: p.ws.id });
    expect(workshop.people.map((r) => r.name)).toEqual(['赵敏', '王强', '周敏', '刘洋']);
    expect(workshop.summary.people).toBe(4);
    expect((await app.ok('training.compliance', { year: 2026, unitId: p.team.id, onlyGaps: true })).people.map((r) => r.name)).toEqual(['王强']);

    // The monthly rule: ≥ 1 hour in the month for 90 % of the people employed through the month.
    const byMonth = Object.fromEntries(c.periods.map((x) => [x.key, [x.activeStaff, x.trained, x.rate, x.state]]));
    expect(byMonth['2026-01']).toEqual([5, 0, 0, 'MISSED']);
    expect(byMonth['2026-03']).toEqual([6, 1, 16.7, 'MISSED']);
    expect(byMonth['2026-05']).toEqual([6, 1, 16.7, 'MISSED']);
    // 刘洋 left on 06-30, the last day of June: counted in June, not in July.
    expect(byMonth['2026-06']).toEqual([6, 0, 0, 'MISSED']);
    expect(byMonth['2026-07']).toEqual([5, 5, 100, 'MET']);
    expect(byMonth['2026-09']).toEqual([5, 1, 20, 'MISSED']);
    expect(byMonth['2026-11']).toEqual([5, 0, 0, 'DUE']);
    expect(byMonth['2026-12']).toEqual([5, 0, 0, 'UPCOMING']);

    // Retrained at the workshop and team levels after the move: the flag goes, the hours count.
    for (const [type, date] of [['INDUCTION_WORKSHOP', '2026-10-09'], ['INDUCTION_TEAM', '2026-10-10']] as const) {
      const s = await app.ok('trainingSession.create', session({ title: '转岗教育', type, sessionDate: date, hours: 4 }));
      await app.ok('trainingAttendance.record', { sessionId: s.id, entries: [paper(p.veteran.id)] });
    }
    const retrained = await app.ok('training.compliance', { year: 2026 });
    expect(retrained.people.find((r) => r.name === '王强')).toMatchObject({ hours: 10, met: true, inductionComplete: false, flags: [] });
    expect(retrained.summary).toMatchObject({ metHours: 3, shortHours: 2, postChangeMissing: 0 });
    expect(retrained.periods.find((x) => x.key === '2026-10')).toMatchObject({ activeStaff: 5, trained: 1, rate: 20, state: 'MISSED' });

    // Last year: nobody trained, every requirement yearly (周敏 not yet hired).
    const y2025 = await app.ok('training.compliance', { year: 2025 });
    expect(y2025.people.map((r) => r.name)).toEqual(['陈国栋', '黄志勇', '赵敏', '王强', '刘洋']);
    expect(y2025.people.every((r) => r.flags.some((f) => f === `2025 年 0 / ${r.required} 学时，未达标`))).toBe(true);
  });

  it('settings: quarterly rule, hour rules; changes audited, duplicates refused', async () => {
    const p = await plant();
    await year2026(p);
    const s = await app.ok('trainingSettings.get', {});
    expect(s).toMatchObject({ passScore: 60, inductionLookbackDays: 365, periodicRule: { enabled: true, period: 'MONTH', minHours: 1, attendanceTarget: 90 }, highRisk: false });
    const logged = audits('setting').length;
    const changed = await app.ok('trainingSettings.update', { periodicRule: { enabled: true, period: 'QUARTER', minHours: 2, attendanceTarget: 80 }, passScore: 70 });
    expect(changed).toMatchObject({ periodicRule: { period: 'QUARTER', minHours: 2, attendanceTarget: 80 }, passScore: 70 });
    expect(audits('setting').slice(logged)).toEqual([{ action: 'UPDATE', summary: '修改培训设置（学时要求、三级教育和转岗核查、全员定期培训规则）' }]);
    const c = await app.ok('training.compliance', { year: 2026 });
    expect(c.periods.map((x) => [x.key, x.activeStaff, x.trained, x.state])).toEqual([
      ['2026-Q1', 6, 1, 'MISSED'],
      ['2026-Q2', 6, 1, 'MISSED'],
      ['2026-Q3', 5, 5, 'MET'],
      ['2026-Q4', 5, 0, 'DUE'],
    ]);

    const rules = changed.hourRules;
    expect((await refused('trainingSettings.update', { hourRules: [...rules, rules[0]!] })).message).toBe('同一人员类别和行业只能有一条学时规则');
    expect((await refused('trainingSettings.update', { periodicRule: { enabled: true, period: 'MONTH', minHours: 0, attendanceTarget: 90 } })).message).toBe('最少学时不能小于 0.5');
    expect((await refused('trainingSettings.update', { hourRules: [{ ...rules[0]!, yearlyHours: -1 }] })).message).toBe('学时不能为负数');
    // Staff without a yearly figure have no requirement after their first year.
    await app.ok('trainingSettings.update', { hourRules: rules.map((r) => (r.role === 'STAFF' ? { ...r, yearlyHours: null } : r)), periodicRule: { enabled: false, period: 'MONTH', minHours: 1, attendanceTarget: 90 } });
    const relaxed = await app.ok('training.compliance', { year: 2026 });
    expect(relaxed.periods).toEqual([]);
    expect(relaxed.people.map((r) => [r.name, r.required])).toEqual([
      ['陈国栋', 12],
      ['黄志勇', 12],
      ['赵敏', 12],
      ['王强', null],
      ['周敏', 24],
      ['刘洋', null],
    ]);
  });
});
