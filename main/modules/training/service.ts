/**
 * 教育培训: settings (hour rules as data), the annual plan, sessions with
 * materials and photos, and attendance with sign-in and exam scores. A person
 * can only attend while employed on the session date.
 */
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { ParsedFields } from '../../../preload/contract/fields.ts';
import type { TrainingCandidate, TrainingPlanItem, TrainingPlanItemInput, TrainingSession, TrainingSessionInput, TrainingSessionRow, TrainingSettings } from '../../../preload/contract/training.ts';
import { TrainingType } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { employedOn } from '../../domain/training.ts';
import { recordAudit } from '../audit/service.ts';
import { attachmentRefs, getAttachment, setLinkedAttachments } from '../attachments/service.ts';
import { readInternalSetting, writeInternalSetting } from '../app/settings.ts';
import { today } from '../enterprise/service.ts';
import { listedIndustry } from '../emergency/settings.ts';
import { readContent } from '../print/content.ts';

export type TrainingPlanItemValues = ParsedFields<typeof TrainingPlanItemInput>;
export type TrainingSessionValues = ParsedFields<typeof TrainingSessionInput>;
export type AttendanceValues = { personId: string; signMethod: 'ON_SCREEN' | 'PAPER'; signatureAttachmentId: string | null; examScore: number | null; passed: boolean | null };

const SESSION_ENTITY = 'training_session';

// ---- settings ----

const KEY = 'trainingSettings';

export function trainingSettings(app: AppContext): TrainingSettings {
  const c = readContent<Omit<TrainingSettings, 'highRiskOverride'>>(app, 'training-rules.json');
  const defaults: TrainingSettings = {
    hourRules: c.hourRules,
    highRiskIndustries: c.highRiskIndustries,
    highRiskOverride: null,
    inductionLookbackDays: c.inductionLookbackDays,
    postChangeLookbackDays: c.postChangeLookbackDays,
    periodicRule: c.periodicRule,
    passScore: c.passScore,
  };
  return { ...defaults, ...(readInternalSetting<Partial<TrainingSettings>>(app, KEY) ?? {}) };
}

export function trainingHighRisk(app: AppContext, s = trainingSettings(app)) {
  return listedIndustry(app, s.highRiskIndustries, s.highRiskOverride, '培训学时的高危行业（煤矿、非煤矿山、危险化学品、烟花爆竹、金属冶炼）');
}

export function trainingSettingsView(app: AppContext) {
  const s = trainingSettings(app);
  return { ...s, ...trainingHighRisk(app, s) };
}

export function updateTrainingSettings(app: AppContext, input: Partial<TrainingSettings>) {
  return inTransaction(app.db, () => {
    const before = trainingSettings(app);
    if (input.hourRules) {
      const keys = input.hourRules.map((r) => `${r.role}/${r.highRisk}`);
      if (new Set(keys).size !== keys.length) fail.field('hourRules', '同一人员类别和行业只能有一条学时规则');
    }
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as TrainingSettings;
    writeInternalSetting(app, KEY, after);
    recordAudit(app, { action: 'UPDATE', entityType: 'setting', entityId: null, summary: '修改培训设置（学时要求、三级教育和转岗核查、全员定期培训规则）', before, after });
    return { ...after, ...trainingHighRisk(app, after) };
  });
}

// ---- annual plan ----

const PLAN_SELECT = `SELECT i.id, i.year, i.title, i.type, i.audience, i.plannedMonth, i.hours, i.organiserUnitId, u.name AS organiserUnitName, i.notes,
    (SELECT count(*) FROM training_session s WHERE s.planItemId = i.id) AS sessionCount
  FROM training_plan_item i LEFT JOIN unit u ON u.id = i.organiserUnitId`;

function planState(r: Omit<TrainingPlanItem, 'state'>, t: string): TrainingPlanItem {
  const ym = `${r.year}-${String(r.plannedMonth).padStart(2, '0')}`;
  return { ...r, state: r.sessionCount > 0 ? 'DONE' : t.slice(0, 7) > ym ? 'MISSED' : 'PLANNED' };
}

export function listTrainingPlan(app: AppContext, year: number): TrainingPlanItem[] {
  const t = today(app);
  return (app.db.prepare(`${PLAN_SELECT} WHERE i.year = ? ORDER BY i.plannedMonth, i.createdAtMs`).all(year) as Omit<TrainingPlanItem, 'state'>[]).map((r) => planState(r, t));
}

function planItem(app: AppContext, id: string): TrainingPlanItem {
  const r = (app.db.prepare(`${PLAN_SELECT} WHERE i.id = ?`).get(id) as Omit<TrainingPlanItem, 'state'> | undefined) ?? fail.notFound('培训计划项');
  return planState(r, today(app));
}

function checkPlanItem(app: AppContext, v: TrainingPlanItemValues): void {
  if (v.organiserUnitId && !app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.organiserUnitId)) fail.field('organiserUnitId', '组织部门不存在，请重新选择');
}

export function createTrainingPlanItem(app: AppContext, v: TrainingPlanItemValues): TrainingPlanItem {
  return inTransaction(app.db, () => {
    checkPlanItem(app, v);
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO training_plan_item (id, year, title, type, audience, plannedMonth, hours, organiserUnitId, notes, createdAtMs, updatedAtMs)
         VALUES (@id, @year, @title, @type, @audience, @plannedMonth, @hours, @organiserUnitId, @notes, @now, @now)`,
      )
      .run({ ...v, id, now });
    const after = planItem(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'trainingPlanItem', entityId: id, summary: `${v.year} 年培训计划新增：${v.plannedMonth} 月 ${v.title}`, after });
    return after;
  });
}

export function updateTrainingPlanItem(app: AppContext, id: string, v: TrainingPlanItemValues): TrainingPlanItem {
  return inTransaction(app.db, () => {
    const before = planItem(app, id);
    checkPlanItem(app, v);
    if (before.sessionCount > 0 && v.year !== before.year) fail.rule('该计划项已有培训记录，不能改到其他年度');
    app.db
      .prepare(
        `UPDATE training_plan_item SET year = @year, title = @title, type = @type, audience = @audience, plannedMonth = @plannedMonth, hours = @hours,
           organiserUnitId = @organiserUnitId, notes = @notes, updatedAtMs = @now WHERE id = @id`,
      )
      .run({ ...v, id, now: app.clock.nowMs() });
    const after = planItem(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'trainingPlanItem', entityId: id, summary: `修改培训计划项：${v.title}`, before, after });
    return after;
  });
}

export function removeTrainingPlanItem(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const before = planItem(app, id);
    if (before.sessionCount > 0) fail.rule(`计划项「${before.title}」已有 ${before.sessionCount} 次培训记录，不能删除`);
    app.db.prepare('DELETE FROM training_plan_item WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'trainingPlanItem', entityId: id, summary: `删除培训计划项：${before.title}`, before });
  });
}

// ---- sessions ----

const ROW_SELECT = `SELECT s.id, s.code, s.title, s.type, s.sessionDate, s.hours, s.trainer, s.location, u.name AS organiserUnitName, s.examMethod,
    (SELECT count(*) FROM training_attendance a WHERE a.sessionId = s.id) AS attendeeCount,
    (SELECT count(*) FROM training_attendance a WHERE a.sessionId = s.id AND a.passed = 1) AS passedCount,
    (SELECT count(*) FROM training_attendance a WHERE a.sessionId = s.id AND a.passed = 0) AS failedCount,
    s.planItemId, pi.title AS planItemTitle
  FROM training_session s LEFT JOIN unit u ON u.id = s.organiserUnitId LEFT JOIN training_plan_item pi ON pi.id = s.planItemId`;

export function listSessions(
  app: AppContext,
  f: { from?: string | undefined; to?: string | undefined; type?: string | undefined; unitId: string | null; search: string | null },
  page: number,
  pageSize: number,
): { items: TrainingSessionRow[]; total: number } {
  const cte = f.unitId ? 'WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id) ' : '';
  const where = `WHERE (@from IS NULL OR s.sessionDate >= @from) AND (@to IS NULL OR s.sessionDate <= @to) AND (@type IS NULL OR s.type = @type)
    AND (@q IS NULL OR instr(s.title, @q) > 0 OR instr(s.code, @q) > 0 OR instr(s.trainer, @q) > 0 OR instr(ifnull(s.content, ''), @q) > 0)
    ${f.unitId ? 'AND s.organiserUnitId IN (SELECT id FROM sub)' : ''}`;
  const params = { from: f.from ?? null, to: f.to ?? null, type: f.type ?? null, q: f.search, unitId: f.unitId, limit: pageSize, offset: (page - 1) * pageSize };
  const total = (app.db.prepare(`${cte}SELECT count(*) AS n FROM training_session s ${where}`).get(params) as { n: number }).n;
  const items = app.db.prepare(`${cte}${ROW_SELECT} ${where} ORDER BY s.sessionDate DESC, s.code DESC LIMIT @limit OFFSET @offset`).all(params) as TrainingSessionRow[];
  return { items, total };
}

function refs(app: AppContext, id: string, role: string) {
  return attachmentRefs(app, SESSION_ENTITY, id, role);
}

export function getSession(app: AppContext, id: string): TrainingSession {
  const row = (app.db.prepare(`${ROW_SELECT} WHERE s.id = ?`).get(id) as TrainingSessionRow | undefined) ?? fail.notFound('培训记录');
  const s = app.db.prepare('SELECT organiserUnitId, content, passScore, audienceUnitIdsJson, signInAttachmentId, effectNote FROM training_session WHERE id = ?').get(id) as {
    organiserUnitId: string | null;
    content: string | null;
    passScore: number | null;
    audienceUnitIdsJson: string;
    signInAttachmentId: string | null;
    effectNote: string | null;
  };
  const audienceUnitIds = JSON.parse(s.audienceUnitIdsJson) as string[];
  const names = new Map((app.db.prepare('SELECT id, name FROM unit').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  const attendees = app.db
    .prepare(
      `SELECT a.personId, p.name, p.staffNo, u.name AS unitName,
         ifnull((SELECT group_concat(po.name, '、') FROM person_post pp JOIN post po ON po.id = pp.postId WHERE pp.personId = p.id AND pp.endDate IS NULL), '') AS postNames,
         a.signMethod, a.signatureAttachmentId, a.examScore, a.passed
       FROM training_attendance a JOIN person p ON p.id = a.personId JOIN unit u ON u.id = p.unitId
       WHERE a.sessionId = ? ORDER BY u.sortOrder, u.name, p.staffNo`,
    )
    .all(id) as (Omit<TrainingSession['attendees'][number], 'passed'> & { passed: number | null })[];
  return {
    ...row,
    organiserUnitId: s.organiserUnitId,
    content: s.content,
    passScore: s.passScore,
    audienceUnitIds,
    audienceUnitNames: audienceUnitIds.map((u) => names.get(u) ?? '（已删除的单位）'),
    materials: refs(app, id, 'MATERIAL'),
    photos: refs(app, id, 'PHOTO'),
    signInAttachmentId: s.signInAttachmentId,
    effectNote: s.effectNote,
    attendees: attendees.map((a) => ({ ...a, passed: a.passed === null ? null : a.passed === 1 })),
  };
}

function nextCode(app: AppContext, date: string): string {
  const prefix = `PX-${date.slice(0, 4)}-`;
  const row = app.db.prepare(`SELECT max(CAST(substr(code, 9) AS INTEGER)) AS n FROM training_session WHERE code LIKE ?`).get(`${prefix}%`) as { n: number | null };
  return `${prefix}${String((row.n ?? 0) + 1).padStart(4, '0')}`;
}

function checkSession(app: AppContext, v: TrainingSessionValues): void {
  if (v.sessionDate > today(app)) fail.field('sessionDate', `培训日期（${v.sessionDate}）晚于今天：尚未举办的培训请列入年度培训计划，举办后再登记`);
  if (v.planItemId) {
    const item = app.db.prepare('SELECT year FROM training_plan_item WHERE id = ?').get(v.planItemId) as { year: number } | undefined;
    if (!item) fail.field('planItemId', '年度培训计划项不存在，请重新选择');
    if (String(item.year) !== v.sessionDate.slice(0, 4)) fail.field('planItemId', `所选计划项属于 ${item.year} 年计划，与培训日期不符`);
  }
  if (v.organiserUnitId && !app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.organiserUnitId)) fail.field('organiserUnitId', '组织部门不存在，请重新选择');
  for (const [i, u] of v.audienceUnitIds.entries()) if (!app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(u)) fail.field(`audienceUnitIds.${i}`, '参训单位不存在，请重新选择');
  if (v.examMethod === 'NONE' && v.passScore !== null) fail.field('passScore', '不考核的培训不设及格分');
  for (const [i, a] of v.photoIds.entries()) if (!getAttachment(app, a).mimeType.startsWith('image/')) fail.field(`photoIds.${i}`, '培训照片应为 PNG 或 JPEG 图片');
  for (const [i, a] of v.materialIds.entries()) if (getAttachment(app, a).mimeType === 'video/mp4') fail.field(`materialIds.${i}`, '培训材料应为 PDF、Word 或图片文件');
  if (v.signInAttachmentId) getAttachment(app, v.signInAttachmentId);
}

function writeLinks(app: AppContext, id: string, v: TrainingSessionValues): void {
  setLinkedAttachments(app, SESSION_ENTITY, id, 'MATERIAL', v.materialIds);
  setLinkedAttachments(app, SESSION_ENTITY, id, 'PHOTO', v.photoIds);
}

export function createSession(app: AppContext, v: TrainingSessionValues): TrainingSession {
  return inTransaction(app.db, () => {
    checkSession(app, v);
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO training_session (id, code, planItemId, title, type, sessionDate, hours, trainer, location, organiserUnitId, content, examMethod, passScore,
           audienceUnitIdsJson, signInAttachmentId, effectNote, createdAtMs, updatedAtMs)
         VALUES (@id, @code, @planItemId, @title, @type, @sessionDate, @hours, @trainer, @location, @organiserUnitId, @content, @examMethod, @passScore,
           @audience, @signInAttachmentId, @effectNote, @now, @now)`,
      )
      .run({ ...v, audienceUnitIds: undefined, materialIds: undefined, photoIds: undefined, audience: JSON.stringify(v.audienceUnitIds), id, code: nextCode(app, v.sessionDate), now });
    writeLinks(app, id, v);
    const after = getSession(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'trainingSession', entityId: id, summary: `登记培训 ${after.code}：${v.title}（${TrainingType.label[v.type]}，${v.sessionDate}，${v.hours} 学时）`, after: { ...after, attendees: undefined } });
    return after;
  });
}

export function updateSession(app: AppContext, id: string, v: TrainingSessionValues): TrainingSession {
  return inTransaction(app.db, () => {
    const before = getSession(app, id);
    checkSession(app, v);
    if (v.sessionDate !== before.sessionDate) {
      // Every attendee must still have been employed on the new date.
      for (const a of before.attendees) assertEmployed(app, a.personId, v.sessionDate, 'sessionDate');
    }
    if (v.examMethod === 'NONE' && before.attendees.some((a) => a.examScore !== null)) fail.field('examMethod', '已有人员登记了考试成绩，不能改为不考核');
    app.db
      .prepare(
        `UPDATE training_session SET planItemId = @planItemId, title = @title, type = @type, sessionDate = @sessionDate, hours = @hours, trainer = @trainer,
           location = @location, organiserUnitId = @organiserUnitId, content = @content, examMethod = @examMethod, passScore = @passScore,
           audienceUnitIdsJson = @audience, signInAttachmentId = @signInAttachmentId, effectNote = @effectNote, updatedAtMs = @now WHERE id = @id`,
      )
      .run({ ...v, audienceUnitIds: undefined, materialIds: undefined, photoIds: undefined, audience: JSON.stringify(v.audienceUnitIds), id, now: app.clock.nowMs() });
    // A new pass mark re-decides pass/fail of the scores already recorded.
    const defaultPass = trainingSettings(app).passScore;
    const pass = v.passScore ?? defaultPass;
    if (v.examMethod !== 'NONE' && pass !== (before.passScore ?? defaultPass)) {
      app.db.prepare('UPDATE training_attendance SET passed = (examScore >= ?) WHERE sessionId = ? AND examScore IS NOT NULL').run(pass, id);
    }
    writeLinks(app, id, v);
    const after = getSession(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'trainingSession', entityId: id, summary: `修改培训记录 ${before.code}`, before: { ...before, attendees: undefined }, after: { ...after, attendees: undefined } });
    return after;
  });
}

export function removeSession(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const before = getSession(app, id);
    if (before.attendeeCount > 0) fail.rule(`培训 ${before.code} 已有 ${before.attendeeCount} 人签到，作为培训档案不能删除；如登记有误请先撤销签到`);
    app.db.prepare(`DELETE FROM attachment_link WHERE entityType = ? AND entityId = ?`).run(SESSION_ENTITY, id);
    app.db.prepare('DELETE FROM training_session WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'trainingSession', entityId: id, summary: `删除培训记录 ${before.code}：${before.title}`, before });
  });
}

// ---- attendance ----

function assertEmployed(app: AppContext, personId: string, date: string, field: string): { name: string } {
  const p = app.db.prepare('SELECT name, hireDate, leftDate, status FROM person WHERE id = ?').get(personId) as { name: string; hireDate: string | null; leftDate: string | null; status: string } | undefined;
  if (!p) return fail.field(field, '参训人员不存在，请重新选择');
  if (!employedOn(p, date)) {
    fail.field(field, p.hireDate && p.hireDate > date ? `「${p.name}」${p.hireDate} 才入职，不能登记 ${date} 的培训` : `「${p.name}」已于 ${p.leftDate} 离职，不能登记其后（${date}）的培训签到`);
  }
  return p;
}

export function attendanceCandidates(app: AppContext, sessionId: string, search: string | null): z.infer<typeof TrainingCandidate>[] {
  const s = getSession(app, sessionId);
  const units = s.audienceUnitIds;
  const rows = app.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT value FROM json_each(@units) UNION SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)
       SELECT p.id AS personId, p.name, p.staffNo, u.name AS unitName,
         ifnull((SELECT group_concat(po.name, '、') FROM person_post pp JOIN post po ON po.id = pp.postId WHERE pp.personId = p.id AND pp.endDate IS NULL), '') AS postNames,
         EXISTS (SELECT 1 FROM training_attendance a WHERE a.sessionId = @sessionId AND a.personId = p.id) AS attended
       FROM person p JOIN unit u ON u.id = p.unitId
       WHERE (@all = 1 OR p.unitId IN (SELECT id FROM sub))
         AND (p.hireDate IS NULL OR p.hireDate <= @d) AND (p.status = 'ACTIVE' OR p.leftDate >= @d)
         AND (@q IS NULL OR instr(p.name, @q) > 0 OR instr(p.staffNo, @q) > 0)
       ORDER BY u.sortOrder, u.name, p.staffNo LIMIT 3000`,
    )
    .all({ units: JSON.stringify(units), all: units.length ? 0 : 1, sessionId, d: s.sessionDate, q: search }) as (Omit<z.infer<typeof TrainingCandidate>, 'attended'> & { attended: number })[];
  return rows.map((r) => ({ ...r, attended: r.attended === 1 }));
}

export function recordAttendance(app: AppContext, sessionId: string, entries: AttendanceValues[]): TrainingSession {
  return inTransaction(app.db, () => {
    const before = getSession(app, sessionId);
    const pass = before.passScore ?? trainingSettings(app).passScore;
    const seen = new Set<string>();
    const upsert = app.db.prepare(
      `INSERT INTO training_attendance (sessionId, personId, signMethod, signatureAttachmentId, examScore, passed, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(sessionId, personId) DO UPDATE SET signMethod = excluded.signMethod, signatureAttachmentId = ifnull(excluded.signatureAttachmentId, signatureAttachmentId),
         examScore = excluded.examScore, passed = excluded.passed`,
    );
    const now = app.clock.nowMs();
    for (const [i, e] of entries.entries()) {
      if (seen.has(e.personId)) fail.field(`entries.${i}.personId`, '同一人员重复出现，请删除重复的一行');
      seen.add(e.personId);
      assertEmployed(app, e.personId, before.sessionDate, `entries.${i}.personId`);
      if (e.signMethod === 'ON_SCREEN' && !e.signatureAttachmentId && !before.attendees.find((a) => a.personId === e.personId)?.signatureAttachmentId) {
        fail.field(`entries.${i}.signatureAttachmentId`, '屏幕签到须有本人签名；按纸质签到表录入请选择「纸质签到表」');
      }
      if (e.signatureAttachmentId) getAttachment(app, e.signatureAttachmentId);
      if (before.examMethod === 'NONE' && e.examScore !== null) fail.field(`entries.${i}.examScore`, '本次培训不考核，不能登记考试成绩');
      const passed = e.passed ?? (e.examScore !== null ? e.examScore >= pass : null);
      upsert.run(sessionId, e.personId, e.signMethod, e.signatureAttachmentId, e.examScore, passed === null ? null : passed ? 1 : 0, now);
    }
    const after = getSession(app, sessionId);
    recordAudit(app, {
      action: 'UPDATE',
      entityType: 'trainingAttendance',
      entityId: sessionId,
      summary: `培训 ${before.code} 登记签到 ${entries.length} 人（共 ${after.attendeeCount} 人）`,
      before: before.attendees.filter((a) => seen.has(a.personId)),
      after: after.attendees.filter((a) => seen.has(a.personId)),
    });
    return after;
  });
}

export function removeAttendance(app: AppContext, sessionId: string, personId: string): TrainingSession {
  return inTransaction(app.db, () => {
    const before = getSession(app, sessionId);
    const a = before.attendees.find((x) => x.personId === personId) ?? fail.notFound('该人员的签到');
    app.db.prepare('DELETE FROM training_attendance WHERE sessionId = ? AND personId = ?').run(sessionId, personId);
    recordAudit(app, { action: 'DELETE', entityType: 'trainingAttendance', entityId: sessionId, summary: `培训 ${before.code} 撤销「${a.name}」的签到`, before: a });
    return getSession(app, sessionId);
  });
}
