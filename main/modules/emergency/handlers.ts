import type { HandlersFor } from '../../ipc/types.ts';
import { generateEmergencyCards, getEmergencyCard, listEmergencyCards, removeEmergencyCard, updateEmergencyCard } from './cards.ts';
import { archivePlan, attachFiles, createPlan, createTrigger, detachFile, fileVersion, getPlan, issueVersion, listPlans, saveDraft, updatePlan } from './plans.ts';
import { emergencySettingsView, updateEmergencySettings } from './settings.ts';
import { emergencyDashboard } from './dashboard.ts';

export const emergencyHandlers: HandlersFor<
  | 'emergency.dashboard'
  | 'emergencyPlan.list'
  | 'emergencyPlan.get'
  | 'emergencyPlan.create'
  | 'emergencyPlan.update'
  | 'emergencyPlan.archive'
  | 'planVersion.saveDraft'
  | 'planVersion.issue'
  | 'planVersion.file'
  | 'planVersion.attach'
  | 'planVersion.detach'
  | 'planTrigger.create'
  | 'emergencyCard.list'
  | 'emergencyCard.get'
  | 'emergencyCard.generate'
  | 'emergencyCard.update'
  | 'emergencyCard.remove'
  | 'emergencySettings.get'
  | 'emergencySettings.update'
> = {
  'emergency.dashboard': (_i, rt) => emergencyDashboard(rt.app()),
  'emergencyPlan.list': (f, rt) => listPlans(rt.app(), f),
  'emergencyPlan.get': ({ id }, rt) => getPlan(rt.app(), id),
  'emergencyPlan.create': (v, rt) => createPlan(rt.app(), v),
  'emergencyPlan.update': ({ id, ...v }, rt) => updatePlan(rt.app(), id, v),
  'emergencyPlan.archive': ({ id, reason }, rt) => archivePlan(rt.app(), id, reason),
  'planVersion.saveDraft': ({ planId, ...v }, rt) => saveDraft(rt.app(), planId, v),
  'planVersion.issue': ({ versionId, issuedOn }, rt) => issueVersion(rt.app(), versionId, issuedOn),
  'planVersion.file': (x, rt) => fileVersion(rt.app(), x),
  'planVersion.attach': ({ versionId, attachmentIds }, rt) => attachFiles(rt.app(), versionId, attachmentIds),
  'planVersion.detach': ({ versionId, attachmentId }, rt) => detachFile(rt.app(), versionId, attachmentId),
  'planTrigger.create': (x, rt) => createTrigger(rt.app(), x),
  'emergencyCard.list': (f, rt) => listEmergencyCards(rt.app(), f),
  'emergencyCard.get': ({ id }, rt) => getEmergencyCard(rt.app(), id),
  'emergencyCard.generate': ({ planId, postIds }, rt) => generateEmergencyCards(rt.app(), planId, postIds),
  'emergencyCard.update': ({ id, ...x }, rt) => updateEmergencyCard(rt.app(), id, x),
  'emergencyCard.remove': ({ id }, rt) => {
    removeEmergencyCard(rt.app(), id);
    return { ok: true as const };
  },
  'emergencySettings.get': (_i, rt) => emergencySettingsView(rt.app()),
  'emergencySettings.update': (x, rt) => updateEmergencySettings(rt.app(), x),
};
