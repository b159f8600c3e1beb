/**
 * The demo's 全员责任制 and 两单两卡: every post's list from the template
 * library, approved last January and again this January, three posts revised
 * mid-year, most people signed (some still missing, so the coverage check has
 * something to show), card sets for the front-line posts with signatures and
 * recitation checks, and last quarter's assessment. History is written "as of"
 * the day it happened, so approval and signature dates read naturally.
 */
import type { AppContext } from '../../context.ts';
import { addDays, dayStartInZone } from '../../domain/dates.ts';
import { enterpriseTimeZone } from '../enterprise/repo.ts';
import { acknowledge, approveList, createDraft, saveDraft } from '../duties/service.ts';
import { suggestTemplate } from '../duties/templates.ts';
import { approveCards, cardLibrary, createCardDraft, recordCardCheck, riskFromRegister, saveCardDraft } from '../cards/service.ts';
import { registerRiskItems } from '../risk/posts.ts';
import { assessmentRows, createPeriod, getSheet, saveSheet } from '../assessments/service.ts';
import { prng } from './names.ts';
import { demoSignaturePng } from './signature.ts';

/** Which template each demo post starts from; missing = no list (to show gaps). */
const TEMPLATE_OF: Record<string, string | null> = {
  gm: 'principal',
  deputy: 'safety_deputy',
  prodDeputy: 'safety_deputy',
  safetyHead: 'safety_manager',
  safetyOfficer: 'safety_manager',
  envOfficer: null,
  machiningHead: 'unit_head',
  machiningSafety: 'safety_manager',
  turningLead: 'team_leader',
  turner: 'operator',
  cncLead: 'team_leader',
  cnc: 'operator',
  grinder: 'operator',
  heatHead: 'unit_head',
  heatWorker: 'operator',
  heatLead: null,
  surfaceWorker: 'operator',
  assemblyHead: 'unit_head',
  fitter1: 'operator',
  fitter2: 'operator',
  crane: 'operator',
  inspector: 'operator',
  equipmentHead: 'unit_head',
  electrician: 'electrician',
  welder: 'welder',
  mechanic: 'operator',
  contractMaint: 'dispatched_flexible',
  logisticsHead: 'unit_head',
  keeper: 'warehouse_keeper',
  loader: 'dispatched_flexible',
  forkliftDriver: 'forklift_driver',
};

/** Posts revised mid-year, with the reason and the item added. */
const REVISIONS: Record<string, { reason: string; add: string }> = {
  turner: { reason: '车削班新增数控化改造的 CK6150 车床，补充设备变更后的职责', add: '参加新设备操作规程培训，考核合格后方可独立操作新设备' },
  electrician: { reason: '依据新版《低压配电设计规范》和公司配电室管理制度修订', add: '执行配电室停送电“两票三制”，停电检修必须挂牌上锁并专人监护' },
  forkliftDriver: { reason: '仓库布局调整，补充人车分流要求', add: '严格按划定的叉车通道行驶，人车分流区域限速 5 km/h，盲区鸣笛' },
};

const DEDUCTIONS = ['班前会记录缺 2 次', '未按时参加月度安全培训 1 次', '劳保用品佩戴不规范被安全员查处 1 次', '发现隐患未及时上报', '岗位交接班记录填写不全', '设备点检表漏填 2 天'];

export function seedResponsibility(app: AppContext, today: string, postId: Map<string, string>, holdersOf: Map<string, string[]>): void {
  const rand = prng(20260301);
  const zone = enterpriseTimeZone(app.db);
  const year = Number(today.slice(0, 4));
  const notAfterToday = (d: string) => (d < today ? d : today);
  /** The context "as of" a day, 10:00 local: services date what they write by it. */
  const on = (date: string): AppContext => ({ ...app, clock: { nowMs: () => dayStartInZone(date, zone) + 10 * 3_600_000 } });
  const gmId = holdersOf.get('gm')![0]!;
  const sig = (name: string) => demoSignaturePng(name).toString('base64');
  const personName = (id: string) => (app.db.prepare('SELECT name FROM person WHERE id = ?').get(id) as { name: string }).name;

  // This year's lists (approved early January), then three mid-year revisions.
  const approvedOn = notAfterToday(`${year}-01-06`);
  for (const [key, template] of Object.entries(TEMPLATE_OF)) {
    const id = postId.get(key);
    if (!id || !template || key === 'inspector') continue;
    const ctx = on(approvedOn);
    const draft = createDraft(ctx, id, { templateKey: template, copyCurrent: false, reason: `${year} 年度全员安全生产责任制修订` });
    approveList(ctx, draft.id, gmId, approvedOn);
  }
  // 质检员: still a draft waiting for approval.
  createDraft(on(notAfterToday(addDays(today, -5))), postId.get('inspector')!, { templateKey: 'operator', copyCurrent: false, reason: '新设质检员岗位责任清单' });
  const revisedOn = notAfterToday(`${year}-07-01`);
  for (const [key, r] of Object.entries(REVISIONS)) {
    const id = postId.get(key)!;
    const ctx = on(addDays(revisedOn, -3) < approvedOn ? approvedOn : addDays(revisedOn, -3));
    const draft = createDraft(ctx, id, { templateKey: null, copyCurrent: true, reason: r.reason });
    const items = draft.items.map(({ id: _i, itemNo: _n, ...it }) => it);
    const weightFrom = items.reduce((best, it, i) => (it.weight > items[best]!.weight ? i : best), 0);
    items[weightFrom] = { ...items[weightFrom]!, weight: items[weightFrom]!.weight - 5 };
    items.push({ content: r.add, category: 'RULES', legalBasis: null, scope: '本岗位', assessmentStandard: '现场检查发现违反一次扣 2 分，扣完为止', weight: 5 });
    saveDraft(ctx, draft.id, r.reason, items);
    approveList(ctx, draft.id, gmId, revisedOn);
  }

  // Signatures: most people signed this year's list in January; after a revision about two in three signed again.
  const signAll = (key: string, share: number, date: string, onScreen: boolean) => {
    const id = postId.get(key)!;
    for (const personId of holdersOf.get(key) ?? []) {
      if (rand() > share) continue;
      const held = app.db.prepare(`SELECT 1 FROM person_post pp JOIN person p ON p.id = pp.personId WHERE pp.personId = ? AND pp.postId = ? AND pp.endDate IS NULL AND p.status = 'ACTIVE'`).get(personId, id);
      if (!held) continue;
      const screen = onScreen && rand() < 0.3;
      acknowledge(on(date), { personId, postId: id, targets: ['LIST'], listId: null, cardSetId: null, method: screen ? 'ON_SCREEN' : 'PAPER', signaturePngBase64: screen ? sig(personName(personId)) : null, signedOn: date });
    }
  };
  for (const key of Object.keys(TEMPLATE_OF)) {
    if (!postId.has(key) || !TEMPLATE_OF[key] || key === 'inspector') continue;
    if (REVISIONS[key]) continue;
    signAll(key, key === 'loader' ? 0.7 : key === 'surfaceWorker' ? 0.8 : 0.97, notAfterToday(`${year}-01-${String(8 + Math.floor(rand() * 10)).padStart(2, '0')}`), true);
  }
  for (const key of Object.keys(REVISIONS)) signAll(key, 0.7, notAfterToday(addDays(revisedOn, 4)), true);

  seedCards(app, today, postId, holdersOf, on, notAfterToday, rand, gmId);
  seedAssessment(app, today, holdersOf, on, rand);
}

function seedCards(
  app: AppContext,
  today: string,
  postId: Map<string, string>,
  holdersOf: Map<string, string[]>,
  on: (d: string) => AppContext,
  notAfterToday: (d: string) => string,
  rand: () => number,
  gmId: string,
): void {
  const year = Number(today.slice(0, 4));
  const lib = cardLibrary(app);
  const frontline = app.db.prepare(`SELECT id, name, trade FROM post WHERE category = 'FRONTLINE' AND archivedAtMs IS NULL`).all() as { id: string; name: string; trade: string | null }[];
  const keyOf = new Map([...postId.entries()].map(([k, v]) => [v, k]));
  const publishedOn = notAfterToday(`${year}-02-20`);
  const checkers = ['赵敏', '黄志勇'];
  for (const p of frontline) {
    const key = keyOf.get(p.id) ?? '';
    if (key === 'heatLead' || key === 'inspector') continue; // no cards yet: the coverage check shows them
    const libraryKey = key === 'turningLead' || key === 'cncLead' ? 'team_leader' : suggestTemplate(lib, p.name, p.trade);
    const ctx = on(addDays(publishedOn, -6));
    const draft = createCardDraft(ctx, p.id, { libraryKey, copyCurrent: false, reason: '按重庆市“两单两卡”要求编制' });
    // The post's risk list follows the risk register where the post has approved risk points.
    if (registerRiskItems(app, p.id).length) riskFromRegister(ctx, draft.id, true);
    if (key === 'crane') continue; // drafted, not yet published
    if (key === 'forkliftDriver') {
      // The forklift card is long (extra rules after the warehouse re-layout): it prints on A6.
      saveCardDraft(
        ctx,
        draft.id,
        {
          ...draft,
          operation: {
            ...draft.operation,
            steps: [
              ...draft.operation.steps,
              { phase: 'DURING', action: '通过仓库南门防火卷帘时停车确认卷帘完全升起、两侧无人后再低速通过', prohibitions: '在卷帘下方停留或放置货物', ppe: null },
              { phase: 'DURING', action: '装卸货车时确认货车已熄火、拉紧手刹并放置止退块，与货车司机确认后再进出车厢', prohibitions: '货车未停稳时进入车厢', ppe: null },
              { phase: 'AFTER', action: '下班前将叉车停放在充电区指定车位，货叉落地、拔下钥匙交班长保管，按规定连接充电器', prohibitions: '在消防通道或出入口停放叉车', ppe: null },
            ],
          },
        },
        '王建军',
        '黄志勇',
        null,
      );
    }
    approveCards(on(publishedOn), draft.id, { compiledBy: key === 'forkliftDriver' ? '王建军' : '赵敏', reviewedBy: '黄志勇', approverPersonId: gmId, publishedOn, nextReviewOn: null });
    for (const personId of holdersOf.get(key) ?? []) {
      const held = app.db.prepare(`SELECT 1 FROM person_post pp JOIN person x ON x.id = pp.personId WHERE pp.personId = ? AND pp.postId = ? AND pp.endDate IS NULL AND x.status = 'ACTIVE'`).get(personId, p.id);
      if (!held || rand() > 0.94) continue;
      const signedOn = notAfterToday(addDays(publishedOn, 1 + Math.floor(rand() * 10)));
      acknowledge(on(signedOn), { personId, postId: p.id, targets: ['CARDS'], listId: null, cardSetId: null, method: 'PAPER', signaturePngBase64: null, signedOn });
    }
    // Recitation checks: one or two per post over the year, the odd one failed.
    const holders = (holdersOf.get(key) ?? []).filter((id) => app.db.prepare(`SELECT 1 FROM person_post WHERE personId = ? AND postId = ? AND endDate IS NULL`).get(id, p.id));
    const checks = Math.min(holders.length, 1 + Math.floor(rand() * 2));
    for (let i = 0; i < checks; i++) {
      const checkedOn = notAfterToday(addDays(publishedOn, 30 + Math.floor(rand() * 200)));
      const passed = rand() > 0.15;
      recordCardCheck(on(checkedOn), {
        postId: p.id,
        personId: holders[Math.floor(rand() * holders.length)]!,
        checkedOn,
        checkerName: checkers[i % 2]!,
        passed,
        notes: passed ? '风险、职责、操作要点和应急步骤均能说清' : '应急处置步骤顺序说不清，已安排班组长当班复训',
      });
    }
  }
}

function seedAssessment(app: AppContext, today: string, holdersOf: Map<string, string[]>, on: (d: string) => AppContext, rand: () => number): void {
  // Last complete quarter.
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const [year, seq] = q === 0 ? [y - 1, 4] : [y, q];
  // Before this January there is no list in force; start with this year's first quarter at the earliest.
  if (year < y) return;
  const period = createPeriod(app, 'QUARTER', year, seq);
  const assessedOn = (() => {
    const d = addDays(period.endDate, 6);
    return d < today ? d : today;
  })();
  const ctx = on(assessedOn);
  const units = new Set(['安全环保部', '机加工车间', '车削班', '数控班', '磨削班', '设备动力部', '电工班', '机修班']);
  const vetoed = holdersOf.get('grinder')?.[3];
  for (const row of assessmentRows(app, period.id, null, null)) {
    if (!units.has(row.unitName) || !row.listId) continue;
    const sheet = getSheet(app, period.id, row.personId, row.postId);
    const scores = sheet.items.map((i) => {
      const deduct = rand() < 0.18 ? Math.min(i.weight, 1 + Math.floor(rand() * 3)) : 0;
      return { itemId: i.itemId, score: i.weight - deduct, deductionReason: deduct ? DEDUCTIONS[Math.floor(rand() * DEDUCTIONS.length)]! : null, evidence: deduct ? '安全检查记录、班组台账' : null };
    });
    saveSheet(ctx, {
      periodId: period.id,
      personId: row.personId,
      postId: row.postId,
      assessorName: '黄志勇',
      assessedOn,
      vetoReason: row.personId === vetoed ? '本季度发生轻伤事故（左手被砂轮罩挤伤），按考核办法一票否决' : null,
      comment: null,
      scores,
    });
  }
}
