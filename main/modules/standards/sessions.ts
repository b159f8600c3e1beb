/**
 * Self-assessment sessions: scoring item by item (applicable or N/A with a
 * reason, the situation, deductions with reasons — never below 0 — and evidence
 * links to records in the app or attached files), totals per element and the
 * grade, finishing (every item answered), and deductions followed up as hazards
 * (source 标准化自评) or to-dos.
 */
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { ParsedFields } from '../../../preload/contract/fields.ts';
import type { ElementScore, EvidenceOption, ItemResult, Session, SessionInput, SessionTotals } from '../../../preload/contract/standards.ts';
import { EvidenceKind, type EvidenceKind as EvidenceKindCode } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { gradeOf, itemScore, round1, totalsByElement, totalsOf, type ScoredItem } from '../../domain/standardization.ts';
import { recordAudit } from '../audit/service.ts';
import { getAttachment } from '../attachments/service.ts';
import { today } from '../enterprise/service.ts';
import { getHazard, insertHazard } from '../hazards/service.ts';
import { activePerson } from '../people/refs.ts';
import { ensureBuiltinStandard, gradeProfile } from './library.ts';

export type SessionValues = ParsedFields<typeof SessionInput>;
type Totals = z.infer<typeof SessionTotals>;
type Result = z.infer<typeof ItemResult>;

interface SessionDb {
  id: string;
  year: number;
  title: string;
  standardId: string;
  standardName: string;
  gradeProfile: string;
  teamJson: string;
  startsOn: string;
  endsOn: string;
  accidentFreeYears: number | null;
  overview: string | null;
  process: string | null;
  status: 'OPEN' | 'FINISHED';
  finishedOn: string | null;
}

const SESSION_SELECT = `SELECT x.id, x.year, x.title, x.standardId, s.name AS standardName, x.gradeProfile, x.teamJson, x.startsOn, x.endsOn, x.accidentFreeYears,
    x.overview, x.process, x.status, x.finishedOn FROM std_session x JOIN std_standard s ON s.id = x.standardId`;

function sessionDb(app: AppContext, id: string): SessionDb {
  return (app.db.prepare(`${SESSION_SELECT} WHERE x.id = ?`).get(id) as SessionDb | undefined) ?? fail.notFound('自评');
}

interface ItemRow {
  id: number;
  code: string;
  points: number;
  topId: number;
}

/** Items with their top-level element, in sheet order. */
function itemsOf(app: AppContext, standardId: string): ItemRow[] {
  return app.db
    .prepare(
      `WITH RECURSIVE up(id, top) AS (SELECT id, id FROM std_element WHERE standardId = @s AND parentId IS NULL
         UNION ALL SELECT e.id, up.top FROM std_element e JOIN up ON e.parentId = up.id)
       SELECT i.id, i.code, i.points, up.top AS topId FROM std_item i JOIN up ON up.id = i.elementId WHERE i.standardId = @s ORDER BY i.seq`,
    )
    .all({ s: standardId }) as ItemRow[];
}

/** Totals and grade from the stored results: one pass, no per-item queries (fast enough to recompute after every change). */
export function computeTotals(app: AppContext, s: SessionDb): Totals {
  const items = itemsOf(app, s.standardId);
  const results = new Map(
    (app.db.prepare('SELECT itemId, applicable, score FROM std_result WHERE sessionId = ?').raw().all(s.id) as [number, number, number | null][]).map((r) => [r[0], r]),
  );
  const scored: ScoredItem[] = items.map((i) => {
    const r = results.get(i.id);
    return { elementKey: String(i.topId), points: i.points, answered: !!r, applicable: r ? r[1] === 1 : true, score: r ? r[2] : null };
  });
  const all = totalsOf(scored);
  const byEl = totalsByElement(scored);
  const tops = app.db.prepare('SELECT id, code, name FROM std_element WHERE standardId = ? AND parentId IS NULL ORDER BY seq').all(s.standardId) as { id: number; code: string; name: string }[];
  const elements: z.infer<typeof ElementScore>[] = tops.map((t) => {
    const x = byEl.get(String(t.id)) ?? { items: 0, answered: 0, totalPoints: 0, naPoints: 0, earned: 0, score: null };
    return { elementId: t.id, code: t.code, name: t.name, items: x.items, answered: x.answered, points: x.totalPoints, naPoints: x.naPoints, earned: x.earned, score: x.score };
  });
  const profile = gradeProfile(app, s.gradeProfile);
  const g = gradeOf(profile, all.score, s.accidentFreeYears);
  const d = app.db
    .prepare(
      `SELECT count(*) AS n, sum(CASE WHEN (h.status = 'CLOSED') OR (d.todoDoneOn IS NOT NULL) THEN 1 ELSE 0 END) AS closed
       FROM std_deduction d LEFT JOIN hazard h ON h.id = d.hazardId WHERE d.sessionId = ?`,
    )
    .get(s.id) as { n: number; closed: number | null };
  let explanation: string;
  const running = all.answered < all.items ? `（按已评 ${all.answered}/${all.items} 项计，全部评完后为最终结果）` : '';
  if (all.score === null) explanation = all.answered ? '已评项目均为不适用，尚无得分' : '尚未评分';
  else if (!g.scoreGrade) explanation = `得分 ${all.score} 分，未达到${profile.grades.at(-1)?.label ?? '最低等级'}（${profile.grades.at(-1)?.minScore} 分）`;
  else if (!g.performanceGrade) explanation = `得分 ${all.score} 分可达${g.scoreGrade.label}，但无事故年数（${s.accidentFreeYears} 年）不满足${profile.grades.at(-1)?.label}的条件`;
  else if (g.grade === g.scoreGrade) explanation = `得分 ${all.score} 分，达到${g.scoreGrade.label}（≥ ${g.scoreGrade.minScore} 分）${s.accidentFreeYears === null ? '；未填写无事故年数，未按安全生产绩效条件核定' : `，安全生产绩效满足${g.performanceGrade.label}条件`}`;
  else explanation = `得分 ${all.score} 分可达${g.scoreGrade.label}，但无事故年数（${s.accidentFreeYears} 年）只满足${g.performanceGrade.label}条件，取两者中较低者`;
  return {
    ...all,
    scoreGrade: g.scoreGrade?.code ?? null,
    performanceGrade: g.performanceGrade?.code ?? null,
    grade: g.grade?.code ?? null,
    gradeLabel: g.grade?.label ?? (all.score === null ? '未评分' : '未达标'),
    gradeExplanation: explanation + (all.score === null ? '' : running),
    elements,
    deductionCount: d.n,
    deductionsClosed: d.closed ?? 0,
  };
}

// ---- evidence ----

interface EvidenceDb {
  id: string;
  itemId: number;
  kind: EvidenceKindCode;
  refId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  label: string;
}

const EXISTS: Partial<Record<EvidenceKindCode, string>> = {
  DUTY_LIST: 'SELECT 1 FROM duty_list WHERE id = ?',
  COMMITMENT: 'SELECT 1 FROM commitment_letter WHERE id = ?',
  AGREEMENT: 'SELECT 1 FROM target_agreement_template WHERE id = ?',
  CHECK_RECORD: 'SELECT 1 FROM check_record WHERE id = ?',
  EMERGENCY_PLAN: 'SELECT 1 FROM emergency_plan WHERE id = ?',
  DRILL: 'SELECT 1 FROM drill WHERE id = ?',
  TRAINING_SESSION: 'SELECT 1 FROM training_session WHERE id = ?',
  DOCUMENT: 'SELECT 1 FROM generated_document WHERE id = ?',
  ATTACHMENT: 'SELECT 1 FROM attachment WHERE id = ?',
};

function linkOf(e: { kind: EvidenceKindCode; refId: string | null; periodFrom: string | null; periodTo: string | null }): string | null {
  switch (e.kind) {
    case 'DUTY_LIST':
      return '/duties';
    case 'COMMITMENT':
      return '/commitments';
    case 'AGREEMENT':
      return '/agreements';
    case 'RISK_REGISTER':
      return '/risks';
    case 'HAZARD_LEDGER':
      return `/hazards?from=${e.periodFrom ?? ''}&to=${e.periodTo ?? ''}`;
    case 'CHECK_RECORD':
      return `/checks/records?record=${e.refId}`;
    case 'EMERGENCY_PLAN':
      return `/emergency/plans?id=${e.refId}`;
    case 'DRILL':
      return `/drills?id=${e.refId}`;
    case 'TRAINING_SESSION':
      return `/training?id=${e.refId}`;
    case 'DOCUMENT':
      return '/print';
    case 'ATTACHMENT':
      return null;
  }
}

/** Records of a kind that can be linked as evidence, newest first (`only`: just that record, however old). */
export function evidenceOptions(app: AppContext, kind: EvidenceKindCode, search: string | null, year: number | undefined, only: string | null = null): z.infer<typeof EvidenceOption>[] {
  const q = search ?? '';
  const y = year ?? Number(today(app).slice(0, 4));
  const base = { kind, refId: null as string | null, periodFrom: null as string | null, periodTo: null as string | null };
  const rows = <T>(sql: string, ...params: unknown[]) => app.db.prepare(sql).all(...params) as T[];
  switch (kind) {
    case 'DUTY_LIST':
      return rows<{ id: string; post: string; unit: string; year: number; revision: number; status: string }>(
        `SELECT d.id, p.name AS post, u.name AS unit, d.year, d.revision, d.status FROM duty_list d JOIN post p ON p.id = d.postId JOIN unit u ON u.id = p.unitId
         WHERE instr(p.name || u.name, ?) > 0 AND (? IS NULL OR d.id = ?) ORDER BY d.year DESC, u.name, p.name LIMIT 50`,
        q,
        only,
        only,
      ).map((r) => ({ ...base, refId: r.id, label: `${r.unit} · ${r.post} 岗位责任清单（${r.year} 年第 ${r.revision} 版）`, detail: r.status === 'APPROVED' ? '已批准' : '草稿' }));
    case 'COMMITMENT':
      return rows<{ id: string; year: number; version: number; title: string }>(`SELECT id, year, version, title FROM commitment_letter WHERE instr(title, ?) > 0 AND (? IS NULL OR id = ?) ORDER BY year DESC, version DESC LIMIT 50`, q, only, only).map((r) => ({
        ...base,
        refId: r.id,
        label: `${r.title}（${r.year} 年第 ${r.version} 版）`,
        detail: '主要负责人安全生产承诺书',
      }));
    case 'AGREEMENT':
      return rows<{ id: string; year: number; title: string; n: number }>(
        `SELECT t.id, t.year, t.title, (SELECT count(*) FROM target_agreement a WHERE a.templateId = t.id) AS n FROM target_agreement_template t WHERE (? IS NULL OR t.id = ?) ORDER BY t.year DESC LIMIT 20`,
        only,
        only,
      ).map((r) => ({ ...base, refId: r.id, label: `${r.year} 年${r.title}`, detail: `共 ${r.n} 份` }));
    case 'RISK_REGISTER': {
      const t = today(app);
      const n = (app.db.prepare(`SELECT count(*) AS n FROM risk_point WHERE status = 'ACTIVE'`).get() as { n: number }).n;
      return [{ ...base, periodTo: t, label: `风险分级管控清单（截至 ${t}）`, detail: `${n} 个在用风险点` }];
    }
    case 'HAZARD_LEDGER': {
      const from = `${y}-01-01`;
      const to = `${y}-12-31`;
      const n = (app.db.prepare('SELECT count(*) AS n FROM hazard WHERE foundOn BETWEEN ? AND ?').get(from, to) as { n: number }).n;
      return [{ ...base, periodFrom: from, periodTo: to, label: `隐患排查治理台账（${y} 年）`, detail: `${n} 条隐患` }];
    }
    case 'CHECK_RECORD':
      return rows<{ id: string; name: string; checkedOn: string; checkers: string }>(
        `SELECT r.id, p.name, r.checkedOn, r.checkerNames AS checkers FROM check_record r JOIN check_plan p ON p.id = r.planId
         WHERE instr(p.name, ?) > 0 AND (? IS NULL OR r.id = ?) ORDER BY r.checkedOn DESC LIMIT 50`,
        q,
        only,
        only,
      ).map((r) => ({ ...base, refId: r.id, label: `${r.name}（${r.checkedOn}）`, detail: `检查人：${r.checkers}` }));
    case 'EMERGENCY_PLAN':
      return rows<{ id: string; code: string; name: string }>(`SELECT id, code, name FROM emergency_plan WHERE archivedAtMs IS NULL AND instr(code || name, ?) > 0 AND (? IS NULL OR id = ?) ORDER BY code LIMIT 50`, q, only, only).map((r) => ({
        ...base,
        refId: r.id,
        label: `${r.code} ${r.name}`,
        detail: '应急预案（含版本、评审和备案）',
      }));
    case 'DRILL':
      return rows<{ id: string; code: string; title: string; drillDate: string }>(`SELECT id, code, title, drillDate FROM drill WHERE instr(code || title, ?) > 0 AND (? IS NULL OR id = ?) ORDER BY drillDate DESC LIMIT 50`, q, only, only).map((r) => ({
        ...base,
        refId: r.id,
        label: `${r.code} ${r.title}`,
        detail: `${r.drillDate}，含评估和总结`,
      }));
    case 'TRAINING_SESSION':
      return rows<{ id: string; code: string; title: string; sessionDate: string; n: number }>(
        `SELECT s.id, s.code, s.title, s.sessionDate, (SELECT count(*) FROM training_attendance a WHERE a.sessionId = s.id) AS n FROM training_session s
         WHERE instr(s.code || s.title, ?) > 0 AND (? IS NULL OR s.id = ?) ORDER BY s.sessionDate DESC LIMIT 50`,
        q,
        only,
        only,
      ).map((r) => ({ ...base, refId: r.id, label: `${r.code} ${r.title}`, detail: `${r.sessionDate}，${r.n} 人签到` }));
    case 'DOCUMENT':
      return rows<{ id: string; title: string; fingerprint: string; createdAtMs: number }>(
        `SELECT id, title, fingerprint, createdAtMs FROM generated_document WHERE instr(title, ?) > 0 AND (? IS NULL OR id = ?) ORDER BY createdAtMs DESC LIMIT 50`,
        q,
        only,
        only,
      ).map((r) => ({ ...base, refId: r.id, label: r.title, detail: `文件指纹 ${r.fingerprint}` }));
    case 'ATTACHMENT':
      return [];
  }
}

function labelFor(app: AppContext, e: { kind: EvidenceKindCode; refId: string | null; periodFrom: string | null; periodTo: string | null }, path: string): string {
  if (e.kind === 'ATTACHMENT') return (app.db.prepare('SELECT originalName FROM attachment WHERE id = ?').get(e.refId) as { originalName: string } | undefined)?.originalName ?? fail.field(path, '证据文件不存在');
  if (e.kind === 'RISK_REGISTER') return `风险分级管控清单（截至 ${e.periodTo ?? today(app)}）`;
  if (e.kind === 'HAZARD_LEDGER') {
    if (!e.periodFrom || !e.periodTo) fail.field(path, '隐患台账证据须选择期间（起止日期）');
    if (e.periodTo < e.periodFrom) fail.field(path, '期间的结束日期不能早于开始日期');
    return `隐患排查治理台账（${e.periodFrom} 至 ${e.periodTo}）`;
  }
  if (!e.refId) return fail.field(path, `请选择作为证据的${EvidenceKind.label[e.kind]}`);
  const sql = EXISTS[e.kind];
  if (sql && !app.db.prepare(sql).get(e.refId)) fail.field(path, `所选${EvidenceKind.label[e.kind]}不存在，请重新选择`);
  const option = evidenceOptions(app, e.kind, null, undefined, e.refId).find((o) => o.refId === e.refId);
  return option?.label ?? EvidenceKind.label[e.kind];
}

// ---- reading ----

function resultsOf(app: AppContext, s: SessionDb): Result[] {
  const items = itemsOf(app, s.standardId);
  const results = new Map(
    (app.db.prepare('SELECT itemId, applicable, naReason, description, score FROM std_result WHERE sessionId = ?').all(s.id) as { itemId: number; applicable: number; naReason: string | null; description: string | null; score: number | null }[]).map((r) => [r.itemId, r]),
  );
  const deductions = new Map<number, Result['deductions']>();
  for (const d of app.db
    .prepare(
      `SELECT d.itemId, d.id, d.points, d.reason, d.hazardId, h.code AS hazardCode, h.status AS hazardStatus, d.todoOwnerId, p.name AS todoOwnerName, d.todoDueOn, d.todoDoneOn, d.todoNote
       FROM std_deduction d LEFT JOIN hazard h ON h.id = d.hazardId LEFT JOIN person p ON p.id = d.todoOwnerId WHERE d.sessionId = ? ORDER BY d.itemId, d.seq`,
    )
    .all(s.id) as (Result['deductions'][number] & { itemId: number })[]) {
    const { itemId, ...rest } = d;
    deductions.set(itemId, [...(deductions.get(itemId) ?? []), { ...rest, closed: rest.hazardStatus === 'CLOSED' || rest.todoDoneOn !== null }]);
  }
  const evidence = new Map<number, Result['evidence']>();
  for (const e of app.db.prepare('SELECT id, itemId, kind, refId, periodFrom, periodTo, label FROM std_evidence WHERE sessionId = ? ORDER BY createdAtMs').all(s.id) as EvidenceDb[]) {
    const sql = EXISTS[e.kind];
    const broken = !!(sql && e.refId && !app.db.prepare(sql).get(e.refId));
    evidence.set(e.itemId, [...(evidence.get(e.itemId) ?? []), { id: e.id, kind: e.kind, refId: e.refId, periodFrom: e.periodFrom, periodTo: e.periodTo, label: e.label, link: linkOf(e), broken }]);
  }
  return items.map((i) => {
    const r = results.get(i.id);
    return {
      itemId: i.id,
      answered: !!r,
      applicable: r ? r.applicable === 1 : true,
      naReason: r?.naReason ?? null,
      description: r?.description ?? null,
      score: r?.score ?? null,
      deductions: deductions.get(i.id) ?? [],
      evidence: evidence.get(i.id) ?? [],
    };
  });
}

function rowOf(app: AppContext, s: SessionDb, totals: Totals) {
  return {
    id: s.id,
    year: s.year,
    title: s.title,
    standardId: s.standardId,
    standardName: s.standardName,
    gradeProfile: s.gradeProfile,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    status: s.status,
    finishedOn: s.finishedOn,
    answered: totals.answered,
    items: totals.items,
    score: totals.score,
    grade: totals.grade,
    gradeLabel: totals.gradeLabel,
  };
}

export function getSession(app: AppContext, id: string): Session {
  const s = sessionDb(app, id);
  const totals = computeTotals(app, s);
  return {
    ...rowOf(app, s, totals),
    team: JSON.parse(s.teamJson) as Session['team'],
    accidentFreeYears: s.accidentFreeYears,
    overview: s.overview,
    process: s.process,
    totals,
    results: resultsOf(app, s),
  };
}

export function listSessions(app: AppContext) {
  const rows = app.db.prepare(`${SESSION_SELECT} ORDER BY x.year DESC, x.createdAtMs DESC`).all() as SessionDb[];
  return rows.map((s) => rowOf(app, s, computeTotals(app, s)));
}

// ---- writing ----

function checkSession(app: AppContext, v: SessionValues): void {
  if (!app.db.prepare('SELECT 1 FROM std_standard WHERE id = ?').get(v.standardId)) fail.field('standardId', '评分标准不存在，请重新选择');
  gradeProfile(app, v.gradeProfile);
  if (v.endsOn < v.startsOn) fail.field('endsOn', `结束日期（${v.endsOn}）不能早于开始日期（${v.startsOn}）`);
  for (const [i, m] of v.team.entries()) if (m.personId) activePerson(app, m.personId, `team.${i}.personId`, '自评小组成员');
}

export function createSession(app: AppContext, v: SessionValues): Session {
  ensureBuiltinStandard(app);
  return inTransaction(app.db, () => {
    checkSession(app, v);
    const id = app.newId();
    const now = app.clock.nowMs();
    app.db
      .prepare(
        `INSERT INTO std_session (id, year, title, standardId, gradeProfile, teamJson, startsOn, endsOn, accidentFreeYears, overview, process, createdAtMs, updatedAtMs)
         VALUES (@id, @year, @title, @standardId, @gradeProfile, @teamJson, @startsOn, @endsOn, @accidentFreeYears, @overview, @process, @now, @now)`,
      )
      .run({ ...v, team: undefined, teamJson: JSON.stringify(v.team), id, now });
    const after = getSession(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'stdSession', entityId: id, summary: `新建 ${v.year} 年安全生产标准化自评「${v.title}」`, after: { ...after, results: undefined } });
    return after;
  });
}

export function updateSession(app: AppContext, id: string, v: SessionValues): Session {
  return inTransaction(app.db, () => {
    const before = getSession(app, id);
    // The score and grade are kept when finishing: the profile or the accident-free years must not change under them.
    if (before.status === 'FINISHED') fail.rule('自评已完成，如需修改请先重新打开');
    checkSession(app, v);
    if (v.standardId !== before.standardId && before.totals.answered > 0) fail.rule('已开始评分的自评不能更换评分标准');
    app.db
      .prepare(
        `UPDATE std_session SET year = @year, title = @title, standardId = @standardId, gradeProfile = @gradeProfile, teamJson = @teamJson, startsOn = @startsOn, endsOn = @endsOn,
           accidentFreeYears = @accidentFreeYears, overview = @overview, process = @process, updatedAtMs = @now WHERE id = @id`,
      )
      .run({ ...v, team: undefined, teamJson: JSON.stringify(v.team), id, now: app.clock.nowMs() });
    const after = getSession(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'stdSession', entityId: id, summary: `修改自评「${v.title}」的基本信息`, before: { ...before, results: undefined }, after: { ...after, results: undefined } });
    return after;
  });
}

export interface ScoreValues {
  itemId: number;
  applicable: boolean;
  naReason: string | null;
  description: string | null;
  score: number | null;
  deductions: { id: string | null; points: number; reason: string }[];
  evidence: { kind: EvidenceKindCode; refId: string | null; periodFrom: string | null; periodTo: string | null }[];
  attachmentIds: string[];
}

export function scoreItem(app: AppContext, sessionId: string, v: ScoreValues): { result: Result; totals: Totals } {
  return inTransaction(app.db, () => {
    const s = sessionDb(app, sessionId);
    if (s.status === 'FINISHED') fail.rule('自评已完成，如需修改请先重新打开');
    const item = app.db.prepare('SELECT id, code, points FROM std_item WHERE id = ? AND standardId = ?').get(v.itemId, s.standardId) as { id: number; code: string; points: number } | undefined;
    if (!item) fail.field('itemId', '考评项目不属于本次自评的评分标准');
    let score: number | null = null;
    const existing = app.db.prepare('SELECT id, hazardId, todoOwnerId FROM std_deduction WHERE sessionId = ? AND itemId = ?').all(sessionId, v.itemId) as { id: string; hazardId: string | null; todoOwnerId: string | null }[];
    if (!v.applicable) {
      if (!v.naReason) fail.field('naReason', `将「${item.code}」标为不适用时，请说明理由（如：本企业无此类设备或作业）`);
      if (v.deductions.length) fail.field('deductions', '不适用的项目不能扣分');
      if (v.score !== null) fail.field('score', '不适用的项目不打分');
    } else {
      for (const [i, d] of v.deductions.entries()) {
        if (d.points < 0) fail.field(`deductions.${i}.points`, '扣分不能为负数，请填写扣除的分数（正数）');
        if (d.points === 0) fail.field(`deductions.${i}.points`, '扣分应大于 0；不扣分请删除该行');
      }
      const computed = itemScore(item.points, v.deductions.map((d) => d.points));
      if (v.score !== null) {
        if (v.score < 0) fail.field('score', '实得分不能为负数');
        if (v.score > item.points) fail.field('score', `实得分（${v.score}）不能超过该项的标准分值（${item.points} 分）`);
        if (v.deductions.length && round1(v.score) !== computed) fail.field('score', `实得分（${v.score}）与扣分合计不符：标准分 ${item.points} 分扣除后应为 ${computed} 分`);
        if (!v.deductions.length && v.score < item.points) fail.field('deductions', `实得分低于标准分值（${item.points} 分）时，请逐条填写扣分原因`);
      }
      // An explicit score has been checked against the deductions above; the stored score is always points less deductions.
      score = computed;
    }
    // Deductions followed up (hazard or to-do) stay.
    const keep = new Set(v.deductions.map((d) => d.id).filter(Boolean));
    for (const d of existing) {
      if (keep.has(d.id)) continue;
      if (d.hazardId || d.todoOwnerId) fail.field('deductions', `扣分点已转为${d.hazardId ? `隐患 ${getHazard(app, d.hazardId).code}` : '整改待办'}，不能删除`);
      app.db.prepare('DELETE FROM std_deduction WHERE id = ?').run(d.id);
    }
    app.db.prepare('UPDATE std_deduction SET seq = seq + 1000 WHERE sessionId = ? AND itemId = ?').run(sessionId, v.itemId);
    for (const [i, d] of v.deductions.entries()) {
      if (d.id) {
        const r = app.db.prepare('UPDATE std_deduction SET seq = ?, points = ?, reason = ? WHERE id = ? AND sessionId = ? AND itemId = ?').run(i + 1, d.points, d.reason, d.id, sessionId, v.itemId);
        if (r.changes === 0) fail.field(`deductions.${i}.id`, '该扣分点不属于本项目，请刷新后重试');
      } else app.db.prepare('INSERT INTO std_deduction (id, sessionId, itemId, seq, points, reason) VALUES (?, ?, ?, ?, ?, ?)').run(app.newId(), sessionId, v.itemId, i + 1, d.points, d.reason);
    }
    app.db.prepare('DELETE FROM std_evidence WHERE sessionId = ? AND itemId = ?').run(sessionId, v.itemId);
    const insE = app.db.prepare('INSERT INTO std_evidence (id, sessionId, itemId, kind, refId, periodFrom, periodTo, label, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const now = app.clock.nowMs();
    v.evidence.forEach((e, i) => insE.run(app.newId(), sessionId, v.itemId, e.kind, e.refId, e.periodFrom, e.kind === 'RISK_REGISTER' ? (e.periodTo ?? today(app)) : e.periodTo, labelFor(app, e, `evidence.${i}`), now + i));
    v.attachmentIds.forEach((a, i) => {
      getAttachment(app, a);
      insE.run(app.newId(), sessionId, v.itemId, 'ATTACHMENT', a, null, null, labelFor(app, { kind: 'ATTACHMENT', refId: a, periodFrom: null, periodTo: null }, `attachmentIds.${i}`), now + 100 + i);
    });
    const before = app.db.prepare('SELECT applicable, naReason, description, score FROM std_result WHERE sessionId = ? AND itemId = ?').get(sessionId, v.itemId) ?? null;
    app.db
      .prepare(
        `INSERT INTO std_result (sessionId, itemId, applicable, naReason, description, score, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(sessionId, itemId) DO UPDATE SET applicable = excluded.applicable, naReason = excluded.naReason, description = excluded.description, score = excluded.score, updatedAtMs = excluded.updatedAtMs`,
      )
      .run(sessionId, v.itemId, v.applicable ? 1 : 0, v.applicable ? null : v.naReason, v.description, score, now);
    const result = resultsOf(app, s).find((r) => r.itemId === v.itemId)!;
    recordAudit(app, { action: 'UPDATE', entityType: 'stdResult', entityId: sessionId, summary: `自评「${s.title}」${item.code}：${v.applicable ? `${score} / ${item.points} 分` : '不适用'}`, before, after: result });
    return { result, totals: computeTotals(app, s) };
  });
}

export function finishSession(app: AppContext, id: string, finishedOn: string): Session {
  return inTransaction(app.db, () => {
    const s = sessionDb(app, id);
    if (s.status === 'FINISHED') fail.rule('自评已完成');
    if (finishedOn < s.startsOn) fail.field('finishedOn', `完成日期不能早于自评开始日期（${s.startsOn}）`);
    if (finishedOn > today(app)) fail.field('finishedOn', '完成日期不能晚于今天');
    const totals = computeTotals(app, s);
    if (totals.answered < totals.items) {
      const missing = (app.db
        .prepare(`SELECT i.code FROM std_item i WHERE i.standardId = ? AND NOT EXISTS (SELECT 1 FROM std_result r WHERE r.sessionId = ? AND r.itemId = i.id) ORDER BY i.seq LIMIT 8`)
        .all(s.standardId, id) as { code: string }[]).map((r) => r.code);
      fail.rule(`还有 ${totals.items - totals.answered} 个考评项目未评分，不能完成自评：${missing.join('、')}${totals.items - totals.answered > missing.length ? '……' : ''}`);
    }
    app.db.prepare(`UPDATE std_session SET status = 'FINISHED', finishedOn = ?, score = ?, grade = ?, updatedAtMs = ? WHERE id = ?`).run(finishedOn, totals.score, totals.grade, app.clock.nowMs(), id);
    const after = getSession(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'stdSession', entityId: id, summary: `完成自评「${s.title}」：${totals.score === null ? '没有适用的考评项目，不计分' : `${totals.score} 分，${totals.gradeLabel}`}`, after: { ...after, results: undefined } });
    return after;
  });
}

export function reopenSession(app: AppContext, id: string, reason: string): Session {
  return inTransaction(app.db, () => {
    const s = sessionDb(app, id);
    if (s.status !== 'FINISHED') fail.rule('自评尚未完成，无需重新打开');
    app.db.prepare(`UPDATE std_session SET status = 'OPEN', finishedOn = NULL, score = NULL, grade = NULL, updatedAtMs = ? WHERE id = ?`).run(app.clock.nowMs(), id);
    recordAudit(app, { action: 'UPDATE', entityType: 'stdSession', entityId: id, summary: `重新打开自评「${s.title}」：${reason}` });
    return getSession(app, id);
  });
}

// ---- follow-up of deductions ----

function deductionOf(app: AppContext, id: string) {
  const d = app.db
    .prepare(
      `SELECT d.id, d.sessionId, d.points, d.reason, d.hazardId, d.todoOwnerId, i.code, i.content, x.title, x.endsOn FROM std_deduction d
       JOIN std_item i ON i.id = d.itemId JOIN std_session x ON x.id = d.sessionId WHERE d.id = ?`,
    )
    .get(id) as { id: string; sessionId: string; points: number; reason: string; hazardId: string | null; todoOwnerId: string | null; code: string; content: string; title: string; endsOn: string } | undefined;
  return d ?? fail.notFound('扣分点');
}

export function deductionToHazard(app: AppContext, x: { deductionId: string; unitId: string; respPersonId: string | null; level: string; deadline: string | null }): Session {
  return inTransaction(app.db, () => {
    const d = deductionOf(app, x.deductionId);
    if (d.hazardId) fail.rule(`该扣分点已登记为隐患 ${getHazard(app, d.hazardId).code}`);
    if (d.todoOwnerId) fail.rule('该扣分点已列为整改待办');
    const t = today(app);
    const hazardId = insertHazard(app, {
      source: 'STANDARD',
      unitId: x.unitId,
      riskPointId: null,
      location: null,
      description: `标准化自评扣分（${d.code}，扣 ${d.points} 分）：${d.reason}`.slice(0, 500),
      kind: 'MANAGEMENT',
      scope: 'BASIC',
      level: x.level,
      criteriaCode: null,
      foundByName: '标准化自评小组',
      foundOn: d.endsOn < t ? d.endsOn : t,
      photoIds: [],
      measures: `按评分标准要求整改：${d.content}`.slice(0, 1000),
      respUnitId: x.unitId,
      respPersonId: x.respPersonId,
      funds: null,
      deadline: x.deadline,
      interimMeasures: null,
    });
    app.db.prepare('UPDATE std_deduction SET hazardId = ? WHERE id = ?').run(hazardId, d.id);
    recordAudit(app, { action: 'UPDATE', entityType: 'stdDeduction', entityId: d.id, summary: `自评「${d.title}」${d.code} 扣分点登记为隐患 ${getHazard(app, hazardId).code}` });
    return getSession(app, d.sessionId);
  });
}

export function deductionToTodo(app: AppContext, x: { deductionId: string; ownerId: string; dueOn: string }): Session {
  return inTransaction(app.db, () => {
    const d = deductionOf(app, x.deductionId);
    if (d.hazardId) fail.rule(`该扣分点已登记为隐患 ${getHazard(app, d.hazardId).code}`);
    const owner = activePerson(app, x.ownerId, 'ownerId', '责任人');
    if (x.dueOn < today(app)) fail.field('dueOn', '整改期限不能早于今天');
    app.db.prepare('UPDATE std_deduction SET todoOwnerId = ?, todoDueOn = ? WHERE id = ?').run(x.ownerId, x.dueOn, d.id);
    recordAudit(app, { action: 'UPDATE', entityType: 'stdDeduction', entityId: d.id, summary: `自评「${d.title}」${d.code} 扣分点列为整改待办：${owner.name}，${x.dueOn} 前` });
    return getSession(app, d.sessionId);
  });
}

export function completeTodo(app: AppContext, x: { deductionId: string; doneOn: string; note: string }): Session {
  return inTransaction(app.db, () => {
    const d = deductionOf(app, x.deductionId);
    if (!d.todoOwnerId) fail.rule('该扣分点还没有列为整改待办');
    if (x.doneOn > today(app)) fail.field('doneOn', '完成日期不能晚于今天');
    app.db.prepare('UPDATE std_deduction SET todoDoneOn = ?, todoNote = ? WHERE id = ?').run(x.doneOn, x.note, d.id);
    recordAudit(app, { action: 'UPDATE', entityType: 'stdDeduction', entityId: d.id, summary: `自评「${d.title}」${d.code} 整改待办完成（${x.doneOn}）：${x.note}` });
    return getSession(app, d.sessionId);
  });
}

/** Element scores of every session, oldest first. */
export function compareSessions(app: AppContext) {
  const rows = app.db.prepare(`${SESSION_SELECT} ORDER BY x.year, x.createdAtMs`).all() as SessionDb[];
  return rows.map((s) => {
    const t = computeTotals(app, s);
    return { sessionId: s.id, year: s.year, title: s.title, score: t.score, grade: t.grade, elements: t.elements.map((e) => ({ code: e.code, name: e.name, score: e.score })) };
  });
}
