import type { HandlersFor } from '../../ipc/types.ts';
import { getEnterprise, updateEnterprise } from './service.ts';

export const enterpriseHandlers: HandlersFor<'enterprise.get' | 'enterprise.update'> = {
  'enterprise.get': (_input, rt) => getEnterprise(rt.app()),
  'enterprise.update': (input, rt) => updateEnterprise(rt.app(), input),
};
