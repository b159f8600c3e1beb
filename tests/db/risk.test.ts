import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEC, DEFAULT_LS } from '../../main/domain/risk.ts';
import { demoSitePlanPng } from '../../main/modules/demo/sitePlan.ts';
import { renderDocument } from '../../main/modules/print/service.ts';
import type { InputOf } from '../../preload/contract/index.ts';
import { compactText, MM, pdfPages } from '../helpers/pdf.ts';
import { expectFail, openDemoApp, openSetupApp, scripted, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

const noTarget = { recordId: null, unitId: null, level: null, onlyUnsigned: false };

async function plant() {
  app = await openSetupApp();
  const company = (await app.ok('unit.list', {}))[0]!;
  const ws = await app.ok('unit.create', { name: '表面处理车间', kind: 'WORKSHOP', parentId: company.id });
  const post = await app.ok('post.create', { name: '表面处理工', unitId: ws.id, trade: '涂装工', category: 'FRONTLINE', isSpecialOperation: false });
  const head = await app.ok('person.create', { name: '谢斌', staffNo: 'YJ0001', unitId: ws.id, employmentType: 'REGULAR', phone: '13800000001', postIds: [post.id] });
  return { company, ws, post, head };
}

function paintBooth(unitId: string, postIds: string[] = []): InputOf<'risk.create'> {
  return {
    name: '喷漆房',
    kind: 'AREA',
    location: '表面处理车间东侧',
    unitId,
    postIds,
    controlLevel: 'DEPARTMENT',
    identifiedOn: '2026-10-10',
    hazards: [
      { description: '有机溶剂挥发形成爆炸性混合物', category: 'MATERIAL', accidentTypes: ['火灾', '其它爆炸'] },
      { description: '通风不良导致有机溶剂蒸气积聚', category: 'ENVIRONMENT', accidentTypes: ['中毒和窒息'] },
    ],
    measures: [],
  };
}

describe('scoring profiles', () => {
  it('ship as data equal to the domain defaults; editing one bumps its version and earlier assessments keep theirs', async () => {
    const { ws } = await plant();
    const profiles = await app.ok('riskProfile.list', {});
    const lec = profiles.find((p) => p.method === 'LEC')!;
    expect(lec).toMatchObject({ name: '作业条件危险性评价法（LEC）', version: 1, isDefault: true, config: DEFAULT_LEC });
    expect(profiles.find((p) => p.method === 'LS')!.config).toEqual(DEFAULT_LS);
    const r = await app.ok('risk.create', paintBooth(ws.id));
    const first = await app.ok('risk.assess', { riskPointId: r.id, method: 'LEC', values: { L: 1, E: 10, C: 7 }, assessedOn: '2026-10-10', assessorName: '黄志勇' });
    expect(first.assessment).toMatchObject({ score: 70, level: 'MEDIUM', profileVersion: 1, bandLabel: '显著危险，需要整改', valueLabels: { L: '可能性小，完全意外', E: '连续暴露', C: '严重，重伤' } });
    const upper = await app.ok('riskProfile.update', { id: lec.id, name: lec.name, config: { ...DEFAULT_LEC, boundary: 'UPPER_INCLUSIVE' } });
    expect(upper).toMatchObject({ version: 2, usedBy: 1 });
    const second = await app.ok('risk.assess', { riskPointId: r.id, method: 'LEC', values: { L: 1, E: 10, C: 7 }, assessedOn: '2026-10-11', assessorName: '黄志勇' });
    expect(second.assessment).toMatchObject({ score: 70, level: 'LOW', profileVersion: 2 });
    expect(second.history.map((a) => [a.level, a.profileVersion])).toEqual([['LOW', 2], ['MEDIUM', 1]]);
    const bad = expectFail(await app.call('riskProfile.update', { id: lec.id, name: lec.name, config: { ...DEFAULT_LEC, bands: DEFAULT_LEC.bands.slice(0, 3) } }));
    expect(bad).toMatchObject({ message: '最低一级的下限应为 0，使每个分值都有等级', fields: [{ path: 'config.bands' }] });
    expect(expectFail(await app.call('riskProfile.update', { id: lec.id, name: lec.name, config: DEFAULT_LS })).message).toBe('LEC 评价表需要 L、E、C 三张取值表');
  });
});

describe('the risk register', () => {
  it('identifies, scores and approves a risk point; every refusal is in Chinese and saves nothing', async () => {
    const { ws, post, head } = await plant();
    const noHazard = expectFail(await app.call('risk.create', { ...paintBooth(ws.id), hazards: [] }));
    expect(noHazard.message).toBe('请至少填写一项危险有害因素');
    const r = await app.ok('risk.create', paintBooth(ws.id, [post.id]));
    expect(r).toMatchObject({ code: 'FX-001', status: 'DRAFT', level: null, accidentTypes: ['火灾', '其它爆炸', '中毒和窒息'], postNames: ['表面处理工'] });

    const outOfTable = expectFail(await app.call('risk.assess', { riskPointId: r.id, method: 'LEC', values: { L: 4, E: 6, C: 15 }, assessedOn: '2026-10-10', assessorName: '黄志勇' }));
    expect(outOfTable).toMatchObject({ message: 'L = 4 不在评价表的取值中（可选：10、6、3、1、0.5、0.2、0.1）', fields: [{ path: 'values.L' }] });
    expect(expectFail(await app.call('risk.assess', { riskPointId: r.id, method: 'LS', values: { L: 3 }, assessedOn: '2026-10-10', assessorName: '黄志勇' })).message).toBe('请选择 S（后果严重性）的取值');
    expect(expectFail(await app.call('risk.assess', { riskPointId: r.id, method: 'DIRECT', assessedOn: '2026-10-10', assessorName: '黄志勇' })).message).toMatch(/^直接判定为重大风险须写明理由/);
    expect((await app.ok('risk.get', { id: r.id })).history).toEqual([]);

    expect(expectFail(await app.call('risk.approve', { id: r.id, approvedBy: '陈国栋', approvedOn: '2026-10-20' })).message).toBe(
      '风险点 FX-001「喷漆房」还没有管控措施，不能批准为最终结果；请先补充工程技术、管理、培训教育、个体防护或应急处置措施',
    );
    const scored = await app.ok('risk.assess', { riskPointId: r.id, method: 'LS', values: { L: 3, S: 5 }, assessedOn: '2026-10-10', assessorName: '黄志勇' });
    expect(scored).toMatchObject({ level: 'HIGH', score: 15, method: 'LS' });
    const withMeasures = await app.ok('risk.update', {
      id: r.id,
      ...paintBooth(ws.id, [post.id]),
      respUnitId: ws.id,
      respPersonId: head.id,
      measures: [
        { category: 'ENGINEERING', content: '设置可燃气体报警并与排风联锁' },
        { category: 'EMERGENCY', content: '发生泄漏立即停止作业、切断电源、疏散人员' },
      ],
    });
    const [m1, m2] = withMeasures.measures;
    const approved = await app.ok('risk.approve', { id: r.id, approvedBy: '陈国栋', approvedOn: '2026-10-20' });
    expect(approved).toMatchObject({ status: 'ACTIVE', approvedBy: '陈国栋', nextReviewOn: '2027-10-20', respPersonName: '谢斌' });
    // Editing keeps measure ids; a re-assessment is the periodic review.
    const edited = await app.ok('risk.update', { id: r.id, ...paintBooth(ws.id, [post.id]), measures: [{ id: m2!.id, category: 'EMERGENCY', content: m2!.content }, { id: m1!.id, category: 'ENGINEERING', content: '设置可燃气体报警仪并与排风机联锁（每月校验）' }] });
    expect(edited.measures.map((m) => m.id)).toEqual([m2!.id, m1!.id]);
    expect(expectFail(await app.call('risk.update', { id: r.id, ...paintBooth(ws.id), measures: [] })).message).toBe('已批准的风险点至少要保留一项管控措施');
    const reviewed = await app.ok('risk.assess', { riskPointId: r.id, method: 'DIRECT', directReason: '构成重大危险源', residualNote: '待改造', assessedOn: '2026-11-20', assessorName: '黄志勇' });
    expect(reviewed).toMatchObject({ level: 'MAJOR', nextReviewOn: '2027-11-20' });
    expect(reviewed.history.map((h) => h.method)).toEqual(['DIRECT', 'LS']);
  });

  it('filters the list and counts by level, unit and accident type', async () => {
    app = await openDemoApp();
    const all = await app.ok('risk.list', { pageSize: 100 });
    expect(all.total).toBe(40);
    expect(all.items[0]).toMatchObject({ level: 'MAJOR', name: '有限空间作业（污水池、地坑、罐体）', method: 'DIRECT' });
    const high = await app.ok('risk.list', { level: 'HIGH' });
    expect(high.items.map((r) => r.name).sort()).toEqual(['井式渗碳炉（甲醇/丙烷气氛）', '叉车作业', '桥式起重机（行车）', '配电室（高低压）'].sort());
    expect((await app.ok('risk.list', { status: 'DRAFT' })).total).toBe(3);
    expect((await app.ok('risk.list', { status: 'ARCHIVED' })).items.map((r) => r.name)).toEqual(['锯床']);
    expect((await app.ok('risk.list', { reviewOverdue: true })).items.map((r) => r.name).sort()).toEqual(['厂区道路与门卫', '食堂（燃气）'].sort());
    const electric = await app.ok('risk.list', { accidentType: '触电', pageSize: 100 });
    expect(electric.items.every((r) => r.accidentTypes.includes('触电'))).toBe(true);
    const turner = (await app.ok('post.list', { search: '车工' })).items.find((p) => p.name === '车工')!;
    expect((await app.ok('risk.forPost', { postId: turner.id })).map((r) => r.name)).toEqual(['普通车床']);
    const stats = await app.ok('risk.stats', {});
    expect(stats.byLevel).toEqual([{ level: 'MAJOR', count: 1 }, { level: 'HIGH', count: 4 }, { level: 'MEDIUM', count: 24 }, { level: 'LOW', count: 11 }]);
    expect(stats).toMatchObject({ total: 40, draft: 3, reviewOverdue: 2, unassessed: 0 });
    expect(stats.top[0]!.level).toBe('MAJOR');
  });

  it('is seeded from the library for the enterprise’s industry, with suggested scores and posts', async () => {
    const { ws, post } = await plant();
    const lib = await app.ok('risk.library', {});
    // A 工贸 enterprise without a sector gets the entries common to every 工贸 sector.
    expect(lib.length).toBeGreaterThan(15);
    expect(lib.every((e) => !e.key.startsWith('mach-'))).toBe(true);
    const keys = ['gen-confined-space', 'gen-substation'];
    const r = await app.ok('risk.importLibrary', { keys, unitId: ws.id, assessorName: '黄志勇' });
    expect(r.created.map((c) => [c.code, c.name])).toEqual([['FX-001', '有限空间作业（污水池、地坑、罐体）'], ['FX-002', '配电室（高低压）']]);
    expect(r.created[0]!.posts).toEqual([post.name]);
    const p = await app.ok('risk.get', { id: r.created[1]!.id });
    expect(p).toMatchObject({ status: 'DRAFT', level: 'HIGH', controlLevel: 'DEPARTMENT', libraryKey: 'gen-substation' });
    expect(p.assessment).toMatchObject({ method: 'LEC', score: 240, assessorName: '黄志勇' });
    expect((await app.ok('risk.library', {})).find((x) => x.key === 'gen-substation')!.used).toBe(true);
    const wrong = expectFail(await app.call('risk.importLibrary', { keys: ['gen-substation', 'no-such'], unitId: ws.id, assessorName: '黄志勇' }));
    expect(wrong.message).toBe('典型风险点库中没有「no-such」（或它不属于本企业的行业）');
    expect((await app.ok('risk.list', {})).total).toBe(2);
  });

  it('a point referenced by a print cannot be deleted, only archived; an unused draft can', async () => {
    app = await openDemoApp();
    scripted(app);
    const major = (await app.ok('risk.list', { level: 'MAJOR' })).items[0]!;
    await app.ok('print.open', { type: 'riskNoticeBoard' });
    const refused = expectFail(await app.call('risk.delete', { id: major.id }));
    expect(refused.message).toMatch(/^风险点 FX-\d+「有限空间作业（污水池、地坑、罐体）」已印在「安全风险公告栏」（2026-11-22）上，不能删除；如不再使用，请归档（历史记录保留）$/);
    const archived = await app.ok('risk.archive', { id: major.id });
    expect(archived.status).toBe('ARCHIVED');
    expect(expectFail(await app.call('risk.assess', { riskPointId: major.id, method: 'LEC', values: { L: 1, E: 1, C: 1 }, assessedOn: '2026-11-22', assessorName: 'x' })).message).toMatch(/已归档，恢复后才能评价/);
    expect((await app.ok('risk.restore', { id: major.id })).status).toBe('ACTIVE');
    // A draft that appears on the printed board (through the map) is printed too; a new one is not.
    const onMap = (await app.ok('risk.list', { status: 'DRAFT' })).items.find((r) => r.name === '试车台')!;
    expect(expectFail(await app.call('risk.delete', { id: onMap.id })).message).toMatch(/已印在「安全风险公告栏」/);
    const unit = (await app.ok('unit.list', {}))[0]!;
    const draft = await app.ok('risk.create', { name: '临时堆场', kind: 'AREA', unitId: unit.id, controlLevel: 'TEAM', identifiedOn: '2026-11-20', hazards: [{ description: '物料堆放过高', category: 'MATERIAL', accidentTypes: ['物体打击'] }] });
    await app.ok('risk.delete', { id: draft.id });
    expect(expectFail(await app.call('risk.get', { id: draft.id })).code).toBe('NOT_FOUND');
  });
});

describe('the four-colour map', () => {
  it('takes only images, needs three vertices per area, and colours each area by its highest level', async () => {
    const { ws } = await plant();
    const pdf = await app.ok('attachment.upload', { fileName: '总图.pdf', dataBase64: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64') });
    expect(expectFail(await app.call('riskMap.createPlan', { attachmentId: pdf.id, name: '总图' })).message).toBe('「总图.pdf」不是图片：平面图请上传 PNG 或 JPEG 图片（可把 CAD 总图导出为图片）');
    const notImage = expectFail(await app.call('attachment.upload', { fileName: 'plan.png', dataBase64: Buffer.from('not an image').toString('base64'), purpose: 'image' }));
    expect(notImage.message).toMatch(/不是 PNG 或 JPEG 图片/);
    const img = await app.ok('attachment.upload', { fileName: '总平面图.png', dataBase64: demoSitePlanPng().toString('base64'), purpose: 'image' });
    const plan = await app.ok('riskMap.createPlan', { attachmentId: img.id, name: '厂区总平面图' });
    expect(plan).toMatchObject({ widthPx: 1600, heightPx: 1000, areas: [] });

    const a = await app.ok('risk.create', paintBooth(ws.id));
    const b = await app.ok('risk.create', { ...paintBooth(ws.id), name: '喷砂房' });
    await app.ok('risk.assess', { riskPointId: a.id, method: 'LS', values: { L: 3, S: 5 }, assessedOn: '2026-10-10', assessorName: 'x' });
    await app.ok('risk.assess', { riskPointId: b.id, method: 'LS', values: { L: 1, S: 2 }, assessedOn: '2026-10-10', assessorName: 'x' });
    const square: [number, number][] = [[0.1, 0.1], [0.3, 0.1], [0.3, 0.3], [0.1, 0.3]];
    const twoPoints = expectFail(await app.call('riskMap.saveAreas', { planId: plan.id, areas: [{ kind: 'POLYGON', label: '喷漆房', points: square, riskPointIds: [a.id] }, { kind: 'POLYGON', label: '走廊', points: [[0.5, 0.5], [0.6, 0.6]] }] }));
    expect(twoPoints).toMatchObject({ message: '区域「走廊」只有 2 个顶点，多边形至少需要 3 个顶点', fields: [{ path: 'areas.1.points' }] });
    expect((await app.ok('riskMap.get', { id: plan.id })).areas).toEqual([]);
    const saved = await app.ok('riskMap.saveAreas', { planId: plan.id, areas: [{ kind: 'POLYGON', label: '表面处理车间', points: square, riskPointIds: [a.id, b.id] }, { kind: 'MARKER', label: '喷砂房', points: [[0.5, 0.5]], riskPointIds: [b.id] }, { kind: 'POLYGON', label: '空地', points: square }] });
    expect(saved.areas.map((x) => [x.label, x.level])).toEqual([['表面处理车间', 'HIGH'], ['喷砂房', 'LOW'], ['空地', null]]);
    expect(saved.counts).toEqual([{ level: 'MAJOR', count: 0 }, { level: 'HIGH', count: 1 }, { level: 'MEDIUM', count: 0 }, { level: 'LOW', count: 1 }]);
    expect((await app.ok('risk.get', { id: b.id })).areas.map((x) => x.label)).toEqual(['表面处理车间', '喷砂房']);
  });
});

describe('risk documents', () => {
  it('the notice board, map, ledger and post cards print from the register; the board fits one page', async () => {
    app = await openDemoApp();
    const board = await renderDocument(app.rt.app(), { type: 'riskNoticeBoard', ...noTarget });
    expect(pdfPages(board.bytes).pages).toBe(1);
    expect(board.warnings).toEqual([]);
    const t = compactText(board.bytes);
    for (const s of ['安全风险公告栏', '有限空间作业', '重大风险', '（红）', '较大风险', '（橙）', '叉车作业', '12350', '119', '安全风险四色分布图']) expect(t, s).toContain(s);
    expect(t).not.toContain('普通车床');
    const a1 = await renderDocument(app.rt.app(), { type: 'riskNoticeBoard', ...noTarget, paper: { size: 'A1', orientation: 'landscape' } });
    expect(pdfPages(a1.bytes).pages).toBe(1);

    const map = await renderDocument(app.rt.app(), { type: 'riskMap', ...noTarget });
    const { sizes } = pdfPages(map.bytes);
    expect([Math.round(sizes[0]!.width / MM), Math.round(sizes[0]!.height / MM)]).toEqual([420, 297]);
    expect(compactText(map.bytes)).toMatch(/安全风险四色分布图.*图例.*重大风险（红色）1处.*编制：赵敏/);

    const ledger = await renderDocument(app.rt.app(), { type: 'riskRegister', ...noTarget });
    expect(compactText(ledger.bytes)).toMatch(/安全风险分级管控清单全企业·共37个风险点：重大风险1个，较大风险4个/);

    const cards = await renderDocument(app.rt.app(), { type: 'postRiskCard', ...noTarget });
    expect(cards.pageCount).toBeGreaterThan(10);
    expect(compactText(cards.bytes)).toContain('岗位安全风险告知卡');
  });

  it('a 两单两卡 risk list drawn from the register follows it: a changed risk marks the printed cards 需重印', async () => {
    app = await openDemoApp();
    scripted(app);
    const turner = (await app.ok('card.posts', {})).find((p) => p.postName === '车工')!;
    const card = await app.ok('card.get', { id: turner.current!.id });
    expect(card.risk.fromRegister).toBe(true);
    expect(card.risk.items[0]).toMatchObject({ level: 'MEDIUM', statement: expect.stringMatching(/可能导致机械伤害$/) });
    await app.ok('print.open', { type: 'postCards', recordId: turner.postId });
    await app.ok('print.open', { type: 'postRiskCard', recordId: turner.postId });
    expect((await app.ok('print.stale', {})).items).toEqual([]);

    const lathe = (await app.ok('risk.forPost', { postId: turner.postId }))[0]!;
    await app.ok('risk.assess', { riskPointId: lathe.id, method: 'LEC', values: { L: 6, E: 6, C: 7 }, assessedOn: '2026-11-22', assessorName: '黄志勇' });
    expect((await app.ok('card.get', { id: turner.current!.id })).risk.items[0]!.level).toBe('HIGH');
    const stale = await app.ok('print.stale', {});
    expect(stale.items.map((i) => [i.document.type, i.changedSections]).sort()).toEqual([
      ['postCards', ['车工的两单两卡']],
      ['postRiskCard', ['车工的风险内容']],
    ]);
  });

  it('a card’s risk list can follow the register only when the post has approved risk points', async () => {
    app = await openDemoApp();
    const inspector = (await app.ok('post.list', { search: '质检员' })).items[0]!;
    const draft = await app.ok('card.createDraft', { postId: inspector.id, libraryKey: 'inspector', reason: '编制' });
    expect(expectFail(await app.call('card.riskFromRegister', { id: draft.id, fromRegister: true })).message).toBe('风险清单中还没有关联岗位「质检员」的已批准风险点；请先在风险点上选择作业岗位并批准');
    const manual = await app.ok('card.riskFromRegister', { id: draft.id, fromRegister: false });
    expect(manual.risk).toMatchObject({ fromRegister: false });
    expect(manual.risk.items.length).toBeGreaterThan(0);
  });
});
