import { z } from 'zod';
import { mutation, query } from './define.ts';
import { id, idInput, input, optId, text } from './fields.ts';

export const AttachmentInfo = z.object({
  id: z.string(),
  sha256: z.string(),
  mimeType: z.enum(['image/png', 'image/jpeg', 'application/pdf', 'video/mp4', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']),
  sizeBytes: z.number().int(),
  originalName: z.string(),
  widthPx: z.number().int().nullable(),
  heightPx: z.number().int().nullable(),
  createdAtMs: z.number(),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

/** image: PNG/JPEG; imageOrPdf: also PDF; document: also Word (.docx); video: MP4 (only through the file dialog). */
export const AttachmentPurpose = z.enum(['image', 'imageOrPdf', 'document', 'video'], { error: '附件用途应为 image、imageOrPdf、document 或 video' });

/** 20 MB of bytes is about 27 MB of base64. */
const MAX_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 64;

export const attachmentsContract = {
  'attachment.upload': mutation(
    '上传附件（文件内容以 base64 提交，按内容校验类型与大小，存入数据目录）',
    input({
      fileName: text('文件名', 255),
      dataBase64: z.string({ error: '缺少文件内容' }).min(1, '文件是空的，请重新选择').max(MAX_BASE64, '文件超过 20 MB 的上限，请压缩后再上传'),
      purpose: AttachmentPurpose.optional().default('imageOrPdf'),
    }),
    AttachmentInfo,
  ),
  'attachment.pick': mutation(
    '在本机选择文件作为附件（由主进程弹出文件对话框）',
    input({ purpose: AttachmentPurpose.optional().default('imageOrPdf') }),
    z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), attachments: z.array(AttachmentInfo) })]),
  ),
  'attachment.dataUrl': query('图片附件的内容（用于界面预览）', idInput('附件'), z.object({ dataUrl: z.string(), attachment: AttachmentInfo })),
  'attachment.open': mutation('用本机默认程序打开附件（PDF、Word、视频等）', idInput('附件'), z.object({ ok: z.literal(true) })),
  'person.setPhoto': mutation('设置或清除人员照片（公示牌使用）', input({ id: id('人员'), attachmentId: optId('照片') }), z.object({ ok: z.literal(true) })),
};
