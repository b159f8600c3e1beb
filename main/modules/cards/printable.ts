import type { AppContext } from '../../context.ts';
import { EmploymentType } from '../../../preload/contract/enums.ts';
import type { CardSet } from '../../../preload/contract/cards.ts';
import { getEnterprise } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import type { Paper } from '../../pdf/paper.ts';
import { chunkByLoad, enlargedWarning, largerCardFormat } from '../../pdf/pocketCard.ts';
import { byRecords, docType, type Loaded, type PrintTarget } from '../print/types.ts';
import { buildCardBoard, buildPocketCards, pocketCardLoad, type CardDoc, type CardsData } from './docs.ts';
import { currentCards } from './service.ts';

const CARDS_PER_PART = 40;
const BOARDS_PER_PART = 12;

interface UnitRow {
  id: string;
  parentId: string | null;
  name: string;
  headName: string | null;
  headPhone: string | null;
  phone: string | null;
}

/**
 * 应急联系 of a post: the head of its unit (or the nearest unit above with a
 * head), the safety department, the enterprise duty phone, then 119/120/110.
 */
export function emergencyContacts(app: AppContext, unitId: string): CardDoc['contacts'] {
  const units = new Map(
    (
      app.db
        .prepare('SELECT u.id, u.parentId, u.name, u.phone, p.name AS headName, p.phone AS headPhone FROM unit u LEFT JOIN person p ON p.id = u.headPersonId AND p.status = \'ACTIVE\'')
        .all() as UnitRow[]
    ).map((u) => [u.id, u]),
  );
  const contacts: CardDoc['contacts'] = [];
  let u = units.get(unitId);
  while (u && !(u.headName && (u.headPhone || u.phone))) u = u.parentId ? units.get(u.parentId) : undefined;
  if (u) contacts.push({ role: `${u.name}负责人`, name: u.headName, phone: (u.headPhone ?? u.phone)! });
  const e = getEnterprise(app);
  const safety = e.safetyDeptUnitId ? units.get(e.safetyDeptUnitId) : undefined;
  if (safety && safety.id !== u?.id && (safety.headPhone || safety.phone)) contacts.push({ role: '安全管理部门', name: safety.headName, phone: (safety.headPhone ?? safety.phone)! });
  if (e.dutyPhone) contacts.push({ role: '值班电话', name: null, phone: e.dutyPhone });
  contacts.push({ role: '火警', name: null, phone: '119' }, { role: '急救', name: null, phone: '120' }, { role: '报警', name: null, phone: '110' });
  return contacts;
}

function cardDoc(app: AppContext, c: CardSet, unitId: string): CardDoc {
  return {
    postName: c.postName,
    unitName: c.unitName,
    trade: c.trade,
    version: c.version,
    publishedOn: c.publishedOn!,
    nextReviewOn: c.nextReviewOn,
    compiledBy: c.compiledBy ?? '',
    reviewedBy: c.reviewedBy ?? '',
    approvedBy: c.approvedBy ?? '',
    applicable: c.applicable.map((a) => EmploymentType.label[a]),
    ppe: c.ppe,
    risk: { items: c.risk.items.map((r) => ({ statement: r.statement, accidentType: r.accidentType, stage: r.stage, level: r.level })), mnemonic: c.risk.mnemonic },
    duty: c.duty,
    operation: c.operation,
    emergency: c.emergency,
    contacts: emergencyContacts(app, unitId),
  };
}

/** Current card sets: one post (record) or every front-line post of a unit and the units beneath it. */
export function loadCards(app: AppContext, t: PrintTarget): Loaded<CardsData> {
  const paths = unitPaths(app.db);
  const posts = app.db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT @unitId UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)
       SELECT t.id, t.name, t.unitId FROM post t JOIN unit u ON u.id = t.unitId
       WHERE t.archivedAtMs IS NULL AND t.category = 'FRONTLINE'
         AND (@postId IS NULL OR t.id = @postId) AND (@unitId IS NULL OR t.unitId IN (SELECT id FROM sub))
       ORDER BY u.sortOrder, u.name, t.name`,
    )
    .all({ postId: t.recordId, unitId: t.recordId ? null : t.unitId }) as { id: string; name: string; unitId: string }[];
  const cards: CardDoc[] = [];
  const without: string[] = [];
  for (const p of posts) {
    const c = currentCards(app, p.id);
    if (c) cards.push(cardDoc(app, c, p.unitId));
    else without.push(p.name);
  }
  const scope = t.recordId ? (cards[0]?.postName ?? '') : t.unitId ? (paths.get(t.unitId) ?? '') : '全企业';
  return {
    title: t.recordId && cards[0] ? `${cards[0].postName}两单两卡` : undefined,
    data: { scope, cards },
    imageIds: [],
    missing: cards.length ? [] : [t.recordId ? '该岗位已发布的两单两卡（请先在「两单两卡」中编制并批准发布）' : '范围内已发布的两单两卡'],
    omitted: without.length && cards.length ? [`${without.length} 个一线岗位还没有发布两单两卡，未打印：${without.slice(0, 8).join('、')}${without.length > 8 ? ' 等' : ''}`] : [],
  };
}

const postRecords = {
  label: '岗位',
  required: false,
  placeholder: '默认：范围内全部一线岗位',
  list: (app: AppContext) => {
    const paths = unitPaths(app.db);
    return (
      app.db
        .prepare(
          `SELECT t.id, t.name, t.unitId, max(c.version) AS version FROM card_set c JOIN post t ON t.id = c.postId
           WHERE c.status = 'APPROVED' AND t.archivedAtMs IS NULL GROUP BY t.id ORDER BY t.name`,
        )
        .all() as { id: string; name: string; unitId: string; version: number }[]
    ).map((r) => ({ id: r.id, label: `${paths.get(r.unitId) ?? ''} · ${r.name}（第 ${r.version} 版）` }));
  },
};

const pocketParts = byRecords<CardsData, 'cards'>('cards', CARDS_PER_PART);
const boardParts = byRecords<CardsData, 'cards'>('cards', BOARDS_PER_PART);

/** Cards in runs; on the 85.5×54 card, the ones likely too long stand alone, in order. */
function chunkPocketCards(d: CardsData, paper: Paper): CardsData[] {
  const parts = chunkByLoad(d.cards, CARDS_PER_PART, paper.kind === 'card' ? pocketCardLoad : null).map((cards) => ({ ...d, cards }));
  return parts.length ? parts : [d];
}

/** Says which posts' cards changed since a print. */
function changedPosts(before: CardsData, after: CardsData): string[] {
  const key = (c: CardDoc) => c.postName + '|' + c.unitName;
  const b = new Map(before.cards.map((c) => [key(c), JSON.stringify(c)]));
  const a = new Map(after.cards.map((c) => [key(c), JSON.stringify(c)]));
  const names = [...new Set([...b.keys(), ...a.keys()])].filter((k) => b.get(k) !== a.get(k)).map((k) => k.split('|')[0]!);
  return names.length ? [`${names.slice(0, 6).join('、')}${names.length > 6 ? ` 等 ${names.length} 个岗位` : ''}的两单两卡`] : ['范围'];
}

export const postCardsDoc = docType<CardsData>({
  type: 'postCards',
  title: '两单两卡口袋卡',
  group: '两单两卡',
  description: '正面：岗位风险清单、岗位职责清单；背面：岗位操作卡、岗位应急处置卡和应急联系电话。85.5×54 mm 双面卡片，内容较多的岗位自动改用 A6 并提示。可选一个岗位，或按单位批量打印。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'CARD', orientation: 'landscape' },
  suggestedSizes: ['CARD', 'A6'],
  minShortSideMm: 54,
  records: postRecords,
  options: ['unit'],
  sectionLabels: { scope: '范围', cards: '两单两卡内容' },
  load: loadCards,
  build: buildPocketCards,
  chunk: chunkPocketCards,
  paging: 'none',
  fit: {
    pagesPerRecord: 2,
    ...pocketParts,
    enlarge: (d, paper) => {
      const format = largerCardFormat(paper, d.format ?? null);
      return { data: { ...d, format }, warning: enlargedWarning(`「${d.cards[0]?.postName ?? ''}」的两单两卡`, paper, format) };
    },
  },
  describeChange: changedPosts,
});

export const postCardBoardDoc = docType<CardsData>({
  type: 'postCardBoard',
  title: '两单两卡岗位牌',
  group: '两单两卡',
  description: '岗位现场张贴的“两单两卡”牌：四个板块 2×2 排列，彩色标题，顺口溜大字突出。每个岗位一页，可按单位批量。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A3', orientation: 'landscape' },
  suggestedSizes: ['A3', 'A2', 'A1', 'BOARD_600x800', 'BOARD_1200x800'],
  minShortSideMm: 210,
  records: postRecords,
  options: ['unit'],
  sectionLabels: { scope: '范围', cards: '两单两卡内容' },
  load: loadCards,
  build: buildCardBoard,
  chunk: boardParts.chunk,
  paging: 'none',
  fit: {
    pagesPerRecord: 1,
    ...boardParts,
    enlarge: (d) => {
      const shrink = Math.min(3, (d.shrink ?? 0) + 1);
      return { data: { ...d, shrink }, warning: shrink < 2 ? null : `「${d.cards[0]?.postName ?? ''}」岗位牌内容较多，已缩小字号；如需更醒目，请精简内容或选用更大的尺寸` };
    },
  },
  describeChange: changedPosts,
});
