import type { HandlersFor } from '../../ipc/types.ts';
import { importFromLibrary, libraryFor } from './library.ts';
import { createPlan, deletePlan, getPlan, listPlans, saveAreas, updatePlan } from './map.ts';
import { createProfile, listProfiles, setDefaultProfile, updateProfile } from './profiles.ts';
import { approveRisk, archiveRisk, assessRisk, createRisk, deleteRisk, getRisk, listRisks, risksForPost, updateRisk } from './service.ts';
import { riskStats } from './stats.ts';

export const riskHandlers: HandlersFor<
  | 'riskProfile.list'
  | 'riskProfile.update'
  | 'riskProfile.create'
  | 'riskProfile.setDefault'
  | 'risk.list'
  | 'risk.get'
  | 'risk.create'
  | 'risk.update'
  | 'risk.assess'
  | 'risk.approve'
  | 'risk.archive'
  | 'risk.restore'
  | 'risk.delete'
  | 'risk.library'
  | 'risk.importLibrary'
  | 'risk.stats'
  | 'risk.forPost'
  | 'riskMap.plans'
  | 'riskMap.get'
  | 'riskMap.createPlan'
  | 'riskMap.updatePlan'
  | 'riskMap.saveAreas'
  | 'riskMap.deletePlan'
> = {
  'riskProfile.list': (_i, rt) => listProfiles(rt.app()),
  'riskProfile.update': ({ id, name, config }, rt) => updateProfile(rt.app(), id, name, config),
  'riskProfile.create': ({ name, method, config }, rt) => createProfile(rt.app(), name, method, config),
  'riskProfile.setDefault': ({ id }, rt) => setDefaultProfile(rt.app(), id),
  'risk.list': ({ page, pageSize, ...f }, rt) => ({ ...listRisks(rt.app(), f, page, pageSize), page, pageSize }),
  'risk.get': ({ id }, rt) => getRisk(rt.app(), id),
  'risk.create': (v, rt) => createRisk(rt.app(), v),
  'risk.update': ({ id, ...v }, rt) => updateRisk(rt.app(), id, v),
  'risk.assess': (a, rt) => assessRisk(rt.app(), a),
  'risk.approve': ({ id, approvedBy, approvedOn }, rt) => approveRisk(rt.app(), id, approvedBy, approvedOn),
  'risk.archive': ({ id }, rt) => archiveRisk(rt.app(), id, true),
  'risk.restore': ({ id }, rt) => archiveRisk(rt.app(), id, false),
  'risk.delete': ({ id }, rt) => {
    deleteRisk(rt.app(), id);
    return { ok: true };
  },
  'risk.library': (_i, rt) => libraryFor(rt.app()),
  'risk.importLibrary': ({ keys, unitId, assessorName, linkPosts }, rt) => importFromLibrary(rt.app(), keys, unitId, assessorName, linkPosts),
  'risk.stats': ({ unitId }, rt) => riskStats(rt.app(), unitId),
  'risk.forPost': ({ postId }, rt) => risksForPost(rt.app(), postId),
  'riskMap.plans': (_i, rt) => listPlans(rt.app()),
  'riskMap.get': ({ id }, rt) => getPlan(rt.app(), id),
  'riskMap.createPlan': ({ attachmentId, ...meta }, rt) => createPlan(rt.app(), attachmentId, meta),
  'riskMap.updatePlan': ({ id, ...meta }, rt) => updatePlan(rt.app(), id, meta),
  'riskMap.saveAreas': ({ planId, areas }, rt) => saveAreas(rt.app(), planId, areas),
  'riskMap.deletePlan': ({ id }, rt) => {
    deletePlan(rt.app(), id);
    return { ok: true };
  },
};
