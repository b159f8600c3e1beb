import type { HandlersFor } from '../../ipc/types.ts';
import { boardMembers, setBoardMembers } from './service.ts';

export const boardHandlers: HandlersFor<'board.members' | 'board.setMembers'> = {
  'board.members': (_input, rt) => boardMembers(rt.app()),
  'board.setMembers': ({ members }, rt) => setBoardMembers(rt.app(), members),
};
