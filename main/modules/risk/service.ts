/**
 * The risk register: risk points with hazard factors, control measures, posts
 * and an assessment history. A point is DRAFT while being identified, ACTIVE
 * once approved as final (then it feeds boards, cards and checks), ARCHIVED
 * when no longer in use.
 */
import type { AppContext } from '../../context.ts';
import type { Assessment, RiskPoint, RiskRow } from '../../../preload/contract/risk.ts';
import type { ControlLevel, HazardCategory, MeasureCategory, RiskKind, RiskLevel } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inList, inTransaction } from '../../db/sql.ts';
import { addMonths } from '../../domain/dates.ts';
import { ScoreError, scoreLec, scoreLs } from '../../domain/risk.ts';
import { recordAudit } from '../audit/service.ts';
import { readSetting } from '../app/settings.ts';
import { today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { defaultProfile, getProfile } from './profiles.ts';
import type { LecConfig, LsConfig } from '../../../preload/contract/risk.ts';

export interface RiskValues {
  code: string | null;
  name: string;
  kind: RiskKind;
  location: string | null;
  unitId: string;
  postIds: string[];
  controlLevel: ControlLevel;
  respUnitId: string | null;
  respPersonId: string | null;
  identifiedOn: string;
  nextReviewOn: string | null;
  notes: string | null;
  hazards: { description: string; category: HazardCategory; accidentTypes: string[] }[];
  measures: { id: string | null; category: MeasureCategory; content: string }[];
}

/**
 * Extension points: later modules say why a measure or a risk point must not be
 * deleted (a check item verifies it…). Each returns a reason or null.
 */
type ReferenceCheck = (app: AppContext, id: string) => string | null;
const measureChecks: ReferenceCheck[] = [];
const pointChecks: ReferenceCheck[] = [];
export function onMeasureReferenced(check: ReferenceCheck): void {
  measureChecks.push(check);
}
export function onRiskPointReferenced(check: ReferenceCheck): void {
  pointChecks.push(check);
}

interface PointRow {
  id: string;
  code: string;
  name: string;
  kind: RiskKind;
  location: string | null;
  unitId: string;
  unitName: string;
  controlLevel: ControlLevel;
  respUnitId: string | null;
  respUnitName: string | null;
  respPersonId: string | null;
  respPersonName: string | null;
  respPersonPhone: string | null;
  identifiedOn: string;
  nextReviewOn: string | null;
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  approvedBy: string | null;
  approvedOn: string | null;
  libraryKey: string | null;
  notes: string | null;
  level: RiskLevel | null;
  method: 'LEC' | 'LS' | 'DIRECT' | null;
  score: number | null;
  createdAtMs: number;
  updatedAtMs: number;
}

const POINT_SELECT = `
  SELECT r.*, u.name AS unitName, ru.name AS respUnitName, p.name AS respPersonName, p.phone AS respPersonPhone, a.method, a.score
  FROM risk_point r
  JOIN unit u ON u.id = r.unitId
  LEFT JOIN unit ru ON ru.id = r.respUnitId
  LEFT JOIN person p ON p.id = r.respPersonId
  LEFT JOIN risk_assessment a ON a.id = r.currentAssessmentId`;

const SEVERITY_SQL = `CASE r.level WHEN 'MAJOR' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 1 ELSE 0 END`;

/** Posts, accident types and measure counts for a page of points, in three queries. */
function extras(app: AppContext, ids: string[]) {
  const posts = new Map<string, string[]>();
  const accidents = new Map<string, string[]>();
  const measures = new Map<string, number>();
  if (!ids.length) return { posts, accidents, measures };
  const { sql, params } = inList('p', ids);
  for (const r of app.db.prepare(`SELECT rp.riskPointId, t.name FROM risk_point_post rp JOIN post t ON t.id = rp.postId WHERE rp.riskPointId IN ${sql} ORDER BY t.name`).all(params) as { riskPointId: string; name: string }[]) {
    posts.set(r.riskPointId, [...(posts.get(r.riskPointId) ?? []), r.name]);
  }
  for (const r of app.db.prepare(`SELECT h.riskPointId, j.value AS t FROM hazard_factor h, json_each(h.accidentTypesJson) j WHERE h.riskPointId IN ${sql} ORDER BY h.seq`).all(params) as { riskPointId: string; t: string }[]) {
    const list = accidents.get(r.riskPointId) ?? [];
    if (!list.includes(r.t)) list.push(r.t);
    accidents.set(r.riskPointId, list);
  }
  for (const r of app.db.prepare(`SELECT riskPointId, count(*) AS n FROM control_measure WHERE riskPointId IN ${sql} GROUP BY riskPointId`).all(params) as { riskPointId: string; n: number }[]) {
    measures.set(r.riskPointId, r.n);
  }
  return { posts, accidents, measures };
}

function toRow(r: PointRow, x: ReturnType<typeof extras>, todayStr: string): RiskRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    location: r.location,
    unitId: r.unitId,
    unitName: r.unitName,
    level: r.level,
    method: r.method,
    score: r.score,
    controlLevel: r.controlLevel,
    respPersonName: r.respPersonName,
    postNames: x.posts.get(r.id) ?? [],
    accidentTypes: x.accidents.get(r.id) ?? [],
    measureCount: x.measures.get(r.id) ?? 0,
    nextReviewOn: r.nextReviewOn,
    reviewOverdue: r.status === 'ACTIVE' && r.nextReviewOn !== null && r.nextReviewOn < todayStr,
    status: r.status,
  };
}

export interface RiskFilter {
  unitId: string | null;
  level?: RiskLevel | null | undefined;
  kind?: RiskKind | null | undefined;
  status?: 'DRAFT' | 'ACTIVE' | 'ARCHIVED' | 'CURRENT' | null | undefined;
  postId: string | null;
  accidentType?: string | null | undefined;
  reviewOverdue?: boolean | undefined;
  search: string | null;
}

function whereOf(f: RiskFilter, todayStr: string) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const status = f.status ?? 'CURRENT';
  if (status === 'CURRENT') where.push(`r.status <> 'ARCHIVED'`);
  else {
    where.push('r.status = @status');
    params.status = status;
  }
  if (f.unitId) {
    where.push(`r.unitId IN (WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id) SELECT id FROM sub)`);
    params.unitId = f.unitId;
  }
  if (f.level) {
    where.push('r.level = @level');
    params.level = f.level;
  }
  if (f.kind) {
    where.push('r.kind = @kind');
    params.kind = f.kind;
  }
  if (f.postId) {
    where.push('EXISTS (SELECT 1 FROM risk_point_post rp WHERE rp.riskPointId = r.id AND rp.postId = @postId)');
    params.postId = f.postId;
  }
  if (f.accidentType) {
    where.push('EXISTS (SELECT 1 FROM hazard_factor h, json_each(h.accidentTypesJson) j WHERE h.riskPointId = r.id AND j.value = @accidentType)');
    params.accidentType = f.accidentType;
  }
  if (f.reviewOverdue) {
    where.push(`r.status = 'ACTIVE' AND r.nextReviewOn < @today`);
    params.today = todayStr;
  }
  if (f.search) {
    where.push(`(r.name LIKE @q ESCAPE '\\' OR r.code LIKE @q ESCAPE '\\' OR ifnull(r.location, '') LIKE @q ESCAPE '\\')`);
    params.q = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function listRisks(app: AppContext, f: RiskFilter, page: number, pageSize: number): { items: RiskRow[]; total: number } {
  const t = today(app);
  const w = whereOf(f, t);
  const total = (app.db.prepare(`SELECT count(*) AS n FROM risk_point r ${w.sql}`).get(w.params) as { n: number }).n;
  const rows = app.db.prepare(`${POINT_SELECT} ${w.sql} ORDER BY ${SEVERITY_SQL} DESC, r.code LIMIT @limit OFFSET @offset`).all({ ...w.params, limit: pageSize, offset: (page - 1) * pageSize }) as PointRow[];
  const x = extras(app, rows.map((r) => r.id));
  return { items: rows.map((r) => toRow(r, x, t)), total };
}

/** Every point matching a filter (for printing), most severe first. */
export function allRisks(app: AppContext, f: RiskFilter): RiskRow[] {
  const t = today(app);
  const w = whereOf(f, t);
  const rows = app.db.prepare(`${POINT_SELECT} ${w.sql} ORDER BY ${SEVERITY_SQL} DESC, r.code`).all(w.params) as PointRow[];
  const x = extras(app, rows.map((r) => r.id));
  return rows.map((r) => toRow(r, x, t));
}

interface AssessmentRow {
  id: string;
  method: 'LEC' | 'LS' | 'DIRECT';
  profileId: string | null;
  profileName: string | null;
  profileVersion: number | null;
  valuesJson: string;
  score: number | null;
  level: RiskLevel;
  bandLabel: string | null;
  directReason: string | null;
  residualNote: string | null;
  assessedOn: string;
  assessorName: string;
  createdAtMs: number;
}

function toAssessment(a: AssessmentRow): Assessment {
  const stored = JSON.parse(a.valuesJson) as { values?: Record<string, number>; labels?: Record<string, string> };
  return {
    id: a.id,
    method: a.method,
    profileId: a.profileId,
    profileName: a.profileName,
    profileVersion: a.profileVersion,
    values: stored.values ?? {},
    valueLabels: stored.labels ?? {},
    score: a.score,
    level: a.level,
    bandLabel: a.bandLabel,
    directReason: a.directReason,
    residualNote: a.residualNote,
    assessedOn: a.assessedOn,
    assessorName: a.assessorName,
    createdAtMs: a.createdAtMs,
  };
}

export function getRisk(app: AppContext, id: string): RiskPoint {
  const r = app.db.prepare(`${POINT_SELECT} WHERE r.id = ?`).get(id) as (PointRow & { currentAssessmentId: string | null }) | undefined;
  if (!r) return fail.notFound('风险点');
  const x = extras(app, [id]);
  const history = (app.db.prepare('SELECT * FROM risk_assessment WHERE riskPointId = ? ORDER BY createdAtMs DESC').all(id) as AssessmentRow[]).map(toAssessment);
  return {
    ...toRow(r, x, today(app)),
    unitPath: unitPaths(app.db).get(r.unitId) ?? r.unitName,
    respUnitId: r.respUnitId,
    respUnitName: r.respUnitName,
    respPersonId: r.respPersonId,
    respPersonPhone: r.respPersonPhone,
    posts: app.db.prepare('SELECT t.id, t.name, u.name AS unitName FROM risk_point_post rp JOIN post t ON t.id = rp.postId JOIN unit u ON u.id = t.unitId WHERE rp.riskPointId = ? ORDER BY t.name').all(id) as RiskPoint['posts'],
    identifiedOn: r.identifiedOn,
    approvedBy: r.approvedBy,
    approvedOn: r.approvedOn,
    libraryKey: r.libraryKey,
    notes: r.notes,
    hazards: (app.db.prepare('SELECT id, seq, description, category, accidentTypesJson FROM hazard_factor WHERE riskPointId = ? ORDER BY seq').all(id) as { id: string; seq: number; description: string; category: HazardCategory; accidentTypesJson: string }[]).map((h) => ({
      id: h.id,
      seq: h.seq,
      description: h.description,
      category: h.category,
      accidentTypes: JSON.parse(h.accidentTypesJson) as string[],
    })),
    measures: app.db.prepare('SELECT id, seq, category, content FROM control_measure WHERE riskPointId = ? ORDER BY seq').all(id) as RiskPoint['measures'],
    assessment: history.find((a) => a.id === r.currentAssessmentId) ?? null,
    history,
    areas: app.db.prepare('SELECT a.planId, p.name AS planName, a.label FROM risk_area_point ap JOIN risk_area a ON a.id = ap.areaId JOIN site_plan p ON p.id = a.planId WHERE ap.riskPointId = ? ORDER BY p.name, a.seq').all(id) as RiskPoint['areas'],
    createdAtMs: r.createdAtMs,
    updatedAtMs: r.updatedAtMs,
  };
}

/** The next free code: FX-001, FX-002… (the highest number in use plus one). */
export function nextCode(app: AppContext): string {
  const rows = app.db.prepare(`SELECT code FROM risk_point WHERE code LIKE 'FX-%'`).all() as { code: string }[];
  const max = rows.reduce((m, r) => Math.max(m, Number(/^FX-(\d+)$/.exec(r.code)?.[1] ?? 0)), 0);
  return `FX-${String(max + 1).padStart(3, '0')}`;
}

function checkReferences(app: AppContext, v: RiskValues): void {
  if (!app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.unitId)) fail.field('unitId', '所属单位不存在，请重新选择');
  if (v.respUnitId && !app.db.prepare('SELECT 1 FROM unit WHERE id = ?').get(v.respUnitId)) fail.field('respUnitId', '责任单位不存在，请重新选择');
  if (v.respPersonId) {
    const p = app.db.prepare('SELECT name, status FROM person WHERE id = ?').get(v.respPersonId) as { name: string; status: string } | undefined;
    if (!p) fail.field('respPersonId', '责任人不存在，请重新选择');
    if (p.status !== 'ACTIVE') fail.field('respPersonId', `责任人「${p.name}」已离职，请选择在职人员`);
  }
  v.postIds.forEach((postId, i) => {
    const p = app.db.prepare('SELECT name, archivedAtMs FROM post WHERE id = ?').get(postId) as { name: string; archivedAtMs: number | null } | undefined;
    if (!p) fail.field(`postIds.${i}`, '岗位不存在，请重新选择');
    if (p.archivedAtMs !== null) fail.field(`postIds.${i}`, `岗位「${p.name}」已归档`);
  });
  if (v.nextReviewOn && v.nextReviewOn <= v.identifiedOn) fail.field('nextReviewOn', '下次评审日期应晚于辨识日期');
  if (v.identifiedOn > today(app)) fail.field('identifiedOn', '辨识日期不能晚于今天');
}

function writeChildren(app: AppContext, id: string, v: RiskValues): void {
  const db = app.db;
  db.prepare('DELETE FROM risk_point_post WHERE riskPointId = ?').run(id);
  const link = db.prepare('INSERT OR IGNORE INTO risk_point_post (riskPointId, postId) VALUES (?, ?)');
  for (const postId of v.postIds) link.run(id, postId);
  db.prepare('DELETE FROM hazard_factor WHERE riskPointId = ?').run(id);
  const hz = db.prepare('INSERT INTO hazard_factor (id, riskPointId, seq, description, category, accidentTypesJson) VALUES (?, ?, ?, ?, ?, ?)');
  v.hazards.forEach((h, i) => hz.run(app.newId(), id, i + 1, h.description, h.category, JSON.stringify([...new Set(h.accidentTypes)])));

  // Measures keep their ids; one that is dropped must not be referenced elsewhere.
  const existing = db.prepare('SELECT id, content FROM control_measure WHERE riskPointId = ?').all(id) as { id: string; content: string }[];
  const kept = new Set(v.measures.map((m) => m.id).filter(Boolean));
  for (const m of existing) {
    if (kept.has(m.id)) continue;
    for (const check of measureChecks) {
      const why = check(app, m.id);
      if (why) fail.rule(`管控措施「${m.content}」${why}，不能删除；可以修改其内容`, 'measures');
    }
    db.prepare('DELETE FROM control_measure WHERE id = ?').run(m.id);
  }
  const now = app.clock.nowMs();
  const upd = db.prepare('UPDATE control_measure SET seq = ?, category = ?, content = ?, updatedAtMs = ? WHERE id = ? AND riskPointId = ?');
  const ins = db.prepare('INSERT INTO control_measure (id, riskPointId, seq, category, content, createdAtMs, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, ?)');
  // Clear the sequence first so reordering never collides.
  db.prepare('UPDATE control_measure SET seq = seq + 100000 WHERE riskPointId = ?').run(id);
  v.measures.forEach((m, i) => {
    if (m.id && existing.some((e) => e.id === m.id)) upd.run(i + 1, m.category, m.content, now, m.id, id);
    else if (m.id) fail.field(`measures.${i}.id`, '该管控措施不属于本风险点，请刷新后重试');
    else ins.run(app.newId(), id, i + 1, m.category, m.content, now, now);
  });
}

export function createRisk(app: AppContext, v: RiskValues, extra: { libraryKey?: string | null } = {}): RiskPoint {
  return inTransaction(app.db, () => {
    checkReferences(app, v);
    const code = v.code ?? nextCode(app);
    if (app.db.prepare('SELECT 1 FROM risk_point WHERE code = ?').get(code)) fail.conflict(`风险点编号「${code}」已被使用`, 'code');
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO risk_point (id, code, name, kind, location, unitId, controlLevel, respUnitId, respPersonId, identifiedOn, nextReviewOn, status, libraryKey, notes, createdAtMs, updatedAtMs)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)`,
      )
      .run(id, code, v.name, v.kind, v.location, v.unitId, v.controlLevel, v.respUnitId, v.respPersonId, v.identifiedOn, v.nextReviewOn, extra.libraryKey ?? null, v.notes, now, now);
    writeChildren(app, id, v);
    const after = getRisk(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'risk_point', entityId: id, summary: `新增风险点 ${code}「${v.name}」（${v.hazards.length} 项危险有害因素，${v.measures.length} 项管控措施）`, after: snapshot(after) });
    return after;
  });
}

/** What the audit log keeps of a point: its content, not the derived fields. */
function snapshot(p: RiskPoint) {
  return { code: p.code, name: p.name, kind: p.kind, location: p.location, unit: p.unitName, posts: p.posts.map((x) => x.name), controlLevel: p.controlLevel, respPerson: p.respPersonName, hazards: p.hazards.map((h) => `${h.description}（${h.accidentTypes.join('、')}）`), measures: p.measures.map((m) => m.content), level: p.level, nextReviewOn: p.nextReviewOn };
}

export function updateRisk(app: AppContext, id: string, v: RiskValues): RiskPoint {
  return inTransaction(app.db, () => {
    const before = getRisk(app, id);
    if (before.status === 'ARCHIVED') fail.rule(`风险点 ${before.code} 已归档，恢复后才能修改`);
    checkReferences(app, v);
    const code = v.code ?? before.code;
    if (app.db.prepare('SELECT 1 FROM risk_point WHERE code = ? AND id <> ?').get(code, id)) fail.conflict(`风险点编号「${code}」已被使用`, 'code');
    app.db
      .prepare(
        `UPDATE risk_point SET code = ?, name = ?, kind = ?, location = ?, unitId = ?, controlLevel = ?, respUnitId = ?, respPersonId = ?, identifiedOn = ?, nextReviewOn = ?, notes = ?, updatedAtMs = ? WHERE id = ?`,
      )
      .run(code, v.name, v.kind, v.location, v.unitId, v.controlLevel, v.respUnitId, v.respPersonId, v.identifiedOn, v.nextReviewOn, v.notes, app.clock.nowMs(), id);
    writeChildren(app, id, v);
    if (before.status === 'ACTIVE' && !v.measures.length) fail.rule('已批准的风险点至少要保留一项管控措施', 'measures');
    const after = getRisk(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'risk_point', entityId: id, summary: `修改风险点 ${after.code}「${after.name}」`, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

export interface AssessInput {
  riskPointId: string;
  method: 'LEC' | 'LS' | 'DIRECT';
  profileId: string | null;
  values: Record<string, number>;
  directReason: string | null;
  residualNote: string | null;
  assessedOn: string;
  assessorName: string;
}

/** Scores a point and keeps the assessment; the newest one is the point's level. */
export function assessRisk(app: AppContext, a: AssessInput): RiskPoint {
  return inTransaction(app.db, () => {
    const point = getRisk(app, a.riskPointId);
    if (point.status === 'ARCHIVED') fail.rule(`风险点 ${point.code} 已归档，恢复后才能评价`);
    if (a.assessedOn > today(app)) fail.field('assessedOn', '评价日期不能晚于今天');
    let scored: { score: number | null; level: RiskLevel; bandLabel: string | null; values: Record<string, number>; valueLabels: Record<string, string> };
    let profile: { id: string; name: string; version: number } | null = null;
    if (a.method === 'DIRECT') {
      if (!a.directReason) fail.field('directReason', '直接判定为重大风险须写明理由（如构成重大危险源、曾发生死亡事故且条件未变、可能导致 3 人以上死亡）');
      scored = { score: null, level: 'MAJOR', bandLabel: '直接判定', values: {}, valueLabels: {} };
    } else {
      const p = a.profileId ? getProfile(app, a.profileId) : defaultProfile(app, a.method);
      if (p.method !== a.method) fail.field('profileId', `「${p.name}」是${p.method === 'LEC' ? ' LEC ' : '风险矩阵'}评价表，与所选方法不符`);
      try {
        scored = p.method === 'LEC' ? scoreLec(p.config as LecConfig, a.values) : scoreLs(p.config as LsConfig, a.values);
      } catch (err) {
        if (err instanceof ScoreError) fail.field(err.field, err.message);
        throw err;
      }
      profile = { id: p.id, name: p.name, version: p.version };
    }
    const id = app.newId();
    app.db
      .prepare(
        `INSERT INTO risk_assessment (id, riskPointId, method, profileId, profileName, profileVersion, valuesJson, score, level, bandLabel, directReason, residualNote, assessedOn, assessorName, createdAtMs)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, a.riskPointId, a.method, profile?.id ?? null, profile?.name ?? null, profile?.version ?? null, JSON.stringify({ values: scored.values, labels: scored.valueLabels }), scored.score, scored.level, scored.bandLabel, a.method === 'DIRECT' ? a.directReason : null, a.residualNote, a.assessedOn, a.assessorName, app.clock.nowMs());
    app.db.prepare('UPDATE risk_point SET currentAssessmentId = ?, level = ?, updatedAtMs = ? WHERE id = ?').run(id, scored.level, app.clock.nowMs(), a.riskPointId);
    // Re-assessing an approved point is its periodic review: the next one falls due from this date.
    if (point.status === 'ACTIVE') {
      app.db.prepare('UPDATE risk_point SET nextReviewOn = ? WHERE id = ?').run(addMonths(a.assessedOn, readSetting(app, 'riskReviewMonths')), a.riskPointId);
    }
    const after = getRisk(app, a.riskPointId);
    const how = a.method === 'DIRECT' ? `直接判定（${a.directReason}）` : `${a.method === 'LEC' ? 'D' : 'R'} = ${Object.entries(scored.values).map(([k, v]) => `${k}${v}`).join('×')} = ${scored.score}`;
    recordAudit(app, {
      action: 'CREATE',
      entityType: 'risk_assessment',
      entityId: id,
      summary: `${a.assessorName} 评价风险点 ${point.code}「${point.name}」：${how}，${levelName(scored.level)}${point.level && point.level !== scored.level ? `（原为${levelName(point.level)}）` : ''}`,
      after: { method: a.method, values: scored.values, score: scored.score, level: scored.level, profile },
    });
    return after;
  });
}

function levelName(l: RiskLevel): string {
  return { MAJOR: '重大风险', HIGH: '较大风险', MEDIUM: '一般风险', LOW: '低风险' }[l];
}

export function approveRisk(app: AppContext, id: string, approvedBy: string, approvedOn: string): RiskPoint {
  return inTransaction(app.db, () => {
    const p = getRisk(app, id);
    if (p.status === 'ARCHIVED') fail.rule(`风险点 ${p.code} 已归档，恢复后才能批准`);
    if (!p.measures.length) fail.rule(`风险点 ${p.code}「${p.name}」还没有管控措施，不能批准为最终结果；请先补充工程技术、管理、培训教育、个体防护或应急处置措施`, 'measures');
    if (!p.assessment) fail.rule(`风险点 ${p.code}「${p.name}」还没有评价，不能批准；请先用 LEC、风险矩阵评价或直接判定`);
    if (approvedOn > today(app)) fail.field('approvedOn', '批准日期不能晚于今天');
    if (approvedOn < p.identifiedOn) fail.field('approvedOn', `批准日期不能早于辨识日期（${p.identifiedOn}）`);
    const next = p.nextReviewOn && p.nextReviewOn > approvedOn ? p.nextReviewOn : addMonths(approvedOn, readSetting(app, 'riskReviewMonths'));
    app.db.prepare(`UPDATE risk_point SET status = 'ACTIVE', approvedBy = ?, approvedOn = ?, nextReviewOn = ?, updatedAtMs = ? WHERE id = ?`).run(approvedBy, approvedOn, next, app.clock.nowMs(), id);
    const after = getRisk(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'risk_point', entityId: id, summary: `${approvedBy} 批准风险点 ${p.code}「${p.name}」（${levelName(p.assessment.level)}，${p.measures.length} 项管控措施，下次评审 ${next}）` });
    return after;
  });
}

export function archiveRisk(app: AppContext, id: string, archived: boolean): RiskPoint {
  return inTransaction(app.db, () => {
    const p = getRisk(app, id);
    if (archived && p.status === 'ARCHIVED') fail.rule('该风险点已归档');
    if (!archived && p.status !== 'ARCHIVED') fail.rule('该风险点未归档');
    const status = archived ? 'ARCHIVED' : p.approvedBy ? 'ACTIVE' : 'DRAFT';
    app.db.prepare('UPDATE risk_point SET status = ?, updatedAtMs = ? WHERE id = ?').run(status, app.clock.nowMs(), id);
    recordAudit(app, { action: archived ? 'ARCHIVE' : 'RESTORE', entityType: 'risk_point', entityId: id, summary: `${archived ? '归档' : '恢复'}风险点 ${p.code}「${p.name}」` });
    return getRisk(app, id);
  });
}

/** Why a point must be archived rather than deleted; null when nothing refers to it. */
function deleteBlocker(app: AppContext, p: RiskPoint): string | null {
  for (const check of pointChecks) {
    const why = check(app, p.id);
    if (why) return why;
  }
  for (const m of p.measures) {
    for (const check of measureChecks) {
      const why = check(app, m.id);
      if (why) return `其管控措施「${m.content}」${why}`;
    }
  }
  const printed = app.db.prepare(`SELECT title, generatedOn FROM generated_document WHERE instr(dataJson, ?) > 0 OR instr(dataJson, ?) > 0 ORDER BY createdAtMs DESC LIMIT 1`).get(p.id, `"${p.code}"`) as
    | { title: string; generatedOn: string }
    | undefined;
  if (printed) return `已印在「${printed.title}」（${printed.generatedOn}）上`;
  const card = app.db
    .prepare(`SELECT t.name FROM risk_point_post rp JOIN post t ON t.id = rp.postId JOIN card_set c ON c.postId = t.id WHERE rp.riskPointId = ? AND c.status = 'APPROVED' AND json_extract(c.riskJson, '$.fromRegister') = 1 LIMIT 1`)
    .get(p.id) as { name: string } | undefined;
  if (card) return `进入了岗位「${card.name}」已发布的两单两卡`;
  return null;
}

export function deleteRisk(app: AppContext, id: string): void {
  inTransaction(app.db, () => {
    const p = getRisk(app, id);
    const why = deleteBlocker(app, p);
    if (why) fail.rule(`风险点 ${p.code}「${p.name}」${why}，不能删除；如不再使用，请归档（历史记录保留）`);
    app.db.prepare('DELETE FROM risk_area_point WHERE riskPointId = ?').run(id);
    app.db.prepare('UPDATE risk_point SET currentAssessmentId = NULL WHERE id = ?').run(id);
    app.db.prepare('DELETE FROM risk_point WHERE id = ?').run(id);
    recordAudit(app, { action: 'DELETE', entityType: 'risk_point', entityId: id, summary: `删除风险点 ${p.code}「${p.name}」`, before: snapshot(p) });
  });
}

/** Active points linked to a post, most severe first (the post's 风险清单). */
export function risksForPost(app: AppContext, postId: string): RiskRow[] {
  return allRisks(app, { unitId: null, postId, status: 'ACTIVE', search: null });
}
