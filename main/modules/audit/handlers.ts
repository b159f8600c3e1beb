import type { HandlersFor } from '../../ipc/types.ts';
import { auditEntityTypes, listAudit } from './repo.ts';
import { dayStartMs } from './time.ts';

export const auditHandlers: HandlersFor<'audit.list' | 'audit.entityTypes'> = {
  'audit.list': (input, rt) => {
    const app = rt.app();
    const result = listAudit(app.db, {
      ...input,
      fromMs: input.from ? dayStartMs(app, input.from) : null,
      toMs: input.to ? dayStartMs(app, input.to, 1) : null,
    });
    return { ...result, page: input.page, pageSize: input.pageSize };
  },
  'audit.entityTypes': (_input, rt) => auditEntityTypes(rt.app().db),
};
