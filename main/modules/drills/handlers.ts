import type { HandlersFor } from '../../ipc/types.ts';
import {
  approveYearPlan,
  cancelItem,
  createDrill,
  createItem,
  drillCalendar,
  drillCompliance,
  evaluateDrill,
  evaluationPoints,
  getDrill,
  getYearPlan,
  listDrills,
  problemToHazard,
  problemToRevision,
  removeDrill,
  removeItem,
  reportDrill,
  summariseDrill,
  updateDrill,
  updateItem,
} from './service.ts';

export const drillHandlers: HandlersFor<
  | 'drillPlan.get'
  | 'drillPlan.createItem'
  | 'drillPlan.updateItem'
  | 'drillPlan.cancelItem'
  | 'drillPlan.removeItem'
  | 'drillPlan.approve'
  | 'drill.compliance'
  | 'drill.calendar'
  | 'drill.list'
  | 'drill.get'
  | 'drill.create'
  | 'drill.update'
  | 'drill.remove'
  | 'drill.report'
  | 'drill.evaluationPoints'
  | 'drill.evaluate'
  | 'drill.summarise'
  | 'drill.problemToHazard'
  | 'drill.problemToRevision'
> = {
  'drillPlan.get': ({ year }, rt) => getYearPlan(rt.app(), year),
  'drillPlan.createItem': (v, rt) => createItem(rt.app(), v),
  'drillPlan.updateItem': ({ id, ...v }, rt) => updateItem(rt.app(), id, v),
  'drillPlan.cancelItem': ({ id, reason }, rt) => cancelItem(rt.app(), id, reason),
  'drillPlan.removeItem': ({ id }, rt) => removeItem(rt.app(), id),
  'drillPlan.approve': (x, rt) => approveYearPlan(rt.app(), x),
  'drill.compliance': ({ year }, rt) => drillCompliance(rt.app(), year),
  'drill.calendar': ({ year }, rt) => drillCalendar(rt.app(), year),
  'drill.list': (f, rt) => listDrills(rt.app(), f),
  'drill.get': ({ id }, rt) => getDrill(rt.app(), id),
  'drill.create': (v, rt) => createDrill(rt.app(), v),
  'drill.update': ({ id, ...v }, rt) => updateDrill(rt.app(), id, v),
  'drill.remove': ({ id }, rt) => {
    removeDrill(rt.app(), id);
    return { ok: true as const };
  },
  'drill.report': ({ id, reportedOn, reportedTo }, rt) => reportDrill(rt.app(), id, reportedOn, reportedTo),
  'drill.evaluationPoints': (_i, rt) => evaluationPoints(rt.app()),
  'drill.evaluate': ({ drillId, ...v }, rt) => evaluateDrill(rt.app(), drillId, v),
  'drill.summarise': ({ drillId, ...v }, rt) => summariseDrill(rt.app(), drillId, v),
  'drill.problemToHazard': (x, rt) => problemToHazard(rt.app(), x),
  'drill.problemToRevision': (x, rt) => problemToRevision(rt.app(), x),
};
