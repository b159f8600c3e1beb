/**
 * 考核: each person is scored, per period, against the items of their post's
 * responsibility list in force at the period's end. Results roll up per unit.
 */
import type { AppContext } from '../../context.ts';
import type { AssessmentRow, Period, Sheet } from '../../../preload/contract/assessments.ts';
import type { PeriodKind } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { inTransaction } from '../../db/sql.ts';
import { grade, inForceOn, percent, periodRange, versionLabel, type GradeRule } from '../../domain/duties.ts';
import { recordAudit } from '../audit/service.ts';
import { readSetting } from '../app/settings.ts';
import { today } from '../enterprise/service.ts';

interface PeriodRow {
  id: string;
  kind: PeriodKind;
  year: number;
  seq: number;
  label: string;
  startDate: string;
  endDate: string;
  status: 'OPEN' | 'CLOSED';
}

const PERIOD_SEQ_MAX: Record<PeriodKind, number> = { MONTH: 12, QUARTER: 4, YEAR: 1 };

function periodOrFail(app: AppContext, id: string): Period {
  const r = app.db
    .prepare(`SELECT p.*, (SELECT count(*) FROM assessment_sheet s WHERE s.periodId = p.id) AS assessed FROM assessment_period p WHERE p.id = ?`)
    .get(id) as (PeriodRow & { assessed: number }) | undefined;
  if (!r) return fail.notFound('考核周期');
  const { id: pid, kind, year, seq, label, startDate, endDate, status, assessed } = r;
  return { id: pid, kind, year, seq, label, startDate, endDate, status, assessed };
}

export function listPeriods(app: AppContext): Period[] {
  const ids = app.db.prepare('SELECT id FROM assessment_period ORDER BY startDate DESC, kind').all() as { id: string }[];
  return ids.map((r) => periodOrFail(app, r.id));
}

export function createPeriod(app: AppContext, kind: PeriodKind, year: number, seq: number): Period {
  return inTransaction(app.db, () => {
    const max = PERIOD_SEQ_MAX[kind];
    if (seq > max) fail.field('seq', kind === 'YEAR' ? '年度考核的序号应为 1' : `${kind === 'MONTH' ? '月份' : '季度'}应在 1–${max} 之间`);
    const range = periodRange(kind, year, seq);
    if (app.db.prepare('SELECT 1 FROM assessment_period WHERE kind = ? AND year = ? AND seq = ?').get(kind, year, seq)) {
      fail.conflict(`已有「${range.label}」考核周期`, 'seq');
    }
    if (range.startDate > today(app)) fail.field('seq', `「${range.label}」尚未开始，不能建立考核`);
    const id = app.newId();
    app.db
      .prepare(`INSERT INTO assessment_period (id, kind, year, seq, label, startDate, endDate, status, createdAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)`)
      .run(id, kind, year, seq, range.label, range.startDate, range.endDate, app.clock.nowMs());
    const p = periodOrFail(app, id);
    recordAudit(app, { action: 'CREATE', entityType: 'assessment_period', entityId: id, summary: `新建考核周期「${p.label}」（${p.startDate} 至 ${p.endDate}）`, after: p });
    return p;
  });
}

export function closePeriod(app: AppContext, id: string): Period {
  return inTransaction(app.db, () => {
    const p = periodOrFail(app, id);
    if (p.status === 'CLOSED') fail.rule(`「${p.label}」已结束`);
    if (p.assessed === 0) fail.rule(`「${p.label}」还没有任何考核记录，不能结束`);
    app.db.prepare(`UPDATE assessment_period SET status = 'CLOSED' WHERE id = ?`).run(id);
    const after = periodOrFail(app, id);
    recordAudit(app, { action: 'UPDATE', entityType: 'assessment_period', entityId: id, summary: `结束考核周期「${p.label}」（已考核 ${p.assessed} 人次），之后不能再改分`, before: p, after });
    return after;
  });
}

export function gradeRule(app: AppContext): GradeRule {
  return readSetting(app, 'assessmentGrades');
}

/** The date whose list counts for a period: its end, or today while it runs. */
function referenceDate(app: AppContext, p: Period): string {
  const t = today(app);
  return p.endDate < t ? p.endDate : t;
}

interface HolderRow {
  personId: string;
  name: string;
  staffNo: string;
  unitId: string;
  unitName: string;
  postId: string;
  postName: string;
}

interface SheetRow {
  id: string;
  personId: string;
  postId: string;
  listId: string;
  assessorName: string;
  assessedOn: string;
  vetoReason: string | null;
  comment: string | null;
}

interface ListMeta {
  id: string;
  label: string;
  maxScore: number;
  items: number;
}

/** Every approved list by post, with its weight total: loaded once for a whole period. */
function approvedLists(app: AppContext) {
  const rows = app.db
    .prepare(
      `SELECT l.id, l.postId, l.year, l.revision, l.effectiveFrom, l.approvedAtMs, ifnull(sum(i.weight), 0) AS maxScore, count(i.id) AS items
       FROM duty_list l LEFT JOIN duty_item i ON i.listId = l.id WHERE l.status = 'APPROVED' GROUP BY l.id`,
    )
    .all() as { id: string; postId: string; year: number; revision: number; effectiveFrom: string; approvedAtMs: number; maxScore: number; items: number }[];
  const byPost = new Map<string, typeof rows>();
  for (const r of rows) byPost.set(r.postId, [...(byPost.get(r.postId) ?? []), r]);
  return (postId: string, date: string): ListMeta | null => {
    const v = inForceOn(byPost.get(postId) ?? [], date);
    return v ? { id: v.id, label: versionLabel(v), maxScore: v.maxScore, items: v.items } : null;
  };
}

function toRow(h: HolderRow, list: ListMeta | null, sheet: SheetRow | undefined, totals: { score: number; scored: number } | undefined, rule: GradeRule): AssessmentRow {
  // A sheet keeps the list it was scored against, even if a later version took over.
  const complete = !!sheet && !!totals && !!list && totals.scored === list.items;
  const pct = complete && list ? percent(totals.score, list.maxScore) : null;
  return {
    personId: h.personId,
    name: h.name,
    staffNo: h.staffNo,
    unitId: h.unitId,
    unitName: h.unitName,
    postId: h.postId,
    postName: h.postName,
    listId: list?.id ?? null,
    listLabel: list?.label ?? null,
    maxScore: list?.maxScore ?? 0,
    score: sheet && totals ? Math.round(totals.score * 10) / 10 : null,
    percent: pct,
    grade: sheet?.vetoReason ? '不合格' : pct === null ? null : grade(pct, rule),
    scoredItems: totals?.scored ?? 0,
    totalItems: list?.items ?? 0,
    vetoReason: sheet?.vetoReason ?? null,
    assessorName: sheet?.assessorName ?? null,
  };
}

/**
 * The people to assess in a period: everyone active holding a post, each post
 * separately, plus anyone already scored (so a sheet never disappears when a
 * person leaves or changes post).
 */
export function assessmentRows(app: AppContext, periodId: string, unitId: string | null, search: string | null): AssessmentRow[] {
  const p = periodOrFail(app, periodId);
  const date = referenceDate(app, p);
  const rule = gradeRule(app);
  const listFor = approvedLists(app);
  const holders = app.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id),
       pairs(personId, postId) AS (
         SELECT pp.personId, pp.postId FROM person_post pp JOIN person p ON p.id = pp.personId WHERE pp.endDate IS NULL AND p.status = 'ACTIVE'
         UNION SELECT personId, postId FROM assessment_sheet WHERE periodId = @periodId)
       SELECT p.id AS personId, p.name, p.staffNo, u.id AS unitId, u.name AS unitName, t.id AS postId, t.name AS postName
       FROM pairs x JOIN person p ON p.id = x.personId JOIN unit u ON u.id = p.unitId JOIN post t ON t.id = x.postId
       WHERE (@unitId IS NULL OR p.unitId IN (SELECT id FROM sub))
         AND (@q IS NULL OR p.name LIKE @q ESCAPE '\\' OR p.staffNo LIKE @q ESCAPE '\\' OR t.name LIKE @q ESCAPE '\\')
       ORDER BY u.sortOrder, u.name, p.staffNo, t.name`,
    )
    .all({ unitId, periodId, q: search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null }) as HolderRow[];
  const sheets = new Map(
    (app.db.prepare('SELECT id, personId, postId, listId, assessorName, assessedOn, vetoReason, comment FROM assessment_sheet WHERE periodId = ?').all(periodId) as SheetRow[]).map((s) => [
      `${s.personId}|${s.postId}`,
      s,
    ]),
  );
  const totals = new Map(
    (
      app.db
        .prepare('SELECT s.id, sum(c.score) AS score, count(c.itemId) AS scored FROM assessment_sheet s JOIN assessment_score c ON c.sheetId = s.id WHERE s.periodId = ? GROUP BY s.id')
        .all(periodId) as { id: string; score: number; scored: number }[]
    ).map((t) => [t.id, t]),
  );
  const listMeta = listMetaById(app);
  return holders.map((h) => {
    const sheet = sheets.get(`${h.personId}|${h.postId}`);
    const list = sheet ? listMeta(sheet.listId) : listFor(h.postId, date);
    return toRow(h, list, sheet, sheet ? totals.get(sheet.id) : undefined, rule);
  });
}

function listMetaById(app: AppContext) {
  const stmt = app.db.prepare(
    `SELECT l.id, l.year, l.revision, ifnull(sum(i.weight), 0) AS maxScore, count(i.id) AS items FROM duty_list l LEFT JOIN duty_item i ON i.listId = l.id WHERE l.id = ? GROUP BY l.id`,
  );
  return (id: string): ListMeta | null => {
    const r = stmt.get(id) as { id: string; year: number; revision: number; maxScore: number; items: number } | undefined;
    return r ? { id: r.id, label: versionLabel(r), maxScore: r.maxScore, items: r.items } : null;
  };
}

export function getSheet(app: AppContext, periodId: string, personId: string, postId: string): Sheet {
  const period = periodOrFail(app, periodId);
  const sheet = app.db
    .prepare('SELECT id, personId, postId, listId, assessorName, assessedOn, vetoReason, comment FROM assessment_sheet WHERE periodId = ? AND personId = ? AND postId = ?')
    .get(periodId, personId, postId) as SheetRow | undefined;
  const h = app.db
    .prepare(
      `SELECT p.id AS personId, p.name, p.staffNo, u.id AS unitId, u.name AS unitName, t.id AS postId, t.name AS postName
       FROM person p JOIN unit u ON u.id = p.unitId, post t WHERE p.id = ? AND t.id = ?`,
    )
    .get(personId, postId) as HolderRow | undefined;
  if (!h) return fail.notFound('人员或岗位');
  if (!sheet && !app.db.prepare('SELECT 1 FROM person_post WHERE personId = ? AND postId = ? AND endDate IS NULL').get(personId, postId)) {
    fail.rule(`「${h.name}」目前不在岗位「${h.postName}」，无法按该岗位考核`);
  }
  const list = sheet ? listMetaById(app)(sheet.listId) : approvedLists(app)(postId, referenceDate(app, period));
  const scores = new Map(
    sheet
      ? (app.db.prepare('SELECT itemId, score, deductionReason, evidence FROM assessment_score WHERE sheetId = ?').all(sheet.id) as { itemId: string; score: number; deductionReason: string | null; evidence: string | null }[]).map((s) => [s.itemId, s])
      : [],
  );
  const items = list
    ? (app.db.prepare('SELECT id, itemNo, content, assessmentStandard, weight FROM duty_item WHERE listId = ? ORDER BY itemNo').all(list.id) as { id: string; itemNo: number; content: string; assessmentStandard: string | null; weight: number }[])
    : [];
  const total = [...scores.values()].reduce((a, s) => a + s.score, 0);
  return {
    period,
    row: toRow(h, list, sheet, sheet ? { score: total, scored: scores.size } : undefined, gradeRule(app)),
    assessedOn: sheet?.assessedOn ?? null,
    comment: sheet?.comment ?? null,
    editable: period.status === 'OPEN' && list !== null,
    items: items.map((i) => {
      const s = scores.get(i.id);
      return { itemId: i.id, itemNo: i.itemNo, content: i.content, assessmentStandard: i.assessmentStandard, weight: i.weight, score: s?.score ?? null, deductionReason: s?.deductionReason ?? null, evidence: s?.evidence ?? null };
    }),
  };
}

export interface SheetInput {
  periodId: string;
  personId: string;
  postId: string;
  assessorName: string;
  assessedOn: string;
  vetoReason: string | null;
  comment: string | null;
  scores: { itemId: string; score: number; deductionReason: string | null; evidence: string | null }[];
}

export function saveSheet(app: AppContext, s: SheetInput): Sheet {
  return inTransaction(app.db, () => {
    const before = getSheet(app, s.periodId, s.personId, s.postId);
    const { period, row } = before;
    if (period.status !== 'OPEN') fail.rule(`「${period.label}」考核已结束，不能再修改评分`);
    if (!row.listId) fail.rule(`岗位「${row.postName}」在${period.label}没有现行的责任清单，无法考核；请先编制并批准责任清单`);
    if (s.assessedOn < period.startDate) fail.field('assessedOn', `考核日期不能早于考核周期开始日（${period.startDate}）`);
    if (s.assessedOn > today(app)) fail.field('assessedOn', '考核日期不能晚于今天');
    const items = new Map(before.items.map((i) => [i.itemId, i]));
    const seen = new Set<string>();
    s.scores.forEach((sc, i) => {
      const item = items.get(sc.itemId);
      if (!item) fail.field(`scores.${i}.itemId`, '该职责条目不属于本次考核所依据的责任清单，请刷新后重试');
      if (seen.has(sc.itemId)) fail.field(`scores.${i}.itemId`, `第 ${item.itemNo} 条重复评分`);
      seen.add(sc.itemId);
      if (sc.score > item.weight) fail.field(`scores.${i}.score`, `第 ${item.itemNo} 条得分 ${sc.score} 超过该条分值 ${item.weight}`);
      if (sc.score < item.weight && !sc.deductionReason) fail.field(`scores.${i}.deductionReason`, `第 ${item.itemNo} 条扣了 ${Math.round((item.weight - sc.score) * 10) / 10} 分，请写明扣分原因`);
    });
    const nowMs = app.clock.nowMs();
    const existing = app.db.prepare('SELECT id FROM assessment_sheet WHERE periodId = ? AND personId = ? AND postId = ?').get(s.periodId, s.personId, s.postId) as { id: string } | undefined;
    const sheetId = existing?.id ?? app.newId();
    if (existing) {
      app.db.prepare('UPDATE assessment_sheet SET assessorName = ?, assessedOn = ?, vetoReason = ?, comment = ?, updatedAtMs = ? WHERE id = ?').run(s.assessorName, s.assessedOn, s.vetoReason, s.comment, nowMs, sheetId);
    } else {
      app.db
        .prepare('INSERT INTO assessment_sheet (id, periodId, personId, postId, listId, assessorName, assessedOn, vetoReason, comment, updatedAtMs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(sheetId, s.periodId, s.personId, s.postId, row.listId, s.assessorName, s.assessedOn, s.vetoReason, s.comment, nowMs);
    }
    const upsert = app.db.prepare(
      `INSERT INTO assessment_score (sheetId, itemId, score, deductionReason, evidence) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(sheetId, itemId) DO UPDATE SET score = excluded.score, deductionReason = excluded.deductionReason, evidence = excluded.evidence`,
    );
    for (const sc of s.scores) upsert.run(sheetId, sc.itemId, sc.score, sc.score < items.get(sc.itemId)!.weight ? sc.deductionReason : null, sc.evidence);
    const after = getSheet(app, s.periodId, s.personId, s.postId);
    recordAudit(app, {
      action: existing ? 'UPDATE' : 'CREATE',
      entityType: 'assessment_sheet',
      entityId: sheetId,
      summary: `${s.assessorName} 考核 ${row.name}（${row.postName}，${period.label}）：${after.row.score ?? 0}/${after.row.maxScore} 分${after.row.grade ? `，${after.row.grade}` : `，已评 ${after.row.scoredItems}/${after.row.totalItems} 条`}${s.vetoReason ? `，一票否决：${s.vetoReason}` : ''}`,
      before: existing ? { score: row.score, vetoReason: row.vetoReason, items: before.items.map((i) => [i.itemNo, i.score]) } : undefined,
      after: { score: after.row.score, vetoReason: after.row.vetoReason, items: after.items.map((i) => [i.itemNo, i.score]) },
    });
    return after;
  });
}

export function results(app: AppContext, periodId: string) {
  const period = periodOrFail(app, periodId);
  const rows = assessmentRows(app, periodId, null, null);
  const rule = gradeRule(app);
  const summarise = (unitId: string, unitName: string, rs: AssessmentRow[]) => {
    const done = rs.filter((r) => r.grade !== null);
    const withPct = done.filter((r) => r.percent !== null);
    return {
      unitId,
      unitName,
      people: rs.length,
      assessed: done.length,
      averagePercent: withPct.length ? Math.round((withPct.reduce((a, r) => a + r.percent!, 0) / withPct.length) * 10) / 10 : null,
      excellent: done.filter((r) => r.grade === '优秀').length,
      pass: done.filter((r) => r.grade === '合格').length,
      fail: done.filter((r) => r.grade === '不合格').length,
    };
  };
  const byUnit = new Map<string, AssessmentRow[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  return {
    period,
    grades: rule,
    units: [...byUnit.entries()].map(([unitId, rs]) => summarise(unitId, rs[0]!.unitName, rs)),
    overall: summarise('', '全公司', rows),
  };
}
