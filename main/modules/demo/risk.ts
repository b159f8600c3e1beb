/**
 * The demo's risk register: identified from the machinery library a year ago,
 * approved, and reviewed this autumn (two reviews still overdue); one point
 * judged 重大 directly, one re-assessed after new controls, three drafts, one
 * archived; and the site plan with its areas.
 */
import type { AppContext } from '../../context.ts';
import { addDays, dayStartInZone } from '../../domain/dates.ts';
import { storeAttachment } from '../attachments/service.ts';
import { enterpriseTimeZone } from '../enterprise/repo.ts';
import { importFromLibrary } from '../risk/library.ts';
import { createPlan, saveAreas } from '../risk/map.ts';
import { defaultProfile } from '../risk/profiles.ts';
import { approveRisk, archiveRisk, assessRisk, getRisk, updateRisk } from '../risk/service.ts';
import { PLAN_BUILDINGS, PLAN_MARKERS, PLAN_H, PLAN_W, demoSitePlanPng, rectPolygon } from './sitePlan.ts';

/** Library key → the demo unit that owns the risk point. */
const UNIT_OF: Record<string, string> = {
  'mach-lathe': 'turning',
  'mach-cnc': 'cnc',
  'mach-grinding-machine': 'grinding',
  'mach-bench-grinder': 'grinding',
  'mach-radial-drill': 'machining',
  'mach-saw': 'machining',
  'heat-carburizing-furnace': 'heatTeam',
  'heat-quench': 'heatTeam',
  'heat-temper-furnace': 'heatTeam',
  'surf-cleaning-line': 'surface',
  'surf-sandblast': 'surface',
  'surf-paint-booth': 'surface',
  'surf-paint-store': 'surface',
  'asm-line': 'assembly1',
  'asm-test-bench': 'assembly2',
  'lift-overhead-crane': 'assembly',
  'lift-electric-hoist': 'assembly',
  'lift-lifting-operation': 'assembly',
  'weld-arc': 'maintenance',
  'weld-gas-cutting': 'maintenance',
  'weld-cylinder-room': 'maintenance',
  'gen-maintenance-loto': 'maintenance',
  'gen-work-at-height': 'maintenance',
  'gen-air-compressor': 'equipment',
  'gen-substation': 'electric',
  'gen-temp-power': 'electric',
  'gen-transformer': 'electric',
  'gen-fire-pump': 'equipment',
  'gen-wastewater': 'equipment',
  'gen-confined-space': 'safety',
  'gen-hot-work': 'safety',
  'gen-contractor': 'safety',
  'gen-gate-road': 'safety',
  'gen-forklift': 'forklift',
  'gen-warehouse': 'warehouse',
  'gen-loading': 'warehouse',
  'gen-plant-vehicles': 'logistics',
  'gen-chem-store': 'warehouse',
  'gen-hazwaste-store': 'warehouse',
  'gen-office': '',
  'gen-canteen': 'logistics',
};

const DRAFTS = new Set(['asm-test-bench', 'gen-fire-pump', 'gen-hazwaste-store']);
/** Not reviewed this year: their next review date has passed. */
const OVERDUE = new Set(['gen-gate-road', 'gen-canteen']);

export function seedRisk(app: AppContext, today: string, unitId: Map<string | null, string>, gmName: string): void {
  const zone = enterpriseTimeZone(app.db);
  const on = (date: string): AppContext => ({ ...app, clock: { nowMs: () => dayStartInZone(date, zone) + 10 * 3_600_000 } });
  const identified = addDays(today, -400);
  const approvedOn = addDays(today, -392);
  const assessor = '黄志勇';
  const keysByUnit = new Map<string, string[]>();
  for (const [key, unit] of Object.entries(UNIT_OF)) keysByUnit.set(unit, [...(keysByUnit.get(unit) ?? []), key]);
  const idOf = new Map<string, string>();
  for (const [unit, keys] of keysByUnit) {
    const uid = unit ? unitId.get(unit)! : unitId.get(null)!;
    const r = importFromLibrary(on(identified), keys, uid, assessor, true);
    r.created.forEach((c, i) => idOf.set(keys[i]!, c.id));
  }
  const head = (id: string) => (app.db.prepare('SELECT headPersonId FROM unit WHERE id = ?').get(id) as { headPersonId: string | null }).headPersonId;

  // Locations and responsible persons, as a real register has them.
  const building = new Map<string, string>();
  for (const b of PLAN_BUILDINGS) for (const k of b.keys) building.set(k, b.label);
  for (const m of PLAN_MARKERS) for (const k of m.keys) building.set(k, m.label);
  for (const [key, id] of idOf) {
    const p = getRisk(app, id);
    updateRisk(on(identified), id, {
      code: p.code,
      name: p.name,
      kind: p.kind,
      location: building.get(key) ?? null,
      unitId: p.unitId,
      postIds: p.posts.map((x) => x.id),
      controlLevel: p.controlLevel,
      respUnitId: p.unitId,
      respPersonId: head(p.unitId),
      identifiedOn: p.identifiedOn,
      nextReviewOn: null,
      notes: null,
      hazards: p.hazards.map(({ description, category, accidentTypes }) => ({ description, category, accidentTypes })),
      measures: p.measures.map(({ id: mid, category, content }) => ({ id: mid, category, content })),
    });
  }

  // 有限空间: judged 重大 directly.
  assessRisk(on(identified), {
    riskPointId: idOf.get('gen-confined-space')!,
    method: 'DIRECT',
    profileId: null,
    values: {},
    directReason: '喷漆房地坑、污水池属有限空间，同行业曾发生多人中毒窒息死亡事故；地坑强制通风改造尚未完成',
    residualNote: null,
    assessedOn: identified,
    assessorName: assessor,
  });

  for (const [key, id] of idOf) {
    if (DRAFTS.has(key)) continue;
    approveRisk(on(approvedOn), id, gmName, approvedOn);
  }
  // This autumn's annual review: re-assessed (same values) except the two left overdue; the paint booth went down after new controls.
  const lec = defaultProfile(app, 'LEC');
  const reviewDay = addDays(today, -25);
  for (const [key, id] of idOf) {
    if (DRAFTS.has(key) || OVERDUE.has(key)) continue;
    const p = getRisk(app, id);
    if (!p.assessment) continue;
    if (key === 'surf-paint-booth') {
      assessRisk(on(reviewDay), { riskPointId: id, method: 'LEC', profileId: lec.id, values: { L: 3, E: 6, C: 7 }, directReason: null, residualNote: '已加装可燃气体报警与排风联锁、防爆电气，剩余风险为溶剂泄漏遇点火源', assessedOn: reviewDay, assessorName: assessor });
    } else if (p.assessment.method === 'DIRECT') {
      assessRisk(on(reviewDay), { riskPointId: id, method: 'DIRECT', profileId: null, values: {}, directReason: p.assessment.directReason, residualNote: '通风改造列入 2027 年一季度计划，作业前必须检测、强制通风、专人监护', assessedOn: reviewDay, assessorName: assessor });
    } else {
      assessRisk(on(reviewDay), { riskPointId: id, method: p.assessment.method, profileId: p.assessment.profileId, values: p.assessment.values, directReason: null, residualNote: null, assessedOn: reviewDay, assessorName: assessor });
    }
  }
  // The saw was scrapped.
  if (idOf.has('mach-saw')) archiveRisk(on(addDays(today, -60)), idOf.get('mach-saw')!, true);

  // The four-colour map.
  const att = storeAttachment(on(identified), demoSitePlanPng(), '厂区总平面图.png', 'image');
  const plan = createPlan(on(identified), att.id, { name: '厂区总平面图（双福工业园 C 区）', compiledBy: '赵敏', reviewedBy: assessor, approvedBy: gmName, mapDate: reviewDay });
  const ids = (keys: string[]) => keys.map((k) => idOf.get(k)).filter((x): x is string => Boolean(x));
  saveAreas(on(reviewDay), plan.id, [
    ...PLAN_BUILDINGS.map((b) => ({ id: null, kind: 'POLYGON' as const, label: b.label, points: rectPolygon(b.rect), riskPointIds: ids(b.keys) })),
    ...PLAN_MARKERS.map((m) => ({ id: null, kind: 'MARKER' as const, label: m.label, points: [[m.at[0] / PLAN_W, m.at[1] / PLAN_H] as [number, number]], riskPointIds: ids(m.keys) })),
  ]);

}
