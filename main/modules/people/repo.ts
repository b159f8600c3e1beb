import type Database from 'better-sqlite3';
import type { EmploymentType, Gender, PersonStatus } from '../../../preload/contract/enums.ts';
import type { PersonRow } from '../../../preload/contract/people.ts';
import { maskIdNumber } from '../../../preload/contract/validators.ts';
import { likePattern, Where } from '../../db/sql.ts';

export interface PersonRecord {
  id: string;
  name: string;
  staffNo: string;
  unitId: string;
  unitName: string;
  employmentType: EmploymentType;
  employerName: string | null;
  gender: Gender | null;
  jobTitle: string | null;
  phone: string | null;
  hireDate: string | null;
  status: PersonStatus;
  leftDate: string | null;
  idNumber: string | null;
  notes: string | null;
  photoAttachmentId: string | null;
  postNamesJson: string;
  certificateCount: number;
  createdAtMs: number;
  updatedAtMs: number;
}

const SELECT_PEOPLE = `
  SELECT p.id, p.name, p.staffNo, p.unitId, u.name AS unitName, p.employmentType, p.employerName, p.gender, p.jobTitle, p.phone,
    p.hireDate, p.status, p.leftDate, p.idNumber, p.notes, p.photoAttachmentId, p.createdAtMs, p.updatedAtMs,
    (SELECT json_group_array(t.name) FROM person_post pp JOIN post t ON t.id = pp.postId
       WHERE pp.personId = p.id AND pp.endDate IS NULL) AS postNamesJson,
    (SELECT count(*) FROM certificate c WHERE c.personId = p.id) AS certificateCount
  FROM person p JOIN unit u ON u.id = p.unitId`;

export function toPersonRow(r: PersonRecord, unitPaths: Map<string, string>): PersonRow {
  return {
    id: r.id,
    name: r.name,
    staffNo: r.staffNo,
    unitId: r.unitId,
    unitName: r.unitName,
    unitPath: unitPaths.get(r.unitId) ?? r.unitName,
    employmentType: r.employmentType,
    employerName: r.employerName,
    gender: r.gender,
    jobTitle: r.jobTitle,
    phone: r.phone,
    hireDate: r.hireDate,
    status: r.status,
    leftDate: r.leftDate,
    idNumberMasked: maskIdNumber(r.idNumber),
    postNames: JSON.parse(r.postNamesJson) as string[],
    certificateCount: r.certificateCount,
  };
}

export interface PersonFilter {
  search: string | null;
  unitId: string | null;
  includeSubunits: boolean;
  employmentType?: EmploymentType | undefined;
  status?: PersonStatus | undefined;
  postId: string | null;
  withoutPost: boolean;
  sort: 'staffNo' | 'name' | 'hireDate' | 'unit';
  page: number;
  pageSize: number;
}

const ORDER_BY: Record<PersonFilter['sort'], string> = {
  staffNo: 'p.staffNo',
  name: 'p.name, p.staffNo',
  hireDate: 'p.hireDate DESC, p.staffNo',
  unit: 'u.sortOrder, u.name, p.staffNo',
};

export function queryPeople(db: Database.Database, f: PersonFilter): { rows: PersonRecord[]; total: number } {
  const w = new Where();
  let cte = '';
  if (f.search) {
    w.add(`(p.name LIKE @q ESCAPE '\\' OR p.staffNo LIKE @q ESCAPE '\\' OR ifnull(p.phone, '') LIKE @q ESCAPE '\\')`, { q: likePattern(f.search) });
  }
  if (f.unitId) {
    if (f.includeSubunits) {
      cte = `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)`;
      w.add('p.unitId IN (SELECT id FROM sub)', { unitId: f.unitId });
    } else {
      w.add('p.unitId = @unitId', { unitId: f.unitId });
    }
  }
  if (f.employmentType) w.add('p.employmentType = @employmentType', { employmentType: f.employmentType });
  if (f.status) w.add('p.status = @status', { status: f.status });
  if (f.postId) w.add('EXISTS (SELECT 1 FROM person_post pp WHERE pp.personId = p.id AND pp.postId = @postId AND pp.endDate IS NULL)', { postId: f.postId });
  if (f.withoutPost) w.add('NOT EXISTS (SELECT 1 FROM person_post pp WHERE pp.personId = p.id AND pp.endDate IS NULL)');
  const total = (db.prepare(`${cte} SELECT count(*) AS n FROM person p ${w.sql}`).get(w.params) as { n: number }).n;
  const rows = db
    .prepare(`${cte} ${SELECT_PEOPLE} ${w.sql} ORDER BY ${ORDER_BY[f.sort]} LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as PersonRecord[];
  return { rows, total };
}

export function findPerson(db: Database.Database, id: string): PersonRecord | null {
  return (db.prepare(`${SELECT_PEOPLE} WHERE p.id = ?`).get(id) as PersonRecord | undefined) ?? null;
}

export interface PersonValues {
  name: string;
  staffNo: string;
  unitId: string;
  employmentType: EmploymentType;
  employerName: string | null;
  gender: Gender | null;
  jobTitle: string | null;
  phone: string | null;
  hireDate: string | null;
  idNumber: string | null;
  notes: string | null;
}

export function insertPerson(db: Database.Database, id: string, v: PersonValues, nowMs: number): void {
  db.prepare(
    `INSERT INTO person (id, name, staffNo, unitId, employmentType, employerName, gender, jobTitle, phone, hireDate, status, idNumber, notes, createdAtMs, updatedAtMs)
     VALUES (@id, @name, @staffNo, @unitId, @employmentType, @employerName, @gender, @jobTitle, @phone, @hireDate, 'ACTIVE', @idNumber, @notes, @nowMs, @nowMs)`,
  ).run({ id, ...v, nowMs });
}

export function updatePersonRow(db: Database.Database, id: string, v: PersonValues, nowMs: number): void {
  db.prepare(
    `UPDATE person SET name = @name, staffNo = @staffNo, unitId = @unitId, employmentType = @employmentType, employerName = @employerName,
       gender = @gender, jobTitle = @jobTitle, phone = @phone, hireDate = @hireDate, idNumber = @idNumber, notes = @notes, updatedAtMs = @nowMs
     WHERE id = @id`,
  ).run({ id, ...v, nowMs });
}

export function insertAssignment(db: Database.Database, id: string, personId: string, postId: string, startDate: string): void {
  db.prepare('INSERT INTO person_post (id, personId, postId, startDate) VALUES (?, ?, ?, ?)').run(id, personId, postId, startDate);
}

export function insertStatusEvent(db: Database.Database, e: { id: string; personId: string; status: PersonStatus; date: string; reason: string | null; nowMs: number }): void {
  db.prepare('INSERT INTO person_status_event (id, personId, status, date, reason, createdAtMs) VALUES (@id, @personId, @status, @date, @reason, @nowMs)').run(e);
}
