/**
 * The print centre's 隐患排查治理 documents: what each loads from the database.
 * The layouts are in docs.ts.
 */
import type { AppContext } from '../../context.ts';
import type { Hazard, HazardRow } from '../../../preload/contract/hazards.ts';
import { CheckItemCategory, CheckMethod, CheckTaskState, CheckTier, HazardEventKind, HazardKind, HazardScope, HazardSource, HazardStatus } from '../../../preload/contract/enums.ts';
import { fail } from '../../errors.ts';
import { addDays, dateInZone } from '../../domain/dates.ts';
import { enterpriseTimeZone } from '../enterprise/repo.ts';
import { today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { docType, type Loaded, type OptionChoices, type PrintTarget } from '../print/types.ts';
import { hazardSettings } from '../checks/settings.ts';
import { getTask, listTasks } from '../checks/tasks.ts';
import {
  buildCheckSheet,
  buildLedger,
  buildMajorFile,
  buildNotice,
  buildReinspection,
  buildStats,
  type CheckSheetData,
  type HazardHead,
  type LedgerData,
  type LedgerRowDoc,
  type MajorFileData,
  type NoticeData,
  type ReinspectionData,
  type StatsData,
} from './docs.ts';
import { getHazard, ledgerRows, type HazardFilter } from './service.ts';
import { hazardStats } from './stats.ts';

/**
 * Rows per laid-out part of the ledger. Each part costs about half a second
 * of its own (fonts are loaded and subset per part), and each part's layout is
 * held in memory while it is written: 5,000 rows lay out in 15 s in parts of
 * 1,000 (+220 MB) and 14 s in parts of 2,500 (+400 MB); 500 takes 21 s.
 */
export const LEDGER_ROWS_PER_PART = 1000;
/** How many records the print centre's pickers list. */
const RECORD_LIST_LIMIT = 500;

const STATUS_FILTERS: Record<string, string> = { ...HazardStatus.label, OPEN: '未销号', OVERDUE: '逾期未整改', DUE_SOON: '临期' };

const money = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const formatFunds = (n: number | null): string => (n === null ? '—' : money.format(n));

const KIND_SHORT = { PERSON: '人', THING: '物', MANAGEMENT: '管理' } as const;
const SCOPE_SHORT = { BASIC: '基础', SITE: '现场' } as const;

/** Where the hazard is: the location and the risk point. */
function placeOf(h: HazardRow): string {
  return [h.location, h.riskPointCode ? `${h.riskPointCode} ${h.riskPointName ?? ''}`.trim() : null].filter(Boolean).join(' / ') || '—';
}

function statusText(h: HazardRow, sep = '，'): string {
  return h.overdue ? `${HazardStatus.label[h.status]}${sep}逾期${h.overdueDays}天` : HazardStatus.label[h.status];
}

function headOf(h: Hazard): HazardHead {
  const source = HazardSource.label[h.source];
  return {
    code: h.code,
    unitName: h.unitPath || h.unitName,
    place: placeOf(h),
    description: h.description,
    source: h.checkRecord ? `${source}（${h.checkRecord.planName}，${h.checkRecord.periodLabel}，检查日期 ${h.checkRecord.checkedOn}）` : source,
    foundOn: h.foundOn,
    foundBy: h.foundByName,
    kind: `${HazardKind.label[h.kind]}（${HazardScope.label[h.scope]}）`,
    level: h.levelLabel,
    major: h.major,
    criteria: h.criteriaCode ? `${h.criteriaCode} ${h.criteriaText ?? ''}`.trim() : null,
  };
}

function fiveOf(h: Hazard): NoticeData['five'] {
  return { measures: h.measures, respUnit: h.respUnitName, respPerson: h.respPersonName, funds: h.funds === null ? null : formatFunds(h.funds), deadline: h.deadline, interim: h.interimMeasures };
}

/** Attachment ids and hashes of a hazard's photos at some stages, at most `max`. */
function photos(app: AppContext, h: Hazard, stages: Hazard['photos'][number]['stage'][], max: number): { ids: string[]; shas: string[]; left: number } {
  const all = h.photos.filter((p) => stages.includes(p.stage));
  const ids = all.slice(0, max).map((p) => p.attachmentId);
  const shas = ids.map((id) => (app.db.prepare('SELECT sha256 FROM attachment WHERE id = ?').get(id) as { sha256: string }).sha256);
  return { ids, shas, left: all.length - ids.length };
}

function hazardIn(app: AppContext, recordId: string | null): Hazard {
  if (!recordId) return fail.field('recordId', '请选择隐患');
  return getHazard(app, recordId);
}

function hazardRecords(app: AppContext, where: string) {
  return (
    app.db
      .prepare(`SELECT h.id, h.code, h.description, u.name AS unitName FROM hazard h JOIN unit u ON u.id = h.unitId WHERE ${where} ORDER BY h.foundOn DESC, h.code DESC LIMIT ${RECORD_LIST_LIMIT}`)
      .all() as { id: string; code: string; description: string; unitName: string }[]
  ).map((r) => ({ id: r.id, label: `${r.code} ${r.unitName} · ${r.description.length > 28 ? `${r.description.slice(0, 28)}…` : r.description}` }));
}

const levelChoices = (app: AppContext): OptionChoices => ({ label: '隐患等级', options: hazardSettings(app).levels.map((l) => ({ value: l.code, label: l.label })) });
const statusChoices: OptionChoices = { label: '状态', options: Object.entries(STATUS_FILTERS).map(([value, label]) => ({ value, label })) };

// ---------------------------------------------------------------- 台账

/** The ledger's filter from the print options: the period defaults to the current calendar year. */
export function ledgerFilter(app: AppContext, t: Pick<PrintTarget, 'from' | 'to' | 'unitId' | 'level' | 'status'>): HazardFilter & { from: string; to: string } {
  const year = (t.from ?? t.to ?? today(app)).slice(0, 4);
  const from = t.from ?? `${year}-01-01`;
  const to = t.to ?? `${from.slice(0, 4)}-12-31`;
  if (from > to) fail.field('to', `结束日期（${to}）不能早于开始日期（${from}）`);
  if (t.level && !hazardSettings(app).levels.some((l) => l.code === t.level)) fail.field('level', `隐患等级「${t.level}」不在设置的等级中`);
  if (t.status && !(t.status in STATUS_FILTERS)) fail.field('status', `没有「${t.status}」这种隐患状态；可选：${Object.values(STATUS_FILTERS).join('、')}`);
  return { from, to, unitId: t.unitId ?? null, level: t.level ?? null, status: (t.status ?? undefined) as HazardFilter['status'], riskPointId: null, search: null };
}

/** The filter in words: unit, level and status. */
export function describeLedgerFilter(app: AppContext, f: HazardFilter): string {
  const unit = f.unitId ? (unitPaths(app.db).get(f.unitId) ?? '') : '全企业';
  const level = f.level ? (hazardSettings(app).levels.find((l) => l.code === f.level)?.label ?? f.level) : '全部等级';
  const status = f.status ? STATUS_FILTERS[f.status] : '全部状态';
  return [unit, level, status].join(' · ');
}

/** Extensions per hazard: how many, and the deadline before the first. */
export function extensionSummary(app: AppContext): Map<string, { n: number; first: string }> {
  const rows = app.db.prepare('SELECT hazardId, count(*) AS n, min(oldDeadline) AS first FROM hazard_extension GROUP BY hazardId').all() as { hazardId: string; n: number; first: string }[];
  return new Map(rows.map((r) => [r.hazardId, { n: r.n, first: r.first }]));
}

function loadLedger(app: AppContext, t: PrintTarget): Loaded<LedgerData> {
  const f = ledgerFilter(app, t);
  const rows = ledgerRows(app, f);
  const ext = extensionSummary(app);
  const by = (s: string) => rows.filter((r) => r.status === s).length;
  const funds = rows.reduce((a, r) => a + (r.funds ?? 0), 0);
  const docRows: LedgerRowDoc[] = rows.map((r, i) => {
    const e = ext.get(r.id);
    return {
      no: i + 1,
      code: r.code,
      source: HazardSource.label[r.source],
      foundOn: r.foundOn,
      // One name a line: the column is narrow.
      foundBy: r.foundByName.replace(/[、,，]\s*/g, '\n'),
      place: placeOf(r),
      description: r.photoCount ? `${r.description}（照片 ${r.photoCount} 张）` : r.description,
      category: `${KIND_SHORT[r.kind]}\n${SCOPE_SHORT[r.scope]}`,
      level: r.levelLabel.replace(/事故隐患$/, ''),
      major: r.major,
      measures: r.measures ?? '—',
      respUnit: r.respUnitName ?? '—',
      respPerson: r.respPersonName ?? '—',
      funds: formatFunds(r.funds),
      deadline: r.deadline,
      interim: r.interimMeasures ?? '—',
      extension: e ? `${e.n}次\n原期限\n${e.first}` : '—',
      rectifiedOn: r.rectifiedOn ?? '—',
      reinspector: r.reinspectorName ?? '—',
      opinion: r.reinspectionOpinion ?? '—',
      closedOn: r.closedOn ?? '—',
      status: statusText(r, '\n'),
      overdue: r.overdue,
    };
  });
  const overdue = rows.filter((r) => r.overdue).length;
  const major = rows.filter((r) => r.major).length;
  return {
    title: `隐患排查治理台账（${f.from} 至 ${f.to}）`,
    data: {
      period: `${f.from} 至 ${f.to}`,
      filter: describeLedgerFilter(app, f),
      summary: `共 ${rows.length} 条：待整改 ${by('PENDING')}，整改中 ${by('IN_PROGRESS')}，待复查 ${by('AWAITING_REVIEW')}，已销号 ${by('CLOSED')}；其中重大事故隐患 ${major} 条，逾期未整改 ${overdue} 条`,
      total: rows.length,
      totalFunds: formatFunds(funds),
      rows: docRows,
    },
    imageIds: [],
    missing: [],
    omitted: [],
  };
}

/** Parts of the ledger; the title goes on the first part, the totals and signatures on the last. */
function chunkLedger(d: LedgerData): LedgerData[] {
  if (d.rows.length <= LEDGER_ROWS_PER_PART) return [d];
  const parts: LedgerData[] = [];
  for (let i = 0; i < d.rows.length; i += LEDGER_ROWS_PER_PART) {
    parts.push({ ...d, rows: d.rows.slice(i, i + LEDGER_ROWS_PER_PART), part: { first: i === 0, last: i + LEDGER_ROWS_PER_PART >= d.rows.length } });
  }
  return parts;
}

export const hazardLedgerDoc = docType<LedgerData>({
  type: 'hazardLedger',
  title: '隐患排查治理台账',
  group: '隐患排查治理',
  description:
    '期间内登记的全部隐患（不论状态）：编号、来源、发现日期、排查人、部位/风险点、隐患描述、类别、等级、整改措施、责任单位、责任人、资金、期限、临时措施、延期、完成日期、复查人、复查意见、销号日期和状态。可按期间、单位、等级、状态筛选。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A3', orientation: 'landscape' },
  suggestedSizes: ['A3', 'A4'],
  minShortSideMm: 210,
  options: ['period', 'unit', 'level', 'status'],
  choices: (app) => ({ level: levelChoices(app), status: statusChoices }),
  sectionLabels: { period: '期间', filter: '筛选条件', summary: '各状态数量', total: '条数', totalFunds: '整改资金合计', rows: '隐患内容' },
  load: loadLedger,
  build: buildLedger,
  chunk: chunkLedger,
  describeChange: (b, a) => {
    // Row numbers shift when a row is added above; compare the hazards themselves.
    const same = (r: LedgerRowDoc) => JSON.stringify({ ...r, no: 0 });
    const before = new Map(b.rows.map((r) => [r.code, same(r)]));
    const changed = a.rows.filter((r) => before.get(r.code) !== same(r)).map((r) => r.code);
    const gone = b.rows.filter((r) => !a.rows.some((x) => x.code === r.code)).map((r) => r.code);
    const all = [...changed, ...gone];
    return all.length ? [`隐患 ${all.slice(0, 8).join('、')}${all.length > 8 ? ` 等 ${all.length} 条` : ''}`] : ['筛选条件'];
  },
  // A ledger is a snapshot of a period; the hazards in it move on every day.
  trackStale: false,
});

// ---------------------------------------------------------------- 整改通知单

function loadNotice(app: AppContext, t: PrintTarget): Loaded<NoticeData> {
  const h = hazardIn(app, t.recordId);
  const issued = h.events.find((e) => e.kind === 'START');
  const p = photos(app, h, ['FOUND'], 3);
  const blank = [!h.measures && '整改措施', !h.respUnitName && '责任单位', !h.respPersonName && '责任人', h.funds === null && '整改资金', !h.interimMeasures && '临时管控措施/应急预案'].filter((x): x is string => Boolean(x));
  return {
    title: `隐患整改通知单（${h.code}）`,
    data: {
      hazard: headOf(h),
      five: fiveOf(h),
      issuedOn: issued ? dateInZone(issued.atMs, enterpriseTimeZone(app.db)) : null,
      issuerName: issued?.byName ?? null,
      photos: p.shas,
    },
    imageIds: p.ids,
    missing: [],
    omitted: [
      ...(blank.length ? [`五落实未填写完整（${blank.join('、')}），纸面留空供手写`] : []),
      ...(issued ? [] : ['尚未下发整改通知，签发人和签发日期留空']),
      ...(p.left ? [`另有 ${p.left} 张隐患照片未打印`] : []),
    ],
  };
}

export const rectificationNoticeDoc = docType<NoticeData>({
  type: 'rectificationNotice',
  title: '隐患整改通知单',
  group: '隐患排查治理',
  description: '每条隐患一份：编号、责任单位、部位、隐患描述和照片、等级，五落实（整改措施、责任单位和责任人、资金、期限、临时管控措施/应急预案），签发人，以及可剪下的接收回执。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 148,
  records: { label: '隐患', required: true, list: (app) => hazardRecords(app, `h.status <> 'CLOSED'`) },
  sectionLabels: { hazard: '隐患情况', five: '五落实', issuedOn: '签发日期', issuerName: '签发人', photos: '隐患照片' },
  load: loadNotice,
  build: buildNotice,
});

// ---------------------------------------------------------------- 复查验收单

function loadReinspection(app: AppContext, t: PrintTarget): Loaded<ReinspectionData> {
  const h = hazardIn(app, t.recordId);
  const before = photos(app, h, ['FOUND'], 2);
  const after = photos(app, h, ['RECTIFIED', 'REINSPECTED'], 2);
  const all = h.reinspections.map((r) => ({ inspectedOn: r.inspectedOn, inspector: r.inspectorName, passed: r.passed, opinion: r.opinion }));
  // Closed: the last re-inspection is the one that passed. Otherwise the next one is still to be written by hand.
  const latest = h.status === 'CLOSED' ? (all.at(-1) ?? null) : null;
  const earlier = latest ? all.slice(0, -1) : all;
  const omitted: string[] = [];
  if (!h.rectifiedOn) omitted.push('尚未提交整改完成情况，整改部分留空供手写');
  if (!latest) omitted.push('尚未复查验收，复查意见、结论和签字留空供手写');
  if (before.left + after.left) omitted.push(`另有 ${before.left + after.left} 张照片未打印`);
  return {
    title: `隐患整改复查验收单（${h.code}）`,
    data: {
      hazard: headOf(h),
      measures: h.measures,
      respPerson: h.respPersonName,
      deadline: h.deadline,
      extensions: h.extensions.length ? h.extensions.map((e, i) => `第${i + 1}次 ${e.oldDeadline} → ${e.newDeadline}（${e.approvedByName} 批准）`).join('；') : null,
      rectifier: h.rectifierName,
      rectifiedOn: h.rectifiedOn,
      rectifyNote: h.rectifyNote,
      before: before.shas,
      after: after.shas,
      earlier,
      latest,
      closedOn: h.closedOn,
    },
    imageIds: [...before.ids, ...after.ids],
    missing: [],
    omitted,
  };
}

export const reinspectionFormDoc = docType<ReinspectionData>({
  type: 'reinspectionForm',
  title: '隐患整改复查验收单',
  group: '隐患排查治理',
  description: '每条隐患一份：隐患情况、整改措施和完成情况、整改人和完成日期、整改前后照片、复查验收意见和结论、复查人、销号日期和签字。尚未复查的，复查部分留空供手写。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 148,
  records: { label: '隐患', required: true, list: (app) => hazardRecords(app, `h.status IN ('AWAITING_REVIEW', 'CLOSED') OR h.rectifiedOn IS NOT NULL`) },
  sectionLabels: { hazard: '隐患情况', measures: '整改措施', rectifyNote: '整改情况', before: '整改前照片', after: '整改后照片', earlier: '此前复查', latest: '复查验收', closedOn: '销号日期' },
  load: loadReinspection,
  build: buildReinspection,
  // Printed before the re-inspection as a form to fill in; filling it in is not a change that needs a reprint.
  trackStale: false,
});

// ---------------------------------------------------------------- 重大事故隐患档案

const PLAN_PARTS: [keyof NonNullable<Hazard['treatment']>, string][] = [
  ['presentState', '隐患的现状及其产生原因'],
  ['harm', '隐患的危害程度和整改难易程度分析'],
  ['goals', '治理的目标和任务'],
  ['methods', '采取的方法和措施'],
  ['fundsMaterials', '经费和物资的落实'],
  ['organisation', '负责治理的机构和人员'],
  ['timeLimit', '治理的时限和要求'],
  ['safetyMeasures', '安全措施和应急预案'],
];

function loadMajorFile(app: AppContext, t: PrintTarget): Loaded<MajorFileData> {
  const h = hazardIn(app, t.recordId);
  if (!h.major) return { data: null as never, imageIds: [], missing: [`重大事故隐患（${h.code} 的等级是「${h.levelLabel}」，一般隐患请打印整改通知单和复查验收单）`], omitted: [] };
  const tz = enterpriseTimeZone(app.db);
  const before = photos(app, h, ['FOUND'], 3);
  const after = photos(app, h, ['RECTIFIED', 'REINSPECTED'], 3);
  const status = (s: string | null) => (s ? (HazardStatus.label[s as keyof typeof HazardStatus.label] ?? s) : '');
  const tr = h.treatment;
  const omitted: string[] = [];
  if (!tr) omitted.push('治理方案尚未编制（档案中注明）');
  else if (!tr.approvedOn) omitted.push('治理方案尚未经主要负责人批准（档案中注明）');
  if (!h.reportedOn) omitted.push('尚未登记向监管部门和职工代表大会的报告（档案中注明）');
  return {
    title: `重大事故隐患档案（${h.code}）`,
    data: {
      hazard: headOf(h),
      status: statusText(h),
      deadline: h.deadline,
      five: fiveOf(h),
      plan: tr ? PLAN_PARTS.map(([key, title]) => ({ title, text: String(tr[key] ?? '') })) : null,
      approval: tr?.approvedOn ? { by: tr.approvedByName ?? '', on: tr.approvedOn } : null,
      report: h.reportedOn ? { on: h.reportedOn, to: h.reportedTo ?? '' } : null,
      extensions: h.extensions.map((e) => ({ oldDeadline: e.oldDeadline, newDeadline: e.newDeadline, reason: e.reason, interim: e.interimMeasures, requestedBy: e.requestedByName, approvedBy: e.approvedByName, approvedOn: e.approvedOn })),
      rectification: { rectifier: h.rectifierName, rectifiedOn: h.rectifiedOn, note: h.rectifyNote },
      reinspections: h.reinspections.map((r) => ({ inspectedOn: r.inspectedOn, inspector: r.inspectorName, passed: r.passed, opinion: r.opinion })),
      closedOn: h.closedOn,
      timeline: h.events.map((e) => {
        const time = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hour12: false }).format(e.atMs);
        return {
          at: `${dateInZone(e.atMs, tz)} ${time}`,
          what: HazardEventKind.label[e.kind],
          change: e.fromStatus !== e.toStatus && e.toStatus ? `${status(e.fromStatus) || '—'} → ${status(e.toStatus)}` : '',
          by: e.byName,
          note: e.note ?? '',
        };
      }),
      before: before.shas,
      after: after.shas,
    },
    imageIds: [...before.ids, ...after.ids],
    missing: [],
    omitted,
  };
}

export const majorHazardFileDoc = docType<MajorFileData>({
  type: 'majorHazardFile',
  title: '重大事故隐患档案',
  group: '隐患排查治理',
  description: '每条重大事故隐患一份：基本情况和判定依据，隐患报告及治理方案（现状和原因、危害和整改难度、目标任务、方法措施、经费物资、机构人员、时限要求、安全措施和应急预案），主要负责人批准，向监管部门报告，五落实，延期、整改和复查验收记录，照片和全过程记录。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 148,
  records: {
    label: '重大事故隐患',
    required: true,
    list: (app) => {
      const codes = hazardSettings(app).levels.filter((l) => l.major).map((l) => `'${l.code.replace(/'/g, '')}'`);
      return hazardRecords(app, `h.level IN (${codes.join(', ') || `'MAJOR'`})`);
    },
  },
  sectionLabels: {
    hazard: '基本情况',
    status: '状态',
    deadline: '整改期限',
    five: '五落实',
    plan: '治理方案',
    approval: '主要负责人批准',
    report: '报告情况',
    extensions: '延期记录',
    rectification: '整改情况',
    reinspections: '复查验收',
    closedOn: '销号',
    timeline: '全过程记录',
    before: '整改前照片',
    after: '整改后照片',
  },
  load: loadMajorFile,
  build: buildMajorFile,
});

// ---------------------------------------------------------------- 统计表

const CN_QUARTER = ['一', '二', '三', '四'];

function loadStats(app: AppContext, t: PrintTarget): Loaded<StatsData> {
  const year = t.year ?? Number(today(app).slice(0, 4));
  const quarter = t.quarter ?? null;
  const s = hazardStats(app, year, quarter, t.unitId);
  const levels = hazardSettings(app).levels;
  const periodLabel = quarter ? `${year}年第${CN_QUARTER[quarter - 1]}季度` : `${year}年度`;
  const due = quarter ? (quarter < 4 ? `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-15` : `${year + 1}-01-15`) : `${year + 1}-01-31`;
  const rate = (closed: number, found: number) => (found ? `${Math.round((closed / found) * 1000) / 10}%` : '—');
  const counts = <K extends string>(values: readonly K[], label: (k: K) => string, by: Record<string, number>) => values.map((v) => ({ label: label(v), count: by[v] ?? 0 }));
  const extraLevels = Object.keys(s.byLevel).filter((c) => !levels.some((l) => l.code === c));
  return {
    title: `${periodLabel}隐患排查治理情况统计表`,
    data: {
      periodLabel,
      from: s.from,
      to: s.to,
      scope: t.unitId ? (unitPaths(app.db).get(t.unitId) ?? '') : '全企业',
      dueNote: `${due} 前（${quarter ? '下一季度第 15 日前' : '次年 1 月 31 日前'}）`,
      totals: {
        found: s.found,
        foundMajor: s.foundMajor,
        closed: s.closed,
        closedMajor: s.closedMajor,
        closureRate: s.closureRate === null ? '—' : `${s.closureRate}%`,
        open: s.open,
        overdue: s.overdue,
        funds: formatFunds(s.funds),
      },
      byLevel: [...levels.map((l) => ({ label: l.label, count: s.byLevel[l.code] ?? 0 })), ...extraLevels.map((c) => ({ label: c, count: s.byLevel[c] ?? 0 }))],
      bySource: counts(HazardSource.values, (k) => HazardSource.label[k], s.bySource),
      byKind: counts(HazardKind.values, (k) => HazardKind.label[k], s.byKind),
      byUnit: s.byUnit.map((u) => ({ unitName: u.unitName, found: u.found, closed: u.closed, open: u.open, overdue: u.overdue, rate: rate(u.closed, u.found) })),
      majors: s.majors.map((m) => ({ code: m.code, description: m.description, status: HazardStatus.label[m.status], deadline: m.deadline, reportedOn: m.reportedOn ?? '未报告' })),
    },
    imageIds: [],
    missing: [],
    omitted: [],
  };
}

export const hazardStatsDoc = docType<StatsData>({
  type: 'hazardStats',
  title: '隐患排查治理情况统计表',
  group: '隐患排查治理',
  description: '季度或年度：发现和销号数量（其中重大）、整改率、未销号和逾期、整改资金，按等级、来源、类别和单位分类，重大事故隐患清单，主要负责人和填表人签字栏，以及报送期限（季度：下一季度 15 日前；年度：次年 1 月 31 日前）。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4', 'A3'],
  minShortSideMm: 210,
  options: ['year', 'quarter', 'unit'],
  sectionLabels: { periodLabel: '统计期间', from: '开始日期', to: '结束日期', scope: '统计范围', dueNote: '报送期限', totals: '总体情况', byLevel: '按等级', bySource: '按来源', byKind: '按类别', byUnit: '各单位情况', majors: '重大事故隐患' },
  load: loadStats,
  build: buildStats,
  // A statistics table is signed as of its date; later closures do not make the signed paper wrong.
  trackStale: false,
});

// ---------------------------------------------------------------- 空白检查表

function loadCheckSheet(app: AppContext, t: PrintTarget): Loaded<CheckSheetData> {
  if (!t.recordId) return fail.field('recordId', '请选择检查任务');
  const task = getTask(app, t.recordId);
  const items = task.plan.items;
  return {
    // Short: the title runs in the footer of every page.
    title: `隐患排查检查表（${task.periodKey === 'ONCE' ? `${task.periodStart}–${task.dueOn}` : task.periodKey}）`,
    data: {
      taskId: task.id,
      sheetCode: task.sheetCode,
      planName: task.planName,
      tier: CheckTier.label[task.tier],
      unitName: task.unitName,
      responsible: task.responsiblePersonName,
      periodLabel: task.periodLabel,
      dueOn: task.dueOn,
      ledByPrincipal: task.plan.ledByPrincipal,
      items: items.map((i) => ({
        seq: i.seq,
        category: CheckItemCategory.label[i.category].replace(/类$/, ''),
        content: i.content,
        standard: i.standard,
        basis: i.basis,
        method: CheckMethod.label[i.method],
        riskPoint: i.riskPointCode ? `${i.riskPointCode} ${i.riskPointName ?? ''}`.trim() : null,
        major: Boolean(i.criteriaCode),
      })),
    },
    imageIds: [],
    missing: items.length ? [] : [`「${task.planName}」的检查项（请在检查计划中生成或添加检查表）`],
    omitted: task.recordId ? ['该任务已经登记了检查记录；打印的是空白检查表'] : [],
  };
}

export const checkSheetDoc = docType<CheckSheetData>({
  type: 'checkSheet',
  title: '隐患排查检查表（空白）',
  group: '隐患排查治理',
  description: '按检查任务打印的空白检查表：计划、层级、单位、检查期间，编号的检查项（内容、标准、依据、方法）和合格/不合格/不适用方框、情况说明栏，检查人签字栏；右上角二维码为任务码，录入检查记录时扫描或输入即可打开该任务。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4', 'A3'],
  minShortSideMm: 210,
  records: {
    label: '检查任务',
    required: true,
    list: (app) => {
      const t = today(app);
      return listTasks(app, { from: addDays(t, -45), to: addDays(t, 31), planId: null, unitId: null }, 1, RECORD_LIST_LIMIT)
        .items.filter((x) => !x.recordId)
        .map((x) => ({ id: x.id, label: `${x.planName} · ${x.periodLabel}（${CheckTaskState.label[x.state]}，应检 ${x.dueOn}）` }));
    },
  },
  sectionLabels: { taskId: '检查任务', sheetCode: '任务码', planName: '检查计划', tier: '层级', unitName: '单位', responsible: '负责人', periodLabel: '检查期间', dueOn: '应检日期', ledByPrincipal: '主要负责人带队', items: '检查项' },
  load: loadCheckSheet,
  build: buildCheckSheet,
  // A blank form filled in by hand.
  trackStale: false,
});
