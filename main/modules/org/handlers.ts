import type { HandlersFor } from '../../ipc/types.ts';
import { listUnits } from './repo.ts';
import { createUnit, deleteUnit, updateUnit } from './service.ts';

export const orgHandlers: HandlersFor<'unit.list' | 'unit.create' | 'unit.update' | 'unit.delete'> = {
  'unit.list': (_input, rt) => listUnits(rt.app().db),
  'unit.create': (input, rt) => createUnit(rt.app(), input),
  'unit.update': ({ id, ...values }, rt) => updateUnit(rt.app(), id, values),
  'unit.delete': ({ id }, rt) => {
    deleteUnit(rt.app(), id);
    return { ok: true };
  },
};
