/**
 * 应急预案: plans and their versions (draft → issued/in force → superseded),
 * review (评审/论证), the principal's signature, 告知性备案 within the settings'
 * working days, the next revision date, revision triggers (修订事项) and files.
 */
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { ParsedFields } from '../../../preload/contract/fields.ts';
import type { AttachmentRef, EmergencyPlan, EmergencyPlanInput, EmergencyPlanRow, PlanContact, PlanTrigger, PlanVersion, PlanVersionInput } from '../../../preload/contract/emergency.ts';
import { EmergencyPlanType, PlanTriggerKind } from '../../../preload/contract/enums.ts';
import type { CardScenario } from '../../../preload/contract/cards.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { addDays, addYears } from '../../domain/dates.ts';
import { filingState, revisionState } from '../../domain/emergency.ts';
import { recordAudit } from '../audit/service.ts';
import { attachmentRefs, getAttachment, linkAttachment } from '../attachments/service.ts';
import { workCalendar } from '../checks/settings.ts';
import { today } from '../enterprise/service.ts';
import { activePerson, requirePrincipal } from '../people/refs.ts';
import { emergencySettings } from './settings.ts';

export type PlanValues = ParsedFields<typeof EmergencyPlanInput>;
export type VersionValues = ParsedFields<typeof PlanVersionInput>;

export const VERSION_ENTITY = 'emergency_plan_version';

interface PlanDb {
  id: string;
  code: string;
  name: string;
  planType: EmergencyPlanRow['planType'];
  parentId: string | null;
  parentName: string | null;
  accidentTypesJson: string;
  unitId: string | null;
  unitName: string | null;
  archivedAtMs: number | null;
}

interface VersionDb {
  id: string;
  planId: string;
  version: string;
  status: PlanVersion['status'];
  reviewMethod: PlanVersion['reviewMethod'];
  reviewedOn: string | null;
  reviewNote: string | null;
  signedById: string | null;
  signedByName: string | null;
  signedOn: string | null;
  issuedOn: string | null;
  filedOn: string | null;
  filingAuthority: string | null;
  filingReceiptNo: string | null;
  nextRevisionOn: string | null;
  changeSummary: string | null;
  riskDescription: string | null;
  scenariosJson: string;
  contactsJson: string;
  updatedAtMs: number;
}

const PLAN_SELECT = `SELECT p.id, p.code, p.name, p.planType, p.parentId, pp.name AS parentName, p.accidentTypesJson, p.unitId, u.name AS unitName, p.archivedAtMs
  FROM emergency_plan p LEFT JOIN emergency_plan pp ON pp.id = p.parentId LEFT JOIN unit u ON u.id = p.unitId`;

const VERSION_SELECT = `SELECT v.*, s.name AS signedByName FROM emergency_plan_version v LEFT JOIN person s ON s.id = v.signedById`;

function refs(app: AppContext, versionId: string, role: string): AttachmentRef[] {
  return attachmentRefs(app, VERSION_ENTITY, versionId, role);
}

/** The working calendar and today, for filing deadlines. */
function filingContext(app: AppContext) {
  const t = today(app);
  return { t, calendar: workCalendar(app, addDays(t, -3 * 366), addDays(t, 366)), settings: emergencySettings(app) };
}

type FilingContext = ReturnType<typeof filingContext>;

function toVersion(app: AppContext, v: VersionDb, ctx: FilingContext): PlanVersion {
  return {
    id: v.id,
    planId: v.planId,
    version: v.version,
    status: v.status,
    reviewMethod: v.reviewMethod,
    reviewedOn: v.reviewedOn,
    reviewNote: v.reviewNote,
    signedById: v.signedById,
    signedByName: v.signedByName,
    signedOn: v.signedOn,
    issuedOn: v.issuedOn,
    filedOn: v.filedOn,
    filingAuthority: v.filingAuthority,
    filingReceiptNo: v.filingReceiptNo,
    nextRevisionOn: v.nextRevisionOn,
    changeSummary: v.changeSummary,
    riskDescription: v.riskDescription,
    scenarios: JSON.parse(v.scenariosJson) as z.infer<typeof CardScenario>[],
    contacts: JSON.parse(v.contactsJson) as PlanContact[],
    filing: v.issuedOn && v.status !== 'DRAFT' ? filingState(v.issuedOn, v.filedOn, ctx.t, ctx.settings.filingWorkdays, ctx.calendar) : null,
    files: refs(app, v.id, 'FILE'),
    receipts: refs(app, v.id, 'RECEIPT'),
    updatedAtMs: v.updatedAtMs,
  };
}

function openTriggers(app: AppContext, planId: string): { dueOn: string | null }[] {
  return app.db.prepare('SELECT dueOn FROM emergency_plan_trigger WHERE planId = ? AND resolvedOn IS NULL').all(planId) as { dueOn: string | null }[];
}

function toRow(app: AppContext, p: PlanDb, ctx: FilingContext): EmergencyPlanRow {
  const current = app.db.prepare(`${VERSION_SELECT} WHERE v.planId = ? AND v.status = 'IN_FORCE'`).get(p.id) as VersionDb | undefined;
  const draft = app.db.prepare(`SELECT id FROM emergency_plan_version WHERE planId = ? AND status = 'DRAFT'`).get(p.id) as { id: string } | undefined;
  const posts = app.db.prepare('SELECT po.id, po.name FROM emergency_plan_post pp JOIN post po ON po.id = pp.postId WHERE pp.planId = ? ORDER BY po.name').all(p.id) as { id: string; name: string }[];
  const triggers = openTriggers(app, p.id);
  const cardCount = (app.db.prepare('SELECT count(*) AS n FROM emergency_card WHERE planId = ?').get(p.id) as { n: number }).n;
  const lastDrillOn = (app.db.prepare('SELECT max(drillDate) AS d FROM drill WHERE planId = ?').get(p.id) as { d: string | null }).d;
  const filing = current?.issuedOn ? filingState(current.issuedOn, current.filedOn, ctx.t, ctx.settings.filingWorkdays, ctx.calendar) : null;
  const revision = current ? revisionState(current.nextRevisionOn, triggers, ctx.t, ctx.settings.revisionDueSoonDays) : null;
  const warnings: string[] = [];
  const archived = p.archivedAtMs !== null;
  if (!archived) {
    if (!current) warnings.push(draft ? '尚未发布：草稿待评审、签署后发布' : '没有现行版本');
    if (filing?.state === 'OVERDUE') warnings.push(`备案已逾期 ${filing.workdays} 个工作日（应于 ${filing.dueOn} 前备案）`);
    if (filing?.state === 'FILED_LATE') warnings.push(`备案晚于期限 ${filing.workdays} 个工作日（期限 ${filing.dueOn}）`);
    if (filing?.state === 'PENDING') warnings.push(`待备案：还剩 ${filing.workdays} 个工作日（${filing.dueOn} 前）`);
    if (revision?.state === 'OVERDUE') warnings.push(`修订已逾期（应于 ${revision.dueOn} 前完成修订或评估）`);
    if (revision?.state === 'DUE_SOON') warnings.push(`将于 ${revision.dueOn} 到修订（评估）期`);
    if (triggers.length) warnings.push(`有 ${triggers.length} 项修订事项待处理`);
    if (p.planType === 'ONSITE' && current && posts.length === 0) warnings.push('现场处置方案尚未关联岗位');
    if (p.planType === 'ONSITE' && current && posts.length > 0 && cardCount < posts.length) warnings.push(`${posts.length - cardCount} 个关键岗位尚未生成应急处置卡`);
  }
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    planType: p.planType,
    parentId: p.parentId,
    parentName: p.parentName,
    accidentTypes: JSON.parse(p.accidentTypesJson) as string[],
    unitId: p.unitId,
    unitName: p.unitName,
    postIds: posts.map((x) => x.id),
    postNames: posts.map((x) => x.name),
    current: current?.issuedOn ? { id: current.id, version: current.version, issuedOn: current.issuedOn, filedOn: current.filedOn, nextRevisionOn: current.nextRevisionOn } : null,
    draftVersionId: draft?.id ?? null,
    filing,
    revision,
    openTriggers: triggers.length,
    cardCount,
    lastDrillOn,
    archived,
    warnings,
  };
}

export function listPlans(app: AppContext, f: { planType?: EmergencyPlanRow['planType'] | undefined; includeArchived: boolean; search: string | null }): EmergencyPlanRow[] {
  const ctx = filingContext(app);
  const rows = app.db
    .prepare(
      `${PLAN_SELECT} WHERE (@type IS NULL OR p.planType = @type) AND (@all = 1 OR p.archivedAtMs IS NULL)
         AND (@q IS NULL OR instr(p.name, @q) > 0 OR instr(p.code, @q) > 0)
       ORDER BY CASE p.planType WHEN 'COMPREHENSIVE' THEN 1 WHEN 'SPECIFIC' THEN 2 ELSE 3 END, p.code`,
    )
    .all({ type: f.planType ?? null, all: f.includeArchived ? 1 : 0, q: f.search }) as PlanDb[];
  return rows.map((p) => toRow(app, p, ctx));
}

function planDb(app: AppContext, id: string): PlanDb {
  return (app.db.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(id) as PlanDb | undefined) ?? fail.notFound('应急预案');
}

export function getPlan(app: AppContext, id: string): EmergencyPlan {
  const ctx = filingContext(app);
  const row = toRow(app, planDb(app, id), ctx);
  const versions = (app.db.prepare(`${VERSION_SELECT} WHERE v.planId = ? ORDER BY v.status = 'DRAFT' DESC, v.issuedOn DESC, v.createdAtMs DESC`).all(id) as VersionDb[]).map((v) => toVersion(app, v, ctx));
  return { ...row, versions, triggers: listTriggers(app, id, ctx.t), drills: app.db.prepare('SELECT id, code, title, drillDate FROM drill WHERE planId = ? ORDER BY drillDate DESC').all(id) as EmergencyPlan['drills'] };
}

function listTriggers(app: AppContext, planId: string, t: string): PlanTrigger[] {
  const rows = app.db
    .prepare(
      `SELECT tr.id, tr.planId, tr.kind, tr.occurredOn, tr.description, tr.dueOn, tr.ownerId, o.name AS ownerName, tr.drillId, d.code AS drillCode,
         v.version AS resolvedVersion, tr.resolvedOn
       FROM emergency_plan_trigger tr LEFT JOIN person o ON o.id = tr.ownerId LEFT JOIN drill d ON d.id = tr.drillId
       LEFT JOIN emergency_plan_version v ON v.id = tr.resolvedVersionId
       WHERE tr.planId = ? ORDER BY tr.resolvedOn IS NOT NULL, tr.occurredOn DESC`,
    )
    .all(planId) as Omit<PlanTrigger, 'overdue'>[];
  return rows.map((r) => ({ ...r, overdue: !r.resolvedOn && !!r.dueOn && r.dueOn < t }));
}

// ---- plans ----

function checkPlan(app: AppContext, v: PlanValues, selfId: string | null): void {
  const dup = app.db.prepare('SELECT id FROM emergency_plan WHERE code = ? AND id IS NOT ?').get(v.code, selfId) as { id: string } | undefined;
  if (dup) fail.conflict(`预案编号「${v.code}」已被其他预案使用，请换一个编号`, 'code');
  if (v.parentId) {
    if (v.parentId === selfId) fail.field('parentId', '上级预案不能是它自己');
    const parent = app.db.prepare('SELECT planType FROM emergency_plan WHERE id = ?').get(v.parentId) as { planType: string } | undefined;
    if (!parent) fail.field('parentId', '上级预案不存在，请重新选择');
    if (parent.planType !== 'COMPREHENSIVE') fail.field('parentId', '上级预案应为综合应急预案');
    if (v.planType === 'COMPREHENSIVE') fail.field('parentId', '综合应急预案没有上级预案');
  }
  if (v.unitId && !app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.unitId)) fail.field('unitId', '适用单位不存在，请重新选择');
  if (v.postIds.length && v.planType !== 'ONSITE') fail.field('postIds', '只有现场处置方案关联岗位（用于生成应急处置卡）');
  for (const [i, postId] of v.postIds.entries()) {
    if (!app.db.prepare('SELECT 1 FROM post WHERE id = ? AND archivedAtMs IS NULL').get(postId)) fail.field(`postIds.${i}`, '岗位不存在或已停用，请重新选择');
  }
}

function writePosts(app: AppContext, planId: string, postIds: string[]): void {
  app.db.prepare('DELETE FROM emergency_plan_post WHERE planId = ?').run(planId);
  const ins = app.db.prepare('INSERT INTO emergency_plan_post (planId, postId) VALUES (?, ?)');
  for (const p of new Set(postIds)) ins.run(planId, p);
}

export function createPlan(app: AppContext, v: PlanValues): EmergencyPlan {
  return inTransaction(app.db, () => {
    checkPlan(app, v, null);
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO emergency_plan (id, code, name, planType, parentId, accidentTypesJson, unitId, createdAtMs, updatedAtMs)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, v.code, v.name, v.planType, v.parentId, JSON.stringify(v.accidentTypes), v.unitId, now, now);
    writePosts(app, id, v.postIds);
    app.db
      .prepare(`INSERT INTO emergency_plan_version (id, planId, version, status, createdAtMs, updatedAtMs) VALUES (?, ?, 'V1.0', 'DRAFT', ?, ?)`)
      .run(app.newId(), id, now, now);
    const after = getPlan(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'emergencyPlan', entityId: id, summary: `新建${EmergencyPlanType.label[v.planType]}「${v.code} ${v.name}」`, after });
    return after;
  });
}

export function updatePlan(app: AppContext, id: string, v: PlanValues): EmergencyPlan {
  return inTransaction(app.db, () => {
    const before = getPlan(app, id);
    checkPlan(app, v, id);
    if (v.planType !== before.planType) {
      if (before.drills.length) fail.rule(`预案已有 ${before.drills.length} 次演练记录，不能修改预案类型（演练频次按预案类型统计）`, 'planType');
      if (before.cardCount) fail.rule('预案已生成应急处置卡，不能修改预案类型', 'planType');
      const children = (app.db.prepare('SELECT count(*) AS n FROM emergency_plan WHERE parentId = ?').get(id) as { n: number }).n;
      if (children) fail.rule(`有 ${children} 个预案以本预案为上级，不能改为其他类型`, 'planType');
    }
    app.db
      .prepare(`UPDATE emergency_plan SET code = ?, name = ?, planType = ?, parentId = ?, accidentTypesJson = ?, unitId = ?, updatedAtMs = ? WHERE id = ?`)
      .run(v.code, v.name, v.planType, v.parentId, JSON.stringify(v.accidentTypes), v.unitId, app.clock.nowMs(), id);
    writePosts(app, id, v.postIds);
    const after = getPlan(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'emergencyPlan', entityId: id, summary: `修改应急预案「${v.code} ${v.name}」`, before, after });
    return after;
  });
}

export function archivePlan(app: AppContext, id: string, reason: string): EmergencyPlan {
  return inTransaction(app.db, () => {
    const before = getPlan(app, id);
    if (before.archived) fail.rule(`预案「${before.name}」已废止`);
    const children = app.db.prepare('SELECT code FROM emergency_plan WHERE parentId = ? AND archivedAtMs IS NULL').all(id) as { code: string }[];
    if (children.length) fail.rule(`下列预案以本预案为上级，请先调整或废止：${children.map((c) => c.code).join('、')}`);
    app.db.prepare('UPDATE emergency_plan SET archivedAtMs = ?, updatedAtMs = ? WHERE id = ?').run(app.clock.nowMs(), app.clock.nowMs(), id);
    const after = getPlan(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'emergencyPlan', entityId: id, summary: `废止应急预案「${before.code} ${before.name}」：${reason}`, before, after });
    return after;
  });
}

// ---- versions ----

function versionDb(app: AppContext, id: string): VersionDb {
  return (app.db.prepare(`${VERSION_SELECT} WHERE v.id = ?`).get(id) as VersionDb | undefined) ?? fail.notFound('预案版本');
}

function assertActivePlan(plan: EmergencyPlan): void {
  if (plan.archived) fail.rule(`预案「${plan.name}」已废止，不能再修改`);
}

export function saveDraft(app: AppContext, planId: string, v: VersionValues): EmergencyPlan {
  return inTransaction(app.db, () => {
    const before = getPlan(app, planId);
    assertActivePlan(before);
    const t = today(app);
    const dup = app.db.prepare(`SELECT id FROM emergency_plan_version WHERE planId = ? AND version = ? AND status <> 'DRAFT'`).get(planId, v.version);
    if (dup) fail.conflict(`版本号「${v.version}」已经发布过，请使用新的版本号（如 V${before.versions.length + 1}.0）`, 'version');
    if (v.reviewedOn && v.reviewedOn > t) fail.field('reviewedOn', '评审/论证日期不能晚于今天');
    if (v.signedOn && v.signedOn > t) fail.field('signedOn', '签署日期不能晚于今天');
    if (v.reviewedOn && v.signedOn && v.signedOn < v.reviewedOn) fail.field('signedOn', `签署日期（${v.signedOn}）不能早于评审/论证日期（${v.reviewedOn}）`);
    if (v.signedById) activePerson(app, v.signedById, 'signedById', '签署人');
    if (v.reviewMethod && !v.reviewedOn) fail.field('reviewedOn', `请填写${v.reviewMethod === 'REVIEW' ? '评审' : '论证'}日期`);
    const now = app.clock.nowMs();
    const values = {
      ...v,
      scenariosJson: JSON.stringify(v.scenarios),
      contactsJson: JSON.stringify(v.contacts),
      now,
    };
    if (before.draftVersionId) {
      app.db
        .prepare(
          `UPDATE emergency_plan_version SET version = @version, reviewMethod = @reviewMethod, reviewedOn = @reviewedOn, reviewNote = @reviewNote,
             signedById = @signedById, signedOn = @signedOn, changeSummary = @changeSummary, riskDescription = @riskDescription,
             scenariosJson = @scenariosJson, contactsJson = @contactsJson, nextRevisionOn = @nextRevisionOn, updatedAtMs = @now WHERE id = @id`,
        )
        .run({ ...values, scenarios: undefined, contacts: undefined, id: before.draftVersionId });
    } else {
      app.db
        .prepare(
          `INSERT INTO emergency_plan_version (id, planId, version, status, reviewMethod, reviewedOn, reviewNote, signedById, signedOn, changeSummary,
             riskDescription, scenariosJson, contactsJson, nextRevisionOn, createdAtMs, updatedAtMs)
           VALUES (@id, @planId, @version, 'DRAFT', @reviewMethod, @reviewedOn, @reviewNote, @signedById, @signedOn, @changeSummary,
             @riskDescription, @scenariosJson, @contactsJson, @nextRevisionOn, @now, @now)`,
        )
        .run({ ...values, scenarios: undefined, contacts: undefined, id: app.newId(), planId });
    }
    const after = getPlan(app, planId);
    recordAudit(app, { action: before.draftVersionId ? 'UPDATE' : 'CREATE', entityType: 'emergencyPlan', entityId: planId, summary: `保存预案「${before.code}」修订草稿 ${v.version}`, before, after });
    return after;
  });
}

export function issueVersion(app: AppContext, versionId: string, issuedOn: string): EmergencyPlan {
  return inTransaction(app.db, () => {
    const v = versionDb(app, versionId);
    const before = getPlan(app, v.planId);
    assertActivePlan(before);
    if (v.status !== 'DRAFT') fail.rule(`版本 ${v.version} 已经发布，不能重复发布`);
    const t = today(app);
    const missing: string[] = [];
    if (!v.reviewMethod || !v.reviewedOn) missing.push('评审或论证（方式和日期）');
    if (!v.signedById || !v.signedOn) missing.push('主要负责人签署（签署人和日期）');
    if (before.planType === 'ONSITE' && !v.riskDescription) missing.push('事故风险描述');
    if (before.planType === 'ONSITE' && (JSON.parse(v.scenariosJson) as unknown[]).length === 0) missing.push('至少一个事故情形的处置步骤');
    if (missing.length) fail.rule(`预案「${before.code}」${v.version} 还不能发布，尚缺：${missing.join('、')}`);
    requirePrincipal(app, v.signedById!, 'signedById', '应急预案', '签署公布');
    if (issuedOn > t) fail.field('issuedOn', '发布日期不能晚于今天');
    if (v.signedOn && issuedOn < v.signedOn) fail.field('issuedOn', `发布日期（${issuedOn}）不能早于主要负责人签署日期（${v.signedOn}）`);
    if (before.current && issuedOn < before.current.issuedOn) fail.field('issuedOn', `发布日期不能早于现行版本 ${before.current.version} 的发布日期（${before.current.issuedOn}）`);
    const settings = emergencySettings(app);
    const next = v.nextRevisionOn ?? addYears(issuedOn, settings.revisionYears);
    if (next <= issuedOn) fail.field('nextRevisionOn', '下次修订日期应晚于发布日期');
    const now = app.clock.nowMs();
    app.db.prepare(`UPDATE emergency_plan_version SET status = 'SUPERSEDED', updatedAtMs = ? WHERE planId = ? AND status = 'IN_FORCE'`).run(now, v.planId);
    app.db.prepare(`UPDATE emergency_plan_version SET status = 'IN_FORCE', issuedOn = ?, nextRevisionOn = ?, updatedAtMs = ? WHERE id = ?`).run(issuedOn, next, now, versionId);
    app.db
      .prepare(`UPDATE emergency_plan_trigger SET resolvedVersionId = ?, resolvedOn = ? WHERE planId = ? AND resolvedOn IS NULL AND occurredOn <= ?`)
      .run(versionId, issuedOn, v.planId, issuedOn);
    const after = getPlan(app, v.planId);
    recordAudit(app, { action: 'UPDATE', entityType: 'emergencyPlan', entityId: v.planId, summary: `发布预案「${before.code} ${before.name}」${v.version}（${issuedOn}）`, before, after });
    return after;
  });
}

export function fileVersion(app: AppContext, x: { versionId: string; filedOn: string; filingAuthority: string; filingReceiptNo: string | null; receiptIds: string[] }): EmergencyPlan {
  return inTransaction(app.db, () => {
    const v = versionDb(app, x.versionId);
    const before = getPlan(app, v.planId);
    if (v.status === 'DRAFT' || !v.issuedOn) fail.rule(`版本 ${v.version} 尚未发布，发布后才能备案`);
    if (x.filedOn < v.issuedOn) fail.field('filedOn', `备案日期（${x.filedOn}）不能早于预案发布日期（${v.issuedOn}）`);
    if (x.filedOn > today(app)) fail.field('filedOn', '备案日期不能晚于今天');
    app.db
      .prepare('UPDATE emergency_plan_version SET filedOn = ?, filingAuthority = ?, filingReceiptNo = ?, updatedAtMs = ? WHERE id = ?')
      .run(x.filedOn, x.filingAuthority, x.filingReceiptNo, app.clock.nowMs(), x.versionId);
    for (const a of x.receiptIds) {
      getAttachment(app, a);
      if (!app.db.prepare(`SELECT 1 FROM attachment_link WHERE entityType = ? AND entityId = ? AND attachmentId = ? AND role = 'RECEIPT'`).get(VERSION_ENTITY, x.versionId, a)) {
        linkAttachment(app, a, VERSION_ENTITY, x.versionId, 'RECEIPT');
      }
    }
    const after = getPlan(app, v.planId);
    recordAudit(app, { action: 'UPDATE', entityType: 'emergencyPlan', entityId: v.planId, summary: `登记预案「${before.code}」${v.version} 备案：${x.filedOn}，${x.filingAuthority}`, before, after });
    return after;
  });
}

export function attachFiles(app: AppContext, versionId: string, attachmentIds: string[]): EmergencyPlan {
  return inTransaction(app.db, () => {
    const v = versionDb(app, versionId);
    const before = getPlan(app, v.planId);
    assertActivePlan(before);
    const names: string[] = [];
    for (const a of attachmentIds) {
      const att = getAttachment(app, a);
      if (att.mimeType === 'video/mp4') fail.field('attachmentIds', `「${att.originalName}」是视频，预案文件只能是 PDF、Word 或图片`);
      if (app.db.prepare(`SELECT 1 FROM attachment_link WHERE entityType = ? AND entityId = ? AND attachmentId = ? AND role = 'FILE'`).get(VERSION_ENTITY, versionId, a)) continue;
      linkAttachment(app, a, VERSION_ENTITY, versionId, 'FILE');
      names.push(att.originalName);
    }
    const after = getPlan(app, v.planId);
    recordAudit(app, { action: 'UPDATE', entityType: 'emergencyPlan', entityId: v.planId, summary: `预案「${before.code}」${v.version} 添加文件：${names.join('、') || '（已存在）'}`, before, after });
    return after;
  });
}

export function detachFile(app: AppContext, versionId: string, attachmentId: string): EmergencyPlan {
  return inTransaction(app.db, () => {
    const v = versionDb(app, versionId);
    const before = getPlan(app, v.planId);
    if (v.status !== 'DRAFT') fail.rule(`版本 ${v.version} 已发布，其文件作为存档不能移除`);
    const r = app.db.prepare(`DELETE FROM attachment_link WHERE entityType = ? AND entityId = ? AND attachmentId = ?`).run(VERSION_ENTITY, versionId, attachmentId);
    if (r.changes === 0) fail.notFound('该版本的文件');
    const after = getPlan(app, v.planId);
    recordAudit(app, { action: 'UPDATE', entityType: 'emergencyPlan', entityId: v.planId, summary: `预案「${before.code}」${v.version} 移除文件`, before, after });
    return after;
  });
}

// ---- revision triggers ----

export interface TriggerValues {
  planId: string;
  kind: PlanTrigger['kind'];
  occurredOn: string;
  description: string;
  dueOn: string | null;
  ownerId: string | null;
  drillId?: string | null;
}

/** Records a revision trigger inside the caller's transaction; returns its id. */
export function insertTrigger(app: AppContext, x: TriggerValues): string {
  const plan = planDb(app, x.planId);
  if (plan.archivedAtMs !== null) fail.rule(`预案「${plan.name}」已废止，不能再登记修订事项`);
  if (x.occurredOn > today(app)) fail.field('occurredOn', '发生日期不能晚于今天');
  if (x.dueOn && x.dueOn < x.occurredOn) fail.field('dueOn', `完成修订期限（${x.dueOn}）不能早于发生日期（${x.occurredOn}）`);
  if (x.ownerId) activePerson(app, x.ownerId, 'ownerId', '负责人');
  const id = app.newId();
  app.db
    .prepare(
      `INSERT INTO emergency_plan_trigger (id, planId, kind, occurredOn, description, dueOn, ownerId, drillId, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, x.planId, x.kind, x.occurredOn, x.description, x.dueOn, x.ownerId, x.drillId ?? null, app.clock.nowMs());
  recordAudit(app, { action: 'CREATE', entityType: 'emergencyPlanTrigger', entityId: id, summary: `预案「${plan.code}」登记修订事项（${PlanTriggerKind.label[x.kind]}）：${x.description.slice(0, 40)}`, after: x });
  return id;
}

export function createTrigger(app: AppContext, x: TriggerValues): EmergencyPlan {
  return inTransaction(app.db, () => {
    insertTrigger(app, x);
    return getPlan(app, x.planId);
  });
}
