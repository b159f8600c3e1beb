/**
 * The print centre's 应急预案 documents: 应急处置卡 (pocket cards, or sheets of
 * cards on A4 and larger) and the 应急预案管理台账. Layouts are in docs.ts.
 */
import type { AppContext } from '../../context.ts';
import type { EmergencyCard, EmergencyPlan, FilingState } from '../../../preload/contract/emergency.ts';
import { EmergencyPlanType, PlanReviewMethod, PlanTriggerKind } from '../../../preload/contract/enums.ts';
import { dateInZone } from '../../domain/dates.ts';
import type { Paper } from '../../pdf/paper.ts';
import { chunkByLoad, enlargedWarning, largerCardFormat } from '../../pdf/pocketCard.ts';
import { enterpriseTimeZone } from '../enterprise/repo.ts';
import { today } from '../enterprise/service.ts';
import { unitPaths } from '../org/repo.ts';
import { byRecords, docType, type Loaded, type PrintTarget } from '../print/types.ts';
import { getEmergencyCard, listEmergencyCards } from './cards.ts';
import {
  buildEmergencyCards,
  buildPlanRegister,
  cardsPerSheet,
  emergencyCardLoad,
  fillFactor,
  isCardSheet,
  largerCell,
  type CardCell,
  type EmergencyCardDoc,
  type EmergencyCardsData,
  type PlanRegisterData,
  type PlanRegisterRow,
  type PlanTriggerRow,
} from './docs.ts';
import { getPlan, listPlans } from './plans.ts';
import { emergencySettings } from './settings.ts';

const CARDS_PER_PART = 40;
/** On a sheet, a card estimated fuller than this goes into a larger cell at once (the cell cannot grow). */
const SHEET_CARD_LOAD = 0.92;

// ---------------------------------------------------------------- 应急处置卡

function cardDoc(c: EmergencyCard, tz: string): EmergencyCardDoc {
  return {
    title: c.title,
    postName: c.postName,
    unitName: c.unitName,
    planCode: c.planCode,
    planName: c.planName,
    sourceVersion: c.sourceVersion,
    revision: c.revision,
    updatedOn: dateInZone(c.updatedAtMs, tz),
    scenarios: c.scenarios.map((s) => ({ scenario: s.scenario, steps: s.steps, cautions: s.cautions ?? null })),
    contacts: c.contacts.map((x) => ({ role: x.role, name: x.name ?? null, phone: x.phone })),
  };
}

function loadCards(app: AppContext, t: PrintTarget): Loaded<EmergencyCardsData> {
  const tz = enterpriseTimeZone(app.db);
  let cards: EmergencyCard[];
  const omitted: string[] = [];
  if (t.recordId) {
    cards = [getEmergencyCard(app, t.recordId)];
  } else {
    const inScope = t.unitId
      ? new Set(
          (
            app.db
              .prepare(
                `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT x.id FROM unit x JOIN sub ON x.parentId = sub.id)
                 SELECT c.id FROM emergency_card c JOIN post po ON po.id = c.postId WHERE po.unitId IN (SELECT id FROM sub)`,
              )
              .all(t.unitId) as { id: string }[]
          ).map((r) => r.id),
        )
      : null;
    const archived = new Set((app.db.prepare('SELECT id FROM emergency_plan WHERE archivedAtMs IS NOT NULL').all() as { id: string }[]).map((r) => r.id));
    const all = listEmergencyCards(app, { planId: null, postId: null }).filter((c) => !inScope || inScope.has(c.id));
    const gone = all.filter((c) => archived.has(c.planId));
    if (gone.length) omitted.push(`${gone.length} 张卡片所依据的预案已废止，未打印：${gone.slice(0, 6).map((c) => c.title).join('、')}${gone.length > 6 ? ' 等' : ''}`);
    cards = all.filter((c) => !archived.has(c.planId));
  }
  const stale = cards.filter((c) => c.stale);
  if (stale.length) omitted.push(`${stale.map((c) => `「${c.title}」`).slice(0, 6).join('、')}${stale.length > 6 ? ` 等 ${stale.length} 张卡片` : ''}所依据的预案已发布新版本，卡片仍为旧版本内容，建议先在「应急预案」中重新生成`);
  const scope = t.recordId ? (cards[0]?.title ?? '') : t.unitId ? (unitPaths(app.db).get(t.unitId) ?? '') : '全企业';
  return {
    title: t.recordId && cards[0] ? cards[0].title : undefined,
    data: { scope, cards: cards.map((c) => cardDoc(c, tz)) },
    imageIds: [],
    missing: cards.length ? [] : [t.unitId ? '该单位范围内的应急处置卡（请先由现场处置方案为关键岗位生成）' : '应急处置卡（请先在「应急预案」中由现场处置方案为关键岗位生成）'],
    omitted,
  };
}

const cardParts = byRecords<EmergencyCardsData, 'cards'>('cards', CARDS_PER_PART);

/**
 * Card paper: runs of cards, the likely overflows alone. A4 and larger: one
 * part a sheet; cards too full for the 85.5×54 cell get A6 cells on their own sheets.
 */
function chunkCards(d: EmergencyCardsData, paper: Paper): EmergencyCardsData[] {
  if (!isCardSheet(paper)) {
    const parts = chunkByLoad(d.cards, CARDS_PER_PART, paper.kind === 'card' ? emergencyCardLoad : null).map((cards) => ({ ...d, cards }));
    return parts.length ? parts : [d];
  }
  const parts: EmergencyCardsData[] = [];
  const bySize = (cell: CardCell, cards: EmergencyCardDoc[]) => {
    const per = cardsPerSheet(paper, cell);
    for (let i = 0; i < cards.length; i += per) parts.push({ ...d, cards: cards.slice(i, i + per), sheet: { cell } });
  };
  bySize('CARD', d.cards.filter((c) => emergencyCardLoad(c) <= SHEET_CARD_LOAD));
  bySize('A6', d.cards.filter((c) => emergencyCardLoad(c) > SHEET_CARD_LOAD && emergencyCardLoad(c) <= 2.6));
  bySize('A5', d.cards.filter((c) => emergencyCardLoad(c) > 2.6));
  return parts.length ? parts : [{ ...d, sheet: { cell: 'CARD' } }];
}

function cardNames(d: EmergencyCardsData): string {
  const names = d.cards.map((c) => `「${c.title}」`);
  return `${names.slice(0, 3).join('、')}${names.length > 3 ? ` 等 ${names.length} 张卡片` : ''}`;
}

export const emergencyCardDoc = docType<EmergencyCardsData>({
  type: 'emergencyCard',
  title: '应急处置卡',
  group: '两单两卡',
  description:
    '关键岗位随身携带的应急处置卡：正面为各事故情形按顺序的第一时间处置步骤，背面为注意事项、应急联系电话（含 119、120、110、12350）和所依据的现场处置方案编号与版本。85.5×54 mm 双面卡片，内容较多的自动改用 A6；选 A4 等大纸张时按卡片大小排成裁切页（正面一页、背面一页，双面打印背面对齐）。可选一张卡片，或按单位批量。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'CARD', orientation: 'landscape' },
  suggestedSizes: ['CARD', 'A6', 'A4'],
  minShortSideMm: 54,
  records: {
    label: '应急处置卡',
    required: false,
    placeholder: '默认：范围内全部应急处置卡',
    list: (app) =>
      listEmergencyCards(app, { planId: null, postId: null }).map((c) => ({
        id: c.id,
        label: `${c.unitName} · ${c.title}（${c.planCode} ${c.sourceVersion}，第 ${c.revision} 版${c.stale ? '，预案已更新' : ''}）`,
      })),
  },
  options: ['unit'],
  sectionLabels: { scope: '范围', cards: '应急处置卡内容' },
  load: loadCards,
  build: buildEmergencyCards,
  chunk: chunkCards,
  paging: 'none',
  fit: {
    pagesPerRecord: 2,
    // A sheet is one record: its fronts and its backs are a page each.
    records: (d) => (d.sheet ? 1 : d.cards.length),
    split: (d) => (d.sheet ? [d] : cardParts.split(d)),
    join: cardParts.join,
    enlarge: (d, paper) => {
      // First the type goes back to its normal size (it is set larger on cards with little text).
      if (!d.tight && d.cards.some((c) => fillFactor(c, false) > 1)) return { data: { ...d, tight: true }, warning: null };
      if (d.sheet) {
        // A card grew past its cell: the sheet's cards move to the larger cell (once; more sheets then follow).
        const cell = d.sheet.bumped ? d.sheet.cell : largerCell(d.sheet.cell);
        const label = cell === 'A6' ? 'A6（148×105 mm）' : 'A5（210×148 mm）';
        return { data: { ...d, sheet: { cell, bumped: true } }, warning: `${cardNames(d)}中有卡片内容超出卡片大小，这一页卡片已改为 ${label}排版；如需 85.5×54 mm 卡片，请精简内容` };
      }
      const format = largerCardFormat(paper, d.format ?? null);
      return { data: { ...d, format }, warning: enlargedWarning(cardNames(d), paper, format) };
    },
  },
  describeChange: (before, after) => {
    const b = new Map(before.cards.map((c) => [c.title + c.unitName, JSON.stringify(c)]));
    const changed = after.cards.filter((c) => b.get(c.title + c.unitName) !== JSON.stringify(c)).map((c) => c.title);
    const gone = before.cards.filter((c) => !after.cards.some((x) => x.title + x.unitName === c.title + c.unitName)).map((c) => c.title);
    const all = [...changed, ...gone];
    return all.length ? [`${all.slice(0, 6).join('、')}${all.length > 6 ? ` 等 ${all.length} 张卡片` : ''}`] : ['范围'];
  },
});

// ---------------------------------------------------------------- 应急预案管理台账

const TYPE_SHORT = { COMPREHENSIVE: '综合预案', SPECIFIC: '专项预案', ONSITE: '现场处置方案' } as const;

export function filingText(f: FilingState | null): string {
  if (!f) return '—';
  switch (f.state) {
    case 'FILED':
      return '已备案';
    case 'FILED_LATE':
      return `逾期备案 ${f.workdays} 个工作日\n（期限 ${f.dueOn}）`;
    case 'PENDING':
      return `待备案\n期限 ${f.dueOn}\n剩 ${f.workdays} 个工作日`;
    case 'OVERDUE':
      return `备案逾期 ${f.workdays} 个工作日\n（期限 ${f.dueOn}）`;
  }
}

function registerRow(p: EmergencyPlan, no: number): PlanRegisterRow {
  const v = p.versions.find((x) => x.status === 'IN_FORCE') ?? null;
  const open = p.triggers.filter((t) => !t.resolvedOn);
  const revision = p.revision;
  let nextRevision = v?.nextRevisionOn ?? '—';
  if (v && revision?.state === 'OVERDUE') nextRevision = `${revision.dueOn ?? nextRevision}\n（已逾期）`;
  else if (v && revision?.state === 'DUE_SOON') nextRevision = `${nextRevision}\n（临近）`;
  return {
    no,
    type: TYPE_SHORT[p.planType],
    code: p.code,
    name: p.name,
    parent: p.parentName,
    version: v?.version ?? (p.draftVersionId ? '草稿' : '—'),
    issuedOn: v?.issuedOn ?? (p.archived ? '—' : '未发布'),
    review: v?.reviewMethod ? `${PlanReviewMethod.label[v.reviewMethod]} ${v.reviewedOn ?? ''}`.trim() : '—',
    signer: v?.signedByName ?? '—',
    filedOn: v?.filedOn ?? '—',
    authority: v?.filingAuthority ?? '—',
    receiptNo: v?.filingReceiptNo ?? '—',
    filing: p.archived ? '已废止' : filingText(v?.filing ?? null),
    filingBad: !p.archived && (v?.filing?.state === 'OVERDUE' || v?.filing?.state === 'FILED_LATE'),
    nextRevision: p.archived ? '—' : nextRevision,
    revisionBad: !p.archived && revision?.state === 'OVERDUE',
    triggers: p.archived ? '—' : open.length ? `${open.length} 项` : '无',
    triggersOpen: !p.archived && open.length > 0,
    archived: p.archived,
  };
}

function loadPlanRegister(app: AppContext): Loaded<PlanRegisterData> {
  const t = today(app);
  const s = emergencySettings(app);
  const plans = listPlans(app, { includeArchived: true, search: null }).map((r) => getPlan(app, r.id));
  // Plans in force first (by type, then code), withdrawn ones after them.
  const ordered = [...plans.filter((p) => !p.archived), ...plans.filter((p) => p.archived)];
  const rows = ordered.map((p, i) => registerRow(p, i + 1));
  const active = ordered.filter((p) => !p.archived);
  const count = (type: keyof typeof TYPE_SHORT) => active.filter((p) => p.planType === type).length;
  const filing = (state: FilingState['state']) => active.filter((p) => p.filing?.state === state).length;
  const triggers: PlanTriggerRow[] = [];
  for (const p of ordered) {
    for (const tr of [...p.triggers].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn))) {
      triggers.push({
        no: triggers.length + 1,
        plan: `${p.code} ${p.name}`,
        kind: PlanTriggerKind.label[tr.kind],
        occurredOn: tr.occurredOn,
        description: tr.drillCode && !tr.description.includes(tr.drillCode) ? `${tr.description}（演练 ${tr.drillCode}）` : tr.description,
        dueOn: tr.dueOn ?? '—',
        owner: tr.ownerName ?? '—',
        state: tr.resolvedOn ? `已修订（${tr.resolvedVersion ?? ''} ${tr.resolvedOn}）` : tr.overdue ? '逾期未修订' : '待修订',
        overdue: tr.overdue,
      });
    }
  }
  const archived = plans.length - active.length;
  const openTriggers = triggers.filter((x) => !x.state.startsWith('已修订')).length;
  return {
    title: `应急预案管理台账（截至 ${t}）`,
    data: {
      asOf: t,
      summary:
        `共 ${active.length} 个预案（${EmergencyPlanType.label.COMPREHENSIVE} ${count('COMPREHENSIVE')}、${EmergencyPlanType.label.SPECIFIC} ${count('SPECIFIC')}、${EmergencyPlanType.label.ONSITE} ${count('ONSITE')}）` +
        `；已备案 ${filing('FILED') + filing('FILED_LATE')}，待备案 ${filing('PENDING')}，备案逾期 ${filing('OVERDUE')}；待处理修订事项 ${openTriggers} 项${archived ? `；另有已废止预案 ${archived} 个` : ''}`,
      filingRule: `备案要求：预案经评审或论证、主要负责人签署公布后，自公布之日起 ${s.filingWorkdays} 个工作日内向负有安全生产监督管理职责的部门进行告知性备案；预案每 ${s.revisionYears} 年至少评估一次，法律法规、机构职责、安全风险、重要应急资源发生重大变化或演练、救援中发现问题时及时修订。`,
      rows,
      triggers,
    },
    imageIds: [],
    missing: plans.length ? [] : ['应急预案（请先在「应急预案」中登记综合应急预案、专项应急预案和现场处置方案）'],
    omitted: [],
  };
}

export const emergencyPlanRegisterDoc = docType<PlanRegisterData>({
  type: 'emergencyPlanRegister',
  title: '应急预案管理台账',
  group: '应急预案与演练',
  description:
    '全部应急预案一览：类型、编号、名称、现行版本、发布日期、评审或论证、签署人、备案日期、受理部门、回执编号、备案状态（已备案、逾期备案、待备案、备案逾期）、下次修订日期和待处理的修订事项；其后列出全部修订事项及处理情况。',
  layoutVersion: 'v1',
  defaultPaper: { size: 'A4', orientation: 'landscape' },
  suggestedSizes: ['A4', 'A3'],
  minShortSideMm: 210,
  sectionLabels: { asOf: '截至日期', summary: '汇总', filingRule: '备案要求', rows: '预案', triggers: '修订事项' },
  load: loadPlanRegister,
  build: buildPlanRegister,
  // The register is as of a date: filing states move on every day.
  trackStale: false,
});
