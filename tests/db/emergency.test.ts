import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppRuntime } from '../../main/bootstrap.ts';
import { loadMigrationsFromDisk } from '../../main/db/migrations/fromDisk.ts';
import { dispatch } from '../../main/ipc/dispatch.ts';
import type { InputOf } from '../../preload/contract/index.ts';
import { storeAttachment } from '../../main/modules/attachments/service.ts';
import { docxBytes, mp4Bytes } from '../helpers/files.ts';
import { openSetupApp, profileOf, RESOURCES_DIR, tempDir, type TestApp } from '../helpers/runtime.ts';
import { tableGuard } from '../helpers/tables.ts';

let app: TestApp;
afterEach(() => app?.close());

const db = () => app.rt.app().db;

const PLAN_TABLES = ['emergency_plan', 'emergency_plan_post', 'emergency_plan_version', 'emergency_plan_trigger', 'emergency_card', 'attachment_link', 'app_setting', 'audit_log'];

const { refused, auditsWithStates: audits } = tableGuard(() => app, PLAN_TABLES);

/** A workshop with two front-line posts, the principal and a safety officer; the 2026 holiday calendar loaded. Today is Sunday 2026-11-22. */
async function plant() {
  app = await openSetupApp();
  await app.ok('workCalendar.save', { year: 2026, days: await app.ok('workCalendar.defaults', { year: 2026 }) });
  const company = (await app.ok('unit.list', {}))[0]!;
  const ws = await app.ok('unit.create', { name: '机加工车间', kind: 'WORKSHOP', parentId: company.id });
  const gmPost = await app.ok('post.create', { name: '总经理', unitId: company.id, category: 'MANAGEMENT', isSpecialOperation: false });
  const turner = await app.ok('post.create', { name: '车工', unitId: ws.id, trade: '车工', category: 'FRONTLINE', isSpecialOperation: false });
  const welder = await app.ok('post.create', { name: '焊工', unitId: ws.id, trade: '焊工', category: 'FRONTLINE', isSpecialOperation: false });
  const gm = await app.ok('person.create', { name: '陈国栋', staffNo: 'YJ0001', unitId: company.id, employmentType: 'REGULAR', hireDate: '2015-03-01', postIds: [gmPost.id] });
  const officer = await app.ok('person.create', { name: '黄志勇', staffNo: 'YJ0002', unitId: ws.id, employmentType: 'REGULAR', hireDate: '2018-05-01', postIds: [turner.id] });
  const e = await app.ok('enterprise.get', {});
  await app.ok('enterprise.update', { ...profileOf(e), principalPersonId: gm.id, dutyPhone: '023-47661200' });
  return { company, ws, gmPost, turner, welder, gm, officer };
}

type Plant = Awaited<ReturnType<typeof plant>>;

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const SCENARIOS = [{ scenario: '机械伤害', steps: ['立即按下急停按钮', '报告班组长和车间主任', '拨打 120'], cautions: '未停机不得伸手取出工件' }];
const CONTACTS = [{ role: '车间主任', name: '谢斌', phone: '13800000001' }];

/** Saves a complete draft (reviewed, signed by `signer`) and issues it. */
async function issue(planId: string, version: string, signerId: string, issuedOn: string, extra: Partial<InputOf<'planVersion.saveDraft'>> = {}) {
  const draft = await app.ok('planVersion.saveDraft', { planId, version, reviewMethod: 'REVIEW', reviewedOn: issuedOn, signedById: signerId, signedOn: issuedOn, ...extra });
  return app.ok('planVersion.issue', { versionId: draft.draftVersionId!, issuedOn });
}

async function onsitePlan(p: Plant, code = 'XC-01') {
  return app.ok('emergencyPlan.create', { code, name: '车床机械伤害现场处置方案', planType: 'ONSITE', postIds: [p.turner.id], accidentTypes: ['机械伤害'] });
}

describe('emergency plans: draft → review → principal signs → issue → supersede', () => {
  it('refuses to issue without review and signature or when signed by someone other than the principal; issuing writes nothing until complete', async () => {
    const p = await plant();
    const plan = await app.ok('emergencyPlan.create', { code: 'YA-01', name: '生产安全事故综合应急预案', planType: 'COMPREHENSIVE', accidentTypes: ['火灾', '触电'] });
    expect(plan).toMatchObject({ current: null, filing: null, revision: null, openTriggers: 0, warnings: ['尚未发布：草稿待评审、签署后发布'] });
    expect(plan.versions).toEqual([expect.objectContaining({ version: 'V1.0', status: 'DRAFT', filing: null, issuedOn: null })]);
    expect(audits('emergencyPlan', plan.id)).toEqual([expect.objectContaining({ action: 'CREATE', summary: '新建综合应急预案「YA-01 生产安全事故综合应急预案」', hasAfter: 1 })]);
    const versionId = plan.draftVersionId!;

    const bare = await refused('planVersion.issue', { versionId, issuedOn: '2026-09-24' });
    expect(bare).toMatchObject({ code: 'RULE', message: '预案「YA-01」V1.0 还不能发布，尚缺：评审或论证（方式和日期）、主要负责人签署（签署人和日期）' });

    // Draft checks.
    expect((await refused('planVersion.saveDraft', { planId: plan.id, version: 'V1.0', reviewMethod: 'REVIEW' })).message).toBe('请填写评审日期');
    expect((await refused('planVersion.saveDraft', { planId: plan.id, version: 'V1.0', reviewMethod: 'ARGUMENT' })).message).toBe('请填写论证日期');
    expect((await refused('planVersion.saveDraft', { planId: plan.id, version: 'V1.0', reviewMethod: 'REVIEW', reviewedOn: '2026-09-20', signedById: p.gm.id, signedOn: '2026-09-19' })).message).toBe(
      '签署日期（2026-09-19）不能早于评审/论证日期（2026-09-20）',
    );
    expect((await refused('planVersion.saveDraft', { planId: plan.id, version: 'V1.0', reviewMethod: 'REVIEW', reviewedOn: '2026-11-23' })).message).toBe('评审/论证日期不能晚于今天');

    // Reviewed, but signed by the safety officer.
    await app.ok('planVersion.saveDraft', { planId: plan.id, version: 'V1.0', reviewMethod: 'REVIEW', reviewedOn: '2026-09-10', reviewNote: '专家评审通过', signedById: p.officer.id, signedOn: '2026-09-20' });
    const notPrincipal = await refused('planVersion.issue', { versionId, issuedOn: '2026-09-24' });
    expect(notPrincipal).toMatchObject({ code: 'VALIDATION', message: '应急预案须由主要负责人（陈国栋）签署公布', fields: [{ path: 'signedById' }] });

    await app.ok('planVersion.saveDraft', { planId: plan.id, version: 'V1.0', reviewMethod: 'REVIEW', reviewedOn: '2026-09-10', reviewNote: '专家评审通过', signedById: p.gm.id, signedOn: '2026-09-20' });
    expect((await refused('planVersion.issue', { versionId, issuedOn: '2026-11-23' })).message).toBe('发布日期不能晚于今天');
    expect((await refused('planVersion.issue', { versionId, issuedOn: '2026-09-19' })).message).toBe('发布日期（2026-09-19）不能早于主要负责人签署日期（2026-09-20）');

    const issued = await app.ok('planVersion.issue', { versionId, issuedOn: '2026-09-24' });
    // 20 working days after Thu 09-24 across 中秋 and 国庆 (10-10 worked): 10-29; today 11-22 is 16 working days later.
    expect(issued.current).toEqual({ id: versionId, version: 'V1.0', issuedOn: '2026-09-24', filedOn: null, nextRevisionOn: '2029-09-24' });
    expect(issued.filing).toEqual({ state: 'OVERDUE', dueOn: '2026-10-29', workdays: 16 });
    expect(issued.revision).toEqual({ state: 'OK', dueOn: '2029-09-24' });
    expect(issued.draftVersionId).toBeNull();
    expect(issued.warnings).toEqual(['备案已逾期 16 个工作日（应于 2026-10-29 前备案）']);
    expect(issued.versions[0]).toMatchObject({ status: 'IN_FORCE', signedByName: '陈国栋', filing: { state: 'OVERDUE' } });
    expect((await refused('planVersion.issue', { versionId, issuedOn: '2026-09-24' })).message).toBe('版本 V1.0 已经发布，不能重复发布');
    expect(audits('emergencyPlan', plan.id).at(-1)).toMatchObject({ action: 'UPDATE', summary: '发布预案「YA-01 生产安全事故综合应急预案」V1.0（2026-09-24）', hasBefore: 1, hasAfter: 1 });
  });

  it('备案: a filing date before the issue date or after today is refused; on the due date FILED, a working day later FILED_LATE', async () => {
    const p = await plant();
    const plan = await app.ok('emergencyPlan.create', { code: 'YA-01', name: '综合应急预案', planType: 'COMPREHENSIVE' });
    const versionId = plan.draftVersionId!;
    expect((await refused('planVersion.file', { versionId, filedOn: '2026-10-01', filingAuthority: '区应急管理局' })).message).toBe('版本 V1.0 尚未发布，发布后才能备案');
    await issue(plan.id, 'V1.0', p.gm.id, '2026-09-24');

    const early = await refused('planVersion.file', { versionId, filedOn: '2026-09-23', filingAuthority: '区应急管理局' });
    expect(early).toMatchObject({ code: 'VALIDATION', message: '备案日期（2026-09-23）不能早于预案发布日期（2026-09-24）', fields: [{ path: 'filedOn' }] });
    expect((await refused('planVersion.file', { versionId, filedOn: '2026-11-23', filingAuthority: '区应急管理局' })).message).toBe('备案日期不能晚于今天');
    expect(db().prepare('SELECT filedOn FROM emergency_plan_version WHERE id = ?').get(versionId)).toEqual({ filedOn: null });

    const late = await app.ok('planVersion.file', { versionId, filedOn: '2026-10-30', filingAuthority: '区应急管理局', filingReceiptNo: 'BA-2026-031' });
    expect(late.filing).toEqual({ state: 'FILED_LATE', dueOn: '2026-10-29', workdays: 1 });
    expect(late.warnings).toEqual(['备案晚于期限 1 个工作日（期限 2026-10-29）']);
    const onTime = await app.ok('planVersion.file', { versionId, filedOn: '2026-10-29', filingAuthority: '区应急管理局', filingReceiptNo: 'BA-2026-031' });
    expect(onTime.filing).toEqual({ state: 'FILED', dueOn: '2026-10-29', workdays: 0 });
    expect(onTime.warnings).toEqual([]);
    expect(onTime.versions[0]).toMatchObject({ filedOn: '2026-10-29', filingAuthority: '区应急管理局', filingReceiptNo: 'BA-2026-031' });
    expect(audits('emergencyPlan', plan.id).slice(-2).map((a) => a.summary)).toEqual(['登记预案「YA-01」V1.0 备案：2026-10-30，区应急管理局', '登记预案「YA-01」V1.0 备案：2026-10-29，区应急管理局']);
  });

  it('revision triggers: open ones make the plan TRIGGERED; issuing the next version supersedes the old one and resolves the triggers that occurred by its issue date', async () => {
    const p = await plant();
    const plan = await app.ok('emergencyPlan.create', { code: 'YA-01', name: '综合应急预案', planType: 'COMPREHENSIVE' });
    const v1 = (await issue(plan.id, 'V1.0', p.gm.id, '2026-09-24')).current!.id;

    expect((await refused('planTrigger.create', { planId: plan.id, kind: 'ORGANISATION', occurredOn: '2026-11-23', description: '机构调整' })).message).toBe('发生日期不能晚于今天');
    expect((await refused('planTrigger.create', { planId: plan.id, kind: 'ORGANISATION', occurredOn: '2026-11-01', description: '机构调整', dueOn: '2026-10-31' })).message).toBe(
      '完成修订期限（2026-10-31）不能早于发生日期（2026-11-01）',
    );
    const t1 = await app.ok('planTrigger.create', { planId: plan.id, kind: 'ORGANISATION', occurredOn: '2026-11-01', description: '安全管理部门与设备部合并', dueOn: '2026-12-31', ownerId: p.officer.id });
    expect(t1).toMatchObject({ openTriggers: 1, revision: { state: 'TRIGGERED', dueOn: '2026-12-31' } });
    expect(t1.warnings).toContain('有 1 项修订事项待处理');
    expect(t1.triggers).toEqual([expect.objectContaining({ kind: 'ORGANISATION', ownerName: '黄志勇', resolvedOn: null, resolvedVersion: null, overdue: false })]);
    expect(audits('emergencyPlanTrigger')).toEqual([expect.objectContaining({ action: 'CREATE', summary: '预案「YA-01」登记修订事项（应急指挥机构及其职责调整）：安全管理部门与设备部合并' })]);
    await app.ok('planTrigger.create', { planId: plan.id, kind: 'LAW', occurredOn: '2026-11-21', description: '地方应急条例修订' });

    // The old number cannot be reused once issued.
    const dup = await refused('planVersion.saveDraft', { planId: plan.id, version: 'V1.0' });
    expect(dup).toMatchObject({ code: 'CONFLICT', message: '版本号「V1.0」已经发布过，请使用新的版本号（如 V2.0）' });
    // A new version cannot be issued before the one in force.
    await app.ok('planVersion.saveDraft', { planId: plan.id, version: 'V2.0', reviewMethod: 'ARGUMENT', reviewedOn: '2026-09-01', signedById: p.gm.id, signedOn: '2026-09-02', changeSummary: '按机构调整修订' });
    const v2 = (await app.ok('emergencyPlan.get', { id: plan.id })).draftVersionId!;
    expect((await refused('planVersion.issue', { versionId: v2, issuedOn: '2026-09-10' })).message).toBe('发布日期不能早于现行版本 V1.0 的发布日期（2026-09-24）');

    const after = await app.ok('planVersion.issue', { versionId: v2, issuedOn: '2026-11-20' });
    expect(after.versions.map((v) => [v.version, v.status])).toEqual([
      ['V2.0', 'IN_FORCE'],
      ['V1.0', 'SUPERSEDED'],
    ]);
    expect(after.current).toMatchObject({ id: v2, version: 'V2.0', issuedOn: '2026-11-20', nextRevisionOn: '2029-11-20' });
    // The organisation trigger (11-01) is closed by V2.0; the law change of 11-21 came after it and stays open.
    expect(after.triggers.map((t) => [t.kind, t.resolvedVersion, t.resolvedOn])).toEqual([
      ['LAW', null, null],
      ['ORGANISATION', 'V2.0', '2026-11-20'],
    ]);
    expect(after.openTriggers).toBe(1);
    // V2.0's filing: 20 working days after Fri 11-20 is 12-18; all 20 are still left on Sunday 11-22.
    expect(after.filing).toEqual({ state: 'PENDING', dueOn: '2026-12-18', workdays: 20 });
    expect(after.versions[1]!.filing).toEqual({ state: 'OVERDUE', dueOn: '2026-10-29', workdays: 16 });
    expect(db().prepare(`SELECT count(*) AS n FROM emergency_plan_version WHERE planId = ? AND status = 'IN_FORCE'`).get(plan.id)).toEqual({ n: 1 });
    expect(v1).not.toBe(v2);
  });

  it('现场处置方案 need a risk description and scenarios; plan checks (parent, posts, code) write nothing', async () => {
    const p = await plant();
    const comp = await app.ok('emergencyPlan.create', { code: 'YA-01', name: '综合应急预案', planType: 'COMPREHENSIVE' });
    const onsite = await app.ok('emergencyPlan.create', { code: 'XC-01', name: '车床机械伤害现场处置方案', planType: 'ONSITE', parentId: comp.id, postIds: [p.turner.id] });
    expect(onsite).toMatchObject({ parentName: '综合应急预案', postNames: ['车工'] });
    await app.ok('planVersion.saveDraft', { planId: onsite.id, version: 'V1.0', reviewMethod: 'ARGUMENT', reviewedOn: '2026-11-01', signedById: p.gm.id, signedOn: '2026-11-02' });
    expect((await refused('planVersion.issue', { versionId: onsite.draftVersionId!, issuedOn: '2026-11-03' })).message).toBe('预案「XC-01」V1.0 还不能发布，尚缺：事故风险描述、至少一个事故情形的处置步骤');

    expect((await refused('emergencyPlan.create', { code: 'YA-01', name: '重复', planType: 'SPECIFIC' })).message).toBe('预案编号「YA-01」已被其他预案使用，请换一个编号');
    expect((await refused('emergencyPlan.create', { code: 'ZX-01', name: '专项', planType: 'SPECIFIC', parentId: onsite.id })).message).toBe('上级预案应为综合应急预案');
    expect((await refused('emergencyPlan.create', { code: 'ZX-01', name: '专项', planType: 'SPECIFIC', postIds: [p.turner.id] })).message).toBe('只有现场处置方案关联岗位（用于生成应急处置卡）');
    expect((await refused('emergencyPlan.create', { code: 'ZH-02', name: '综合', planType: 'COMPREHENSIVE', parentId: comp.id })).message).toBe('综合应急预案没有上级预案');
    expect((await refused('emergencyPlan.create', { code: 'ZX-01', name: '专项', planType: 'SPECIFIC', parentId: '019a0000-0000-7000-8000-000000000000' })).message).toBe('上级预案不存在，请重新选择');
    expect((await refused('emergencyPlan.create', { code: 'ZX-01', name: '专项', planType: 'SPECIFIC', accidentTypes: ['被狗咬'] } as never)).message).toBe('请选择 GB 6441 规定的事故类型');

    // A comprehensive plan with children cannot be archived or change type; archived plans take no drafts.
    expect((await refused('emergencyPlan.archive', { id: comp.id, reason: '合并' })).message).toBe('下列预案以本预案为上级，请先调整或废止：XC-01');
    expect((await refused('emergencyPlan.update', { id: comp.id, code: 'YA-01', name: '综合应急预案', planType: 'SPECIFIC' })).message).toBe('有 1 个预案以本预案为上级，不能改为其他类型');
    const archived = await app.ok('emergencyPlan.archive', { id: onsite.id, reason: '设备已拆除' });
    expect(archived).toMatchObject({ archived: true, warnings: [] });
    expect(audits('emergencyPlan', onsite.id).at(-1)!.summary).toBe('废止应急预案「XC-01 车床机械伤害现场处置方案」：设备已拆除');
    expect((await refused('planVersion.saveDraft', { planId: onsite.id, version: 'V1.0' })).message).toBe('预案「车床机械伤害现场处置方案」已废止，不能再修改');
    expect((await app.ok('emergencyPlan.list', {})).map((r) => r.code)).toEqual(['YA-01']);
    expect((await app.ok('emergencyPlan.list', { includeArchived: true })).map((r) => r.code)).toEqual(['YA-01', 'XC-01']);
  });

  it('plan files: Word and PDF attach to a version, video is refused; files of an issued version stay', async () => {
    const p = await plant();
    const plan = await app.ok('emergencyPlan.create', { code: 'YA-01', name: '综合应急预案', planType: 'COMPREHENSIVE' });
    const versionId = plan.draftVersionId!;
    const docx = await app.ok('attachment.upload', { fileName: '综合应急预案.docx', dataBase64: docxBytes().toString('base64'), purpose: 'document' });
    expect(docx.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const pdf = await app.ok('attachment.upload', { fileName: '评审意见.pdf', dataBase64: Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF').toString('base64'), purpose: 'document' });
    const withFiles = await app.ok('planVersion.attach', { versionId, attachmentIds: [docx.id, pdf.id] });
    expect(withFiles.versions[0]!.files.map((f) => f.originalName)).toEqual(['综合应急预案.docx', '评审意见.pdf']);
    const video = storeAttachment(app.rt.app(), mp4Bytes(), '演练.mp4', 'video').id;
    expect((await refused('planVersion.attach', { versionId, attachmentIds: [video] })).message).toBe('「演练.mp4」是视频，预案文件只能是 PDF、Word 或图片');
    await app.ok('planVersion.detach', { versionId, attachmentId: pdf.id });
    await issue(plan.id, 'V1.0', p.gm.id, '2026-11-20');
    expect((await refused('planVersion.detach', { versionId, attachmentId: docx.id })).message).toBe('版本 V1.0 已发布，其文件作为存档不能移除');
    const receipt = await app.ok('attachment.upload', { fileName: '回执.pdf', dataBase64: Buffer.from('%PDF-1.4\nreceipt\n%%EOF').toString('base64') });
    const filed = await app.ok('planVersion.file', { versionId, filedOn: '2026-11-20', filingAuthority: '区应急管理局', receiptIds: [receipt.id] });
    expect(filed.versions[0]!.receipts.map((r) => r.originalName)).toEqual(['回执.pdf']);
    expect(filed.versions[0]!.files.map((r) => r.originalName)).toEqual(['综合应急预案.docx']);
  });
});

describe('应急处置卡 from 现场处置方案', () => {
  it('generates, regenerates (revision + 1), goes stale after a new version, links the post’s 两单两卡; every change audited', async () => {
    const p = await plant();
    const plan = await onsitePlan(p);
    expect((await refused('emergencyCard.generate', { planId: plan.id, postIds: [p.turner.id] })).message).toBe('现场处置方案「车床机械伤害现场处置方案」尚未发布，发布后才能生成应急处置卡');
    const issued = await issue(plan.id, 'V1.0', p.gm.id, '2026-11-20', { riskDescription: '车床旋转部件可能造成卷入、绞伤', scenarios: SCENARIOS, contacts: CONTACTS });
    expect(issued.warnings).toContain('1 个关键岗位尚未生成应急处置卡');
    const comp = await app.ok('emergencyPlan.create', { code: 'YA-01', name: '综合应急预案', planType: 'COMPREHENSIVE' });
    expect((await refused('emergencyCard.generate', { planId: comp.id, postIds: [p.turner.id] })).message).toBe('应急处置卡由现场处置方案生成，请选择现场处置方案');

    const [card] = await app.ok('emergencyCard.generate', { planId: plan.id, postIds: [p.turner.id] });
    expect(card).toMatchObject({ postName: '车工', unitName: '机加工车间', planCode: 'XC-01', title: '车工应急处置卡', revision: 1, sourceVersion: 'V1.0', stale: false, linkedCardSet: null, scenarios: SCENARIOS });
    // The plan's contacts first, then the enterprise's duty phone and the public numbers.
    expect(card!.contacts.map((c) => [c.role, c.phone])).toEqual([
      ['车间主任', '13800000001'],
      ['企业值班电话', '023-47661200'],
      ['火警', '119'],
      ['急救', '120'],
      ['报警', '110'],
      ['安全生产举报', '12350'],
    ]);
    expect((await app.ok('emergencyPlan.get', { id: plan.id })).warnings).toEqual(['待备案：还剩 20 个工作日（2026-12-18 前）']);

    // Asked twice in one request, the post still gets one regeneration.
    const again = await app.ok('emergencyCard.generate', { planId: plan.id, postIds: [p.turner.id, p.turner.id] });
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: card!.id, revision: 2, sourceVersion: 'V1.0', stale: false });

    // A second post: the card is made and the post joins the plan's key posts.
    const [weld] = await app.ok('emergencyCard.generate', { planId: plan.id, postIds: [p.welder.id] });
    expect(weld).toMatchObject({ postName: '焊工', revision: 1 });
    expect((await app.ok('emergencyPlan.get', { id: plan.id })).postNames.sort()).toEqual(['焊工', '车工'].sort());

    // V2.0: the cards are stale until generated again.
    await issue(plan.id, 'V2.0', p.gm.id, '2026-11-21', { riskDescription: '车床旋转部件可能造成卷入、绞伤', scenarios: [...SCENARIOS, { scenario: '触电', steps: ['切断电源'], cautions: null }], contacts: CONTACTS });
    expect((await app.ok('emergencyCard.list', { planId: plan.id })).map((c) => [c.postName, c.sourceVersion, c.stale])).toEqual(
      expect.arrayContaining([
        ['车工', 'V1.0', true],
        ['焊工', 'V1.0', true],
      ]),
    );
    const [fresh] = await app.ok('emergencyCard.generate', { planId: plan.id, postIds: [p.turner.id] });
    expect(fresh).toMatchObject({ id: card!.id, revision: 3, sourceVersion: 'V2.0', stale: false });
    expect(fresh!.scenarios.map((s) => s.scenario)).toEqual(['机械伤害', '触电']);

    // The post's 两单两卡 card set, once published, is linked.
    const set = await app.ok('card.createDraft', { postId: p.turner.id, libraryKey: 'turner', reason: '编制' });
    const approved = await app.ok('card.approve', { id: set.id, compiledBy: '赵敏', reviewedBy: '黄志勇', approverPersonId: p.gm.id, publishedOn: '2026-11-21' });
    const linked = await app.ok('emergencyCard.get', { id: card!.id });
    expect(linked.linkedCardSet).toEqual({ id: approved.id, version: 1, scenarioCount: approved.emergency.scenarios.length });
    expect((await app.ok('emergencyCard.get', { id: weld!.id })).linkedCardSet).toBeNull();

    // Edited by hand: revision + 1; the contract bounds the card.
    const edited = await app.ok('emergencyCard.update', { id: card!.id, title: '车工岗位应急处置卡', scenarios: fresh!.scenarios, contacts: fresh!.contacts.slice(0, 4) });
    expect(edited).toMatchObject({ title: '车工岗位应急处置卡', revision: 4 });
    const tooMany = await refused('emergencyCard.update', { id: card!.id, title: 'x', scenarios: Array.from({ length: 5 }, () => SCENARIOS[0]!), contacts: [] });
    expect(tooMany.message).toBe('一张卡片最多 4 个事故情形');
    await app.ok('emergencyCard.remove', { id: weld!.id });
    expect((await app.ok('emergencyCard.list', { planId: plan.id })).map((c) => c.postName)).toEqual(['车工']);

    expect(audits('emergencyCard', card!.id).map((a) => [a.action, a.summary])).toEqual([
      ['CREATE', '由「XC-01」V1.0 生成「车工」应急处置卡'],
      ['UPDATE', '按「XC-01」V1.0 重新生成「车工」应急处置卡'],
      ['UPDATE', '按「XC-01」V2.0 重新生成「车工」应急处置卡'],
      ['UPDATE', '修改「车工」应急处置卡'],
    ]);
    expect(audits('emergencyCard', weld!.id).map((a) => a.action)).toEqual(['CREATE', 'DELETE']);
  });
});

describe('migration 0006 on an existing data folder', () => {
  it('rebuilds the attachment table keeping rows and every reference to them; the new types then fit', async () => {
    const dir = tempDir();
    const all = loadMigrationsFromDisk();
    const v5 = await AppRuntime.open({ dataDir: dir, resourcesDir: RESOURCES_DIR, migrations: all.slice(0, 5), appVersion: 't', channel: 'UI' });
    await dispatch(v5, 'app.setup', { enterprise: { name: '老版本企业', industry: 'OTHER' }, operator: { name: '甲' } });
    const a5 = v5.app();
    const unitId = (a5.db.prepare('SELECT id FROM unit').get() as { id: string }).id;
    const photo = storeAttachment(a5, Buffer.from(PNG_1PX, 'base64'), '照片.png', 'image');
    a5.db.prepare(`INSERT INTO person (id, name, staffNo, unitId, employmentType, photoAttachmentId, createdAtMs, updatedAtMs) VALUES ('p1', '张三', 'A1', ?, 'REGULAR', ?, 0, 0)`).run(unitId, photo.id);
    a5.db.prepare(`INSERT INTO attachment_link (id, attachmentId, entityType, entityId, role, createdAtMs) VALUES ('l1', ?, 'person', 'p1', 'PHOTO', 0)`).run(photo.id);
    expect(() => a5.db.prepare(`UPDATE attachment SET mimeType = 'video/mp4' WHERE id = ?`).run(photo.id)).toThrow(/CHECK constraint failed/);
    v5.close();

    const v6 = await AppRuntime.open({ dataDir: dir, resourcesDir: RESOURCES_DIR, migrations: all, appVersion: 't', channel: 'UI' });
    try {
      const d = v6.db!;
      expect(d.prepare('SELECT id, mimeType, originalName, widthPx FROM attachment').all()).toEqual([{ id: photo.id, mimeType: 'image/png', originalName: '照片.png', widthPx: 1 }]);
      expect(d.prepare('SELECT photoAttachmentId FROM person').get()).toEqual({ photoAttachmentId: photo.id });
      expect(d.pragma('foreign_key_check')).toEqual([]);
      expect(d.pragma('foreign_keys', { simple: true })).toBe(1);
      // References still point at the rebuilt table.
      expect(() => d.prepare(`INSERT INTO attachment_link (id, attachmentId, entityType, entityId, role, createdAtMs) VALUES ('l2', 'missing', 'person', 'p1', 'PHOTO', 0)`).run()).toThrow(/FOREIGN KEY/);
      const video = storeAttachment(v6.app(), mp4Bytes(), '演练.mp4', 'video');
      const doc = storeAttachment(v6.app(), docxBytes(), '预案.docx', 'document');
      expect([video.mimeType, doc.mimeType]).toEqual(['video/mp4', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    } finally {
      v6.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('emergency settings', () => {
  it('defaults from the content pack; changes are audited and drive the filing deadline and the drill rules', async () => {
    const p = await plant();
    const s = await app.ok('emergencySettings.get', {});
    expect(s).toMatchObject({ filingWorkdays: 20, revisionYears: 3, revisionDueSoonDays: 60, highRiskOverride: null, highRisk: false });
    expect(s.highRiskBasis).toBe('企业行业「工贸」不属于《生产安全事故应急条例》第八条所列行业（每半年演练并报送）');
    expect(s.drillRules.map((r) => [r.key, r.period, r.appliesTo, r.requireReport])).toEqual([
      ['YEAR_COMPREHENSIVE_OR_SPECIFIC', 'YEAR', 'ALL', false],
      ['HALF_YEAR_ONSITE', 'HALF_YEAR', 'ALL', false],
      ['HALF_YEAR_HIGH_RISK_REPORT', 'HALF_YEAR', 'HIGH_RISK', true],
    ]);

    const plan = await app.ok('emergencyPlan.create', { code: 'YA-01', name: '综合应急预案', planType: 'COMPREHENSIVE' });
    await issue(plan.id, 'V1.0', p.gm.id, '2026-09-24');

    const settingsAudits = audits('setting').length;
    const changed = await app.ok('emergencySettings.update', { filingWorkdays: 15, revisionYears: 2, highRiskOverride: true });
    expect(changed).toMatchObject({ filingWorkdays: 15, revisionYears: 2, highRisk: true, highRiskBasis: '已在设置中认定为《生产安全事故应急条例》第八条所列行业（每半年演练并报送）' });
    const log = audits('setting');
    expect(log).toHaveLength(settingsAudits + 1);
    expect(log.at(-1)).toMatchObject({ action: 'UPDATE', summary: '修改应急管理设置（备案期限、修订周期、演练频次规则）', hasBefore: 1, hasAfter: 1 });
    const row = db().prepare(`SELECT beforeJson, afterJson FROM audit_log WHERE entityType = 'setting' ORDER BY seq DESC LIMIT 1`).get() as { beforeJson: string; afterJson: string };
    expect(JSON.parse(row.beforeJson)).toMatchObject({ filingWorkdays: 20, highRiskOverride: null });
    expect(JSON.parse(row.afterJson)).toMatchObject({ filingWorkdays: 15, highRiskOverride: true });
    // 15 working days after 09-24 with the holidays: 10-22.
    expect((await app.ok('emergencyPlan.get', { id: plan.id })).filing).toEqual({ state: 'OVERDUE', dueOn: '2026-10-22', workdays: 21 });
    expect((await app.ok('drill.compliance', { year: 2026 })).rules.map((r) => r.key)).toContain('HALF_YEAR_HIGH_RISK_REPORT');
    // The revision period applies to the next issue.
    const v2 = await issue(plan.id, 'V2.0', p.gm.id, '2026-11-20');
    expect(v2.current!.nextRevisionOn).toBe('2028-11-20');

    // Bad settings: nothing written.
    const rules = changed.drillRules;
    expect((await refused('emergencySettings.update', { drillRules: [rules[0]!, rules[0]!] })).message).toBe('规则代码不能重复');
    expect((await refused('emergencySettings.update', { filingWorkdays: 0 })).fields?.[0]?.path).toBe('filingWorkdays');
    expect((await refused('emergencySettings.update', { drillRules: [{ ...rules[0]!, planTypes: [] }] })).message).toBe('请至少选择一种预案类型');

    // Back to the industry: a hazardous-chemicals enterprise is listed.
    await app.ok('emergencySettings.update', { highRiskOverride: null });
    const e = await app.ok('enterprise.get', {});
    await app.ok('enterprise.update', { ...profileOf(e), industry: 'HAZARDOUS_CHEMICALS', industrySector: null });
    expect(await app.ok('emergencySettings.get', {})).toMatchObject({ highRisk: true, highRiskBasis: '企业行业「危险化学品」属于《生产安全事故应急条例》第八条所列行业（每半年演练并报送）' });
  });
});
