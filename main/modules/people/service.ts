import type { AppContext } from '../../context.ts';
import type { PersonDetail, PersonRow } from '../../../preload/contract/people.ts';
import { EmploymentType } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { addDays } from '../../domain/dates.ts';
import { recordAudit } from '../audit/service.ts';
import { today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import {
  findPerson,
  insertAssignment,
  insertPerson,
  insertStatusEvent,
  queryPeople,
  toPersonRow,
  updatePersonRow,
  type PersonFilter,
  type PersonValues,
} from './repo.ts';

export function listPeople(app: AppContext, f: PersonFilter): { items: PersonRow[]; total: number } {
  const { rows, total } = queryPeople(app.db, f);
  const paths = unitPaths(app.db);
  return { items: rows.map((r) => toPersonRow(r, paths)), total };
}

export function getPerson(app: AppContext, id: string): PersonDetail {
  const r = findPerson(app.db, id);
  if (!r) return fail.notFound('人员');
  const posts = app.db
    .prepare(
      `SELECT pp.id, pp.postId, t.name AS postName, u.name AS unitName, t.isSpecialOperation, pp.startDate, pp.endDate
       FROM person_post pp JOIN post t ON t.id = pp.postId JOIN unit u ON u.id = t.unitId
       WHERE pp.personId = ? ORDER BY pp.endDate IS NOT NULL, pp.startDate DESC`,
    )
    .all(id) as { id: string; postId: string; postName: string; unitName: string; isSpecialOperation: number; startDate: string; endDate: string | null }[];
  const statusHistory = app.db
    .prepare('SELECT id, status, date, reason, createdAtMs FROM person_status_event WHERE personId = ? ORDER BY date, createdAtMs')
    .all(id) as PersonDetail['statusHistory'];
  return {
    ...toPersonRow(r, unitPaths(app.db)),
    notes: r.notes,
    photoAttachmentId: r.photoAttachmentId,
    posts: posts.map((p) => ({ ...p, isSpecialOperation: p.isSpecialOperation === 1 })),
    statusHistory,
    createdAtMs: r.createdAtMs,
    updatedAtMs: r.updatedAtMs,
  };
}

function validateValues(app: AppContext, v: PersonValues, selfId: string | null): void {
  if (!app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.unitId)) fail.field('unitId', '所选单位不存在，请重新选择');
  const dupNo = app.db.prepare('SELECT name FROM person WHERE staffNo = ? AND id IS NOT ?').get(v.staffNo, selfId) as { name: string } | undefined;
  if (dupNo) fail.field('staffNo', `工号「${v.staffNo}」已被「${dupNo.name}」使用，请换一个工号`);
  if (v.idNumber) {
    const dupId = app.db.prepare('SELECT name, staffNo FROM person WHERE idNumber = ? AND id IS NOT ?').get(v.idNumber, selfId) as
      | { name: string; staffNo: string }
      | undefined;
    if (dupId) fail.field('idNumber', `该身份证号已登记在「${dupId.name}」（工号 ${dupId.staffNo}）名下；同一人离职再入职请在原记录上办理重新入职`);
  }
  const needsEmployer = v.employmentType === 'DISPATCHED' || v.employmentType === 'CONTRACTOR';
  if (needsEmployer && !v.employerName) {
    fail.field('employerName', `${EmploymentType.label[v.employmentType]}人员请填写所属${v.employmentType === 'DISPATCHED' ? '劳务派遣单位' : '外包/相关方单位'}`);
  }
}

function validatePostIds(app: AppContext, postIds: readonly string[], path: string): void {
  if (new Set(postIds).size !== postIds.length) fail.field(path, '岗位有重复，请去掉重复的岗位');
  for (const [i, postId] of postIds.entries()) {
    const post = app.db.prepare('SELECT name, archivedAtMs FROM post WHERE id = ?').get(postId) as { name: string; archivedAtMs: number | null } | undefined;
    if (!post) fail.field(`${path}.${i}`, '所选岗位不存在，请重新选择');
    if (post.archivedAtMs !== null) fail.field(`${path}.${i}`, `岗位「${post.name}」已归档，不能再安排人员`);
  }
}

export function createPerson(app: AppContext, v: PersonValues, postIds: readonly string[]): PersonDetail {
  return inTransaction(app.db, () => {
    validateValues(app, v, null);
    validatePostIds(app, postIds, 'postIds');
    const id = app.newId();
    const nowMs = app.clock.nowMs();
    const startDate = v.hireDate ?? today(app);
    insertPerson(app.db, id, v, nowMs);
    insertStatusEvent(app.db, { id: app.newId(), personId: id, status: 'ACTIVE', date: startDate, reason: '入职', nowMs });
    for (const postId of postIds) insertAssignment(app.db, app.newId(), id, postId, startDate);
    const person = getPerson(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'person', entityId: id, summary: `新增人员「${person.name}」（工号 ${person.staffNo}）`, after: person });
    return person;
  });
}

export function updatePerson(app: AppContext, id: string, v: Omit<PersonValues, 'idNumber'> & { idNumber?: string | null | undefined }): PersonDetail {
  return inTransaction(app.db, () => {
    const before = getPerson(app, id);
    const stored = findPerson(app.db, id)!;
    const values: PersonValues = { ...v, idNumber: v.idNumber === undefined ? stored.idNumber : v.idNumber };
    validateValues(app, values, id);
    if (values.hireDate && before.status === 'LEFT' && before.leftDate && values.hireDate > before.leftDate) {
      fail.field('hireDate', `入职日期不能晚于离职日期（${before.leftDate}）`);
    }
    updatePersonRow(app.db, id, values, app.clock.nowMs());
    const after = getPerson(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'person', entityId: id, summary: `修改人员「${after.name}」`, before, after });
    return after;
  });
}

/**
 * Sets the person's current posts from `effectiveDate`: posts no longer held end
 * the day before, new posts start that day. History is kept.
 */
export function setPersonPosts(app: AppContext, id: string, postIds: readonly string[], effectiveDate: string): PersonDetail {
  return inTransaction(app.db, () => {
    const before = getPerson(app, id);
    if (before.status === 'LEFT') fail.rule(`「${before.name}」已离职，不能调整岗位；如重新入职请先办理重新入职`);
    if (before.hireDate && effectiveDate < before.hireDate) fail.field('effectiveDate', `生效日期不能早于入职日期（${before.hireDate}）`);
    validatePostIds(app, postIds, 'postIds');
    const current = before.posts.filter((p) => p.endDate === null);
    const wanted = new Set(postIds);
    for (const a of current) {
      if (wanted.has(a.postId)) continue;
      if (effectiveDate < a.startDate) {
        fail.field('effectiveDate', `生效日期不能早于岗位「${a.postName}」的开始日期（${a.startDate}）`);
      }
      if (a.startDate === effectiveDate) {
        // Assigned and changed on the same day: the assignment never took effect.
        app.db.prepare('DELETE FROM person_post WHERE id = ?').run(a.id);
      } else {
        app.db.prepare('UPDATE person_post SET endDate = ? WHERE id = ?').run(addDays(effectiveDate, -1), a.id);
      }
    }
    const held = new Set(current.map((a) => a.postId));
    for (const postId of postIds) if (!held.has(postId)) insertAssignment(app.db, app.newId(), id, postId, effectiveDate);
    app.db.prepare('UPDATE person SET updatedAtMs = ? WHERE id = ?').run(app.clock.nowMs(), id);
    const after = getPerson(app, id);
    recordAudit(app, {
      action: 'UPDATE',
      entityType: 'person',
      entityId: id,
      summary: `调整「${after.name}」的岗位为：${after.postNames.join('、') || '（无）'}，${effectiveDate} 起生效`,
      before: { posts: before.postNames },
      after: { posts: after.postNames, effectiveDate },
    });
    return after;
  });
}

/** Where the person is still named as a responsible person; leaving or deleting is refused until reassigned. */
function responsibilities(app: AppContext, id: string): string[] {
  const out: string[] = [];
  const ent = app.db.prepare('SELECT principalPersonId, safetyDeputyPersonId FROM enterprise').get() as
    | { principalPersonId: string | null; safetyDeputyPersonId: string | null }
    | undefined;
  if (ent?.principalPersonId === id) out.push('企业主要负责人');
  if (ent?.safetyDeputyPersonId === id) out.push('分管安全负责人');
  const units = app.db.prepare('SELECT name FROM unit WHERE headPersonId = ?').all(id) as { name: string }[];
  for (const u of units) out.push(`「${u.name}」负责人`);
  return out;
}

export function leavePerson(app: AppContext, id: string, date: string, reason: string | null): PersonDetail {
  return inTransaction(app.db, () => {
    const before = getPerson(app, id);
    if (before.status === 'LEFT') fail.rule(`「${before.name}」已于 ${before.leftDate} 离职`);
    if (before.hireDate && date < before.hireDate) fail.field('date', `离职日期不能早于入职日期（${before.hireDate}）`);
    const roles = responsibilities(app, id);
    if (roles.length) fail.rule(`「${before.name}」仍是${roles.join('、')}，请先改选其他人员后再办理离职`);
    for (const a of before.posts.filter((p) => p.endDate === null)) {
      if (date < a.startDate) fail.field('date', `离职日期不能早于岗位「${a.postName}」的开始日期（${a.startDate}）`);
      app.db.prepare('UPDATE person_post SET endDate = ? WHERE id = ?').run(date, a.id);
    }
    const nowMs = app.clock.nowMs();
    app.db.prepare(`UPDATE person SET status = 'LEFT', leftDate = ?, updatedAtMs = ? WHERE id = ?`).run(date, nowMs, id);
    insertStatusEvent(app.db, { id: app.newId(), personId: id, status: 'LEFT', date, reason, nowMs });
    const after = getPerson(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'person', entityId: id, summary: `「${after.name}」办理离职（${date}）`, before, after });
    return after;
  });
}

export function rejoinPerson(app: AppContext, id: string, date: string, reason: string | null): PersonDetail {
  return inTransaction(app.db, () => {
    const before = getPerson(app, id);
    if (before.status === 'ACTIVE') fail.rule(`「${before.name}」当前在职，无需重新入职`);
    if (before.leftDate && date <= before.leftDate) fail.field('date', `重新入职日期应晚于离职日期（${before.leftDate}）`);
    const nowMs = app.clock.nowMs();
    app.db.prepare(`UPDATE person SET status = 'ACTIVE', leftDate = NULL, hireDate = ?, updatedAtMs = ? WHERE id = ?`).run(date, nowMs, id);
    insertStatusEvent(app.db, { id: app.newId(), personId: id, status: 'ACTIVE', date, reason: reason ?? '重新入职', nowMs });
    const after = getPerson(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'person', entityId: id, summary: `「${after.name}」重新入职（${date}）`, before, after });
    return after;
  });
}

export function deletePerson(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const before = getPerson(app, id);
    if (before.certificateCount > 0) fail.rule(`「${before.name}」已登记 ${before.certificateCount} 本证书，不能删除；如已离职请办理离职，记录会保留`);
    const roles = responsibilities(app, id);
    if (roles.length) fail.rule(`「${before.name}」仍是${roles.join('、')}，不能删除`);
    app.db.prepare('DELETE FROM person WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'person', entityId: id, summary: `删除人员「${before.name}」（工号 ${before.staffNo}）`, before });
  });
}

export function revealIdNumber(app: AppContext, id: string): { idNumber: string | null } {
  return inTransaction(app.db, () => {
    const r = findPerson(app.db, id);
    if (!r) return fail.notFound('人员');
    recordAudit(app, { action: 'REVEAL', entityType: 'person', entityId: id, summary: `查看「${r.name}」的完整身份证号` });
    return { idNumber: r.idNumber };
  });
}

export function personOptions(app: AppContext, search: string | null, ids: readonly string[]) {
  const params = { q: search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null, ids: JSON.stringify(ids) };
  return app.db
    .prepare(
      `SELECT p.id, p.name, p.staffNo, u.name AS unitName, p.phone FROM person p JOIN unit u ON u.id = p.unitId
       WHERE (p.status = 'ACTIVE' AND (@q IS NULL OR p.name LIKE @q ESCAPE '\\' OR p.staffNo LIKE @q ESCAPE '\\'))
          OR p.id IN (SELECT value FROM json_each(@ids))
       ORDER BY p.id IN (SELECT value FROM json_each(@ids)) DESC, p.staffNo LIMIT 50`,
    )
    .all(params) as { id: string; name: string; staffNo: string; unitName: string; phone: string | null }[];
}
