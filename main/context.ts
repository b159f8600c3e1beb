import type Database from 'better-sqlite3';
import type { AuditChannel } from '../preload/contract/enums.ts';
import type { EventMap, EventName } from '../preload/contract/index.ts';

export interface Clock {
  /** Current instant, epoch ms. */
  nowMs(): number;
}

export interface DataPaths {
  dataDir: string;
  dbFile: string;
  attachmentsDir: string;
  backupsDir: string;
}

export interface Session {
  operatorId: string | null;
  channel: AuditChannel;
}

/**
 * Everything a service needs, passed in explicitly: the open database, the
 * clock and id generator (so tests control them), where files live, who is
 * operating, and how to tell the UI something changed.
 */
export interface AppContext {
  db: Database.Database;
  paths: DataPaths;
  resourcesDir: string;
  clock: Clock;
  newId: () => string;
  session: Session;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
}
