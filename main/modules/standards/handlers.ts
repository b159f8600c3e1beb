import type { HandlersFor } from '../../ipc/types.ts';
import { writeFileSync } from 'node:fs';
import { getStandard, gradeProfiles, importStandard, listStandards, removeStandard, templateWorkbook, validateImport } from './library.ts';
import {
  compareSessions,
  completeTodo,
  createSession,
  deductionToHazard,
  deductionToTodo,
  evidenceOptions,
  finishSession,
  getSession,
  listSessions,
  reopenSession,
  scoreItem,
  updateSession,
} from './sessions.ts';

export const standardHandlers: HandlersFor<
  | 'standard.list'
  | 'standard.get'
  | 'standard.gradeProfiles'
  | 'standard.validateImport'
  | 'standard.import'
  | 'standard.saveTemplate'
  | 'standard.remove'
  | 'stdSession.list'
  | 'stdSession.get'
  | 'stdSession.create'
  | 'stdSession.update'
  | 'stdSession.scoreItem'
  | 'stdSession.evidenceOptions'
  | 'stdSession.finish'
  | 'stdSession.reopen'
  | 'stdDeduction.toHazard'
  | 'stdDeduction.toTodo'
  | 'stdDeduction.completeTodo'
  | 'stdSession.compare'
> = {
  'standard.list': (_i, rt) => listStandards(rt.app()),
  'standard.get': ({ id }, rt) => getStandard(rt.app(), id),
  'standard.gradeProfiles': (_i, rt) => gradeProfiles(rt.app()),
  'standard.validateImport': ({ fileName, dataBase64 }, rt) => validateImport(rt.app(), fileName, dataBase64),
  'standard.import': ({ fileName, dataBase64 }, rt) => importStandard(rt.app(), fileName, dataBase64),
  'standard.saveTemplate': async (_i, rt) => {
    const app = rt.app();
    const path = await app.platform.chooseSavePath({ title: '保存评分标准导入模板', defaultName: '评分标准导入模板.xlsx', extensions: ['xlsx'] });
    if (!path) return { cancelled: true as const };
    writeFileSync(path, await templateWorkbook(app));
    return { cancelled: false as const, path };
  },
  'standard.remove': ({ id }, rt) => {
    removeStandard(rt.app(), id);
    return { ok: true as const };
  },
  'stdSession.list': (_i, rt) => listSessions(rt.app()),
  'stdSession.get': ({ id }, rt) => getSession(rt.app(), id),
  'stdSession.create': (v, rt) => createSession(rt.app(), v),
  'stdSession.update': ({ id, ...v }, rt) => updateSession(rt.app(), id, v),
  'stdSession.scoreItem': ({ sessionId, ...v }, rt) => scoreItem(rt.app(), sessionId, v),
  'stdSession.evidenceOptions': ({ kind, search, year }, rt) => evidenceOptions(rt.app(), kind, search, year),
  'stdSession.finish': ({ id, finishedOn }, rt) => finishSession(rt.app(), id, finishedOn),
  'stdSession.reopen': ({ id, reason }, rt) => reopenSession(rt.app(), id, reason),
  'stdDeduction.toHazard': (x, rt) => deductionToHazard(rt.app(), x),
  'stdDeduction.toTodo': (x, rt) => deductionToTodo(rt.app(), x),
  'stdDeduction.completeTodo': (x, rt) => completeTodo(rt.app(), x),
  'stdSession.compare': (_i, rt) => compareSessions(rt.app()),
};
