import type { HandlersFor } from '../../ipc/types.ts';
import { trainingArchive, trainingCompliance } from './archive.ts';
import {
  attendanceCandidates,
  createSession,
  createTrainingPlanItem,
  getSession,
  listSessions,
  listTrainingPlan,
  recordAttendance,
  removeAttendance,
  removeSession,
  removeTrainingPlanItem,
  trainingSettingsView,
  updateSession,
  updateTrainingPlanItem,
  updateTrainingSettings,
} from './service.ts';

export const trainingHandlers: HandlersFor<
  | 'trainingPlan.list'
  | 'trainingPlan.create'
  | 'trainingPlan.update'
  | 'trainingPlan.remove'
  | 'trainingSession.list'
  | 'trainingSession.get'
  | 'trainingSession.create'
  | 'trainingSession.update'
  | 'trainingSession.remove'
  | 'trainingAttendance.candidates'
  | 'trainingAttendance.record'
  | 'trainingAttendance.remove'
  | 'training.archive'
  | 'training.compliance'
  | 'trainingSettings.get'
  | 'trainingSettings.update'
> = {
  'trainingPlan.list': ({ year }, rt) => listTrainingPlan(rt.app(), year),
  'trainingPlan.create': (v, rt) => createTrainingPlanItem(rt.app(), v),
  'trainingPlan.update': ({ id, ...v }, rt) => updateTrainingPlanItem(rt.app(), id, v),
  'trainingPlan.remove': ({ id }, rt) => {
    removeTrainingPlanItem(rt.app(), id);
    return { ok: true as const };
  },
  'trainingSession.list': ({ page, pageSize, ...f }, rt) => ({ ...listSessions(rt.app(), f, page, pageSize), page, pageSize }),
  'trainingSession.get': ({ id }, rt) => getSession(rt.app(), id),
  'trainingSession.create': (v, rt) => createSession(rt.app(), v),
  'trainingSession.update': ({ id, ...v }, rt) => updateSession(rt.app(), id, v),
  'trainingSession.remove': ({ id }, rt) => {
    removeSession(rt.app(), id);
    return { ok: true as const };
  },
  'trainingAttendance.candidates': ({ sessionId, search }, rt) => attendanceCandidates(rt.app(), sessionId, search),
  'trainingAttendance.record': ({ sessionId, entries }, rt) => recordAttendance(rt.app(), sessionId, entries),
  'trainingAttendance.remove': ({ sessionId, personId }, rt) => removeAttendance(rt.app(), sessionId, personId),
  'training.archive': ({ personId }, rt) => trainingArchive(rt.app(), personId),
  'training.compliance': ({ year, unitId, onlyGaps }, rt) => trainingCompliance(rt.app(), year, unitId, onlyGaps),
  'trainingSettings.get': (_i, rt) => trainingSettingsView(rt.app()),
  'trainingSettings.update': (x, rt) => updateTrainingSettings(rt.app(), x),
};
