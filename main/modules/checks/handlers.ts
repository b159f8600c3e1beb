import type { HandlersFor } from '../../ipc/types.ts';
import { checkLibrary } from './library.ts';
import { createPlan, deletePlan, draftItems, getPlan, listPlans, setPlanStatus, updatePlan } from './plans.ts';
import { compliance, createRecord, getRecord, listRecords } from './records.ts';
import { calendarDefaults, hazardSettings, listCalendar, saveCalendar, updateHazardSettings } from './settings.ts';
import { generateTasks, getTask, listTasks, taskBoard } from './tasks.ts';

export const checkHandlers: HandlersFor<
  | 'hazardSettings.get'
  | 'hazardSettings.update'
  | 'workCalendar.list'
  | 'workCalendar.save'
  | 'workCalendar.defaults'
  | 'checkPlan.list'
  | 'checkPlan.get'
  | 'checkPlan.create'
  | 'checkPlan.update'
  | 'checkPlan.setStatus'
  | 'checkPlan.delete'
  | 'checkPlan.draftItems'
  | 'checkLibrary.get'
  | 'checkTask.board'
  | 'checkTask.list'
  | 'checkTask.get'
  | 'checkTask.generate'
  | 'checkRecord.create'
  | 'checkRecord.get'
  | 'checkRecord.list'
  | 'checkCompliance.get'
> = {
  'hazardSettings.get': (_i, rt) => hazardSettings(rt.app()),
  'hazardSettings.update': (v, rt) => updateHazardSettings(rt.app(), v),
  'workCalendar.list': ({ year }, rt) => listCalendar(rt.app(), year),
  'workCalendar.save': ({ year, days }, rt) => saveCalendar(rt.app(), year, days),
  'workCalendar.defaults': ({ year }, rt) => calendarDefaults(rt.app(), year),
  'checkPlan.list': (f, rt) => listPlans(rt.app(), f),
  'checkPlan.get': ({ id }, rt) => getPlan(rt.app(), id),
  'checkPlan.create': (v, rt) => createPlan(rt.app(), v),
  'checkPlan.update': ({ id, ...v }, rt) => updatePlan(rt.app(), id, v),
  'checkPlan.setStatus': ({ id, status }, rt) => setPlanStatus(rt.app(), id, status),
  'checkPlan.delete': ({ id }, rt) => {
    deletePlan(rt.app(), id);
    return { ok: true };
  },
  'checkPlan.draftItems': (scope, rt) => draftItems(rt.app(), scope),
  'checkLibrary.get': (_i, rt) => checkLibrary(rt.app()),
  'checkTask.board': ({ unitId }, rt) => taskBoard(rt.app(), unitId),
  'checkTask.list': ({ page, pageSize, ...f }, rt) => ({ ...listTasks(rt.app(), f, page, pageSize), page, pageSize }),
  'checkTask.get': ({ id }, rt) => getTask(rt.app(), id),
  'checkTask.generate': (_i, rt) => generateTasks(rt.app()),
  'checkRecord.create': (v, rt) => createRecord(rt.app(), v),
  'checkRecord.get': ({ id }, rt) => getRecord(rt.app(), id),
  'checkRecord.list': ({ page, pageSize, ...f }, rt) => ({ ...listRecords(rt.app(), f, page, pageSize), page, pageSize }),
  'checkCompliance.get': ({ year, unitId }, rt) => compliance(rt.app(), year, unitId),
};
