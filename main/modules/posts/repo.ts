import type Database from 'better-sqlite3';
import type { PostCategory } from '../../../preload/contract/enums.ts';
import type { Post } from '../../../preload/contract/posts.ts';
import { likePattern, Where } from '../../db/sql.ts';
import { POST_NEEDS_CERT_SQL, validCertForPostSql } from '../certificates/validity.ts';

interface PostRow {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  trade: string | null;
  category: PostCategory;
  isSpecialOperation: number;
  requiredCertTypeId: string | null;
  requiredCertTypeName: string | null;
  requiredCertCategory: string | null;
  notes: string | null;
  archivedAtMs: number | null;
  holderCount: number;
  uncertifiedCount: number;
  createdAtMs: number;
  updatedAtMs: number;
}

export interface PostFilter {
  search: string | null;
  unitId: string | null;
  includeSubunits: boolean;
  category?: PostCategory | undefined;
  specialOnly: boolean;
  withoutHolders: boolean;
  includeArchived: boolean;
  ids?: string[];
  page: number;
  pageSize: number;
}

const SELECT_POSTS = `
  SELECT t.id, t.name, t.unitId, u.name AS unitName, t.trade, t.category, t.isSpecialOperation, t.requiredCertTypeId,
    ct.name AS requiredCertTypeName, t.requiredCertCategory, t.notes, t.archivedAtMs, t.createdAtMs, t.updatedAtMs,
    (SELECT count(*) FROM person_post pp JOIN person p ON p.id = pp.personId
       WHERE pp.postId = t.id AND pp.endDate IS NULL AND p.status = 'ACTIVE') AS holderCount,
    CASE WHEN ${POST_NEEDS_CERT_SQL} THEN
      (SELECT count(*) FROM person_post pp JOIN person p ON p.id = pp.personId
         WHERE pp.postId = t.id AND pp.endDate IS NULL AND p.status = 'ACTIVE' AND NOT ${validCertForPostSql('pp.personId')})
    ELSE 0 END AS uncertifiedCount
  FROM post t
  JOIN unit u ON u.id = t.unitId
  LEFT JOIN cert_type ct ON ct.id = t.requiredCertTypeId`;

export function queryPosts(
  db: Database.Database,
  f: PostFilter,
  ctx: { today: string; specialOpTypeId: string; unitPaths: Map<string, string> },
): { items: Post[]; total: number } {
  const w = new Where();
  let cte = '';
  if (!f.includeArchived) w.add('t.archivedAtMs IS NULL');
  if (f.search) w.add(`(t.name LIKE @q ESCAPE '\\' OR ifnull(t.trade, '') LIKE @q ESCAPE '\\')`, { q: likePattern(f.search) });
  if (f.unitId) {
    if (f.includeSubunits) {
      cte = `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)`;
      w.add('t.unitId IN (SELECT id FROM sub)', { unitId: f.unitId });
    } else {
      w.add('t.unitId = @unitId', { unitId: f.unitId });
    }
  }
  if (f.category) w.add('t.category = @category', { category: f.category });
  if (f.specialOnly) w.add(POST_NEEDS_CERT_SQL);
  if (f.ids) w.add(`t.id IN (SELECT value FROM json_each(@ids))`, { ids: JSON.stringify(f.ids) });
  if (f.withoutHolders) {
    w.add(`NOT EXISTS (SELECT 1 FROM person_post pp JOIN person p ON p.id = pp.personId
      WHERE pp.postId = t.id AND pp.endDate IS NULL AND p.status = 'ACTIVE')`);
  }
  const total = (db.prepare(`${cte} SELECT count(*) AS n FROM post t ${w.sql}`).get(w.params) as { n: number }).n;
  const rows = db
    .prepare(`${cte} ${SELECT_POSTS} ${w.sql} ORDER BY u.sortOrder, u.name, t.name LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, today: ctx.today, specialOpTypeId: ctx.specialOpTypeId, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }) as PostRow[];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      unitId: r.unitId,
      unitName: r.unitName,
      unitPath: ctx.unitPaths.get(r.unitId) ?? r.unitName,
      trade: r.trade,
      category: r.category,
      isSpecialOperation: r.isSpecialOperation === 1,
      requiredCertTypeId: r.requiredCertTypeId,
      requiredCertTypeName: r.requiredCertTypeName,
      requiredCertCategory: r.requiredCertCategory,
      notes: r.notes,
      archived: r.archivedAtMs !== null,
      holderCount: r.holderCount,
      uncertifiedCount: r.uncertifiedCount,
      createdAtMs: r.createdAtMs,
      updatedAtMs: r.updatedAtMs,
    })),
  };
}

export interface PostValues {
  name: string;
  unitId: string;
  trade: string | null;
  category: PostCategory;
  isSpecialOperation: boolean;
  requiredCertTypeId: string | null;
  requiredCertCategory: string | null;
  notes: string | null;
}

export function insertPost(db: Database.Database, id: string, v: PostValues, nowMs: number): void {
  db.prepare(
    `INSERT INTO post (id, name, unitId, trade, category, isSpecialOperation, requiredCertTypeId, requiredCertCategory, notes, createdAtMs, updatedAtMs)
     VALUES (@id, @name, @unitId, @trade, @category, @special, @requiredCertTypeId, @requiredCertCategory, @notes, @nowMs, @nowMs)`,
  ).run({ id, ...v, isSpecialOperation: undefined, special: v.isSpecialOperation ? 1 : 0, nowMs });
}

export function updatePostRow(db: Database.Database, id: string, v: PostValues, nowMs: number): void {
  db.prepare(
    `UPDATE post SET name = @name, unitId = @unitId, trade = @trade, category = @category, isSpecialOperation = @special,
       requiredCertTypeId = @requiredCertTypeId, requiredCertCategory = @requiredCertCategory, notes = @notes, updatedAtMs = @nowMs
     WHERE id = @id`,
  ).run({ id, ...v, isSpecialOperation: undefined, special: v.isSpecialOperation ? 1 : 0, nowMs });
}
