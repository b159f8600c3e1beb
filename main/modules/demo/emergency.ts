/**
 * The demo's emergency management and training, relative to "today":
 * - the plan system: 综合预案 V2.0 (V1.0 superseded), four 专项预案 (one still a
 *   draft) and five 现场处置方案 with 应急处置卡 for their key posts; filings on
 *   time, one late, one pending; one revision due soon; one open revision task
 *   raised by a drill;
 * - this year's drill plan (approved by the principal) with drills done,
 *   one done late, one missed and one cancelled; records with sign-in, timeline,
 *   photos, AQ/T 9009 evaluations, problems turned into hazards and revision
 *   tasks, and summary reports; last year's drills for history;
 * - the annual training plan; monthly all-staff sessions (one month below the
 *   90 % target); 三级教育 of new hires (two still incomplete, one new hire
 *   short of the initial hours); the refresher of the principal and safety
 *   managers; 特种作业, 两单两卡 and emergency training.
 */
import type { AppContext } from '../../context.ts';
import { addDays, addMonths, addYears, dayStartInZone } from '../../domain/dates.ts';
import { storeAttachment } from '../attachments/service.ts';
import { enterpriseTimeZone } from '../enterprise/repo.ts';
import { generateEmergencyCards } from '../emergency/cards.ts';
import { createPlan, createTrigger, fileVersion, getPlan, issueVersion, saveDraft, type VersionValues } from '../emergency/plans.ts';
import {
  approveYearPlan,
  cancelItem,
  createDrill,
  createItem,
  evaluateDrill,
  getYearPlan,
  problemToHazard,
  problemToRevision,
  summariseDrill,
  type DrillValues,
  type EvaluationValues,
} from '../drills/service.ts';
import { reinspect, startRectification, submitRectification } from '../hazards/service.ts';
import { attendanceCandidates, createSession, createTrainingPlanItem, recordAttendance, type TrainingSessionValues } from '../training/service.ts';
import { prng } from './names.ts';
import { demoSignaturePng, encodePng } from './signature.ts';

/** A drill-scene photo: a yard, people (dots) in high-vis orange, a red extinguisher. */
function drillPhoto(seed: number): Buffer {
  const W = 320;
  const H = 240;
  const rand = prng(seed);
  const px = new Uint8Array(W * H * 4);
  const people = Array.from({ length: 9 }, () => [40 + rand() * 240, 120 + rand() * 80] as const);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      let c = y < 100 ? [176, 196, 214] : [150, 150, 140];
      if (y >= 40 && y < 100 && x > 200 && x < 300) c = [190, 180, 160];
      if (x > 60 && x < 75 && y > 150 && y < 190) c = [200, 30, 30];
      for (const [px0, py0] of people) if ((x - px0) ** 2 + (y - py0) ** 2 < 40) c = [250, 140, 20];
      const n = (rand() - 0.5) * 10;
      px[o] = Math.max(0, Math.min(255, c[0]! + n));
      px[o + 1] = Math.max(0, Math.min(255, c[1]! + n));
      px[o + 2] = Math.max(0, Math.min(255, c[2]! + n));
      px[o + 3] = 255;
    }
  }
  return encodePng(W, H, px);
}

const EMPTY_VERSION: Omit<VersionValues, 'version'> = {
  reviewMethod: null,
  reviewedOn: null,
  reviewNote: null,
  signedById: null,
  signedOn: null,
  changeSummary: null,
  riskDescription: null,
  scenarios: [],
  contacts: [],
  nextRevisionOn: null,
};

export function seedEmergencyAndTraining(app: AppContext, today: string, unitId: Map<string | null, string>, postId: Map<string, string>, holdersOf: Map<string, string[]>): void {
  const zone = enterpriseTimeZone(app.db);
  const on = (date: string, hour = 10): AppContext => ({ ...app, clock: { nowMs: () => dayStartInZone(date, zone) + hour * 3_600_000 } });
  const first = (key: string) => holdersOf.get(key)?.[0] ?? null;
  const gm = first('gm')!;
  const safetyHead = first('safetyHead')!;
  const nameOf = (id: string) => (app.db.prepare('SELECT name FROM person WHERE id = ?').get(id) as { name: string }).name;
  const phoneOf = (id: string) => (app.db.prepare('SELECT phone FROM person WHERE id = ?').get(id) as { phone: string | null }).phone ?? '023-47661000';
  const head = (unit: string) => (app.db.prepare('SELECT headPersonId FROM unit WHERE id = ?').get(unitId.get(unit)!) as { headPersonId: string | null }).headPersonId ?? safetyHead;
  const contact = (role: string, personId: string) => ({ role, name: nameOf(personId), phone: phoneOf(personId) });

  // ---- plans ----
  const issuedLong = addDays(today, -600);
  const plan = (code: string, name: string, planType: 'COMPREHENSIVE' | 'SPECIFIC' | 'ONSITE', accidentTypes: string[], parentId: string | null, unit: string | null, posts: string[], at: string) =>
    createPlan(on(at, 9), {
      code,
      name,
      planType,
      parentId,
      accidentTypes: accidentTypes as never,
      unitId: unit ? unitId.get(unit)! : null,
      postIds: posts.map((p) => postId.get(p)!),
    }).id;
  /** Fills the draft, issues it on `issuedOn` and files it `filedAfter` days later (null: not filed). */
  const issue = (planId: string, v: Partial<VersionValues> & { version: string }, issuedOn: string, filedAfter: number | null, reviewMethod: 'REVIEW' | 'ARGUMENT' = 'REVIEW') => {
    const reviewedOn = addDays(issuedOn, -12);
    saveDraft(on(issuedOn, 8), planId, { ...EMPTY_VERSION, reviewMethod, reviewedOn, reviewNote: reviewMethod === 'REVIEW' ? '经专家评审，预案内容基本完整，按评审意见修改后发布' : '经内部论证，预案可行', signedById: gm, signedOn: addDays(issuedOn, -1), ...v });
    const p = getPlan(app, planId);
    const versionId = p.draftVersionId!;
    issueVersion(on(issuedOn), versionId, issuedOn);
    if (filedAfter !== null) {
      const filedOn = addDays(issuedOn, filedAfter);
      fileVersion(on(filedOn, 15), { versionId, filedOn, filingAuthority: '重庆市江津区应急管理局', filingReceiptNo: `江津应急备〔${filedOn.slice(0, 4)}〕${String(10 + planId.length).padStart(3, '0')}号`, receiptIds: [] });
    }
    return versionId;
  };

  const zhAt = addYears(today, -4);
  const zh = plan('YJ-ZH-01', '生产安全事故综合应急预案', 'COMPREHENSIVE', ['火灾', '触电', '机械伤害', '起重伤害', '中毒和窒息', '灼烫', '车辆伤害'], null, null, [], addDays(zhAt, -20));
  issue(zh, { version: 'V1.0' }, zhAt, 9);
  issue(zh, { version: 'V2.0', changeSummary: '应急指挥机构人员调整，补充有限空间作业事故情形，更新外部救援联系方式' }, issuedLong, 11);

  const zx = (code: string, name: string, types: string[]) => plan(code, name, 'SPECIFIC', types, zh, null, [], addDays(issuedLong, -30));
  const fire = zx('YJ-ZX-01', '火灾事故专项应急预案', ['火灾']);
  const shock = zx('YJ-ZX-02', '触电事故专项应急预案', ['触电']);
  const confined = zx('YJ-ZX-03', '有限空间作业事故专项应急预案', ['中毒和窒息']);
  const machinery = zx('YJ-ZX-04', '机械伤害事故专项应急预案', ['机械伤害']);
  for (const p of [fire, shock, confined]) issue(p, { version: 'V1.0' }, issuedLong, 11);
  saveDraft(on(addDays(today, -5)), machinery, { ...EMPTY_VERSION, version: 'V1.0', changeSummary: '新编：机加工、装配区域机械伤害事故的响应程序' });

  const onsite = (code: string, name: string, types: string[], unit: string, posts: string[]) => plan(code, name, 'ONSITE', types, zh, unit, posts, addDays(issuedLong, -30));
  const heatPlan = onsite('YJ-XC-01', '热处理炉火灾、灼烫事故现场处置方案', ['火灾', '灼烫'], 'heat', ['heatWorker']);
  const powerPlan = onsite('YJ-XC-02', '配电室触电事故现场处置方案', ['触电'], 'electric', ['electrician']);
  const pitPlan = onsite('YJ-XC-03', '喷漆房地坑有限空间中毒窒息现场处置方案', ['中毒和窒息'], 'surface', ['surfaceWorker']);
  const forkPlan = onsite('YJ-XC-04', '叉车伤害事故现场处置方案', ['车辆伤害'], 'forklift', ['forkliftDriver', 'loader']);
  const cranePlan = onsite('YJ-XC-05', '起重伤害事故现场处置方案', ['起重伤害'], 'assembly', ['crane']);
  const latheP = onsite('YJ-XC-06', '金属切削机床机械伤害现场处置方案', ['机械伤害'], 'machining', ['turner', 'cnc', 'grinder']);

  issue(
    heatPlan,
    {
      version: 'V1.0',
      riskDescription: '井式渗碳炉、箱式淬火炉使用甲醇、丙烷和淬火油，炉口火焰、淬火油槽着火、高温工件可能造成火灾和灼烫；高峰时段班组 6～8 人在场。',
      scenarios: [
        { scenario: '淬火油槽着火', steps: ['立即停止装炉，关闭油槽循环泵', '盖上油槽防火盖板，用推车式干粉灭火器扑救', '火势不能控制时按下声光报警，撤离并报告车间主任', '拨打 119，派人到厂门口引导消防车'], cautions: '严禁用水扑救油类火灾；扑救人员站在上风向' },
        { scenario: '人员被高温工件或熔盐灼烫', steps: ['脱离热源，用冷水持续冲洗伤处 15 分钟以上', '剪开衣物，不要撕脱粘连衣物', '用清洁敷料覆盖，严重者拨打 120 送医'], cautions: '不要在伤处涂抹牙膏、酱油等' },
      ],
      contacts: [contact('车间主任', head('heat'))],
    },
    issuedLong,
    12,
  );
  issue(
    powerPlan,
    {
      version: 'V1.0',
      riskDescription: '10kV 配电室、车间配电柜和临时用电线路，带电作业或设备漏电可能造成触电；电气火灾。',
      scenarios: [
        { scenario: '人员触电', steps: ['立即拉闸断电或用绝缘物挑开电线，切勿直接接触触电者', '触电者脱离电源后检查呼吸和心跳', '无呼吸心跳立即进行心肺复苏，同时拨打 120', '报告设备动力部部长和安全环保部'], cautions: '高压触电须由电工穿戴绝缘靴、绝缘手套断电' },
        { scenario: '配电柜冒烟起火', steps: ['切断上级电源', '使用二氧化碳或干粉灭火器扑救', '不能扑灭时撤离并拨打 119'], cautions: '未断电前严禁用水灭火' },
      ],
      contacts: [contact('设备动力部部长', head('equipment')), contact('电工班值班', first('electrician')!)],
    },
    issuedLong,
    14,
    'ARGUMENT',
  );
  issue(
    forkPlan,
    {
      version: 'V1.0',
      riskDescription: '仓储区 6 台叉车与装卸人员混合作业，倒车、转弯和货物坠落可能造成车辆伤害和物体打击。',
      scenarios: [{ scenario: '叉车撞人或货物坠落伤人', steps: ['叉车司机立即停车、拉手刹、熄火', '不要移动受伤者，检查伤情并止血', '拨打 120，报告仓储物流部部长', '设置警戒，保护现场'], cautions: '不得擅自挪动叉车和货物，防止二次伤害' }],
      contacts: [contact('仓储物流部部长', head('logistics'))],
    },
    issuedLong,
    // Filed well after the 20 working days.
    45,
  );
  const craneIssued = addDays(addYears(today, -3), 40);
  issue(
    cranePlan,
    {
      version: 'V1.0',
      riskDescription: '装配车间 2 台桥式起重机吊装大型工件，吊物坠落、挤压可能造成起重伤害。',
      scenarios: [{ scenario: '吊物坠落或挤压伤人', steps: ['司机立即停止起重作业，切断电源', '确认吊物稳定后组织救援，严禁站在吊物下方', '伤员止血、固定，拨打 120', '报告装配车间主任和安全环保部'], cautions: '未经检查确认，起重机不得恢复使用' }],
      contacts: [contact('装配车间主任', head('assembly'))],
    },
    craneIssued,
    10,
  );
  issue(
    latheP,
    {
      version: 'V1.0',
      riskDescription: '车削、数控和磨削班 40 余台机床，卷入、夹挤、铁屑飞溅和砂轮破裂可能造成机械伤害和物体打击。',
      scenarios: [
        { scenario: '衣物、手套或头发被卷入机床', steps: ['立即按下急停按钮，切断机床电源', '反向盘车或拆卸防护罩解救，不得强拉', '止血、包扎，断指用干净纱布包好冷藏随伤员送医', '拨打 120，报告车间主任'], cautions: '操作旋转设备严禁戴手套，长发须盘入工作帽' },
        { scenario: '砂轮破裂或工件飞出伤人', steps: ['停机断电，疏散周围人员', '检查伤情，眼部异物不得揉搓，用清水冲洗', '严重者拨打 120 送医'], cautions: '更换砂轮须做回转试验，砂轮正面不得站人' },
      ],
      contacts: [contact('机加工车间主任', head('machining'))],
    },
    issuedLong,
    12,
  );
  const pitScenarios = [
    { scenario: '地坑内人员中毒窒息晕倒', steps: ['监护人立即呼救，严禁盲目进入施救', '启动强制通风，佩戴正压式空气呼吸器后方可进入', '将伤员移至通风处，必要时心肺复苏，拨打 120', '报告车间主任和安全环保部'], cautions: '先通风、再检测、后作业；救援人员必须系安全绳' },
  ];
  issue(pitPlan, { version: 'V1.0', riskDescription: '喷漆房地坑属有限空间，油漆溶剂挥发可能造成中毒窒息。', scenarios: pitScenarios, contacts: [contact('车间主任', head('heat'))] }, issuedLong, 12);

  for (const [planId, posts] of [
    [heatPlan, ['heatWorker']],
    [powerPlan, ['electrician']],
    [forkPlan, ['forkliftDriver', 'loader']],
    [cranePlan, ['crane']],
    [latheP, ['turner', 'cnc', 'grinder']],
  ] as const) {
    generateEmergencyCards(on(addDays(issuedLong, 20)), planId, posts.map((p) => postId.get(p)!));
  }
  // A revision trigger recorded by hand: the electrician team's organisation changed.
  createTrigger(on(addDays(today, -40)), { planId: shock, kind: 'ORGANISATION', occurredOn: addDays(today, -40), description: '电工班与机修班合并管理，专项预案中的应急小组成员和职责需调整', dueOn: addDays(today, 50), ownerId: head('equipment') });

  // ---- drills ----
  const photoIds = [1, 2, 3].map((s) => storeAttachment(app, drillPhoto(s), `演练现场${s}.png`, 'image').id);
  const people = (units: string[], date: string, n: number) =>
    (app.db
      .prepare(
        `SELECT p.id, p.name FROM person p WHERE p.unitId IN (SELECT value FROM json_each(?)) AND (p.hireDate IS NULL OR p.hireDate <= ?) AND (p.status = 'ACTIVE' OR p.leftDate >= ?) ORDER BY p.staffNo LIMIT ?`,
      )
      .all(JSON.stringify(units.map((u) => unitId.get(u)!)), date, date, n) as { id: string; name: string }[]);
  const monthDate = (off: number) => {
    const d = addMonths(today, -off);
    return `${d.slice(0, 8)}15` <= today ? `${d.slice(0, 8)}15` : addDays(today, -1);
  };
  const evaluation = (date: string, v: Partial<EvaluationValues> = {}): EvaluationValues => ({
    evaluatedOn: date,
    evaluators: `${nameOf(safetyHead)}、${nameOf(first('safetyOfficer')!)}`,
    onSiteComments: '各小组响应迅速，报警和疏散程序执行到位；个别人员防护用品佩戴不规范。',
    preparation: '演练方案经审批，提前一周组织参演人员学习预案，器材在演练前检查完好。',
    performance: '指挥员指令清晰，参演人员熟悉岗位应急处置卡内容。',
    points: [
      { code: 'PREP-1', rating: 'GOOD', comment: null },
      { code: 'PREP-3', rating: 'GOOD', comment: null },
      { code: 'WARN-1', rating: 'GOOD', comment: null },
      { code: 'MOBILISE-2', rating: 'FAIR', comment: '个别人员到位时间超过 3 分钟' },
      { code: 'COMMAND-1', rating: 'GOOD', comment: null },
      { code: 'HANDLE-1', rating: 'GOOD', comment: null },
      { code: 'RESOURCE-1', rating: 'GOOD', comment: null },
      { code: 'PROTECT-1', rating: 'FAIR', comment: '2 人未按规定佩戴防护手套' },
      { code: 'MEDICAL-1', rating: 'NA', comment: null },
      { code: 'RECOVER-2', rating: 'GOOD', comment: null },
    ],
    objectivesMet: true,
    overall: 'GOOD',
    needsPlanRevision: false,
    revisionReason: null,
    problems: [],
    ...v,
  });
  const summary = (drill: { drillDate: string; title: string }, by: string) => ({
    purpose: `检验《${drill.title.replace(/演练$/, '')}》相关预案的可操作性，提高员工应急处置能力`,
    schemeSummary: `${drill.drillDate} 在现场组织演练：模拟事故发生 → 岗位人员报警和先期处置 → 应急小组响应 → 疏散清点 → 现场恢复，全程约 40 分钟。`,
    lessons: '岗位人员对应急处置卡内容较熟悉，先期处置正确；联络和到位时间仍有提升空间。',
    improvements: '加强岗位应急处置卡培训；每季度检查应急器材；对发现的问题按隐患整改闭环管理。',
    writtenBy: nameOf(by),
    writtenOn: addDays(drill.drillDate, 3),
  });

  interface DrillSpec {
    off: number;
    planId: string;
    scenario: string;
    scope: 'FULL' | 'SINGLE';
    form: 'LIVE' | 'TABLETOP';
    organiser: string;
    units: string[];
    place: string;
    budget: number;
    /** Months after the planned one it was actually held (1 = late), null = not held. */
    heldAfter: number | null;
    cancelled?: string;
  }
  const specs: DrillSpec[] = [
    { off: 9, planId: powerPlan, scenario: '配电室维修时人员触电', scope: 'SINGLE', form: 'TABLETOP', organiser: 'equipment', units: ['electric', 'maintenance'], place: '设备动力部会议室', budget: 500, heldAfter: 0 },
    { off: 8, planId: confined, scenario: '喷漆房地坑清理时人员中毒晕倒', scope: 'SINGLE', form: 'LIVE', organiser: 'safety', units: ['surface', 'safety'], place: '表面处理班喷漆房', budget: 3000, heldAfter: 0 },
    { off: 7, planId: heatPlan, scenario: '淬火油槽着火', scope: 'SINGLE', form: 'LIVE', organiser: 'heat', units: ['heatTeam', 'surface'], place: '热处理车间淬火区', budget: 2500, heldAfter: 0 },
    { off: 5, planId: zh, scenario: '装配车间火灾，全厂人员紧急疏散', scope: 'FULL', form: 'LIVE', organiser: 'safety', units: ['assembly1', 'assembly2', 'safety', 'electric'], place: '全厂（集合点：办公楼前广场）', budget: 8000, heldAfter: 0 },
    { off: 4, planId: forkPlan, scenario: '叉车倒车撞伤装卸工', scope: 'SINGLE', form: 'LIVE', organiser: 'logistics', units: ['forklift', 'warehouse'], place: '成品仓库装卸区', budget: 1500, heldAfter: 1 },
    { off: 2, planId: cranePlan, scenario: '桥式起重机吊物坠落', scope: 'SINGLE', form: 'LIVE', organiser: 'assembly', units: ['assembly1'], place: '装配车间', budget: 2000, heldAfter: null },
    { off: 1, planId: fire, scenario: '仓库火灾桌面推演', scope: 'SINGLE', form: 'TABLETOP', organiser: 'safety', units: ['warehouse'], place: '安全环保部会议室', budget: 300, heldAfter: null, cancelled: '与江津区消防救援大队联合演练合并，改为明年 3 月实战演练' },
    { off: 0, planId: pitPlan, scenario: '地坑作业人员中毒窒息，监护人呼救', scope: 'SINGLE', form: 'LIVE', organiser: 'heat', units: ['surface'], place: '表面处理班喷漆房地坑', budget: 2000, heldAfter: 0 },
    { off: -1, planId: powerPlan, scenario: '配电柜冒烟起火', scope: 'SINGLE', form: 'LIVE', organiser: 'equipment', units: ['electric'], place: '10kV 配电室', budget: 1000, heldAfter: null },
  ];
  const years = new Set<number>();
  let n = 0;
  for (const s of specs) {
    const planned = s.off >= 0 ? monthDate(s.off) : addMonths(today, 1);
    const y = Number(planned.slice(0, 4));
    const month = Number(planned.slice(5, 7));
    const items = createItem(on(`${y}-01-05`), {
      year: y,
      planId: s.planId,
      scenario: s.scenario,
      scope: s.scope,
      form: s.form,
      plannedMonth: month,
      organiserUnitId: unitId.get(s.organiser)!,
      participants: s.units.map((u) => (app.db.prepare('SELECT name FROM unit WHERE id = ?').get(unitId.get(u)!) as { name: string }).name).join('、'),
      budget: s.budget,
      notes: null,
    }).items;
    const item = items.at(-1)!;
    years.add(y);
    if (s.cancelled) cancelItem(on(addDays(planned, -10)), item.id, s.cancelled);
    if (s.heldAfter === null) continue;
    let drillDate = s.heldAfter ? `${addMonths(planned, s.heldAfter).slice(0, 8)}20` : s.off === 0 ? addDays(today, -12) : planned;
    if (drillDate > today) drillDate = addDays(today, -1);
    if (s.off === 0 && drillDate.slice(0, 7) !== planned.slice(0, 7)) {
      // Early in the month: this month's drill has not happened yet.
      continue;
    }
    const crew = people(s.units, drillDate, s.form === 'TABLETOP' ? 8 : 16);
    const commander = head(s.organiser);
    const v: DrillValues = {
      planItemId: item.id,
      planId: s.planId,
      title: `${s.scenario}应急演练`.slice(0, 60),
      scope: s.scope,
      form: s.form,
      purpose: 'TEST',
      drillDate,
      startTime: '14:00',
      endTime: s.scope === 'FULL' ? '15:30' : '14:45',
      place: s.place,
      commanderId: commander,
      commanderName: nameOf(commander),
      organiserUnitId: unitId.get(s.organiser)!,
      scenario: `${drillDate} 14:00，模拟${s.scenario}。岗位人员发现后立即报警并按应急处置卡进行先期处置，${s.scope === 'FULL' ? '公司启动综合应急预案，各应急小组按职责响应' : '班组启动现场处置方案'}。`,
      resourcesUsed: s.form === 'LIVE' ? '干粉灭火器 8 具、急救箱 1 个、警戒带 2 卷、对讲机 4 部' + (s.planId === confined || s.planId === pitPlan ? '、正压式空气呼吸器 2 套、四合一气体检测仪 1 台、三脚架救援装置 1 套' : '') : '预案文本、应急处置卡、厂区平面图',
      observers: s.scope === 'FULL' ? `江津区应急管理局 1 人、${nameOf(gm)}` : null,
      interruptions: null,
      participants: crew.map((p, i) => ({ personId: p.id, name: p.name, role: i === 0 ? '现场负责人' : i === 1 ? '报警人' : '参演人员', signMethod: i < 2 ? 'ON_SCREEN' : 'PAPER', signatureAttachmentId: i < 2 ? storeAttachment(app, demoSignaturePng(p.name), `${p.name}签名.png`, 'image').id : null })),
      steps: [
        { time: '14:00', action: '模拟事故发生，岗位人员发现险情', actor: crew[1]?.name ?? null },
        { time: '14:02', action: '报警并报告现场负责人，启动现场处置', actor: crew[0]?.name ?? null },
        { time: '14:08', action: s.form === 'LIVE' ? '应急小组携带器材到达现场，实施处置' : '各岗位按预案口述处置步骤', actor: nameOf(commander) },
        { time: '14:25', action: s.scope === 'FULL' ? '全员疏散至集合点，清点人数' : '险情控制，伤员转移（模拟）', actor: nameOf(commander) },
        { time: s.scope === 'FULL' ? '15:20' : '14:40', action: '总指挥宣布演练结束，现场点评', actor: nameOf(commander) },
      ],
      photoIds: s.form === 'LIVE' ? photoIds : [],
      videoIds: [],
      signInAttachmentId: null,
    };
    const drill = createDrill(on(drillDate, 16), v);
    n += 1;
    const evalOn = addDays(drillDate, 1) <= today ? addDays(drillDate, 1) : drillDate;
    const problems: EvaluationValues['problems'] =
      s.planId === powerPlan
        ? [{ id: null, description: '现场处置方案中电工班值班电话已变更，未及时更新', cause: '人员调整后未同步修订预案联系方式', suggestion: '修订现场处置方案和应急处置卡的联系方式' }]
        : s.planId === pitPlan
          ? [
              { id: null, description: '三脚架救援装置绞盘锈蚀，收放不顺畅', cause: '未纳入月度器材检查', suggestion: '更换绞盘并纳入月度应急器材检查表' },
              { id: null, description: '监护人对四合一气体检测仪报警值不熟悉', cause: '培训不到位', suggestion: '开展有限空间作业专项培训' },
            ]
          : s.planId === zh
            ? [{ id: null, description: '装配二班疏散时未走最近的安全出口', cause: '疏散路线图张贴位置不醒目', suggestion: '在车间各出口张贴疏散路线图' }]
            : [];
    const evaluated = evaluateDrill(on(evalOn, 11), drill.id, evaluation(evalOn, { problems, needsPlanRevision: s.planId === powerPlan, revisionReason: s.planId === powerPlan ? '应急联系方式变更' : null }));
    for (const p of evaluated.problems) {
      if (p.description.includes('电话')) problemToRevision(on(evalOn, 14), { problemId: p.id, dueOn: addDays(today, 20), ownerId: head('equipment') });
      else {
        const followed = problemToHazard(on(evalOn, 14), { problemId: p.id, level: 'GENERAL', respUnitId: unitId.get(s.organiser)!, respPersonId: head(s.organiser), deadline: addDays(evalOn, 15) });
        const hazardId = followed.problems.find((x) => x.id === p.id)!.hazardId!;
        // Problems of earlier drills went round the rectification loop; the newest are still open.
        if (evalOn < addDays(today, -30)) {
          const doneOn = addDays(evalOn, 7);
          const checkOn = addDays(evalOn, 8);
          const rectifier = head(s.organiser);
          startRectification(on(evalOn, 15), hazardId);
          submitRectification(on(doneOn, 14), hazardId, { rectifierId: rectifier, rectifiedOn: doneOn, rectifyNote: `已按演练评估建议整改：${p.suggestion ?? ''}`.slice(0, 500), photoIds: [] });
          reinspect(on(checkOn, 16), hazardId, { inspectorId: rectifier === safetyHead ? first('safetyOfficer')! : safetyHead, inspectedOn: checkOn, passed: true, opinion: '整改到位，同意销号', photoIds: [photoIds[0]!], close: true });
        }
      }
    }
    // The latest drill is still waiting for its summary report.
    if (s.off > 0) summariseDrill(on(addDays(drillDate, 3) <= today ? addDays(drillDate, 3) : today, 9), drill.id, { ...summary(drill, safetyHead), writtenOn: addDays(drillDate, 3) <= today ? addDays(drillDate, 3) : today });
  }
  for (const y of years) {
    if (getYearPlan(app, y).items.length) approveYearPlan(on(`${y}-01-08`), { year: y, compiledBy: nameOf(safetyHead), approvedById: gm, approvedOn: `${y}-01-08` });
  }
  // After the pit drill, the on-site plan was revised (V1.1) — filing still pending.
  if (n > 0) {
    const revisedOn = addDays(today, -10);
    issue(pitPlan, { version: 'V1.1', riskDescription: '喷漆房地坑属有限空间，油漆溶剂挥发可能造成中毒窒息；救援装置须每月检查。', scenarios: pitScenarios, contacts: [contact('车间主任', head('heat')), contact('安全环保部', safetyHead)], changeSummary: '根据演练评估：补充救援装置检查要求，更新联系人' }, revisedOn, null, 'ARGUMENT');
    generateEmergencyCards(on(revisedOn, 15), pitPlan, [postId.get('surfaceWorker')!]);
  }
  seedTraining(app, today, on, unitId, holdersOf);
}

function seedTraining(app: AppContext, today: string, on: (date: string, hour?: number) => AppContext, unitId: Map<string | null, string>, holdersOf: Map<string, string[]>): void {
  const rand = prng(7070);
  const first = (key: string) => holdersOf.get(key)?.[0] ?? null;
  const gm = first('gm')!;
  const safetyHead = first('safetyHead')!;
  const nameOf = (id: string) => (app.db.prepare('SELECT name FROM person WHERE id = ?').get(id) as { name: string }).name;
  const year = Number(today.slice(0, 4));
  const safetyUnit = unitId.get('safety')!;
  const plan = (month: number, title: string, type: TrainingSessionValues['type'], audience: string, hours: number) =>
    createTrainingPlanItem(on(`${year}-01-06`), { year, title, type, audience, plannedMonth: month, hours, organiserUnitId: safetyUnit, notes: null }).id;
  const monthly = plan(1, '每月全员安全培训（班前会及安全例会）', 'ROUTINE', '全体员工（含劳务派遣、灵活用工）', 1.5);
  const refresher = plan(4, '主要负责人和安全生产管理人员年度再培训', 'REFRESHER', '主要负责人、安全生产管理人员', 12);
  const induction = plan(1, '新员工三级安全教育', 'INDUCTION_COMPANY', '当年新入职人员', 24);
  const cards = plan(5, '两单两卡专题培训', 'CARDS', '一线岗位人员', 2);
  const special = plan(6, '有限空间作业专项培训', 'SPECIAL', '表面处理班、安全环保部', 4);
  const emergency = plan(9, '消防器材使用和应急疏散培训', 'EMERGENCY', '全体员工', 2);
  plan(12, '特种作业人员安全再培训', 'SPECIAL_OPERATION', '电工、焊工、起重机和叉车司机', 8);

  const session = (date: string, v: Partial<TrainingSessionValues> & Pick<TrainingSessionValues, 'title' | 'type' | 'hours' | 'trainer'>) => createSession(on(date, 9), {
      planItemId: null,
      sessionDate: date,
      location: '办公楼三楼培训室',
      organiserUnitId: safetyUnit,
      content: null,
      examMethod: 'NONE',
      passScore: null,
      audienceUnitIds: [],
      materialIds: [],
      photoIds: [],
      signInAttachmentId: null,
      effectNote: null,
      ...v,
    }).id;
  const attend = (sessionId: string, date: string, share: number, exam: boolean) => {
    const candidates = attendanceCandidates(app, sessionId, null);
    const chosen = candidates.filter(() => rand() < share);
    if (!chosen.length) return;
    recordAttendance(
      on(date, 17),
      sessionId,
      chosen.map((c) => ({ personId: c.personId, signMethod: 'PAPER', signatureAttachmentId: null, examScore: exam ? Math.round(62 + rand() * 37) : null, passed: null })),
    );
  };

  // Monthly all-staff sessions this year up to last month (one month short of the 90 % target).
  const lastMonth = Number(today.slice(5, 7)) - 1;
  for (let m = 1; m <= lastMonth; m++) {
    const date = `${year}-${String(m).padStart(2, '0')}-${m === 2 ? '20' : '12'}`;
    const id = session(date, {
      planItemId: monthly,
      title: `${m} 月全员安全培训`,
      type: 'ROUTINE',
      hours: 1.5,
      trainer: nameOf(safetyHead),
      content: ['安全生产法及本企业安全管理制度', '冬季防火和用电安全', '机械伤害事故案例分析', '劳动防护用品正确佩戴', '有限空间作业“先通风、再检测、后作业”', '夏季防暑降温和高温作业', '叉车和厂内交通安全', '雨季防雷防汛', '消防器材使用', '岗位应急处置卡复习', '年度安全生产工作回顾'][m - 1] ?? '安全例会',
      examMethod: m % 3 === 0 ? 'WRITTEN' : 'NONE',
      passScore: m % 3 === 0 ? 60 : null,
    });
    attend(id, date, m === 8 ? 0.8 : 0.97, m % 3 === 0);
  }

  // 三级教育 of this year's new hires, by month of hire; the two newest only had the company level.
  const hires = app.db
    .prepare(`SELECT id, hireDate FROM person WHERE hireDate >= ? AND status = 'ACTIVE' ORDER BY hireDate`)
    .all(addDays(today, -330)) as { id: string; hireDate: string }[];
  const byDay = new Map<string, { id: string; hireDate: string }[]>();
  for (const h of hires) {
    // Trained on the day they start (先培训后上岗): one group per hire date.
    const k = h.hireDate;
    byDay.set(k, [...(byDay.get(k) ?? []), h]);
  }
  const recent = new Set(hires.filter((h) => h.hireDate > addDays(today, -10)).map((h) => h.id));
  for (const [, group] of byDay) {
    const start = group.at(-1)!.hireDate;
    const levels: [TrainingSessionValues['type'], string, string][] = [
      ['INDUCTION_COMPANY', '新员工厂级安全教育', nameOf(safetyHead)],
      ['INDUCTION_WORKSHOP', '新员工车间级安全教育', '车间主任'],
      ['INDUCTION_TEAM', '新员工班组级安全教育', '班组长'],
    ];
    for (const [i, [type, title, trainer]] of levels.entries()) {
      const date = addDays(start, i);
      const who = group.filter((h) => i === 0 || !recent.has(h.id));
      if (date > today || !who.length) continue;
      const id = session(date, { planItemId: induction, title, type, hours: 8, trainer, examMethod: 'WRITTEN', passScore: 60, content: type === 'INDUCTION_COMPANY' ? '本企业安全生产情况、规章制度和劳动纪律、从业人员权利义务、事故案例' : type === 'INDUCTION_WORKSHOP' ? '车间作业环境和危险因素、岗位安全职责和操作技能、自救互救和疏散' : '岗位安全操作规程、岗位之间衔接配合、两单两卡' });
      recordAttendance(on(date, 17), id, who.map((h) => ({ personId: h.id, signMethod: 'PAPER' as const, signatureAttachmentId: null, examScore: Math.round(70 + rand() * 28), passed: null })));
    }
  }

  // The refresher of the managers: 8 h in April, 4 h in October (the principal attended only the first).
  const managers = app.db
    .prepare(
      `SELECT DISTINCT c.personId AS id FROM certificate c JOIN cert_type t ON t.id = c.certTypeId JOIN person p ON p.id = c.personId
       WHERE t.code = 'SAFETY_QUALIFICATION' AND p.status = 'ACTIVE'`,
    )
    .all() as { id: string }[];
  const april = `${year}-04-16`;
  if (april <= today) {
    const id = session(april, { planItemId: refresher, title: '主要负责人和安全生产管理人员年度再培训（一）', type: 'REFRESHER', hours: 8, trainer: '江津区安全生产协会 王老师', location: '江津区安全生产培训中心', examMethod: 'WRITTEN', passScore: 80, content: '新修订安全生产法律法规、重大事故隐患判定标准、双重预防机制建设' });
    recordAttendance(on(april, 17), id, managers.map((m) => ({ personId: m.id, signMethod: m.id === gm ? ('ON_SCREEN' as const) : ('PAPER' as const), signatureAttachmentId: m.id === gm ? storeAttachment(app, demoSignaturePng(nameOf(gm)), `${nameOf(gm)}签名.png`, 'image').id : null, examScore: Math.round(82 + rand() * 16), passed: null })));
  }
  const october = `${year}-10-22`;
  if (october <= today) {
    const id = session(october, { planItemId: refresher, title: '主要负责人和安全生产管理人员年度再培训（二）', type: 'REFRESHER', hours: 4, trainer: nameOf(safetyHead), examMethod: 'NONE', content: '事故调查处理案例、应急预案管理办法' });
    recordAttendance(on(october, 17), id, managers.filter((m) => m.id !== gm).map((m) => ({ personId: m.id, signMethod: 'PAPER' as const, signatureAttachmentId: null, examScore: null, passed: null })));
  }

  const topical: [string, string, TrainingSessionValues['type'], number, string[], string | null, boolean][] = [
    [`${year}-05-21`, '两单两卡专题培训', 'CARDS', 2, ['turning', 'cnc', 'grinding', 'heatTeam', 'surface', 'assembly1', 'assembly2', 'electric', 'maintenance', 'warehouse', 'forklift'], cards, true],
    [`${year}-06-18`, '有限空间作业专项培训', 'SPECIAL', 4, ['surface', 'safety'], special, true],
    [`${year}-09-10`, '消防器材使用和应急疏散培训', 'EMERGENCY', 2, ['machining', 'heat', 'assembly', 'equipment', 'logistics'], emergency, false],
  ];
  for (const [date, title, type, hours, units, planItemId, exam] of topical) {
    if (date > today) continue;
    const id = session(date, { planItemId, title, type, hours, trainer: nameOf(safetyHead), audienceUnitIds: units.map((u) => unitId.get(u)!), examMethod: exam ? 'WRITTEN' : 'PRACTICAL', passScore: 60, effectNote: '参训人员考核合格率 95% 以上；现场抽问 10 人，8 人能完整说出岗位应急处置要点。' });
    attend(id, date, 0.92, true);
  }
}
