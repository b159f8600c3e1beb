import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { encodePng } from '../../main/modules/demo/signature.ts';
import { call, closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { nav, waitForPreview } from './harness/ui.ts';
import { compactText } from '../helpers/pdf.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

/** A small site photo: a grey floor with a coloured patch (red before, green after the fix). */
function photo(rgb: [number, number, number]): Buffer {
  const w = 320;
  const h = 240;
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const inPatch = x > 110 && x < 210 && y > 70 && y < 170;
      const c = inPatch ? rgb : y > 180 ? [120, 120, 110] : [190, 195, 200];
      px[i] = c[0]!;
      px[i + 1] = c[1]!;
      px[i + 2] = c[2]!;
      px[i + 3] = 255;
    }
  }
  return encodePng(w, h, px);
}

const day = (offset: number) => {
  const d = new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** Waits until no select dropdown is open (a closing one would match option clicks too). */
async function noDropdown(page: Page) {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
}

/**
 * Chooses an option of the select inside a form item: opens it, types `typed`
 * (searchable selects), clicks the option once the dropdown has settled, and
 * retries until the item shows the choice (antd's dropdown animates open).
 */
async function choose(page: Page, item: Locator, option: string, typed = '', tree = false) {
  await noDropdown(page);
  const optionSel = tree ? '.ant-select-tree-node-content-wrapper' : '.ant-select-item-option';
  await expect
    .poll(
      async () => {
        if (!(await page.locator('.ant-select-dropdown:visible').count())) {
          await item.locator('.ant-select').first().click();
          if (typed) await page.keyboard.type(typed);
          await page.waitForTimeout(300);
        }
        await page.locator(`.ant-select-dropdown:visible ${optionSel}`, { hasText: option }).first().click({ timeout: 2000 }).catch(() => {});
        return item.locator('.ant-select-content, .ant-select-selection-item').first().textContent();
      },
      { timeout: 20_000 },
    )
    .toContain(option);
  if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
  await noDropdown(page);
}

const itemByLabel = (page: Page, scopeTestId: string, label: string) => page.getByTestId(scopeTestId).locator('.ant-form-item', { has: page.getByLabel(new RegExp(`^${label}`)) });
const itemByTestId = (page: Page, testId: string) => page.locator('.ant-form-item', { has: page.getByTestId(testId) });

const pickByLabel = (page: Page, scopeTestId: string, label: string, option: string, typed = '') => choose(page, itemByLabel(page, scopeTestId, label), option, typed);
const pickByTestId = (page: Page, testId: string, option: string) => choose(page, itemByTestId(page, testId), option);
const pickUnit = (page: Page, scopeTestId: string, label: string, name: string) => choose(page, itemByLabel(page, scopeTestId, label), name, '', true);

async function open(seed: 'demo'): Promise<E2EApp> {
  const a = await launchApp({ seed });
  await waitForState(a.page, 'ready');
  return a;
}

type Person = { id: string; name: string };

async function twoPeople(a: E2EApp): Promise<[Person, Person]> {
  const people = (await call(a.rt, 'person.options', { search: null })) as unknown as Person[];
  // Names unique among the options, so typing one finds exactly that person.
  const unique = people.filter((p) => people.filter((q) => q.name.includes(p.name) || p.name.includes(q.name)).length === 1);
  return [unique[0]!, unique[1]!];
}

describe('隐患排查治理 in the browser', () => {
  it('the closed loop: plan → today’s task → a record with one 不合格 → hazard → rectified by A → re-inspected by B → 销号 → the ledger PDF shows it', async () => {
    app = await open('demo');
    const { page, rt } = app;
    const [a, b] = await twoPeople(app);
    // A daily plan on one approved risk point's measures (its creation in the UI is covered in checks.test.ts).
    const risks = (await call(rt, 'risk.list', { status: 'ACTIVE', pageSize: 500 })) as unknown as { items: { id: string; unitId: string; measureCount: number }[] };
    const point = risks.items.find((r) => r.measureCount >= 3)!;
    const draft = (await call(rt, 'checkPlan.draftItems', { riskPointIds: [point.id] })) as unknown as { items: Record<string, unknown>[] };
    const plan = (await call(rt, 'checkPlan.create', {
      name: '闭环验证日检查',
      tier: 'DAY',
      frequency: 'DAILY',
      skipNonWorkdays: false,
      unitId: point.unitId,
      responsiblePersonId: a.id,
      ledByPrincipal: false,
      startsOn: day(0),
      scope: { riskPointIds: [point.id] },
      items: draft.items.map(({ riskPointCode: _c, riskPointName: _n, riskLevel: _l, ...i }) => i),
    })) as unknown as { items: unknown[] };

    // Today's task, entered by keyboard: row 1 不合格 with its finding, the rest 合格.
    await nav(app, '排查任务', 'check-board');
    await page.getByTestId('check-task-table').locator('.ant-table-row', { hasText: '闭环验证日检查' }).click();
    await page.getByTestId('check-entry').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('check-row-0');
    await page.keyboard.press('2');
    await page.keyboard.type('防护装置缺失，现场未设置警示标识');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('check-row-0').getAttribute('data-result')).toBe('FAIL');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('check-row-1');
    for (let i = 1; i < plan.items.length; i++) await page.keyboard.press('1');
    // Rows the keys did not reach (the keyboard path itself is covered in checks.test.ts) are passed in one go.
    const allPass = page.getByTestId('check-all-pass');
    if (await allPass.isEnabled()) await allPass.click();
    await expect.poll(() => page.getByTestId('check-counts').textContent()).toContain('已全部填写');
    await expect.poll(() => page.getByTestId('check-counts').textContent()).toContain('不合格1');
    await page.getByTestId('check-save').click();
    const saved = page.getByTestId('check-saved-alert');
    await saved.waitFor();
    await expect.poll(() => saved.textContent()).toContain('已自动登记 1 条隐患');
    const href = (await saved.locator('a').first().getAttribute('href'))!.replace(/^#/, '');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();

    // The hazard: complete the 五落实, issue the notice, A rectifies, B re-inspects and closes.
    await page.evaluate((h) => (location.hash = `#${h}`), href);
    await page.getByTestId('hazard-drawer').waitFor();
    const code = (await page.getByTestId('hazard-drawer-code').textContent())!;
    await page.getByRole('tab', { name: '登记信息和五落实' }).click();
    await page.getByTestId('hazard-measures').fill('补装防护装置并设置警示标识，班前点检确认');
    await pickByLabel(page, 'hazard-five', '责任人', a.name, a.name);
    await page.getByTestId('hazard-save').click();
    await page.getByTestId('hazard-start').click();
    await page.getByTestId('hazard-start-modal-ok').click();
    await expect.poll(() => page.getByTestId('hazard-drawer-status').textContent(), { timeout: 15_000 }).toBe('整改中');
    await page.getByTestId('hazard-submit').click();
    await page.getByTestId('hazard-submit-modal').getByText(a.name).first().waitFor();
    await page.getByTestId('hazard-submit-note').fill('防护装置已补装，警示标识已设置');
    await page.getByTestId('hazard-submit-photo-input').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: photo([40, 170, 70]) });
    await page.getByTestId('hazard-submit-photo-list').locator('img').first().waitFor();
    await page.getByTestId('hazard-submit-modal-ok').click();
    await expect.poll(() => page.getByTestId('hazard-drawer-status').textContent(), { timeout: 15_000 }).toBe('待复查');
    await page.getByTestId('hazard-reinspect').click();
    await pickByLabel(page, 'hazard-reinspect-modal', '复查人', b.name, b.name);
    await page.getByTestId('hazard-reinspect-opinion').fill('整改到位，同意销号');
    await page.getByTestId('hazard-reinspect-modal-ok').click();
    await expect.poll(() => page.getByTestId('hazard-drawer-status').textContent(), { timeout: 15_000 }).toBe('已销号');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();

    // The ledger, printed from the ledger page, lists it as closed.
    await page.getByTestId('hazard-print-ledger').click();
    await page.getByTestId('print-centre').waitFor();
    await waitForPreview(page);
    await page.getByTestId('print-save').click();
    await expect.poll(() => app.platform.saved.length).toBe(1);
    const text = compactText(app.platform.saved[0]!);
    expect(text).toContain('隐患排查治理台账');
    // Its first table line carries the number, the closing date and the status; wrapped cell text follows further down.
    expect(text.slice(text.indexOf(code), text.indexOf(code) + 120)).toContain(`${day(0)}已销号`);
    // (Cell text wraps, and pdftotext interleaves wrapped lines of neighbouring cells, so longer texts are not compared.)
    expect(text).toContain(b.name);
    const stored = (await call(rt, 'hazard.list', { search: code })) as unknown as { items: { status: string; reinspectorName: string; measures: string }[] };
    expect(stored.items[0]).toMatchObject({ status: 'CLOSED', reinspectorName: b.name, measures: '补装防护装置并设置警示标识，班前点检确认' });
    expect(app.pageErrors).toEqual([]);
  });

  it('register an ad-hoc hazard → notice → fixed by A → A may not re-inspect → B passes and closes → ledger shows 已销号', async () => {
    app = await open('demo');
    const { page } = app;
    const [a, b] = await twoPeople(app);

    await nav(app, '隐患台账', 'hazard-ledger-page');
    await page.getByTestId('hazard-new').click();
    await page.getByTestId('hazard-form').waitFor();
    await pickUnit(page, 'hazard-form', '所在单位', '数控班');
    await page.getByTestId('hazard-location').fill('数控班 3 号加工中心');
    await page.getByTestId('hazard-description').fill('3 号加工中心防护门联锁开关被短接，开门状态下主轴仍可启动');
    await pickByTestId(page, 'hazard-kind', '物的不安全状态');
    await pickByTestId(page, 'hazard-scope', '现场管理');
    await expect.poll(() => page.getByTestId('hazard-default-deadline').textContent()).toContain(day(15));
    await page.getByTestId('hazard-photo-input').setInputFiles({ name: '联锁被短接.png', mimeType: 'image/png', buffer: photo([200, 40, 40]) });
    await page.getByTestId('hazard-photo-list').locator('img').first().waitFor();
    await page.getByTestId('hazard-measures').fill('拆除短接线，恢复防护门联锁并做开门停机试验；对短接行为按制度考核');
    await pickUnit(page, 'hazard-five', '责任单位', '数控班');
    await pickByLabel(page, 'hazard-five', '责任人', a.name, a.name);
    await page.getByTestId('hazard-interim').fill('整改前停用 3 号加工中心并挂牌');
    await app.screenshot('100-hazard-register');
    await page.getByTestId('hazard-save').click();
    const code = page.getByTestId('hazard-drawer-code');
    await code.waitFor();
    const hazardCode = (await code.textContent())!;
    expect(hazardCode).toMatch(/^YH-\d{4}-\d{4}$/);
    await expect.poll(() => page.getByTestId('hazard-drawer-status').textContent(), { timeout: 15_000 }).toBe('待整改');

    // 下发整改通知.
    await page.getByTestId('hazard-start').click();
    await page.getByTestId('hazard-start-modal-ok').click();
    await expect.poll(() => page.getByTestId('hazard-drawer-status').textContent(), { timeout: 15_000 }).toBe('整改中');

    // 整改完成 by A (the responsible person is proposed as rectifier).
    await page.getByTestId('hazard-submit').click();
    const submitModal = page.getByTestId('hazard-submit-modal');
    await submitModal.getByText(a.name).first().waitFor();
    await page.getByTestId('hazard-submit-note').fill('已拆除短接线，恢复联锁，开门停机试验 10 次均有效');
    await page.getByTestId('hazard-submit-photo-input').setInputFiles({ name: '整改后.png', mimeType: 'image/png', buffer: photo([40, 170, 70]) });
    await page.getByTestId('hazard-submit-photo-list').locator('img').first().waitFor();
    await page.getByTestId('hazard-submit-modal-ok').click();
    await expect.poll(() => page.getByTestId('hazard-drawer-status').textContent(), { timeout: 15_000 }).toBe('待复查');

    // 复查 by A himself: refused by main with its Chinese message.
    await page.getByTestId('hazard-reinspect').click();
    await pickByLabel(page, 'hazard-reinspect-modal', '复查人', a.name, a.name);
    await page.getByTestId('hazard-reinspect-opinion').fill('联锁有效，同意销号');
    await page.getByTestId('hazard-reinspect-modal-ok').click();
    // Shown next to the 复查人 field.
    const error = page.getByTestId('hazard-reinspect-modal').locator('.ant-form-item-explain-error', { hasText: '复查人不能是整改人本人' });
    await error.waitFor();
    await app.screenshot('101-hazard-reinspect-refused');

    // 复查 by B: passes and closes (合格并销号 is ticked by default).
    await pickByLabel(page, 'hazard-reinspect-modal', '复查人', b.name, b.name);
    await expect.poll(() => page.getByRole('checkbox', { name: /合格并销号/ }).isChecked()).toBe(true);
    await page.getByTestId('hazard-reinspect-modal-ok').click();
    await expect.poll(() => page.getByTestId('hazard-drawer-status').textContent(), { timeout: 15_000 }).toBe('已销号');
    await page.getByTestId('hazard-closed-alert').waitFor();
    await page.getByTestId('hazard-photos').locator('img').nth(1).waitFor();
    await page.getByTestId('hazard-photos').scrollIntoViewIfNeeded();
    await app.screenshot('102-hazard-closed');

    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    const row = page.getByTestId('hazard-table').locator('.ant-table-row', { has: page.getByTestId(`hazard-row-${hazardCode}`) });
    await expect.poll(() => row.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('CLOSED');
    expect(await row.textContent()).toContain('已销号');
    expect(await row.textContent()).toContain(b.name);

    const stored = (await call(app.rt, 'hazard.list', { search: hazardCode })) as unknown as { items: { status: string; rectifierName: string; reinspectorName: string; closedOn: string }[] };
    expect(stored.items[0]).toMatchObject({ status: 'CLOSED', rectifierName: a.name, reinspectorName: b.name, closedOn: day(0) });
    expect(app.pageErrors).toEqual([]);
  });

  it('the demo ledger, a 重大 hazard with its treatment plan, statistics, the notice centre and the dashboard', async () => {
    app = await open('demo');
    const { page, rt } = app;
    const [a, b] = await twoPeople(app);
    const units = (await call(rt, 'unit.list', {})) as unknown as { id: string; name: string }[];
    const unit = (n: string) => units.find((u) => u.name === n)!.id;
    const ent = (await call(rt, 'enterprise.get', {})) as unknown as { principal: { id: string; name: string } };

    // A 重大 hazard from the criteria library, with plan, approval and report, being rectified.
    const lib = (await call(rt, 'checkLibrary.get', {})) as unknown as { criteria: { code: string; group: string; text: string }[] };
    const criterion = lib.criteria.find((c) => c.group === 'SPECIAL') ?? lib.criteria[0]!;
    const base = { riskPointId: null, photoIds: [], funds: null, interimMeasures: null, deadline: null, criteriaCode: null };
    const major = (await call(rt, 'hazard.create', {
      ...base,
      source: 'MONTH',
      unitId: unit('表面处理班'),
      location: '抛光除尘间',
      description: '铝镁粉尘湿式除尘器未设置防止氢气积聚的措施，除尘系统与抛光工位未分区',
      kind: 'THING',
      scope: 'SITE',
      level: 'GENERAL',
      criteriaCode: criterion.code,
      foundByName: '王安全、刘工',
      foundOn: day(-20),
      measures: '除尘器加装氢气泄放口和排风，改造除尘管道分区，停用期间抛光工序停产',
      respUnitId: unit('热处理车间'),
      respPersonId: a.id,
      funds: 86000,
      deadline: day(25),
      interimMeasures: '抛光工序停产；除尘间设警戒区和警示牌，每班巡查',
    })) as unknown as { id: string };
    await call(rt, 'hazard.saveTreatment', {
      id: major.id,
      treatment: {
        presentState: '抛光除尘间湿式除尘器无泄氢设施，铝镁粉尘遇水产生氢气易在箱体积聚；除尘系统与抛光工位未分区。原因为设备选型时未考虑遇湿自燃金属粉尘特性。',
        harm: '可能发生粉尘爆炸或氢气爆炸，影响抛光间 6 名作业人员；需停产改造除尘系统，技术难度中等，需外委专业单位设计。',
        goals: '30 日内完成除尘系统改造，消除氢气积聚和粉尘爆炸风险，通过专家验收后恢复生产。',
        methods: '1. 除尘器顶部加装泄氢口和防爆风机；2. 管道按工位分区并加装隔爆阀；3. 更新除尘系统操作规程并培训。',
        fundsMaterials: '预算 8.6 万元，从安全生产费用列支；泄氢装置、隔爆阀由设备动力部采购。',
        organisation: '总经理牵头，设备动力部负责实施，安全环保部监督，外委重庆某环保工程公司设计施工。',
        timeLimit: `${day(-10)} 开工，${day(25)} 前完工并组织验收。`,
        safetyMeasures: '改造期间抛光工序停产；动火作业办理审批；现场设警戒区；执行粉尘爆炸专项应急预案。',
      },
    });
    await call(rt, 'hazard.approveTreatment', { id: major.id, approvedById: ent.principal.id, approvedOn: day(-18) });
    await call(rt, 'hazard.report', { id: major.id, reportedOn: day(-17), reportedTo: '江津区应急管理局、公司职工代表大会' });
    await call(rt, 'hazard.start', { id: major.id });

    // An overdue one escalated to the principal, one due soon, one waiting for re-inspection.
    const overdue = (await call(rt, 'hazard.create', {
      ...base,
      source: 'WEEK',
      unitId: unit('叉车班'),
      location: '成品库 2 号通道',
      description: '2 号叉车倒车报警器损坏，倒车时无声光提示',
      kind: 'THING',
      scope: 'SITE',
      level: 'GENERAL',
      foundByName: '叉车班长',
      foundOn: day(-30),
      measures: '更换倒车报警器',
      respUnitId: unit('叉车班'),
      respPersonId: a.id,
      deadline: day(-12),
    })) as unknown as { id: string };
    await call(rt, 'hazard.start', { id: overdue.id });
    const soon = (await call(rt, 'hazard.create', {
      ...base,
      source: 'REPORT',
      unitId: unit('装配一班'),
      location: '装配线 5 工位',
      description: '员工反映气动扳手软管接头老化漏气，存在甩管伤人风险',
      kind: 'THING',
      scope: 'SITE',
      level: 'GENERAL',
      foundByName: '装配一班员工',
      foundOn: day(-5),
      measures: '更换软管和快速接头，加装防甩保险绳',
      respUnitId: unit('装配一班'),
      respPersonId: b.id,
      deadline: day(2),
    })) as unknown as { id: string };
    await call(rt, 'hazard.start', { id: soon.id });
    const review = (await call(rt, 'hazard.create', {
      ...base,
      source: 'ADHOC',
      unitId: unit('电工班'),
      location: '配电室',
      description: '配电室绝缘垫破损，局部缺失',
      kind: 'THING',
      scope: 'SITE',
      level: 'GENERAL',
      foundByName: '王安全',
      foundOn: day(-3),
      measures: '更换 10 kV 绝缘垫',
      respUnitId: unit('电工班'),
      respPersonId: b.id,
    })) as unknown as { id: string };
    await call(rt, 'hazard.submit', { id: review.id, rectifierId: b.id, rectifiedOn: day(-1), rectifyNote: '已更换绝缘垫 12 m²', photoIds: [] });

    await page.reload();
    await waitForState(page, 'ready');
    await page.getByTestId('dashboard-hazards').locator('.ant-statistic').first().waitFor();
    await app.screenshot('103-dashboard-hazards');

    await nav(app, '隐患台账', 'hazard-ledger-page');
    await page.getByTestId('hazard-table').locator('.ant-table-row').first().waitFor();
    await app.screenshot('104-hazard-ledger');
    await page.getByTestId('hazard-chip-OVERDUE').click();
    const table = page.getByTestId('hazard-table');
    await expect
      .poll(async () => {
        const n = await table.locator('.ant-table-row').count();
        return n > 0 && n === (await table.locator('.ant-table-row.sl-hazard-row-overdue').count());
      }, { timeout: 10_000 })
      .toBe(true);
    await table.getByText('已上报主要负责人').first().waitFor();
    await app.screenshot('105-hazard-ledger-overdue');

    await page.goto(`${app.url}#/hazards?id=${major.id}`);
    await page.getByTestId('hazard-overview').waitFor();
    await app.screenshot('106-hazard-major');
    await page.getByRole('tab', { name: /治理方案/ }).click();
    await page.getByTestId('hazard-treatment-approved').waitFor();
    await app.screenshot('107-hazard-major-treatment');
    await page.getByRole('tab', { name: /全过程记录/ }).click();
    await page.getByTestId('hazard-timeline').waitFor();
    await page.locator('.ant-drawer-open .ant-drawer-close').click();

    await nav(app, '隐患统计', 'hazard-stats-page');
    await page.getByTestId('hazard-stats-kpis').waitFor();
    await page.getByTestId('hazard-stats-majors').locator('.ant-table-row').first().waitFor();
    await app.screenshot('108-hazard-stats');

    await page.getByTestId('notice-bell').click();
    await page.getByTestId('notice-drawer').locator('[data-testid="notice-item"]').first().waitFor();
    await app.screenshot('109-notice-centre');
    await page.getByTestId('notice-group-danger').getByTestId('notice-item').first().click();
    await page.getByTestId('hazard-drawer').waitFor();

    // 导出 Excel with the ledger's filters.
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('hazard-export').click();
    await expect.poll(() => app.platform.saved.length, { timeout: 15_000 }).toBe(1);
    await page.locator('.ant-message-notice', { hasText: '已导出' }).first().waitFor();
    expect(app.platform.saved[0]).toMatch(/\.xlsx$/);
    expect(app.pageErrors).toEqual([]);
  });
});
