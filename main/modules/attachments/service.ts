import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { sha256Hex } from '../../pdf/fingerprint.ts';
import { DOCX, sniff, type SniffedType } from './images.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Drill videos are larger; they only come through the file dialog. */
export const MAX_VIDEO_BYTES = 500 * 1024 * 1024;

export interface Attachment {
  id: string;
  sha256: string;
  mimeType: SniffedType;
  sizeBytes: number;
  originalName: string;
  widthPx: number | null;
  heightPx: number | null;
  createdAtMs: number;
}

export type AllowedKinds = 'image' | 'imageOrPdf' | 'document' | 'video';

const ACCEPTED: Record<AllowedKinds, { types: readonly SniffedType[]; words: string; extensions: string[] }> = {
  image: { types: ['image/png', 'image/jpeg'], words: 'PNG 或 JPEG 图片，请选择照片或扫描图片', extensions: ['png', 'jpg', 'jpeg'] },
  imageOrPdf: { types: ['image/png', 'image/jpeg', 'application/pdf'], words: 'PNG/JPEG 图片或 PDF 文件，只能上传这几种格式', extensions: ['png', 'jpg', 'jpeg', 'pdf'] },
  document: { types: ['image/png', 'image/jpeg', 'application/pdf', DOCX], words: 'PDF、Word（.docx）文件或 PNG/JPEG 图片，只能上传这几种格式', extensions: ['pdf', 'docx', 'png', 'jpg', 'jpeg'] },
  video: { types: ['video/mp4'], words: 'MP4 视频，请先转换为 MP4 格式', extensions: ['mp4', 'mov', 'm4v'] },
};

export function acceptedExtensions(allowed: AllowedKinds): string[] {
  return ACCEPTED[allowed].extensions;
}

export function maxBytesFor(allowed: AllowedKinds): number {
  return allowed === 'video' ? MAX_VIDEO_BYTES : MAX_ATTACHMENT_BYTES;
}

function pathFor(app: AppContext, sha: string): string {
  return join(app.paths.attachmentsDir, sha.slice(0, 2), sha);
}

/**
 * Stores bytes by content hash inside the data folder. The type is decided by
 * the bytes; what passes depends on the purpose (images, PDF, Word, MP4 video)
 * and so does the size limit (20 MB, 500 MB for video). The same content
 * stored twice is one file and one row.
 */
export function storeAttachment(app: AppContext, bytes: Buffer, originalName: string, allowed: AllowedKinds = 'imageOrPdf'): Attachment {
  const name = basename(originalName.replaceAll('\\', '/')).slice(0, 200) || '未命名文件';
  if (bytes.length === 0) fail.field('file', `文件「${name}」是空的，请重新选择`);
  const max = maxBytesFor(allowed);
  if (bytes.length > max) {
    fail.field('file', `文件「${name}」有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 ${max / 1024 / 1024} MB 的上限；请压缩${allowed === 'video' ? '视频' : '图片或分页扫描'}后再上传`);
  }
  const kind = sniff(bytes);
  if (!kind || !ACCEPTED[allowed].types.includes(kind.mimeType)) fail.field('file', `文件「${name}」不是 ${ACCEPTED[allowed].words}`);
  const sha = sha256Hex(bytes);
  const existing = app.db.prepare('SELECT * FROM attachment WHERE sha256 = ?').get(sha) as Attachment | undefined;
  const file = pathFor(app, sha);
  if (!existsSync(file)) {
    mkdirSync(join(app.paths.attachmentsDir, sha.slice(0, 2)), { recursive: true });
    const tmp = `${file}.partial`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  }
  if (existing) return existing;
  return inTransaction(app.db, () => {
    const row: Attachment = { id: app.newId(), sha256: sha, mimeType: kind.mimeType, sizeBytes: bytes.length, originalName: name, widthPx: kind.widthPx, heightPx: kind.heightPx, createdAtMs: app.clock.nowMs() };
    app.db
      .prepare('INSERT INTO attachment (id, sha256, mimeType, sizeBytes, originalName, widthPx, heightPx, createdAtMs) VALUES (@id, @sha256, @mimeType, @sizeBytes, @originalName, @widthPx, @heightPx, @createdAtMs)')
      .run(row);
    return row;
  });
}

export function getAttachment(app: AppContext, id: string): Attachment {
  return (app.db.prepare('SELECT * FROM attachment WHERE id = ?').get(id) as Attachment | undefined) ?? fail.notFound('附件');
}

/** The stored bytes, checked against their hash. */
export function readAttachment(app: AppContext, id: string): { attachment: Attachment; bytes: Buffer } {
  const attachment = getAttachment(app, id);
  const file = pathFor(app, attachment.sha256);
  if (!existsSync(file)) fail.rule(`附件「${attachment.originalName}」的文件在数据目录中找不到了，请从备份恢复 attachments 文件夹`);
  const bytes = readFileSync(file);
  if (sha256Hex(bytes) !== attachment.sha256) fail.rule(`附件「${attachment.originalName}」的文件内容与登记的校验值不符，文件可能已被改动`);
  return { attachment, bytes };
}

export function dataUrlOf(app: AppContext, id: string): string {
  const { attachment, bytes } = readAttachment(app, id);
  return `data:${attachment.mimeType};base64,${bytes.toString('base64')}`;
}

/** Decodes base64 sent by the renderer; anything that is not clean base64 is refused. */
export function decodeBase64(data: string): Buffer {
  const clean = data.replace(/^data:[^;,]+;base64,/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) fail.field('dataBase64', '文件内容编码不正确，请重新选择文件');
  return Buffer.from(clean, 'base64');
}

export function linkAttachment(app: AppContext, attachmentId: string, entityType: string, entityId: string, role: string, note: string | null = null): string {
  const id = app.newId();
  app.db
    .prepare('INSERT INTO attachment_link (id, attachmentId, entityType, entityId, role, note, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, attachmentId, entityType, entityId, role, note, app.clock.nowMs());
  return id;
}

export function linkedAttachments(app: AppContext, entityType: string, entityId: string, role?: string) {
  return app.db
    .prepare(
      `SELECT l.id AS linkId, l.role, l.note, l.createdAtMs AS linkedAtMs, a.* FROM attachment_link l JOIN attachment a ON a.id = l.attachmentId
       WHERE l.entityType = ? AND l.entityId = ? AND (? IS NULL OR l.role = ?) ORDER BY l.createdAtMs`,
    )
    .all(entityType, entityId, role ?? null, role ?? null) as (Attachment & { linkId: string; role: string; note: string | null; linkedAtMs: number })[];
}

/** An entity's files of one role as the contract's AttachmentRef (id, name, type, size). */
export function attachmentRefs(app: AppContext, entityType: string, entityId: string, role: string) {
  return linkedAttachments(app, entityType, entityId, role).map((a) => ({ attachmentId: a.id, originalName: a.originalName, mimeType: a.mimeType, sizeBytes: a.sizeBytes }));
}

/** Makes an entity's links of one role exactly `ids`: links not listed are removed, new ones added (inside the caller's transaction). */
export function setLinkedAttachments(app: AppContext, entityType: string, entityId: string, role: string, ids: readonly string[]): void {
  const keep = new Set(ids);
  const have = linkedAttachments(app, entityType, entityId, role);
  for (const l of have) if (!keep.has(l.id)) app.db.prepare('DELETE FROM attachment_link WHERE id = ?').run(l.linkId);
  const present = new Set(have.map((l) => l.id));
  for (const a of ids) if (!present.has(a)) linkAttachment(app, a, entityType, entityId, role);
}
