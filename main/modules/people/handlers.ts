import type { HandlersFor } from '../../ipc/types.ts';
import {
  createPerson,
  deletePerson,
  getPerson,
  leavePerson,
  listPeople,
  personOptions,
  rejoinPerson,
  revealIdNumber,
  setPersonPosts,
  updatePerson,
} from './service.ts';

export const peopleHandlers: HandlersFor<
  | 'person.list'
  | 'person.get'
  | 'person.options'
  | 'person.create'
  | 'person.update'
  | 'person.setPosts'
  | 'person.leave'
  | 'person.rejoin'
  | 'person.delete'
  | 'person.revealIdNumber'
> = {
  'person.list': (input, rt) => ({ ...listPeople(rt.app(), input), page: input.page, pageSize: input.pageSize }),
  'person.get': ({ id }, rt) => getPerson(rt.app(), id),
  'person.options': (input, rt) => personOptions(rt.app(), input.search, input.ids),
  'person.create': ({ postIds, ...values }, rt) => createPerson(rt.app(), values, postIds),
  'person.update': ({ id, ...values }, rt) => updatePerson(rt.app(), id, values),
  'person.setPosts': ({ id, postIds, effectiveDate }, rt) => setPersonPosts(rt.app(), id, postIds, effectiveDate),
  'person.leave': ({ id, date, reason }, rt) => leavePerson(rt.app(), id, date, reason),
  'person.rejoin': ({ id, date, reason }, rt) => rejoinPerson(rt.app(), id, date, reason),
  'person.delete': ({ id }, rt) => {
    deletePerson(rt.app(), id);
    return { ok: true };
  },
  'person.revealIdNumber': ({ id }, rt) => revealIdNumber(rt.app(), id),
};
