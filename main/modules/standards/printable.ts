/**
 * The print centre's 安全生产标准化 documents for one self-assessment session:
 * the 自评报告 (A4 portrait) and the full 自评评分表 (A4 landscape, laid out in
 * parts for sheets of a thousand items). What each loads; layouts in docs.ts.
 */
import type { AppContext } from '../../context.ts';
import type { Session, Standard } from '../../../preload/contract/standards.ts';
import { EvidenceKind, HazardStatus, Industry, IndustrySector } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { getEnterprise, today } from '../enterprise/service.ts';
import { docType, type Loaded, type PrintTarget } from '../print/types.ts';
import {
  buildReport,
  buildScoreSheet,
  type DeductionDoc,
  type PlanRowDoc,
  type ReportData,
  type ScoreRowDoc,
  type ScoreSheetData,
  type ScoreTotalDoc,
} from './docs.ts';
import { gradeProfile, getStandard } from './library.ts';
import { getSession, listSessions } from './sessions.ts';

/**
 * Most rows (items, element headings and subtotals) laid out in one part of
 * the scoring sheet. Like the hazard ledger, a longer sheet is laid out in
 * parts of even size that are merged, so memory stays flat on sheets of
 * thousands of items. A sheet of one part is laid out once; parts cost a
 * counting pass for the page numbers (measured on a 1,000-item sheet of 1,056
 * rows: one part ~1.1–1.5 s and +35 MB; two parts ~2–4 s).
 */
export const SHEET_ROWS_PER_PART = 1500;
/** 考评内容 in the report's deduction tables is cut to this many characters. */
const SHORT_CONTENT = 48;

const num = (n: number): string => String(Math.round(n * 10) / 10);
const rate = (n: number | null): string => (n === null ? '—' : `${n}%`);
const shorten = (s: string, n = SHORT_CONTENT): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

function sessionIn(app: AppContext, t: PrintTarget): { s: Session; std: Standard } {
  if (!t.recordId) return fail.field('recordId', '请选择自评');
  const s = getSession(app, t.recordId);
  return { s, std: getStandard(app, s.standardId) };
}

function sessionRecords(app: AppContext) {
  return listSessions(app).map((s) => ({
    id: s.id,
    label: `${s.year} 年 ${s.title}（${s.status === 'FINISHED' ? `已完成，${s.score ?? '—'} 分，${s.gradeLabel}` : `自评中，已评 ${s.answered}/${s.items} 项`}）`,
  }));
}

const records = { label: '自评', required: true, list: sessionRecords };

/** The omitted note of a session still open, shared by both documents. */
function progressNote(s: Session): string | null {
  return s.status === 'FINISHED' ? null : `自评尚未完成（已评分 ${s.totals.answered}/${s.totals.items} 项）：页眉注明，得分和等级为当前进度，不作为自评结论`;
}

/** The team's 组长 (not a 副组长), or its first member. */
function leaderOf(s: Session): string | null {
  return (s.team.find((m) => m.role.includes('组长') && !m.role.includes('副组长')) ?? s.team[0])?.name ?? null;
}

/** Top-level element of every element id. */
function topOf(std: Standard): Map<number, number> {
  const parent = new Map(std.elements.map((e) => [e.id, e.parentId]));
  const out = new Map<number, number>();
  for (const e of std.elements) {
    let top = e.id;
    while (parent.get(top)) top = parent.get(top)!;
    out.set(e.id, top);
  }
  return out;
}

/**
 * Points of the answered items per top-level element ('all': the whole sheet).
 * While a session is open its score covers the answered items only, so the
 * base printed is theirs: answered points − N/A points.
 */
function answeredPoints(std: Standard, s: Session): Map<number | 'all', number> {
  const tops = topOf(std);
  const answered = new Set(s.results.filter((r) => r.answered).map((r) => r.itemId));
  const out = new Map<number | 'all', number>();
  for (const i of std.items) {
    if (!answered.has(i.id)) continue;
    const top = tops.get(i.elementId)!;
    out.set(top, (out.get(top) ?? 0) + i.points);
    out.set('all', (out.get('all') ?? 0) + i.points);
  }
  return out;
}

function totalsDoc(t: { items: number; totalPoints: number; naPoints: number; earned: number; score: number | null } | Session['totals']['elements'][number], code: string, name: string, answered: number): ScoreTotalDoc {
  const points = 'totalPoints' in t ? t.totalPoints : t.points;
  return { code, name, items: t.items, points: num(points), naPoints: num(t.naPoints), base: num(answered - t.naPoints), earned: num(t.earned), rate: rate(t.score) };
}

// ---------------------------------------------------------------- 自评报告

interface HazardFollow {
  code: string;
  status: string;
  deadline: string;
  measures: string | null;
  person: string | null;
  closedOn: string | null;
}

function hazardsOf(app: AppContext, sessionId: string): Map<string, HazardFollow> {
  const rows = app.db
    .prepare(
      `SELECT h.id, h.code, h.status, h.deadline, h.measures, p.name AS person, h.closedOn FROM hazard h LEFT JOIN person p ON p.id = h.respPersonId
       WHERE h.id IN (SELECT hazardId FROM std_deduction WHERE sessionId = ? AND hazardId IS NOT NULL)`,
    )
    .all(sessionId) as (HazardFollow & { id: string })[];
  return new Map(rows.map(({ id, ...h }) => [id, h]));
}

function loadReport(app: AppContext, t: PrintTarget): Loaded<ReportData> {
  const { s, std } = sessionIn(app, t);
  const e = getEnterprise(app);
  const profile = gradeProfile(app, s.gradeProfile);
  const tot = s.totals;
  const finished = s.status === 'FINISHED';
  const on = today(app);
  const items = new Map(std.items.map((i) => [i.id, i]));
  const tops = topOf(std);
  const hazards = hazardsOf(app, s.id);
  const answered = answeredPoints(std, s);
  const label = (code: string | null) => (code ? (profile.grades.find((g) => g.code === code)?.label ?? code) : null);

  const deductions: DeductionDoc[] = [];
  const plan: PlanRowDoc[] = [];
  for (const r of s.results) {
    const item = items.get(r.itemId)!;
    for (const d of r.deductions) {
      const h = d.hazardId ? (hazards.get(d.hazardId) ?? null) : null;
      const no = deductions.length + 1;
      let follow: string;
      let owner = '—';
      let deadline = '—';
      let measure: string;
      let state: string;
      let tone: PlanRowDoc['tone'];
      if (h) {
        const status = HazardStatus.label[h.status as keyof typeof HazardStatus.label] ?? h.status;
        follow = `隐患 ${h.code}（${status}）`;
        owner = h.person ?? '—';
        deadline = h.deadline;
        measure = `登记为隐患 ${h.code}${h.measures ? `：${shorten(h.measures, 60)}` : ''}`;
        state = d.closed ? `已整改（${h.closedOn ?? ''} 销号）` : h.deadline < on ? `逾期未整改（${status}）` : status;
        tone = d.closed ? 'done' : h.deadline < on ? 'late' : 'open';
      } else if (d.todoOwnerId) {
        follow = `整改待办：${d.todoOwnerName ?? ''}，${d.todoDueOn ?? ''} 前${d.todoDoneOn ? `，${d.todoDoneOn} 已完成` : ''}`;
        owner = d.todoOwnerName ?? '—';
        deadline = d.todoDueOn ?? '—';
        measure = d.todoDoneOn ? `整改待办。完成情况：${d.todoNote ?? ''}` : '列为整改待办，按评分标准要求整改';
        const late = !d.todoDoneOn && (d.todoDueOn ?? on) < on;
        state = d.todoDoneOn ? `已整改（${d.todoDoneOn} 完成）` : late ? '逾期未完成' : '整改中';
        tone = d.todoDoneOn ? 'done' : late ? 'late' : 'open';
      } else {
        follow = '尚未落实整改';
        measure = '尚未转为隐患或整改待办';
        state = '未落实';
        tone = 'none';
      }
      deductions.push({ no, itemCode: item.code, content: shorten(item.content), points: num(d.points), reason: d.reason, followUp: follow, tone });
      plan.push({ no, itemCode: item.code, problem: d.reason, measure, owner, deadline, state, tone });
    }
  }
  const counted = (tone: PlanRowDoc['tone']) => plan.filter((p) => p.tone === tone).length;

  // Evidence: links per top-level element, and the distinct records linked.
  const evByTop = new Map<number, { withEvidence: number; links: number }>();
  const linked = new Map<string, { kind: string; label: string; items: string[]; broken: boolean }>();
  for (const r of s.results) {
    if (!r.evidence.length) continue;
    const item = items.get(r.itemId)!;
    const top = tops.get(item.elementId)!;
    const x = evByTop.get(top) ?? { withEvidence: 0, links: 0 };
    x.withEvidence += 1;
    x.links += r.evidence.length;
    evByTop.set(top, x);
    for (const ev of r.evidence) {
      const key = `${ev.kind}|${ev.refId ?? ''}|${ev.periodFrom ?? ''}|${ev.periodTo ?? ''}`;
      const rec = linked.get(key) ?? { kind: ev.kind === 'ATTACHMENT' ? '附件' : EvidenceKind.label[ev.kind].replace(/（期间）$/, ''), label: ev.label, items: [], broken: ev.broken };
      if (!rec.items.includes(item.code)) rec.items.push(item.code);
      linked.set(key, rec);
    }
  }
  const scoreGrade = label(tot.scoreGrade);
  const perfGrade = label(tot.performanceGrade);
  const omitted: string[] = [];
  const note = progressNote(s);
  if (note) omitted.push(note);
  if (counted('none')) omitted.push(`${counted('none')} 个扣分点尚未转为隐患或整改待办，整改计划中标为「未落实」`);
  if (!s.overview) omitted.push('企业概况未填写，只列出企业基本信息');
  if (!s.process) omitted.push('自评过程未填写，留空供补写');
  const brokenCount = [...linked.values()].filter((r) => r.broken).length;
  if (brokenCount) omitted.push(`${brokenCount} 条证据所指的记录已删除（证据清单中注明）`);

  return {
    title: `${s.year}年度安全生产标准化自评报告`,
    data: {
      cover: {
        year: s.year,
        title: s.title,
        standard: std.edition ? `${std.name}（${std.edition}）` : std.name,
        profile: profile.name,
        period: `${s.startsOn} 至 ${s.endsOn}`,
        finished,
        finishedOn: s.finishedOn,
        progress: `已评分 ${tot.answered}/${tot.items} 项`,
        score: tot.score === null ? null : num(tot.score),
        grade: tot.gradeLabel,
        explanation: tot.gradeExplanation,
      },
      enterprise: {
        name: e.name,
        industry: `${Industry.label[e.industry]}${e.industrySector ? `（${IndustrySector.label[e.industrySector]}）` : ''}`,
        creditCode: e.creditCode,
        address: e.address,
        legalRepresentative: e.legalRepresentative,
        principal: e.principal?.name ?? null,
        safetyDept: e.safetyDeptName,
        regulator: e.regulatorName,
      },
      overview: s.overview,
      team: s.team.map((m) => ({ name: m.name, role: m.role })),
      process: s.process,
      elements: tot.elements.map((x) => totalsDoc(x, x.code, x.name, answered.get(x.elementId) ?? 0)),
      total: totalsDoc(tot, '', '合计', answered.get('all') ?? 0),
      complete: tot.answered === tot.items,
      grading: {
        profile: profile.name,
        basis: profile.basis,
        grades: profile.grades.map((g) => ({ label: g.label, minScore: num(g.minScore), years: num(g.accidentFreeYears), byScore: tot.score !== null && tot.score >= g.minScore, byPerformance: s.accidentFreeYears === null || s.accidentFreeYears >= g.accidentFreeYears })),
        score: tot.score === null ? null : num(tot.score),
        scoreGrade: tot.score === null ? '尚未评分' : (scoreGrade ?? '未达到最低等级'),
        accidentFreeYears: s.accidentFreeYears === null ? null : num(s.accidentFreeYears),
        performanceGrade: s.accidentFreeYears === null ? '未填写无事故年数，不按安全生产绩效条件限制' : (perfGrade ?? '不满足最低等级的条件'),
        finalGrade: tot.gradeLabel,
        explanation: tot.gradeExplanation,
      },
      deductions,
      deductionTotal: num(deductions.reduce((a, d) => a + Number(d.points), 0)),
      plan,
      planSummary: plan.length ? `扣分点共 ${plan.length} 个：已整改 ${counted('done')} 个，整改中 ${counted('open')} 个${counted('late') ? `，逾期 ${counted('late')} 个` : ''}${counted('none') ? `，尚未落实整改 ${counted('none')} 个` : ''}。` : '本次自评没有扣分点。',
      evidence: {
        elements: tot.elements.map((x) => ({ code: x.code, name: x.name, items: x.items, withEvidence: evByTop.get(x.elementId)?.withEvidence ?? 0, links: evByTop.get(x.elementId)?.links ?? 0 })),
        records: [...linked.values()].map((r, i) => ({ no: i + 1, kind: r.kind, label: r.label, items: r.items.length > 8 ? `${r.items.slice(0, 8).join('、')} 等 ${r.items.length} 项` : r.items.join('、'), broken: r.broken })),
      },
      sign: { leader: leaderOf(s), principal: e.principal?.name ?? null, date: s.finishedOn },
    },
    imageIds: [],
    missing: [],
    omitted,
  };
}

export const stdReportDoc = docType<ReportData>({
  type: 'stdReport',
  title: '安全生产标准化自评报告',
  group: '安全生产标准化',
  description:
    '一次自评一份：封面（企业、年度、评分标准、定级标准、自评期间和自评结论），企业概况，自评组织，自评过程，各一级要素得分（标准分、不适用分、实得分、得分率）和百分制得分，自评等级（得分与安全生产绩效取较低者），自评扣分点及原因说明汇总表，整改计划和进展，证据清单，自评组长和主要负责人签字。自评尚未完成的，每页页眉注明。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 210,
  records,
  sectionLabels: {
    cover: '自评结论',
    enterprise: '企业基本信息',
    overview: '企业概况',
    team: '自评组织',
    process: '自评过程',
    elements: '各要素得分',
    total: '得分合计',
    grading: '自评等级',
    deductions: '扣分点汇总',
    deductionTotal: '扣分合计',
    plan: '整改计划',
    planSummary: '整改进展',
    evidence: '证据清单',
    sign: '签字',
  },
  load: loadReport,
  build: buildReport,
});

// ---------------------------------------------------------------- 自评评分表

function itemRow(item: Standard['items'][number], r: Session['results'][number] | undefined): ScoreRowDoc {
  const answered = r?.answered ?? false;
  const applicable = answered ? r!.applicable : null;
  return {
    kind: 'item',
    code: item.code,
    content: item.content,
    points: num(item.points),
    method: item.method ?? '',
    applicable: applicable === null ? '' : applicable ? '是' : '否',
    description: !answered ? '' : applicable ? (r!.description ?? '') : `不适用：${r!.naReason ?? ''}${r!.description ? `\n${r!.description}` : ''}`,
    deductions: r?.deductions.map((d) => `扣 ${num(d.points)} 分：${d.reason}`).join('\n') ?? '',
    score: !answered ? '' : applicable ? num(r!.score ?? 0) : '—',
    evidence: r?.evidence.map((e) => `${e.label}${e.broken ? '（记录已删除）' : ''}`).join('\n') ?? '',
    answered,
    lost: answered && applicable === true && (r!.score ?? 0) < item.points,
  };
}

function loadScoreSheet(app: AppContext, t: PrintTarget): Loaded<ScoreSheetData> {
  const { s, std } = sessionIn(app, t);
  const profile = gradeProfile(app, s.gradeProfile);
  const results = new Map(s.results.map((r) => [r.itemId, r]));
  const children = new Map<number | null, Standard['elements']>();
  for (const e of std.elements) children.set(e.parentId, [...(children.get(e.parentId) ?? []), e]);
  const itemsOf = new Map<number, Standard['items']>();
  for (const i of std.items) itemsOf.set(i.elementId, [...(itemsOf.get(i.elementId) ?? []), i]);
  const totals = new Map(s.totals.elements.map((x) => [x.elementId, x]));
  const answered = answeredPoints(std, s);
  // Elements without items anywhere below them are left out.
  const hasItems = (id: number): boolean => Boolean(itemsOf.get(id)?.length) || (children.get(id) ?? []).some((c) => hasItems(c.id));
  const rows: ScoreRowDoc[] = [];
  const walk = (e: Standard['elements'][number]) => {
    if (!hasItems(e.id)) return;
    rows.push({ kind: 'element', level: e.level, code: e.code, name: e.name });
    for (const i of itemsOf.get(e.id) ?? []) rows.push(itemRow(i, results.get(i.id)));
    for (const c of children.get(e.id) ?? []) walk(c);
    const x = e.parentId === null ? totals.get(e.id) : undefined;
    if (x) rows.push({ kind: 'subtotal', ...totalsDoc(x, e.code, e.name, answered.get(e.id) ?? 0) });
  };
  for (const e of children.get(null) ?? []) walk(e);
  const tot = s.totals;
  const omitted: string[] = [];
  const note = progressNote(s);
  if (note) omitted.push(`${note}；未评分的项目留空`);
  return {
    title: `${s.year}年度安全生产标准化自评评分表`,
    data: {
      head: {
        year: s.year,
        title: s.title,
        standard: std.edition ? `${std.name}（${std.edition}）` : std.name,
        profile: profile.name,
        period: `${s.startsOn} 至 ${s.endsOn}`,
        finished: s.status === 'FINISHED',
        progress: `已评分 ${tot.answered}/${tot.items} 项`,
        summary: `共 ${tot.items} 个考评项目，标准分 ${num(tot.totalPoints)} 分，不适用项分值 ${num(tot.naPoints)} 分，实得分 ${num(tot.earned)} 分；${tot.answered === tot.items ? '得分' : '当前得分'} ${tot.score === null ? '—' : `${num(tot.score)} 分`}，${tot.gradeLabel}`,
      },
      rows,
      total: totalsDoc(tot, '', '合计', answered.get('all') ?? 0),
      complete: tot.answered === tot.items,
      score: tot.score === null ? null : num(tot.score),
      grade: tot.gradeLabel,
      sign: { leader: leaderOf(s), date: s.finishedOn },
    },
    imageIds: [],
    missing: [],
    omitted,
  };
}

/**
 * Parts of the sheet, of about even size; the title goes on the first part,
 * the totals and signatures on the last. A part ends where an element begins
 * if one does near its ideal end (the next part then opens with the heading,
 * as a section would); it never ends on a heading: the heading moves on with
 * the row after it.
 */
export function chunkScoreSheet(d: ScoreSheetData, perPart = SHEET_ROWS_PER_PART): ScoreSheetData[] {
  const rows = d.rows;
  const n = rows.length;
  if (n <= perPart) return [d];
  const count = Math.ceil(n / perPart);
  const size = n / count;
  const isHeading = (j: number) => rows[j]!.kind === 'element';
  const cuts: number[] = [];
  let prev = 0;
  for (let k = 1; k < count; k++) {
    const target = Math.round(k * size);
    // The parts left must still fit; this one may not grow past perPart.
    const lo = Math.max(prev + 1, n - perPart * (count - k));
    const hi = Math.min(prev + perPart, n - 1);
    let cut = -1;
    for (let off = 0; off <= size * 0.2 && cut < 0; off++) {
      for (const j of [target - off, target + off]) if (cut < 0 && j >= lo && j <= hi && isHeading(j) && !isHeading(j - 1)) cut = j;
    }
    if (cut < 0) {
      cut = Math.min(Math.max(target, lo), hi);
      while (cut > prev + 1 && isHeading(cut - 1)) cut--;
      // Headings only since the last cut: they take the row after them along.
      while (cut < n - 1 && isHeading(cut - 1)) cut++;
    }
    cuts.push(cut);
    prev = cut;
  }
  const bounds = [0, ...cuts, n];
  return cuts.concat(n).map((end, i) => ({ ...d, rows: rows.slice(bounds[i], end), part: { first: i === 0, last: i === cuts.length } }));
}

export const stdScoreSheetDoc = docType<ScoreSheetData>({
  type: 'stdScoreSheet',
  title: '安全生产标准化自评评分表',
  group: '安全生产标准化',
  description:
    '一次自评的完整评分表，按一级、二级要素分组：项目编号、考评内容、标准分值、评分标准、是否适用、自评情况描述、扣分及原因、实得分和证据；各一级要素小计和总计，百分制得分和等级，自评组长签字。未评分的项目留空。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'landscape' },
  suggestedSizes: ['A4', 'A3'],
  minShortSideMm: 210,
  records,
  sectionLabels: { head: '自评信息', rows: '评分内容', total: '合计', score: '得分', grade: '等级', sign: '签字' },
  load: loadScoreSheet,
  build: buildScoreSheet,
  chunk: (d) => chunkScoreSheet(d),
  describeChange: (b, a) => {
    const key = (r: ScoreRowDoc) => (r.kind === 'element' ? `e${r.code}` : r.kind === 'subtotal' ? `s${r.code}` : `i${r.code}`);
    const before = new Map(b.rows.map((r) => [key(r), JSON.stringify(r)]));
    const changed = a.rows.filter((r) => r.kind === 'item' && before.get(key(r)) !== JSON.stringify(r)).map((r) => r.code);
    const out = changed.length ? [`考评项目 ${changed.slice(0, 8).join('、')}${changed.length > 8 ? ` 等 ${changed.length} 项` : ''}`] : [];
    if (JSON.stringify(b.head) !== JSON.stringify(a.head)) out.push('自评信息');
    if (JSON.stringify(b.total) !== JSON.stringify(a.total) && !out.length) out.push('合计');
    return out.length ? out : ['签字'];
  },
});
