import type { HandlersFor } from '../../ipc/types.ts';
import { addEvidence, commitmentOverview, createDraft, newVersion, setPublicity, signOnScreen, signWithScan, updateDraft } from './service.ts';

export const commitmentsHandlers: HandlersFor<
  'commitment.overview' | 'commitment.createDraft' | 'commitment.updateDraft' | 'commitment.newVersion' | 'commitment.signOnScreen' | 'commitment.signWithScan' | 'commitment.setPublicity' | 'commitment.addEvidence'
> = {
  'commitment.overview': ({ year }, rt) => commitmentOverview(rt.app(), year),
  'commitment.createDraft': ({ year, ...f }, rt) => createDraft(rt.app(), year, f),
  'commitment.updateDraft': ({ id, ...f }, rt) => updateDraft(rt.app(), id, f),
  'commitment.newVersion': ({ year, changeReason, ...f }, rt) => newVersion(rt.app(), year, f, changeReason),
  'commitment.signOnScreen': ({ id, signaturePngBase64, signedOn }, rt) => signOnScreen(rt.app(), id, signaturePngBase64, signedOn),
  'commitment.signWithScan': ({ id, scanAttachmentId, signedOn }, rt) => signWithScan(rt.app(), id, scanAttachmentId, signedOn),
  'commitment.setPublicity': ({ letterId, ...p }, rt) => setPublicity(rt.app(), letterId, p),
  'commitment.addEvidence': ({ letterId, attachmentId, note }, rt) => addEvidence(rt.app(), letterId, attachmentId, note),
};
