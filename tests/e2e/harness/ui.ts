/** Gestures several end-to-end tests share. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { E2EApp } from './app.ts';

/** Draws two strokes on the signature pad once its dialog has settled. */
export async function drawSignature(page: Page) {
  const canvas = page.getByTestId('signature-canvas');
  // Wait for the dialog's opening animation to settle before drawing.
  let box = (await canvas.boundingBox())!;
  await expect.poll(async () => {
    const next = (await canvas.boundingBox())!;
    const settled = next.width > 300 && next.x === box.x && next.y === box.y && next.width === box.width;
    box = next;
    return settled;
  }).toBe(true);
  const strokes = [
    [[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.35], [0.5, 0.65]],
    [[0.55, 0.4], [0.65, 0.7], [0.75, 0.3], [0.9, 0.55]],
  ];
  for (const stroke of strokes) {
    const [x0, y0] = stroke[0]!;
    await page.mouse.move(box.x + box.width * x0!, box.y + box.height * y0!);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + box.width * x!, box.y + box.height * y!, { steps: 8 });
    await page.mouse.up();
  }
}

/** Waits until the print centre shows a rendered PDF page. */
export async function waitForPreview(page: Page) {
  await page.locator('[data-testid="pdf-preview"][data-rendering="no"] .sl-pdf-page').first().waitFor({ timeout: 60_000 });
}

/** Picks a unit in a form's tree select and waits until the choice shows. */
export async function chooseUnit(page: Page, form: Locator, name: string) {
  const item = form.locator('.ant-form-item', { has: page.getByLabel('所属单位') });
  await expect
    .poll(async () => {
      await form.getByLabel('所属单位').click();
      await page.locator('.ant-select-tree-node-content-wrapper', { hasText: name }).first().click();
      return item.locator('.ant-select-content, .ant-select-selection-item').first().textContent();
    }, { timeout: 20_000 })
    .toContain(name);
}

/** Opens a menu entry by its exact label and waits for the page. */
export const nav = async (a: E2EApp, label: string, testId: string) => {
  await a.page.locator('.ant-menu-item').filter({ has: a.page.getByText(label, { exact: true }) }).click();
  await a.page.getByTestId(testId).waitFor();
  await a.page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => {});
};
