import type { AppContext } from '../../context.ts';
import type { Post, PostDetail } from '../../../preload/contract/posts.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { POST_NEEDS_CERT_SQL, specialOperationTypeId, validCertForPostSql } from '../certificates/validity.ts';
import { insertPost, queryPosts, updatePostRow, type PostFilter, type PostValues } from './repo.ts';

function listContext(app: AppContext) {
  return {
    today: today(app),
    specialOpTypeId: specialOperationTypeId(app.db),
    unitPaths: unitPaths(app.db),
  };
}

export function listPosts(app: AppContext, f: PostFilter): { items: Post[]; total: number } {
  return queryPosts(app.db, f, listContext(app));
}

export function getPost(app: AppContext, id: string): PostDetail {
  const ctx = listContext(app);
  const post = queryPosts(app.db, { search: null, unitId: null, includeSubunits: false, specialOnly: false, withoutHolders: false, includeArchived: true, ids: [id], page: 1, pageSize: 1 }, ctx).items[0];
  if (!post) return fail.notFound('岗位');
  const needsCert = post.isSpecialOperation || post.requiredCertTypeId !== null;
  const holders = app.db
    .prepare(
      `SELECT p.id AS personId, p.name, p.staffNo, p.employmentType, pp.startDate,
         CASE WHEN ${POST_NEEDS_CERT_SQL} THEN ${validCertForPostSql('p.id')} ELSE NULL END AS certified
       FROM person_post pp JOIN person p ON p.id = pp.personId JOIN post t ON t.id = pp.postId
       WHERE pp.postId = @id AND pp.endDate IS NULL AND p.status = 'ACTIVE'
       ORDER BY p.staffNo`,
    )
    .all({ id, today: ctx.today, specialOpTypeId: ctx.specialOpTypeId }) as {
    personId: string;
    name: string;
    staffNo: string;
    employmentType: string;
    startDate: string;
    certified: number | null;
  }[];
  return { ...post, holders: holders.map((h) => ({ ...h, certified: needsCert ? h.certified === 1 : null })) };
}

function validate(app: AppContext, v: PostValues, selfId: string | null): void {
  if (!app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.unitId)) fail.field('unitId', '所选单位不存在，请重新选择');
  const dup = app.db.prepare('SELECT 1 FROM post WHERE unitId = ? AND name = ? AND id IS NOT ?').get(v.unitId, v.name, selfId);
  if (dup) fail.field('name', `该单位下已有名为「${v.name}」的岗位`);
  if (v.requiredCertTypeId && !app.db.prepare('SELECT 1 FROM cert_type WHERE id = ?').get(v.requiredCertTypeId)) {
    fail.field('requiredCertTypeId', '所选证书类型不存在，请重新选择');
  }
  if (v.requiredCertCategory && !v.isSpecialOperation && !v.requiredCertTypeId) {
    fail.field('requiredCertCategory', '填写了作业类别时，请同时勾选特种作业岗位或选择所需证书类型');
  }
}

export function createPost(app: AppContext, v: PostValues): PostDetail {
  return inTransaction(app.db, () => {
    validate(app, v, null);
    const id = app.newId();
    insertPost(app.db, id, v, app.clock.nowMs());
    const post = getPost(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'post', entityId: id, summary: `新增岗位「${post.unitName} · ${post.name}」`, after: post });
    return post;
  });
}

export function updatePost(app: AppContext, id: string, v: PostValues): PostDetail {
  return inTransaction(app.db, () => {
    const before = getPost(app, id);
    validate(app, v, id);
    updatePostRow(app.db, id, v, app.clock.nowMs());
    const after = getPost(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'post', entityId: id, summary: `修改岗位「${after.unitName} · ${after.name}」`, before, after });
    return after;
  });
}

export function deletePost(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const post = getPost(app, id);
    if (post.holderCount > 0) {
      fail.rule(`岗位「${post.name}」当前有 ${post.holderCount} 名在岗人员（${post.holders.slice(0, 3).map((h) => h.name).join('、')}${post.holderCount > 3 ? '等' : ''}），请先调整这些人员的岗位后再删除`);
    }
    const history = app.db.prepare('SELECT count(*) AS n FROM person_post WHERE postId = ?').get(id) as { n: number };
    if (history.n > 0) fail.rule(`岗位「${post.name}」有 ${history.n} 条任职历史，删除会丢失记录；如不再使用，请将其归档`);
    const signed = app.db
      .prepare(
        `SELECT (SELECT count(*) FROM duty_list WHERE postId = @id AND status = 'APPROVED') AS lists,
                (SELECT count(*) FROM card_set WHERE postId = @id AND status = 'APPROVED') AS cards,
                (SELECT count(*) FROM duty_ack a JOIN duty_list l ON l.id = a.listId WHERE l.postId = @id) AS acks`,
      )
      .get({ id }) as { lists: number; cards: number; acks: number };
    if (signed.lists > 0 || signed.cards > 0) {
      const what = [signed.lists ? `已批准的责任清单 ${signed.lists} 版` : null, signed.cards ? `已发布的两单两卡 ${signed.cards} 版` : null, signed.acks ? `签字确认 ${signed.acks} 人次` : null].filter(Boolean).join('、');
      fail.rule(`岗位「${post.name}」有${what}，删除会丢失责任制历史；如不再使用，请将其归档（归档后历史仍可查阅）`);
    }
    // Unapproved drafts go with the post.
    app.db.prepare('DELETE FROM duty_list WHERE postId = ?').run(id);
    app.db.prepare('DELETE FROM card_set WHERE postId = ?').run(id);
    app.db.prepare('DELETE FROM post WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'post', entityId: id, summary: `删除岗位「${post.unitName} · ${post.name}」`, before: post });
  });
}

export function archivePost(app: AppContext, id: string, archived: boolean): PostDetail {
  return inTransaction(app.db, () => {
    const before = getPost(app, id);
    if (archived && before.archived) fail.rule('该岗位已归档');
    if (!archived && !before.archived) fail.rule('该岗位未归档');
    if (archived && before.holderCount > 0) fail.rule(`岗位「${before.name}」当前有 ${before.holderCount} 名在岗人员，请先调整这些人员的岗位后再归档`);
    app.db.prepare('UPDATE post SET archivedAtMs = ?, updatedAtMs = ? WHERE id = ?').run(archived ? app.clock.nowMs() : null, app.clock.nowMs(), id);
    const after = getPost(app, id);
    recordAudit(app, {
      action: archived ? 'ARCHIVE' : 'RESTORE',
      entityType: 'post',
      entityId: id,
      summary: `${archived ? '归档' : '恢复'}岗位「${after.unitName} · ${after.name}」`,
      before,
      after,
    });
    return after;
  });
}

export function postOptions(app: AppContext, unitId: string | null) {
  const rows = app.db
    .prepare(
      `SELECT t.id, t.name, u.name AS unitName, t.isSpecialOperation FROM post t JOIN unit u ON u.id = t.unitId
       WHERE t.archivedAtMs IS NULL AND (@unitId IS NULL OR t.unitId = @unitId) ORDER BY u.sortOrder, u.name, t.name`,
    )
    .all({ unitId }) as { id: string; name: string; unitName: string; isSpecialOperation: number }[];
  return rows.map((r) => ({ ...r, isSpecialOperation: r.isSpecialOperation === 1 }));
}
