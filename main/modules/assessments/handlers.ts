import type { HandlersFor } from '../../ipc/types.ts';
import { assessmentRows, closePeriod, createPeriod, getSheet, listPeriods, results, saveSheet } from './service.ts';

export const assessmentsHandlers: HandlersFor<
  'assessment.periods' | 'assessment.createPeriod' | 'assessment.closePeriod' | 'assessment.people' | 'assessment.sheet' | 'assessment.saveSheet' | 'assessment.results'
> = {
  'assessment.periods': (_i, rt) => listPeriods(rt.app()),
  'assessment.createPeriod': ({ kind, year, seq }, rt) => createPeriod(rt.app(), kind, year, seq),
  'assessment.closePeriod': ({ id }, rt) => closePeriod(rt.app(), id),
  'assessment.people': ({ periodId, unitId, search }, rt) => assessmentRows(rt.app(), periodId, unitId, search),
  'assessment.sheet': ({ periodId, personId, postId }, rt) => getSheet(rt.app(), periodId, personId, postId),
  'assessment.saveSheet': (input, rt) => saveSheet(rt.app(), input),
  'assessment.results': ({ periodId }, rt) => results(rt.app(), periodId),
};
