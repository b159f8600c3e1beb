import type Database from 'better-sqlite3';
import type { UnitKind } from '../../../preload/contract/enums.ts';
import type { Unit } from '../../../preload/contract/org.ts';
import { preorder } from '../../domain/org.ts';

export interface UnitRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  headPersonId: string | null;
  headName: string | null;
  headPhone: string | null;
  phone: string | null;
  sortOrder: number;
  notes: string | null;
  peopleCount: number;
  postCount: number;
}

export function unitRows(db: Database.Database): UnitRow[] {
  return db
    .prepare(
      `SELECT u.id, u.parentId, u.name, u.kind, u.headPersonId, h.name AS headName, h.phone AS headPhone, u.phone, u.sortOrder, u.notes,
         (SELECT count(*) FROM person p WHERE p.unitId = u.id AND p.status = 'ACTIVE') AS peopleCount,
         (SELECT count(*) FROM post t WHERE t.unitId = u.id AND t.archivedAtMs IS NULL) AS postCount
       FROM unit u LEFT JOIN person h ON h.id = u.headPersonId`,
    )
    .all() as UnitRow[];
}

/** All units in tree order with their paths. */
export function listUnits(db: Database.Database): Unit[] {
  return preorder(unitRows(db));
}

export interface UnitValues {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  headPersonId: string | null;
  phone: string | null;
  sortOrder: number;
  notes: string | null;
}

export function insertUnit(db: Database.Database, id: string, v: UnitValues, nowMs: number): void {
  db.prepare(
    `INSERT INTO unit (id, parentId, name, kind, headPersonId, phone, sortOrder, notes, createdAtMs, updatedAtMs)
     VALUES (@id, @parentId, @name, @kind, @headPersonId, @phone, @sortOrder, @notes, @nowMs, @nowMs)`,
  ).run({ id, ...v, nowMs });
}

export function updateUnitRow(db: Database.Database, id: string, v: UnitValues, nowMs: number): void {
  db.prepare(
    `UPDATE unit SET parentId = @parentId, name = @name, kind = @kind, headPersonId = @headPersonId, phone = @phone,
       sortOrder = @sortOrder, notes = @notes, updatedAtMs = @nowMs WHERE id = @id`,
  ).run({ id, ...v, nowMs });
}

export function unitKind(db: Database.Database, id: string): UnitKind | null {
  const r = db.prepare('SELECT kind FROM unit WHERE id = ?').get(id) as { kind: UnitKind } | undefined;
  return r?.kind ?? null;
}

/** Path of every unit ("公司 / 车间 / 班组"), without the counts `listUnits` computes. */
export function unitPaths(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT id, parentId, name, sortOrder FROM unit').all() as {
    id: string;
    parentId: string | null;
    name: string;
    sortOrder: number;
  }[];
  return new Map(preorder(rows).map((u) => [u.id, u.path]));
}
