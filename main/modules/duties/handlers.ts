import type { HandlersFor } from '../../ipc/types.ts';
import { fail } from '../../errors.ts';
import { coverage } from './coverage.ts';
import { acknowledge, acknowledgeBatch, approveList, createDraft, deleteDraft, getList, holdersOf, listInForce, listVersions, postStatuses, saveDraft } from './service.ts';
import { allTemplates, getTemplate, importTemplates, saveTemplate, templateInfo } from './templates.ts';

export const dutiesHandlers: HandlersFor<
  | 'duty.posts'
  | 'duty.versions'
  | 'duty.get'
  | 'duty.inForce'
  | 'duty.createDraft'
  | 'duty.saveDraft'
  | 'duty.deleteDraft'
  | 'duty.approve'
  | 'duty.holders'
  | 'duty.acknowledge'
  | 'duty.acknowledgeBatch'
  | 'duty.coverage'
  | 'dutyTemplate.list'
  | 'dutyTemplate.get'
  | 'dutyTemplate.import'
  | 'dutyTemplate.saveFromList'
> = {
  'duty.posts': ({ unitId, search }, rt) => postStatuses(rt.app(), unitId, search),
  'duty.versions': ({ postId }, rt) => listVersions(rt.app(), postId),
  'duty.get': ({ id }, rt) => getList(rt.app(), id),
  'duty.inForce': ({ postId, date }, rt) => {
    const v = listInForce(rt.app(), postId, date);
    return v ? getList(rt.app(), v.id) : null;
  },
  'duty.createDraft': ({ postId, templateKey, copyCurrent, reason }, rt) => createDraft(rt.app(), postId, { templateKey, copyCurrent, reason }),
  'duty.saveDraft': ({ id, reason, items }, rt) => saveDraft(rt.app(), id, reason, items),
  'duty.deleteDraft': ({ id }, rt) => {
    deleteDraft(rt.app(), id);
    return { ok: true };
  },
  'duty.approve': ({ id, approverPersonId, effectiveFrom }, rt) => approveList(rt.app(), id, approverPersonId, effectiveFrom),
  'duty.holders': ({ postId }, rt) => holdersOf(rt.app(), postId),
  'duty.acknowledge': (input, rt) => {
    const app = rt.app();
    const n = acknowledge(app, input);
    if (n === 0) fail.rule('该人员已签字确认过本岗位现行的版本，无需重复确认');
    return holdersOf(app, input.postId);
  },
  'duty.acknowledgeBatch': ({ entries, targets, signedOn, sheetAttachmentId }, rt) => acknowledgeBatch(rt.app(), entries, targets, signedOn, sheetAttachmentId),
  'duty.coverage': ({ unitId }, rt) => coverage(rt.app(), unitId),
  'dutyTemplate.list': (_i, rt) => allTemplates(rt.app()).map(templateInfo),
  'dutyTemplate.get': ({ key }, rt) => {
    const t = getTemplate(rt.app(), key);
    return { template: templateInfo(t), items: t.items };
  },
  'dutyTemplate.import': ({ json }, rt) => ({ imported: importTemplates(rt.app(), json) }),
  'dutyTemplate.saveFromList': ({ listId, name }, rt) => {
    const app = rt.app();
    const list = getList(app, listId);
    return saveTemplate(app, name, list.items.map(({ id: _id, itemNo: _n, ...rest }) => rest), [list.postName]);
  },
};
