import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { recordAudit } from '../audit/service.ts';
import { getAttachment } from '../attachments/service.ts';

export function boardMembers(app: AppContext) {
  const rows = app.db
    .prepare(
      `SELECT b.personId, p.name, b.role, p.phone, p.photoAttachmentId IS NOT NULL AS hasPhoto FROM board_member b JOIN person p ON p.id = b.personId ORDER BY b.sortOrder, b.createdAtMs`,
    )
    .all() as { personId: string; name: string; role: string; phone: string | null; hasPhoto: number }[];
  return rows.map((r) => ({ ...r, hasPhoto: r.hasPhoto === 1 }));
}

export function setBoardMembers(app: AppContext, members: { personId: string; role: string }[]) {
  return inTransaction(app.db, () => {
    const before = boardMembers(app);
    const seen = new Set<string>();
    members.forEach((m, i) => {
      if (seen.has(m.personId)) fail.field(`members.${i}.personId`, '同一人员不能重复列出');
      seen.add(m.personId);
      const p = app.db.prepare('SELECT status FROM person WHERE id = ?').get(m.personId) as { status: string } | undefined;
      if (!p) fail.field(`members.${i}.personId`, '所选人员不存在');
      if (p.status !== 'ACTIVE') fail.field(`members.${i}.personId`, '所选人员已离职');
    });
    app.db.prepare('DELETE FROM board_member').run();
    const insert = app.db.prepare('INSERT INTO board_member (id, personId, role, sortOrder, createdAtMs) VALUES (?, ?, ?, ?, ?)');
    members.forEach((m, i) => insert.run(app.newId(), m.personId, m.role, i, app.clock.nowMs()));
    const after = boardMembers(app);
    recordAudit(app, { action: 'UPDATE', entityType: 'board_member', entityId: null, summary: `设置公示牌其他负责人（${after.map((m) => `${m.role} ${m.name}`).join('、') || '无'}）`, before, after });
    return after;
  });
}

export function setPersonPhoto(app: AppContext, personId: string, attachmentId: string | null): void {
  inTransaction(app.db, () => {
    const p = app.db.prepare('SELECT name, photoAttachmentId FROM person WHERE id = ?').get(personId) as { name: string; photoAttachmentId: string | null } | undefined;
    if (!p) fail.notFound('人员');
    if (attachmentId) {
      const a = getAttachment(app, attachmentId);
      if (a.mimeType === 'application/pdf') fail.field('attachmentId', '照片应为 PNG 或 JPEG 图片，不能是 PDF');
    }
    app.db.prepare('UPDATE person SET photoAttachmentId = ?, updatedAtMs = ? WHERE id = ?').run(attachmentId, app.clock.nowMs(), personId);
    recordAudit(app, { action: 'UPDATE', entityType: 'person', entityId: personId, summary: attachmentId ? `上传「${p.name}」的照片` : `清除「${p.name}」的照片`, before: { photo: p.photoAttachmentId }, after: { photo: attachmentId } });
  });
}
