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

/** What differs between Electron, the CLI and tests: dialogs and the system viewer. */
export interface Platform {
  /** Asks where to save; null when the user cancels. */
  chooseSavePath(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>;
  /** Asks for files to open; null when the user cancels. */
  chooseOpenPaths(options: { title: string; extensions: string[]; multiple: boolean }): Promise<string[] | null>;
  /** Opens a file in the system's default program (the PDF viewer, to print). */
  openPath(file: string): Promise<void>;
  /** Where files opened for printing are written. */
  tempDir: string;
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
  platform: Platform;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
}
