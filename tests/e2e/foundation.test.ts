import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc/dispatch.ts';
import { closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { chooseUnit, nav } from './harness/ui.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

describe('the demo enterprise in the browser', () => {
  it('every foundation screen works on the demo data', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    await page.getByTestId('cert-gaps').waitFor();
    // The dashboard shows what needs attention now.
    await expect.poll(() => page.getByTestId('cert-gaps').locator('.ant-tag', { hasText: '重大事故隐患' }).count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('posts-without-holders').textContent()).toContain('环保管理员');
    await app.screenshot('10-dashboard-demo');

    await nav(app, '企业信息', 'enterprise-page');
    await expect.poll(() => page.getByLabel('企业名称').inputValue()).toBe('重庆渝江精密机械有限公司');
    await app.screenshot('11-enterprise');

    await nav(app, '组织机构', 'org-page');
    await page.locator('.ant-tree-node-content-wrapper', { hasText: '机加工车间' }).click();
    await page.getByText('重庆渝江精密机械有限公司 / 机加工车间').waitFor();
    await app.screenshot('12-org');

    await nav(app, '岗位', 'posts-page');
    await page.locator('.ant-table-row', { hasText: '维修电工' }).first().waitFor();
    await app.screenshot('13-posts');
    await page.locator('.ant-table-row', { hasText: '维修电工' }).first().click();
    await page.locator('.ant-drawer').getByText('名在岗人员没有有效证书').waitFor();
    await page.locator('.ant-drawer .ant-table-row').first().waitFor();
    await app.screenshot('14-post-drawer-uncertified');
    await page.locator('.ant-drawer-close').click();

    await nav(app, '从业人员', 'people-page');
    await page.locator('.ant-table-row').first().waitFor();
    const firstRow = await page.locator('.ant-table-row').first().textContent();
    expect(firstRow).toMatch(/\d{4}\*{10}[\dX]{4}/);
    await app.screenshot('15-people');

    await nav(app, '持证管理', 'certificates-page');
    await page.locator('.ant-table-row').first().waitFor();
    await app.screenshot('16-certificates');

    await nav(app, '操作日志', 'audit-page');
    await page.locator('.ant-table-row').first().waitFor();
    await app.screenshot('17-audit');

    await nav(app, '系统设置', 'settings-page');
    await page.getByText('赵敏').first().waitFor();
    await page.getByRole('tab', { name: '证书类型与规则' }).click();
    await page.getByText('特种作业操作证').first().waitFor();
    await app.screenshot('18-settings-cert-types');
    expect(app.pageErrors).toEqual([]);
  });

  it('people: masked ID revealed on request and audited; duplicate staff number shown at the field', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    await nav(app, '从业人员', 'people-page');
    await page.getByTestId('people-search').locator('input').fill('陈国栋');
    await page.getByTestId('people-search').locator('input').press('Enter');
    await page.locator('.ant-table-row', { hasText: '陈国栋' }).click();
    const idCell = page.getByTestId('person-id-number');
    await idCell.waitFor();
    expect(await idCell.textContent()).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    await page.getByTestId('person-reveal-id').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect.poll(() => idCell.textContent()).toMatch(/^\d{17}[\dX]$/);
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await app.screenshot('20-person-drawer-revealed');
    const audit = await dispatch(app.rt, 'audit.list', { action: 'REVEAL' });
    expect(audit.ok && (audit.value as { total: number }).total).toBe(1);
    await page.locator('.ant-drawer-close').click();

    await page.getByTestId('person-new').click();
    const form = page.getByTestId('person-form');
    await form.getByLabel('姓名').fill('新员工');
    await form.getByLabel('工号').fill('YJ0001');
    await chooseUnit(page, form, '车削班');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const err = form.locator('.ant-form-item-explain-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/^工号「YJ0001」已被「.+」使用，请换一个工号$/);
    await app.screenshot('21-person-duplicate-staff-no');
    await form.getByLabel('工号').fill('YJ9001');
    await form.getByLabel('身份证号').fill('500116199001011231');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const msg = page.locator('.ant-message-notice', { hasText: '身份证号校验位不正确' });
    await msg.waitFor();
    await form.getByLabel('身份证号').fill('');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-drawer-title', { hasText: '新员工' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('posts: deleting a post people hold is refused with the reason; nothing changes', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    await nav(app, '岗位', 'posts-page');
    await page.locator('.ant-table-row', { hasText: '叉车司机' }).click();
    await page.getByTestId('post-delete').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    const msg = page.locator('.ant-message-notice', { hasText: '名在岗人员' });
    await msg.waitFor();
    expect(await msg.textContent()).toMatch(/岗位「叉车司机」当前有 6 名在岗人员（.+等），请先调整这些人员的岗位后再删除/);
    await app.screenshot('22-post-delete-refused');
    const still = await dispatch(app.rt, 'post.list', { search: '叉车司机' });
    expect(still.ok && (still.value as { total: number }).total).toBe(1);
  });

  it('certificates: registering a review moves the next review date on', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    await page.getByTestId('cert-alerts').locator('a', { hasText: '30 天内到期' }).click();
    await page.getByTestId('certificates-page').waitFor();
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('30 天内到期');
    await row.click();
    await page.getByTestId('cert-review').click();
    await page.getByTestId('review-form').waitFor();
    await page.locator('.ant-modal-footer .ant-btn-primary').last().click();
    await page.locator('.ant-message-notice', { hasText: '复审已登记' }).waitFor();
    await page.locator('.ant-drawer .ant-tag', { hasText: '有效' }).waitFor();
    await app.screenshot('23-certificate-after-review');
  });
});

describe('recovery and security', () => {
  it('a corrupt database opens the recovery page, and restoring the newest backup brings the data back', async () => {
    app = await launchApp({ seed: 'demo' });
    const backup = await dispatch(app.rt, 'backup.create', {});
    expect(backup.ok).toBe(true);
    app.rt.close();
    const file = join(app.dataDir, 'safeledger.db');
    for (const f of [`${file}-wal`, `${file}-shm`]) if (existsSync(f)) writeFileSync(f, '');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    await app.restart();
    await waitForState(app.page, 'corrupt');
    await app.page.getByTestId('recovery-page').getByText('数据库文件已损坏').first().waitFor();
    await app.screenshot('24-recovery-corrupt');
    await app.page.getByTestId('restore-backup').first().click();
    await app.page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await waitForState(app.page, 'ready');
    await app.page.getByTestId('dashboard').waitFor();
  });

  it('the page sees only invoke and on; no Node, and malformed calls are refused as data', async () => {
    app = await launchApp({ seed: 'demo' });
    await waitForState(app.page, 'ready');
    const probe = await app.page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown> & { api: { invoke(m: unknown, i?: unknown): Promise<unknown> } };
      return {
        keys: Object.keys(w.api).sort(),
        require: typeof w.require,
        process: typeof w.process,
        unknown: await w.api.invoke('db.exec', { sql: 'DROP TABLE person' }),
        malformed: await w.api.invoke('person.create', { name: 1 }),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      };
    });
    expect(probe.keys).toEqual(['invoke', 'on']);
    expect(probe.require).toBe('undefined');
    expect(probe.process).toBe('undefined');
    expect(probe.unknown).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: '未知的接口方法「db.exec」' } });
    expect(probe.malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(probe.csp).toContain("script-src 'self'");
    // The CSP really blocks inline script.
    const inline = await app.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(inline).toBe(false);
  });
});
