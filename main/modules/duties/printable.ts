import type { AppContext } from '../../context.ts';
import { DutyCategory, EmploymentType } from '../../../preload/contract/enums.ts';
import { inForceOn, versionLabel } from '../../domain/duties.ts';
import { readSetting } from '../app/settings.ts';
import { getEnterprise, today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { byRecords, docType, type Loaded, type PrintTarget } from '../print/types.ts';
import { buildAckSheet, buildDutyLists, buildPublicity, POSTS_PER_BOARD, type AckSheetData, type DutyListDoc, type DutyListsData, type PublicityData, type PublicityPost } from './docs.ts';
import { getList } from './service.ts';

const LISTS_PER_PART = 30;
/** How many key duties a post shows on the 公示 board: more when the unit has few posts. */
const keyDutiesFor = (posts: number) => (posts <= 2 ? 8 : posts <= 4 ? 6 : 4);
const MAX_HOLDER_NAMES = 6;

interface PostRow {
  id: string;
  name: string;
  unitId: string;
  trade: string | null;
}

/** Active posts in a unit and the units beneath it (all when no unit), in organisation order. */
function postsInScope(app: AppContext, unitId: string | null): PostRow[] {
  return app.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)
       SELECT t.id, t.name, t.unitId, t.trade FROM post t JOIN unit u ON u.id = t.unitId
       WHERE t.archivedAtMs IS NULL AND (@unitId IS NULL OR t.unitId IN (SELECT id FROM sub))
       ORDER BY u.sortOrder, u.name, t.category DESC, t.name`,
    )
    .all({ unitId }) as PostRow[];
}

/** The in-force list id of every post, from one query. */
function inForceByPost(app: AppContext, date: string): Map<string, string> {
  const rows = app.db.prepare(`SELECT id, postId, effectiveFrom, approvedAtMs FROM duty_list WHERE status = 'APPROVED'`).all() as { id: string; postId: string; effectiveFrom: string; approvedAtMs: number }[];
  const byPost = new Map<string, typeof rows>();
  for (const r of rows) byPost.set(r.postId, [...(byPost.get(r.postId) ?? []), r]);
  const out = new Map<string, string>();
  for (const [postId, versions] of byPost) {
    const v = inForceOn(versions, date);
    if (v) out.set(postId, v.id);
  }
  return out;
}

function holderNames(app: AppContext, postId: string): string[] {
  return (
    app.db
      .prepare(`SELECT p.name FROM person_post pp JOIN person p ON p.id = pp.personId WHERE pp.postId = ? AND pp.endDate IS NULL AND p.status = 'ACTIVE' ORDER BY p.staffNo`)
      .all(postId) as { name: string }[]
  ).map((r) => r.name);
}

const STATE_LABEL = { IN_FORCE: '现行', SUPERSEDED: '已废止', FUTURE: '待生效', DRAFT: '草稿' } as const;

function listDoc(app: AppContext, listId: string, trade: string | null): DutyListDoc {
  const l = getList(app, listId);
  return {
    postName: l.postName,
    unitPath: l.unitPath,
    trade,
    label: l.label,
    state: STATE_LABEL[l.state],
    effectiveFrom: l.effectiveFrom!,
    approverName: l.approverName!,
    reason: l.reason,
    changesText: l.changesText,
    holders: holderNames(app, l.postId),
    items: l.items.map((i) => ({ no: i.itemNo, content: i.content, category: DutyCategory.label[i.category], legalBasis: i.legalBasis, scope: i.scope, assessmentStandard: i.assessmentStandard, weight: i.weight })),
  };
}

function scopeName(app: AppContext, unitId: string | null): string {
  return unitId ? (unitPaths(app.db).get(unitId) ?? '') : '全企业';
}

export function loadDutyLists(app: AppContext, t: PrintTarget): Loaded<DutyListsData> {
  if (t.recordId) {
    const row = app.db.prepare(`SELECT l.id, t.trade FROM duty_list l JOIN post t ON t.id = l.postId WHERE l.id = ? AND l.status = 'APPROVED'`).get(t.recordId) as { id: string; trade: string | null } | undefined;
    if (!row) return { data: { scope: '', lists: [] }, imageIds: [], missing: ['已批准的责任清单版本（草稿不能打印，请先批准）'], omitted: [] };
    const doc = listDoc(app, row.id, row.trade);
    return { title: `${doc.postName}安全生产责任清单`, data: { scope: doc.postName, lists: [doc] }, imageIds: [], missing: [], omitted: [] };
  }
  const current = inForceByPost(app, today(app));
  const posts = postsInScope(app, t.unitId);
  const lists = posts.filter((p) => current.has(p.id)).map((p) => listDoc(app, current.get(p.id)!, p.trade));
  const without = posts.filter((p) => !current.has(p.id)).map((p) => p.name);
  return {
    data: { scope: scopeName(app, t.unitId), lists },
    imageIds: [],
    missing: lists.length ? [] : ['范围内现行的责任清单（请先在「全员责任制」中编制并批准）'],
    omitted: without.length && lists.length ? [`${without.length} 个岗位没有现行责任清单，未打印：${without.slice(0, 8).join('、')}${without.length > 8 ? ' 等' : ''}`] : [],
  };
}

export function loadPublicity(app: AppContext, t: PrintTarget): Loaded<PublicityData> {
  const current = inForceByPost(app, today(app));
  const paths = unitPaths(app.db);
  const grades = readSetting(app, 'assessmentGrades');
  const posts = postsInScope(app, t.unitId).filter((p) => current.has(p.id));
  const heads = new Map((app.db.prepare(`SELECT u.id, p.name FROM unit u JOIN person p ON p.id = u.headPersonId`).all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  const units = new Map<string, { unitPath: string; headName: string | null; posts: PublicityPost[] }>();
  const postsPerUnit = new Map<string, number>();
  for (const p of posts) postsPerUnit.set(p.unitId, (postsPerUnit.get(p.unitId) ?? 0) + 1);
  for (const p of posts) {
    const l = getList(app, current.get(p.id)!);
    const names = holderNames(app, p.id);
    const key = [...l.items].sort((a, b) => b.weight - a.weight || a.itemNo - b.itemNo).slice(0, keyDutiesFor(postsPerUnit.get(p.unitId)!)).sort((a, b) => a.itemNo - b.itemNo);
    const scopes = l.items.map((i) => i.scope).filter((s): s is string => !!s);
    const scope = scopes.length ? [...new Set(scopes)].sort((a, b) => scopes.filter((x) => x === b).length - scopes.filter((x) => x === a).length)[0]! : null;
    const post: PublicityPost = {
      postName: p.name,
      label: l.label,
      holders: names.slice(0, MAX_HOLDER_NAMES),
      holderCount: names.length,
      keyDuties: key.map((i) => i.content),
      scope,
      assessment: `按责任清单 ${l.items.length} 条逐条考核，满分 ${l.totalWeight} 分；得分率 ≥${grades.excellent}% 为优秀，≥${grades.pass}% 为合格`,
    };
    const u = units.get(p.unitId) ?? { unitPath: paths.get(p.unitId) ?? '', headName: heads.get(p.unitId) ?? null, posts: [] };
    u.posts.push(post);
    units.set(p.unitId, u);
  }
  const e = getEnterprise(app);
  return {
    title: t.unitId ? `${scopeName(app, t.unitId).split(' / ').pop()}安全生产责任制公示` : undefined,
    data: { boards: [...units.values()].flatMap(toBoards), internalReportPhone: e.internalReportPhone, reportHotline: e.reportHotline },
    imageIds: [],
    missing: units.size ? [] : ['范围内现行的责任清单（请先在「全员责任制」中编制并批准）'],
    omitted: [],
  };
}

function toBoards(u: { unitPath: string; headName: string | null; posts: PublicityPost[] }) {
  const parts = Math.max(1, Math.ceil(u.posts.length / POSTS_PER_BOARD));
  return Array.from({ length: parts }, (_, i) => ({ unitPath: u.unitPath, headName: u.headName, part: i + 1, parts, posts: u.posts.slice(i * POSTS_PER_BOARD, (i + 1) * POSTS_PER_BOARD) }));
}

export function loadAckSheet(app: AppContext, t: PrintTarget): Loaded<AckSheetData> {
  const current = inForceByPost(app, today(app));
  const paths = unitPaths(app.db);
  const posts = postsInScope(app, t.unitId);
  const labels = new Map(
    (app.db.prepare(`SELECT id, year, revision FROM duty_list WHERE status = 'APPROVED'`).all() as { id: string; year: number; revision: number }[]).map((r) => [r.id, versionLabel(r)]),
  );
  const units = new Map<string, AckSheetData['units'][number]>();
  const withoutList: string[] = [];
  const holders = app.db.prepare(
    `SELECT p.id, p.name, p.staffNo, p.employmentType, (SELECT 1 FROM duty_ack a WHERE a.listId = @listId AND a.personId = p.id) AS signed
     FROM person_post pp JOIN person p ON p.id = pp.personId WHERE pp.postId = @postId AND pp.endDate IS NULL AND p.status = 'ACTIVE' ORDER BY p.staffNo`,
  );
  for (const post of posts) {
    const listId = current.get(post.id) ?? null;
    const people = holders.all({ postId: post.id, listId }) as { id: string; name: string; staffNo: string; employmentType: EmploymentType; signed: number | null }[];
    if (!listId) {
      withoutList.push(...people.map((p) => `${p.name}（${post.name}）`));
      continue;
    }
    const rows = people
      .filter((p) => !t.onlyUnsigned || !p.signed)
      .map((p) => ({ name: p.name, staffNo: p.staffNo, employment: EmploymentType.label[p.employmentType], postName: post.name, label: labels.get(listId) ?? '', signedOn: null }));
    if (!rows.length) continue;
    const u = units.get(post.unitId) ?? { unitPath: paths.get(post.unitId) ?? '', rows: [] };
    u.rows.push(...rows);
    units.set(post.unitId, u);
  }
  return {
    data: { filter: t.onlyUnsigned ? '仅列未签字确认的人员' : '本单位全部在岗人员', units: [...units.values()], withoutList },
    imageIds: [],
    missing: units.size ? [] : [t.onlyUnsigned ? '需要签字的人员（范围内人员均已签字确认）' : '范围内有现行责任清单的在岗人员'],
    omitted: withoutList.length ? [`${withoutList.length} 人所在岗位没有现行责任清单，不在签字表中`] : [],
  };
}

function listRecords(app: AppContext) {
  const t = today(app);
  const current = new Set(inForceByPost(app, t).values());
  const paths = unitPaths(app.db);
  return (
    app.db
      .prepare(`SELECT l.id, l.year, l.revision, l.effectiveFrom, t.name, t.unitId FROM duty_list l JOIN post t ON t.id = l.postId WHERE l.status = 'APPROVED' ORDER BY t.name, l.year DESC, l.revision DESC`)
      .all() as { id: string; year: number; revision: number; effectiveFrom: string; name: string; unitId: string }[]
  ).map((r) => ({ id: r.id, label: `${paths.get(r.unitId) ?? ''} · ${r.name} · ${versionLabel(r)}（${current.has(r.id) ? '现行' : r.effectiveFrom > t ? '待生效' : '已废止'}）` }));
}

export const dutyListDoc = docType<DutyListsData>({
  type: 'dutyList',
  title: '岗位安全生产责任清单',
  group: '全员责任制',
  description: '每个岗位一份：责任人员、职责条目、责任范围、考核标准和分值。可选一个版本（含历史版本），或按单位批量打印现行清单。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'portrait' },
  suggestedSizes: ['A4'],
  minShortSideMm: 148,
  records: { label: '清单版本', required: false, list: listRecords, placeholder: '默认：范围内各岗位现行版本' },
  options: ['unit'],
  sectionLabels: { scope: '范围', lists: '责任清单内容或责任人员' },
  load: loadDutyLists,
  build: buildDutyLists,
  chunk: byRecords<DutyListsData, 'lists'>('lists', LISTS_PER_PART).chunk,
  describeChange: (b, a) => {
    const key = (l: DutyListDoc) => `${l.unitPath}|${l.postName}`;
    const before = new Map(b.lists.map((l) => [key(l), JSON.stringify(l)]));
    const names = a.lists.filter((l) => before.get(key(l)) !== JSON.stringify(l)).map((l) => l.postName);
    const gone = b.lists.filter((l) => !a.lists.some((x) => key(x) === key(l))).map((l) => l.postName);
    const all = [...names, ...gone];
    return all.length ? [`${all.slice(0, 6).join('、')}${all.length > 6 ? ` 等 ${all.length} 个岗位` : ''}的责任清单`] : ['范围'];
  },
});

const publicityParts = byRecords<PublicityData, 'boards'>('boards', 10);

export const dutyPublicityDoc = docType<PublicityData>({
  type: 'dutyPublicity',
  title: '安全生产责任制公示牌',
  group: '全员责任制',
  description: '按单位公示各岗位的责任人员、主要职责、责任范围和考核标准（安全生产法第二十二条），每个单位一页，岗位多时自动分页。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A3', orientation: 'landscape' },
  suggestedSizes: ['A3', 'A2', 'A1', 'BOARD_1200x800', 'BOARD_600x800'],
  minShortSideMm: 210,
  options: ['unit'],
  sectionLabels: { boards: '各岗位职责或责任人员', internalReportPhone: '内部举报电话', reportHotline: '举报热线' },
  load: loadPublicity,
  build: buildPublicity,
  chunk: publicityParts.chunk,
  paging: 'none',
  fit: {
    pagesPerRecord: 1,
    ...publicityParts,
    enlarge: (d) => {
      const shrink = Math.min(3, (d.shrink ?? 0) + 1);
      return { data: { ...d, shrink }, warning: shrink < 3 ? null : `「${d.boards[0]?.unitPath.split(' / ').pop() ?? ''}」公示牌内容较多，已缩小字号；如需更醒目，请选用更大的尺寸` };
    },
  },
  describeChange: (b, a) => {
    const key = (x: PublicityData['boards'][number]) => `${x.unitPath}|${x.part}`;
    const before = new Map(b.boards.map((x) => [key(x), JSON.stringify(x)]));
    const changed = a.boards.filter((x) => before.get(key(x)) !== JSON.stringify(x)).map((x) => x.unitPath.split(' / ').pop()!);
    const other = b.internalReportPhone !== a.internalReportPhone || b.reportHotline !== a.reportHotline ? ['举报电话'] : [];
    return [...(changed.length ? [`${[...new Set(changed)].join('、')}的岗位职责或责任人员`] : []), ...other];
  },
});

export const dutyAckSheetDoc = docType<AckSheetData>({
  type: 'dutyAckSheet',
  title: '责任清单签字确认表',
  group: '全员责任制',
  description: '按单位打印纸质签字表，员工签字后在「全员责任制 → 批量录入」中登记。可只列尚未签字的人员。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'landscape' },
  suggestedSizes: ['A4'],
  minShortSideMm: 210,
  options: ['unit', 'onlyUnsigned'],
  onlyUnsignedLabel: '只列尚未签字确认的人员',
  sectionLabels: { filter: '范围', units: '人员名单', withoutList: '无清单人员' },
  load: loadAckSheet,
  build: buildAckSheet,
  trackStale: false,
});
