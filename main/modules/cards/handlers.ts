import type { HandlersFor } from '../../ipc/types.ts';
import { riskFromRegister, approveCards, cardChecks, cardLibrary, cardPosts, cardVersions, createCardDraft, deleteCardDraft, dutiesFromList, getCardSet, recordCardCheck, saveCardDraft } from './service.ts';

export const cardsHandlers: HandlersFor<
  'card.posts' | 'card.versions' | 'card.get' | 'card.library' | 'card.createDraft' | 'card.saveDraft' | 'card.dutiesFromList' | 'card.riskFromRegister' | 'card.deleteDraft' | 'card.approve' | 'card.checks' | 'card.recordCheck'
> = {
  'card.posts': ({ unitId }, rt) => cardPosts(rt.app(), unitId),
  'card.versions': ({ postId }, rt) => cardVersions(rt.app(), postId),
  'card.get': ({ id }, rt) => getCardSet(rt.app(), id),
  'card.library': (_i, rt) => cardLibrary(rt.app()).map((c) => ({ key: c.key, name: c.name, match: c.match })),
  'card.createDraft': ({ postId, libraryKey, copyCurrent, reason }, rt) => createCardDraft(rt.app(), postId, { libraryKey, copyCurrent, reason }),
  'card.saveDraft': ({ id, content, compiledBy, reviewedBy, changeReason }, rt) => saveCardDraft(rt.app(), id, content, compiledBy, reviewedBy, changeReason),
  'card.dutiesFromList': ({ id }, rt) => dutiesFromList(rt.app(), id),
  'card.riskFromRegister': ({ id, fromRegister }, rt) => riskFromRegister(rt.app(), id, fromRegister),
  'card.deleteDraft': ({ id }, rt) => {
    deleteCardDraft(rt.app(), id);
    return { ok: true };
  },
  'card.approve': ({ id, ...a }, rt) => approveCards(rt.app(), id, a),
  'card.checks': ({ postId }, rt) => cardChecks(rt.app(), postId),
  'card.recordCheck': (input, rt) => recordCardCheck(rt.app(), input),
};
