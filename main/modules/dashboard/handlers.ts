import type { HandlersFor } from '../../ipc/types.ts';
import { getDashboard } from './service.ts';

export const dashboardHandlers: HandlersFor<'dashboard.get'> = {
  'dashboard.get': (_input, rt) => getDashboard(rt.app()),
};
