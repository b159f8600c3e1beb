import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HandlersFor } from '../../ipc/types.ts';
import { fail } from '../../errors.ts';
import { setPersonPhoto } from '../board/service.ts';
import { acceptedExtensions, dataUrlOf, decodeBase64, getAttachment, maxBytesFor, readAttachment, storeAttachment } from './service.ts';

export const attachmentsHandlers: HandlersFor<'attachment.upload' | 'attachment.pick' | 'attachment.dataUrl' | 'attachment.open' | 'person.setPhoto'> = {
  'attachment.upload': ({ fileName, dataBase64, purpose }, rt) => {
    if (purpose === 'video') fail.field('purpose', '视频文件较大，请用「选择文件」按钮从本机选择');
    return storeAttachment(rt.app(), decodeBase64(dataBase64), fileName, purpose);
  },
  'attachment.pick': async ({ purpose }, rt) => {
    const app = rt.app();
    const titles = { image: '选择图片', imageOrPdf: '选择图片或 PDF 文件', document: '选择 PDF、Word 或图片文件', video: '选择演练视频（MP4）' } as const;
    const paths = await app.platform.chooseOpenPaths({ title: titles[purpose], extensions: acceptedExtensions(purpose), multiple: true });
    if (!paths) return { cancelled: true as const };
    const max = maxBytesFor(purpose);
    const attachments = paths.map((p) => {
      // Checked before reading, so a huge file is refused without loading it.
      if (statSync(p).size > max) fail.field('file', `文件「${p}」超过 ${max / 1024 / 1024} MB 的上限，请压缩后再选择`);
      return storeAttachment(app, readFileSync(p), p, purpose);
    });
    return { cancelled: false as const, attachments };
  },
  'attachment.dataUrl': ({ id }, rt) => {
    const app = rt.app();
    const attachment = getAttachment(app, id);
    if (attachment.mimeType === 'application/pdf') fail.rule('PDF 附件不能在此预览');
    return { dataUrl: dataUrlOf(app, id), attachment };
  },
  'attachment.open': async ({ id }, rt) => {
    const app = rt.app();
    const { attachment } = readAttachment(app, id);
    // A copy under its own name in the temp folder: the stored file is named by hash and must stay untouched.
    const dir = join(app.platform.tempDir, 'attachments', attachment.sha256.slice(0, 12));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, attachment.originalName.replace(/[\\/:*?"<>|]/g, '_'));
    copyFileSync(join(app.paths.attachmentsDir, attachment.sha256.slice(0, 2), attachment.sha256), file);
    await app.platform.openPath(file);
    return { ok: true };
  },
  'person.setPhoto': ({ id, attachmentId }, rt) => {
    setPersonPhoto(rt.app(), id, attachmentId);
    return { ok: true };
  },
};
