import { afterEach, describe, expect, it } from 'vitest';
import { demoSignaturePng } from '../../main/modules/demo/signature.ts';
import { renderDocument } from '../../main/modules/print/service.ts';
import { compactText, MM, pdfPages } from '../helpers/pdf.ts';
import { expectFail, openDemoApp, openSetupApp, scripted, type TestApp } from '../helpers/runtime.ts';

let app: TestApp;
afterEach(() => app?.close());

const ink = (name: string) => demoSignaturePng(name).toString('base64');

/** A small plant: one workshop, a turner post with two holders (one dispatched), and a principal. */
async function smallPlant() {
  app = await openSetupApp();
  const company = (await app.ok('unit.list', {}))[0]!;
  const ws = await app.ok('unit.create', { name: '机加工车间', kind: 'WORKSHOP', parentId: company.id, headPersonId: null, phone: '023-47661201', sortOrder: 1, notes: null });
  const gmPost = await app.ok('post.create', { name: '总经理', unitId: company.id, trade: null, category: 'MANAGEMENT', isSpecialOperation: false, requiredCertTypeId: null, requiredCertCategory: null, notes: null });
  const turner = await app.ok('post.create', { name: '车工', unitId: ws.id, trade: '车工', category: 'FRONTLINE', isSpecialOperation: false, requiredCertTypeId: null, requiredCertCategory: null, notes: null });
  const person = (name: string, staffNo: string, unitId: string, postId: string, employmentType: 'REGULAR' | 'DISPATCHED' = 'REGULAR') =>
    app.ok('person.create', { name, staffNo, unitId, employmentType, employerName: employmentType === 'DISPATCHED' ? '众诚人力' : null, postIds: [postId] });
  const gm = await person('陈国栋', 'YJ0001', company.id, gmPost.id);
  const a = await person('王强', 'YJ0002', ws.id, turner.id);
  const b = await person('李勇', 'PQ001', ws.id, turner.id, 'DISPATCHED');
  return { company, ws, gmPost, turner, gm, a, b };
}

describe('responsibility lists (全员安全生产责任制)', () => {
  it('one click from a template, edited, approved, versioned — and "which version was in force on date X" has an answer', async () => {
    const { turner, gm } = await smallPlant();
    const posts = await app.ok('duty.posts', {});
    expect(posts.find((p) => p.postId === turner.id)!.suggestedTemplate).toBe('operator');
    const templates = await app.ok('dutyTemplate.list', {});
    expect(templates.map((t) => t.key)).toEqual(expect.arrayContaining(['principal', 'safety_deputy', 'safety_manager', 'unit_head', 'team_leader', 'operator', 'electrician', 'welder', 'forklift_driver', 'warehouse_keeper', 'dispatched_flexible']));
    const principal = await app.ok('dutyTemplate.get', { key: 'principal' });
    expect(principal.items.slice(0, 7).map((i) => i.content)).toEqual([
      '建立健全并落实本单位全员安全生产责任制，加强安全生产标准化建设',
      '组织制定并实施本单位安全生产规章制度和操作规程',
      '组织制定并实施本单位安全生产教育和培训计划',
      '保证本单位安全生产投入的有效实施',
      '组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，督促、检查本单位的安全生产工作，及时消除生产安全事故隐患',
      '组织制定并实施本单位的生产安全事故应急救援预案',
      '及时、如实报告生产安全事故',
    ]);

    const draft = await app.ok('duty.createDraft', { postId: turner.id, templateKey: 'operator', reason: '2026 年度编制' });
    expect(draft).toMatchObject({ status: 'DRAFT', state: 'DRAFT', label: '2026 版', year: 2026, revision: 0 });
    const template = await app.ok('dutyTemplate.get', { key: 'operator' });
    expect(draft.items.map((i) => i.content)).toEqual(template.items.map((i) => i.content));

    const edited = draft.items.map(({ id: _i, itemNo: _n, ...it }) => it);
    edited[0] = { ...edited[0]!, content: '严格执行车床安全操作规程，卡盘扳手取下后方可开车' };
    const saved = await app.ok('duty.saveDraft', { id: draft.id, reason: '2026 年度编制', items: edited });
    expect(saved.items[0]!.content).toBe('严格执行车床安全操作规程，卡盘扳手取下后方可开车');

    const v1 = await app.ok('duty.approve', { id: draft.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' });
    expect(v1).toMatchObject({ status: 'APPROVED', state: 'IN_FORCE', approverName: '陈国栋', effectiveFrom: '2026-01-06', changes: null });
    expect(expectFail(await app.call('duty.saveDraft', { id: v1.id, reason: 'x', items: edited })).message).toMatch(/已于 2026-01-06 批准生效，不能再修改/);

    // A revision, effective later: the old version stays readable and answers for earlier dates.
    const rev = await app.ok('duty.createDraft', { postId: turner.id, copyCurrent: true, reason: '新增数控设备' });
    expect(rev.label).toBe('2026 版（第 1 次修订）');
    const revItems = rev.items.map(({ id: _i, itemNo: _n, ...it }) => it);
    revItems.push({ content: '参加新设备操作规程培训，考核合格后方可独立操作', category: 'TRAINING', legalBasis: null, scope: '本岗位', assessmentStandard: '未经培训独立操作的扣 5 分', weight: 5 });
    revItems[1] = { ...revItems[1]!, weight: revItems[1]!.weight - 5 };
    await app.ok('duty.saveDraft', { id: rev.id, reason: '新增数控设备', items: revItems });
    expect(expectFail(await app.call('duty.approve', { id: rev.id, approverPersonId: gm.id, effectiveFrom: '2026-01-01' })).message).toMatch(/生效日期不能早于现有版本（2026 版，2026-01-06 生效）/);
    const v2 = await app.ok('duty.approve', { id: rev.id, approverPersonId: gm.id, effectiveFrom: '2026-07-01' });
    expect(v2.changes).toEqual({ added: ['参加新设备操作规程培训，考核合格后方可独立操作'], removed: [], modified: [{ before: revItems[1]!.content, after: revItems[1]!.content }] });
    expect(v2.changesText).toBe('新增 1 条，修改 1 条');

    expect((await app.ok('duty.inForce', { postId: turner.id, date: '2026-03-01' }))!.label).toBe('2026 版');
    expect((await app.ok('duty.inForce', { postId: turner.id, date: '2026-08-01' }))!.label).toBe('2026 版（第 1 次修订）');
    expect(await app.ok('duty.inForce', { postId: turner.id, date: '2025-12-31' })).toBeNull();
    const versions = await app.ok('duty.versions', { postId: turner.id });
    expect(versions.map((v) => [v.label, v.state])).toEqual([
      ['2026 版（第 1 次修订）', 'IN_FORCE'],
      ['2026 版', 'SUPERSEDED'],
    ]);
    expect((await app.ok('duty.get', { id: v1.id })).items[0]!.content).toBe('严格执行车床安全操作规程，卡盘扳手取下后方可开车');
    // The audit trail has each step.
    const log = await app.ok('audit.list', { entityType: 'duty_list', page: 1, pageSize: 50 });
    expect(log.items.map((e) => e.summary).join('\n')).toMatch(/陈国栋 批准岗位「车工」责任清单 2026 版（第 1 次修订），2026-07-01 起执行（新增 1 条，修改 1 条）/);
  });

  it('bad input gets a clear Chinese error and nothing is written', async () => {
    const { turner, gm, a } = await smallPlant();
    const draft = await app.ok('duty.createDraft', { postId: turner.id, reason: '编制' });
    expect(draft.items).toEqual([]);
    const empty = expectFail(await app.call('duty.saveDraft', { id: draft.id, reason: '编制', items: [{ content: '  ', category: 'RULES', weight: 10 }] }));
    expect(empty.message).toBe('请填写职责内容');
    expect(empty.fields![0]!.path).toBe('items.0.content');
    expect(expectFail(await app.call('duty.saveDraft', { id: draft.id, reason: '编制', items: [] })).message).toBe('责任清单至少要有一条职责');
    expect(expectFail(await app.call('duty.approve', { id: draft.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' })).message).toBe('责任清单没有任何职责条目，不能批准');
    await app.ok('duty.saveDraft', { id: draft.id, reason: '编制', items: [{ content: '遵守操作规程', category: 'RULES', weight: 100 }] });
    const noApprover = expectFail(await app.call('duty.approve', { id: draft.id, effectiveFrom: '2026-01-06' } as never));
    expect(noApprover.message).toBe('请选择批准人');
    expect(expectFail(await app.call('duty.createDraft', { postId: turner.id, reason: '再来一份' })).message).toMatch(/已有未批准的草稿（2026 版），请继续编辑或删除后再建立/);
    expect(expectFail(await app.call('duty.acknowledge', { personId: a.id, postId: turner.id, targets: ['LIST'], method: 'PAPER' })).message).toMatch(/还没有现行的责任清单，无法签字确认/);
    expect((await app.ok('duty.get', { id: draft.id })).status).toBe('DRAFT');
  });

  it('a new version must be acknowledged again; a superseded version cannot be', async () => {
    const { turner, gm, a } = await smallPlant();
    const d1 = await app.ok('duty.createDraft', { postId: turner.id, templateKey: 'operator', reason: '编制' });
    const v1 = await app.ok('duty.approve', { id: d1.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' });
    const holders = await app.ok('duty.acknowledge', { personId: a.id, postId: turner.id, targets: ['LIST'], listId: v1.id, method: 'ON_SCREEN', signaturePngBase64: ink('王强') });
    expect(holders.find((h) => h.personId === a.id)!.listAck).toMatchObject({ method: 'ON_SCREEN', signedOn: '2026-11-22' });
    expect(expectFail(await app.call('duty.acknowledge', { personId: a.id, postId: turner.id, targets: ['LIST'], method: 'PAPER' })).message).toBe('该人员已签字确认过本岗位现行的版本，无需重复确认');

    const d2 = await app.ok('duty.createDraft', { postId: turner.id, copyCurrent: true, reason: '修订' });
    await app.ok('duty.approve', { id: d2.id, approverPersonId: gm.id, effectiveFrom: '2026-11-22' });
    expect((await app.ok('duty.holders', { postId: turner.id })).find((h) => h.personId === a.id)!.listAck).toBeNull();
    const stale = expectFail(await app.call('duty.acknowledge', { personId: a.id, postId: turner.id, targets: ['LIST'], listId: v1.id, method: 'PAPER' }));
    expect(stale.message).toBe('2026 版已被现行的2026 版（第 1 次修订）取代，请确认现行版本');
    expect(stale.fields![0]!.path).toBe('listId');
    expect(expectFail(await app.call('duty.acknowledge', { personId: a.id, postId: turner.id, targets: ['LIST'], method: 'ON_SCREEN' })).message).toBe('屏幕签名时请先手写签名');
  });

  it('paper sign-off is entered all at once or not at all, with every bad row named', async () => {
    const { turner, gmPost, gm, a, b } = await smallPlant();
    const d = await app.ok('duty.createDraft', { postId: turner.id, templateKey: 'operator', reason: '编制' });
    await app.ok('duty.approve', { id: d.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' });
    const bad = expectFail(
      await app.call('duty.acknowledgeBatch', {
        entries: [
          { personId: a.id, postId: turner.id },
          { personId: gm.id, postId: turner.id },
          { personId: b.id, postId: gmPost.id },
        ],
        targets: ['LIST'],
        signedOn: '2026-11-22',
      }),
    );
    expect(bad.message).toMatch(/^有 2 行不能录入，本次未录入任何签字：第 2 行 陈国栋：「陈国栋」目前不在岗位「车工」.*；第 3 行 李勇：「李勇」目前不在岗位「总经理」/);
    expect(bad.fields!.map((f) => f.path)).toEqual(['entries.1.personId', 'entries.2.personId']);
    expect((await app.ok('duty.holders', { postId: turner.id })).every((h) => h.listAck === null)).toBe(true);
    expect(expectFail(await app.call('duty.acknowledgeBatch', { entries: [{ personId: a.id, postId: turner.id }], targets: ['LIST'], signedOn: '2026-12-01' })).message).toMatch(/签字日期不能晚于今天/);
    const ok = await app.ok('duty.acknowledgeBatch', { entries: [{ personId: a.id, postId: turner.id }, { personId: b.id, postId: turner.id }], targets: ['LIST'], signedOn: '2026-11-22' });
    expect(ok).toEqual({ recorded: 2, alreadySigned: 0 });
  });

  it('a post with signed lists cannot be deleted; archived, its history stays readable', async () => {
    const { turner, gm, a, b } = await smallPlant();
    const d = await app.ok('duty.createDraft', { postId: turner.id, templateKey: 'operator', reason: '编制' });
    const v = await app.ok('duty.approve', { id: d.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' });
    await app.ok('duty.acknowledge', { personId: a.id, postId: turner.id, targets: ['LIST'], method: 'PAPER' });
    for (const p of [a, b]) await app.ok('person.setPosts', { id: p.id, postIds: [], effectiveDate: '2026-11-22' });
    const refused = expectFail(await app.call('post.delete', { id: turner.id }));
    expect(refused.message).toMatch(/有 2 条任职历史|已批准的责任清单 1 版/);
    await app.ok('post.archive', { id: turner.id });
    expect((await app.ok('duty.get', { id: v.id })).items.length).toBeGreaterThan(0);
    expect((await app.ok('duty.posts', {})).some((p) => p.postId === turner.id)).toBe(false);
    expect(expectFail(await app.call('duty.createDraft', { postId: turner.id, reason: '再编' })).message).toBe('岗位「车工」已归档，不能再编制责任清单');
  });

  it('a post without holders but with an approved list is refused deletion for its list alone', async () => {
    const { company, gm } = await smallPlant();
    const spare = await app.ok('post.create', { name: '环保管理员', unitId: company.id, trade: null, category: 'MANAGEMENT', isSpecialOperation: false, requiredCertTypeId: null, requiredCertCategory: null, notes: null });
    const d = await app.ok('duty.createDraft', { postId: spare.id, templateKey: 'safety_manager', reason: '编制' });
    await app.ok('duty.approve', { id: d.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' });
    expect(expectFail(await app.call('post.delete', { id: spare.id })).message).toBe('岗位「环保管理员」有已批准的责任清单 1 版，删除会丢失责任制历史；如不再使用，请将其归档（归档后历史仍可查阅）');
    // Only a draft: the post goes, and its draft with it.
    const other = await app.ok('post.create', { name: '临时岗', unitId: company.id, trade: null, category: 'MANAGEMENT', isSpecialOperation: false, requiredCertTypeId: null, requiredCertCategory: null, notes: null });
    await app.ok('duty.createDraft', { postId: other.id, templateKey: 'operator', reason: '编制' });
    await app.ok('post.delete', { id: other.id });
  });

  it('templates import all-or-nothing with the bad template and field named', async () => {
    await smallPlant();
    const bad = JSON.stringify({ templates: [{ key: 'painter', name: '油漆工', items: [{ content: '穿戴防毒口罩', category: 'HEALTH', weight: 50 }] }, { key: 'x', name: '坏模板', items: [{ content: '', category: 'NOPE', weight: 500 }] }] });
    const e = expectFail(await app.call('dutyTemplate.import', { json: bad }));
    expect(e.message).toMatch(/^模板文件有 3 处错误，未导入任何模板：第 2 个模板\.items\.0\.content：请填写职责内容；第 2 个模板\.items\.0\.category：请选择有效的职责类别；第 2 个模板\.items\.0\.weight：分值不能超过 100$/);
    expect((await app.ok('dutyTemplate.list', {})).some((t) => t.key === 'painter')).toBe(false);
    expect(expectFail(await app.call('dutyTemplate.import', { json: '{not json' })).message).toMatch(/^模板文件不是合法的 JSON/);
    expect(expectFail(await app.call('dutyTemplate.import', { json: JSON.stringify({ templates: [{ key: 'operator', name: '重名', items: [{ content: '遵守规程', category: 'RULES', weight: 100 }] }] }) })).message).toMatch(/与内置模板相同/);
    const good = await app.ok('dutyTemplate.import', { json: JSON.stringify({ templates: [{ key: 'painter', name: '油漆工', match: ['油漆', '涂装'], items: [{ content: '穿戴防毒口罩', category: 'HEALTH', weight: 100 }] }] }) });
    expect(good.imported).toEqual(['painter']);
    expect((await app.ok('dutyTemplate.list', {})).find((t) => t.key === 'painter')).toMatchObject({ source: 'IMPORTED', itemCount: 1, match: ['油漆', '涂装'] });
  });
});

describe('coverage check (岗位全覆盖)', () => {
  it('lists posts without lists, people without lists or signatures, and uncovered dispatched workers — until all is done', async () => {
    const { turner, gmPost, gm, a, b } = await smallPlant();
    let c = await app.ok('duty.coverage', {});
    expect(c.postsWithoutList.map((p) => p.postName).sort()).toEqual(['总经理', '车工']);
    expect(c.peopleWithoutList.map((p) => p.name).sort()).toEqual(['李勇', '王强', '陈国栋']);
    expect(c.flexibleNotCovered.map((p) => [p.name, p.missing])).toEqual([['李勇', '岗位无责任清单']]);

    for (const [post, key] of [[gmPost.id, 'principal'], [turner.id, 'operator']] as const) {
      const d = await app.ok('duty.createDraft', { postId: post, templateKey: key, reason: '编制' });
      await app.ok('duty.approve', { id: d.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' });
    }
    c = await app.ok('duty.coverage', {});
    expect(c.postsWithoutList).toEqual([]);
    expect(c.frontlineWithoutCards.map((p) => p.postName)).toEqual(['车工']);
    expect(c.peopleNotAcknowledged.map((p) => p.name).sort()).toEqual(['李勇', '王强', '陈国栋']);
    expect(c.posts.find((p) => p.postId === turner.id)).toMatchObject({ ok: false, problem: '没有两单两卡' });

    const card = await app.ok('card.createDraft', { postId: turner.id, libraryKey: 'turner', reason: '编制' });
    await app.ok('card.approve', { id: card.id, compiledBy: '赵敏', reviewedBy: '黄志勇', approverPersonId: gm.id, publishedOn: '2026-02-20' });
    await app.ok('duty.acknowledgeBatch', { entries: [{ personId: a.id, postId: turner.id }, { personId: b.id, postId: turner.id }, { personId: gm.id, postId: gmPost.id }], targets: ['LIST'], signedOn: '2026-11-22' });
    c = await app.ok('duty.coverage', {});
    expect(c.peopleNotAcknowledged.map((p) => [p.name, p.missing]).sort()).toEqual([
      ['李勇', '未签字确认车工的两单两卡'],
      ['王强', '未签字确认车工的两单两卡'],
    ]);
    await app.ok('duty.acknowledgeBatch', { entries: [{ personId: a.id, postId: turner.id }, { personId: b.id, postId: turner.id }], targets: ['CARDS'], signedOn: '2026-11-22' });
    c = await app.ok('duty.coverage', {});
    expect(c.summary).toEqual({ posts: 2, postsCovered: 2, people: 3, peopleCovered: 3 });
    expect(c.posts.every((p) => p.ok)).toBe(true);
    expect(c.flexibleNotCovered).toEqual([]);
  });

  it('the demo enterprise shows gaps of every kind', async () => {
    app = await openDemoApp();
    const c = await app.ok('duty.coverage', {});
    expect(c.postsWithoutList.map((p) => p.postName)).toEqual(expect.arrayContaining(['环保管理员', '质检员']));
    expect(c.postsWithoutList.find((p) => p.postName === '质检员')!.hasDraft).toBe(true);
    expect(c.frontlineWithoutCards.find((p) => p.postName === '桥式起重机司机')!.hasDraft).toBe(true);
    expect(c.peopleWithoutList.filter((p) => p.postId === null)).toHaveLength(2);
    expect(c.peopleNotAcknowledged.length).toBeGreaterThan(5);
    expect(c.flexibleNotCovered.length).toBeGreaterThan(0);
    expect(c.summary.postsCovered / c.summary.posts).toBeGreaterThan(0.4);
    expect(c.summary.peopleCovered / c.summary.people).toBeGreaterThan(0.75);
  });
});

describe('两单两卡', () => {
  it('a card set is drafted from the library, needs all four parts to publish, and is versioned', async () => {
    const { turner, gm, a } = await smallPlant();
    const lib = await app.ok('card.library', {});
    expect(lib).toHaveLength(17);
    expect((await app.ok('card.posts', {})).find((p) => p.postId === turner.id)!.suggestedLibraryKey).toBe('turner');
    const blank = await app.ok('card.createDraft', { postId: turner.id, reason: '编制' });
    const noSteps = expectFail(await app.call('card.approve', { id: blank.id, compiledBy: '赵敏', reviewedBy: '黄志勇', approverPersonId: gm.id, publishedOn: '2026-02-20' }));
    expect(noSteps.message).toBe('岗位风险清单至少要有一条风险，补充后才能发布');
    const content = { applicable: blank.applicable, ppe: ['工作服'], risk: { items: [{ statement: '有卡盘卷入的风险', accidentType: '机械伤害' as const, stage: '作业中' as const }], mnemonic: null }, duty: { items: ['遵守操作规程'], mnemonic: null }, operation: { steps: [], mnemonic: null }, emergency: { scenarios: [], mnemonic: null } };
    await app.ok('card.saveDraft', { id: blank.id, content });
    expect(expectFail(await app.call('card.approve', { id: blank.id, compiledBy: '赵敏', reviewedBy: '黄志勇', approverPersonId: gm.id, publishedOn: '2026-02-20' })).message).toBe('岗位操作卡至少要有一个操作步骤，补充后才能发布');
    const badScenario = expectFail(await app.call('card.saveDraft', { id: blank.id, content: { ...content, emergency: { scenarios: [{ scenario: '机械伤害', steps: [] }], mnemonic: null } } }));
    expect(badScenario.message).toBe('每个事故情形至少要有一个处置步骤');
    expect(expectFail(await app.call('card.saveDraft', { id: blank.id, content: { ...content, risk: { items: [{ statement: '有风险', accidentType: '被狗咬', stage: '作业中' }], mnemonic: null } } as never })).message).toBe('请选择 GB 6441 规定的事故类型');
    await app.ok('card.deleteDraft', { id: blank.id });

    const draft = await app.ok('card.createDraft', { postId: turner.id, libraryKey: 'turner', reason: '编制' });
    expect(draft.risk.items.length).toBeGreaterThanOrEqual(4);
    const v1 = await app.ok('card.approve', { id: draft.id, compiledBy: '赵敏', reviewedBy: '黄志勇', approverPersonId: gm.id, publishedOn: '2026-02-20' });
    expect(v1).toMatchObject({ state: 'CURRENT', version: 1, approvedBy: '陈国栋', nextReviewOn: '2027-02-20', reviewOverdue: false });
    await app.ok('duty.acknowledge', { personId: a.id, postId: turner.id, targets: ['CARDS'], method: 'PAPER' });
    const v2d = await app.ok('card.createDraft', { postId: turner.id, copyCurrent: true, reason: '增加防护要求' });
    await app.ok('card.saveDraft', { id: v2d.id, content: { ...v2d, ppe: [...v2d.ppe, '防护面罩'] } });
    const v2 = await app.ok('card.approve', { id: v2d.id, compiledBy: '赵敏', reviewedBy: '黄志勇', approverPersonId: gm.id, publishedOn: '2026-11-22' });
    expect(v2.version).toBe(2);
    expect((await app.ok('card.versions', { postId: turner.id })).map((c) => [c.version, c.state])).toEqual([[2, 'CURRENT'], [1, 'SUPERSEDED']]);
    expect((await app.ok('duty.holders', { postId: turner.id })).find((h) => h.personId === a.id)!.cardAck).toBeNull();
    expect(expectFail(await app.call('duty.acknowledge', { personId: a.id, postId: turner.id, targets: ['CARDS'], cardSetId: v1.id, method: 'PAPER' })).message).toBe('该版本的两单两卡已被新版本取代，请确认现行版本');
  });

  it('the post duty list can be drawn from the responsibility list; recitation checks are recorded', async () => {
    const { turner, gm, a } = await smallPlant();
    const card = await app.ok('card.createDraft', { postId: turner.id, libraryKey: 'turner', reason: '编制' });
    expect(expectFail(await app.call('card.dutiesFromList', { id: card.id })).message).toMatch(/还没有现行的责任清单/);
    const d = await app.ok('duty.createDraft', { postId: turner.id, templateKey: 'operator', reason: '编制' });
    const list = await app.ok('duty.approve', { id: d.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' });
    const fromList = await app.ok('card.dutiesFromList', { id: card.id });
    expect(fromList.duty.items[0]).toBe(list.items[0]!.content);
    expect(expectFail(await app.call('card.recordCheck', { postId: turner.id, personId: a.id, checkedOn: '2026-11-22', checkerName: '赵敏', passed: true })).message).toBe('该岗位还没有已发布的两单两卡，无法抽查');
    await app.ok('card.approve', { id: card.id, compiledBy: '赵敏', reviewedBy: '黄志勇', approverPersonId: gm.id, publishedOn: '2026-02-20' });
    expect(expectFail(await app.call('card.recordCheck', { postId: turner.id, personId: a.id, checkedOn: '2026-11-22', checkerName: '赵敏', passed: false })).message).toBe('未通过时请写明哪一部分没有说清楚，便于复训');
    const checks = await app.ok('card.recordCheck', { postId: turner.id, personId: a.id, checkedOn: '2026-11-22', checkerName: '赵敏', passed: false, notes: '应急处置步骤说不清' });
    expect(checks).toEqual([expect.objectContaining({ personName: '王强', passed: false, version: 1, notes: '应急处置步骤说不清' })]);
    expect((await app.ok('card.posts', {})).find((p) => p.postId === turner.id)!.checks).toEqual({ total: 1, passed: 0 });
  });
});

describe('assessment (考核)', () => {
  it('scores each item against the list in force at the period end; deductions need reasons; a veto fails; results per unit', async () => {
    const { turner, gm, a, b } = await smallPlant();
    const d = await app.ok('duty.createDraft', { postId: turner.id, templateKey: 'operator', reason: '编制' });
    await app.ok('duty.saveDraft', { id: d.id, reason: '编制', items: [{ content: '遵守操作规程', category: 'RULES', weight: 60 }, { content: '正确佩戴劳动防护用品', category: 'HEALTH', weight: 40 }] });
    await app.ok('duty.approve', { id: d.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' });
    expect(expectFail(await app.call('assessment.createPeriod', { kind: 'QUARTER', year: 2026, seq: 5 })).message).toBe('季度应在 1–4 之间');
    expect(expectFail(await app.call('assessment.createPeriod', { kind: 'YEAR', year: 2027, seq: 1 })).message).toBe('「2027 年度」尚未开始，不能建立考核');
    const q3 = await app.ok('assessment.createPeriod', { kind: 'QUARTER', year: 2026, seq: 3 });
    expect(q3).toMatchObject({ label: '2026 年第三季度', startDate: '2026-07-01', endDate: '2026-09-30', status: 'OPEN' });
    expect(expectFail(await app.call('assessment.createPeriod', { kind: 'QUARTER', year: 2026, seq: 3 })).message).toBe('已有「2026 年第三季度」考核周期');

    const rows = await app.ok('assessment.people', { periodId: q3.id });
    expect(rows.filter((r) => r.postId === turner.id).map((r) => [r.name, r.maxScore, r.grade])).toEqual([['李勇', 100, null], ['王强', 100, null]]);
    const sheet = await app.ok('assessment.sheet', { periodId: q3.id, personId: a.id, postId: turner.id });
    const [i1, i2] = sheet.items;
    const base = { periodId: q3.id, personId: a.id, postId: turner.id, assessorName: '黄志勇', assessedOn: '2026-10-08' };
    expect(expectFail(await app.call('assessment.saveSheet', { ...base, scores: [{ itemId: i1!.itemId, score: 61 }] })).message).toBe('第 1 条得分 61 超过该条分值 60');
    const noReason = expectFail(await app.call('assessment.saveSheet', { ...base, scores: [{ itemId: i1!.itemId, score: 55 }] }));
    expect(noReason.message).toBe('第 1 条扣了 5 分，请写明扣分原因');
    expect(noReason.fields![0]!.path).toBe('scores.0.deductionReason');
    expect(expectFail(await app.call('assessment.saveSheet', { ...base, assessedOn: '2026-06-30', scores: [{ itemId: i1!.itemId, score: 60 }] })).message).toBe('考核日期不能早于考核周期开始日（2026-07-01）');
    const partial = await app.ok('assessment.saveSheet', { ...base, scores: [{ itemId: i1!.itemId, score: 55, deductionReason: '班前会记录缺 2 次', evidence: '班组台账' }] });
    expect(partial.row).toMatchObject({ score: 55, scoredItems: 1, totalItems: 2, grade: null });
    const full = await app.ok('assessment.saveSheet', { ...base, scores: [{ itemId: i1!.itemId, score: 55, deductionReason: '班前会记录缺 2 次' }, { itemId: i2!.itemId, score: 40 }] });
    expect(full.row).toMatchObject({ score: 95, percent: 95, grade: '优秀' });
    const vetoed = await app.ok('assessment.saveSheet', { ...base, personId: b.id, vetoReason: '发生轻伤事故', scores: [{ itemId: i1!.itemId, score: 60 }, { itemId: i2!.itemId, score: 40 }] });
    expect(vetoed.row).toMatchObject({ percent: 100, grade: '不合格', vetoReason: '发生轻伤事故' });

    const res = await app.ok('assessment.results', { periodId: q3.id });
    expect(res.grades).toEqual({ excellent: 90, pass: 70 });
    expect(res.units.find((u) => u.unitName === '机加工车间')).toMatchObject({ people: 2, assessed: 2, averagePercent: 97.5, excellent: 1, pass: 0, fail: 1 });
    await app.ok('settings.update', { assessmentGrades: { excellent: 96, pass: 80 } });
    expect((await app.ok('assessment.results', { periodId: q3.id })).units.find((u) => u.unitName === '机加工车间')).toMatchObject({ excellent: 0, pass: 1, fail: 1 });
    expect(expectFail(await app.call('settings.update', { assessmentGrades: { excellent: 70, pass: 80 } })).message).toBe('合格分数线应低于优秀分数线');

    await app.ok('assessment.closePeriod', { id: q3.id });
    expect(expectFail(await app.call('assessment.saveSheet', { ...base, scores: [{ itemId: i1!.itemId, score: 60 }] })).message).toBe('「2026 年第三季度」考核已结束，不能再修改评分');
  });
});

describe('printing the responsibility documents', () => {
  it('pocket cards are 85.5×54 two-sided per post; long content moves to A6 with a warning; everything carries the fingerprint', async () => {
    app = await openDemoApp();
    const units = await app.ok('unit.list', {});
    const turning = units.find((u) => u.name === '车削班')!;
    const r = await renderDocument(app.rt.app(), { type: 'postCards', recordId: null, unitId: turning.id, level: null, onlyUnsigned: false });
    const { pages, sizes } = pdfPages(r.bytes);
    expect(pages).toBe(4);
    for (const s of sizes) expect([Math.round(s.width / MM * 10) / 10, Math.round(s.height / MM * 10) / 10]).toEqual([85.5, 54]);
    expect(r.warnings).toEqual([]);
    const text = compactText(r.bytes);
    expect(text).toContain('岗位风险清单');
    expect(text).toContain('岗位应急处置卡');
    expect(text).toContain(`指纹${r.fingerprint.slice(0, 4)}${r.fingerprint.slice(4, 8)}`);
    expect(text).toContain('火警119');

    const forklift = (await app.ok('card.posts', {})).find((p) => p.postName === '叉车司机')!;
    const long = await renderDocument(app.rt.app(), { type: 'postCards', recordId: forklift.postId, unitId: null, level: null, onlyUnsigned: false });
    expect(long.warnings).toEqual([expect.stringMatching(/^「叉车司机」的两单两卡内容较多，85\.5×54 mm 卡片排不下，已自动改用 A6（横向）排版/)]);
    const big = pdfPages(long.bytes);
    expect(big.pages).toBe(2);
    expect(Math.round(big.sizes[0]!.width / MM)).toBe(148);

    const board = await renderDocument(app.rt.app(), { type: 'postCardBoard', recordId: null, unitId: turning.id, level: null, onlyUnsigned: false });
    expect(pdfPages(board.bytes).pages).toBe(2);
    expect(Math.round(pdfPages(board.bytes).sizes[0]!.width / MM)).toBe(420);
  });

  it('a list or card changed after printing is marked 需重印', async () => {
    app = await openDemoApp();
    scripted(app);
    const turner = (await app.ok('card.posts', {})).find((p) => p.postName === '车工')!;
    await app.ok('print.open', { type: 'postCards', recordId: turner.postId });
    const dutyPost = (await app.ok('duty.posts', {})).find((p) => p.postName === '车工')!;
    await app.ok('print.open', { type: 'dutyList', recordId: dutyPost.current!.id });
    await app.ok('print.open', { type: 'dutyAckSheet', unitId: dutyPost.unitId });
    expect((await app.ok('print.stale', {})).items).toEqual([]);

    const draft = await app.ok('card.createDraft', { postId: turner.postId, copyCurrent: true, reason: '补充防护' });
    await app.ok('card.saveDraft', { id: draft.id, content: { ...draft, ppe: [...draft.ppe, '防护面罩'] } });
    const gm = (await app.ok('enterprise.get', {})).principalPersonId!;
    await app.ok('card.approve', { id: draft.id, compiledBy: '赵敏', reviewedBy: '黄志勇', approverPersonId: gm, publishedOn: '2026-11-22' });
    const stale = await app.ok('print.stale', {});
    expect(stale.items.map((i) => [i.document.type, i.changedSections])).toEqual([['postCards', ['车工的两单两卡']]]);
    // An old list version stays as printed: only the current version's print would change.
    expect(stale.checked).toBe(2);
  });

  it('lists, the 公示 board, sign-off sheets, assessment sheets and the result notice render', async () => {
    app = await openDemoApp();
    const list = await renderDocument(app.rt.app(), { type: 'dutyList', recordId: null, unitId: null, level: null, onlyUnsigned: false });
    expect(list.omitted[0]).toMatch(/^3 个岗位没有现行责任清单，未打印：/);
    expect(compactText(list.bytes)).toContain('岗位安全生产责任清单');
    const pub = await renderDocument(app.rt.app(), { type: 'dutyPublicity', recordId: null, unitId: null, level: null, onlyUnsigned: false });
    expect(pdfPages(pub.bytes).pages).toBeGreaterThanOrEqual(15);
    expect(compactText(pub.bytes)).toContain('安全生产举报投诉热线12350');
    const sheet = await renderDocument(app.rt.app(), { type: 'dutyAckSheet', recordId: null, unitId: null, level: null, onlyUnsigned: true });
    expect(compactText(sheet.bytes)).toContain('本人签字');
    const period = (await app.ok('assessment.periods', {}))[0]!;
    const notice = await renderDocument(app.rt.app(), { type: 'assessmentNotice', recordId: period.id, unitId: null, level: null, onlyUnsigned: false });
    expect(compactText(notice.bytes)).toMatch(/一票否决（本季度发生轻伤事故/);
  });
});
