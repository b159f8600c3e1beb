import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from '../../main/modules/demo/signature.ts';
import { docxBytes } from '../helpers/files.ts';
import { call, closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { drawSignature, nav } from './harness/ui.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

/** A calendar date in Asia/Shanghai, `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** Polls for what a server round trip changes (the machine may be busy with other test runs). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** Waits until no select dropdown is open (a closing one would match option clicks too). */
async function noDropdown(page: Page) {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
}

/**
 * Chooses an option of the select inside a form item: opens it, types `typed`
 * (searchable selects), clicks the option once the dropdown has settled, and
 * retries until the item shows the choice.
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

const itemByTestId = (page: Page, testId: string) => page.locator('.ant-form-item', { has: page.getByTestId(testId) });

/** A site photo: a grey hall with a red extinguisher. */
function photo(): Buffer {
  const w = 320;
  const h = 240;
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const c = x > 140 && x < 170 && y > 110 && y < 190 ? [200, 30, 30] : y > 190 ? [120, 120, 110] : [190, 195, 200];
      px.set([c[0]!, c[1]!, c[2]!, 255], i);
    }
  }
  return encodePng(w, h, px);
}

type Unit = { id: string; name: string };
type Person = { id: string; name: string; staffNo: string; hireDate: string | null };

describe('教育培训 in the browser', () => {
  it('plan item → 登记培训 (negative hours and a future date refused) → batch attendance from the sign-in sheet → the archive counts the hours; a person who had left is refused', async () => {
    app = await launchApp({ seed: 'demo' });
    await waitForState(app.page, 'ready');
    const { page, rt } = app;
    const year = Number(day(0).slice(0, 4));
    const units = new Map(((await call(rt, 'unit.list', {})) as unknown as Unit[]).map((u) => [u.name, u.id]));
    const cnc = ((await call(rt, 'person.list', { unitId: units.get('数控班'), status: 'ACTIVE', pageSize: 100 })) as unknown as { items: Person[] }).items;
    // Workers from the end of the roster (the team leader, who holds a role, comes first).
    const [a, b, gone] = [cnc.at(-2)!, cnc.at(-3)!, cnc.at(-1)!];
    // One worker of the team left three weeks ago: the sheet must not count them.
    const leftOn = day(-21);
    await call(rt, 'person.leave', { id: gone.id, date: leftOn, reason: '合同期满' });
    const archiveBefore = (await call(rt, 'training.archive', { personId: a.id })) as unknown as { years: { year: number; hours: number }[] };
    const hoursBefore = archiveBefore.years.find((y) => y.year === year)?.hours ?? 0;

    // The annual plan gets an item for this month; 登记培训 from it opens the session form prefilled.
    await nav(app, '培训计划', 'training-plan-page');
    await page.getByTestId('training-plan-new').click();
    await page.getByTestId('plan-item-title').fill('冬季防火及灭火器使用培训');
    await choose(page, itemByTestId(page, 'plan-item-type'), '应急培训');
    await page.getByTestId('plan-item-audience').fill('数控班全体人员');
    await page.getByTestId('plan-item-hours').fill('2');
    await page.getByTestId('plan-item-ok').click();
    const planRow = page.getByTestId('training-plan-table').locator('.ant-table-row', { hasText: '冬季防火及灭火器使用培训' });
    await poll(() => planRow.textContent()).toContain('计划中');
    await planRow.getByRole('button', { name: /登记培训/ }).click();
    const form = page.getByTestId('session-form');
    await form.waitFor();
    await poll(() => page.getByTestId('session-title').inputValue()).toBe('冬季防火及灭火器使用培训');
    await poll(() => page.getByTestId('session-hours').inputValue()).toBe('2');

    // A negative number of hours is refused by main, next to the field.
    await page.getByTestId('session-hours').fill('-2');
    await page.getByTestId('session-trainer').fill('刘志刚');
    await page.getByTestId('session-save').click();
    await form.locator('.ant-form-item-explain-error', { hasText: '学时不能为负数' }).waitFor();

    await page.getByTestId('session-hours').fill('3');
    // A session dated tomorrow belongs in the plan, not the ledger: main says so next to the date.
    const date = form.locator('.ant-form-item', { has: page.getByTestId('session-date') }).locator('input');
    await date.click();
    await date.fill(day(1));
    await date.press('Enter');
    await page.getByTestId('session-save').click();
    await form.locator('.ant-form-item-explain-error', { hasText: '晚于今天' }).waitFor();
    await date.click();
    await date.fill(day(0));
    await date.press('Enter');
    await page.getByTestId('session-location').fill('机加工车间东门消防演练场');
    await page.getByTestId('session-content').fill('冬季用火用电管理规定；车间消防通道和灭火器配置；干粉灭火器、消火栓实操；初期火灾扑救和疏散。');
    await choose(page, page.locator('.ant-form-item', { has: page.getByTestId('session-audience') }), '数控班', '', true);
    await choose(page, itemByTestId(page, 'session-exam'), '实际操作');
    await poll(() => page.getByTestId('session-pass').inputValue()).toBe('60');
    // Materials come through main's file dialog (a lesson plan in Word, slides as PDF); photos are uploaded in the page.
    const lessonPlan = join(app.dataDir, '冬季防火培训教案.docx');
    const slides = join(app.dataDir, '灭火器使用课件.pdf');
    writeFileSync(lessonPlan, docxBytes());
    writeFileSync(slides, Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    app.platform.toPick.push([lessonPlan, slides]);
    await page.getByTestId('session-materials-add').click();
    const materials = page.getByTestId('session-materials-list');
    await poll(() => materials.textContent()).toContain('灭火器使用课件.pdf');
    await materials.getByText('冬季防火培训教案.docx').click();
    await poll(() => app.platform.opened.some((f) => f.endsWith('冬季防火培训教案.docx'))).toBe(true);
    await page.getByTestId('session-photo-input').setInputFiles({ name: '现场实操.png', mimeType: 'image/png', buffer: photo() });
    await page.getByTestId('session-photo-list').locator('img').first().waitFor();
    await app.screenshot('131-training-session-form');
    await page.getByTestId('session-save').click();
    const code = page.getByTestId('session-drawer-code');
    await code.waitFor();
    const sessionCode = (await code.textContent())!;
    expect(sessionCode).toMatch(new RegExp(`^PX-${year}-\\d{4}$`));

    // Batch entry from the paper sign-in sheet: two people ticked with their scores.
    await page.getByTestId('attendance-batch').click();
    const candidates = page.getByTestId('attendance-candidates');
    await candidates.getByTestId(`candidate-${a.staffNo}`).waitFor();
    expect(await candidates.getByTestId(`candidate-${gone.staffNo}`).count()).toBe(0);
    await page.getByTestId(`candidate-score-${a.staffNo}`).fill('92');
    await page.getByTestId(`candidate-score-${b.staffNo}`).fill('55');
    for (const p of [a, b]) await candidates.locator('tr', { has: page.getByTestId(`candidate-${p.staffNo}`) }).locator('.ant-checkbox-input').check();
    await poll(() => page.getByTestId('attendance-batch-ok').textContent()).toContain('录入 2 人');
    await app.screenshot('132-training-attendance-batch');
    await page.getByTestId('attendance-batch-ok').click();
    const attendees = page.getByTestId('attendance-table');
    await attendees.getByTestId(`attendee-${a.staffNo}`).waitFor();
    await poll(() => page.getByTestId(`attendee-result-${a.staffNo}`).textContent()).toBe('合格');
    await poll(() => page.getByTestId(`attendee-result-${b.staffNo}`).textContent()).toBe('不合格');
    await poll(() => page.getByTestId('attendance-counts').textContent()).toContain('已签到 2 人');

    // A third person signs on screen.
    const c = cnc.at(-4)!;
    await page.getByTestId('attendance-screen').click();
    await choose(page, itemByTestId(page, 'attendance-screen-person'), c.name, c.staffNo);
    await page.getByTestId('attendance-screen-score').fill('78');
    await page.getByTestId('attendance-screen-next').click();
    await drawSignature(page);
    await page.getByTestId('signature-confirm').click();
    const signed = attendees.locator('tr', { has: page.getByTestId(`attendee-${c.staffNo}`) });
    await signed.locator('img[alt="签名"]').waitFor();
    expect(await signed.textContent()).toContain('屏幕签名');
    await poll(() => page.getByTestId('attendance-counts').textContent()).toContain('已签到 3 人');
    await app.screenshot('133-training-session-attendance');

    // Someone who left before the session date is refused, in Chinese.
    await page.getByTestId('attendance-add').click();
    await choose(page, itemByTestId(page, 'attendance-add-person'), gone.name, gone.staffNo);
    await page.getByTestId('attendance-add-ok').click();
    const refused = page.getByTestId('attendance-add-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(`「${gone.name}」已于 ${leftOn} 离职，不能登记其后（${day(0)}）的培训签到`);
    await app.screenshot('134-training-attendance-left-refused');
    await page.locator('.ant-modal-wrap:visible .ant-modal-close').click();
    await poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await poll(() => page.locator('.ant-drawer-open').count()).toBe(0);

    // The ledger lists it with the plan item it fulfils.
    const row = page.getByTestId('training-table').locator('.ant-table-row', { has: page.getByTestId(`training-row-${sessionCode}`) });
    await poll(() => row.textContent()).toContain('冬季防火及灭火器使用培训');
    expect(await row.textContent()).toContain('合格 2不合格 1');
    await page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('130-training-sessions');

    // The plan shows the November item done.
    await nav(app, '培训计划', 'training-plan-page');
    await poll(() => page.getByTestId('training-plan-table').locator('.ant-table-row', { hasText: '冬季防火及灭火器使用培训' }).textContent()).toContain('已完成（1 次）');
    await app.screenshot('135-training-plan');

    // The person's archive, opened from the compliance page, counts the session's hours.
    await nav(app, '培训档案与学时', 'training-compliance-page');
    await page.getByTestId('training-kpis').waitFor();
    await app.screenshot('136-training-compliance');
    const search = page.getByTestId('training-compliance-search').locator('input');
    await search.fill(a.staffNo);
    await search.press('Enter');
    await page.getByTestId(`training-person-${a.staffNo}`).click();
    const drawer = page.getByTestId('archive-drawer');
    await drawer.getByTestId('archive-body').waitFor();
    await poll(() => drawer.getByTestId(`archive-year-${year}`).getByTestId('archive-year-hours').textContent()).toBe(String(hoursBefore + 3));
    expect(await drawer.getByTestId('archive-sessions').textContent()).toContain(sessionCode);
    // The ID number is never shown in clear.
    expect(await drawer.getByTestId('archive-id-number').textContent()).not.toMatch(/^\d{17}[\dX]$/);
    await app.screenshot('137-training-archive');
    expect(page.url()).toContain(`person=${a.id}`);
    expect(app.pageErrors).toEqual([]);
  });

  it('a new hire’s archive from the person record; training settings: the high-risk override and the periodic rule take effect on the compliance page', async () => {
    app = await launchApp({ seed: 'demo' });
    await waitForState(app.page, 'ready');
    const { page, rt } = app;

    // From the person's record (从业人员) to their 一人一档: a new hire whose 三级教育 is incomplete.
    const year = day(0).slice(0, 4);
    const compliance = (await call(rt, 'training.compliance', { year: Number(year), onlyGaps: true })) as unknown as { people: { personId: string; flags: string[] }[] };
    const newHire = compliance.people.find((p) => p.flags.some((f) => f.startsWith('新员工')))!;
    await page.evaluate((id) => (location.hash = `#/people?open=${id}`), newHire.personId);
    await page.getByTestId('person-training-archive').click();
    const drawer = page.getByTestId('archive-drawer');
    await drawer.getByTestId('archive-body').waitFor();
    await poll(() => drawer.getByTestId('archive-flags').textContent()).toContain('三级教育不全');
    expect(await drawer.getByTestId('archive-induction-company').textContent()).toContain('已完成');
    expect(await drawer.getByTestId('archive-induction-team').textContent()).toContain('无记录');
    await app.screenshot('139-training-archive-new-hire');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await poll(() => page.locator('.ant-drawer-open').count()).toBe(0);

    await nav(app, '培训设置', 'training-settings-page');
    await poll(() => page.getByTestId('training-high-risk').textContent()).toContain('一般行业');
    await app.screenshot('138-training-settings');

    // Declared high-risk: the compliance page then applies the high-risk hours.
    await page.getByTestId('training-override').getByText('是', { exact: true }).click();
    // The regional all-staff rule counted per quarter instead of per month.
    await page.getByTestId('training-settings-form').getByText('每季度', { exact: true }).click();
    await page.getByTestId('training-settings-save').click();
    await poll(() => page.getByTestId('training-high-risk').textContent()).toContain('已在设置中认定为培训学时的高危行业');
    await nav(app, '培训档案与学时', 'training-compliance-page');
    await poll(() => page.getByTestId('training-industry-rule').textContent()).toContain('高危行业');
    await page.getByTestId('training-periods-chart').waitFor();
    await page.getByTestId(`training-period-${year}-Q1`).waitFor();
    expect(await page.getByTestId('training-periods-chart').textContent()).toContain('第 4 季度');
    expect(app.pageErrors).toEqual([]);
  });
});
