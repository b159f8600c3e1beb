/**
 * The demo's 日周月 checks and hazards: eight weeks of daily team checks,
 * weekly workshop checks and the principal's monthly check, recorded day by
 * day (a few missed, one made up late); the 不合格 items became hazards that
 * went through the loop — most closed with before/after photos, some in
 * progress, one awaiting re-inspection, two overdue, one extended, and a 重大
 * hazard (有限空间) under an approved treatment plan reported to the regulator;
 * plus hazards from an employee report and an external inspection.
 */
import type { AppContext } from '../../context.ts';
import { addDays, dayStartInZone, isoWeekday } from '../../domain/dates.ts';
import { storeAttachment } from '../attachments/service.ts';
import { enterpriseTimeZone } from '../enterprise/repo.ts';
import { libraryItems, majorCriteria } from '../checks/library.ts';
import { createPlan, draftItems, type PlanValues } from '../checks/plans.ts';
import { createRecord } from '../checks/records.ts';
import { generateTasks } from '../checks/tasks.ts';
import {
  approveTreatment,
  createHazard,
  extendDeadline,
  getHazard,
  reinspect,
  reportHazard,
  saveTreatment,
  startRectification,
  submitRectification,
  updateHazard,
  type HazardValues,
} from '../hazards/service.ts';
import { prng } from './names.ts';
import { encodePng } from './signature.ts';

/** A small photo-like PNG: a wall, a floor and an object; `fixed` draws it tidy and green-tagged. */
function demoPhoto(seed: number, fixed: boolean): Buffer {
  const W = 320;
  const H = 240;
  const rand = prng(seed);
  const px = new Uint8Array(W * H * 4);
  const wall = [200 + rand() * 30, 196 + rand() * 30, 186 + rand() * 20];
  const floor = [120 + rand() * 30, 120 + rand() * 20, 110 + rand() * 20];
  const ox = 60 + Math.floor(rand() * 120);
  const ow = 70 + Math.floor(rand() * 40);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      let c = y < 150 ? wall : floor;
      if (x >= ox && x < ox + ow && y >= 70 && y < 170) c = fixed ? [60, 130, 80] : [170, 60, 50];
      if (!fixed && y > 170 && y < 185 && x > 20 && x < 300 && (x + y) % 23 < 9) c = [90, 80, 60];
      const n = (rand() - 0.5) * 14;
      px[o] = Math.max(0, Math.min(255, c[0]! + n));
      px[o + 1] = Math.max(0, Math.min(255, c[1]! + n));
      px[o + 2] = Math.max(0, Math.min(255, c[2]! + n));
      px[o + 3] = 255;
    }
  }
  return encodePng(W, H, px);
}

/** What an inspector writes when an item fails, by what the item checks. */
const FINDINGS: [RegExp, string][] = [
  [/点检|记录/, '当班点检记录未填写，前三天记录补签'],
  [/防护罩|防护装置|护栏|栏杆/, '防护罩拆下维修后未复位'],
  [/联锁/, '联锁开关被胶布短接'],
  [/接地/, '设备接地线端子松动锈蚀'],
  [/标识|标志|警示/, '警示标识脱落，未及时补贴'],
  [/佩戴|防护用品|面罩|手套/, '作业人员未按规定佩戴防护用品'],
  [/灭火|消防/, '灭火器压力不足，月检卡未填写'],
  [/通道|堆放/, '物料堆放占用安全通道'],
  [/限位|限制器|急停/, '大车行程限位失效，未停用报修'],
  [/检测|报警/, '可燃气体报警器超期未检定'],
  [/培训|交底/, '新上岗劳务派遣人员未见岗前培训记录'],
];
const findingFor = (content: string): string | null => FINDINGS.find(([re]) => re.test(content))?.[1] ?? null;

/** What happened to the newest check findings, newest first; older ones were closed. */
const FATES = ['pending', 'inProgress', 'awaiting', 'overdue', 'extended', 'awaiting'] as const;

export function seedHazards(app: AppContext, today: string, unitId: Map<string | null, string>, holdersOf: Map<string, string[]>): void {
  const zone = enterpriseTimeZone(app.db);
  const on = (date: string, hour = 10): AppContext => ({ ...app, clock: { nowMs: () => dayStartInZone(date, zone) + hour * 3_600_000 } });
  const rand = prng(20261122);
  const first = (key: string) => holdersOf.get(key)?.[0] ?? null;
  const gm = first('gm')!;
  const officer = first('safetyOfficer')!;
  const safetyHead = first('safetyHead')!;
  const head = (unit: string) => (app.db.prepare('SELECT headPersonId FROM unit WHERE id = ?').get(unitId.get(unit)!) as { headPersonId: string | null }).headPersonId!;
  const start = addDays(today, -55);
  // A few distinct photos, reused (attachments are stored once by content hash).
  const photos = new Map<string, string>();
  const photo = (seed: number, fixed: boolean) => {
    const key = `${fixed}-${seed % 4}`;
    if (!photos.has(key)) photos.set(key, storeAttachment(app, demoPhoto(seed % 4, fixed), fixed ? '整改后.png' : '隐患现场.png', 'image').id);
    return photos.get(key)!;
  };

  const scopeOf = (units: string[]) => ({ unitIds: units.map((u) => unitId.get(u)!), areaIds: [], riskPointIds: [] });
  const fromMeasures = (units: string[], max: number) => draftItems(app, scopeOf(units)).items.slice(0, max).map((i) => ({ ...i, id: null }));
  const fromLibrary = (keys: string[]) =>
    libraryItems(app)
      .filter((i) => keys.some((k) => i.key.startsWith(k)))
      .map((i) => ({ id: null, category: i.category, content: i.content, standard: i.standard, basis: i.basis, method: i.method, measureId: null, riskPointId: null, criteriaCode: null, libraryKey: i.key }));
  const confined = majorCriteria(app).find((c) => c.group === 'SPECIAL' && c.text.includes('有限空间'));
  const plan = (v: Omit<PlanValues, 'skipNonWorkdays' | 'endsOn' | 'notes' | 'ledByPrincipal'> & Partial<PlanValues>) =>
    createPlan(on(v.startsOn, 8), { skipNonWorkdays: true, endsOn: null, notes: null, ledByPrincipal: false, ...v });

  const plans = [
    plan({
      name: '热处理班班前安全检查',
      tier: 'DAY',
      frequency: 'DAILY',
      // The furnaces run round the clock: checked every day, weekends too.
      skipNonWorkdays: false,
      unitId: unitId.get('heatTeam')!,
      responsiblePersonId: head('heatTeam'),
      startsOn: start,
      scope: scopeOf(['heatTeam']),
      items: fromMeasures(['heatTeam'], 10),
    }),
    plan({
      name: '表面处理班班前安全检查',
      tier: 'DAY',
      frequency: 'DAILY',
      unitId: unitId.get('surface')!,
      responsiblePersonId: head('surface'),
      startsOn: start,
      scope: scopeOf(['surface']),
      items: [
        ...fromMeasures(['surface'], 9),
        ...(confined
          ? [{ id: null, category: 'SITE' as const, content: '喷漆房地坑等有限空间已辨识建账、设置警示标识，作业执行审批和"先通风、再检测、后作业"', standard: '台账、标识、审批单、检测记录齐全', basis: confined.basis, method: 'LOOK' as const, measureId: null, riskPointId: null, criteriaCode: confined.code, libraryKey: null }]
          : []),
      ],
    }),
    plan({
      name: '机加工车间周安全检查',
      tier: 'WEEK',
      frequency: 'WEEKLY',
      unitId: unitId.get('machining')!,
      responsiblePersonId: head('machining'),
      startsOn: start,
      scope: scopeOf(['machining']),
      items: [...fromMeasures(['machining'], 14), ...fromLibrary(['site-mach', 'site-elec']).slice(0, 4)],
    }),
    plan({
      name: '装配车间周安全检查',
      tier: 'WEEK',
      frequency: 'WEEKLY',
      unitId: unitId.get('assembly')!,
      responsiblePersonId: head('assembly'),
      startsOn: start,
      scope: scopeOf(['assembly']),
      items: fromMeasures(['assembly'], 14),
    }),
    plan({
      name: '公司月度安全综合检查（主要负责人带队）',
      tier: 'MONTH',
      frequency: 'MONTHLY',
      unitId: unitId.get('safety')!,
      responsiblePersonId: gm,
      ledByPrincipal: true,
      startsOn: start,
      scope: scopeOf([]),
      items: [...fromLibrary(['basic']).slice(0, 12), ...fromLibrary(['site']).slice(0, 8)],
    }),
  ];
  const seasonal = plan({
    name: '冬季"四防"专项检查',
    tier: 'SEASONAL',
    frequency: 'ONCE',
    unitId: unitId.get('safety')!,
    responsiblePersonId: safetyHead,
    startsOn: addDays(today, -6),
    endsOn: addDays(today, 14),
    notes: '防火、防冻、防滑、防中毒',
    scope: scopeOf([]),
    items: fromLibrary(['site-fire', 'site-elec', 'site-passage']).slice(0, 10),
  });
  void seasonal;

  // Day by day: tasks appear, most are done on the day, a few are missed.
  const checkers: Record<string, string[]> = {};
  for (const p of plans) checkers[p.id] = [p.responsiblePersonId, ...(p.tier === 'DAY' ? [] : [officer])];
  const hazards: { id: string; foundOn: string }[] = [];
  let findings = 0;
  for (let d = start; d <= today; d = addDays(d, 1)) {
    generateTasks(on(d, 7));
    const due = app.db
      .prepare(`SELECT t.id, t.planId, t.dueOn, t.periodStart FROM check_task t WHERE t.recordId IS NULL AND t.missed = 0 AND t.periodStart <= ? AND t.dueOn >= ?`)
      .all(d, d) as { id: string; planId: string; dueOn: string; periodStart: string }[];
    for (const t of due) {
      const p = plans.find((x) => x.id === t.planId);
      if (!p) continue;
      // Weekly and monthly checks happen on a chosen day of the period; daily ones on the day, except the odd miss.
      if (p.tier === 'WEEK' && isoWeekday(d) !== 3 && t.dueOn !== d) continue;
      if (p.tier === 'MONTH' && d !== addDays(t.periodStart, 19) && t.dueOn !== d) continue;
      if (p.tier === 'DAY' && rand() < 0.08 && d < today) continue;
      if (d === today && (p.tier !== 'DAY' || p.name.startsWith('热处理'))) continue;
      // A failing item is one whose content says what could be found wrong; the 有限空间 criterion fails once.
      const forced = d === addDays(today, -20) && p.name.startsWith('表面处理') ? p.items.findIndex((it) => it.criteriaCode) : -1;
      const failable = p.items.map((it, i) => (findingFor(it.content) && !it.criteriaCode ? i : -1)).filter((i) => i >= 0);
      const fail = forced >= 0 ? forced : failable.length && d < addDays(today, -2) && rand() < (p.tier === 'DAY' ? 0.1 : 0.5) ? failable[Math.floor(rand() * failable.length)]! : -1;
      const remark = (i: number) => (i === forced ? '喷漆房地坑未列入有限空间台账，入口无警示标识，上周清理地坑无作业审批和检测记录' : findingFor(p.items[i]!.content));
      const results = p.items.map((it, i) => ({
        itemId: it.id,
        result: i === fail ? ('FAIL' as const) : rand() < 0.04 ? ('NA' as const) : ('PASS' as const),
        remark: i === fail ? remark(i) : null,
        photoIds: i === fail ? [photo(++findings * 7 + 1, false)] : [],
        hazardLevel: null,
        hazardDeadline: i === fail ? addDays(d, i === forced ? 30 : p.tier === 'DAY' ? 3 : 10) : null,
      }));
      const r = createRecord(on(d, 9), { taskId: t.id, checkedOn: d, checkerIds: checkers[p.id]!, results, signatureAttachmentId: null, summary: fail >= 0 ? '发现问题已当场交底，限期整改' : null });
      for (const h of r.hazardIds) hazards.push({ id: h, foundOn: d });
    }
  }
  // One missed day was made up later (补做), as happens when the paper sheet turns up.
  const late = app.db.prepare(`SELECT t.id, t.periodStart FROM check_task t JOIN check_plan p ON p.id = t.planId WHERE t.missed = 1 AND t.recordId IS NULL AND p.tier = 'DAY' ORDER BY t.dueOn LIMIT 1`).get() as
    | { id: string; periodStart: string; planId: string }
    | undefined;
  if (late) {
    const items = app.db.prepare('SELECT CAST(i.id AS TEXT) AS id FROM check_item i JOIN check_task t ON t.planId = i.planId WHERE t.id = ? AND i.retired = 0 ORDER BY i.seq').all(late.id) as { id: string }[];
    const made = addDays(late.periodStart, 2);
    const holder = (app.db.prepare('SELECT p.responsiblePersonId AS id FROM check_task t JOIN check_plan p ON p.id = t.planId WHERE t.id = ?').get(late.id) as { id: string }).id;
    createRecord(on(made, 16), {
      taskId: late.id,
      checkedOn: made,
      checkerIds: [holder],
      results: items.map((i) => ({ itemId: i.id, result: 'PASS' as const, remark: null, photoIds: [], hazardLevel: null, hazardDeadline: null })),
      signatureAttachmentId: null,
      summary: '班前检查表当日未录入，补录',
    });
  }

  // The loop: give each hazard its 五落实, then move it along by age.
  const rectifiers = [...(holdersOf.get('mechanic') ?? []), ...(holdersOf.get('electrician') ?? [])];
  hazards.forEach((x, i) => {
    const h = getHazard(app, x.id);
    const values: HazardValues = {
      source: h.source,
      unitId: h.unitId,
      riskPointId: h.riskPointId,
      location: h.location,
      description: h.description,
      kind: h.kind,
      scope: h.scope,
      level: h.level,
      criteriaCode: h.criteriaCode,
      foundByName: h.foundByName,
      foundOn: h.foundOn,
      photoIds: [],
      measures: h.major ? '对喷漆房地坑进行有限空间辨识，建立台账，设置警示标识；制定作业审批制度并配备气体检测仪和通风设备' : `立即${h.description.split('——')[1] ?? '整改'}问题整改到位，班组长落实复查`,
      respUnitId: h.respUnitId,
      respPersonId: h.respPersonId ?? head('safety'),
      funds: h.major ? 28000 : [0, 200, 500, 1200][i % 4]!,
      deadline: h.deadline,
      interimMeasures: h.major ? '地坑入口上锁并设"有限空间 未经许可严禁入内"警示，作业前须审批' : null,
    };
    const day = x.foundOn;
    updateHazard(on(day, 11), x.id, values);
    if (h.major) {
      saveTreatment(on(day, 14), x.id, {
        presentState: '喷漆房地坑（深 2.2 m）未纳入有限空间台账，入口无警示标识，清理作业未执行审批',
        harm: '地坑内可能积聚有机溶剂蒸气，进入作业可致中毒窒息，易发生盲目施救扩大伤亡；整改技术难度小，需购置检测通风设备',
        goals: '完成全厂有限空间辨识和台账，设置警示标识，建立作业审批和"先通风、再检测、后作业"制度',
        methods: '全面排查辨识有限空间；设置警示标识和隔离；配备四合一气体检测仪、防爆轴流风机、安全绳和长管呼吸器；组织专项培训和演练',
        fundsMaterials: '安全生产费用列支 2.8 万元；检测仪 2 台、风机 2 台、呼吸器 2 套',
        organisation: '组长：总经理；副组长：分管安全副总、安全环保部部长；成员：热处理车间主任、设备动力部部长',
        timeLimit: '30 日内完成',
        safetyMeasures: '整改期间地坑入口上锁，严禁人员进入；确需进入须经总经理批准并由安全环保部现场监护',
      });
      approveTreatment(on(addDays(day, 1), 9), x.id, gm, addDays(day, 1));
      reportHazard(on(addDays(day, 1), 15), x.id, addDays(day, 1), '区应急管理局、公司职工代表大会');
    }
    // The newest findings are still being worked on; everything older went round the loop.
    const fate = FATES[hazards.length - 1 - i] ?? 'closed';
    if (fate === 'pending' && !h.major) return;
    startRectification(on(day, 15), x.id);
    if (h.major || fate === 'inProgress') return;
    if (fate === 'extended') {
      extendDeadline(on(addDays(day, 2), 10), x.id, { reason: '配件需外购，到货周期约一周', newDeadline: addDays(today, 5), interimMeasures: '停用该设备并挂牌警示', requestedByName: '班组长', approvedById: head('safety'), approvedOn: addDays(day, 2) });
      return;
    }
    if (fate === 'overdue') return;
    const rectifier = rectifiers[i % rectifiers.length]!;
    const doneOn = addDays(day, 1 + (i % 3)) < today ? addDays(day, 1 + (i % 3)) : addDays(today, -1);
    submitRectification(on(doneOn, 14), x.id, { rectifierId: rectifier, rectifiedOn: doneOn, rectifyNote: '已按整改措施完成整改，并组织班组人员现场交底', photoIds: [photo(i * 13 + 5, true)] });
    if (fate === 'awaiting') return;
    const checkOn = addDays(doneOn, 1) <= today ? addDays(doneOn, 1) : today;
    reinspect(on(checkOn, 16), x.id, { inspectorId: officer === rectifier ? safetyHead : officer, inspectedOn: checkOn, passed: true, opinion: '整改到位，同意销号', photoIds: [photo(i * 17 + 3, true)], close: true });
  });

  // Other sources: an employee report and last month's external inspection.
  const other = (v: Partial<HazardValues> & Pick<HazardValues, 'source' | 'unitId' | 'description' | 'foundByName' | 'foundOn'>) =>
    createHazard(on(v.foundOn, 11), {
      riskPointId: null,
      location: null,
      kind: 'THING',
      scope: 'SITE',
      level: 'GENERAL',
      criteriaCode: null,
      photoIds: [photo(v.description.length * 31, false)],
      measures: null,
      respUnitId: v.unitId,
      respPersonId: null,
      funds: null,
      deadline: null,
      interimMeasures: null,
      ...v,
    });
  const report = other({ source: 'REPORT', unitId: unitId.get('warehouse')!, location: '成品仓库 3 号货架', description: '货架立柱被叉车撞弯变形，货物仍继续上架', foundByName: '员工举报（匿名）', foundOn: addDays(today, -2), respPersonId: head('warehouse') });
  void report;
  const ext = other({
    source: 'EXTERNAL',
    unitId: unitId.get('electric')!,
    location: '配电室',
    description: '配电室未设置挡鼠板，电缆沟盖板缺失两块',
    foundByName: '区应急管理局执法检查组',
    foundOn: addDays(today, -26),
    measures: '安装 50 cm 挡鼠板，补齐电缆沟盖板',
    respPersonId: head('electric'),
    funds: 800,
    deadline: addDays(today, -16),
  });
  startRectification(on(addDays(today, -25), 9), ext.id);
}
