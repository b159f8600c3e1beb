import type { HandlersFor } from '../../ipc/types.ts';
import { AGREEMENT_LEVELS } from '../../../preload/contract/agreements.ts';
import { agreementProgress, generateAgreements, getAgreement, getTemplate, listAgreements, saveTemplate, signAgreement, signAgreementWithScan } from './service.ts';

export const agreementsHandlers: HandlersFor<
  'agreement.template' | 'agreement.saveTemplate' | 'agreement.generate' | 'agreement.list' | 'agreement.get' | 'agreement.progress' | 'agreement.sign' | 'agreement.signWithScan'
> = {
  'agreement.template': ({ year }, rt) => getTemplate(rt.app(), year),
  'agreement.saveTemplate': ({ year, ...t }, rt) => saveTemplate(rt.app(), year, t),
  'agreement.generate': ({ year, levels }, rt) => generateAgreements(rt.app(), year, levels ?? AGREEMENT_LEVELS),
  'agreement.list': (f, rt) => ({ ...listAgreements(rt.app(), f), page: f.page, pageSize: f.pageSize }),
  'agreement.get': ({ id }, rt) => getAgreement(rt.app(), id),
  'agreement.progress': ({ year }, rt) => agreementProgress(rt.app(), year),
  'agreement.sign': ({ id, party, signaturePngBase64, signedOn }, rt) => signAgreement(rt.app(), id, party, signaturePngBase64, signedOn),
  'agreement.signWithScan': ({ id, scanAttachmentId, signedOn }, rt) => signAgreementWithScan(rt.app(), id, scanAttachmentId, signedOn),
};
