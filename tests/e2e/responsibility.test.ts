import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../main/bootstrap.ts';
import { compactText, MM, pdfPages } from '../helpers/pdf.ts';
import { call, closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { drawSignature, waitForPreview } from './harness/ui.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

/** A workshop with one front-line post (装配钳工) held by one dispatched worker, and the principal 陈国强. */
async function smallPlant(rt: AppRuntime) {
  await call(rt, 'app.setup', { enterprise: { name: '重庆某机械有限公司', industry: 'INDUSTRY_TRADE', dutyPhone: '023-47661000' }, operator: { name: '王安全' } });
  const company = ((await call(rt, 'unit.list', {})) as unknown as { id: string }[])[0]!;
  const ws = await call(rt, 'unit.create', { name: '装配车间', kind: 'WORKSHOP', parentId: company.id, phone: '023-47661203' });
  const gmPost = await call(rt, 'post.create', { name: '总经理', unitId: company.id, category: 'MANAGEMENT', isSpecialOperation: false });
  const post = await call(rt, 'post.create', { name: '装配钳工', unitId: ws.id, trade: '装配钳工', category: 'FRONTLINE', isSpecialOperation: false });
  const gm = await call(rt, 'person.create', { name: '陈国强', staffNo: 'YJ0001', unitId: company.id, employmentType: 'REGULAR', postIds: [gmPost.id] });
  await call(rt, 'person.create', { name: '刘小军', staffNo: 'PQ001', unitId: ws.id, employmentType: 'DISPATCHED', employerName: '众诚人力', phone: '13800000001', postIds: [post.id] });
  await call(rt, 'unit.update', { id: ws.id, name: '装配车间', kind: 'WORKSHOP', parentId: company.id, headPersonId: gm.id, phone: '023-47661203', sortOrder: 1 });
  // The principal's own list, so the coverage check is about the fitter's post alone.
  const d = await call(rt, 'duty.createDraft', { postId: gmPost.id, templateKey: 'principal', reason: '编制' });
  await call(rt, 'duty.approve', { id: d.id, approverPersonId: gm.id, effectiveFrom: '2026-01-06' });
  await call(rt, 'duty.acknowledge', { personId: gm.id, postId: gmPost.id, targets: ['LIST'], method: 'PAPER' });
}

async function closeDrawer(app: E2EApp) {
  const open = app.page.locator('.ant-drawer-open .ant-drawer-close, .ant-modal-wrap:not([style*="display: none"]) .ant-modal-close').first();
  await open.click();
  await app.page.locator('.ant-drawer-mask, .ant-modal-mask').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

async function pickPerson(app: E2EApp, testId: string, name: string) {
  const { page } = app;
  await page.getByTestId(testId).locator('input').first().fill(name.slice(0, 1));
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
}

describe('全员责任制 and 两单两卡 in the browser', () => {
  it('template → edit → approve → print the pocket card → the worker signs → the coverage check turns green', async () => {
    app = await launchApp();
    await smallPlant(app.rt);
    await app.restart();
    const { page } = app;
    await waitForState(page, 'ready');

    // The coverage check starts red for the fitter's post.
    await page.locator('.ant-menu-item', { hasText: '岗位全覆盖检查' }).click();
    await page.getByTestId('coverage-posts-table').getByText('装配钳工').waitFor();
    await app.screenshot('40-coverage-gaps');
    await page.getByTestId('coverage-fix-post-装配钳工').click();

    // One click from the suggested template, then an item edited.
    await page.getByTestId('duty-drawer').waitFor();
    await page.getByTestId('duty-template-select').getByText('一线操作工').waitFor();
    await page.getByTestId('duty-create-template').click();
    await page.getByTestId('duty-editor').waitFor();
    const first = page.getByTestId('duty-item-content-0');
    await first.fill('严格执行装配作业指导书和安全操作规程，使用压力机时双手按钮操作');
    await page.getByTestId('duty-save').click();
    await page.locator('.ant-message-notice', { hasText: '草稿已保存' }).waitFor();
    await app.screenshot('41-duty-editor');

    // Approval needs an approver: refused in the dialog until one is chosen.
    await page.getByTestId('duty-approve').click();
    await page.getByTestId('duty-approve-ok').click();
    await page.getByText('请选择批准人（一般为主要负责人）').waitFor();
    await pickPerson(app, 'duty-approver', '陈国强');
    await page.getByTestId('duty-approve-ok').click();
    await page.getByTestId('duty-current').waitFor();
    await page.getByTestId('duty-items').getByText('使用压力机时双手按钮操作').waitFor();
    await app.screenshot('42-duty-approved');
    await closeDrawer(app);

    // 两单两卡 from the content library, published.
    await page.locator('.ant-menu-item', { hasText: '两单两卡' }).click();
    await page.getByTestId('card-open-装配钳工').click();
    await page.getByTestId('card-drawer').waitFor();
    await page.getByTestId('card-create-library').click();
    await page.getByTestId('card-save').waitFor();
    await app.screenshot('43-card-editor');
    await page.getByTestId('card-approve').click();
    const approveForm = page.locator('.ant-modal', { has: page.getByTestId('card-approve-ok') });
    await approveForm.getByLabel('编制人').fill('王安全');
    await approveForm.getByLabel('审核人').fill('王安全');
    await pickPerson(app, 'card-approver', '陈国强');
    await page.getByTestId('card-approve-ok').click();
    await page.getByTestId('card-print-pocket').waitFor();
    await app.screenshot('44-card-published');

    // The pocket card in the print centre: 85.5×54, front and back, with the fingerprint.
    await page.getByTestId('card-print-pocket').click();
    await page.getByTestId('print-centre').waitFor();
    await waitForPreview(page);
    await app.screenshot('45-print-pocket-card');
    await page.getByTestId('print-save').click();
    await page.locator('.ant-message-notice', { hasText: '已保存' }).waitFor();
    const file = app.platform.saved.at(-1)!;
    const { pages, sizes } = pdfPages(file);
    expect(pages).toBe(2);
    expect([Math.round((sizes[0]!.width / MM) * 10) / 10, Math.round((sizes[0]!.height / MM) * 10) / 10]).toEqual([85.5, 54]);
    const text = compactText(file);
    expect(text).toContain('装配钳工');
    expect(text).toContain('岗位应急处置卡');
    expect(text).toMatch(/装配车间负责人陈国强023-47661203/);

    // The worker signs the list and the cards on screen.
    await page.locator('.ant-menu-item', { hasText: '岗位责任清单' }).click();
    await page.getByTestId('duty-open-装配钳工').click();
    await page.getByRole('tab', { name: /签字确认/ }).click();
    await page.getByTestId('ack-targets').getByText('两单两卡').click();
    await page.getByTestId('ack-sign-PQ001').click();
    await page.getByTestId('signature-canvas').waitFor();
    await drawSignature(page);
    await page.getByTestId('signature-confirm').click();
    await page.locator('.ant-message-notice', { hasText: '刘小军 已签字确认' }).waitFor();
    await page.getByTestId('holders-panel').getByText('已全部签字确认').waitFor();
    await app.screenshot('46-holders-signed');
    await closeDrawer(app);

    // Green.
    await page.locator('.ant-menu-item', { hasText: '岗位全覆盖检查' }).click();
    await page.getByText('全部覆盖').waitFor();
    await page.getByRole('tab', { name: '全部岗位' }).click();
    await page.getByTestId('coverage-ok-装配钳工').waitFor();
    await app.screenshot('47-coverage-green');
    expect(app.pageErrors).toEqual([]);
  });

  it('the demo enterprise: lists with versions, coverage gaps, cards, assessment and prints that need reprinting', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    await page.locator('.ant-menu-item', { hasText: '岗位责任清单' }).click();
    await page.getByTestId('duty-posts').locator('.ant-table-row').nth(10).waitFor();
    await app.screenshot('50-duties-list');
    await page.getByTestId('duty-open-维修电工').click();
    await page.getByRole('tab', { name: /版本记录/ }).click();
    await page.getByTestId('duty-versions').getByText('2026 版（第 1 次修订）').waitFor();
    const dateInput = page.locator('input[data-testid="duty-in-force-date"], [data-testid="duty-in-force-date"] input').first();
    await dateInput.click();
    await dateInput.fill('2026-03-01');
    await dateInput.press('Enter');
    await page.getByTestId('duty-in-force-result').getByText('2026 版', { exact: true }).waitFor();
    await app.screenshot('51-duty-versions');
    await closeDrawer(app);

    await page.getByTestId('duty-library').click();
    await page.getByTestId('duty-library-modal').getByRole('cell', { name: '劳务派遣/灵活用工人员' }).waitFor();
    await page.getByTestId('duty-library-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"templates":[{"key":"x","name":"坏","items":[{"content":"","category":"RULES","weight":5}]}]}') });
    await page.getByTestId('duty-library-error').getByText(/第 1 个模板\.items\.0\.content：请填写职责内容/).waitFor();
    await app.screenshot('52-template-library');
    await closeDrawer(app);

    await page.locator('.ant-menu-item', { hasText: '岗位全覆盖检查' }).click();
    await page.getByTestId('coverage-posts-table').getByText('质检员').waitFor();
    await page.getByRole('tab', { name: /未签字确认的人员/ }).click();
    await page.getByTestId('coverage-unsigned-table').locator('.ant-table-row').first().waitFor();
    await app.screenshot('53-coverage-demo');

    await page.locator('.ant-menu-item', { hasText: '两单两卡' }).click();
    await page.getByTestId('card-open-车工').click();
    await page.getByTestId('card-drawer').getByText('卡盘').first().waitFor();
    await app.screenshot('54-card-view');
    await page.getByRole('tab', { name: /背诵抽查/ }).click();
    await app.screenshot('55-card-checks');
    await closeDrawer(app);

    await page.locator('.ant-menu-item', { hasText: '责任制考核' }).click();
    await page.getByTestId('assessment-table').locator('.ant-table-row').first().waitFor();
    await app.screenshot('56-assessment-people');
    await page.getByTestId('assessment-table').locator('.ant-table-row', { hasText: '车削班' }).first().locator('button').first().click();
    await page.getByTestId('assessment-drawer').waitFor();
    await app.screenshot('57-assessment-sheet');
    await closeDrawer(app);
    await page.getByRole('tab', { name: '结果汇总' }).click();
    await page.getByTestId('assessment-results').waitFor();
    await app.screenshot('58-assessment-results');

    // A card printed, then revised: the print is listed as 需重印.
    const turner = ((await call(app.rt, 'card.posts', {})) as unknown as { postId: string; postName: string }[]).find((p) => p.postName === '车工')!;
    await call(app.rt, 'print.open', { type: 'postCards', recordId: turner.postId });
    const draft = await call(app.rt, 'card.createDraft', { postId: turner.postId, copyCurrent: true, reason: '补充防护' });
    await call(app.rt, 'card.saveDraft', { id: draft.id, content: { applicable: draft.applicable, ppe: [...(draft.ppe as string[]), '防护面罩'], risk: draft.risk, duty: draft.duty, operation: draft.operation, emergency: draft.emergency } });
    const gm = ((await call(app.rt, 'enterprise.get', {})) as { principalPersonId: string }).principalPersonId;
    await call(app.rt, 'card.approve', { id: draft.id, compiledBy: '赵敏', reviewedBy: '黄志勇', approverPersonId: gm, publishedOn: '2026-11-22' });
    await page.locator('.ant-menu-item', { hasText: '两单两卡' }).click();
    await page.getByTestId('stale-banner').getByText('查看并重印').click();
    await page.getByTestId('print-stale').getByText('车工的两单两卡').waitFor();
    await app.screenshot('59-print-stale');
    await page.getByTestId('stale-reprint').first().click();
    await waitForPreview(page);
    await app.screenshot('60-print-reprint-card');
    expect(app.pageErrors).toEqual([]);
  });
});
