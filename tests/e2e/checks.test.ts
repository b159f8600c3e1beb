import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { call, closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { nav } from './harness/ui.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

/** Opens a select by its test id (or the control inside a labelled form item) and clicks an option. */
async function pickOption(app: E2EApp, select: ReturnType<E2EApp['page']['locator']>, option: string | RegExp, typed = '') {
  const { page } = app;
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await select.click();
  if (typed) await page.keyboard.type(typed);
  const opt = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await opt.waitFor();
  await opt.click();
}

/** Picks a node of a tree select (units). */
async function pickTree(app: E2EApp, select: ReturnType<E2EApp['page']['locator']>, name: RegExp) {
  const { page } = app;
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await select.click();
  const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: name }).first();
  await node.waitFor();
  await node.click();
}

describe('隐患排查 in the browser', () => {
  it('plan from a risk point’s measures → today’s task → keyboard entry with one 不合格 → the hazard is created', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');

    // 检查计划: the demo plans, then a new one.
    await nav(app, '检查计划', 'check-plans-page');
    await page.getByTestId('check-plan-table').locator('.ant-table-row').first().waitFor();
    await app.screenshot('90-check-plans');

    await page.getByTestId('check-plan-new').click();
    const drawer = page.getByTestId('check-plan-drawer');
    await drawer.waitFor();
    await page.getByTestId('check-plan-name').fill('喷漆房岗位日检查（测试）');
    await pickOption(app, page.getByTestId('check-plan-tier'), '日检查');
    // The tier brings its default frequency from the settings.
    await expect.poll(() => drawer.locator('.ant-form-item', { has: page.getByTestId('check-plan-frequency') }).textContent()).toContain('每天');
    // Checked every day, so the test does not depend on today being a working day.
    await page.getByTestId('check-plan-skip').click();
    await pickTree(app, drawer.getByLabel('负责单位', { exact: true }), /表面处理/);
    await pickOption(app, drawer.getByLabel('负责人', { exact: true }), /./);
    const risks = (await call(app.rt, 'risk.list', { status: 'ACTIVE', pageSize: 500 })) as unknown as { items: { id: string; code: string; name: string; measureCount: number }[] };
    const point = risks.items.find((r) => r.measureCount >= 2)!;
    await pickOption(app, page.getByTestId('check-plan-scope-risks'), `${point.code} ${point.name}`, point.code);
    await page.keyboard.press('Escape');
    await page.getByTestId('check-plan-draft').click();
    await page.getByTestId('check-plan-item-0').waitFor();
    const drafted = await drawer.locator('[data-testid^="check-plan-item-content-"]').count();
    expect(drafted).toBe(point.measureCount);
    // Generating again adds nothing twice.
    await page.getByTestId('check-plan-draft').click();
    await page.locator('.ant-message-notice', { hasText: '都已在检查表中' }).first().waitFor();
    expect(await drawer.locator('[data-testid^="check-plan-item-content-"]').count()).toBe(drafted);
    await app.screenshot('91-check-plan-editor');
    await page.getByTestId('check-plan-save').click();
    await page.locator('.ant-message-notice', { hasText: '已建立检查计划' }).first().waitFor();
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('check-plan-row-喷漆房岗位日检查（测试）').waitFor();

    // 排查任务: today's task of the new plan.
    await nav(app, '排查任务', 'check-board');
    const row = page.getByTestId('check-task-table').locator('.ant-table-row', { hasText: '喷漆房岗位日检查（测试）' });
    await row.waitFor();
    await app.screenshot('92-check-board');
    await row.click();
    const entry = page.getByTestId('check-entry');
    await entry.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('check-row-0');

    // Keyboard entry from the paper sheet: row 1 合格 (Enter), row 2 不合格 (2 → remark → Enter), the rest 合格 (1).
    await page.keyboard.press('Enter');
    await page.keyboard.press('2');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('check-remark-1');
    await page.keyboard.type('喷漆房排风机联锁失效，报警后风机未启动');
    await page.keyboard.press('Enter');
    for (let i = 2; i < drafted; i++) await page.keyboard.press('1');
    await expect.poll(() => page.getByTestId('check-row-1').getAttribute('data-result')).toBe('FAIL');
    await expect.poll(() => page.getByTestId('check-counts').textContent()).toContain('不合格1');
    await app.screenshot('93-check-entry');
    await page.getByTestId('check-save').click();

    const saved = page.getByTestId('check-saved-alert');
    await saved.waitFor();
    await expect.poll(() => saved.textContent()).toContain('已自动登记 1 条隐患');
    await app.screenshot('94-check-saved');
    const link = saved.locator('a').first();
    const href = (await link.getAttribute('href'))!.replace(/^#/, '');
    expect(href).toMatch(/^\/hazards\?id=/);
    const hazardId = decodeURIComponent(href.split('=')[1]!);
    const hazard = (await call(app.rt, 'hazard.get', { id: hazardId })) as { description: string; status: string };
    expect(hazard.description).toContain('排风机联锁失效');
    expect(hazard.status).toBe('PENDING');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('check-record-drawer').waitFor({ state: 'detached' });

    // The record stays open (未闭环) until the hazard is closed.
    await nav(app, '检查记录', 'check-records-page');
    await page.getByText('只看未闭环', { exact: true }).click();
    await expect.poll(() => page.locator('.ant-checkbox-wrapper-checked', { hasText: '只看未闭环' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('check-records-table').locator('.ant-table-row', { hasText: '无隐患' }).count()).toBe(0);
    const rec = page.getByTestId('check-records-table').locator('.ant-table-row', { hasText: '喷漆房岗位日检查（测试）' });
    await rec.waitFor();
    expect(await rec.textContent()).toContain('未闭环');
    await app.screenshot('95-check-records');
    await rec.click();
    await page.getByTestId('check-record-view').waitFor();
    await app.screenshot('96-check-record-view');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();

    await nav(app, '检查执行率', 'check-compliance-page');
    await page.getByTestId('check-compliance-table').locator('.ant-table-row').first().waitFor();
    await app.screenshot('97-check-compliance');

    // Settings: the working calendar loads the statutory holidays into the editor.
    await nav(app, '排查治理设置', 'hazard-settings-page');
    await page.getByTestId('hazard-settings-form').waitFor();
    await page.getByTestId('calendar-table').waitFor();
    const hadRows = (await page.getByTestId('calendar-table').locator('.ant-table-row').count()) > 0;
    await page.getByTestId('calendar-defaults').click();
    if (hadRows) await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.locator('.ant-message-notice', { hasText: '法定节假日' }).first().waitFor();
    await page.getByTestId('calendar-card').scrollIntoViewIfNeeded();
    await app.screenshot('98-hazard-settings-calendar');
    await page.getByTestId('calendar-save').click();
    await page.locator('.ant-message-notice', { hasText: '工作日历已保存' }).first().waitFor();

    // A missed check made up: the board's 漏检 tab.
    await nav(app, '排查任务', 'check-board');
    await page.getByTestId('check-stat-missed').click();
    await expect.poll(() => page.locator('.ant-tabs-tab-active').textContent()).toContain('漏检');
    await page.getByTestId('check-task-table').locator('.ant-table-row').first().waitFor();
    await app.screenshot('99-check-board-missed');

    // The hazard link opens the ledger.
    await page.evaluate((h) => (location.hash = `#${h}`), href);
    await page.getByTestId('hazard-ledger-page').waitFor();
    expect(app.pageErrors).toEqual([]);
  }, 180_000);

  it('a paper sheet’s task code opens its entry, and saving with unanswered rows is refused with the rows marked', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    const board = (await call(app.rt, 'checkTask.board', {})) as unknown as { dueToday: { id: string; itemCount: number }[]; missed: { id: string }[] };
    const task = board.dueToday.find((t) => t.itemCount > 2) ?? board.missed[0]!;
    await nav(app, '排查任务', 'check-board');
    await page.getByTestId('check-sheet-code').locator('input').fill(`  ${task.id} `);
    await page.getByTestId('check-sheet-code').locator('input').press('Enter');
    await page.getByTestId('check-entry').waitFor();
    await page.getByTestId('check-row-0').waitFor();
    await page.keyboard.press('1');
    await page.getByTestId('check-save').click();
    await page.locator('.ant-message-notice', { hasText: '没有填写检查结果' }).first().waitFor();
    await expect.poll(() => page.locator('tr.is-unanswered.is-flagged').count()).toBeGreaterThan(0);
    // 全部合格 then the exception.
    await page.getByTestId('check-all-pass').click();
    await expect.poll(() => page.getByTestId('check-counts').textContent()).toContain('已全部填写');
    await page.getByTestId('check-row-1').focus();
    await page.keyboard.press('2');
    await page.getByTestId('check-save').click();
    await expect.poll(() => page.getByTestId('check-row-error-1').textContent()).toContain('请写明不合格的具体情况');
    await page.keyboard.type('灭火器压力不足');
    await page.getByTestId('check-save').click();
    await page.getByTestId('check-saved-alert').waitFor();

    // An unknown code gets a Chinese message.
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('check-record-drawer').waitFor({ state: 'detached' });
    await page.getByTestId('check-sheet-code').locator('input').fill('不存在的任务码');
    await page.getByTestId('check-sheet-code').locator('input').press('Enter');
    await page.locator('.ant-message-notice', { hasText: '没有任务码为' }).first().waitFor().catch(async (e) => {
      await app.screenshot('89-debug-code');
      throw e;
    });
    expect(app.pageErrors).toEqual([]);
  });
});
