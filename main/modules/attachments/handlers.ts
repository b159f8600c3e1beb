import { readFileSync, statSync } from 'node:fs';
import type { HandlersFor } from '../../ipc/types.ts';
import { fail } from '../../errors.ts';
import { setPersonPhoto } from '../board/service.ts';
import { dataUrlOf, decodeBase64, getAttachment, MAX_ATTACHMENT_BYTES, storeAttachment } from './service.ts';

export const attachmentsHandlers: HandlersFor<'attachment.upload' | 'attachment.pick' | 'attachment.dataUrl' | 'person.setPhoto'> = {
  'attachment.upload': ({ fileName, dataBase64, purpose }, rt) => storeAttachment(rt.app(), decodeBase64(dataBase64), fileName, purpose),
  'attachment.pick': async ({ purpose }, rt) => {
    const app = rt.app();
    const paths = await app.platform.chooseOpenPaths({ title: purpose === 'image' ? '选择图片' : '选择图片或 PDF 文件', extensions: purpose === 'image' ? ['png', 'jpg', 'jpeg'] : ['png', 'jpg', 'jpeg', 'pdf'], multiple: true });
    if (!paths) return { cancelled: true as const };
    const attachments = paths.map((p) => {
      // Checked before reading, so a huge file is refused without loading it.
      if (statSync(p).size > MAX_ATTACHMENT_BYTES) fail.field('file', `文件「${p}」超过 20 MB 的上限，请压缩后再选择`);
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
  'person.setPhoto': ({ id, attachmentId }, rt) => {
    setPersonPhoto(rt.app(), id, attachmentId);
    return { ok: true };
  },
};
