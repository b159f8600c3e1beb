import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { call, closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { nav } from './harness/ui.ts';

let app: E2EApp;

/** A calendar day in Asia/Shanghai, `offset` days from today. */
const day = (offset: number) => {
  const d = new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** Polls for up to 15 s (the default second is too short for a mutation and its refetch). */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** Waits until no select dropdown is open (a closing one would match option clicks too). */
async function noDropdown(page: Page) {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
}

/** Opens the select inside a form item, clicks the option once the dropdown has settled, and retries until the item shows it. */
async function choose(page: Page, item: Locator, option: string, typed = '') {
  await noDropdown(page);
  await expect
    .poll(
      async () => {
        if (!(await page.locator('.ant-select-dropdown:visible').count())) {
          await item.locator('.ant-select').first().click();
          if (typed) await page.keyboard.type(typed);
          await page.waitForTimeout(300);
        }
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click({ timeout: 2000 }).catch(() => {});
        return item.locator('.ant-select-content, .ant-select-selection-item').first().textContent();
      },
      { timeout: 20_000 },
    )
    .toContain(option);
  if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
  await noDropdown(page);
}

const itemByTestId = (page: Page, testId: string) => page.locator('.ant-form-item', { has: page.getByTestId(testId) }).last();
const itemByLabel = (page: Page, scope: string, label: string) => page.getByTestId(scope).locator('.ant-form-item', { has: page.getByLabel(new RegExp(`^${label}`)) });

/** The text box carrying a test id, or inside the element that carries it (antd puts ids on wrappers for some inputs). */
const field = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input, [data-testid="${testId}"] textarea`).first();

/** Types a date into an antd DatePicker and confirms it. */
async function setDate(page: Page, testId: string, value: string) {
  const input = field(page, testId);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
  await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
}

/** The dialog carrying a test id (its root has no box of its own). */
const modal = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-modal');

/** Takes a screenshot without the passing toasts (they would cover drawer titles) once no dialog is still moving. */
async function shot(a: E2EApp, name: string) {
  await until(() => a.page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave').count()).toBe(0);
  const style = await a.page.addStyleTag({ content: '.ant-message { visibility: hidden !important; }' });
  await a.screenshot(name);
  await style.evaluate((el) => (el as Element).remove());
}

/** Shown messages (toasts) contain `text`. */
const toast = (page: Page, text: string) => page.locator('.ant-message-notice', { hasText: text }).first().waitFor();

type Plan = { id: string; code: string; versions: { id: string; version: string; status: string; filing: { state: string } | null }[] };

describe('应急预案与应急处置卡 in the browser', () => {
  // One demo data folder for both flows (the settings do not touch the plans); a fresh one costs seconds.
  beforeAll(async () => {
    app = await launchApp({ seed: 'demo' });
    await waitForState(app.page, 'ready');
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('a 现场处置方案 from creation to issue, late filing, a revision trigger, the post’s 应急处置卡 and a revision that makes the card stale', async () => {
    const { page, rt } = app;
    const posts = (await call(rt, 'post.options', {})) as unknown as { id: string; name: string; unitName: string }[];
    const post = posts.find((p) => p.name === '电焊工')!;

    // The demo's plans are listed; a link with ?id= opens one.
    const [zh] = (await call(rt, 'emergencyPlan.list', { search: 'YJ-ZH-01' })) as unknown as Plan[];
    await page.goto(`${app.url}#/emergency/plans?id=${zh!.id}`);
    await waitForState(page, 'ready');
    await until(() => page.getByTestId('plan-drawer-code').textContent()).toBe('YJ-ZH-01');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await until(() => page.getByTestId('plan-drawer').count()).toBe(0);

    // Create the 现场处置方案 in the UI.
    await nav(app, '应急预案', 'emergency-plans-page');
    await page.getByTestId('plan-new').click();
    await modal(page, 'plan-form-modal').waitFor();
    await field(page, 'plan-form-code').fill('YJ-XC-08');
    await field(page, 'plan-form-name').fill('电焊作业触电事故现场处置方案');
    await choose(page, itemByTestId(page, 'plan-form-parent'), 'YJ-ZH-01');
    await choose(page, itemByTestId(page, 'plan-form-accidents'), '触电', '触电');
    await choose(page, itemByLabel(page, 'plan-form-modal', '关键岗位'), post.name, post.name);
    await shot(app, '111-emergency-plan-create');
    await page.getByTestId('plan-form-modal-ok').click();

    // The V1.0 draft: review, risk description, a scenario with two steps, a contact; no signature date yet.
    await page.getByTestId('version-form').waitFor();
    await until(() => page.getByTestId('plan-drawer-code').textContent()).toBe('YJ-XC-08');
    await page.getByTestId('version-form-method').getByText('评审', { exact: true }).click();
    await setDate(page, 'version-form-reviewed', day(-70));
    await field(page, 'version-form-change').fill('首次编制');
    await field(page, 'version-form-risk').fill('电焊机外壳漏电、焊钳绝缘破损或在潮湿、金属容器内焊接时可能发生触电；焊渣飞溅可能引燃周边可燃物。');
    await page.getByTestId('version-scenarios-add').click();
    await field(page, 'version-scenarios-0-scenario').fill('发生触电');
    await field(page, 'version-scenarios-0-step-0').fill('立即切断电焊机电源，大声呼救并报告班长');
    await page.getByTestId('version-scenarios-0-add-step').click();
    await field(page, 'version-scenarios-0-step-1').fill('脱离电源后立即进行心肺复苏，拨打 120');
    await field(page, 'version-scenarios-0-cautions').fill('未断电前严禁直接用手拉触电者');
    await page.getByTestId('version-contacts-add').click();
    await field(page, 'version-contacts-0-role').fill('维修班长');
    await field(page, 'version-contacts-0-phone').fill('13800001111');
    await page.locator('.ant-drawer-open .ant-drawer-body').evaluate((e) => e.scrollTo(0, 0));
    await shot(app, '112-emergency-plan-draft');

    // The draft's files come through main's file dialog; one is opened, the other removed (drafts only).
    const dir = join(app.dataDir, 'to-pick');
    mkdirSync(dir, { recursive: true });
    const files = ['预案文本.pdf', '评审意见.pdf'].map((name, i) => {
      const file = join(dir, name);
      writeFileSync(file, `%PDF-1.4\n% ${name} ${i}\n%%EOF\n`);
      return file;
    });
    app.platform.toPick.push(files);
    await page.getByTestId('version-files-V1.0-add').click();
    const fileRows = page.getByTestId('version-files-V1.0').getByTestId('version-files-V1.0-row');
    await until(() => fileRows.count()).toBe(2);
    await fileRows.filter({ hasText: '预案文本.pdf' }).getByTestId('version-files-V1.0-open').click();
    await until(() => app.platform.opened.map((f) => f.split(/[\\/]/).pop())).toEqual(['预案文本.pdf']);
    await fileRows.filter({ hasText: '评审意见.pdf' }).getByTestId('version-files-V1.0-remove').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await until(() => fileRows.count()).toBe(1);

    // 保存并发布 without the signature date: main refuses and says what is missing.
    await page.getByTestId('version-form-issue').click();
    await modal(page, 'plan-issue-modal').waitFor();
    await setDate(page, 'plan-issue-date', day(-60));
    await page.getByTestId('plan-issue-modal-ok').click();
    await until(() => page.getByTestId('plan-issue-modal-error').textContent()).toContain('主要负责人签署');
    await until(() => page.getByTestId('plan-issue-modal-ok').getAttribute('class')).not.toContain('ant-btn-loading');
    await shot(app, '113-emergency-plan-issue-refused');
    await page.getByTestId('plan-issue-modal').getByRole('button', { name: /^取\s*消$/ }).click();
    await until(() => modal(page, 'plan-issue-modal').count()).toBe(0);

    // Signed, then issued 60 days ago.
    await setDate(page, 'version-form-signed', day(-65));
    await page.getByTestId('version-form-issue').click();
    await modal(page, 'plan-issue-modal').waitFor();
    await setDate(page, 'plan-issue-date', day(-60));
    await page.getByTestId('plan-issue-modal-ok').click();
    await page.getByTestId('plan-versions').waitFor();
    await until(() => page.getByTestId('version-V1.0-filing').getAttribute('data-state')).toBe('OVERDUE');
    await until(() => page.getByTestId('version-V1.0-filing').textContent()).toMatch(/^备案逾期 \d+ 个工作日$/);

    // Filing dated before the issue is refused on its field; today's (late) filing is recorded as 逾期备案.
    await page.getByTestId('version-V1.0-file').click();
    await modal(page, 'plan-filing-modal').waitFor();
    await setDate(page, 'plan-filing-date', day(-62));
    await field(page, 'plan-filing-authority').fill('示范区应急管理局');
    await page.getByTestId('plan-filing-modal-ok').click();
    await until(() => page.getByTestId('plan-filing-modal').locator('.ant-form-item-explain-error').first().textContent()).toContain('不能早于预案发布日期');
    await setDate(page, 'plan-filing-date', day(0));
    await field(page, 'plan-filing-receipt-no').fill('BA-2025-118');
    await page.getByTestId('plan-filing-modal-ok').click();
    await until(() => modal(page, 'plan-filing-modal').count()).toBe(0);
    await until(() => page.getByTestId('version-V1.0-filing').textContent()).toBe('逾期备案');
    await until(() => page.getByTestId('plan-drawer-filing').getAttribute('data-state')).toBe('FILED_LATE');
    await shot(app, '114-emergency-plan-versions');

    // A revision trigger: the plan turns 待修订.
    await page.getByTestId('plan-add-trigger').click();
    await modal(page, 'plan-trigger-modal').waitFor();
    await choose(page, itemByTestId(page, 'plan-trigger-kind'), '重要应急资源发生重大变化');
    await field(page, 'plan-trigger-description').fill('维修车间新增 2 台逆变焊机，断电操作和联系电话需要调整');
    await setDate(page, 'plan-trigger-due', day(30));
    await page.getByTestId('plan-trigger-modal-ok').click();
    await until(() => modal(page, 'plan-trigger-modal').count()).toBe(0);
    await page.getByRole('tab', { name: /修订事项/ }).click();
    await until(() => page.getByTestId('plan-trigger-table').locator('[data-testid="trigger-open"]').count()).toBe(1);
    await shot(app, '115-emergency-plan-triggers');
    await page.getByRole('tab', { name: '概况' }).click();
    await page.getByTestId('plan-current').waitFor();
    await shot(app, '116-emergency-plan-overview');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await until(() => page.getByTestId('plan-drawer').count()).toBe(0);
    await page.evaluate(() => document.scrollingElement?.scrollTo(0, 0));

    await page.getByTestId('plan-filter-type').getByText(/^现场处置方案/).click();
    await until(() => page.getByTestId('plan-table').locator('.ant-tag', { hasText: '综合预案' }).count()).toBe(0);
    const row = page.getByTestId('plan-table').locator('.ant-table-row', { hasText: 'YJ-XC-08' });
    await until(() => row.getByTestId('plan-filing-YJ-XC-08').textContent()).toBe('逾期备案');
    await until(() => row.textContent()).toContain('待修订');
    await shot(app, '110-emergency-plans');

    // The post's card: generated from the plan in force, then edited.
    await nav(app, '应急处置卡', 'emergency-cards-page');
    await page.getByTestId('card-generate').click();
    await modal(page, 'card-generate-modal').waitFor();
    await choose(page, itemByTestId(page, 'card-generate-plan'), 'YJ-XC-08');
    await until(() => itemByLabel(page, 'card-generate-modal', '岗位').textContent()).toContain(post.name);
    await page.getByTestId('card-generate-modal-ok').click();
    await page.getByTestId('card-form').waitFor();
    await until(() => field(page, 'card-scenarios-0-scenario').inputValue()).toBe('发生触电');
    await field(page, 'card-title').fill(`${post.name}触电事故应急处置卡`);
    await field(page, 'card-scenarios-0-step-1').fill('脱离电源后立即心肺复苏，同时拨打 120');
    await until(() => page.getByTestId('card-preview').textContent()).toContain('同时拨打 120');
    await page.getByTestId('card-save').click();
    await toast(page, '已保存');
    await shot(app, '118-emergency-card-editor');

    // From the card back to its plan: revision V2.0 starts from V1.0's content; issuing it closes the trigger and makes the card stale.
    await page.getByTestId('card-editor').getByRole('link', { name: /YJ-XC-08/ }).click();
    await until(() => page.getByTestId('plan-drawer-code').textContent()).toBe('YJ-XC-08');
    await page.getByTestId('plan-new-revision').click();
    await page.getByTestId('version-form-new').waitFor();
    await until(() => field(page, 'version-form-version').inputValue()).toBe('V2.0');
    await until(() => field(page, 'version-scenarios-0-scenario').inputValue()).toBe('发生触电');
    await setDate(page, 'version-form-reviewed', day(-2));
    await setDate(page, 'version-form-signed', day(-1));
    await field(page, 'version-form-change').fill('新增 2 台逆变焊机，调整断电步骤');
    await field(page, 'version-scenarios-0-step-0').fill('立即关闭逆变焊机和配电箱电源，大声呼救并报告班长');
    await page.getByTestId('version-form-issue').click();
    await modal(page, 'plan-issue-modal').waitFor();
    await page.getByTestId('plan-issue-modal-ok').click();
    await page.getByTestId('plan-versions').waitFor();
    await until(() => page.getByTestId('version-V1.0').textContent()).toContain('已被替代');
    await until(() => page.getByTestId('version-V2.0-filing').getAttribute('data-state')).toBe('PENDING');
    await page.getByRole('tab', { name: /修订事项/ }).click();
    await until(() => page.getByTestId('plan-trigger-table').textContent()).toContain('已修订');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await until(() => page.getByTestId('plan-drawer').count()).toBe(0);

    await nav(app, '应急处置卡', 'emergency-cards-page');
    await page.getByTestId(`card-row-${post.name}`).waitFor();
    await until(() => page.getByTestId('card-table').locator('.ant-table-row', { hasText: post.name }).getByTestId('card-stale-tag').count()).toBe(1);
    await shot(app, '117-emergency-cards');

    const cards = (await call(rt, 'emergencyCard.list', { planId: null, postId: post.id })) as unknown as { title: string; revision: number; stale: boolean; sourceVersion: string; scenarios: { steps: string[] }[]; contacts: { phone: string }[] }[];
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ title: `${post.name}触电事故应急处置卡`, revision: 2, stale: true, sourceVersion: 'V1.0' });
    expect(cards[0]!.scenarios[0]!.steps).toEqual(['立即切断电焊机电源，大声呼救并报告班长', '脱离电源后立即心肺复苏，同时拨打 120']);
    expect(cards[0]!.contacts.map((c) => c.phone)).toEqual(expect.arrayContaining(['13800001111', '119', '120']));
    const [xc] = (await call(rt, 'emergencyPlan.list', { search: 'YJ-XC-08' })) as unknown as Plan[];
    const plan = (await call(rt, 'emergencyPlan.get', { id: xc!.id })) as unknown as {
      versions: { version: string; status: string; filing: { state: string } | null; scenarios: { steps: string[] }[]; files: { originalName: string }[] }[];
      triggers: { resolvedVersion: string | null }[];
      openTriggers: number;
    };
    expect(plan.versions.map((v) => [v.version, v.status, v.filing?.state])).toEqual([
      ['V2.0', 'IN_FORCE', 'PENDING'],
      ['V1.0', 'SUPERSEDED', 'FILED_LATE'],
    ]);
    expect(plan.versions[1]!.files.map((f) => f.originalName)).toEqual(['预案文本.pdf']);
    expect(plan.versions[0]!.scenarios[0]!.steps[1]).toBe('脱离电源后立即进行心肺复苏，拨打 120');
    expect(plan).toMatchObject({ openTriggers: 0, triggers: [{ resolvedVersion: 'V2.0' }] });
    expect(app.pageErrors).toEqual([]);
  });

  it('emergency settings: filing days, a drill rule and the 第八条 override survive a reload', async () => {
    const { page, rt } = app;
    // The dashboard's card of the demo: plans, this year's drills against the rules, training gaps.
    await nav(app, '工作台', 'dashboard');
    const card = page.getByTestId('dashboard-emergency');
    await card.locator('.ant-statistic').first().waitFor();
    await until(() => card.textContent()).toContain('每半年至少组织一次现场处置方案演练');
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('140-dashboard-emergency');
    await nav(app, '应急管理设置', 'emergency-settings-page');
    await page.getByTestId('emergency-settings-form').waitFor();
    const before = (await call(rt, 'emergencySettings.get', {})) as unknown as { highRisk: boolean };

    await field(page, 'em-settings-filing').fill('15');
    await page.getByTestId('em-rule-1-enabled').click();
    await page.getByTestId('em-settings-override').getByText(before.highRisk ? '认定为否' : '认定为是', { exact: true }).click();
    await choose(page, itemByTestId(page, 'em-settings-industries'), '交通运输', '交通');
    await page.getByTestId('em-settings-save').click();
    await toast(page, '应急管理设置已保存');
    await until(() => page.getByTestId('em-settings-high-risk').getAttribute('data-high-risk')).toBe(before.highRisk ? '0' : '1');
    await until(() => page.getByTestId('em-settings-basis').textContent()).toContain('已在设置中认定');

    const after = (await call(rt, 'emergencySettings.get', {})) as unknown as { filingWorkdays: number; drillRules: { enabled: boolean }[]; reportIndustries: string[]; highRiskOverride: boolean | null; highRisk: boolean };
    expect(after).toMatchObject({ filingWorkdays: 15, highRiskOverride: !before.highRisk, highRisk: !before.highRisk });
    expect(after.drillRules[1]!.enabled).toBe(false);
    expect(after.reportIndustries).toContain('TRANSPORT');

    await page.reload();
    await waitForState(page, 'ready');
    await page.getByTestId('emergency-settings-form').waitFor();
    await until(() => field(page, 'em-settings-filing').inputValue()).toBe('15');
    await until(() => itemByTestId(page, 'em-settings-industries').textContent()).toContain('交通运输');
    await until(() => page.getByTestId('em-rule-1').textContent()).toContain('已停用');
    await page.getByTestId('em-settings-high-risk').scrollIntoViewIfNeeded();
    await shot(app, '119-emergency-settings');
    expect(app.pageErrors).toEqual([]);
  });
});
