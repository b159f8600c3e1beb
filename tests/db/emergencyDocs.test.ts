/**
 * 应急预案、演练和培训 documents through the real services: plans are issued and
 * filed, cards generated, a drill recorded, evaluated (problems turned into a
 * hazard and a revision task) and summarised, training sessions signed on
 * screen; then every document is rendered by the print service and read back
 * with poppler (text, page sizes, embedded pictures).
 *
 * Set EMDOCS_OUT=<dir> to keep the PDFs for looking at them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng, demoSignaturePng } from '../../main/modules/demo/signature.ts';
import { emergencyCardDoc } from '../../main/modules/emergency/printable.ts';
import { emergencyCardLoad, sheetGeometry, type EmergencyCardsData } from '../../main/modules/emergency/docs.ts';
import { docTypeOf } from '../../main/modules/print/registry.ts';
import { renderDocument, type PrintRequest } from '../../main/modules/print/service.ts';
import { createSession } from '../../main/modules/training/service.ts';
import { LEDGER_ROWS_PER_PART } from '../../main/modules/training/printable.ts';
import { resolvePaper } from '../../main/pdf/paper.ts';
import type { InputOf } from '../../preload/contract/index.ts';
import { compactText, MM, pdfPages } from '../helpers/pdf.ts';
import { expectFail, openDemoApp, tempDir, type TestApp } from '../helpers/runtime.ts';

const noTarget = { recordId: null, unitId: null, level: null, onlyUnsigned: false };

/** Pictures placed in a PDF (not counting their transparency masks). */
function picturesIn(pdf: Uint8Array): number {
  const file = join(tempDir('safeledger-emdocs-'), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim().split(/\s+/)[2] === 'image').length;
}

/** Text of one page, whitespace removed. */
function pageText(pdf: Uint8Array, page: number): string {
  const file = join(tempDir('safeledger-emdocs-'), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

let app: TestApp;

async function render(req: Partial<PrintRequest> & { type: string }, name?: string) {
  const started = performance.now();
  const r = await renderDocument(app.rt.app(), { ...noTarget, ...req });
  const ms = performance.now() - started;
  if (process.env.EMDOCS_OUT) {
    mkdirSync(process.env.EMDOCS_OUT, { recursive: true });
    writeFileSync(join(process.env.EMDOCS_OUT, `${name ?? req.type}.pdf`), r.bytes);
  }
  return { ...r, ms, text: compactText(r.bytes), pages: pdfPages(r.bytes) };
}

/** A 320×240 "photo": sky, ground and a red extinguisher, tinted per label. */
function photoPng(seed: number): Buffer {
  const w = 320;
  const h = 240;
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const sky = y < 100;
      const ext = x > 40 + seed * 20 && x < 56 + seed * 20 && y > 120 && y < 180;
      px[o] = ext ? 200 : sky ? 150 + seed * 10 : 120;
      px[o + 1] = ext ? 30 : sky ? 180 : 115 + seed * 5;
      px[o + 2] = ext ? 30 : sky ? 220 : 100;
      px[o + 3] = 255;
    }
  }
  return encodePng(w, h, px);
}

async function upload(name: string, bytes: Buffer) {
  return app.ok('attachment.upload', { fileName: name, dataBase64: bytes.toString('base64'), purpose: 'image' });
}

const SCENARIOS = [
  { scenario: '配料区粉尘燃爆', steps: ['立即按下急停按钮，停止投料和除尘风机', '大声呼叫并报告班组长和值班室', '用干粉灭火器扑救初起火灾，严禁用水冲击粉尘', '火势失控时沿疏散通道撤离，在集合点清点人数'], cautions: '严禁在粉尘未沉降时开启电气设备；扑救人员须佩戴防尘口罩' },
  { scenario: '人员烧伤', steps: ['将伤员移至安全区域', '用清洁冷水冲洗烧伤部位 15 分钟以上', '拨打 120 并派人到厂门口接应'], cautions: '不要撕脱粘连衣物，不要涂抹牙膏、酱油' },
];
const CONTACTS = [
  { role: '班组长', name: '李建国', phone: '13800001111' },
  { role: '安全环保部', name: '黄志勇', phone: '13800002222' },
];
const LONG_SCENARIOS = Array.from({ length: 4 }, (_, i) => ({
  scenario: ['油槽着火', '人员触电', '机械伤害', '有毒气体泄漏'][i]!,
  steps: Array.from({ length: 8 }, (_, j) => `第 ${j + 1} 步：按方案立即处置并报告值班室`),
  cautions: '处置人员须佩戴个体防护用品，情况不明时严禁盲目施救',
}));

interface Fixture {
  onsite: { id: string; code: string };
  cards: { id: string; title: string; postName: string }[];
  longCardId: string;
  unitId: string;
  drill: { id: string; code: string };
  bareDrill: { id: string; code: string };
  hazardCode: string;
  signed: { id: string; name: string }[];
  session: { id: string; code: string };
  openSession: { id: string; code: string };
  newcomer: { id: string; staffNo: string; name: string };
}

let fx: Fixture;

/**
 * In the demo enterprise (today 2026-11-22): four plans of our own in every
 * filing state, a revision trigger, cards for two posts (one very long), a
 * fully documented drill and a bare one, two training sessions (one signed on
 * screen with exam scores, one not yet signed) and a new hire's 三级教育.
 */
async function plant(): Promise<Fixture> {
  app = await openDemoApp();
  const e = await app.ok('enterprise.get', {});
  const principal = e.principal!.id;
  const units = await app.ok('unit.list', {});
  const unit = (name: string) => units.find((u) => u.name === name)!;
  const team = unit('热处理班');
  const posts = (await app.ok('post.list', { pageSize: 500 })).items.filter((p) => p.unitId === team.id || p.unitId === unit('表面处理班').id);
  const people = (await app.ok('person.list', { status: 'ACTIVE', pageSize: 200 })).items;

  const issue = async (planId: string, version: string, issuedOn: string, extra: Partial<InputOf<'planVersion.saveDraft'>> = {}) => {
    const draft = await app.ok('planVersion.saveDraft', { planId, version, reviewMethod: 'REVIEW', reviewedOn: issuedOn, signedById: principal, signedOn: issuedOn, ...extra });
    return app.ok('planVersion.issue', { versionId: draft.draftVersionId!, issuedOn });
  };
  const comp = await app.ok('emergencyPlan.create', { code: 'T-ZH-01', name: '测试综合应急预案', planType: 'COMPREHENSIVE' });
  let v = await issue(comp.id, 'V1.0', '2026-03-02');
  await app.ok('planVersion.file', { versionId: v.versions[0]!.id, filedOn: '2026-03-10', filingAuthority: '重庆市江津区应急管理局', filingReceiptNo: '津应急备〔2026〕101号' });
  const fire = await app.ok('emergencyPlan.create', { code: 'T-ZX-01', name: '测试火灾专项应急预案', planType: 'SPECIFIC', parentId: comp.id });
  await issue(fire.id, 'V1.0', '2026-09-01');
  await app.ok('planTrigger.create', { planId: fire.id, kind: 'RESOURCE', occurredOn: '2026-10-08', description: '消防水池改造，消防水源位置变化', dueOn: '2026-11-01' });
  const late = await app.ok('emergencyPlan.create', { code: 'T-ZX-02', name: '测试触电专项应急预案', planType: 'SPECIFIC', parentId: comp.id });
  v = await issue(late.id, 'V1.0', '2026-04-01');
  await app.ok('planVersion.file', { versionId: v.versions[0]!.id, filedOn: '2026-06-30', filingAuthority: '重庆市江津区应急管理局', filingReceiptNo: null });
  const onsite = await app.ok('emergencyPlan.create', { code: 'T-XC-01', name: '测试配料区粉尘燃爆现场处置方案', planType: 'ONSITE', parentId: comp.id, postIds: posts.slice(0, 2).map((p) => p.id) });
  await issue(onsite.id, 'V1.0', '2026-11-20', { riskDescription: '配料区铝镁粉尘可能燃爆', scenarios: SCENARIOS, contacts: CONTACTS });
  const cards = await app.ok('emergencyCard.generate', { planId: onsite.id, postIds: posts.slice(0, 2).map((p) => p.id) });
  const long = await app.ok('emergencyCard.update', { id: cards[1]!.id, title: `${cards[1]!.postName}应急处置卡`, scenarios: LONG_SCENARIOS, contacts: cards[1]!.contacts });

  // A drill of the on-site plan: 12 people, 6 signed on screen, 3 on paper, 3 not yet; 5 photos.
  const drillPeople = people.slice(10, 22);
  const signatures = await Promise.all(drillPeople.slice(0, 6).map((p) => upload(`${p.name}.png`, demoSignaturePng(p.name))));
  const photos = await Promise.all([0, 1, 2, 3, 4].map((i) => upload(`现场${i + 1}.png`, photoPng(i))));
  const drill = await app.ok('drill.create', {
    planId: onsite.id,
    title: '测试配料区粉尘燃爆应急演练',
    scope: 'SINGLE',
    form: 'LIVE',
    purpose: 'TEST',
    drillDate: '2026-11-18',
    startTime: '14:00',
    endTime: '15:10',
    place: '热处理车间配料区',
    commanderName: '黄志勇',
    organiserUnitId: team.id,
    scenario: '配料区除尘管道积尘遇火花发生燃爆，一名操作工手臂烧伤',
    resourcesUsed: '干粉灭火器 6 具、急救箱 1 个、对讲机 3 部',
    observers: '江津区应急管理局 1 人',
    interruptions: null,
    participants: drillPeople.map((p, i) => ({
      personId: p.id,
      name: p.name,
      role: i === 0 ? '现场指挥' : '处置组',
      signMethod: i < 6 ? ('ON_SCREEN' as const) : i < 9 ? ('PAPER' as const) : null,
      signatureAttachmentId: i < 6 ? signatures[i]!.id : null,
    })),
    steps: [
      { time: '14:00', action: '模拟配料区发生燃爆，操作工发现险情', actor: drillPeople[1]!.name },
      { time: '14:02', action: '按下急停按钮并报告班组长', actor: drillPeople[1]!.name },
      { time: '14:05', action: '班组长启动现场处置方案，组织扑救初起火灾', actor: drillPeople[0]!.name },
      { time: '14:20', action: '伤员冷水冲洗后送医', actor: drillPeople[2]!.name },
      { time: '15:00', action: '清点人数，现场点评', actor: '黄志勇' },
    ],
    photoIds: photos.map((p) => p.id),
  });
  const points = (await app.ok('drill.evaluationPoints', {})).flatMap((f) => f.points);
  let evaluated = await app.ok('drill.evaluate', {
    drillId: drill.id,
    evaluatedOn: '2026-11-19',
    evaluators: '黄志勇、赵敏',
    onSiteComments: '报警及时，扑救方法正确',
    preparation: '方案经审批，器材检查完好',
    performance: '操作工熟悉处置步骤',
    points: [
      { code: points[0]!.code, rating: 'GOOD', comment: null },
      { code: points[1]!.code, rating: 'FAIR', comment: '脚本未提前分发' },
      { code: points[4]!.code, rating: 'POOR', comment: '报警电话记错' },
      { code: points[6]!.code, rating: 'NA', comment: null },
    ],
    objectivesMet: true,
    overall: 'GOOD',
    needsPlanRevision: true,
    revisionReason: '应急联系电话需更新',
    problems: [
      { description: '配料区灭火器压力不足', cause: '月检流于形式', suggestion: '更换灭火器并落实月检' },
      { description: '现场处置方案中值班电话已变更', cause: null, suggestion: '修订方案和应急处置卡' },
      { description: '疏散指示标志被遮挡', cause: '物料堆放', suggestion: '清理通道' },
    ],
  });
  evaluated = await app.ok('drill.problemToHazard', { problemId: evaluated.problems[0]!.id, level: 'GENERAL', respUnitId: team.id, respPersonId: null, deadline: '2026-12-15' });
  evaluated = await app.ok('drill.problemToRevision', { problemId: evaluated.problems[1]!.id, dueOn: '2026-12-31', ownerId: null });
  await app.ok('drill.summarise', {
    drillId: drill.id,
    purpose: '检验配料区粉尘燃爆现场处置方案的可操作性',
    schemeSummary: '模拟燃爆、报警、初起火灾扑救、伤员救护、疏散清点',
    lessons: '先期处置迅速',
    improvements: '加强灭火器月检',
    writtenBy: '黄志勇',
    writtenOn: '2026-11-20',
  });
  const bare = await app.ok('drill.create', {
    planId: onsite.id,
    title: '测试人员烧伤桌面推演',
    scope: 'SINGLE',
    form: 'TABLETOP',
    purpose: 'TEST',
    drillDate: '2026-11-21',
    startTime: '09:00',
    endTime: '09:40',
    place: '热处理车间会议室',
    commanderName: '黄志勇',
    organiserUnitId: team.id,
    scenario: '操作工被熔盐烫伤',
  });

  // Training: a session signed on screen with scores, and one not yet signed (audience: the 热处理班).
  const trainees = people.slice(30, 40);
  const sigs = await Promise.all(trainees.slice(0, 7).map((p) => upload(`${p.name}-签名.png`, demoSignaturePng(`${p.name}签`))));
  const session = await app.ok('trainingSession.create', {
    title: '测试粉尘防爆专项培训',
    type: 'SPECIAL',
    sessionDate: '2026-11-16',
    hours: 4,
    trainer: '黄志勇',
    location: '办公楼三楼培训室',
    content: '粉尘爆炸危险性、除尘系统检查要点、应急处置卡',
    examMethod: 'WRITTEN',
    passScore: 70,
  });
  await app.ok('trainingAttendance.record', {
    sessionId: session.id,
    entries: trainees.map((p, i) => ({
      personId: p.id,
      signMethod: i < 7 ? ('ON_SCREEN' as const) : ('PAPER' as const),
      signatureAttachmentId: i < 7 ? sigs[i]!.id : null,
      examScore: i === 3 ? 55 : 80 + i,
    })),
  });
  const openSession = await app.ok('trainingSession.create', { title: '测试班组安全活动', type: 'ROUTINE', sessionDate: '2026-11-21', hours: 1, trainer: '李建国', audienceUnitIds: [team.id] });

  // A new hire with 三级教育 and a masked ID number.
  const newcomer = await app.ok('person.create', { name: '测试新人', staffNo: 'T0001', unitId: team.id, employmentType: 'REGULAR', hireDate: '2026-11-02', idNumber: '11010519491231002X', postIds: [posts[0]!.id] });
  for (const [type, title, date] of [
    ['INDUCTION_COMPANY', '测试厂级安全教育', '2026-11-02'],
    ['INDUCTION_WORKSHOP', '测试车间级安全教育', '2026-11-03'],
  ] as const) {
    const s = await app.ok('trainingSession.create', { title, type, sessionDate: date, hours: 8, trainer: '黄志勇', examMethod: 'WRITTEN' });
    await app.ok('trainingAttendance.record', { sessionId: s.id, entries: [{ personId: newcomer.id, signMethod: 'PAPER', examScore: 88 }] });
  }

  const hazardCode = evaluated.problems[0]!.hazardCode!;
  return {
    onsite: { id: onsite.id, code: onsite.code },
    cards: cards.map((c) => ({ id: c.id, title: c.title, postName: c.postName })),
    longCardId: long.id,
    unitId: team.id,
    drill: { id: drill.id, code: drill.code },
    bareDrill: { id: bare.id, code: bare.code },
    hazardCode,
    signed: drillPeople.slice(0, 6).map((p) => ({ id: p.id, name: p.name })),
    session: { id: session.id, code: session.code },
    openSession: { id: openSession.id, code: openSession.code },
    newcomer: { id: newcomer.id, staffNo: newcomer.staffNo, name: newcomer.name },
  };
}

beforeAll(async () => {
  fx = await plant();
}, 120_000);
afterAll(() => app?.close());

const A4 = { w: 210 * MM, h: 297 * MM };

describe('应急处置卡', () => {
  it('one card: an 85.5×54 front and back with numbered first actions, cautions, contacts with 119/120/110/12350 and the source plan', async () => {
    const card = fx.cards[0]!;
    const r = await render({ type: 'emergencyCard', recordId: card.id }, 'emergencyCard-one');
    expect(r.title).toBe(card.title);
    expect(r.pages.pages).toBe(2);
    for (const s of r.pages.sizes) {
      expect(s.width).toBeCloseTo(85.5 * MM, 1);
      expect(s.height).toBeCloseTo(54 * MM, 1);
    }
    expect(r.warnings).toEqual([]);
    const front = pageText(r.bytes, 1);
    expect(front).toContain(card.title);
    expect(front).toContain('情形一配料区粉尘燃爆');
    expect(front).toContain('1.立即按下急停按钮');
    expect(front).toContain('4.火势失控时沿疏散通道撤离');
    expect(front).toContain('正面');
    const back = pageText(r.bytes, 2);
    expect(back).toContain('注意事项');
    expect(back).toContain('严禁在粉尘未沉降时开');
    for (const s of ['应急联系电话', '班组长李建国', '13800001111', '火警', '119', '急救', '120', '报警', '110', '12350', '依据：T-XC-01《测试配料区粉尘燃爆现场处置方案》V1.0', '背面', `指纹${r.fingerprint.slice(0, 4)}`]) {
      expect(back, s).toContain(s);
    }
  });

  it('a card too long for 85.5×54 moves to A6 with a warning; on A4 the cards are a sheet of 85.5×54 cells, backs mirrored behind their fronts', async () => {
    const long = await render({ type: 'emergencyCard', recordId: fx.longCardId }, 'emergencyCard-long');
    expect(emergencyCardLoad((long.data as EmergencyCardsData).cards[0]!)).toBeGreaterThan(1);
    expect(long.warnings).toEqual([expect.stringMatching(/^「.+应急处置卡」内容较多，85\.5×54 mm 卡片排不下，已自动改用 A6（横向）排版/)]);
    expect(long.pages.pages).toBe(2);
    expect(long.pages.sizes[0]!.width).toBeCloseTo(148 * MM, 1);
    expect(long.pages.sizes[0]!.height).toBeCloseTo(105 * MM, 1);
    expect(long.text).toContain('情形四有毒气体泄漏');

    // The unit's two cards on A4: the short one in an 85.5×54 cell, the long one in an A6 cell on a sheet of its own.
    const sheet = await render({ type: 'emergencyCard', unitId: fx.unitId, paper: { size: 'A4', orientation: 'portrait' } }, 'emergencyCard-sheet');
    expect(sheet.pages.pages).toBe(4);
    for (const s of sheet.pages.sizes) {
      expect(s.width).toBeCloseTo(A4.w, 1);
      expect(s.height).toBeCloseTo(A4.h, 1);
    }
    expect(pageText(sheet.bytes, 1)).toContain('应急处置卡正面卡片85.5×54mm');
    expect(pageText(sheet.bytes, 1)).toContain('沿虚线裁切；双面打印请选择「沿长边翻转」');
    expect(pageText(sheet.bytes, 2)).toContain('背面');
    expect(pageText(sheet.bytes, 2)).toContain('依据：T-XC-01');
    expect(pageText(sheet.bytes, 3)).toContain('卡片A6（148×105mm）');
    expect(sheet.warnings).toEqual([]);
    // A sheet of A4 portrait holds 2 × 4 cards; landscape 3 × 3.
    expect(sheetGeometry(resolvePaper({ size: 'A4', orientation: 'portrait' }), 'CARD')).toMatchObject({ cols: 2, rows: 4 });
    expect(sheetGeometry(resolvePaper({ size: 'A4', orientation: 'landscape' }), 'CARD')).toMatchObject({ cols: 3, rows: 3 });

    // A sheet that lays out longer than its two pages: first normal type, then the larger cell, once.
    const sheetPart: EmergencyCardsData = { scope: 'x', cards: (sheet.data as EmergencyCardsData).cards.slice(0, 1), sheet: { cell: 'CARD' } };
    const a4 = resolvePaper({ size: 'A4', orientation: 'portrait' });
    const step1 = emergencyCardDoc.fit!.enlarge(sheetPart, a4);
    expect(step1).toEqual({ data: { ...sheetPart, tight: true }, warning: null });
    const step2 = emergencyCardDoc.fit!.enlarge(step1.data, a4);
    expect((step2.data as EmergencyCardsData).sheet).toEqual({ cell: 'A6', bumped: true });
    expect(step2.warning).toMatch(/这一页卡片已改为 A6（148×105 mm）排版/);
    expect(emergencyCardDoc.fit!.enlarge(step2.data, a4)).toEqual(step2);
  });

  it('all cards by default; says when a card is older than its plan; refuses a unit without cards', async () => {
    const all = await render({ type: 'emergencyCard' });
    const cards = await app.ok('emergencyCard.list', {});
    expect(all.pages.pages).toBe(cards.length * 2);
    for (const c of cards) expect(all.text).toContain(c.title);

    // The plan is reissued: the cards still carry V1.0 and the print centre says so.
    const plan = await app.ok('emergencyPlan.get', { id: fx.onsite.id });
    const e = await app.ok('enterprise.get', {});
    const draft = await app.ok('planVersion.saveDraft', {
      planId: plan.id,
      version: 'V1.1',
      reviewMethod: 'REVIEW',
      reviewedOn: '2026-11-21',
      signedById: e.principal!.id,
      signedOn: '2026-11-21',
      riskDescription: '配料区铝镁粉尘可能燃爆',
      scenarios: SCENARIOS,
      contacts: CONTACTS,
    });
    await app.ok('planVersion.issue', { versionId: draft.draftVersionId!, issuedOn: '2026-11-21' });
    const check = await app.ok('print.check', { type: 'emergencyCard', recordId: fx.cards[0]!.id });
    expect(check.omitted).toEqual([`「${fx.cards[0]!.title}」所依据的预案已发布新版本，卡片仍为旧版本内容，建议先在「应急预案」中重新生成`]);
    await app.ok('emergencyCard.generate', { planId: plan.id, postIds: [(await app.ok('emergencyCard.get', { id: fx.cards[0]!.id })).postId] });
    expect((await app.ok('print.check', { type: 'emergencyCard', recordId: fx.cards[0]!.id })).omitted).toEqual([]);

    const company = (await app.ok('unit.list', {})).find((u) => u.parentId === null)!;
    const empty = await app.ok('unit.create', { name: '测试新建车间', kind: 'WORKSHOP', parentId: company.id });
    expect(expectFail(await app.call('print.preview', { type: 'emergencyCard', unitId: empty.id })).message).toBe(
      '生成「应急处置卡」还缺少：该单位范围内的应急处置卡（请先由现场处置方案为关键岗位生成）。补充后再生成。',
    );
  });
});

describe('应急预案管理台账', () => {
  it('A4 landscape: every plan with version, review, signer, filing (filed, filed late, pending/overdue), next revision; then the revision triggers', async () => {
    const r = await render({ type: 'emergencyPlanRegister' });
    expect(r.title).toBe('应急预案管理台账（截至 2026-11-22）');
    expect(r.pages.sizes[0]!.width).toBeCloseTo(A4.h, 1);
    expect(r.pages.sizes[0]!.height).toBeCloseTo(A4.w, 1);
    const plans = await app.ok('emergencyPlan.list', {});
    for (const p of plans) expect(r.text, p.code).toContain(p.code);
    for (const s of ['序号', '类型', '预案编号', '预案名称', '现行版本', '发布日期', '评审/论证', '签署人', '备案日期', '受理部门', '回执编号', '备案状态', '下次修订', '修订事项']) {
      expect(r.text, s).toContain(s);
    }
    const row = (code: string) => plans.find((p) => p.code === code)!;
    expect(row('T-ZH-01').filing?.state).toBe('FILED');
    expect(row('T-ZX-02').filing?.state).toBe('FILED_LATE');
    expect(row('T-ZX-01').filing?.state).toBe('OVERDUE');
    expect(r.text).toContain('测试综合应急预案');
    expect(r.text).toContain('津应急备');
    expect(r.text).toContain('〔2026〕101号');
    expect(r.text).toContain(`逾期备案${row('T-ZX-02').filing!.workdays}个工作日`);
    expect(r.text).toContain(`备案逾期${row('T-ZX-01').filing!.workdays}个工作日`);
    expect(r.text).toContain('2029-03-02');
    // The revision triggers: the open one (overdue) and the one from the drill.
    expect(r.text).toContain('预案修订事项');
    expect(r.text).toContain('消防水池改造，消防水源位置变化');
    expect(r.text).toContain('逾期未修订');
    expect(r.text).toContain('演练中发现问题');
    expect(r.text).toContain('填表人');
    expect(r.text).toMatch(/共\d+个预案（综合应急预案\d+、专项应急预案\d+、现场处置方案\d+）/);

    // A long list of revision triggers: the last rows stay with the signatures.
    for (let i = 1; i <= 12; i++) {
      await app.ok('planTrigger.create', { planId: row('T-ZH-01').id, kind: 'LAW', occurredOn: '2026-11-10', description: `测试法规变化第 ${i} 项：地方应急预案管理办法修订`, dueOn: '2027-03-01' });
    }
    const long = await render({ type: 'emergencyPlanRegister' }, 'emergencyPlanRegister-long');
    expect(long.text).toContain('测试法规变化第12项');
    const lastPage = pageText(long.bytes, long.pages.pages);
    expect(lastPage).toContain('填表人');
    expect(lastPage).toMatch(/测试法规变化第\d+项/);
  });
});

describe('年度应急演练计划', () => {
  it('A4 landscape table with budget total, approval and the frequency check; a year without items is refused', async () => {
    const plan = await app.ok('drillPlan.get', { year: 2026 });
    const units = await app.ok('unit.list', {});
    await app.ok('drillPlan.createItem', {
      year: 2026,
      planId: fx.onsite.id,
      scenario: '测试配料区粉尘燃爆实战演练',
      scope: 'SINGLE',
      form: 'LIVE',
      plannedMonth: 12,
      organiserUnitId: units.find((u) => u.name === '热处理班')!.id,
      participants: '热处理班全体、安全环保部',
      budget: 1234.5,
    });
    const r = await render({ type: 'drillPlan', year: 2026 });
    expect(r.title).toBe('2026年度应急演练计划');
    expect(r.pages.sizes[0]!.width).toBeCloseTo(A4.h, 1);
    for (const s of ['2026年度应急演练计划', '序号', '演练预案', '演练情景', '演练内容', '演练形式', '计划时间', '组织部门', '参演人员', '预算（元）', '完成情况', '测试配料区粉尘燃爆实战演练', '12月', '1,234.5', '合计', '演练频次要求落实情况', '每半年至少组织一次现场处置方案演练']) {
      expect(r.text, s).toContain(s);
    }
    const total = (await app.ok('drillPlan.get', { year: 2026 })).budgetTotal;
    expect(r.text).toContain(new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(total));
    if (plan.approvedByName) expect(r.text).toContain(`批准（主要负责人）：${plan.approvedByName}`);
    // Our own drill (not in the plan) counts for the second half-year.
    expect(r.text).toContain(`${fx.drill.code}（11-18）`);

    expect(expectFail(await app.call('print.preview', { type: 'drillPlan', year: 2031 })).message).toBe('生成「2031年度应急演练计划」还缺少：2031 年度演练计划项（请先在「应急演练 → 年度计划」中安排）。补充后再生成。');
  });
});

describe('应急演练记录', () => {
  it('three parts: the record with on-screen signatures and photos, the AQ/T 9009 evaluation with follow-up, the summary report', async () => {
    const r = await render({ type: 'drillRecord', recordId: fx.drill.id }, 'drillRecord');
    expect(r.title).toBe(`应急演练记录（${fx.drill.code}）`);
    for (const s of r.pages.sizes) expect(s.width).toBeCloseTo(A4.w, 1);
    const t = r.text;
    for (const s of [
      '应急演练记录',
      `编号：${fx.drill.code}`,
      '第一部分演练记录',
      '测试配料区粉尘燃爆应急演练',
      'T-XC-01测试配料区粉尘燃爆现场处置方案（现场处置方案）',
      '单项演练·实战演练·检验性演练',
      '计划外演练',
      '14:00–15:10',
      '事故情景',
      '参演人员签到（共12人，屏幕签名6人，纸质签到3人，未签到3人）',
      '纸质签到',
      '演练过程记录',
      '按下急停按钮并报告班组长',
      '干粉灭火器6具',
      '现场照片',
      '另有1张照片已在系统中存档。',
      '第二部分演练评估',
      '评估要点（依据AQ/T9009',
      '■好□一般□差□不涉及',
      '□好■一般□差□不涉及',
      '□好□一般■差□不涉及',
      '报警电话记错',
      '■达成□未达成',
      '□优秀■良好□一般□较差',
      '■需要修订□不需要修订',
      '应急联系电话需更新',
      '发现的问题及整改跟踪',
      `隐患${fx.hazardCode}`,
      '预案修订事项',
      '尚未转办',
      '第三部分演练总结报告',
      '一、演练目的',
      '检验配料区粉尘燃爆现场处置方案的可操作性',
      '二、演练时间和地点',
      '2026-11-1814:00–15:10，热处理车间配料区。',
      '三、参演单位和人员',
      '参演人员12人',
      '五、发现的问题及原因',
      '配料区灭火器压力不足（原因：月检流于形式）',
      '七、改进有关工作的建议',
      '编写人：黄志勇',
    ]) {
      expect(t, s).toContain(s);
    }
    for (const p of fx.signed) expect(t).toContain(p.name);
    // Six on-screen signatures and four of the five photos.
    expect(picturesIn(r.bytes)).toBe(10);
    expect(r.omitted).toEqual(expect.arrayContaining(['另有 1 张照片未打印（已在系统中存档）', '3 名参演人员尚未签到，签名栏留空供手签', '1 个问题尚未转为隐患或预案修订事项']));
  });

  it('without evaluation and summary: prints a blank evaluation form and what the record has, and says what is missing', async () => {
    const r = await render({ type: 'drillRecord', recordId: fx.bareDrill.id }, 'drillRecord-bare');
    expect(r.omitted).toEqual(
      expect.arrayContaining(['演练评估（尚未登记，第二部分打印为空白评估表）', '演练总结报告（尚未编写，第三部分只列出已登记的时间地点、参演人员和问题）']),
    );
    for (const s of ['本次演练尚未登记书面评估', '□好□一般□差□不涉及', '□达成□未达成', '尚未编写演练总结报告', '（待编写）', '二、演练时间和地点', '2026-11-2109:00–09:40', '尚未登记参演人员', '尚未登记演练过程', '参演人员尚未登记']) {
      expect(r.text, s).toContain(s);
    }
    expect(r.text).not.toContain('■');
    expect(expectFail(await app.call('print.preview', { type: 'drillRecord' })).message).toBe('请选择演练记录');
    const records = await app.ok('print.records', { type: 'drillRecord' });
    expect(records.find((x) => x.id === fx.bareDrill.id)?.label).toBe(`${fx.bareDrill.code} 2026-11-21 测试人员烧伤桌面推演（未评估）`);
  });
});

describe('培训签到表', () => {
  it('attendees with their on-screen signatures and scores, then blank rows for walk-ins', async () => {
    const r = await render({ type: 'trainingSignIn', recordId: fx.session.id }, 'trainingSignIn');
    expect(r.title).toBe(`培训签到表（${fx.session.code}）`);
    expect(r.pages.sizes[0]!.width).toBeCloseTo(A4.w, 1);
    const s = await app.ok('trainingSession.get', { id: fx.session.id });
    for (const x of ['安全教育培训签到表', '测试粉尘防爆专项培训', '专项培训', '2026-11-16', '4学时', '黄志勇', '办公楼三楼培训室', '笔试，70分及格', '粉尘爆炸危险性', '序号', '姓名', '工号', '部门', '岗位', '签名', '考试成绩', '55不合格', '授课人（签字）', '记录人（签字）']) {
      expect(r.text, x).toContain(x);
    }
    for (const a of s.attendees) {
      expect(r.text).toContain(a.name);
      expect(r.text).toContain(a.staffNo);
    }
    expect(r.text).toContain(`实到${s.attendees.length}人；`);
    expect(r.text).not.toContain('应到');
    expect(r.text).toContain('考核合格9人，不合格1人');
    expect(picturesIn(r.bytes)).toBe(7);
    // Ten attendees and three blank rows numbered on.
    expect(r.text).toContain('111213');
  });

  it('not yet signed: the audience units\' people employed that day with blank signatures, the header row repeated on every page', async () => {
    const r = await render({ type: 'trainingSignIn', recordId: fx.openSession.id }, 'trainingSignIn-open');
    const candidates = await app.ok('trainingAttendance.candidates', { sessionId: fx.openSession.id });
    expect(candidates.length).toBeGreaterThan(5);
    for (const c of candidates) expect(r.text).toContain(c.name);
    expect(r.text).toContain(`应到${candidates.length}人，实到______人。`);
    expect(r.text).toContain('下列人员为参训单位培训当日在职人员');
    expect(r.omitted).toEqual(['尚未登记签到：列出参训单位培训当日在职的人员，签名栏留空供本人签名']);
    expect(picturesIn(r.bytes)).toBe(0);

    // The whole enterprise: several pages, each with the header row.
    const all = await app.ok('trainingSession.create', { title: '测试全员培训', type: 'ROUTINE', sessionDate: '2026-11-20', hours: 1, trainer: '黄志勇' });
    const big = await render({ type: 'trainingSignIn', recordId: all.id }, 'trainingSignIn-all');
    expect(big.pages.pages).toBeGreaterThan(3);
    for (let p = 1; p <= big.pages.pages; p++) expect(pageText(big.bytes, p), `page ${p}`).toContain('序号姓名工号部门岗位');
    expect(pageText(big.bytes, big.pages.pages)).toContain(`第${big.pages.pages}/${big.pages.pages}页`);
  });
});

describe('安全教育培训台账', () => {
  it('the year\'s sessions with hours, trainer, head count and pass rate; totals; the all-staff periodic rule', async () => {
    const r = await render({ type: 'trainingLedger', year: 2026 });
    expect(r.title).toBe('2026年度安全教育培训台账');
    expect(r.pages.sizes[0]!.width).toBeCloseTo(A4.h, 1);
    const sessions = (await app.ok('trainingSession.list', { from: '2026-01-01', to: '2026-12-31', page: 1, pageSize: 500 })).items;
    for (const s of sessions) expect(r.text, s.code).toContain(s.code);
    for (const s of ['序号', '编号', '日期', '培训名称', '类型', '学时', '授课人', '参训人数', '考核合格率', '测试粉尘防爆专项培训', '90%（9/10）', '不考核', `全年共培训${sessions.length}期`, '全员定期培训（每月每人不少于1学时，参训率目标90%）', '应参训（在职）人数', '填表人']) {
      expect(r.text, s).toContain(s);
    }
    const unit = await render({ type: 'trainingLedger', year: 2026, unitId: fx.unitId });
    expect(unit.text).toContain('范围：重庆渝江精密机械有限公司/热处理车间/热处理班（按组织部门）');
  });
});

describe('个人安全培训档案', () => {
  it('one person: masked ID, role and hour rule, the 三级安全教育卡 with blank signature cells, hours per year, history, drills and flags', async () => {
    const r = await render({ type: 'trainingRecordCard', recordId: fx.newcomer.id }, 'trainingRecordCard');
    expect(r.title).toBe(`个人安全培训档案（${fx.newcomer.name} ${fx.newcomer.staffNo}）`);
    expect(r.pages.sizes[0]!.width).toBeCloseTo(A4.w, 1);
    expect(r.text).toContain('1101**********002X');
    expect(r.text).not.toContain('11010519491231002X');
    for (const s of [
      '个人安全培训档案',
      '（一人一档）',
      '从业人员',
      '初次（上岗前）不少于24学时',
      '一、三级安全教育卡',
      '教育级别',
      '受教育者签名',
      '厂级2026-11-028',
      '车间级2026-11-038',
      '培训记录PX-',
      '班组级',
      '岗位安全操作规程',
      '本人尚缺班组级安全教育记录',
      '二、年度培训学时',
      '三、培训记录',
      '测试厂级安全教育',
      '四、参加应急演练',
      '五、持证情况',
      '六、需关注事项',
      '三级教育不全，缺班组级',
      '本人签字',
    ]) {
      expect(r.text, s).toContain(s);
    }
    expect(r.omitted).toEqual(['三级安全教育缺班组级记录，教育卡相应行留空']);

    // A drill participant: the drill is in the file.
    const drilled = await render({ type: 'trainingRecordCard', recordId: fx.signed[0]!.id });
    expect(drilled.text).toContain(fx.drill.code);
    expect(drilled.text).toContain('现场指挥');

    // The picker lists every person in one query, searchable by 工号 and name.
    const started = performance.now();
    const people = docTypeOf('trainingRecordCard').records!.list(app.rt.app());
    expect(performance.now() - started).toBeLessThan(500);
    expect(people.length).toBe((app.rt.app().db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n);
    expect(people.find((p) => p.id === fx.newcomer.id)?.label).toBe('T0001 测试新人 · 重庆渝江精密机械有限公司 / 热处理车间 / 热处理班');
  });
});

describe('every new document in the print centre', () => {
  it('is listed with its fixed type name and group', async () => {
    const types = await app.ok('print.types', {});
    const pick = (t: string) => types.find((x) => x.type === t);
    expect(pick('emergencyCard')).toMatchObject({ title: '应急处置卡', group: '两单两卡', defaultPaper: { size: 'CARD', orientation: 'landscape' }, options: ['unit'] });
    expect(pick('emergencyPlanRegister')).toMatchObject({ title: '应急预案管理台账', group: '应急预案与演练', defaultPaper: { size: 'A4', orientation: 'landscape' } });
    expect(pick('drillPlan')).toMatchObject({ title: '年度应急演练计划', options: ['year'] });
    expect(pick('drillRecord')).toMatchObject({ title: '应急演练记录', records: { required: true } });
    expect(pick('trainingSignIn')).toMatchObject({ title: '培训签到表', group: '教育培训', records: { required: true } });
    expect(pick('trainingLedger')).toMatchObject({ title: '安全教育培训台账', options: ['year', 'unit'] });
    expect(pick('trainingRecordCard')).toMatchObject({ title: '个人安全培训档案', records: { label: '人员', required: true } });
  });
});

// Timing only: run once (in the UTC project), not again in the far time zone.
describe.skipIf(process.env.TZ !== 'UTC')('long training ledger', () => {
  it(`2,000 sessions in a year lay out in parts of ${LEDGER_ROWS_PER_PART} rows in reasonable time`, { timeout: 240_000 }, async () => {
    const a = app.rt.app();
    const add = (n: number) => {
      for (let i = 0; i < n; i++) {
        const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
        createSession(a, {
          planItemId: null,
          title: `班组安全活动第 ${i + 1} 次`,
          type: 'ROUTINE',
          sessionDate: day,
          hours: 1,
          trainer: '班组长',
          location: null,
          organiserUnitId: null,
          content: null,
          examMethod: 'NONE',
          passScore: null,
          audienceUnitIds: [],
          materialIds: [],
          photoIds: [],
          signInAttachmentId: null,
          effectNote: null,
        });
      }
    };
    add(200);
    const small = await render({ type: 'trainingLedger', year: 2025 }, 'trainingLedger-200');
    expect(small.text).toContain('全年共培训200期');
    add(1800);
    const big = await render({ type: 'trainingLedger', year: 2025 }, 'trainingLedger-2000');
    expect(big.text).toContain('全年共培训2000期');
    const last = pageText(big.bytes, big.pages.pages);
    expect(last).toContain(`第${big.pages.pages}/${big.pages.pages}页`);
    console.info(`trainingLedger: 200 sessions ${small.pages.pages} pages in ${Math.round(small.ms)} ms; 2,000 sessions ${big.pages.pages} pages in ${Math.round(big.ms)} ms, ${Math.round(big.bytes.length / 1024)} KB`);
    expect(big.ms).toBeLessThan(60_000);
  });
});
