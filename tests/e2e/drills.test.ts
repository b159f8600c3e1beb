import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { encodePng } from '../../main/modules/demo/signature.ts';
import { call, closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { drawSignature, nav } from './harness/ui.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

/** A drill-scene photo: a grey yard with an orange patch (people in high-vis vests). */
function photo(): Buffer {
  const w = 320;
  const h = 240;
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const c = x > 120 && x < 200 && y > 120 && y < 200 ? [250, 140, 20] : y < 100 ? [176, 196, 214] : [150, 150, 140];
      px[i] = c[0]!;
      px[i + 1] = c[1]!;
      px[i + 2] = c[2]!;
      px[i + 3] = 255;
    }
  }
  return encodePng(w, h, px);
}

/** A calendar date in Asia/Shanghai, `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** Closes the open drawer and waits until it has gone. */
async function closeDrawer(page: Page) {
  await page.locator('.ant-drawer-open .ant-drawer-close').click();
  await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
}

async function noDropdown(page: Page) {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
}

/** Opens the select inside `item`, types `typed`, clicks the option and waits until the item shows it. */
async function choose(page: Page, item: Locator, option: string, typed = '', tree = false) {
  await noDropdown(page);
  const optionSel = tree ? '.ant-select-tree-node-content-wrapper' : '.ant-select-item-option';
  await expect
    .poll(
      async () => {
        if (!(await page.locator('.ant-select-dropdown:visible').count())) {
          await item.locator('.ant-select').first().click();
          if (typed) await page.keyboard.type(typed);
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

const formItem = (scope: Locator, label: string) => scope.locator('.ant-form-item', { has: scope.page().getByLabel(new RegExp(`^${label}`)) });

/** The input of a control whose test id sits on the input itself or on its wrapper (pickers, number inputs). */
const inputOf = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Types into a date or time picker and commits with Enter. */
async function typePicker(page: Page, testId: string, text: string) {
  const input = inputOf(page, testId);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.fill(text);
  await input.press('Enter');
  await noDropdown(page);
  await expect.poll(() => input.inputValue(), { timeout: 15_000 }).toBe(text);
}

/** Adds a person from the roster to the participants (the search select clears after each pick). */
async function addParticipant(page: Page, name: string) {
  await noDropdown(page);
  const role = page.getByTestId(`drill-participant-role-${name}`);
  await expect
    .poll(
      async () => {
        if (!(await page.locator('.ant-select-dropdown:visible').count())) {
          await page.getByTestId('drill-participant-search').click();
          await page.keyboard.type(name);
        }
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click({ timeout: 2000 }).catch(() => {});
        return role.count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
  await noDropdown(page);
}

type Person = { id: string; name: string; unitName: string };

async function twoPeople(a: E2EApp): Promise<[Person, Person]> {
  const people = (await call(a.rt, 'person.options', { search: null })) as unknown as Person[];
  const unique = people.filter((p) => people.filter((q) => q.name.includes(p.name) || p.name.includes(q.name)).length === 1);
  return [unique[0]!, unique[1]!];
}

/** A 专项应急预案 in force: created, reviewed, signed by the principal and issued. */
async function planInForce(a: E2EApp, code: string, name: string) {
  const ent = (await call(a.rt, 'enterprise.get', {})) as unknown as { principalPersonId: string };
  const plan = (await call(a.rt, 'emergencyPlan.create', { code, name, planType: 'SPECIFIC', parentId: null, accidentTypes: ['火灾'], unitId: null, postIds: [] })) as unknown as { id: string };
  const drafted = (await call(a.rt, 'planVersion.saveDraft', {
    planId: plan.id,
    version: 'V1.0',
    reviewMethod: 'REVIEW',
    reviewedOn: day(-40),
    reviewNote: '经专家评审，预案内容完整，同意发布',
    signedById: ent.principalPersonId,
    signedOn: day(-35),
    changeSummary: null,
    riskDescription: null,
    scenarios: [],
    contacts: [{ role: '消防', name: null, phone: '119' }],
    nextRevisionOn: null,
  })) as unknown as { draftVersionId: string };
  await call(a.rt, 'planVersion.issue', { versionId: drafted.draftVersionId, issuedOn: day(-30) });
  return plan.id;
}

describe('应急演练 in the browser', () => {
  it('plan item → drill registered from it (signed, timeline, photo) → 已演练 and counted → evaluated with a problem → hazard in the ledger (source 应急演练)', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page, rt } = app;
    await waitForState(page, 'ready');
    const [a, b] = await twoPeople(app);
    const planId = await planInForce(app, 'YJ-ZX-99', '喷漆房火灾专项应急预案');
    // Treated as a 应急条例 第八条 industry: drills must also be reported to the regulator.
    await call(rt, 'emergencySettings.update', { highRiskOverride: true });
    const year = Number(day(0).slice(0, 4));
    const month = Number(day(0).slice(5, 7));
    type Compliance = { rules: { key: string; periods: { key: string; done: number; drills: { title: string }[] }[] }[] };
    const before = (await call(rt, 'drill.compliance', { year })) as unknown as Compliance;
    const yearRule = (c: Compliance) => c.rules.find((r) => r.key === 'YEAR_COMPREHENSIVE_OR_SPECIFIC')!.periods[0]!;

    // The annual plan: add an item for this month.
    await nav(app, '演练计划', 'drill-plan-page');
    await page.getByTestId('drill-compliance').locator('[data-testid^="drill-rule-"]').first().waitFor();
    await page.getByTestId('drill-item-table').locator('.ant-table-row').first().waitFor();
    await app.screenshot('120-drill-plan');
    await page.getByTestId('drill-item-new').click();
    const itemModal = page.getByTestId('drill-item-modal');
    await page.getByTestId('drill-item-scenario').waitFor();
    await choose(page, formItem(itemModal, '演练的应急预案'), '喷漆房火灾专项应急预案', '喷漆房火灾');
    await choose(page, formItem(itemModal, '计划月份'), `${month} 月`);
    await page.getByTestId('drill-item-scenario').fill('喷漆房稀释剂泄漏遇静电起火，1 名作业人员被困');
    await itemModal.getByText('单项演练', { exact: true }).click();
    await itemModal.getByText('实战演练', { exact: true }).click();
    await choose(page, formItem(itemModal, '组织部门'), '表面处理班', '', true);
    await page.getByTestId('drill-item-participants').fill('表面处理班全体、义务消防队');
    await inputOf(page, 'drill-item-budget').fill('3000');
    await page.getByTestId('drill-item-modal-ok').click();
    await page.getByTestId('drill-item-scenario').waitFor({ state: 'detached' });
    const plan = (await call(rt, 'drillPlan.get', { year })) as unknown as { items: { id: string; scenario: string; state: string }[] };
    const item = plan.items.find((i) => i.scenario.startsWith('喷漆房稀释剂泄漏'))!;
    expect(item.state).toBe('DUE');
    await expect.poll(() => page.getByTestId(`drill-item-state-${item.id}`).getAttribute('data-state'), { timeout: 15_000 }).toBe('DUE');

    // Register the drill from the item: the plan, scenario and type are carried over.
    await page.getByTestId(`drill-item-register-${item.id}`).click();
    const drawer = page.getByTestId('drill-drawer');
    await page.getByTestId('drill-form').waitFor();
    await expect.poll(() => page.getByTestId('drill-scenario').inputValue(), { timeout: 15_000 }).toContain('喷漆房稀释剂泄漏');
    expect(await formItem(drawer, '演练的应急预案').textContent()).toContain('喷漆房火灾专项应急预案');
    await typePicker(page, 'drill-start', '09:00');
    await typePicker(page, 'drill-end', '10:10');
    await page.getByTestId('drill-place').fill('表面处理班喷漆房及东侧空地');
    await page.getByTestId('drill-commander-name').fill(a.name);
    await page.getByTestId('drill-resources').fill('35 kg 推车式干粉灭火器 2 具、消防水带 2 盘、担架 1 副');
    // Participants: two from the roster, one outsider; A signs on screen, the rest on the paper sheet.
    await addParticipant(page, a.name);
    await addParticipant(page, b.name);
    await page.getByTestId('drill-participant-outsider').fill('园区消防站 李队长');
    await page.getByTestId('drill-participant-outsider-add').click();
    await page.getByTestId(`drill-participant-role-${a.name}`).fill('总指挥');
    await page.getByTestId(`drill-participant-role-${b.name}`).fill('灭火组');
    await page.getByTestId(`drill-participant-sign-${a.name}`).click();
    await drawSignature(page);
    await page.getByTestId('signature-confirm').click();
    await page.getByTestId(`drill-participant-signed-${a.name}`).locator('img').waitFor();
    await page.getByTestId('drill-participant-paper-all').click();
    await expect.poll(() => page.getByTestId('drill-participant-count').textContent(), { timeout: 15_000 }).toContain('共 3 人，已签到 3 人');
    // The timeline.
    await page.getByTestId('drill-step-add').click();
    await page.getByTestId('drill-step-time-0').fill('09:02');
    await page.getByTestId('drill-step-action-0').fill('喷漆房作业人员发现起火，按下手动报警按钮并向值班室报告');
    await page.getByTestId('drill-step-actor-0').fill(b.name);
    await page.getByTestId('drill-step-add').click();
    await page.getByTestId('drill-step-time-1').fill('09:06');
    await page.getByTestId('drill-step-action-1').fill('义务消防队到场，使用推车式灭火器灭火，救出被困人员');
    await page.getByTestId('drill-photo-input').setInputFiles({ name: '演练现场.png', mimeType: 'image/png', buffer: photo() });
    await page.getByTestId('drill-photo-list').locator('img').first().waitFor();

    // A future date is refused by main, in Chinese, next to the date.
    await typePicker(page, 'drill-date', day(1));
    await page.getByTestId('drill-save').click();
    const dateError = formItem(drawer, '演练日期').locator('.ant-form-item-explain-error', { hasText: '晚于今天，不能登记为已完成' });
    await dateError.waitFor();
    await dateError.scrollIntoViewIfNeeded();
    await app.screenshot('121-drill-future-date-refused');
    await typePicker(page, 'drill-date', day(0));
    await page.getByTestId('drill-save').click();
    const code = page.getByTestId('drill-drawer-code');
    await code.waitFor();
    const drillCode = (await code.textContent())!;
    expect(drillCode).toMatch(/^YL-\d{4}-\d{3}$/);
    await expect.poll(() => page.getByTestId('drill-missing').textContent(), { timeout: 15_000 }).toContain('演练评估');
    expect(await page.getByTestId('drill-missing').textContent()).not.toContain('未签到');
    await app.screenshot('122-drill-record');
    await page.getByTestId('drill-participants').scrollIntoViewIfNeeded();
    await app.screenshot('123-drill-participants');

    // Evaluate: the rest 好, one point 差 with its comment, one problem.
    await drawer.getByRole('tab', { name: /演练评估/ }).click();
    await page.getByTestId('drill-evaluation').waitFor();
    await app.screenshot('124-drill-evaluation-points');
    await page.getByTestId('drill-point-PROTECT-2').getByText('差', { exact: true }).click();
    await page.getByTestId('drill-point-comment-PROTECT-2').fill('集合点清点人数用时 6 分钟，超过预案要求的 3 分钟');
    await page.getByTestId('drill-eval-rest-good').click();
    await page.getByTestId('drill-eval-onsite').fill('响应迅速，灭火器使用正确；疏散清点偏慢，需要改进');
    await page.getByTestId('drill-problem-add').click();
    await page.getByTestId('drill-problem-desc-0').fill('疏散集合点清点人数用时 6 分钟，超过预案要求的 3 分钟');
    await page.getByTestId('drill-problem-cause-0').fill('没有班组人员花名册，集合点未指定清点负责人');
    await page.getByTestId('drill-problem-suggestion-0').fill('各班组在集合点配备花名册，指定班长为清点负责人，每季度开展一次疏散清点训练');
    await page.getByTestId('drill-eval-save').click();
    await page.getByTestId('drill-problem-to-hazard-1').waitFor();
    await page.getByTestId('drill-problem-to-hazard-1').click();
    const toHazard = page.getByTestId('drill-to-hazard');
    await page.getByTestId('drill-to-hazard-level').waitFor();
    await choose(page, formItem(toHazard, '责任人'), b.name, b.name);
    await page.getByTestId('drill-to-hazard-ok').click();
    const hazardLink = page.getByTestId('drill-problem-hazard-1');
    await hazardLink.waitFor();
    const hazardCode = (await hazardLink.textContent())!;
    expect(hazardCode).toMatch(/^YH-\d{4}-\d{4}$/);
    await expect.poll(() => page.getByTestId('drill-followup-1').textContent(), { timeout: 15_000 }).toContain('待整改');
    await page.getByTestId('drill-followup-1').scrollIntoViewIfNeeded();
    await app.screenshot('125-drill-evaluation-problems');

    // The summary: a draft from the record and the evaluation, saved.
    await drawer.getByRole('tab', { name: /总结报告/ }).click();
    await page.getByTestId('drill-summary').waitFor();
    await expect.poll(() => page.getByTestId('drill-summary-scheme').inputValue(), { timeout: 15_000 }).toContain('喷漆房稀释剂泄漏');
    expect(await page.getByTestId('drill-summary-improvements').inputValue()).toContain('花名册');
    await page.getByTestId('drill-summary-save').click();
    await expect.poll(() => drawer.getByRole('tab', { name: '总结报告', exact: true }).count(), { timeout: 15_000 }).toBe(1);
    // 报送监管部门.
    await page.getByTestId('drill-report').click();
    await page.getByTestId('drill-report-to').fill('江津区应急管理局');
    await page.getByTestId('drill-report-ok').click();
    await page.getByTestId('drill-reported').waitFor();
    await page.getByTestId('drill-missing-none').waitFor();
    await app.screenshot('126-drill-summary');
    await closeDrawer(page);

    // The item shows 已演练, the compliance panel counts the drill.
    await expect.poll(() => page.getByTestId(`drill-item-state-${item.id}`).getAttribute('data-state'), { timeout: 15_000 }).toBe('DONE');
    expect(await page.getByTestId(`drill-item-record-${item.id}`).textContent()).toBe(drillCode);
    const period = page.getByTestId(`drill-period-YEAR_COMPREHENSIVE_OR_SPECIFIC-${yearRule(before).key}`);
    await expect.poll(() => period.getByTestId('drill-period-done').textContent(), { timeout: 15_000 }).toBe(String(yearRule(before).done + 1));
    expect(await period.textContent()).toContain('喷漆房稀释剂泄漏');
    const after = (await call(rt, 'drill.compliance', { year })) as unknown as Compliance;
    expect(yearRule(after).drills.some((d) => d.title.includes('喷漆房稀释剂泄漏'))).toBe(true);
    await page.getByTestId('drill-compliance').scrollIntoViewIfNeeded();
    await app.screenshot('127-drill-compliance');
    await page.getByTestId('drill-plan-approve').click();
    await page.getByTestId('drill-approve-compiler').waitFor();
    await page.getByTestId('drill-approve-modal-ok').click();
    await page.getByTestId('drill-approve-compiler').waitFor({ state: 'detached' });
    expect(await page.getByTestId('drill-plan-approver').textContent()).toBeTruthy();

    // The calendar: this month holds the drill as 已演练.
    await page.getByTestId('drill-plan-view').getByText('日历').click();
    const cell = page.getByTestId(`drill-month-${month}`);
    await cell.locator('[data-kind="DONE"]', { hasText: '喷漆房稀释剂泄漏' }).waitFor();
    await page.getByTestId('drill-calendar').scrollIntoViewIfNeeded();
    await app.screenshot('128-drill-calendar');
    await cell.locator('[data-kind="DONE"]', { hasText: '喷漆房稀释剂泄漏' }).click();
    await expect.poll(() => page.getByTestId('drill-drawer-code').textContent(), { timeout: 15_000 }).toBe(drillCode);
    await closeDrawer(page);

    // The plan prints for the chosen year.
    await page.getByTestId('drill-plan-print').click();
    await page.getByTestId('print-centre').waitFor();
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('type=drillPlan');
    expect(hash).toContain(`year=${year}`);

    // The drill list.
    await nav(app, '演练记录', 'drills-page');
    await page.getByTestId(`drill-row-${drillCode}`).waitFor();
    await expect.poll(() => page.getByTestId(`drill-row-evaluated-${drillCode}`).getAttribute('data-done'), { timeout: 15_000 }).toBe('yes');
    await app.screenshot('129-drill-list');

    // The hazard is in the ledger with source 应急演练.
    await nav(app, '隐患台账', 'hazard-ledger-page');
    const row = page.getByTestId(`hazard-row-${hazardCode}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('应急演练');
    const stored = (await call(rt, 'hazard.list', { search: hazardCode })) as unknown as { items: { source: string; respPersonName: string; measures: string }[] };
    expect(stored.items[0]).toMatchObject({ source: 'DRILL', respPersonName: b.name });
    expect(stored.items[0]!.measures).toContain('花名册');
    const drill = (await call(rt, 'drill.list', { year, planId, search: null })) as unknown as { code: string; signedCount: number; participantCount: number }[];
    expect(drill[0]).toMatchObject({ code: drillCode, signedCount: 3, participantCount: 3 });
    expect(app.pageErrors).toEqual([]);
  });
});
