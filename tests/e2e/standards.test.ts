import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { call, closeBrowser, launchApp, waitForState, type E2EApp } from './harness/app.ts';
import { nav, waitForPreview } from './harness/ui.ts';

let app: E2EApp;
afterEach(async () => app?.close());
afterAll(closeBrowser);

/** Polls for up to 15 s (a mutation and its refetch take longer than the default second). */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** Waits until no select dropdown is open (a closing one would match option clicks too). */
async function noDropdown(page: Page) {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
}

/** Opens `select` (an .ant-select), types `typed`, clicks the option and retries until `done` reports it took (by default: the select shows it). */
async function choose(page: Page, select: Locator, option: string, opts: { typed?: string; tree?: boolean; done?: () => Promise<boolean> } = {}) {
  await noDropdown(page);
  const optionSel = opts.tree ? '.ant-select-tree-node-content-wrapper' : '.ant-select-item-option';
  const done = opts.done ?? (async () => ((await select.locator('.ant-select-content').first().textContent()) ?? '').includes(option));
  await expect
    .poll(
      async () => {
        if (!(await page.locator('.ant-select-dropdown:visible').count())) {
          await select.click();
          if (opts.typed) await page.keyboard.type(opts.typed);
        }
        await page.locator(`.ant-select-dropdown:visible ${optionSel}`, { hasText: option }).first().click({ timeout: 2000 }).catch(() => {});
        return done();
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  if (await page.locator('.ant-select-dropdown:visible').count()) await page.keyboard.press('Escape');
  await noDropdown(page);
}

/** The form item holding a control with this test id. */
const itemOf = (page: Page, testId: string) => page.locator('.ant-form-item', { has: page.getByTestId(testId) }).last();
/** The form item with this label inside the element carrying `scope`. */
const itemByLabel = (page: Page, scope: string, label: string) => page.getByTestId(scope).locator('.ant-form-item', { has: page.getByLabel(new RegExp(`^${label}`)) });
/** A text box carrying the test id, or inside the wrapper carrying it. */
const field = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], textarea[data-testid="${testId}"], [data-testid="${testId}"] input, [data-testid="${testId}"] textarea`).first();

/** Takes a screenshot once dialogs have settled, without the passing toasts. */
async function shot(a: E2EApp, name: string) {
  await until(() => a.page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave, .ant-drawer-content-wrapper-motion-appear').count()).toBe(0);
  const style = await a.page.addStyleTag({ content: '.ant-message { visibility: hidden !important; }' });
  await a.screenshot(name);
  await style.evaluate((el) => (el as Element).remove());
}

type Result = { itemId: number; answered: boolean; deductions: { id: string; hazardId: string | null; hazardCode: string | null }[] };
type SessionOut = { id: string; status: string; grade: string | null; score: number | null; results: Result[]; totals: { answered: number; items: number } };
type StdOut = { items: { id: number; code: string; points: number }[] };

describe('安全生产标准化自评 in the browser', () => {
  it('new session → items scored (deduction + drill evidence, 不适用, score above points refused) → the rest scored → finished with a grade → report → deduction becomes a hazard in the ledger', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page, rt } = app;
    await waitForState(page, 'ready');
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const person = ((await call(rt, 'person.options', { search: null })) as unknown as { name: string }[])[0]!;
    const drill = ((await call(rt, 'stdSession.evidenceOptions', { kind: 'DRILL', search: null })) as unknown as { label: string; refId: string }[])[0]!;

    // The list: the demo's two self-assessments and the comparison.
    await nav(app, '标准化自评', 'std-sessions-page');
    await until(() => page.getByTestId('std-sessions-table').locator('.ant-table-row').count()).toBe(2);
    await page.getByTestId('std-compare-table').locator('.ant-table-row').first().waitFor();

    // 新建自评: the built-in standard and the current grading rules are preselected.
    await page.getByTestId('std-session-new').click();
    await page.getByTestId('std-session-title').waitFor();
    await until(() => itemOf(page, 'std-session-standard').textContent()).toContain('GB/T 33000-2016');
    await until(() => itemOf(page, 'std-session-profile').textContent()).toContain('现行定级办法');
    await page.getByTestId('std-session-title').fill(`${year} 年度标准化复评（界面测试）`);
    await page.getByTestId('std-team-name-0').fill(person.name);
    await page.getByTestId('std-team-add').click();
    await page.getByTestId('std-team-name-1').fill('外聘专家 王工');
    await page.getByTestId('std-team-role-1').fill('成员（负责 5.4 现场管理）');
    await field(page, 'std-session-accident-free').fill('3');
    await shot(app, '150-std-session-new');
    await page.getByTestId('std-session-modal-ok').click();
    await page.getByTestId('std-workspace').waitFor();
    await until(() => page.url()).toContain('/standards?id=');
    const sessionId = new URL(page.url().replace('#/', '')).searchParams.get('id')!;
    await until(() => page.getByTestId('std-progress').textContent()).toContain('已评 0 / 101 项');
    expect(await page.getByTestId('std-grade').textContent()).toBe('未评分');
    const std = (await call(rt, 'standard.get', { id: ((await call(rt, 'stdSession.get', { id: sessionId })) as unknown as { standardId: string }).standardId })) as unknown as StdOut;
    const [first, second, third] = std.items;

    // Item 1: a deduction (the score follows live) and a drill as evidence.
    await page.getByTestId(`std-item-${first!.code}`).click();
    await page.getByTestId('std-item-editor').getByTestId('std-item-form').waitFor();
    await until(() => page.getByTestId('std-item-editor-code').textContent()).toBe(first!.code);
    await field(page, 'std-item-description').fill('查阅 2026 年度安全生产目标文件，已经总经理审批发布，但未分解到班组。');
    await page.getByTestId('std-deduction-add').click();
    await field(page, 'std-deduction-points-0').fill('2');
    await page.getByTestId('std-deduction-reason-0').fill('年度目标未分解到班组');
    await until(() => page.getByTestId('std-item-computed').textContent()).toBe(String(first!.points - 2));
    await choose(page, page.getByTestId('std-evidence-kind'), '应急演练记录', { done: async () => (await page.getByTestId('std-evidence-record').count()) > 0 });
    await choose(page, page.getByTestId('std-evidence-record'), drill.label, {
      typed: drill.label.split(' ')[0],
      done: async () => ((await page.getByTestId('std-evidence-list').textContent().catch(() => '')) ?? '').includes(drill.label),
    });
    // A scanned document through main's file dialog.
    const scan = join(app.dataDir, '安全生产目标文件.pdf');
    writeFileSync(scan, '%PDF-1.4\n% 安全生产目标文件\n%%EOF\n');
    app.platform.toPick.push([scan]);
    await page.getByTestId('std-evidence-attach').click();
    await until(() => page.getByTestId('std-evidence-entry').count()).toBe(2);
    await page.locator('.ant-drawer-open .ant-drawer-body').evaluate((e) => e.scrollTo(0, 0));
    await shot(app, '151-std-item-editor');
    await page.getByTestId('std-item-save-next').click();
    await until(() => page.getByTestId('std-item-editor-code').textContent()).toBe(second!.code);
    await until(() => page.getByTestId('std-progress').textContent()).toContain('已评 1 / 101 项');
    await until(() => page.getByTestId('std-score').textContent()).not.toContain('—');
    expect(await page.getByTestId('std-grade').textContent()).toBe('未达标');
    const firstResult = ((await call(rt, 'stdSession.get', { id: sessionId })) as unknown as { results: { itemId: number; evidence: { kind: string; label: string }[] }[] }).results.find((r) => r.itemId === first!.id)!;
    expect(firstResult.evidence.map((e) => e.kind)).toEqual(['DRILL', 'ATTACHMENT']);
    expect(firstResult.evidence[1]!.label).toBe('安全生产目标文件.pdf');

    // Item 2: 不适用 needs a reason.
    await page.getByTestId('std-item-applicable').click();
    await page.getByTestId('std-item-save-next').click();
    await until(() => itemOf(page, 'std-item-na-reason').locator('.ant-form-item-explain-error').textContent()).toContain('不适用的理由');
    await page.getByTestId('std-item-na-reason').fill('本企业无此类设备或作业');
    await page.getByTestId('std-item-na-reason').press('Control+Enter');
    await until(() => page.getByTestId('std-item-editor-code').textContent()).toBe(third!.code);

    // Item 3: a score above the item's points is refused by main, beside the field.
    await field(page, 'std-item-score').fill(String(third!.points + 5));
    await page.getByTestId('std-item-save').click();
    await until(() => itemOf(page, 'std-item-score').locator('.ant-form-item-explain-error').textContent()).toContain(`不能超过该项的标准分值（${third!.points} 分）`);
    await shot(app, '152-std-item-score-refused');
    await field(page, 'std-item-score').fill('');
    await page.getByTestId('std-item-save').click();
    await page.getByTestId('std-item-form').waitFor({ state: 'detached' });
    await until(() => page.getByTestId('std-progress').textContent()).toContain('已评 3 / 101 项');
    await until(() => page.getByTestId(`std-item-score-${third!.code}`).textContent()).toBe(String(third!.points));
    // The running score over the answered items reaches 二级 (three accident-free years allow 一级).
    await until(() => page.getByTestId('std-grade').getAttribute('data-grade')).toBe('L2');
    const scored = await call(rt, 'stdSession.get', { id: sessionId }) as unknown as SessionOut;
    expect(scored.totals.answered).toBe(3);
    await page.getByTestId('std-workspace').evaluate((e) => e.scrollIntoView());
    await shot(app, '153-std-workspace-scoring');

    // Finishing with items left: main refuses and says how many.
    await page.getByTestId('std-finish').click();
    await page.getByTestId('std-finish-modal-ok').click();
    await until(() => page.getByTestId('std-finish-modal-error').textContent()).toContain('还有 98 个考评项目未评分');
    await page.getByTestId('std-finish-modal').getByRole('button', { name: /^取\s*消$/ }).click();
    await until(() => page.getByTestId('std-finish-modal').locator('.ant-modal').count()).toBe(0);

    // The rest through main directly: every fourth item loses half its points.
    for (const [n, r] of scored.results.filter((x) => !x.answered).entries()) {
      const pts = std.items.find((i) => i.id === r.itemId)!.points;
      const deduct = n % 4 === 0 ? [{ id: null, points: Math.max(1, Math.floor(pts / 2)), reason: '抽查发现记录不全' }] : [];
      await call(rt, 'stdSession.scoreItem', { sessionId, itemId: r.itemId, applicable: true, naReason: null, description: null, score: null, deductions: deduct, evidence: [], attachmentIds: [] });
    }
    await page.reload();
    await waitForState(page, 'ready');
    await until(() => page.getByTestId('std-progress').textContent()).toContain('已评 101 / 101 项');

    // Finished: the grade (score and the three accident-free years) is shown.
    await page.getByTestId('std-finish').click();
    await page.getByTestId('std-finish-modal-ok').click();
    await until(() => page.getByTestId('std-status').getAttribute('data-status')).toBe('FINISHED');
    const done = (await call(rt, 'stdSession.get', { id: sessionId })) as unknown as SessionOut;
    expect(done.grade).not.toBeNull();
    await until(() => page.getByTestId('std-grade').getAttribute('data-grade')).toBe(done.grade);
    expect(await page.getByTestId('std-score').textContent()).toContain(String(done.score));
    expect(await page.getByTestId('std-grade-explanation').textContent()).toContain(`得分 ${done.score} 分`);
    await page.getByTestId('std-reopen').waitFor();
    await shot(app, '154-std-finished');

    // 结果与扣分: bars per element, the weakest, and the deductions; the first becomes a hazard.
    await page.getByRole('tab', { name: /结果与扣分/ }).click();
    await page.getByTestId('std-el-bar-5.1').waitFor();
    await page.getByTestId('std-weak-0').waitFor();
    await page.getByTestId(`std-to-hazard-${first!.code}`).click();
    await page.getByTestId('std-hazard-modal').locator('.ant-modal').waitFor();
    const unitName = ((await call(rt, 'unit.list', {})) as unknown as { name: string; parentId: string | null }[]).find((u) => u.parentId)!.name;
    await choose(page, itemByLabel(page, 'std-hazard-modal', '责任单位').locator('.ant-select').first(), unitName, { tree: true });
    await until(() => itemOf(page, 'std-hazard-level').textContent()).toContain('一般');
    await page.getByTestId('std-hazard-modal-ok').click();
    await until(() => page.getByTestId(`std-deduction-${first!.code}`).locator('xpath=ancestor::tr').getByTestId('std-followup').getAttribute('data-kind')).toBe('hazard');
    const after = (await call(rt, 'stdSession.get', { id: sessionId })) as unknown as SessionOut;
    const hazardCode = after.results.find((r) => r.itemId === first!.id)!.deductions[0]!.hazardCode!;
    expect(hazardCode).toMatch(/^YH-/);
    expect(await page.getByTestId(`std-deduction-${first!.code}`).locator('xpath=ancestor::tr').textContent()).toContain(hazardCode);
    // The next one becomes a to-do, then done.
    const fourth = std.items[3]!;
    const todoRow = page.getByTestId(`std-deduction-${fourth.code}`).locator('xpath=ancestor::tr');
    await page.getByTestId(`std-to-todo-${fourth.code}`).click();
    await page.getByTestId('std-todo-modal').locator('.ant-modal').waitFor();
    await choose(page, itemByLabel(page, 'std-todo-modal', '责任人').locator('.ant-select').first(), person.name, { typed: person.name });
    await page.getByTestId('std-todo-modal-ok').click();
    await until(() => todoRow.getByTestId('std-followup').getAttribute('data-kind')).toBe('todo');
    await page.getByTestId(`std-todo-done-${fourth.code}`).click();
    await field(page, 'std-done-note').fill('已补齐安委会会议记录并归档');
    await page.getByTestId('std-done-modal-ok').click();
    await until(() => todoRow.getByTestId('std-followup').textContent()).toContain('已补齐安委会会议记录并归档');
    await until(() => page.getByTestId('std-deduction-summary').textContent()).toContain('已整改 1 个');
    await page.getByTestId('std-results').evaluate((e) => e.scrollIntoView());
    await shot(app, '155-std-results');

    await page.getByRole('tab', { name: /基本信息/ }).click();
    await until(() => page.getByTestId('std-info').textContent()).toContain('外聘专家 王工');
    // The report in the print centre.
    await page.getByRole('tab', { name: /逐项评分/ }).click();
    await page.getByTestId('std-print-report').click();
    await page.getByTestId('print-centre').waitFor();
    expect(page.url()).toContain(`type=stdReport&recordId=${sessionId}`);
    await waitForPreview(page);
    await shot(app, '156-std-report-print');

    // The hazard is in the ledger, source 标准化自评.
    await nav(app, '隐患台账', 'hazard-ledger-page');
    const row = page.getByTestId(`hazard-row-${hazardCode}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('标准化自评');
    await shot(app, '157-std-hazard-in-ledger');

    // Back in the list: three sessions and this one in the comparison.
    await nav(app, '标准化自评', 'std-sessions-page');
    await until(() => page.getByTestId('std-sessions-table').locator('.ant-table-row').count()).toBe(3);
    await until(() => page.getByTestId('std-compare-table').locator('thead th').filter({ hasText: /\d{4} 年/ }).count()).toBe(3);
    await shot(app, '158-std-sessions-compare');
    expect(app.pageErrors).toEqual([]);
  });

  it('import: a file with a missing parent element and a duplicate code lists the rows and imports nothing; a clean one imports', async () => {
    app = await launchApp({ seed: 'demo' });
    const { page, rt } = app;
    await waitForState(page, 'ready');
    await nav(app, '评分标准库', 'std-library-page');
    await until(() => page.getByTestId('std-library-table').locator('.ant-table-row').count()).toBe(1);

    const file = (elements: { code: string; name: string; parent: string | null }[]) => ({
      name: '机械行业评分细则.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          code: 'JX-2026',
          name: '机械制造企业安全生产标准化评分细则',
          edition: '2026',
          elements,
          items: [
            { code: 'A.1-1', element: 'A.1', content: '制定年度安全生产目标', points: 10, method: '未制定不得分' },
            { code: 'B.1-1', element: 'B.1', content: '砂轮机防护罩完好', points: 20, method: '每缺一处扣 5 分' },
          ],
        }),
      ),
    });
    await page.getByTestId('std-import').click();
    await page.getByTestId('std-import-modal').locator('.ant-modal').waitFor();
    await page.getByTestId('std-import-input').setInputFiles(
      file([
        { code: 'A', name: '基础管理', parent: null },
        { code: 'A.1', name: '目标职责', parent: 'A' },
        { code: 'B.1', name: '设备设施', parent: 'B' },
        { code: 'A.1', name: '机构和职责', parent: 'A' },
      ]),
    );
    const problems = page.getByTestId('std-import-problems');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('未导入任何内容');
    expect(text).toContain('第 3 行');
    expect(text).toContain('上级要素「B」不存在');
    expect(text).toContain('第 4 行');
    expect(text).toContain('要素编号「A.1」重复');
    expect(await page.getByTestId('std-import-confirm').count()).toBe(0);
    await shot(app, '159-std-import-problems');
    expect(((await call(rt, 'standard.list', {})) as unknown as unknown[]).length).toBe(1);

    // The corrected file: counts shown, then imported and opened.
    await page.getByTestId('std-import-input').setInputFiles(
      file([
        { code: 'A', name: '基础管理', parent: null },
        { code: 'A.1', name: '目标职责', parent: 'A' },
        { code: 'B', name: '现场管理', parent: null },
        { code: 'B.1', name: '设备设施', parent: 'B' },
      ]),
    );
    await until(() => page.getByTestId('std-import-ok').textContent()).toContain('30 分');
    await page.getByTestId('std-import-confirm').click();
    await until(() => page.getByTestId('std-standard-items').locator('.ant-table-row').count()).toBe(2);
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await until(() => page.getByTestId('std-library-table').locator('.ant-table-row').count()).toBe(2);

    // The Excel template is saved through the file dialog; the unused import can be deleted.
    await page.getByTestId('std-template').click();
    await until(() => app.platform.saved.map((f) => f.split(/[\\/]/).pop())).toEqual(['评分标准导入模板.xlsx']);
    await page.getByTestId('std-library-remove-JX-2026').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await until(() => page.getByTestId('std-library-table').locator('.ant-table-row').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
