import type { HandlersFor } from '../../ipc/types.ts';
import {
  createCertificate,
  createCertType,
  deleteCertificate,
  deleteCertType,
  getCertificate,
  listCertificates,
  listCertTypes,
  recordCertReview,
  revokeCertificate,
  updateCertificate,
  updateCertType,
} from './service.ts';

export const certificatesHandlers: HandlersFor<
  | 'certType.list'
  | 'certType.create'
  | 'certType.update'
  | 'certType.delete'
  | 'certificate.list'
  | 'certificate.get'
  | 'certificate.create'
  | 'certificate.update'
  | 'certificate.delete'
  | 'certificate.recordReview'
  | 'certificate.revoke'
> = {
  'certType.list': (_input, rt) => listCertTypes(rt.app().db),
  'certType.create': (input, rt) => createCertType(rt.app(), input),
  'certType.update': ({ id, ...values }, rt) => updateCertType(rt.app(), id, values),
  'certType.delete': ({ id }, rt) => {
    deleteCertType(rt.app(), id);
    return { ok: true };
  },
  'certificate.list': (input, rt) => ({ ...listCertificates(rt.app(), input), page: input.page, pageSize: input.pageSize }),
  'certificate.get': ({ id }, rt) => getCertificate(rt.app(), id),
  'certificate.create': (input, rt) => createCertificate(rt.app(), input),
  'certificate.update': ({ id, ...values }, rt) => updateCertificate(rt.app(), id, values),
  'certificate.delete': ({ id }, rt) => {
    deleteCertificate(rt.app(), id);
    return { ok: true };
  },
  'certificate.recordReview': ({ id, reviewDate, result, notes }, rt) => recordCertReview(rt.app(), id, reviewDate, result, notes),
  'certificate.revoke': ({ id, reason }, rt) => revokeCertificate(rt.app(), id, reason),
};
