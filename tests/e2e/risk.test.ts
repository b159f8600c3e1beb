import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AppRuntime } from '../../main/bootstrap.ts';
import { demoSitePlanPng } from '../../main/modules/demo/sitePlan.ts';
import { compactText, pdfPages } from '../helpers/pdf.ts';
import { call, closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { chooseUnit, nav, waitForPreview } from './harness/ui.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

async function plant(rt: AppRuntime) {
  await call(rt, 'app.setup', { enterprise: { name: '重庆某机械有限公司', industry: 'INDUSTRY_TRADE', dutyPhone: '023-47661000' }, operator: { name: '王安全' } });
  const company = ((await call(rt, 'unit.list', {})) as unknown as { id: string }[])[0]!;
  const ws = await call(rt, 'unit.create', { name: '表面处理车间', kind: 'WORKSHOP', parentId: company.id });
  await call(rt, 'post.create', { name: '喷漆工', unitId: ws.id, trade: '涂装工', category: 'FRONTLINE', isSpecialOperation: false });
}

/** Picks an option of a select by typing part of its label. */
async function pick(app: E2EApp, testId: string, typed: string, option: string | RegExp) {
  const { page } = app;
  const field = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
  // The previous dropdown must have finished closing, or its options would match too.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await page.getByTestId(testId).click();
  if (typed) await field.fill(typed);
  await page.locator('.ant-select-dropdown .ant-select-item-option:visible', { hasText: option }).first().click();
}

describe('风险分级管控 in the browser', () => {
  it('add a risk → score it → mark it on the map → print the notice board, and pdftotext shows it', async () => {
    app = await launchApp();
    await plant(app.rt);
    await app.restart();
    const { page } = app;
    await waitForState(page, 'ready');

    await nav(app, '风险清单', 'risk-page');
    await page.getByTestId('risk-new').click();
    const drawer = page.getByTestId('risk-drawer');
    await drawer.waitFor();
    await page.getByTestId('risk-name').fill('喷漆房');
    await chooseUnit(page, page.getByTestId('risk-info'), '表面处理车间');
    await pick(app, 'risk-kind', '', '场所/区域');
    await pick(app, 'risk-control-level', '', '部门（车间）级');
    await page.getByTestId('risk-hazard-desc-0').fill('有机溶剂挥发形成爆炸性混合物，遇明火或静电火花爆炸');
    await pick(app, 'risk-hazard-accidents-0', '火', '火灾');
    await page.keyboard.press('Escape');
    await page.getByTestId('risk-measure-add').click();
    await page.getByTestId('risk-measure-content-0').fill('设置可燃气体报警仪并与排风机联锁，防爆电气');
    await app.screenshot('70-risk-new');
    await page.getByTestId('risk-save').click();
    await page.getByTestId('risk-assess').waitFor();

    // LEC: 6 × 6 × 7 = 252 → 较大风险, previewed before it is saved.
    await pick(app, 'risk-assess-L', '', /^6/);
    await pick(app, 'risk-assess-E', '', /^6/);
    await pick(app, 'risk-assess-C', '', /^7/);
    await page.getByTestId('risk-assess-preview').getByText('较大风险').first().waitFor();
    await expect.poll(() => page.getByTestId('risk-assess-preview').textContent()).toContain('252');
    await app.screenshot('71-risk-assess');
    await page.getByTestId('risk-assess-submit').click();
    await page.getByTestId('risk-assessment-current').getByText('较大风险').first().waitFor();

    await page.getByRole('tab', { name: /基本信息/ }).click();
    await page.getByTestId('risk-approve').click();
    await page.getByTestId('risk-approve-ok').click();
    await page.getByTestId('risk-summary').getByText('已批准').waitFor();
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.getByTestId('risk-row-FX-001').waitFor();
    await app.screenshot('72-risk-register');

    // The map: upload the plan, draw the workshop, link the risk.
    await nav(app, '四色分布图', 'risk-map-page');
    await page.getByTestId('risk-map-upload-input').setInputFiles({ name: '总平面图.png', mimeType: 'image/png', buffer: demoSitePlanPng() });
    await page.getByTestId('risk-map-create-ok').click();
    const svg = page.getByTestId('risk-map-svg');
    await svg.waitFor();
    await page.waitForTimeout(500);
    await page.getByTestId('risk-map-tool-polygon').click();
    const box = (await svg.boundingBox())!;
    for (const [fx, fy] of [[0.55, 0.3], [0.72, 0.3], [0.72, 0.43], [0.55, 0.43]] as const) {
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    }
    await page.getByTestId('risk-map-finish').click();
    await page.getByTestId('risk-map-area-label').fill('表面处理车间');
    await pick(app, 'risk-map-area-risks', '喷漆', '喷漆房');
    await page.keyboard.press('Escape');
    await page.getByTestId('risk-map-area-level').getByText('较大风险').waitFor();
    await page.getByTestId('risk-map-save').click();
    await page.locator('.ant-message-notice', { hasText: '保存' }).first().waitFor();
    await app.screenshot('73-risk-map');
    const plans = (await call(app.rt, 'riskMap.plans', {})) as unknown as { id: string }[];
    const plan = (await call(app.rt, 'riskMap.get', { id: plans[0]!.id })) as unknown as { areas: { label: string; level: string }[] };
    expect(plan.areas).toEqual([expect.objectContaining({ label: '表面处理车间', level: 'HIGH' })]);

    // The notice board, printed.
    await nav(app, '风险清单', 'risk-page');
    await page.getByTestId('risk-print-board').click();
    await page.getByTestId('print-centre').waitFor();
    await waitForPreview(page);
    await app.screenshot('74-print-risk-board');
    await page.getByTestId('print-save').click();
    await expect.poll(() => app.platform.saved.length).toBe(1);
    const file = app.platform.saved[0]!;
    expect(pdfPages(file).pages).toBe(1);
    const text = compactText(file);
    for (const s of ['安全风险公告栏', '喷漆房', '较大风险', '安全风险四色分布图', '12350', '023-47661000']) expect(text, s).toContain(s);
    expect(app.pageErrors).toEqual([]);
  });

  it('the demo register, statistics, profiles and map, and the risk documents in the print centre', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page } = app;
    await waitForState(page, 'ready');
    await app.screenshot('75-dashboard-risk');
    await nav(app, '风险清单', 'risk-page');
    await page.getByTestId('risk-table').locator('.ant-table-row').nth(10).waitFor();
    await app.screenshot('76-risk-register-demo');
    await page.getByTestId('risk-table').locator('.ant-table-row').first().click();
    await page.getByTestId('risk-drawer').waitFor();
    await page.getByRole('tab', { name: /评价记录/ }).click();
    await page.getByTestId('risk-history').locator('.ant-table-row').first().waitFor();
    await app.screenshot('77-risk-history');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();

    await nav(app, '风险统计', 'risk-stats-page');
    await page.getByTestId('risk-stats-accidents').waitFor();
    await app.screenshot('78-risk-stats');
    await nav(app, '评价方法', 'risk-profiles-page');
    await app.screenshot('79-risk-profiles');
    await nav(app, '四色分布图', 'risk-map-page');
    await page.getByTestId('risk-map-area-12').waitFor();
    await app.screenshot('80-risk-map-demo');

    for (const [type, shot] of [['riskRegister', '81-print-risk-register'], ['postRiskCard', '82-print-post-risk-card'], ['riskMap', '83-print-risk-map']] as const) {
      await page.goto(`${app.url}#/print?type=${type}`);
      await page.getByTestId('print-centre').waitFor();
      await waitForPreview(page);
      await app.screenshot(shot);
    }
    expect(app.pageErrors).toEqual([]);
  });
});
