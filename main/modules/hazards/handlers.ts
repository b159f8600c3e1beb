import type { HandlersFor } from '../../ipc/types.ts';
import {
  approveTreatment,
  closeHazard,
  createHazard,
  extendDeadline,
  getHazard,
  listHazards,
  reinspect,
  reopenHazard,
  reportHazard,
  saveTreatment,
  startRectification,
  submitRectification,
  updateHazard,
} from './service.ts';
import { hazardDashboard, hazardStats } from './stats.ts';
import { notices } from './notices.ts';
import { saveLedgerXlsx } from './excel.ts';

export const hazardHandlers: HandlersFor<
  | 'hazard.list'
  | 'hazard.get'
  | 'hazard.create'
  | 'hazard.update'
  | 'hazard.start'
  | 'hazard.saveTreatment'
  | 'hazard.approveTreatment'
  | 'hazard.report'
  | 'hazard.extend'
  | 'hazard.submit'
  | 'hazard.reinspect'
  | 'hazard.close'
  | 'hazard.reopen'
  | 'hazard.stats'
  | 'hazard.dashboard'
  | 'hazard.exportLedger'
  | 'notice.list'
> = {
  'hazard.list': ({ page, pageSize, ...f }, rt) => ({ ...listHazards(rt.app(), f, page, pageSize), page, pageSize }),
  'hazard.get': ({ id }, rt) => getHazard(rt.app(), id),
  'hazard.create': (v, rt) => createHazard(rt.app(), v),
  'hazard.update': ({ id, ...v }, rt) => updateHazard(rt.app(), id, v),
  'hazard.start': ({ id }, rt) => startRectification(rt.app(), id),
  'hazard.saveTreatment': ({ id, treatment }, rt) => saveTreatment(rt.app(), id, treatment),
  'hazard.approveTreatment': ({ id, approvedById, approvedOn }, rt) => approveTreatment(rt.app(), id, approvedById, approvedOn),
  'hazard.report': ({ id, reportedOn, reportedTo }, rt) => reportHazard(rt.app(), id, reportedOn, reportedTo),
  'hazard.extend': ({ id, ...x }, rt) => extendDeadline(rt.app(), id, x),
  'hazard.submit': ({ id, ...x }, rt) => submitRectification(rt.app(), id, x),
  'hazard.reinspect': ({ id, ...x }, rt) => reinspect(rt.app(), id, x),
  'hazard.close': ({ id, closedOn }, rt) => closeHazard(rt.app(), id, closedOn),
  'hazard.reopen': ({ id, reason }, rt) => reopenHazard(rt.app(), id, reason),
  'hazard.stats': ({ year, quarter, unitId }, rt) => hazardStats(rt.app(), year, quarter ?? null, unitId),
  'hazard.dashboard': (_i, rt) => hazardDashboard(rt.app()),
  'hazard.exportLedger': (f, rt) => saveLedgerXlsx(rt, f),
  'notice.list': (_i, rt) => notices(rt.app()),
};
