import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

describe('first run', () => {
  it('creates the enterprise and the first operator; the next start opens on the dashboard', async () => {
    app = await launchApp();
    const { page } = app;
    await waitForState(page, 'setup');
    await app.screenshot('01-setup-choose');
    await page.getByTestId('setup-own').click();
    await page.getByLabel('企业名称').fill('重庆测试机械有限公司');
    await page.getByLabel('统一社会信用代码').fill('91500116MA5UXK8Y0X');
    await page.getByLabel('姓名').fill('王安全');
    await page.getByLabel('职务').fill('安全员');
    await page.getByTestId('setup-submit').click();
    // The wrong check digit is reported next to the field, and nothing is created.
    const fieldError = page.locator('.ant-form-item-explain-error', { hasText: '校验位不正确' });
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toBe('统一社会信用代码校验位不正确（按前 17 位计算应为「E」），请核对后重新输入');
    await app.screenshot('02-setup-credit-code-error');
    expect(app.rt.state).toBe('setup');

    await page.getByLabel('统一社会信用代码').fill('91500116MA5UXK8Y0E');
    await page.getByTestId('setup-submit').click();
    await waitForState(page, 'ready');
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('enterprise-name').textContent()).toBe('重庆测试机械有限公司');
    expect(await page.getByTestId('operator-menu').textContent()).toContain('王安全');

    await app.restart();
    await waitForState(page, 'ready');
    await page.getByTestId('dashboard').waitFor();
    await app.screenshot('03-dashboard-empty-enterprise');
    expect(app.pageErrors).toEqual([]);
  });

  it('loads the demo enterprise with one click', async () => {
    app = await launchApp();
    await waitForState(app.page, 'setup');
    await app.page.getByTestId('setup-demo').click();
    await waitForState(app.page, 'ready');
    await app.page.getByTestId('cert-gaps').waitFor();
    expect(await app.page.getByTestId('enterprise-name').textContent()).toBe('重庆渝江精密机械有限公司');
    expect(await app.page.locator('.sl-demo-banner').textContent()).toContain('演示企业');
    expect(app.pageErrors).toEqual([]);
  });
});
