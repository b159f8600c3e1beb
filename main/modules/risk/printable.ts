import type { AppContext } from '../../context.ts';
import { ControlLevel, MeasureCategory, RISK_LEVEL_ORDER, RiskKind, type RiskLevel } from '../../../preload/contract/enums.ts';
import type { RiskPoint, SitePlan } from '../../../preload/contract/risk.ts';
import { highestLevel } from '../../domain/risk.ts';
import { provideRiskSummary } from '../board/printable.ts';
import { emergencyContacts } from '../cards/printable.ts';
import { currentCards } from '../cards/service.ts';
import { getEnterprise } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { readContent } from '../print/content.ts';
import { byRecords, docType, type Loaded, type PrintTarget } from '../print/types.ts';
import { buildMap, buildNoticeBoard, buildPostRiskCards, buildRegister, type MapDoc, type MapData, type NoticeBoardData, type PostCardDoc, type PostCardsData, type RegisterData, type SignDoc } from './docs.ts';
import { getPlan, listPlans } from './map.ts';
import { allRisks, getRisk } from './service.ts';

const REGISTER_PER_PART = 40;
/** Rows a notice board can carry legibly; the ledger has the rest. */
const BOARD_ROWS = 16;

function counts(levels: (RiskLevel | null)[]) {
  return RISK_LEVEL_ORDER.map((level) => ({ level, count: levels.filter((l) => l === level).length }));
}

function evaluation(p: RiskPoint): string {
  const a = p.assessment;
  if (!a) return '未评价';
  if (a.method === 'DIRECT') return `直接判定：${a.directReason}`;
  const vals = Object.entries(a.values).map(([k, v]) => `${k}=${v}`).join(' ');
  return `${a.method} ${vals}，${a.method === 'LEC' ? 'D' : 'R'}=${a.score}`;
}

function measuresByCategory(p: RiskPoint) {
  return MeasureCategory.values
    .map((c) => ({ category: MeasureCategory.label[c], items: p.measures.filter((m) => m.category === c).map((m) => m.content) }))
    .filter((g) => g.items.length);
}

function loadRegister(app: AppContext, t: PrintTarget): Loaded<RegisterData> {
  const rows = allRisks(app, { unitId: t.unitId, status: 'ACTIVE', postId: null, search: null });
  const points = rows.map((r) => getRisk(app, r.id));
  return {
    data: {
      scope: t.unitId ? (unitPaths(app.db).get(t.unitId) ?? '') : '全企业',
      counts: counts(points.map((p) => p.level)),
      rows: points.map((p) => ({
        code: p.code,
        name: p.name,
        kind: RiskKind.label[p.kind],
        place: [p.location, p.unitName].filter(Boolean).join(' · '),
        hazards: p.hazards.map((h) => h.description),
        accidents: p.accidentTypes,
        evaluation: evaluation(p),
        level: p.level,
        measures: measuresByCategory(p),
        controlLevel: ControlLevel.label[p.controlLevel],
        responsible: [p.respUnitName, p.respPersonName].filter(Boolean).join(' / ') || '—',
        nextReviewOn: p.nextReviewOn,
      })),
    },
    imageIds: [],
    missing: points.length ? [] : ['已批准的风险点（请先在「风险清单」中辨识、评价并批准）'],
    omitted: [],
  };
}

/** A plan as the documents draw it: areas with their colours and the codes they cover. */
function mapDoc(app: AppContext, plan: SitePlan): MapDoc {
  const sha = (app.db.prepare('SELECT sha256 FROM attachment WHERE id = ?').get(plan.attachmentId) as { sha256: string }).sha256;
  const codes = new Map((app.db.prepare('SELECT id, code FROM risk_point').all() as { id: string; code: string }[]).map((r) => [r.id, r.code]));
  return {
    name: plan.name,
    imageSha: sha,
    widthPx: plan.widthPx,
    heightPx: plan.heightPx,
    areas: plan.areas.map((a) => ({ label: a.label, kind: a.kind, points: a.points, level: a.level, codes: a.riskPointIds.map((id) => codes.get(id) ?? '').filter(Boolean) })),
    compiledBy: plan.compiledBy,
    reviewedBy: plan.reviewedBy,
    approvedBy: plan.approvedBy,
    mapDate: plan.mapDate,
  };
}

function planOf(app: AppContext, recordId: string | null): SitePlan | null {
  if (recordId) return getPlan(app, recordId);
  const first = listPlans(app)[0];
  return first ? getPlan(app, first.id) : null;
}

function loadMap(app: AppContext, t: PrintTarget): Loaded<MapData> {
  const plan = planOf(app, t.recordId);
  if (!plan) return { data: { map: null as never, counts: [] }, imageIds: [], missing: ['四色分布图（请先在「四色分布图」中上传平面图并画出区域）'], omitted: [] };
  return {
    title: `安全风险四色分布图（${plan.name}）`,
    data: { map: mapDoc(app, plan), counts: counts(plan.areas.map((a) => a.level)) },
    imageIds: [plan.attachmentId],
    missing: plan.areas.length ? [] : [`「${plan.name}」上的区域（请在图上画出区域并关联风险点）`],
    omitted: plan.areas.some((a) => !a.level) ? ['未关联已评价风险点的区域显示为灰色'] : [],
  };
}

function loadNoticeBoard(app: AppContext, t: PrintTarget): Loaded<NoticeBoardData> {
  const e = getEnterprise(app);
  const active = allRisks(app, { unitId: null, status: 'ACTIVE', postId: null, search: null });
  const allSerious = active.filter((r) => r.level === 'MAJOR' || r.level === 'HIGH');
  const serious = allSerious.slice(0, BOARD_ROWS).map((r) => getRisk(app, r.id));
  const plan = planOf(app, t.recordId);
  const omitted: string[] = [];
  if (!plan) omitted.push('四色分布图缩略图（请先建立四色分布图）');
  if (allSerious.length > BOARD_ROWS) omitted.push(`较大及以上风险点共 ${allSerious.length} 个，公告栏列出等级最高的 ${BOARD_ROWS} 个；完整清单见「安全风险分级管控清单」`);
  const approvals = plan ? { compiledBy: plan.compiledBy, reviewedBy: plan.reviewedBy, approvedBy: plan.approvedBy } : { compiledBy: null, reviewedBy: null, approvedBy: null };
  // The board is as current as the newest approval or review of an approved point.
  const lastApproved = (
    app.db.prepare(`SELECT max(max(r.approvedOn), ifnull(max(a.assessedOn), '')) AS d FROM risk_point r LEFT JOIN risk_assessment a ON a.id = r.currentAssessmentId WHERE r.status = 'ACTIVE'`).get() as { d: string | null }
  ).d;
  return {
    data: {
      rows: serious.map((p) => ({
        code: p.code,
        name: p.name,
        location: [p.location, p.unitName].filter(Boolean).join(' · '),
        level: p.level!,
        accidents: p.accidentTypes,
        controls: p.measures.filter((m) => m.category === 'ENGINEERING' || m.category === 'MANAGEMENT').slice(0, 3).map((m) => m.content),
        responsible: [p.respUnitName, p.respPersonName].filter(Boolean).join(' ') || '—',
        phone: p.respPersonPhone,
      })),
      counts: counts(active.map((r) => r.level)),
      map: plan ? mapDoc(app, plan) : null,
      emergency: [...(e.dutyPhone ? [{ label: '企业值班电话', number: e.dutyPhone }] : []), { label: '火警', number: '119' }, { label: '急救', number: '120' }, { label: '报警', number: '110' }, { label: '安全生产举报', number: e.reportHotline }],
      approvals: { ...approvals, updatedOn: lastApproved },
    },
    imageIds: plan ? [plan.attachmentId] : [],
    missing: active.length ? [] : ['已批准的风险点（请先在「风险清单」中辨识、评价并批准）'],
    omitted,
  };
}

interface SignsFile {
  byAccidentType: Record<string, SignDoc[]>;
  byPpeKeyword: Record<string, SignDoc>;
  always: SignDoc[];
}

function signsFor(app: AppContext, accidents: string[], ppe: string[]): SignDoc[] {
  const file = readContent<SignsFile>(app, 'safety-signs.json');
  const out: SignDoc[] = [];
  const add = (s: SignDoc) => {
    if (!out.some((x) => x.text === s.text)) out.push(s);
  };
  for (const a of accidents) for (const s of file.byAccidentType[a] ?? []) add(s);
  for (const p of ppe) for (const [kw, s] of Object.entries(file.byPpeKeyword)) if (p.includes(kw)) add(s);
  for (const s of file.always) add(s);
  // Every family shown (at most two of each first), in the GB 2894 order, seven signs at most.
  const order = { PROHIBITION: 0, WARNING: 1, MANDATORY: 2, INFORMATION: 3 } as const;
  const firstTwo = out.filter((s, i) => out.filter((x, j) => j < i && x.family === s.family).length < 2);
  const rest = out.filter((s) => !firstTwo.includes(s));
  return [...firstTwo, ...rest].slice(0, 7).sort((a, b) => order[a.family] - order[b.family]);
}

/** One card per post that has approved risks: one post (record) or every such post of a unit. */
function loadPostRiskCards(app: AppContext, t: PrintTarget): Loaded<PostCardsData> {
  const posts = app.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)
       SELECT DISTINCT t.id, t.name, t.unitId, u.name AS unitName FROM post t JOIN unit u ON u.id = t.unitId
       JOIN risk_point_post rp ON rp.postId = t.id JOIN risk_point r ON r.id = rp.riskPointId AND r.status = 'ACTIVE'
       WHERE t.archivedAtMs IS NULL AND (@postId IS NULL OR t.id = @postId) AND (@unitId IS NULL OR t.unitId IN (SELECT id FROM sub))
       ORDER BY u.sortOrder, u.name, t.name`,
    )
    .all({ postId: t.recordId, unitId: t.recordId ? null : t.unitId }) as { id: string; name: string; unitId: string; unitName: string }[];
  const cards: PostCardDoc[] = posts.map((post) => {
    const points = allRisks(app, { unitId: null, postId: post.id, status: 'ACTIVE', search: null }).map((r) => getRisk(app, r.id));
    const ppeMeasures = points.flatMap((p) => p.measures.filter((m) => m.category === 'PPE').map((m) => m.content));
    const cardPpe = currentCards(app, post.id)?.ppe ?? [];
    const ppe = [...new Set([...cardPpe, ...ppeMeasures])];
    const accidents = [...new Set(points.flatMap((p) => p.accidentTypes))];
    const uniq = (xs: string[]) => [...new Set(xs)];
    return {
      postName: post.name,
      unitName: post.unitName,
      level: highestLevel(points.map((p) => p.level)),
      risks: points.map((p) => ({ code: p.code, name: p.name, level: p.level })),
      hazards: uniq(points.flatMap((p) => p.hazards.map((h) => h.description))).slice(0, 12),
      accidents,
      controls: uniq(points.flatMap((p) => p.measures.filter((m) => m.category === 'ENGINEERING' || m.category === 'MANAGEMENT' || m.category === 'TRAINING').map((m) => m.content))).slice(0, 12),
      emergency: uniq(points.flatMap((p) => p.measures.filter((m) => m.category === 'EMERGENCY').map((m) => m.content))).slice(0, 8),
      ppe,
      signs: signsFor(app, accidents, ppe),
      contacts: [
        ...points
          .filter((p) => p.respPersonName && p.respPersonPhone)
          .slice(0, 1)
          .map((p) => ({ role: '风险点责任人', name: p.respPersonName, phone: p.respPersonPhone! })),
        ...emergencyContacts(app, post.unitId),
        { role: '举报', name: null, phone: getEnterprise(app).reportHotline },
      ].slice(0, 6),
    };
  });
  const scope = t.recordId ? (cards[0]?.postName ?? '') : t.unitId ? (unitPaths(app.db).get(t.unitId) ?? '') : '全企业';
  return {
    title: t.recordId && cards[0] ? `${cards[0].postName}岗位安全风险告知卡` : undefined,
    data: { scope, cards },
    imageIds: [],
    missing: cards.length ? [] : [t.recordId ? '该岗位关联的已批准风险点（在风险点上选择作业岗位）' : '关联了岗位的已批准风险点'],
    omitted: [],
  };
}

const planRecords = {
  label: '四色分布图',
  required: false,
  placeholder: '默认：第一张四色分布图',
  list: (app: AppContext) => listPlans(app).map((p) => ({ id: p.id, label: p.name })),
};

const postRecords = {
  label: '岗位',
  required: false,
  placeholder: '默认：范围内关联了风险点的全部岗位',
  list: (app: AppContext) => {
    const paths = unitPaths(app.db);
    return (
      app.db
        .prepare(`SELECT DISTINCT t.id, t.name, t.unitId FROM post t JOIN risk_point_post rp ON rp.postId = t.id JOIN risk_point r ON r.id = rp.riskPointId AND r.status = 'ACTIVE' WHERE t.archivedAtMs IS NULL ORDER BY t.name`)
        .all() as { id: string; name: string; unitId: string }[]
    ).map((r) => ({ id: r.id, label: `${paths.get(r.unitId) ?? ''} · ${r.name}` }));
  },
};

const shrinkStep = <D extends { shrink?: number }>(what: (d: D) => string) => (d: D) => {
  const shrink = Math.min(3, (d.shrink ?? 0) + 1);
  return { data: { ...d, shrink }, warning: shrink < 3 ? null : `${what(d)}内容较多，已缩小字号；如需更醒目，请选用更大的尺寸` };
};

export const riskRegisterDoc = docType<RegisterData>({
  type: 'riskRegister',
  title: '安全风险分级管控清单',
  group: '风险分级管控',
  description: '已批准的全部风险点：危险有害因素、可能导致的事故、评价取值、风险等级（颜色和文字）、分类管控措施、管控层级、责任单位与责任人、下次评审日期。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A3', orientation: 'landscape' },
  suggestedSizes: ['A3', 'A4'],
  minShortSideMm: 210,
  options: ['unit'],
  sectionLabels: { scope: '范围', rows: '风险点内容', counts: '各等级数量' },
  load: loadRegister,
  build: buildRegister,
  chunk: byRecords<RegisterData, 'rows'>('rows', REGISTER_PER_PART).chunk,
  describeChange: (b, a) => {
    const before = new Map(b.rows.map((r) => [r.code, JSON.stringify(r)]));
    const changed = a.rows.filter((r) => before.get(r.code) !== JSON.stringify(r)).map((r) => r.code);
    const gone = b.rows.filter((r) => !a.rows.some((x) => x.code === r.code)).map((r) => r.code);
    const all = [...changed, ...gone];
    return all.length ? [`风险点 ${all.slice(0, 8).join('、')}${all.length > 8 ? ` 等 ${all.length} 个` : ''}`] : ['范围'];
  },
});

export const riskMapDoc = docType<MapData>({
  type: 'riskMap',
  title: '安全风险四色分布图',
  group: '风险分级管控',
  description: '厂区平面图上按区域内最高风险等级着红、橙、黄、蓝四色，附图例、区域与风险点编号，以及编制、审核、批准和日期。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A3', orientation: 'landscape' },
  suggestedSizes: ['A3', 'A2', 'A1', 'A0'],
  minShortSideMm: 210,
  records: planRecords,
  sectionLabels: { map: '平面图、区域或颜色', counts: '各等级区域数' },
  load: loadMap,
  build: buildMap,
});

export const riskNoticeBoardDoc = docType<NoticeBoardData>({
  type: 'riskNoticeBoard',
  title: '安全风险公告栏',
  group: '风险分级管控',
  description: '较大及以上风险点的等级、可能导致的事故、主要管控措施和责任人电话，配四色分布图缩略图、应急电话和 12350 举报热线。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'BOARD_1200x800', orientation: 'landscape' },
  suggestedSizes: ['BOARD_1200x800', 'BOARD_1500x1000', 'BOARD_2400x1200', 'A1', 'A2', 'A3'],
  minShortSideMm: 297,
  records: planRecords,
  sectionLabels: { rows: '较大及以上风险点', counts: '各等级数量', map: '四色分布图', emergency: '应急电话', approvals: '编制审核批准' },
  load: loadNoticeBoard,
  build: buildNoticeBoard,
  paging: 'none',
  fit: {
    pagesPerRecord: 1,
    records: () => 1,
    split: (d) => [d],
    join: (singles) => singles[0]!,
    enlarge: shrinkStep(() => '公告栏'),
  },
  describeChange: (b, a) => {
    const out: string[] = [];
    const before = new Map(b.rows.map((r) => [r.code, JSON.stringify(r)]));
    const changed = a.rows.filter((r) => before.get(r.code) !== JSON.stringify(r)).map((r) => r.code);
    const gone = b.rows.filter((r) => !a.rows.some((x) => x.code === r.code)).map((r) => r.code);
    if (changed.length || gone.length) out.push(`风险点 ${[...changed, ...gone].join('、')}`);
    if (JSON.stringify(b.map) !== JSON.stringify(a.map)) out.push('四色分布图');
    if (JSON.stringify(b.counts) !== JSON.stringify(a.counts)) out.push('各等级数量');
    if (JSON.stringify(b.emergency) !== JSON.stringify(a.emergency) || JSON.stringify(b.approvals) !== JSON.stringify(a.approvals)) out.push('应急电话或编制审核批准');
    return out.length ? out : ['内容'];
  },
});

export const postRiskCardDoc = docType<PostCardsData>({
  type: 'postRiskCard',
  title: '岗位安全风险告知卡',
  group: '风险分级管控',
  description: '每个岗位一张：风险等级色带、危险有害因素、可能导致的事故、管控措施、应急处置措施、个体防护、安全警示标志（禁止、警告、指令、提示四类）和应急电话。可选一个岗位，或按单位批量。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4', 'A3', 'BOARD_600x800'],
  minShortSideMm: 148,
  records: postRecords,
  options: ['unit'],
  sectionLabels: { scope: '范围', cards: '岗位风险内容' },
  load: loadPostRiskCards,
  build: buildPostRiskCards,
  chunk: byRecords<PostCardsData, 'cards'>('cards', 20).chunk,
  paging: 'none',
  fit: { pagesPerRecord: 1, ...byRecords<PostCardsData, 'cards'>('cards', 20), enlarge: shrinkStep((d) => `「${d.cards[0]?.postName ?? ''}」告知卡`) },
  describeChange: (b, a) => {
    const before = new Map(b.cards.map((c) => [`${c.unitName}|${c.postName}`, JSON.stringify(c)]));
    const changed = a.cards.filter((c) => before.get(`${c.unitName}|${c.postName}`) !== JSON.stringify(c)).map((c) => c.postName);
    return changed.length ? [`${changed.slice(0, 6).join('、')}的风险内容`] : ['范围'];
  },
});

// The 多牌合一 board's risk block: counts of approved points per colour.
provideRiskSummary((app) => {
  const rows = app.db.prepare(`SELECT level, count(*) AS n FROM risk_point WHERE status = 'ACTIVE' AND level IS NOT NULL GROUP BY level`).all() as { level: RiskLevel; n: number }[];
  if (!rows.length) return null;
  const n = (l: RiskLevel) => rows.find((r) => r.level === l)?.n ?? 0;
  return { red: n('MAJOR'), orange: n('HIGH'), yellow: n('MEDIUM'), blue: n('LOW') };
});
