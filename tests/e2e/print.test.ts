import { existsSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/ipc/dispatch.ts';
import type { AppRuntime } from '../../main/bootstrap.ts';
import { EnterpriseProfileInput } from '../../preload/contract/enterprise.ts';
import { demoSignaturePng } from '../../main/modules/demo/signature.ts';
import { compactText, pdfImageCount, pdfPages } from '../helpers/pdf.ts';
import { call, closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { drawSignature, waitForPreview } from './harness/ui.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

/** A minimal enterprise whose principal is 陈国强. */
async function enterpriseWithPrincipal(rt: AppRuntime) {
  await call(rt, 'app.setup', { enterprise: { name: '重庆某机械有限公司', industry: 'INDUSTRY_TRADE', regulatorName: '江津区应急管理局' }, operator: { name: '王安全' } });
  const units = (await dispatch(rt, 'unit.list', {})) as { ok: true; value: { id: string }[] };
  const p = await call(rt, 'person.create', { name: '陈国强', staffNo: 'YJ0001', unitId: units.value[0]!.id, employmentType: 'REGULAR', jobTitle: '总经理' });
  const ent = await call(rt, 'enterprise.get', {});
  const { id: _i, principal: _p, safetyDeputy: _d, safetyDeptName: _s, timeZone: _t, isDemo: _x, createdAtMs: _c, updatedAtMs: _u, ...profile } = ent;
  await call(rt, 'enterprise.update', { ...profile, principalPersonId: p.id });
}

describe('commitment letters in the browser', () => {
  it('the principal signs the letter on screen with a drawn stroke, and the signed PDF is exported', async () => {
    app = await launchApp();
    await enterpriseWithPrincipal(app.rt);
    await app.restart();
    const { page } = app;
    await waitForState(page, 'ready');
    await page.locator('.ant-menu-item', { hasText: '安全承诺书' }).click();
    await page.getByTestId('commitment-create').click();
    await page.getByTestId('commitment-form').waitFor();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('commitment-current').waitFor();
    await app.screenshot('30-commitment-draft');

    // Confirming an empty pad is refused in the page; nothing is sent.
    await page.getByTestId('commitment-sign').click();
    await page.getByTestId('signature-canvas').waitFor();
    await page.getByTestId('signature-confirm').click();
    await page.getByText('请先在签名框内手写签名').waitFor();
    await drawSignature(page);
    await app.screenshot('31-commitment-signature-pad');
    await page.getByTestId('signature-confirm').click();
    await page.getByTestId('commitment-signature').waitFor();
    const hash = (await page.getByTestId('commitment-signature').locator('.sl-hash').textContent())!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await app.screenshot('32-commitment-signed');

    await page.getByTestId('commitment-print').click();
    await page.getByTestId('print-centre').waitFor();
    await waitForPreview(page);
    await app.screenshot('33-print-centre-signed-letter');
    await page.getByTestId('print-save').click();
    await page.locator('.ant-message-notice', { hasText: '已保存' }).waitFor();
    const file = app.platform.saved[0]!;
    expect(existsSync(file)).toBe(true);
    const text = compactText(file);
    expect(text).toContain(hash);
    expect(text).toContain('陈国强');
    expect(text).toContain('在屏幕上手写签名');
    expect(pdfImageCount(file)).toBeGreaterThanOrEqual(1);
    expect(app.pageErrors).toEqual([]);
  });
});

describe('print centre', () => {
  it('previews the real PDF, says what is missing, refuses bad sizes, queues and merges, and verifies fingerprints', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    // The demo profile is complete; blank one field so the board has something to report missing.
    const profile = await call(app.rt, 'enterprise.get', {});
    const keep = Object.keys(EnterpriseProfileInput.shape);
    const input = Object.fromEntries(Object.entries(profile).filter(([k]) => keep.includes(k)));
    await call(app.rt, 'enterprise.update', { ...input, internalReportPhone: null });
    await page.locator('.ant-menu-item', { hasText: '打印中心' }).click();
    await page.getByTestId('print-type').click();
    await page.locator('.ant-select-item-option', { hasText: '安全生产责任公示牌' }).click();
    await waitForPreview(page);
    await page.getByTestId('print-omitted').getByText('内部举报电话').waitFor();
    const fingerprint = (await page.getByTestId('print-fingerprint').textContent())!.replace('指纹', '').trim();
    expect(fingerprint).toMatch(/^[0-9a-f]{12}$/);
    await app.screenshot('34-print-centre-board');

    // A custom size under 50 mm gets the reason, and no PDF can be saved.
    await page.getByTestId('print-size').click();
    await page.locator('.ant-select-item-option', { hasText: '自定义尺寸' }).click();
    const field = (id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();
    await field('print-custom-w').fill('40');
    await field('print-custom-h').fill('300');
    await page.getByTestId('print-error').getByText('自定义宽度应在 50–5000 毫米之间，当前为 40 毫米').waitFor();
    expect(await page.getByTestId('print-save').isDisabled()).toBe(true);
    await app.screenshot('35-print-centre-size-error');
    await page.getByTestId('print-size').click();
    await page.locator('.ant-select-item-option', { hasText: '展板 1200×800 mm' }).click();
    await page.locator('.ant-card-extra', { hasText: '展板 1200×800 mm' }).waitFor();
    await waitForPreview(page);

    await page.getByTestId('print-enqueue').click();
    await page.getByTestId('print-type').click();
    await page.locator('.ant-select-item-option', { hasText: '安全生产承诺书' }).click();
    await page.locator('.ant-card-head-title', { hasText: '承诺书' }).waitFor();
    await waitForPreview(page);
    await page.getByTestId('print-enqueue').click();
    await page.getByRole('tab', { name: /打印队列/ }).click();
    await page.getByTestId('print-queue').locator('.ant-table-row').nth(1).waitFor();
    await app.screenshot('36-print-queue');
    await page.getByTestId('queue-export').click();
    await page.locator('.ant-message-notice', { hasText: '已合并导出 2 份文件' }).waitFor();
    const merged = app.platform.saved.at(-1)!;
    expect(pdfPages(merged).pages).toBe(2);

    await page.getByRole('tab', { name: '指纹核验' }).click();
    await page.getByTestId('verify-input').locator('input').fill(fingerprint.replace(/(.{4})/g, '$1 '));
    await page.getByTestId('verify-input').locator('input').press('Enter');
    await page.getByTestId('verify-result').getByText('与当前数据一致，纸面内容仍然有效').waitFor();
    await app.screenshot('37-print-verify');
    expect(app.pageErrors).toEqual([]);
  });

  it('target agreements: batch progress, a worker signs on screen, the list shows who is missing', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    await page.locator('.ant-menu-item', { hasText: '目标责任书' }).click();
    await page.getByTestId('agreements-page').locator('.ant-progress').first().waitFor();
    await page.getByTestId('agreements-status').click();
    await page.locator('.ant-select-item-option', { hasText: '未签署' }).click();
    const firstRow = page.locator('.ant-table-row').first();
    await firstRow.waitFor();
    await app.screenshot('38-agreements');
    const before = (await dispatch(app.rt, 'agreement.list', { year: new Date().getFullYear(), status: 'UNSIGNED' })) as { ok: true; value: { total: number } };
    await firstRow.getByTestId('agreement-sign-b').click();
    await page.getByTestId('signature-canvas').waitFor();
    await drawSignature(page);
    await page.getByTestId('signature-confirm').click();
    await page.locator('.ant-message-notice', { hasText: '已签署' }).waitFor();
    const after = (await dispatch(app.rt, 'agreement.list', { year: new Date().getFullYear(), status: 'UNSIGNED' })) as { ok: true; value: { total: number } };
    expect(after.value.total).toBe(before.value.total - 1);
    expect(app.pageErrors).toEqual([]);
  });

  it('a person photo is uploaded from the page as bytes and checked by type', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    await page.locator('.ant-menu-item', { hasText: '从业人员' }).click();
    await page.locator('.ant-table-row', { hasText: '陈国栋' }).click();
    await page.getByTestId('person-photo-input').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('this is text pretending to be a picture') });
    await page.locator('.ant-message-notice', { hasText: '文件「notes.png」不是 PNG 或 JPEG 图片，请选择照片或扫描图片' }).waitFor();
    await page.getByTestId('person-photo-input').setInputFiles({ name: '陈国栋.png', mimeType: 'image/png', buffer: demoSignaturePng('陈国栋') });
    await page.locator('.ant-message-notice', { hasText: '照片已更新' }).waitFor();
    await page.locator('.ant-drawer img').first().waitFor();
    await app.screenshot('39-person-photo');
  });
});
